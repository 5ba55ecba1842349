"""Twenty identical requests at once on the programme's creating steps: the submission (one version
1, p.42), the agreement of one organisation (one row, p.42) and the approval (p.43: one decision,
one monitoring plan with its indicators once). Exactly one wins, the others are told why, nothing is
duplicated, no 500. Real threads on PostgreSQL (tests/races.py)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation

from techpolicy.casework.models import Decision
from techpolicy.monitoring.models import Indicator, Plan
from techpolicy.services.targeted_programmes.models import Agreement, ProgrammeVersion
from tests.races import no_server_errors, post_at_once, race

from . import world as w


def en(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


@race
def test_000_p42_twenty_submissions_of_one_draft_keep_one_version(world):
    case = w.draft(world)
    body = {"version": str(case.version)}
    no_server_errors(post_at_once(world.developer, en("casework:fire", case.number, "submit"), body))
    case.refresh_from_db()
    assert case.state == "review"
    assert list(ProgrammeVersion.objects.filter(case=case).values_list("number", flat=True)) == [1]
    assert case.transitions.filter(action="submit").count() == 1


@race
def test_000_p42_twenty_records_of_one_organisations_agreement_keep_one(world):
    case = w.drive(w.draft(world), world, "submit", "conclude_review")
    form = {"organisation": "Өнеркәсіп министрлігі", "outcome": "agreed", "reference": "№ 5",
            "agreed_on": "2026-11-30"}
    answers = no_server_errors(post_at_once(world.body, en("targeted_programmes:agreement", case.number), form))
    assert Agreement.objects.filter(case=case).count() == 1
    assert len([a for a in answers if a.said("success")]) == 1


@race
def test_000_p43_twenty_approvals_open_one_plan(world):
    case = w.recommended(world)
    body = w.approval_payload() | {"version": str(case.version)}
    answers = no_server_errors(post_at_once(world.body, en("casework:fire", case.number, "approve"), body))
    case.refresh_from_db()
    assert case.state == "approved"
    assert Decision.objects.filter(case=case, kind="approval").count() == 1
    assert Plan.objects.filter(owner_kind="ttp", owner_ref=case.number).count() == 1
    assert Indicator.objects.filter(plan__owner_ref=case.number).count() == 2
    assert len([a for a in answers if a.said("success")]) == 1
