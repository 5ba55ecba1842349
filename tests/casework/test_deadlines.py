"""Deadlines derived from the transition log and the working calendar (seed 001 p.13, p.18, p.20):
the term of each state with its citation, or "not set by the source document"."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from techpolicy.casework import law_context
from techpolicy.casework.engine import deadline, fire
from techpolicy.casework.models import ParameterEntry, Transition
from techpolicy.law.citation import Citation
from techpolicy.services.technopark.workflows import PARTICIPATION
from tests import factories

pytestmark = pytest.mark.django_db


def add_wd(day: dt.date, days: int) -> dt.date:
    return law_context.calendar().add(day, days)


def signed_on(case) -> dt.date:
    return case.contract.signed_on


@pytest.fixture
def contract_case(owner, secretariat, commission):
    _commission, voters = commission
    return factories.drive_participation(factories.make_participation_case(owner), "contract", owner,
                                         secretariat, voters)


def test_p13_review_term_is_not_set_by_the_source_document(draft_case, owner):
    case = fire(draft_case, "submit", owner)
    assert case.due_on is None
    rule = case.due_rule
    assert rule["not_set"] is True
    assert (rule["days"], rule["due"]) == (None, None)
    assert rule["parameter"] == "technopark.completeness_review_wd"
    assert rule["citation"] == "001 p.13"
    assert rule["from"] == timezone.localdate().isoformat()


def test_p13_case_page_says_the_term_is_not_set(client, draft_case, owner):
    case = fire(draft_case, "submit", owner)
    client.force_login(owner)
    with translation.override("en"):
        page = client.get(reverse("casework:detail", args=[case.number])).content.decode()
    assert "term not set by the source document" in page
    assert escape(Citation("001", "13").text("en")) in page  # the paragraph in the page's language
    assert "001 p.13" not in page  # never the internal reference


def test_p13_operator_set_review_term_is_applied(draft_case, owner):
    ParameterEntry.objects.create(name="technopark.completeness_review_wd", start=dt.date(2022, 9, 3),
                                  value="7", citation="Internal order of the technopark (test)")
    case = fire(draft_case, "submit", owner)
    assert case.due_rule["not_set"] is False
    assert case.due_on == add_wd(timezone.localdate(), 7)


def test_p18_after_sign_contract_certificate_is_due_in_three_working_days(contract_case):
    case = contract_case
    assert case.state == "contract"
    assert case.due_on == add_wd(signed_on(case), 3)
    assert case.due_rule["citation"] == "001 p.18"
    assert (case.due_rule["days"], case.due_rule["unit"], case.due_rule["anchor"]) == (3, "working", "contract")


def test_p18_p20_terms_count_from_the_signing_date_not_the_recording_date(owner, secretariat, commission):
    _commission, voters = commission
    case = factories.drive_participation(factories.make_participation_case(owner), "approved", owner,
                                         secretariat, voters)
    signed = timezone.localdate() - dt.timedelta(days=7)  # recorded a week after signing
    case = fire(case, "sign_contract", secretariat, payload=factories.contract_payload(signed))
    assert case.due_on == add_wd(signed, 3)
    assert case.due_rule["from"] == signed.isoformat()
    case = fire(case, "issue_certificate", secretariat)
    assert case.due_on == add_wd(signed, 3)
    assert case.due_rule["citation"] == "001 p.20"


def test_p20_register_entry_term_still_counts_from_the_contract(contract_case, secretariat):
    case = fire(contract_case, "issue_certificate", secretariat)
    assert case.state == "certificate_issued"
    assert case.due_on == add_wd(signed_on(case), 3)
    assert case.due_rule["citation"] == "001 p.20"
    assert case.due_rule["anchor"] == "contract"
    assert case.due_rule["from"] == signed_on(case).isoformat()


def test_final_state_carries_no_term(contract_case, secretariat):
    case = fire(fire(contract_case, "issue_certificate", secretariat), "enter_register", secretariat)
    assert case.state == "registered"
    assert (case.due_on, case.due_rule) == (None, None)


def test_p18_term_is_read_from_the_log_date_and_skips_non_working_days(owner):
    case = factories.make_case(owner.organisation, owner, state="contract")
    friday = dt.date(2026, 3, 20)  # before the Nauryz holidays of 21-23 March
    Transition.objects.create(case=case, action="sign_contract", from_state="approved", to_state="contract",
                              actor=owner, at=timezone.now(), on_date=friday)
    rule = deadline(PARTICIPATION, case)
    due = dt.date.fromisoformat(rule["due"])
    assert rule["from"] == friday.isoformat()
    assert due == add_wd(friday, 3)
    assert law_context.calendar().is_working_day(due)
    assert law_context.calendar().count(friday, due) == 3
    assert due > friday + dt.timedelta(days=5)  # a weekend and the holidays are not counted
