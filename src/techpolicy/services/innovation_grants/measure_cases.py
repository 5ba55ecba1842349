"""An application for a support measure of law 003 other than an innovation grant (articles 21-33),
as a case: the subject applies for one measure; the measure's operator (the body of articles 12-17
and the measure's own article) checks it against what the Law itself says of the measure, may return
it with remarks, and decides, recording the sectoral programme (article 20(1)) and the criteria of
article 20(6) the decision rests on (003.a20.p6). The conditions, rates and shares of every measure
are the Government's (`support.*`, not set by the source document), so the decision rests on the
Law's own rules and the operator's record.

The procedure of a case is its measure's, "support-measure.<id>" (`measures.PROCEDURES`); one
workflow serves every measure, and the database keeps one open application per organisation and
measure."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from techpolicy.casework.decisions import record_decision
from techpolicy.casework.kit.checks import LawCheck, declare_check
from techpolicy.casework.kit.verdicts import all_of, resubmission, store_verdict
from techpolicy.casework.kit.verdicts import eligible as kit_eligible
from techpolicy.casework.models import Case
from techpolicy.casework.permissions import is_owner
from techpolicy.casework.steps import confirmed, incomplete, record_remark, refusal
from techpolicy.casework.workflow import (
    DRAFT,
    OWNER,
    WITHDRAWN,
    Action,
    Field,
    State,
    Workflow,
    per_parent_and,
    register,
    withdraw,
)
from techpolicy.law.acts.act003_state_support.award_criteria import CRITERION_CITATIONS
from techpolicy.law.acts.act003_state_support.measures import PROCEDURES
from techpolicy.law.acts.act003_state_support.support_measures import BY_ID
from techpolicy.law.citation import Citation
from techpolicy.law.facts import InvalidFacts

from . import award_basis
from .checks import APPLICATION, DECISION, case_facts
from .roles import SUPPORT_OPERATOR

EDITABLE = ("draft", "remarks")
SERVICE_KEYS = ("measure", "decision")  # keys of a case's facts that are the service's, not the procedure's
A20_6 = Citation("003", "6", article="20")
A20_2 = Citation("003", "2", article="20")
DECISION_KIND = "support_measure"

CHECKS: dict[str, LawCheck] = {m: declare_check(LawCheck(p.name)) for m, p in PROCEDURES.items()}


def measure_of(case: Case) -> str:
    return str((case.facts or {}).get("measure", ""))


def check_of(case: Case) -> LawCheck:
    """The measure's procedure as casework asks it; an unknown measure has none (its guard refuses)."""
    measure = measure_of(case)
    if measure not in CHECKS:
        raise InvalidFacts([{"field": "measure", "message": _("Choose one of the support measures of article 20(2) "
                                                              "that have a procedure.")}])
    return CHECKS[measure]


def law_facts(case: Case, stage: str = APPLICATION, on: dt.date | None = None,
              decision: dict | None = None) -> dict[str, Any]:
    """The facts of the measure's procedure: the application as filed, or the decision taken on `on`
    with its basis (given, or the one recorded with the case)."""
    if decision is None:
        decision = (case.facts or {}).get("decision")
    return case_facts(case, SERVICE_KEYS, stage, decision, on)


def _verdict(case: Case, stage: str = APPLICATION, decision: dict | None = None):
    return check_of(case).evaluate(law_facts(case, stage, decision=decision))


# --- guards and effects ----------------------------------------------------------------------------------

eligible = kit_eligible(check_of, law_facts)
store_application = store_verdict(check_of, law_facts)  # submission: the verdict on the day, and the day
resubmit = resubmission(check_of, law_facts)


def decision_ready(case: Case, actor, payload) -> tuple[bool, str]:
    """A grant of the measure rests on the Law's rules at the decision, the sectoral programme and at
    least one criterion of article 20(6), as the form gives them."""
    try:
        verdict = _verdict(case, DECISION, award_basis.award_from(payload))
    except InvalidFacts as exc:
        return False, incomplete(exc)
    return (True, "") if verdict.eligible else (False, refusal(verdict))


def _article(case: Case) -> list[str]:
    measure = BY_ID.get(measure_of(case))
    return [measure.article.ref] if measure else []


def record_grant(case: Case, actor, payload) -> None:
    """The decision with the verdict of the day; its basis is the measure's article and the criteria of
    article 20(6) it rests on."""
    decision = award_basis.award_from(payload)
    case.facts = {**case.facts, "decision": decision}
    case.verdict = _verdict(case, DECISION, decision).as_dict()
    case.save(update_fields=["facts", "verdict"])
    basis = [*_article(case), *(CRITERION_CITATIONS[name].ref for name in decision["basis"])]
    record_decision(DECISION_KIND, "approved", basis, votes=False)(case, actor, payload)


def record_refusal(case: Case, actor, payload) -> None:
    record_decision(DECISION_KIND, "refused", _article(case), votes=False)(case, actor, payload)


# --- the workflow ------------------------------------------------------------------------------------------


def _links(case, user) -> list[tuple[object, str]]:
    if is_owner(user, case) and case.state in EDITABLE:
        return [(gettext_lazy("Edit the application"), reverse("innovation_grants:measure_edit",
                                                               args=[case.number]))]
    return []


MEASURE = register(Workflow(
    id="innovation_grants.support_measure",
    name=gettext_lazy("Application for a support measure"),
    case_prefix="SM",
    initial="draft",
    one_open_per=per_parent_and(lambda facts: facts.get("measure", "")),
    states=(
        DRAFT,
        State("submitted", gettext_lazy("Submitted: the operator of the measure considers it"),
              gettext_lazy("Under consideration"), SUPPORT_OPERATOR),
        State("remarks", gettext_lazy("Returned with remarks"), gettext_lazy("Remarks to answer"), OWNER),
        State("granted", gettext_lazy("Support granted"), gettext_lazy("Support granted"), "", final=True),
        State("refused", gettext_lazy("Support refused"), gettext_lazy("Support refused"), "", final=True),
        WITHDRAWN,
    ),
    actions=(
        Action("submit", ("draft",), "submitted", OWNER, gettext_lazy("Submit the application"), guard=eligible,
               effect=store_application, citation=A20_2),
        Action("send_remarks", ("submitted",), "remarks", SUPPORT_OPERATOR, gettext_lazy("Return with remarks"),
               needs_reason=True, effect=record_remark, style="secondary"),
        Action("resubmit", ("remarks",), "submitted", OWNER, gettext_lazy("Resubmit with corrections"),
               guard=eligible, effect=resubmit, fields=(Field("answer", gettext_lazy("Your answer to the remarks")),)),
        Action("grant", ("submitted",), "granted", SUPPORT_OPERATOR, gettext_lazy("Grant the support"),
               guard=all_of(decision_ready, confirmed), effect=record_grant, citation=A20_6,
               fields=award_basis.FIELDS,
               consequence=gettext_lazy("The decision to grant the support is final; the case is closed.")),
        Action("refuse", ("submitted",), "refused", SUPPORT_OPERATOR, gettext_lazy("Refuse the support"),
               needs_reason=True, guard=confirmed, effect=record_refusal, style="danger",
               consequence=gettext_lazy("The refusal is final; the case is closed.")),
        withdraw(*EDITABLE, "submitted"),
    ),
    links=_links,
))
