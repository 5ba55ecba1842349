"""The published read side of paragraph 13(1): the list of key (priority) technologies in force on
a date, and whether a technology direction is on it (the question grant and support rules ask).

The list itself is casework's dated reference data (`law_context.reference_list`), written only
by `approval.record_approval`. Its dates, ranks and the study it came from are read from this app's
own `Approval` records, since `reference_list` gives the items in force but not their dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from techpolicy.casework import law_context
from techpolicy.law.acts.act000_methodology.forecasting import KEY_TECHNOLOGIES, PRIORITY_DIRECTION
from techpolicy.law.rules import Verdict

from .approval import REFERENCE_LIST
from .models import Approval

CSV_COLUMNS = ("rank", "code", "name_kk", "name_ru", "name_en", "valid_from", "valid_until", "study", "decision",
               "source")


def listed(on: dt.date) -> dict[str, dict]:
    """The list in force on `on` as the paragraph 13(1) rule reads it: code -> {name, source}."""
    return law_context.reference_list(REFERENCE_LIST, on)


def _approvals():
    return Approval.objects.select_related("study", "draft").order_by("in_force_from")


def approval_on(on: dt.date) -> tuple[Approval | None, dt.date | None]:
    """The approval whose list is in force on `on`, and the last day it is in force (None while no
    later list is approved). Both None before the first list."""
    current, following = None, None
    for approval in _approvals():
        if approval.in_force_from <= on:
            current = approval
        else:
            following = approval
            break
    if current is None:
        return None, None
    return current, following.in_force_from - dt.timedelta(days=1) if following else None


def in_force(on: dt.date) -> list[dict[str, Any]]:
    """The key technologies in force on `on`, in the rank of the approved draft: code, names in
    kk/ru/en, the source (study and decision) and the dates. `valid_until` is the last day in force
    (inclusive), None while no later list has been approved."""
    items = listed(on)
    approval, until = approval_on(on)
    ranked = list(approval.draft.key_technologies) if approval else []
    # An item edited in by an administrator (not from an approval) follows the ranked ones by code.
    order = ranked + sorted(code for code in items if code not in ranked)
    return [
        {
            "rank": i,
            "code": code,
            "name_kk": items[code]["name"]["kk"],
            "name_ru": items[code]["name"]["ru"],
            "name_en": items[code]["name"]["en"],
            "source": items[code]["source"],
            "study": approval.study.number if approval and code in ranked else "",
            "study_title": approval.study.title if approval and code in ranked else "",
            "decision": approval.decision if approval and code in ranked else "",
            "valid_from": approval.in_force_from if approval else None,
            "valid_until": until,
        }
        for i, code in enumerate((c for c in order if c in items), start=1)
    ]


def history() -> list[dict[str, Any]]:
    """Every approved list, oldest first: from when, until when (inclusive), which study and decision."""
    approvals = list(_approvals())
    return [
        {
            "valid_from": a.in_force_from,
            "valid_until": approvals[i + 1].in_force_from - dt.timedelta(days=1) if i + 1 < len(approvals) else None,
            "study": a.study.number,
            "study_title": a.study.title,
            "decision": a.decision,
            "count": len(a.draft.key_technologies),
        }
        for i, a in enumerate(approvals)
    ]


def check_direction(code: str, on: dt.date | None = None) -> Verdict:
    """Paragraph 13(1): is `code` a key (priority) technology on `on` (default today)? A blank code
    raises `InvalidFacts` naming the field `direction`."""
    on = on or law_context.today()
    return PRIORITY_DIRECTION.evaluate({"direction": code}, on, law_context.parameters(),
                                       references={KEY_TECHNOLOGIES: listed(on)})
