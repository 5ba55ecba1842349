"""The procedure's verdict in a workflow: the guard of submission and resubmission, and the
effects that store the verdict with the case when it is submitted or resubmitted.

The stored verdict is the one the decision will rest on (every rule's result with its citation and
the parameters read), so a decision can be explained years later even after the law changed."""

from __future__ import annotations

from collections.abc import Callable

from techpolicy.law.rules import Verdict

from .. import law_context
from ..models import Case
from ..steps import answer_remarks, verdict_guard
from ..workflow import Effect, Guard
from .checks import LawCheck

FactsOf = Callable[[Case], dict]  # the facts of a case the procedure judges
# The procedure that judges a case: one for the workflow, or one per case where the case's facts
# choose it (an application for one of several measures, each with its own procedure).
CheckOf = LawCheck | Callable[[Case], LawCheck]


def case_facts(case: Case) -> dict:
    return case.facts


def verdict_of(check: CheckOf, facts: FactsOf = case_facts) -> Callable[[Case], Verdict]:
    if isinstance(check, LawCheck):
        return lambda case: check.evaluate(facts(case))
    return lambda case: check(case).evaluate(facts(case))


def all_of(*guards: Guard) -> Guard:
    """A guard that passes when each of `guards` passes, asked in order; the first refusal is the
    answer (e.g. the procedure fits the workflow, then the verdict, then the documents)."""

    def guard(case, actor, payload) -> tuple[bool, str]:
        for each in guards:
            ok, why = each(case, actor, payload)
            if not ok:
                return ok, why
        return True, ""

    return guard


def eligible(check: CheckOf, facts: FactsOf = case_facts) -> Guard:
    """Passes when the procedure finds the facts eligible; the refusal names the failed rules with
    their paragraphs, facts that cannot be judged name their fields."""
    return verdict_guard(verdict_of(check, facts))


def store_verdict(check: CheckOf, facts: FactsOf = case_facts) -> Effect:
    """Effect of submission: the verdict and the day of submission are kept with the case."""
    evaluate = verdict_of(check, facts)

    def effect(case, actor, payload) -> None:
        case.verdict = evaluate(case).as_dict()
        case.submitted_on = law_context.today()
        case.save(update_fields=["verdict", "submitted_on"])

    return effect


def resubmission(check: CheckOf, facts: FactsOf = case_facts) -> Effect:
    """Effect of resubmission after remarks (or a refusal to correct): the corrected facts' verdict
    is stored and the applicant's answer closes every open remark."""
    store = store_verdict(check, facts)

    def effect(case, actor, payload) -> None:
        store(case, actor, payload)
        answer_remarks(case, actor, payload)

    return effect
