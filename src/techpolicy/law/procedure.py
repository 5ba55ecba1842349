"""Procedures: what the CLI, the API and casework evaluate.

A `Procedure` names a question the law answers about one subject ("may this legal entity be
designated a competence centre?"): its facts model, its rules in the act's order, the fact whose
date chooses the law that applies, the reference lists the rules read, and checks on the facts
that no rule can express (an ownership graph's bounds). `evaluate` is the one way to decide it;
`catalogue()` lists every procedure of every act, keyed by the name the CLI and the API use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel

from .calendar import WorkingCalendar
from .catalogue import Catalogue
from .facts import parse_facts
from .parameters import Parameters
from .rules import Messages, Rule, Verdict, evaluate

References = Mapping[str, Any]


class DateNeeded(ValueError):
    """The facts give no date whose law applies, and the caller gave none (`on`)."""


@dataclass(frozen=True)
class Procedure:
    """One question of an act. `name` is its stable public name (`techpolicy check NAME`), `subject`
    the verdict's subject id (or a function of the facts giving it, e.g. "productivity2020.3a").
    `date` picks the date whose law applies from the facts when the caller gives none (a procedure
    whose facts carry no date needs `on`). `references()` gives the default reference lists (e.g.
    a shipped sample list); a caller may pass its own, key by key. `validate(facts, **options)`
    raises `InvalidFacts` for facts no rule can judge; the options are the caller's (e.g. the
    ownership graph's `limits`). `finish(verdict, facts, references)` may add notes (e.g. "the
    sample list was used")."""

    name: str
    subject: str | Callable[[Any], str]
    title: Messages
    facts: type[BaseModel]
    rules: Sequence[Rule]
    date: Callable[[Any], dt.date | None] = lambda facts: None
    references: Callable[[], dict[str, Any]] = dict
    validate: Callable[..., None] | None = None
    finish: Callable[[Verdict, Any, References], Verdict] | None = None
    cli: bool = True  # offered by `techpolicy check` / `schema`

    def parse(self, facts: BaseModel | Mapping[str, Any]) -> BaseModel:
        """The facts as the model, parsed from a mapping when needed (raises `InvalidFacts`)."""
        return facts if isinstance(facts, self.facts) else parse_facts(self.facts, facts)

    def evaluate(
        self,
        facts: BaseModel | Mapping[str, Any],
        on: dt.date | None = None,
        parameters: Parameters | None = None,
        calendar: WorkingCalendar | None = None,
        references: References | None = None,
        **options: Any,
    ) -> Verdict:
        """The verdict on `facts` under the law in force on `on` (default: the date the facts give)."""
        facts = self.parse(facts)
        if self.validate is not None:
            self.validate(facts, **options)
        elif options:
            raise TypeError(f"{self.name} takes no options: {', '.join(sorted(options))}")
        refs = {**self.references(), **(references or {})}
        on = on or self.date(facts)
        if on is None:
            raise DateNeeded(f"{self.name}: the facts give no date; give the date whose law applies")
        subject = self.subject(facts) if callable(self.subject) else self.subject
        verdict = evaluate(subject, self.rules, facts, on, parameters, calendar, reference=refs)
        return self.finish(verdict, facts, refs) if self.finish is not None else verdict

    def schema(self) -> dict:
        """The JSON Schema of the facts (what `techpolicy schema NAME` prints)."""
        return self.facts.model_json_schema()


def with_note(verdict: Verdict, note: Messages) -> Verdict:
    """The verdict with one more note (once)."""
    return verdict if note in verdict.notes else replace(verdict, notes=(*verdict.notes, note))


_CATALOGUE: Catalogue[Procedure] = Catalogue("procedures", lambda procedure: procedure.name)


def declare(procedure: Procedure) -> Procedure:
    """Enter a procedure in the catalogue (at import of its act's package); names are unique."""
    return _CATALOGUE.declare(procedure)


def catalogue() -> dict[str, Procedure]:
    """Every declared procedure by name."""
    return _CATALOGUE.all()
