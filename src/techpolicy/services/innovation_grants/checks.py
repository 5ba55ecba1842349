"""The procedure "innovation-grant" (law 003 article 27) as the service asks it, and the facts of
an application as the law layer reads them.

A case keeps the application as the form gives it (`forms.GrantForms.facts`): the call it answers
and the law layer's facts without the dates. The filing date is the day it was submitted; the
experts are the panel's open seats with their declarations and conclusions; at the award, the
criteria of article 20(6) and the sectoral programme the operator recorded. The priority
directions are the list in force on the date whose law applies (`directions.in_force`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from techpolicy.casework import law_context
from techpolicy.casework.kit.checks import LawCheck, declare_check
from techpolicy.casework.models import Case
from techpolicy.law.acts.act003_state_support.grants import PRIORITY_DIRECTIONS
from techpolicy.law.rules import Verdict

from . import directions
from .models import DirectionsVersion, Seat

SERVICE_KEYS = ("call", "award")  # keys of a case's facts that are the service's, not the procedure's
APPLICATION, DECISION = "application", "decision"


def priority_directions(on: dt.date) -> dict[str, Any]:
    """The reference lists of the procedure: the priority directions in force on `on`."""
    return {PRIORITY_DIRECTIONS: directions.in_force(DirectionsVersion.PRIORITY_DIRECTIONS, on).items}


CHECK = declare_check(LawCheck("innovation-grant", references=priority_directions))


def panel(case: Case) -> list[dict[str, Any]]:
    """The experts of the case's panel as the law layer reads them (article 27(2), third indent):
    every open seat, with the declaration and the conclusions given."""
    seats = (Seat.objects.filter(case=case, state__in=Seat.OPEN).select_related("expert__user")
             .prefetch_related("conclusions"))
    found = []
    for seat in seats:
        kinds = {c.kind for c in seat.conclusions.all()}
        found.append({"name": str(seat.expert)[:200] or f"#{seat.expert_id}", "country": seat.expert.country,
                      "independence_declared": seat.declared_at is not None,
                      "economic_conclusion": "economic" in kinds, "technological_conclusion": "technological" in kinds})
    return found


def case_facts(case: Case, service_keys: tuple[str, ...], stage: str, award: dict | None,
               on: dt.date | None = None) -> dict[str, Any]:
    """A case's facts as a procedure of law 003 reads them (`DecisionFacts`), for a grant and for every
    other measure: the application without the service's own keys, the filing date and the stage; at a
    decision taken on `on`, its date, and the criteria of article 20(6) and the sectoral programme of
    `award` (as `award_basis.award_from` gives them)."""
    facts = {k: v for k, v in (case.facts or {}).items() if k not in service_keys}
    filed = case.submitted_on or law_context.today()
    facts["filed_on"] = filed.isoformat()
    facts["stage"] = stage
    if stage == DECISION:
        award = award or {}
        facts["decided_on"] = max(on or law_context.today(), filed).isoformat()
        facts["award_basis"] = award.get("basis")
        facts["sectoral_programme"] = award.get("sectoral_programme", "")
    return facts


def law_facts(case: Case, stage: str = APPLICATION, on: dt.date | None = None,
              award: dict | None = None) -> dict[str, Any]:
    """The facts of `GrantFacts` for a case: as an application, or as the award decided on `on` (the
    award given, or the one recorded with the case)."""
    if award is None:
        award = (case.facts or {}).get("award")
    facts = case_facts(case, SERVICE_KEYS, stage, award, on)
    facts["experts"] = panel(case) if case.pk else []
    return facts


def evaluate_case(case: Case, stage: str = APPLICATION) -> Verdict:
    return CHECK.evaluate(law_facts(case, stage))
