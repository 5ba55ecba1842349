"""The eligibility pre-check of the technopark: paragraph 7 and the tax-debt condition of
paragraph 9(3), answered before an applicant has assembled the other documents of paragraph 9."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ...facts import parse_facts
from ...rules import Verdict, evaluate
from .common import sample_activity_types
from .facts import Applicant, Facts, Ownership, TaxDebtInfo
from .ownership import OwnershipLimits, validate_ownership
from .participation import PARTICIPATION_RULES


class PrecheckDocuments(Facts):
    tax_debt: TaxDebtInfo | None


class PrecheckFacts(Facts):
    application_date: dt.date
    applicant: Applicant
    ownership: Ownership
    documents: PrecheckDocuments


PRECHECK_RULES = tuple(
    r for r in PARTICIPATION_RULES if r.id.startswith("001.p7.") or r.id.startswith("001.p9.3")
)


def evaluate_precheck(
    facts: PrecheckFacts | Mapping[str, Any],
    on: dt.date | None = None,
    parameters=None,
    calendar=None,
    activity_types: Mapping[str, Any] | None = None,
    limits: OwnershipLimits | None = None,
) -> Verdict:
    """The same rule objects as the full evaluation, restricted to what the pre-check asks.

    `limits`: the system limits of the ownership graph (default `OwnershipLimits()`)."""
    if not isinstance(facts, PrecheckFacts):
        facts = parse_facts(PrecheckFacts, facts)
    validate_ownership(facts.ownership, limits=limits)
    listed = sample_activity_types() if activity_types is None else activity_types
    return evaluate(
        "technopark.precheck",
        PRECHECK_RULES,
        facts,
        on or facts.application_date,
        parameters,
        calendar,
        reference={"activity_types": listed},
    )
