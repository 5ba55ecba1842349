"""What-if over the rules of article 27 themselves: the share of the planned costs and the cap a
grant type would have (`grants.share_percent.<type>`, `grants.cap_kzt.<type>`, not set by the source
document) replayed over the stored applications of a call with the same procedure "innovation-grant",
listing whose verdict changes and the paragraph that changes it. Nothing is stored."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from techpolicy.casework import law_context
from techpolicy.casework.models import Case
from techpolicy.law.acts.act003_state_support.grant_types import cap_parameter, share_parameter
from techpolicy.law.parameters import Parameters, ParameterValue
from techpolicy.law.rules import RuleResult

from . import checks, panels
from .models import Call

REPLAYED = ("submitted", "remarks", "expertise", "preparation", "commission")  # not yet decided


@dataclass(frozen=True)
class Replayed:
    case: Case
    before: str
    after: str
    failed: tuple[RuleResult, ...]  # the rules the what-if fails that the law in force does not


def reform(call: Call, share: Decimal | None, cap: Decimal | None, on: dt.date) -> Parameters:
    """The parameters in force with the type's share and cap set from `on`, as an administrator would."""
    current = law_context.parameters()
    entries = []
    for name, value in ((share_parameter(call.grant_type), share), (cap_parameter(call.grant_type), cap)):
        if value is not None:
            citation = current.definition(name).values[0].citation
            entries.append(ParameterValue(name, on, value, citation, "what-if", set_by="operator"))
    return current.with_values(entries)


def replay(call: Call, share: Decimal | None, cap: Decimal | None) -> list[Replayed]:
    today = law_context.today()
    parameters = reform(call, share, cap, today)
    procedure = checks.CHECK.procedure
    in_force, calendar = law_context.parameters(), law_context.calendar()
    references = checks.priority_directions(today)  # the same list for every application of the day
    found = []
    cases = Case.objects.filter(workflow=panels.WORKFLOW, state__in=REPLAYED, facts__call=call.number).order_by("pk")
    for case in cases:
        facts = checks.law_facts(case)
        before = procedure.evaluate(facts, today, in_force, calendar, references)
        after = procedure.evaluate(facts, today, parameters, calendar, references)
        was_failed = {r.rule_id for r in before.failed}
        found.append(Replayed(case, before.outcome, after.outcome,
                              tuple(r for r in after.failed if r.rule_id not in was_failed)))
    return found
