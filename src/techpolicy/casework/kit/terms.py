"""The terms of a service, read from its workflow tables: every term a state carries (and any
term the service names beside them), with its value on a date, its unit and the paragraph that
sets it. A term the source document does not set is shown as such, never filled in.

`parameter_row` is one dated parameter as pages show it; `terms_table` the rows of the partial
"casework/kit/_terms.html" that every service's page can include."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from techpolicy.law import units
from techpolicy.law.parameters import ParameterNotInForce, ParameterNotSet
from techpolicy.law.terms import Term

from .. import law_context
from ..steps import current_language
from ..workflow import DeadlineSpec, Workflow


def parameter_row(name: str, on: dt.date, label=None) -> dict:
    """One parameter on a date: its value, or None with `not_set` when the source sets none and
    `not_in_force` when no value is in force on the date."""
    parameters = law_context.parameters()
    lang = current_language()
    try:
        definition = parameters.definition(name)
    except KeyError:
        return {"parameter": name, "label": label or name, "value": None, "unit": "", "not_set": True,
                "not_in_force": False, "citation": "", "unknown": True}
    shown, not_set, not_in_force = None, False, False
    try:
        value = parameters.get(name, on)
        shown, citation = value.value, value.citation
    except ParameterNotSet:
        not_set = True
        citation = definition.values[-1].citation if definition.values else None
    except ParameterNotInForce:
        not_in_force = True
        citation = definition.values[0].citation if definition.values else None
    return {"parameter": name, "label": label or definition.description.get(lang) or definition.description.get("en")
            or name, "value": shown, "unit": definition.unit, "not_set": not_set, "not_in_force": not_in_force,
            "citation": citation.text(lang) if citation else "", "unknown": False,
            # The value with its unit as the reader's language writes it ("40 %", "10 жұмыс күні").
            "shown": None if shown is None else units.quantity(shown, definition.unit, lang)}


def terms_table(workflows: Iterable[Workflow], on: dt.date, extra: Iterable[Term] = ()) -> list[dict]:
    """One row per term (its parameter) in the order of the tables, then the act's terms `extra` that
    no state carries (e.g. how long before the end of participation an extension is filed). Each row
    is a `parameter_row` with `counted` ("working" | "calendar") and `states`: where the term runs,
    as (workflow name, state name) pairs."""
    rows: dict[str, dict] = {}
    for workflow in workflows:
        for state in workflow.states:
            if state.deadline is not None:
                _row(rows, state.deadline, on)["states"].append((workflow.name, state.staff_name))
    for spec in extra:
        _row(rows, spec, on)
    return list(rows.values())


def _row(rows: dict[str, dict], spec: DeadlineSpec | Term, on: dt.date) -> dict:
    if spec.parameter not in rows:
        rows[spec.parameter] = parameter_row(spec.parameter, on) | {"counted": spec.unit, "states": []}
    return rows[spec.parameter]
