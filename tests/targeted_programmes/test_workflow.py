"""The programme workflow (000 p.31-43) driven through the engine: each guard's refusal names its
paragraph; versions answer remarks (p.42); agreements before the HSTC (p.42); approval after the
HSTC's recommendation (p.43, reading R-C4) opens the monitoring plan (000.p38.a2, 000.p39)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from techpolicy.casework import law_context
from techpolicy.casework.engine import DuplicateCase, WorkflowError, fire
from techpolicy.monitoring.models import Plan
from techpolicy.services.targeted_programmes.models import Agreement
from tests.targeted_programmes import world as w

pytestmark = pytest.mark.django_db


def refusal(case, step, actor, **payload) -> str:
    with pytest.raises(WorkflowError) as refused:
        fire(case, step, actor, payload=payload)
    return str(refused.value)


def test_000_p35_a_passport_field_missing_is_refused_naming_paragraph_35_in_kazakh(world):
    passport = {**w.programme_facts(world)["passport"], "basis": ""}
    case = w.draft(world, passport=passport)
    with translation.override("kk"):
        message = refusal(case, "submit", world.developer)
    assert "35-тармақ" in message and case.state == "draft"


def test_000_p34_a_missing_section_is_named(world):
    case = w.draft(world, resources=None)
    with translation.override("en"):
        message = refusal(case, "submit", world.developer)
    assert "34" in message


def test_000_p31_a_developer_that_is_no_competence_centre_is_refused(world):
    case = w.draft(world, owner=world.other)
    with translation.override("en"):
        message = refusal(case, "submit", world.other)
    assert "31" in message


def test_000_p42_the_draft_goes_to_the_state_body_supervising_its_direction(world):
    case = w.draft(world, state_body=world.other_body.organisation_id)
    with translation.override("en"):
        message = refusal(case, "submit", world.developer)
    assert "does not supervise" in message and "42" in message


def test_000_p42_remarks_are_answered_by_a_new_version_and_only_the_addressed_body_reviews(world):
    case = w.drive(w.draft(world), world, "submit")
    assert refusal(case, "conclude_review", world.other_body)  # the agriculture ministry is not addressed
    case = w.drive(case, world, "return_with_remarks", "resubmit", return_with_remarks={"reason": "Бірлік?"},
                   resubmit={"answer": "Түзетілді"})
    versions = list(case.ttp_versions.values_list("number", "reason", "answer"))
    assert versions == [(1, "submitted", ""), (2, "resubmitted", "Түзетілді")]
    assert case.remarks.get().answer == "Түзетілді"
    assert w.drive(case, world, "conclude_review").decisions.get(kind="review").basis == ["000 p.42"]


def test_000_p42_proposals_go_to_the_hstc_after_the_agreements_and_none_refusing(world):
    case = w.drive(w.draft(world), world, "submit", "conclude_review")
    with translation.override("en"):
        assert "agreement" in refusal(case, "submit_to_hstc", world.body, confirm="on")
        refusing = w.agree(case, world, "«Самұрық-Энерго» АҚ", Agreement.NOT_AGREED)
        assert "Самұрық-Энерго" in refusal(case, "submit_to_hstc", world.body, confirm="on")
    refusing.delete()
    w.agree(case, world)
    assert w.drive(case, world, "submit_to_hstc", submit_to_hstc={"confirm": "on"}).state == "hstc"


def test_000_p43_approval_follows_the_hstc_and_its_decision_is_dated_from_it(world):
    case = w.recommended(world)
    recommended_on = law_context.today()
    with translation.override("en"):
        assert "future" in refusal(case, "approve", world.body,
                                   **w.approval_payload(recommended_on + dt.timedelta(days=1)))
        assert "precede" in refusal(case, "approve", world.body,
                                    **w.approval_payload(recommended_on - dt.timedelta(days=1)))
        assert "number" in refusal(case, "approve", world.body, **w.approval_payload(number=""))
        assert refusal(case, "approve", world.other_body, **w.approval_payload())
    assert w.drive(case, world, "approve", approve=w.approval_payload()).state == "approved"


def test_000_p43_reading_r_c4_not_recommended_cannot_be_approved_but_can_be_returned(world):
    case = w.on_agenda(world)
    from tests.technology_platforms.world import vote

    vote(case, world.base, ["against", "against", "against"], recuse=1)
    case = w.drive(case, world, "do_not_recommend", do_not_recommend={"reason": "Негіздеме әлсіз"})
    assert case.state == "not_recommended"
    assert refusal(case, "approve", world.body, **w.approval_payload())
    assert w.drive(case, world, "return_with_remarks", return_with_remarks={"reason": "Қайта қараңыз"}).state == \
        "remarks"


def test_000_p38_a2_approval_opens_the_plan_with_cited_targets_and_the_measures_as_obligations(world):
    case = w.approved(world)
    plan = Plan.objects.get(owner_kind="ttp", owner_ref=case.number)
    assert (plan.first_year, plan.last_year) == (2025, 2030)
    capacity = plan.indicators.get(code="I1")
    assert (capacity.kind, capacity.direction, capacity.base_year) == ("cumulative", "higher_is_better", 2024)
    targets = list(capacity.targets.values_list("year", "stage", "paragraph", "act", "effective"))
    today = law_context.today()
    act = f"№ НТБ-1, {today.strftime('%d.%m.%Y')}"
    assert targets == [(2025, "interim", "000 p.38", act, today), (2026, "interim", "000 p.38", act, today),
                       (2028, "interim", "000 p.38", act, today), (2030, "final", "000 p.38", act, today)]
    assert plan.indicators.get(code="I2").direction == "lower_is_better"
    assert sorted(plan.obligations.values_list("item", "due")) == [
        ("M1", dt.date(2025, 12, 31)), ("M2", dt.date(2026, 6, 30)), ("M3", dt.date(2027, 12, 31))]


def test_000_p41_several_programmes_in_a_sector_for_different_directions_one_open_per_direction(world):
    w.draft(world)
    assert w.draft(world, direction=w.RENEWABLES).state == "draft"
    with pytest.raises(DuplicateCase):
        w.draft(world)
