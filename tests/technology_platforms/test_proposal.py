"""The proposal (000 p.27) and the authorized body's consideration against p.25-26: only a state
body or local executive body proposes, the coordinator is mandatory, the verdict is stored, a refusal
names the failed paragraphs, remarks are answered, and a referral needs a passing verdict of the day
(an undetermined one refuses with its note: Order No. 198 wording of p.27)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from techpolicy.casework import law_context
from techpolicy.casework.engine import DuplicateCase, WorkflowError, fire
from techpolicy.casework.models import Decision, Notification
from techpolicy.casework.uploads import store

from .world import coordinator, drive, pdf, proposal, years_ago

pytestmark = pytest.mark.django_db


def refused(case, action, actor, **kwargs) -> str:
    with translation.override("en"), pytest.raises(WorkflowError) as info:
        fire(case, action, actor, **kwargs)
    return str(info.value)


def test_000_p27_submission_stores_the_verdict_of_the_day(world):
    case = drive(proposal(world), world, "submit")
    assert case.state == "submitted" and case.submitted_on == law_context.today()
    assert case.verdict["outcome"] == "eligible"
    rules = {r["rule"]: r["status"] for r in case.verdict["rules"]}
    assert rules == {"000.p25.1": "passed", "000.p25.2": "passed", "000.p25.3": "passed", "000.p25.4": "passed",
                     "000.p25.5": "passed", "000.p26": "passed", "000.p27": "passed"}


def test_000_p27_a_proposal_of_an_organisation_that_is_not_a_state_body_is_refused(world):
    case = proposal(world, owner=world.other)
    assert "Only a state body or a local executive body" in refused(case, "submit", world.other)


def test_000_p27_a_proposal_without_its_coordinator_is_invalid_input(world):
    case = proposal(world)
    facts = case.facts
    del facts["proposal"]["coordinator"]
    case.facts = facts
    case.save(update_fields=["facts"])
    reason = refused(case, "submit", world.proposer)
    assert "incomplete" in reason and "proposal.coordinator" in reason


def test_000_p27_a_direction_the_proposer_does_not_supervise_fails_the_paragraph(world):
    case = drive(proposal(world, direction="07.01"), world, "submit")
    p27 = next(r for r in case.verdict["rules"] if r["rule"] == "000.p27")
    assert p27["status"] == "failed" and "07.01" in p27["reason"]["en"]
    reason = refused(case, "refer_to_hstc", world.ab)
    assert "paragraph 27" in reason


def test_000_p25_3_p25_5_the_refusal_names_the_failed_paragraphs_in_the_user_language(world):
    case = drive(proposal(world, commitments=False, coordinator_facts=coordinator(memoranda=0)), world, "submit")
    case = drive(case, world, "refuse", refuse={"reason": "Критерийлер орындалмаған", "confirm": "on"})
    assert case.state == "refused"
    decision = Decision.objects.get(case=case)
    assert (decision.kind, decision.outcome, decision.basis) == ("organisation", "refused",
                                                                 ["000 p.25(3)", "000 p.25(5)"])
    notice = Notification.objects.filter(case=case).order_by("-pk").first()
    assert notice is not None and "25-тармақтың 3) тармақшасы" in notice.body and "5) тармақшасы" in notice.body


def test_the_refusal_needs_its_confirmation_and_grounds(world):
    case = drive(proposal(world, commitments=False), world, "submit")
    assert "Tick the confirmation" in refused(case, "refuse", world.ab, reason="No commitments")
    eligible = drive(proposal(world, name="Басқа платформа"), world, "submit")
    assert "meets paragraphs 25-27" in refused(eligible, "refuse", world.ab, reason="x", payload={"confirm": "on"})


def test_000_p25_2_three_years_exactly_pass_and_a_day_less_fails(world):
    exactly = drive(proposal(world, coordinator_facts=coordinator(started_on=years_ago(3))), world, "submit")
    assert next(r for r in exactly.verdict["rules"] if r["rule"] == "000.p25.2")["status"] == "passed"
    short = drive(proposal(world, name="Екінші", coordinator_facts=coordinator(started_on=years_ago(3, days=1))),
                  world, "submit")
    assert next(r for r in short.verdict["rules"] if r["rule"] == "000.p25.2")["status"] == "failed"
    assert "paragraph 25(2)" in refused(short, "refer_to_hstc", world.ab)


def test_remarks_are_answered_and_the_corrected_proposal_resubmitted(world):
    case = drive(proposal(world, commitments=False), world, "submit")
    case = drive(case, world, "return_with_remarks", return_with_remarks={"reason": "Міндеттемелер құжатын тіркеңіз"})
    assert case.state == "remarks" and case.remarks.get().answered_at is None
    store(case, "commitments", pdf(), world.proposer)
    case = drive(case, world, "resubmit", resubmit={"answer": "Тіркелді"})
    assert case.state == "submitted" and case.remarks.get().answer == "Тіркелді"
    assert case.verdict["outcome"] == "eligible"


def test_000_p27_before_order_198_took_effect_the_referral_is_refused_with_the_note(world, monkeypatch):
    case = drive(proposal(world), world, "submit")
    monkeypatch.setattr(law_context, "today", lambda: dt.date(2026, 3, 1))
    reason = refused(case, "refer_to_hstc", world.ab)
    assert "Cannot be decided on 2026-03-01" in reason and "not in the source" in reason
    # Nor can it be refused on the paragraphs: there is nothing failed, only the missing wording.
    assert "Cannot be decided" in refused(case, "refuse", world.ab, reason="x", payload={"confirm": "on"})


def test_one_open_proposal_per_sector_direction_and_platform_name(world):
    proposal(world)
    with pytest.raises(DuplicateCase):
        proposal(world, name="  сутегі  ТЕХНОЛОГИЯЛЫҚ платформасы ")
    assert proposal(world, direction="05.02").state == "draft"  # p.29: another direction of the sector


def test_withdrawal_closes_the_proposal_and_frees_its_subject(world):
    case = drive(proposal(world), world, "withdraw")
    assert case.state == "withdrawn" and not case.open
    assert proposal(world).state == "draft"
