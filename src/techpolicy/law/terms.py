"""Deadline terms: one declaration per term of an act.

A `Term` is "within N (working or calendar) days of an event" as one paragraph states it: the
dated parameter that holds N (null where the source sets no number), the citation of the
paragraph, the unit, the event the term runs from and what must be done by then, in kk/ru/en.
Each act package declares its terms once (`act001_technopark.terms`, `act004_productivity2020.terms`);
the law layer's procedures, the casework's workflow states (`DeadlineSpec(term)`) and the pages
showing the terms all read that one declaration. `Term.due` is the one computation of a due date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from .calendar import WorkingCalendar
from .catalogue import Catalogue
from .citation import Citation
from .parameters import Parameters, ParameterValue
from .rules import Messages

Unit = Literal["working", "calendar"]


@dataclass(frozen=True)
class Deadline:
    """A due date with its term, its legal basis and the parameter values it was computed from."""

    due: dt.date
    days: int
    unit: Unit
    citation: Citation
    parameters: tuple[ParameterValue, ...]
    term: str = ""  # the key of the term

    def as_dict(self, lang: str = "en") -> dict:
        return {
            "term": self.term,
            "due": self.due.isoformat(),
            "days": self.days,
            "unit": self.unit,
            "citation": self.citation.as_dict(lang),
            "parameters": [p.as_dict(lang) for p in self.parameters],
        }


@dataclass(frozen=True)
class Term:
    """One term of an act. `key` is stable ("001.certificate"); `parameter` names the dated
    parameter holding the number of days; `anchor` is the event the term runs from and `action`
    what is due by the end of it. With `before`, the term runs backwards: the last day still
    "no later than N days before" the event (001 p.36)."""

    key: str
    parameter: str
    citation: Citation
    # The texts are not part of a term's identity, so a term stays hashable (workflow tables are keys).
    anchor: Messages = field(compare=False)
    action: Messages = field(compare=False)
    unit: Unit = "working"
    before: bool = False

    def __post_init__(self) -> None:
        if self.unit not in ("working", "calendar"):
            raise ValueError(f"term {self.key}: unit must be 'working' or 'calendar', not {self.unit!r}")

    def date(self, event: dt.date, days: int, calendar: WorkingCalendar | None = None) -> dt.date:
        """The due date `days` days after (or, with `before`, before) `event`; the day of the event
        does not count."""
        if self.unit == "calendar":
            return event - dt.timedelta(days=days) if self.before else event + dt.timedelta(days=days)
        calendar = calendar or WorkingCalendar()
        return calendar.latest_before(event, days) if self.before else calendar.add(event, days)

    def due(
        self,
        event: dt.date,
        parameters: Parameters | None = None,
        calendar: WorkingCalendar | None = None,
    ) -> Deadline:
        """The deadline for an event on `event`, with the parameter value of that date. Raises
        ParameterNotSet where the source sets no term, ParameterNotInForce for an event before the
        term exists."""
        value = (parameters or Parameters.from_source()).get(self.parameter, event)
        days = int(value.value)
        return Deadline(self.date(event, days, calendar), days, self.unit, self.citation, (value,), self.key)


_TERMS: Catalogue[Term] = Catalogue("terms", lambda term: term.key)


def declare(term: Term) -> Term:
    """Enter a term in the list of every act's terms (at import of its act's package); keys are unique."""
    return _TERMS.declare(term)


def terms() -> dict[str, Term]:
    """Every declared term by key."""
    return _TERMS.all()
