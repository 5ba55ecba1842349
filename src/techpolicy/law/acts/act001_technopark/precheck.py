"""The eligibility pre-check of the technopark: paragraph 7 and the tax-debt condition of
paragraph 9(3), answered before an applicant has assembled the other documents of paragraph 9."""

from __future__ import annotations

import datetime as dt

from ...procedure import Procedure, declare
from .common import default_activity_types, sample_list_note
from .facts import Applicant, Facts, Ownership, TaxDebtInfo
from .participation import P7_7, PARTICIPATION_RULES, validate_graph


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

# The same rule objects as the full evaluation, restricted to what the pre-check asks; the same
# options (`limits` of the ownership graph) and reference list (`activity_types`).
PRECHECK = declare(
    Procedure(
        name="technopark-precheck",
        subject="technopark.precheck",
        title={
            "kk": "Технопаркке қатысу шарттарын алдын ала тексеру (7-тармақ, 9-тармақтың 3) тармақшасы)",
            "ru": "Предварительная проверка условий участия в Технопарке (пункт 7, подпункт 3) пункта 9)",
            "en": "Pre-check of the conditions to register with the technopark (paragraph 7, paragraph 9(3))",
        },
        facts=PrecheckFacts,
        rules=PRECHECK_RULES,
        date=lambda facts: facts.application_date,
        references=default_activity_types,
        validate=validate_graph,
        finish=sample_list_note(P7_7.id),
    )
)
