"""A law-layer procedure as casework asks it.

The law layer's `Procedure` (`law.procedure.catalogue()[name]`) evaluates facts with the
parameters, calendar and reference lists it is given. Casework gives it the parameters and working
calendar administrators maintain (`casework.law_context`) and, per service, the reference lists kept
in the database and the system limits: a `LawCheck` is that binding. Pages, guards, the stored
verdict and the API all evaluate through it, so a case is decided the same way everywhere."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from pydantic import BaseModel

from techpolicy.law.facts import InvalidFacts
from techpolicy.law.procedure import Procedure, catalogue
from techpolicy.law.rules import Verdict

from .. import law_context


@dataclass(frozen=True)
class LawCheck:
    """`name` is the procedure's name in the catalogue. `references(on)` gives the reference lists
    the service keeps in the database, for the date whose law applies (None: the procedure's
    shipped defaults); `options()` the keyword options of its validation (e.g. system limits)."""

    name: str
    references: Callable[[dt.date], Mapping[str, Any]] | None = None
    options: Callable[[], dict[str, Any]] = dict

    @property
    def procedure(self) -> Procedure:
        procedure = catalogue().get(self.name)
        if procedure is None:
            raise LookupError(f"no procedure is declared as {self.name!r}")
        return procedure

    def available(self) -> bool:
        return self.name in catalogue()

    def evaluate(self, facts: BaseModel | Mapping[str, Any], on: dt.date | None = None) -> Verdict:
        """The verdict on `facts` under the law in force on `on` (default: the date the facts give).
        Raises InvalidFacts naming the field for facts that cannot be judged."""
        procedure = self.procedure
        parsed = procedure.parse(facts)
        day = on or procedure.date(parsed)
        if day is None:  # the facts carry no date and the caller gave none
            raise InvalidFacts([{"field": "on", "message": _("Give the date whose law applies.")}])
        references = self.references(day) if self.references is not None else None
        return procedure.evaluate(parsed, day, law_context.parameters(), law_context.calendar(), references,
                                  **self.options())

    def schema(self) -> dict:
        """The JSON schema of the procedure's facts."""
        return self.procedure.schema()


_CHECKS: dict[str, LawCheck] = {}


def declare_check(check: LawCheck) -> LawCheck:
    """The service's binding of a procedure, found by name (`law_check`) by code that knows only the
    name (the service registry's `Service.procedures`). One binding per name."""
    existing = _CHECKS.get(check.name)
    if existing is not None and existing != check:
        raise ValueError(f"two checks are declared for the procedure {check.name!r}")
    _CHECKS[check.name] = check
    return check


def law_check(name_or_check: str | LawCheck) -> LawCheck:
    """The declared binding of a procedure name, or one with the procedure's own defaults."""
    if isinstance(name_or_check, LawCheck):
        return name_or_check
    return _CHECKS.get(name_or_check) or LawCheck(name_or_check)
