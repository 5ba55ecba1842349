"""Act 001: Rules of activity of the "Astana Hub" international technology park (Order No. 415 of
26 September 2018) in the wording of Order No. 292/НҚ of 23 August 2022.

Modules in the act's order: `participation` (paragraph 7, the conditions of registration, with the
state share of p.7(4) in `ownership`), `documents` (paragraph 9 and Annex 3), `procedures` (paragraphs
9-1, 13, 18, 20, 36, 41, 60), `services` (paragraph 48); `facts` holds the facts models, `common` the
pieces the chapters share, `precheck` the public eligibility pre-check.
"""

from .participation import (  # noqa: F401  (the act's public entry points)
    EARLY_TERMINATION_COMMISSION_GROUNDS,
    PARTICIPATION_RULES,
    Deadline,
    TechnoparkFacts,
    activity_change_decision_due,
    certificate_due,
    commission_decision_due,
    completeness_review_due,
    evaluate_activity_change,
    evaluate_commission_composition,
    evaluate_early_termination_grounds,
    evaluate_extension,
    evaluate_participation,
    evaluate_services_application,
    extension_last_day,
    housing_vacate_due,
    register_entry_due,
    sample_activity_types,
)

__all__ = [
    "EARLY_TERMINATION_COMMISSION_GROUNDS",
    "PARTICIPATION_RULES",
    "Deadline",
    "TechnoparkFacts",
    "activity_change_decision_due",
    "certificate_due",
    "commission_decision_due",
    "completeness_review_due",
    "evaluate_activity_change",
    "evaluate_commission_composition",
    "evaluate_early_termination_grounds",
    "evaluate_extension",
    "evaluate_participation",
    "evaluate_services_application",
    "extension_last_day",
    "housing_vacate_due",
    "register_entry_due",
    "sample_activity_types",
]
