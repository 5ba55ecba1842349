"""The terms table of the service kit (casework.kit.terms): every term the workflow tables' states
carry, once per parameter, with its value on the date, its unit and the paragraph that sets it; a
term the source document does not set says so and is never filled in (001 p.13 sets no term for
the completeness review or the commission's decision)."""

import datetime as dt

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from techpolicy.casework.kit.terms import terms_table
from techpolicy.casework.workflow import DRAFT, DeadlineSpec, State, Workflow
from techpolicy.law.citation import Citation
from techpolicy.law.terms import Term
from techpolicy.services.productivity.workflows import ALL as PRODUCTIVITY
from techpolicy.services.technopark.workflows import ALL as TECHNOPARK
from techpolicy.services.technopark.workflows import PARTICIPATION

pytestmark = pytest.mark.django_db

ON = dt.date(2026, 12, 2)


def row(page: str, parameter: str) -> str:
    start = page.index(f'data-parameter="{parameter}"')
    return page[start: page.index("</tr>", start)]


def test_001_every_state_term_of_the_technopark_once_with_the_paragraph():
    with translation.override("en"):
        rows = {r["parameter"]: r for r in terms_table(TECHNOPARK, ON)}
    assert set(rows) == {"technopark.completeness_review_wd", "technopark.commission_decision_wd",
                         "technopark.certificate_wd", "technopark.register_entry_wd",
                         "technopark.activity_change_decision_wd", "technopark.housing_vacate_wd"}
    certificate = rows["technopark.certificate_wd"]
    assert (certificate["value"], certificate["counted"], certificate["not_set"]) == (3, "working", False)
    assert "paragraph 18" in certificate["citation"]
    with translation.override("en"):
        assert [str(state) for _workflow, state in certificate["states"]] == ["Contract signed: certificate due"]
    # p.13: the completeness review runs in three states of the participation table.
    review = rows["technopark.completeness_review_wd"]
    assert (review["value"], review["not_set"]) == (None, True)
    assert [w for w, _state in review["states"]] == [PARTICIPATION.name] * 3


def test_001_p13_the_page_shows_an_unset_term_as_not_set_by_the_source(client):
    page = client.get(reverse("technopark:index")).content.decode()  # Kazakh, the default language
    with translation.override("kk"):
        not_set = translation.gettext("not set by the source document")
        three = translation.gettext("%(n)s working days") % {"n": 3}
    assert not_set in row(page, "technopark.commission_decision_wd")
    assert three in row(page, "technopark.certificate_wd")
    assert "10" in row(page, "technopark.extension_notice_wd")  # p.36, a term no state carries


def test_004_s5_4_the_terms_in_the_order_of_the_mechanisms_without_repeats():
    order = [w for w in PRODUCTIVITY if w.id == "productivity.leasing"] + [
        w for w in PRODUCTIVITY if w.id != "productivity.leasing"]
    rows = terms_table(order, dt.date(2015, 9, 15))
    names = [r["parameter"] for r in rows]
    assert len(names) == len(set(names)) == 18
    assert names[:3] == ["p2020.leasing.confirmation_wd", "p2020.leasing.notice_wd", "p2020.direct.completeness_wd"]


def test_004_before_the_programme_no_value_is_in_force_and_none_is_invented():
    rows = terms_table(PRODUCTIVITY, dt.date(2014, 1, 1))
    assert all(r["value"] is None and r["not_in_force"] for r in rows)


def test_a_term_counted_in_calendar_days_says_so():
    """A workflow whose state counts calendar days (the unit is the table's, the number the act's)."""
    term = Term("kit-test.waiting", "technopark.certificate_wd", Citation("001", "18"), {"en": "signing"},
                {"en": "issue"}, unit="calendar")
    workflow = Workflow(id="kit-test.calendar", name="Calendar", case_prefix="KT", initial="draft", states=(
        DRAFT, State("waiting", "Waiting", "Waiting", "owner", DeadlineSpec(term))), actions=())
    terms = terms_table((workflow,), ON)
    with translation.override("en"):
        page = render_to_string("casework/kit/_terms.html", {"terms": terms})
    assert "3 calendar days" in row(page, "technopark.certificate_wd")
    assert "Calendar: Waiting" in page
