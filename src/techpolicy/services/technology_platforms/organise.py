"""Organising a platform (p.27-29): the authorized body's decision, the entry on the register and
the platform's profile with its first participants (p.23): the coordinator, the proposing state body
and the participants the proposal planned. A participant in the role of a competence centre must be a
centre designated for the platform's sector (X.link.cc), read from the competence-centre service."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from techpolicy.accounts.models import Organisation
from techpolicy.casework import decisions, registers
from techpolicy.casework.models import Case, RegisterEntry
from techpolicy.casework.registers.search import fold
from techpolicy.casework.steps import current_language, payload_date
from techpolicy.law.citation import Citation
from techpolicy.services.competence_centres import published as centres

from . import checks
from .models import COMPETENCE_CENTRE, COORDINATOR, Participant, Platform, name_key
from .register import DECISION_KIND, ORGANISATION, ORGANISED, REGISTER_KEY

P23, P29 = Citation("000", "23"), Citation("000", "29")
STATE_BODY_ROLE = "state_body"
record_decision = decisions.record_decision(DECISION_KIND, "approved", [ORGANISATION.ref, "000 p.28"], votes=False)


def _proposal(case: Case) -> dict:
    return (case.facts or {}).get("proposal") or {}


def planned(case: Case) -> list[dict]:
    return [p for p in (case.facts or {}).get("planned_participants") or [] if isinstance(p, dict)]


def centre_of(bin_: str, sector: str, on: dt.date) -> RegisterEntry | None:
    """The register entry designating the organisation with this BIN as a centre of `sector` on `on`."""
    organisation = Organisation.objects.filter(bin=bin_).first() if bin_ else None
    return centres.designated_centre(organisation, sector=sector, on=on) if organisation else None


def not_a_centre(name: str) -> str:
    return _("«%(name)s» is not a competence centre designated for the platform's sector; only a designated centre "
             "takes part in that role (%(citation)s).") % {"name": name, "citation": P23.text(current_language())}


def participants_valid(case, actor, payload) -> tuple[bool, str]:
    """p.23: every planned participant in the role of a competence centre is designated for the sector."""
    on = payload_date(payload, "decided_on")
    sector = _proposal(case).get("sector", "")
    for participant in planned(case):
        if participant.get("role") == COMPETENCE_CENTRE and centre_of(participant.get("bin", ""), sector, on) is None:
            return False, not_a_centre(participant.get("name", ""))
    return True, ""


def existing_entry(sector: str, direction: str, name: str) -> RegisterEntry | None:
    """A current register entry of a platform with this name in the same sector and direction."""
    key = name_key(name)
    # The folded search text holds the name in one case and spacing on both databases (SQLite folds
    # only ASCII letters itself): candidates by it, then the exact comparison.
    entries = RegisterEntry.objects.filter(register=REGISTER_KEY, status=RegisterEntry.STATUS_ACTIVE,
                                           search_text__contains=fold(name))
    return next((e for e in entries if name_key(e.name) == key and (e.data or {}).get("sector") == [sector]
                 and (e.data or {}).get("direction") == [direction]), None)


def register_free(case, actor, payload) -> tuple[bool, str]:
    """p.29: several platforms in a sector for different directions, one per (sector, direction, name)."""
    proposal = _proposal(case)
    found = existing_entry(proposal.get("sector", ""), proposal.get("direction", ""), proposal.get("platform_name", ""))
    if found is not None:
        return False, _("«%(name)s» is already on the register of technology platforms for this sector and direction "
                        "(%(citation)s).") % {"name": found.name, "citation": P29.text(current_language())}
    return True, ""


def organise_platform(case: Case, actor, payload: dict) -> Platform:
    """The decision, the register entry (basis 000 p.27) and the platform with its first participants."""
    record_decision(case, actor, payload)
    decision = case.decisions.filter(kind=DECISION_KIND, outcome="approved").order_by("-decided_at", "-pk").first()
    on = payload_date(payload, "decided_on")
    proposal = _proposal(case)
    coordinator = proposal.get("coordinator") or {}
    organisation = coordinator.get("organisation") or {}
    sector, direction = proposal["sector"], proposal["direction"]
    entry = registers.enter(
        ORGANISED, on=on, citation=ORGANISATION, decision=decision, name=proposal["platform_name"],
        organisation=case.organisation, case=case, valid_from=on,
        data={"sector": [sector], "direction": [direction], "coordinator": organisation.get("name", ""),
              "proposer": case.organisation.name, "decision_number": str(payload["decision_number"]).strip()},
        note={"case": case.number})
    coordinator_org = checks.coordinator_organisation(case.facts)
    platform = Platform.objects.create(
        entry=entry, case=case, name=proposal["platform_name"], sector=sector, direction=direction,
        proposer=case.organisation, coordinator=coordinator_org, coordinator_name=organisation.get("name", ""),
        coordinator_bin=organisation.get("bin") or "", organised_on=on)
    first = [(COORDINATOR, organisation.get("name", ""), organisation.get("bin") or ""),
             (STATE_BODY_ROLE, case.organisation.name, case.organisation.bin or "")]
    first += [(p.get("role", ""), p.get("name", ""), p.get("bin") or "") for p in planned(case)]
    seen = set()
    for role, name, bin_ in first:
        if not name or (role, name_key(name)) in seen:
            continue
        seen.add((role, name_key(name)))
        add_participant(platform, actor, role=role, name=name, bin_=bin_, joined_on=on)
    return platform


def add_participant(platform: Platform, actor, *, role: str, name: str, bin_: str, joined_on: dt.date) -> Participant:
    """A participant in a role of p.23; a competence centre's designation is checked and kept."""
    entry = None
    if role in (COMPETENCE_CENTRE, COORDINATOR):
        entry = centre_of(bin_, platform.sector, joined_on)
        if role == COMPETENCE_CENTRE and entry is None:
            raise ValueError(not_a_centre(name))
    organisation = Organisation.objects.filter(bin=bin_).first() if bin_ else None
    return Participant.objects.create(platform=platform, role=role, name=name.strip(), bin=bin_,
                                      organisation=organisation, centre_entry=entry, joined_on=joined_on,
                                      added_by=actor)
