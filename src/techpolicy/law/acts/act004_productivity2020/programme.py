"""Act 004: the "Productivity 2020" programme ("Өнімділік 2020" бағдарламасы) in the wording of
Government Resolution No. 440 of 17 June 2015, repealed by Resolution No. 370 of 23 June 2016.

Read beside the programme. This module holds the entry points:

- the procedure "productivity2020" (`PRODUCTIVITY2020`): the period in force, the applicant
  criteria of 5.1 (with instrument 1's leasing conditions of 5.3) and the executor criteria of
  5.2 -> `Verdict`;
- `assess`: the verdict and the reimbursement of 5.3 (`calculator.calculate`) -> `Assessment`
  (no calculation when the verdict is negative).

Modules: facts `facts`, the Annex `sectors`, criteria `criteria` / `leasing` / `executors`,
instruments `instruments`, the calculation `calculator` / `exclusions`, the terms of 5.4 `terms`
and their chains `procedures`, monitoring `monitoring`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ...calendar import WorkingCalendar
from ...parameters import Parameters
from ...procedure import Procedure, References, declare
from ...rules import Rule, Verdict
from .calculator import Reimbursement, calculate
from .criteria import APPLICANT_RULES
from .executors import EXECUTOR_RULES
from .facts import ProductivityFacts, require_instrument_facts
from .instruments import INSTRUMENTS
from .sectors import priority_sectors

ELIGIBILITY_RULES: tuple[Rule, ...] = (*APPLICANT_RULES, *EXECUTOR_RULES)


def _validate(facts: ProductivityFacts) -> None:
    require_instrument_facts(facts)


# May the applicant receive the instrument applied for (validity, 5.1, 5.2, instrument 1 of 5.3)?
# The date (default: the application date) chooses the parameter values; the period in force is
# judged on the application date. `references={"sectors": ...}` replaces the Annex (default: the
# shipped list). The verdict's subject names the instrument ("productivity2020.3a").
PRODUCTIVITY2020 = declare(
    Procedure(
        name="productivity2020",
        subject=lambda facts: f"productivity2020.{facts.instrument}",
        title={
            "kk": "«Өнімділік 2020» бағдарламасының құралын алу құқығы (5.1, 5.2, 5.3-бөлімдер)",
            "ru": "Право на инструмент программы «Производительность 2020» (разделы 5.1, 5.2, 5.3)",
            "en": "Eligibility for an instrument of the “Productivity 2020” programme (sections 5.1, 5.2, 5.3)",
        },
        facts=ProductivityFacts,
        rules=ELIGIBILITY_RULES,
        date=lambda facts: facts.application_date,
        references=lambda: {"sectors": priority_sectors()},
        validate=_validate,
    )
)


@dataclass(frozen=True)
class Assessment:
    """The verdict and, when it is positive, the reimbursement."""

    verdict: Verdict
    reimbursement: Reimbursement | None

    @property
    def amount(self) -> Decimal:
        return self.reimbursement.amount if self.reimbursement is not None else Decimal("0.00")

    @property
    def outcome(self) -> str:
        """"granted" | "nothing_to_reimburse" | "not_eligible" | "not_available" | "not_set" |
        "not_reimbursement" | "not_in_force"."""
        if self.reimbursement is not None and self.reimbursement.status == "not_available":
            return "not_available"
        if not self.verdict.eligible or self.reimbursement is None:
            return "not_eligible"
        if self.reimbursement.status != "calculated":
            return self.reimbursement.status
        return "granted" if self.amount > 0 else "nothing_to_reimburse"

    @property
    def granted(self) -> bool:
        return self.outcome == "granted"

    def as_dict(self, lang: str | None = None) -> dict:
        return {
            "instrument": self.verdict.subject.removeprefix("productivity2020."),
            "outcome": self.outcome,
            "granted": self.granted,
            "amount": str(self.amount),
            "currency": "KZT",
            "eligibility": self.verdict.as_dict(lang),
            "reimbursement": self.reimbursement.as_dict(lang) if self.reimbursement is not None else None,
        }


def assess(
    facts: ProductivityFacts | Mapping[str, Any],
    on: dt.date | None = None,
    parameters: Parameters | None = None,
    calendar: WorkingCalendar | None = None,
    references: References | None = None,
) -> Assessment:
    """Eligibility, then the reimbursement if eligible (amount 0 and no calculation otherwise).

    Instrument 6 has no rules in the seed: its assessment says "not_available" (not merely
    "not eligible") and carries the reason."""
    facts = PRODUCTIVITY2020.parse(facts)
    verdict = PRODUCTIVITY2020.evaluate(facts, on, parameters, calendar, references)
    if INSTRUMENTS[facts.instrument].availability == "rules_not_in_seed":
        return Assessment(verdict, calculate(facts, on, parameters, calendar))
    if not verdict.eligible:
        return Assessment(verdict, None)
    return Assessment(verdict, calculate(facts, on, parameters, calendar))
