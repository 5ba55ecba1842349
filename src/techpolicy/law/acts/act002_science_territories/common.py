"""Pieces the procedures of act 002 share: the act's citations, its period in force, and the notes
every verdict carries.

Force (requirements section 0, reading R-E1). Resolution No. 1134 binds the implementers, but the
Concept's institutional model (science concentration territories, science-technology parks,
science cities, their criteria and management companies) is a proposal for future legislation
("заңнамасына ... ұғымы енгізіледі", "ұғымын енгізу ұсынылады", l.920, 980), and the status
procedure is still to be set by the authorized body in the field of science (l.996). A rule of this
act therefore gives a pre-assessment: a failed criterion says what a proposal lacks, and every
verdict says that it is no decision and no refusal in law.

Dates (X.002.inforce). The resolution is in force from signing, 24.12.2025 (p.5, l.19); the Concept
covers 2026-2035 (passport item 5, l.100-102). Before 24.12.2025 the rules are not in force; a date
outside 2026-2035 is decided, with a note.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...calendar import WorkingCalendar
from ...citation import Citation
from ...parameters import Parameters
from ...procedure import with_note
from ...rules import Context, InForce, Messages, Verdict, optional, render, wording

ACT = "002"
SIGNED = dt.date(2025, 12, 24)
IN_FORCE = InForce(start_parameter="sct.in_force_from", earliest=SIGNED)
FIRST_YEAR, LAST_YEAR = "sct.period.first_year", "sct.period.last_year"
STATUS_PROCEDURE = "sct.status.procedure"

rule = wording(IN_FORCE)


def cite(section: str | None = None, sub: str | None = None, paragraph: str = "") -> Citation:
    """A place in act 002: a section of the Concept (and the item of a numbered list in it), or a
    paragraph of the resolution. The Concept has no numbered paragraphs; the seed lines of each
    rule are in its details (`seed_lines`) and in the parameters' `source`."""
    return Citation(ACT, paragraph, sub, None, section)


PRE_ASSESSMENT_NOTE: Messages = {
    "kk": "Бұл — алдын ала бағалау (R-E1 оқылымы): Тұжырымдама (2025 жылғы 24 желтоқсандағы № 1134 қаулы) "
    "бұл институционалдық модельді болашақ заңнамаға енгізуге ұсынады; нәтиже шешім де, заң бойынша бас "
    "тарту да емес.",
    "ru": "Это предварительная оценка (прочтение R-E1): Концепция (постановление от 24 декабря 2025 года "
    "№ 1134) предлагает эту институциональную модель для будущего законодательства; результат не является "
    "ни решением, ни отказом по закону.",
    "en": "This is a pre-assessment (reading R-E1): the Concept (Resolution No. 1134 of 24.12.2025) proposes "
    "this institutional model for future legislation; the result is neither a decision nor a refusal in law.",
}

_OUTSIDE_PERIOD_NOTE: Messages = {
    "kk": "{on} күні Тұжырымдаманы іске асыру кезеңінен ({first}–{last} жылдар) тыс.",
    "ru": "Дата {on} находится вне периода реализации Концепции ({first}–{last} годы).",
    "en": "The date {on} lies outside the Concept's period ({first}-{last}).",
}


def outside_period(on: dt.date, ctx: Context) -> Messages | None:
    """The note of a date outside the Concept's years (X.002.inforce), or None inside them."""
    first, last = optional(ctx, FIRST_YEAR), optional(ctx, LAST_YEAR)
    if first is None or last is None or first <= on.year <= last:
        return None
    return render(_OUTSIDE_PERIOD_NOTE, {"on": on, "first": first, "last": last})


def pre_assessment(verdict: Verdict, extra: tuple[Messages, ...] = ()) -> Verdict:
    """The verdict with the notes of R-E1 (always), `extra`, and the period when outside it."""
    verdict = with_note(verdict, PRE_ASSESSMENT_NOTE)
    for note in extra:
        verdict = with_note(verdict, note)
    # A procedure's `finish` is not given the parameters: the period is the source's.
    note = outside_period(verdict.on, Context(verdict.on, Parameters.from_source(), WorkingCalendar()))
    return with_note(verdict, note) if note else verdict


def seed_lines(lines: str, **details: Any) -> dict[str, Any]:
    """A rule's details with the seed lines it rests on."""
    return {"seed_lines": lines, **details}
