"""The designation workflow by paragraph (000 ch.3): the initiative (p.18), the proposal of the
supervising state body (p.19), the authorized body's consideration against p.17, the designation by
the state body (p.20) and the register (p.21). Real database, real engine, no stubs."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from techpolicy.casework import law_context
from techpolicy.casework.engine import DuplicateCase, WorkflowError, fire
from techpolicy.casework.models import Decision, Notification, RegisterEntry, Remark
from techpolicy.services.competence_centres.models import Proposal
from techpolicy.services.competence_centres.workflows import DESIGNATION

from .world import (
    AREAS,
    RENEWABLES,
    designation_payload,
    drive,
    initiative,
    years_ago,
)

pytestmark = pytest.mark.django_db


def refused(case, action, actor, **kw) -> str:
    with translation.override("en"), pytest.raises(WorkflowError) as caught:
        fire(case, action, actor, **kw)
    return str(caught.value)


def test_000_p18_a_natural_person_cannot_initiate(world):
    case = initiative(world, kind="natural_person")
    message = refused(case, "submit", world.owner)
    assert "18" in message and "natural person" in message


def test_000_p18_the_initiative_goes_to_the_state_body_with_its_verdict(world):
    case = drive(initiative(world, started_on=years_ago(5, days=1)), world, "submit")
    assert case.state == "initiated"
    # p.17 is the authorized body's to consider: the verdict is stored and shows 17(1) failing.
    assert case.verdict["outcome"] == "not_eligible"
    assert [r["rule"] for r in case.verdict["rules"] if r["status"] == "failed"] == ["000.p17.1"]
    assert case.submitted_on == law_context.today()


def test_000_p19_the_initiative_is_addressed_to_a_body_supervising_the_direction(world):
    case = initiative(world, body=world.other_ministry.organisation)
    message = refused(case, "submit", world.owner)
    assert "paragraph 19" in message and "Hydrogen energy" in message


def test_000_p19_only_the_addressed_state_body_proposes(world):
    case = drive(initiative(world), world, "submit")
    message = refused(case, "propose", world.other_ministry)
    assert "addressed to another state body (Ministry of Energy)" in message
    case = drive(case, world, "propose")
    proposal = Proposal.objects.get(case=case)
    assert (proposal.state_body, proposal.submitted_on) == (world.body, law_context.today())
    assert proposal.supervised == [["05", "05.01"], ["05", "05.02"]]
    assert case.state == "consideration"
    # The verdict with the proposal: p.19 passes for a direction the proposer supervises.
    p19 = next(r for r in case.verdict["rules"] if r["rule"] == "000.p19")
    assert p19["status"] == "passed"


def test_000_p19_the_consideration_term_is_not_set_by_the_source(world):
    case = drive(initiative(world), world, "submit", "propose")
    assert case.due_on is None
    assert case.due_rule["not_set"] is True and case.due_rule["parameter"] == "tp.cc.ab_consideration_term"
    assert case.due_rule["citation"] == "000 p.19"


def test_000_p19_the_state_body_may_decline_with_a_reason(world):
    case = drive(initiative(world), world, "submit")
    assert "reason" in refused(case, "decline", world.ministry, payload={"confirm": "on"}).lower()
    assert "confirm" in refused(case, "decline", world.ministry, reason="Outside our programme")
    case = drive(case, world, "decline", decline={"reason": "Outside our programme"})
    assert (case.state, case.open) == ("not_proposed", False)


def test_000_p17_1_four_years_and_364_days_is_refused_naming_the_paragraph(world):
    case = drive(initiative(world, started_on=years_ago(5, days=1)), world, "submit", "propose")
    message = refused(case, "find_compliant", world.ab)
    assert "17" in message and "4 full years and 364 days" in message
    with translation.override("en"):
        case = drive(case, world, "refuse", refuse={"reason": "Experience short of five years."})
    assert (case.state, case.open) == ("refused", False)
    decision = Decision.objects.get(case=case)
    assert (decision.kind, decision.outcome, decision.basis) == ("consideration", "refused", ["000 p.17(1)"])
    notice = Notification.objects.filter(case=case).latest("pk")
    assert "paragraph 17(1)" in notice.body


def test_000_p17_1_exactly_five_years_is_compliant(world):
    case = drive(initiative(world, started_on=years_ago(5)), world, "submit", "propose", "find_compliant")
    assert case.state == "compliant" and case.verdict["outcome"] == "eligible"
    p17 = next(r for r in case.verdict["rules"] if r["rule"] == "000.p17.1")
    assert (p17["details"]["years"], p17["details"]["days"]) == (5, 0)
    assert Decision.objects.get(case=case, kind="consideration").outcome == "approved"


def test_000_p17_2_a_refusal_names_the_uncovered_areas(world):
    case = drive(initiative(world, areas=AREAS[:2]), world, "submit", "propose")
    message = refused(case, "find_compliant", world.ab)
    assert "assessing technologies" in message and "technical regulation and standardisation" in message


def test_000_p17_3_own_funds_are_required(world):
    case = drive(initiative(world, own_funds=False), world, "submit", "propose")
    assert "own funds" in refused(case, "find_compliant", world.ab)


def test_a_refusal_rests_on_a_failed_criterion(world):
    case = drive(initiative(world), world, "submit", "propose")
    message = refused(case, "refuse", world.ab, reason="We do not like it", payload={"confirm": "on"})
    assert "meets paragraphs 17-19" in message and "remarks" in message


def test_remarks_are_answered_and_the_initiative_resubmitted(world):
    case = drive(initiative(world), world, "submit", "propose")
    case = drive(case, world, "return_with_remarks", return_with_remarks={"reason": "Attach the diplomas."})
    assert case.state == "remarks"
    case = drive(case, world, "resubmit", resubmit={"answer": "Attached."})
    assert case.state == "consideration"
    remark = Remark.objects.get(case=case)
    assert (remark.text, remark.answer) == ("Attach the diplomas.", "Attached.")


def test_after_its_proposal_the_initiative_is_not_readdressed(world):
    case = drive(initiative(world), world, "submit", "propose", "return_with_remarks",
                 return_with_remarks={"reason": "Check."})
    case.facts = {**case.facts, "state_body": world.other_ministry.organisation.pk}
    case.save(update_fields=["facts"])
    assert "cannot be readdressed" in refused(case, "resubmit", world.owner, payload={"answer": "x"})


def test_the_owner_withdraws_a_draft_or_during_remarks(world):
    case = drive(initiative(world), world, "withdraw")
    assert (case.state, case.open) == ("withdrawn", False)


def test_000_p20_the_addressed_state_body_designates_by_a_numbered_dated_decision(world):
    case = drive(initiative(world), world, "submit", "propose", "find_compliant")
    assert "another state body" in refused(case, "designate", world.other_ministry, payload=designation_payload())
    assert "number" in refused(case, "designate", world.ministry, payload={"decision_date": "2026-01-01"})
    unconfirmed = {k: v for k, v in designation_payload().items() if k != "confirm"}
    assert "final" in refused(case, "designate", world.ministry, payload=unconfirmed)
    future = law_context.today() + dt.timedelta(days=1)
    assert "future" in refused(case, "designate", world.ministry, payload=designation_payload(future))
    before = law_context.today() - dt.timedelta(days=1)
    assert "precede" in refused(case, "designate", world.ministry, payload=designation_payload(before))
    case = drive(case, world, "designate", designate=designation_payload(number="17-ө"))
    assert (case.state, case.open) == ("designated", False)
    decision = Decision.objects.get(case=case, kind="designation")
    assert (decision.outcome, decision.basis, decision.verdict["outcome"]) == ("approved", ["000 p.20"], "eligible")
    entry = RegisterEntry.objects.get(case=case)
    assert entry.data == {"sector": ["05"], "direction": ["05.01"], "state_body": "Ministry of Energy",
                          "decision_number": "17-ө", "review": []}
    assert (entry.organisation, entry.valid_from, entry.basis_citation) == (
        world.owner.organisation, law_context.today(), "000 p.20")
    assert entry.basis_decision == decision


def test_000_p20_the_state_body_may_decide_not_to_designate(world):
    case = drive(initiative(world), world, "submit", "propose", "find_compliant")
    case = drive(case, world, "not_designate", not_designate={"reason": "Priorities changed."})
    assert (case.state, case.open) == ("not_designated", False)
    assert not RegisterEntry.objects.filter(case=case).exists()


def test_000_p21_a1_a_second_centre_for_the_same_pair_is_flagged_not_refused(world):
    drive(initiative(world), world, "submit", "propose", "find_compliant", "designate",
          designate=designation_payload())
    world.owner = world.other  # another university, same sector and direction
    case = drive(initiative(world), world, "submit", "propose", "find_compliant", "designate",
                 designate=designation_payload())
    assert case.state == "designated"
    assert RegisterEntry.objects.get(case=case).data["review"] == ["R-A2"]


def test_000_p21_a1_several_centres_in_a_sector_for_different_directions(world):
    drive(initiative(world), world, "submit", "propose", "find_compliant", "designate",
          designate=designation_payload())
    world.owner = world.other
    case = drive(initiative(world, direction=RENEWABLES), world, "submit", "propose", "find_compliant", "designate",
                 designate=designation_payload())
    assert RegisterEntry.objects.get(case=case).data["review"] == []


def test_one_open_initiative_per_organisation_and_pair(world):
    initiative(world)
    with pytest.raises(DuplicateCase):
        initiative(world)
    assert initiative(world, direction=RENEWABLES).state == "draft"  # another direction is another subject


def test_a_new_initiative_after_a_refusal(world):
    first = drive(initiative(world, started_on=years_ago(5, days=1)), world, "submit", "propose")
    drive(first, world, "refuse", refuse={"reason": "Short of five years."})
    second = drive(initiative(world, started_on=years_ago(5)), world, "submit", "propose", "find_compliant")
    assert second.state == "compliant"


def test_an_organisation_already_designated_for_the_pair_does_not_initiate_again(world):
    drive(initiative(world), world, "submit", "propose", "find_compliant", "designate",
          designate=designation_payload())
    case = initiative(world)
    assert "already designated" in refused(case, "submit", world.owner)


def test_undetermined_before_order_198_took_effect_is_never_a_pass(world, monkeypatch):
    """X.000.inforce: p.19 is in the Order No. 198 wording (in force not before 2026-04-30); a
    consideration dated before it cannot be decided, and the guard says why."""
    case = drive(initiative(world, started_on=dt.date(2010, 1, 1)), world, "submit", "propose")
    monkeypatch.setattr(law_context, "today", lambda: dt.date(2026, 4, 1))
    message = refused(case, "find_compliant", world.ab)
    assert "wording of the rules in force on that date is not in the source" in message
    assert "not in the source" in refused(case, "refuse", world.ab, reason="x", payload={"confirm": "on"})


def test_the_table_names_its_paragraphs():
    cited = {a.id: a.citation.ref for a in DESIGNATION.actions if a.citation}
    assert cited == {"submit": "000 p.18", "propose": "000 p.19", "decline": "000 p.19",
                     "find_compliant": "000 p.17", "return_with_remarks": "000 p.19", "refuse": "000 p.17",
                     "resubmit": "000 p.19", "designate": "000 p.20", "not_designate": "000 p.20"}
    assert DESIGNATION.staff_roles() == {"state_body", "authorized_body"}
