"""Twenty identical requests at once (tests/races.py: real threads on PostgreSQL): twenty posts of the
same initiative (000 p.18) open one case, twenty clicks on "designate" (000 p.20) make one decision and
one register entry. No 500, nothing half-saved."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation

from techpolicy.casework.models import Case, Decision, RegisterEntry, Transition
from tests.races import no_server_errors, post_at_once, race

from .forms_data import initiative_data
from .world import designation_payload, drive, initiative, make_world, years_ago


def en(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


@race
def test_000_p18_twenty_initiatives_on_one_pair_open_one_case():
    world = make_world()
    data = initiative_data(world.owner.organisation, world.body, years_ago(6))
    answers = no_server_errors(post_at_once(world.owner, en("competence_centres:apply"), data))
    [case] = Case.objects.filter(organisation=world.owner.organisation)
    assert {a.location for a in answers} == {en("casework:detail", case.number)}
    assert len([a for a in answers if a.said("success")]) == 1
    assert all(case.number in " ".join(a.said("info")) for a in answers if not a.said("success"))
    assert Transition.objects.filter(case=case).count() == 1


@race
def test_000_p20_twenty_designations_make_one_decision_and_one_entry():
    world = make_world()
    case = drive(initiative(world), world, "submit", "propose", "find_compliant")
    body = designation_payload() | {"version": str(case.version)}
    answers = no_server_errors(post_at_once(world.ministry, en("casework:fire", case.number, "designate"), body))
    assert {a.location for a in answers} == {en("casework:detail", case.number)}
    assert len([a for a in answers if a.said("success")]) == 1
    case.refresh_from_db()
    assert case.state == "designated"
    assert RegisterEntry.objects.filter(case=case).count() == 1
    assert Decision.objects.filter(case=case, kind="designation").count() == 1
    assert Transition.objects.filter(case=case, action="designate").count() == 1
