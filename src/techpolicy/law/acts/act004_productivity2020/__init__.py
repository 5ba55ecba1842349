"""Act 004: the "Productivity 2020" programme ("Өнімділік 2020" бағдарламасы) in the wording of
Government Resolution No. 440 of 17 June 2015, repealed by Resolution No. 370 of 23 June 2016.

Modules in the programme's order: `sectors` (the Annex of priority sectors), `criteria`, `leasing`
and `executors` (5.1–5.3), `instruments` and the calculation `calculator` / `exclusions` (5.3),
`procedures` (the terms of 5.4), `monitoring`; `facts` holds the facts models, `common` the shared
pieces, `programme` the entry points (eligibility, calculation, assessment).
"""

from .programme import (  # noqa: F401  (the act's public entry points)
    CHAINS,
    DEADLINES,
    ELIGIBILITY_RULES,
    EXECUTOR_REQUIREMENTS,
    INSTRUMENTS,
    TARGETS,
    Assessment,
    Cap,
    Deadline,
    InstrumentDefinition,
    Line,
    PrioritySectors,
    ProductivityFacts,
    Reimbursement,
    Target,
    assess,
    calculate,
    deadline,
    evaluate_eligibility,
    is_under,
    oked_ancestors,
    priority_sectors,
    productivity_obligation,
    productivity_obligation_met,
    schedule,
    target_contradictions,
    working_days_deadline,
)

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
