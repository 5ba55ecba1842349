"""Participation workflow, from the draft to the completeness review (seed 001 p.7, p.9, p.13):
submit, take_for_review, send_remarks, resubmit and withdraw, with their guards and effects."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from techpolicy.casework.engine import WorkflowError, fire
from techpolicy.casework.models import Remark
from techpolicy.law.citation import Citation
from techpolicy.services.technopark.demo import participation_facts
from tests import factories

pytestmark = pytest.mark.django_db


def refused(case, action, actor, **kwargs) -> str:
    """Fire an action that must be refused; return the reason (in English)."""
    with translation.override("en"), pytest.raises(WorkflowError) as info:
        fire(case, action, actor, **kwargs)
    return str(info.value)


def actions_logged(case) -> list[str]:
    return list(case.transitions.values_list("action", flat=True))


# --- submit (p.7, p.9) -------------------------------------------------------------------------

def test_p9_submit_with_eligible_facts_and_documents_stores_the_verdict(draft_case, owner):
    case = fire(draft_case, "submit", owner)
    assert case.state == "submitted"
    assert case.verdict["outcome"] == "eligible"
    assert case.verdict["subject"] == "technopark.participation"
    assert case.submitted_on == timezone.localdate()
    assert actions_logged(case) == ["create", "submit"]


def test_p7_4_submit_refused_for_a_50_percent_national_company_share(owner):
    case = factories.make_participation_case(owner, state_share="50")
    reason = refused(case, "submit", owner)
    assert Citation("001", "7", "4").text("en") in reason
    assert "50 %" in reason
    case.refresh_from_db()
    assert case.state == "draft"
    assert case.verdict is None
    assert actions_logged(case) == ["create"]


def test_p9_submit_refused_without_the_required_documents(owner):
    case = factories.make_participation_case(owner, documents=False)
    reason = refused(case, "submit", owner)
    assert "paragraph 9" in reason
    for kind in ("business_plan", "tax_debt_certificate", "place_of_activity"):
        assert kind in reason
    case.refresh_from_db()
    assert case.state == "draft"


def test_p9_submit_refused_when_one_document_was_superseded_and_not_replaced(draft_case, owner):
    draft_case.documents.filter(kind="place_of_activity").update(superseded=True)
    reason = refused(draft_case, "submit", owner)
    assert "place_of_activity" in reason
    assert "business_plan" not in reason


def test_p7_submit_refused_for_facts_that_do_not_validate_naming_the_field(owner):
    # The facts a valid draft would carry, without opening it: one open application per organisation.
    organisation = owner.organisation
    facts = participation_facts(organisation.name, organisation.bin, "S-01", timezone.localdate())
    del facts["applicant"]["legal_form"]
    case = factories.make_participation_case(owner, facts=facts)
    reason = refused(case, "submit", owner)
    assert "applicant.legal_form" in reason
    case.refresh_from_db()
    assert case.state == "draft"


# --- take_for_review, send_remarks, resubmit (p.13) ---------------------------------------------

def test_p13_take_for_review_from_submitted(draft_case, owner, secretariat):
    case = fire(fire(draft_case, "submit", owner), "take_for_review", secretariat)
    assert case.state == "completeness_review"


def test_p13_send_remarks_needs_a_reason(draft_case, owner, secretariat):
    case = fire(fire(draft_case, "submit", owner), "take_for_review", secretariat)
    assert "reason" in refused(case, "send_remarks", secretariat, reason="   ")
    case.refresh_from_db()
    assert case.state == "completeness_review"
    assert not Remark.objects.filter(case=case).exists()


def test_p13_send_remarks_through_the_case_page_creates_the_remark(client, draft_case, owner, secretariat):
    case = fire(fire(draft_case, "submit", owner), "take_for_review", secretariat)
    client.force_login(secretariat)
    client.post(reverse("casework:fire", args=[case.number, "send_remarks"]),
                {"version": case.version, "reason": "Attach the lease contract (p.9(4))."})
    case.refresh_from_db()
    assert case.state == "remarks"
    remark = Remark.objects.get(case=case)
    assert remark.text == "Attach the lease contract (p.9(4))."
    assert remark.author == secretariat
    assert remark.answer == "" and remark.answered_at is None


def test_p13_send_remarks_through_the_engine_keeps_the_reason_as_remark_text(draft_case, owner, secretariat):
    case = fire(fire(draft_case, "submit", owner), "take_for_review", secretariat)
    fire(case, "send_remarks", secretariat, reason="Attach the lease contract (p.9(4)).")
    assert Remark.objects.get(case=case).text == "Attach the lease contract (p.9(4))."


def _in_remarks(case, owner, secretariat):
    case = fire(fire(case, "submit", owner), "take_for_review", secretariat)
    return fire(case, "send_remarks", secretariat, reason="Attach the lease contract.")


def test_p13_resubmit_answers_the_open_remarks(draft_case, owner, secretariat):
    case = _in_remarks(draft_case, owner, secretariat)
    case = fire(case, "resubmit", owner, payload={"answer": "The lease is attached."})
    assert case.state == "resubmitted"
    remark = Remark.objects.get(case=case)
    assert remark.answer == "The lease is attached."
    assert remark.answered_at == case.state_entered_at
    assert case.verdict["outcome"] == "eligible"


def test_p7_resubmit_refused_when_the_corrected_facts_are_not_eligible(draft_case, owner, secretariat):
    case = _in_remarks(draft_case, owner, secretariat)
    case.facts["applicant"]["subsoil_user"] = True
    case.save(update_fields=["facts"])
    reason = refused(case, "resubmit", owner, payload={"answer": "Updated."})
    assert Citation("001", "7", "5").text("en") in reason
    case.refresh_from_db()
    assert case.state == "remarks"
    assert Remark.objects.get(case=case).answered_at is None


def test_p13_take_for_review_again_after_resubmission(draft_case, owner, secretariat):
    case = _in_remarks(draft_case, owner, secretariat)
    case = fire(case, "resubmit", owner, payload={"answer": "Done."})
    case = fire(case, "take_for_review", secretariat)
    assert case.state == "completeness_review"
    assert actions_logged(case) == ["create", "submit", "take_for_review", "send_remarks", "resubmit",
                                    "take_for_review"]


# --- withdraw -----------------------------------------------------------------------------------

def test_withdraw_a_draft(draft_case, owner):
    case = fire(draft_case, "withdraw", owner)
    assert case.state == "withdrawn"


def test_withdraw_while_answering_remarks(draft_case, owner, secretariat):
    case = fire(_in_remarks(draft_case, owner, secretariat), "withdraw", owner)
    assert case.state == "withdrawn"


def test_withdraw_is_not_possible_once_submitted(draft_case, owner):
    case = fire(draft_case, "submit", owner)
    assert "not possible" in refused(case, "withdraw", owner)
    case.refresh_from_db()
    assert case.state == "submitted"


def test_a_withdrawn_application_cannot_be_submitted(draft_case, owner):
    case = fire(draft_case, "withdraw", owner)
    assert "not possible" in refused(case, "submit", owner)
