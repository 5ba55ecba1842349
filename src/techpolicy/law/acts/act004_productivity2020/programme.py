"""Act 004: the "Productivity 2020" programme ("Өнімділік 2020" бағдарламасы) in the wording of
Government Resolution No. 440 of 17 June 2015, repealed by Resolution No. 370 of 23 June 2016.

Read beside the programme. This module is the public entry point:

- `evaluate_eligibility`: the period in force, the applicant criteria of 5.1 (with instrument 1's
  leasing conditions of 5.3) and the executor criteria of 5.2 -> `Verdict`;
- `calculate`: the reimbursement of 5.3 from the declarative `INSTRUMENTS` -> `Reimbursement`;
- `assess`: both together -> `Assessment` (no calculation when the verdict is negative);
- the procedure terms of 5.4 (`deadline`, `schedule`, `DEADLINES`) and monitoring
  (`productivity_obligation_met`, `TARGETS`, `target_contradictions`).

Modules: facts `productivity2020_facts`, the Annex `productivity2020_sectors`, criteria
`productivity2020_criteria` / `_leasing` / `_executors`, instruments `productivity2020_instruments`,
the calculation `productivity2020_calculator` / `_exclusions`, terms `productivity2020_procedures`,
monitoring `productivity2020_monitoring`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ...calendar import WorkingCalendar
from ...facts import parse_facts
from ...parameters import Parameters
from ...rules import Rule, Verdict, evaluate
from .calculator import Line, Reimbursement, calculate
from .criteria import APPLICANT_RULES
from .executors import EXECUTOR_REQUIREMENTS, EXECUTOR_RULES
from .facts import ProductivityFacts, require_instrument_facts
from .instruments import INSTRUMENTS, Cap, InstrumentDefinition
from .monitoring import (
    TARGETS,
    Target,
    productivity_obligation,
    productivity_obligation_met,
    target_contradictions,
)
from .procedures import CHAINS, DEADLINES, Deadline, deadline, schedule, working_days_deadline
from .sectors import PrioritySectors, is_under, oked_ancestors, priority_sectors

__all__ = [
    "CHAINS",
    "DEADLINES",
    "ELIGIBILITY_RULES",
    "EXECUTOR_REQUIREMENTS",
    "INSTRUMENTS",
    "TARGETS",
    "Assessment",
    "Cap",
    "Deadline",
    "InstrumentDefinition",
    "Line",
    "PrioritySectors",
    "ProductivityFacts",
    "Reimbursement",
    "Target",
    "assess",
    "calculate",
    "deadline",
    "evaluate_eligibility",
    "is_under",
    "oked_ancestors",
    "priority_sectors",
    "productivity_obligation",
    "productivity_obligation_met",
    "schedule",
    "target_contradictions",
    "working_days_deadline",
]

ELIGIBILITY_RULES: tuple[Rule, ...] = (*APPLICANT_RULES, *EXECUTOR_RULES)


def _facts(facts: ProductivityFacts | Mapping[str, Any]) -> ProductivityFacts:
    facts = facts if isinstance(facts, ProductivityFacts) else parse_facts(ProductivityFacts, facts)
    require_instrument_facts(facts)
    return facts


def evaluate_eligibility(
    facts: ProductivityFacts | Mapping[str, Any],
    on: dt.date | None = None,
    parameters: Parameters | None = None,
    calendar: WorkingCalendar | None = None,
    sectors: PrioritySectors | None = None,
) -> Verdict:
    """May the applicant receive the instrument applied for (validity, 5.1, 5.2, instrument 1 of 5.3)?

    `on` (default: the application date) chooses the parameter values; the period in force is
    judged on the application date. `sectors` replaces the Annex (default: the shipped list).
    Raises `InvalidFacts` naming a missing or malformed fact.
    """
    facts = _facts(facts)
    return evaluate(
        f"productivity2020.{facts.instrument}",
        ELIGIBILITY_RULES,
        facts,
        on or facts.application_date,
        parameters,
        calendar,
        reference={"sectors": sectors or priority_sectors()},
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
    sectors: PrioritySectors | None = None,
) -> Assessment:
    """Eligibility, then the reimbursement if eligible (amount 0 and no calculation otherwise).

    Instrument 6 has no rules in the seed: its assessment says "not_available" (not merely
    "not eligible") and carries the reason."""
    facts = _facts(facts)
    verdict = evaluate_eligibility(facts, on, parameters, calendar, sectors)
    if INSTRUMENTS[facts.instrument].availability == "rules_not_in_seed":
        return Assessment(verdict, calculate(facts, on, parameters, calendar))
    if not verdict.eligible:
        return Assessment(verdict, None)
    return Assessment(verdict, calculate(facts, on, parameters, calendar))
