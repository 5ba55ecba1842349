"""The procedure "competence-centre" (000 p.17-19) as the service asks it, and the facts of a case
as the law layer reads them.

A case keeps the candidate's application as the form gives it: sector and direction as codes of
the vocabulary, and the state body the candidate addresses (p.19) by id. The law layer compares
names of sectors and directions, so they are given as "name (code)" in Kazakh, unique by the code;
the proposal, once the state body made it (`models.Proposal`), lists the directions it supervises
on the date of the check the same way, so the rule of p.19 reads what the register of supervision
says on that day."""

from __future__ import annotations

import datetime as dt
from typing import Any

from techpolicy.casework import law_context
from techpolicy.casework.kit.checks import LawCheck, declare_check
from techpolicy.casework.models import Case
from techpolicy.law.rules import Verdict

from .models import Direction, Proposal, Sector, StateBodyProfile
from .published import state_body_kind, supervised_directions
from .vocabulary import text_kk

CHECK = declare_check(LawCheck("competence-centre"))
NONE_SUPERVISED = "—"  # a proposer that supervises no direction on the date: the rule of p.19 refuses
# Keys of a case's facts that are the service's, not the procedure's.
SERVICE_KEYS = ("state_body",)


def sector_text(code: str) -> str:
    return text_kk(Sector, code)


def direction_text(code: str) -> str:
    return text_kk(Direction, code)


def proposal_facts(proposal: Proposal, on: dt.date) -> dict[str, Any]:
    """The law layer's `Proposal` (p.19): the proposer, its kind and the directions it supervises on `on`."""
    kind = state_body_kind(proposal.state_body) or "other"
    directions = [direction_text(d) for _s, d in supervised_directions(proposal.state_body, on)]
    return {"proposer": proposal.state_body.name, "proposer_kind": kind,
            "supervised_directions": directions or [NONE_SUPERVISED],
            "submitted_on": proposal.submitted_on.isoformat()}


def law_facts(facts: dict, on: dt.date, proposal: Proposal | None = None) -> dict[str, Any]:
    """The facts of `CompetenceCentreFacts` from a case's facts, checked on `on`."""
    result = {k: v for k, v in (facts or {}).items() if k not in SERVICE_KEYS}
    result["sector"] = sector_text(str(result.get("sector", "")))
    result["direction"] = direction_text(str(result.get("direction", "")))
    result["checked_on"] = on.isoformat()
    if proposal is not None:
        result["proposal"] = proposal_facts(proposal, on)
    return result


def proposal_of(case: Case) -> Proposal | None:
    return Proposal.objects.filter(case=case).select_related("state_body").first()


def case_facts(case: Case) -> dict[str, Any]:
    """The facts the procedure judges for a case today, with the state body's proposal once made."""
    return law_facts(case.facts, law_context.today(), proposal_of(case))


def evaluate_case(case: Case) -> Verdict:
    return CHECK.evaluate(case_facts(case))


def state_bodies() -> list[StateBodyProfile]:
    return list(StateBodyProfile.objects.select_related("organisation").order_by("organisation__name"))
