"""The application form of the programme (seed 004, sections 5.1-5.4): it saves a draft case with
the facts of the law layer in the workflow the instrument and channel choose; the applicant edits
it as a draft or while correcting it, and a stale form is refused."""

import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.casework.engine import fire
from techpolicy.casework.models import Case
from tests import factories
from tests.productivity.helpers import training

pytestmark = pytest.mark.django_db


def application_form(**changes) -> dict:
    """The form of a 3a application, filed directly (the demo's training case)."""
    data = {
        "b-application_date": "2015-09-15", "b-instrument": "3a", "ch-channel": "direct",
        "a-name": "Owner Tech LLP", "a-bin": "", "a-oked_codes": "25.11", "a-activity_since": "2011-03-01",
        "e-TOTAL_FORMS": "1", "e-INITIAL_FORMS": "0", "e-MIN_NUM_FORMS": "0", "e-MAX_NUM_FORMS": "20",
        "e-0-id": "academy", "e-0-name": "Qazaq Industrial Academy", "e-0-service": "training_education",
        "e-0-experience_years": "8", "e-0-past_projects": "12",
        "c-TOTAL_FORMS": "2", "c-INITIAL_FORMS": "0", "c-MIN_NUM_FORMS": "0", "c-MAX_NUM_FORMS": "200",
        "c-0-kind": "training_fee", "c-0-amount_kzt": "3000000", "c-0-incurred_on": "2015-07-20",
        "c-0-executor": "academy", "c-0-employees": "welder-1, welder-2, foreman-1", "c-0-training_kind": "course",
        "c-0-room_single_standard": "on",
        "c-1-kind": "per_diem", "c-1-amount_kzt": "60000", "c-1-incurred_on": "2015-07-20",
        "c-1-employees": "foreman-1", "c-1-room_single_standard": "on",
    }
    data.update(changes)
    return data


def url(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.mark.parametrize(("changes", "workflow"), [
    ({}, "productivity.direct"),
    ({"ch-channel": "nce"}, "productivity.nce"),
])
def test_the_draft_follows_the_procedure_of_its_channel(client, owner, changes, workflow):
    client.force_login(owner)
    response = client.post(url("productivity:apply"), application_form(**changes))
    case = Case.objects.get(organisation=owner.organisation)
    assert response["Location"].endswith(f"/cases/{case.number}/")
    assert (case.workflow, case.state) == (workflow, "draft")
    assert case.facts["costs"][0]["employees"] == ["welder-1", "welder-2", "foreman-1"]
    assert case.facts["applicant"]["oked_codes"] == ["25.11"]
    assert case.facts["applicant"]["positive_expertise"] is None  # unanswered stays missing, never "no"


def test_the_saved_draft_can_be_submitted(client, owner):
    client.force_login(owner)
    client.post(url("productivity:apply"), application_form())
    case = Case.objects.get(organisation=owner.organisation)
    assert fire(case, "submit", owner).state == "submitted"


def test_a_leasing_application_needs_the_leasing_form_and_no_costs(client, owner):
    client.force_login(owner)
    data = application_form(**{"b-instrument": "1", "c-TOTAL_FORMS": "0"})
    response = client.post(url("productivity:apply"), data)
    assert response.status_code == 200
    assert response.context["forms"]["leasing"].errors
    data.update({"l-project_oked": "25.11", "l-object_cost_kzt": "400000000", "l-own_cash_kzt": "80000000",
                 "l-term_years": "8", "l-rate_percent": "5"})
    client.post(url("productivity:apply"), data)
    case = Case.objects.get(organisation=owner.organisation)
    assert case.workflow == "productivity.leasing"
    assert case.facts["leasing"]["object_cost_kzt"] == "400000000"
    assert "channel" not in case.facts


def test_facts_the_law_layer_refuses_are_named_and_nothing_is_saved(client, owner):
    client.force_login(owner)
    response = client.post(url("productivity:apply"), application_form(**{"c-0-employees": ""}))
    assert response.status_code == 200
    assert response.context["forms"]["costs"].forms[0].errors["employees"]  # next to its field (issue 10, item 2)
    assert not Case.objects.filter(organisation=owner.organisation).exists()


def test_a_user_without_an_organisation_cannot_apply(client, operator):
    client.force_login(operator)
    assert client.get(url("productivity:apply")).status_code == 403


def test_the_applicant_edits_a_draft_and_a_stale_form_is_refused(client, owner, messages_of):
    case = factories.make_productivity_case(owner, training(owner))
    client.force_login(owner)
    page = client.get(url("productivity:edit", case.number))
    assert page.status_code == 200
    assert page.context["forms"]["applicant"].initial["oked_codes"] == "25.11"
    response = client.post(url("productivity:edit", case.number),
                           application_form(version=case.version, **{"a-oked_codes": "25.11, 25.12"}))
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.facts["applicant"]["oked_codes"] == ["25.11", "25.12"]
    stale = client.post(url("productivity:edit", case.number), application_form(version=case.version - 1))
    assert "changed by someone else" in " ".join(messages_of(stale))


def test_the_instrument_of_a_draft_cannot_be_changed_by_editing(client, owner):
    case = factories.make_productivity_case(owner, training(owner))
    client.force_login(owner)
    response = client.post(url("productivity:edit", case.number),
                           application_form(version=case.version, **{"ch-channel": "nce"}))
    assert response.status_code == 200
    assert response.context["fact_errors"][0]["field"] == "instrument"


def test_another_applicant_cannot_edit_and_a_submitted_case_is_not_editable(client, owner, other_applicant,
                                                                           messages_of):
    case = factories.make_productivity_case(owner, training(owner))
    client.force_login(other_applicant)
    assert client.get(url("productivity:edit", case.number)).status_code == 403
    fire(case, "submit", owner)
    client.force_login(owner)
    response = client.get(url("productivity:edit", case.number))
    assert response.status_code == 302
    assert "only be changed" in messages_of(response)[0]
