"""Acceleration and incubation services (seed 001 p.43-44, p.48, p.59-60): the electronic
application must carry items 1)-7) of paragraph 48; a person expelled from acceleration hands the
housing back by act within 2 working days (p.60)."""

import datetime as dt

import pytest
from django.utils import timezone, translation

from techpolicy.casework import law_context
from techpolicy.casework.engine import WorkflowError, create_case, fire
from techpolicy.law.citation import Citation
from techpolicy.services.technopark.workflows import SERVICES
from tests import factories

pytestmark = pytest.mark.django_db


def refused(case, action, actor, **kwargs) -> str:
    with translation.override("en"), pytest.raises(WorkflowError) as info:
        fire(case, action, actor, **kwargs)
    return str(info.value)


def services_facts(**changes) -> dict:
    today = timezone.localdate()
    facts = {
        "application_date": today.isoformat(),
        "project": {"name": "Qazaq OCR", "direction": "AI", "description": "OCR for Kazakh text",
                    "expected_results": "A product in 6 months"},
        "contacts": {"phone": "+7 701 000 0000", "email": "team@example.kz", "city": "Astana",
                     "country": "Kazakhstan"},
        "readiness": {"stage": "MVP", "technologies": "Python", "problem": "Manual data entry",
                      "business_model": "SaaS", "lifetime": "5 years"},
        "team": {"participants": 4, "involvement": "Full time"},
        "presentation_url": "https://example.kz/deck.pdf",
        "needs": {"needs": "Mentors", "expected_from_technopark": "Investor introductions"},
        "registered_taxpayer": True,
        "tax_debt": {"issued_on": (today - dt.timedelta(days=3)).isoformat(), "debt_kzt": "0"},
    }
    facts.update(changes)
    return facts


def services_case(facts=None):
    user = factories.make_applicant()
    return user, create_case(SERVICES, user.organisation, user, facts=facts or services_facts())


def accepted_case(secretariat):
    user, case = services_case()
    return user, fire(fire(case, "submit", user), "accept", secretariat)


def test_p48_complete_application_is_submitted():
    user, case = services_case()
    assert fire(case, "submit", user).state == "submitted"


def test_p48_1_blank_description_is_refused_with_the_sub_paragraph():
    facts = services_facts()
    facts["project"]["description"] = "  "
    user, case = services_case(facts)
    reason = refused(case, "submit", user)
    assert Citation("001", "48", "1").text("en") in reason
    assert "project.description" in reason


def test_p48_7_registered_taxpayer_without_tax_information_is_refused():
    user, case = services_case(services_facts(tax_debt=None))
    assert Citation("001", "48", "7").text("en") in refused(case, "submit", user)


def test_p48_7_tax_information_older_than_ten_calendar_days_is_refused():
    issued = timezone.localdate() - dt.timedelta(days=11)
    user, case = services_case(services_facts(tax_debt={"issued_on": issued.isoformat(), "debt_kzt": "0"}))
    assert Citation("001", "48", "7").text("en") in refused(case, "submit", user)


def test_p48_7_does_not_apply_to_an_unregistered_taxpayer():
    user, case = services_case(services_facts(registered_taxpayer=False, tax_debt=None))
    assert fire(case, "submit", user).state == "submitted"


def test_p48_malformed_facts_are_refused_naming_the_field():
    facts = services_facts()
    del facts["contacts"]
    user, case = services_case(facts)
    assert "contacts" in refused(case, "submit", user)


def test_p48_secretariat_refuses_with_a_reason(secretariat):
    user, case = services_case()
    case = fire(case, "submit", user)
    assert "reason" in refused(case, "refuse", secretariat)
    assert fire(case, "refuse", secretariat, reason="The programme is full.").state == "refused"


def test_p43_programme_completed(secretariat):
    _user, case = accepted_case(secretariat)
    case = fire(case, "complete", secretariat)
    assert case.state == "completed"


def test_p60_expel_needs_a_reason_and_sets_the_two_working_day_housing_term(secretariat):
    _user, case = accepted_case(secretariat)
    assert "reason" in refused(case, "expel", secretariat)
    case = fire(case, "expel", secretariat, reason="Missed the programme for a month.")
    assert case.state == "expelled"
    assert case.due_on == law_context.calendar().add(timezone.localdate(), 2)
    assert case.due_rule["citation"] == "001 p.60"
    assert (case.due_rule["days"], case.due_rule["unit"]) == (2, "working")


def test_p60_housing_returned_by_act_closes_the_case(secretariat):
    _user, case = accepted_case(secretariat)
    case = fire(fire(case, "expel", secretariat, reason="Expelled."), "housing_returned", secretariat)
    assert case.state == "housing_returned"
    assert SERVICES.state(case.state).final
    assert case.due_on is None and case.due_rule is None


def test_p60_housing_cannot_be_returned_before_expulsion(secretariat):
    _user, case = accepted_case(secretariat)
    assert "not possible" in refused(case, "housing_returned", secretariat)
