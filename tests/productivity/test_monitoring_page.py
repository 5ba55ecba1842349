"""Targets of the programme against its results (seed 004, sections 4.2, 4.3 and 8): targets and the
contradictions between them come from the law layer and are shown, never hidden; results are
counted from the database — enterprises paid and not terminated, by instrument family and
programme year (the year of the application date)."""

import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.law.acts.act004_productivity2020.monitoring import TARGETS, target_contradictions
from techpolicy.services.productivity import monitoring
from tests import factories
from tests.productivity.helpers import DIRECT_PATH, RETURNED, drive, improvement, training

pytestmark = pytest.mark.django_db


def page(client):
    with translation.override("en"):
        return client.get(reverse("productivity:monitoring"))


def test_every_target_is_listed_with_its_paragraph(client):
    response = page(client)
    assert [t["id"] for t in response.context["targets"]] == [t.id for t in TARGETS]
    assert "section 4, paragraph 2" in response.content.decode()


def test_the_contradictions_of_the_text_are_shown_with_both_citations(client):
    contradictions = target_contradictions()
    assert contradictions  # the seed's "9 by 2018" against "at least 10 a year"
    response = page(client)
    shown = response.context["contradictions"]
    assert len(shown) == len(contradictions)
    html = response.content.decode()
    for item in shown:
        assert item["explanation"] in html.replace("&#x27;", "'")
        assert item["first"]["citation"]["ref"] != item["second"]["citation"]["ref"]


def test_results_count_paid_reimbursements_by_family_and_programme_year(owner, operator):
    drive(factories.make_productivity_case(owner, training(owner)), DIRECT_PATH, owner, operator)  # 3a, 2015
    other = factories.make_applicant()
    steps = (*DIRECT_PATH[:4], ("return_signed", {"signed_on": "2015-11-20", "statistics_consent": "on"}),
             ("pay", {"paid_on": "2015-11-26", "reference": "PO-2"}), ("terminate", RETURNED))
    drive(factories.make_productivity_case(other, improvement(other)), steps, other, operator)  # 4b, terminated
    years, rows = monitoring.results_table()
    assert years == [2015]
    by_family = {row["family"]: row for row in rows}
    assert (by_family["3"]["total"], by_family["3"]["terminated"]) == (1, 0)
    assert (by_family["4"]["total"], by_family["4"]["terminated"]) == (0, 1)
    assert by_family["2"]["total"] == 0


def test_a_target_counts_enterprises_of_its_instruments(owner, operator):
    drive(factories.make_productivity_case(owner, training(owner)), DIRECT_PATH, owner, operator)
    rows = {t["id"]: t for t in monitoring.targets_table("en")}
    assert rows["4.3.2.2.2018"]["result"] == 1  # competence (instrument 3), cumulative 2015-2018
    assert rows["4.3.2.3.2018"]["result"] == 0  # technological processes (instrument 4)


def test_a_target_the_system_has_no_data_for_says_so(client):
    rows = {t["id"]: t for t in monitoring.targets_table("en")}
    assert rows["4.2.2015.2"]["result"] is None
    assert "not recorded" in rows["4.2.2015.2"]["note"]


def test_the_page_counts_nothing_from_cases_not_paid(client, owner, operator):
    from tests.productivity.helpers import path_to

    drive(factories.make_productivity_case(owner, training(owner)), path_to("payment_due"), owner, operator)
    _years, rows = monitoring.results_table()
    assert all(row["total"] == 0 for row in rows)
