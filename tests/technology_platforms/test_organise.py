"""Organising the platform (000 p.27-29) and its first participants (p.23): the decision enters the
register keyed by (sector, direction, platform), several platforms per sector for different
directions are allowed, the same one twice is not; a designated competence centre may coordinate
(p.26), read from the competence-centre register, never from the form (X.link.cc)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from techpolicy.casework import law_context
from techpolicy.casework.engine import WorkflowError, fire
from techpolicy.casework.registers import entry_as_of, history
from techpolicy.services.technology_platforms.models import Participant
from techpolicy.services.technology_platforms.register import REGISTER_KEY

from .world import centre_coordinator, drive, organise_payload, organised, proposal, supported, vote

pytestmark = pytest.mark.django_db


def refused(case, action, actor, **kwargs) -> str:
    with translation.override("en"), pytest.raises(WorkflowError) as info:
        fire(case, action, actor, **kwargs)
    return str(info.value)


def test_000_p27_p29_the_decision_enters_the_register_with_its_basis(world):
    case, platform = organised(world)
    entry = platform.entry
    assert (entry.register, entry.name, entry.basis_citation) == (REGISTER_KEY, platform.name, "000 p.27")
    assert entry.data == {"sector": ["05"], "direction": ["05.01"], "coordinator": "Ғылыми-зерттеу институты",
                          "proposer": "Ministry of Energy", "decision_number": "ТП-7"}
    assert entry.basis_decision.kind == "organisation" and entry.case == case
    # As of yesterday the platform was not on the register; today it is, on the paragraph applied.
    assert entry_as_of(entry, law_context.today() - dt.timedelta(days=1)).status == "absent"
    assert [e.citation for e in history(entry)] == ["000 p.27"]


def test_000_p23_the_first_participants_are_the_coordinator_the_proposer_and_the_planned_ones(world):
    _case, platform = organised(world)
    roles = sorted(platform.participants.values_list("role", "name"))
    assert roles == [("business", "«Дала» ЖШС"), ("coordinator", "Ғылыми-зерттеу институты"),
                     ("state_body", "Ministry of Energy")]


def test_000_p26_a_designated_centre_coordinates_and_the_fact_comes_from_the_register(world):
    case = drive(proposal(world, coordinator_facts=centre_coordinator(world)), world, "submit")
    p26 = next(r for r in case.verdict["rules"] if r["rule"] == "000.p26")
    assert p26["status"] == "passed" and p26["details"]["is_competence_centre"] is True
    assert p26["details"]["competence_centre_entry"].startswith("№ ")
    assert "is_competence_centre" not in case.facts["proposal"]["coordinator"]  # never stored from the form


def test_000_p26_a_centre_of_another_sector_is_not_a_centre_of_this_platform(world):
    case = drive(proposal(world, direction="05.02", coordinator_facts=centre_coordinator(world)), world, "submit")
    assert next(r for r in case.verdict["rules"] if r["rule"] == "000.p26")["details"]["is_competence_centre"]
    farming = proposal(world, owner=world.other_body, direction="07.01", coordinator_facts=centre_coordinator(world))
    farming = fire(farming, "submit", world.other_body)
    assert not next(r for r in farming.verdict["rules"] if r["rule"] == "000.p26")["details"]["is_competence_centre"]


def test_000_p26_the_coordinator_centre_keeps_its_register_entry_as_a_participant(world):
    _case, platform = organised(world, coordinator_facts=centre_coordinator(world))
    coordinator = platform.participants.get(role="coordinator")
    assert coordinator.centre_entry is not None and coordinator.organisation == world.centre
    assert platform.coordinator == world.centre


def test_000_p23_only_a_designated_centre_takes_part_as_a_competence_centre(world):
    planned = [{"name": "Белгісіз орталық", "bin": "990140000321", "role": "competence_centre"}]
    case = supported(world, participants=planned)
    assert "is not a competence centre designated for the platform's sector" in refused(
        case, "organise", world.ab, payload=organise_payload())
    ok = supported(world, name="Екінші платформа", participants=[
        {"name": world.centre.name, "bin": world.centre.bin, "role": "competence_centre"}])
    ok = drive(ok, world, "organise", organise=organise_payload())
    assert Participant.objects.get(platform__case=ok, role="competence_centre").centre_entry is not None


def test_000_p29_several_platforms_per_sector_for_different_directions(world):
    organised(world)
    _case, second = organised(world, direction="05.02")
    assert second.direction == "05.02"


def test_000_p29_the_same_platform_is_not_entered_twice(world):
    organised(world)
    other = proposal(world, owner=world.cc.ministry)  # closed first case: the subject is free again
    other = drive(other, world, "submit", "refer_to_hstc")
    vote(other, world, ["for", "for", "for"])
    other = drive(other, world, "recommend", recommend={"reason": "Хаттама"})
    assert "already on the register of technology platforms" in refused(
        other, "organise", world.ab, payload=organise_payload(number="ТП-8"))


def test_the_decision_needs_its_confirmation_number_and_a_date_not_in_the_future(world):
    case = supported(world)
    assert "Tick the confirmation" in refused(case, "organise", world.ab, payload=organise_payload(confirm=False))
    assert "number" in refused(case, "organise", world.ab, payload=organise_payload(number=" "))
    tomorrow = law_context.today() + dt.timedelta(days=1)
    assert "cannot be in the future" in refused(case, "organise", world.ab, payload=organise_payload(tomorrow))
    yesterday = law_context.today() - dt.timedelta(days=1)
    assert "cannot precede the HSTC's recommendation" in refused(
        case, "organise", world.ab, payload=organise_payload(yesterday))
    assert "not a date" not in refused(case, "organise", world.ab, payload={"decided_on": "2026-02-30",
                                                                              "decision_number": "1", "confirm": "on"})


def test_000_p29_the_same_name_in_another_case_and_spacing_is_the_same_platform(world):
    organised(world)
    other = supported(world, owner=world.proposer, name="  СУТЕГІ   технологиялық ПЛАТФОРМАСЫ ")
    assert "already on the register" in refused(other, "organise", world.ab, payload=organise_payload())
