"""An approved programme on the monitoring engine: its plan, who may do what with it, and how the
document's goals become monitored indicators and its measures dated obligations.

At approval (p.43) every target indicator of p.38 (second indent) becomes an indicator of the
programme's `monitoring.Plan` (owner kind "ttp", the case number), each interim and final value a
target set by the approving decision on its date; every measure of p.39 becomes an obligation due
on its deadline, with its executor. Readings where the act is silent: an indicator given without a
baseline (optional, reading R-C5) is monitored from the year before the period with the value 0,
so a cumulative count starts from nothing; a measure that uses resources is funded "within the
funds provided", one that uses none needs no funding."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from techpolicy.accounts.roles import has_role
from techpolicy.casework.models import Case
from techpolicy.casework.permissions import is_owner
from techpolicy.law.acts.act000_methodology.programme_facts import ProgrammeFacts
from techpolicy.monitoring import indicators as core
from techpolicy.monitoring import obligations as plan_core
from techpolicy.monitoring import store
from techpolicy.monitoring.common import Names
from techpolicy.monitoring.models import Plan
from techpolicy.monitoring.owners import OwnerKind

from . import checks
from .roles import NATIONAL_INSTITUTE, STATE_BODY

KIND = "ttp"
APPROVED = "approved"
DIRECTIONS = {"higher": "higher_is_better", "lower": "lower_is_better"}


def case_of(plan) -> Case | None:
    return Case.objects.filter(number=plan.owner_ref, workflow="targeted_programmes.programme").select_related(
        "organisation").first()


def plan_of(case: Case) -> Plan | None:
    return Plan.objects.filter(owner_kind=KIND, owner_ref=case.number).first()


def _state_body_staff(user, case: Case) -> bool:
    return has_role(user, STATE_BODY) and getattr(user, "organisation_id", None) == checks.addressed_body_id(
        case.facts)


def _developer(user, plan) -> bool:
    case = case_of(plan)
    return case is not None and is_owner(user, case)


def _approver(user, plan) -> bool:
    case = case_of(plan)
    return case is not None and _state_body_staff(user, case)


def _reader(user, plan) -> bool:
    case = case_of(plan)
    if case is None or not getattr(user, "is_authenticated", False):
        return False
    return (is_owner(user, case) or _state_body_staff(user, case) or has_role(user, NATIONAL_INSTITUTE)
            or bool(getattr(user, "is_superuser", False)))


def _public(plan) -> bool:
    case = case_of(plan)
    return case is not None and case.state == APPROVED


def _owner_url(plan) -> str:
    return reverse("targeted_programmes:programme", args=[plan.owner_ref])


# The developer enters and submits the actuals with their evidence and reports; the state body that
# approved the programme approves them; both, the national institute and administrators read the plan.
OWNER = OwnerKind(kind=KIND, label=_("Targeted technology programme"), may_read=_reader, public=_public,
                  may_enter=_developer, may_approve=_approver,
                  may_report=lambda user, plan: _developer(user, plan) or _approver(user, plan),
                  owner_url=_owner_url)


def _names(text: str) -> Names:
    return Names(kk=text, ru=text, en=text)  # the document is written in one language


def monitored_indicators(document: ProgrammeFacts, act: str, effective: dt.date) -> list[core.Indicator]:
    """The target indicators of the document's goals (p.38 second indent) as the core's indicators."""
    start = document.passport.period.start_year
    result = []
    for goal in document.goals_and_tasks.goals:
        for indicator in goal.indicators:
            base = indicator.baseline
            targets = [core.Target(year=v.year, value=v.value, stage=v.kind, act=act, paragraph="000 p.38",
                                   effective=effective) for v in indicator.values]
            result.append(core.Indicator(
                code=indicator.code, name=_names(indicator.name), unit=indicator.unit,
                direction=DIRECTIONS[indicator.direction], kind=indicator.accumulation,
                base_year=base.year if base else start - 1, base_value=base.value if base else Decimal(0),
                targets=targets))
    return result


def measure_items(document: ProgrammeFacts) -> list[plan_core.Item]:
    """The measures of the action plan (p.39) as plan items due on their deadlines."""
    plan = document.action_plan
    return [plan_core.Item(
        number=m.code, name=_names(m.title), form=m.title,
        executors=[plan_core.Executor(name=m.executor)],
        funding=plan_core.Funding(volume="within_provided_funds" if m.resources else "not_required"),
        deadline=plan_core.OnDate(kind="date", date=m.deadline)) for m in (plan.measures if plan else [])]


def open_plan(case: Case, *, decision_number: str, decided_on: dt.date, decision) -> Plan:
    """The approved programme's monitoring plan (in the approval's transaction)."""
    document = checks.CHECK.procedure.parse(checks.law_facts(case.facts, case.organisation, decided_on))
    passport = document.passport
    act = f"№ {decision_number}, {decided_on.strftime('%d.%m.%Y')}"  # the approving decision (p.43)
    plan = Plan.objects.create(owner_kind=KIND, owner_ref=case.number, name_kk=passport.name,
                               name_ru=passport.name, name_en=passport.name,
                               first_year=passport.period.start_year, last_year=passport.period.end_year)
    for indicator in monitored_indicators(document, act, decided_on):
        store.save_indicator(plan, indicator)
    store.expand_into(plan, measure_items(document))
    return plan
