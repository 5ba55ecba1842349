"""The procedure "programme" (000 p.31-40) as this service asks it, and a case's facts as the law
layer reads them.

A case keeps the document as the developer's forms give it, with the sector and direction as codes
of the competence-centre vocabulary and the state body it is addressed to by id. What the developer
cannot decide is read when the draft is judged, on the day of the check: whether it is a competence
centre designated for the sector and in which direction (p.31, from the competence-centre register,
never from the form) and the list of key technologies in force (p.33(2), from the forecasting
workbench's published list)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from techpolicy.casework import law_context
from techpolicy.casework.kit.checks import LawCheck, declare_check
from techpolicy.casework.models import Case
from techpolicy.law.acts.act000_methodology.forecasting import KEY_TECHNOLOGIES
from techpolicy.law.rules import Verdict
from techpolicy.services.competence_centres import published as centres
from techpolicy.services.competence_centres.checks import direction_text, sector_text
from techpolicy.services.technology_platforms import keytech

PROCEDURE = "programme"


def _key_technologies(on: dt.date) -> dict[str, Any]:
    return {KEY_TECHNOLOGIES: keytech.in_force(on).names}


CHECK = declare_check(LawCheck(PROCEDURE, references=_key_technologies))
# Keys of a case's facts that are the service's records, not facts of the procedure.
SERVICE_KEYS = ("state_body",)


def developer_facts(organisation, sector: str, on: dt.date) -> dict[str, Any]:
    """The developer (p.31) as the register shows it on `on`: the entry designating it for the
    programme's sector, or, without one, any entry of it (its sector tells the refusal which)."""
    entry = centres.designated_centre(organisation, sector=sector, on=on) or centres.designated_centre(
        organisation, on=on)
    if entry is None:
        return {"name": organisation.name}
    return {"name": organisation.name, "competence_centre_entry": f"{entry.pk}: {entry.name}",
            "designated_sector": sector_text(centres.entry_sector(entry)),
            "designated_direction": direction_text(centres.entry_direction(entry))}


def law_facts(facts: dict, organisation, on: dt.date) -> dict[str, Any]:
    """The facts of `ProgrammeFacts` from a case's facts, checked on `on`."""
    result = {k: v for k, v in (facts or {}).items() if k not in SERVICE_KEYS}
    sector = str(result.get("sector", ""))
    result["sector"] = sector_text(sector)
    result["direction"] = direction_text(str(result.get("direction", "")))
    result["developer"] = developer_facts(organisation, sector, on)
    result["checked_on"] = on.isoformat()
    return result


def case_facts(case: Case) -> dict[str, Any]:
    """The facts the procedure judges for a case today."""
    return law_facts(case.facts, case.organisation, law_context.today())


def evaluate_case(case: Case) -> Verdict:
    return CHECK.evaluate(case_facts(case))


def addressed_body_id(facts: dict) -> int | None:
    value = (facts or {}).get("state_body")
    return value if isinstance(value, int) else None
