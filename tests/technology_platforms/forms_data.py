"""The posted fields of the service's pages, as a browser sends them."""

from __future__ import annotations

from .world import HYDROGEN, years_ago


def management(prefix: str, total: int) -> dict:
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000"}


def proposal_data(direction: str = HYDROGEN, name: str = "Сутегі платформасы", coordinator: str = "Институт",
                  bin_: str = "990140000999", memoranda: int = 1,
                  participants: list[tuple[str, str, str]] = ()) -> dict:
    data = {
        "p-direction": direction, "p-platform_name": name,
        "c-name": coordinator, "c-bin": bin_, "c-kind": "science_org", "c-competence_evidence": "Портфель",
        "c-interaction_started_on": years_ago(4).isoformat(), "c-interaction_evidence": "Хаттамалар",
        "c-material_base": "on", "c-material_base_description": "Зертхана",
        **management("m", max(memoranda, 1)), **management("pp", max(len(participants), 1)), **management("f", 1),
        "f-0-kind": "attracted", "f-0-description": "Жарналар",
    }
    for n in range(memoranda):
        data |= {f"m-{n}-counterparty": f"Серіктес {n}", f"m-{n}-kind": "hei",
                 f"m-{n}-signed_on": years_ago(1).isoformat()}
    for n, (pname, pbin, role) in enumerate(participants):
        data |= {f"pp-{n}-name": pname, f"pp-{n}-bin": pbin, f"pp-{n}-role": role}
    return data
