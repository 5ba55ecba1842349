"""What a browser posts on the initiative's page (the task list of `services.competence_centres.forms`)."""

from __future__ import annotations

import datetime as dt

from .world import AREAS, HYDROGEN


def management(prefix: str, total: int) -> dict:
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000"}


def initiative_data(organisation, body, started_on: dt.date, direction: str = HYDROGEN, areas=AREAS,
                    kind: str = "hei") -> dict:
    data = {
        "candidate-name": organisation.name, "candidate-bin": organisation.bin or "", "candidate-kind": kind,
        "designation-direction": direction, "designation-state_body": str(body.pk),
        "experience-started_on": started_on.isoformat(), "experience-evidence": "Research contracts 2015-2026",
        "resources-own_funds": "on", "resources-amount_kzt": "1000000", "resources-material_base": "on",
        "resources-base_description": "Laboratory",
        **management("staff", len(areas)), **management("funding", 1),
        "funding-0-kind": "own", "funding-0-description": "Own funds",
    }
    for n, area in enumerate(areas):
        data |= {f"staff-{n}-name": f"Employee {n}", f"staff-{n}-areas": [area], f"staff-{n}-evidence": f"Diploma {n}"}
    return data


def precheck_data(organisation, started_on: dt.date, on: dt.date, **options) -> dict:
    data = initiative_data(organisation, organisation, started_on, **options)
    data.pop("designation-state_body")
    return data | {"check-on": on.isoformat()}
