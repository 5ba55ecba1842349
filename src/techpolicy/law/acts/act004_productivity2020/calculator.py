"""The reimbursement of the "Productivity 2020" programme (act 004, section 5.3), computed from the
declarative `INSTRUMENTS`.

Order: each cost line is cut by its exclusions (`exclusions`); for instruments
paid per person (3a employees, 3b specialists) a group fee is split equally among the persons
named, persons beyond the yearly headcount are excluded, the share is applied per person and
then the per-person cap; otherwise the share is applied to the eligible total. Then every cap of
the whole application applies (per instrument, by enterprise size, % of construction cost).

Rounding: every intermediate value is exact (`Decimal`); the final amount is rounded once, to
whole tiyn (0.01 KZT), ROUND_HALF_UP — payment orders in tenge carry tiyn. Lines are shown
rounded to tiyn for reading.

A value the source does not set (instrument 8's share and cap) is never invented: the result
says so (status "not_set"). Instrument 6 has no rules in the seed ("not_available"); instrument 1
is leasing, not a reimbursement ("not_reimbursement").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Any, Literal

from ...calendar import WorkingCalendar
from ...citation import Citation
from ...facts import parse_facts
from ...parameters import ParameterNotInForce, ParameterNotSet, Parameters, ParameterValue
from ...rules import Context, Messages, render
from .calculator_texts import COST_KIND_NAMES, NOTES, REASONS, TEXTS, unset_reason
from .common import kzt
from .exclusions import LineState, application_exclusions
from .facts import CostLine, ProductivityFacts, require_instrument_facts
from .instruments import INSTRUMENTS, Cap, InstrumentDefinition

TIYN = Decimal("0.01")
HUNDRED = Decimal(100)
# How the amount is rounded, for the reader of the result (and the API's "rounding").
ROUNDING: Messages = {
    "kk": "Есеп бүкіл жолында дәл ондық сандармен жүргізіледі; қорытынды сома бір рет бүтін тиынға (0,01 теңге) "
          "дейін дөңгелектенеді (жартысы жоғары қарай).",
    "ru": "Расчёт ведётся в точных десятичных числах; итоговая сумма округляется один раз до целого тиына "
          "(0,01 тенге), половина — в большую сторону.",
    "en": "Exact decimals throughout; the final amount is rounded once to whole tiyn (0.01 KZT), half up.",
}

Status = Literal["calculated", "not_set", "not_available", "not_reimbursement", "not_in_force"]


# Equal shares of a group fee and pro-rata nights or months are repeating decimals, cut at Decimal's
# 28 digits: a true value of exactly half a tiyn may then sit a hair below it. Snapping to 1e-12
# tenge first (far below a tiyn, far above the cut) restores the exact half before rounding it up.
SNAP = Decimal("1e-12")


def tiyn(amount: Decimal) -> Decimal:
    return amount.quantize(SNAP, rounding=ROUND_HALF_EVEN).quantize(TIYN, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Line:
    kind: Literal["cost", "exclusion", "share", "cap"]
    rule: str
    cost_id: str | None
    person: str | None
    amount_before: Decimal  # exact
    amount_after: Decimal  # exact
    reason: Messages
    citation: Citation | None

    def as_dict(self, lang: str | None = None) -> dict:
        return {
            "kind": self.kind,
            "rule": self.rule,
            "cost_id": self.cost_id,
            "person": self.person,
            "before": str(tiyn(self.amount_before)),
            "after": str(tiyn(self.amount_after)),
            "reason": self.reason.get(lang, "") if lang else dict(self.reason),
            "citation": self.citation.as_dict(lang or "en") if self.citation else None,
        }


@dataclass(frozen=True)
class Reimbursement:
    instrument: str
    on: dt.date
    status: Status
    amount: Decimal  # whole tiyn; 0 unless calculated
    eligible_costs: Decimal  # exact, after exclusions
    lines: tuple[Line, ...] = ()
    parameters_read: tuple[ParameterValue, ...] = ()
    unset_parameters: tuple[ParameterValue, ...] = ()
    reasons: tuple[Messages, ...] = ()  # why nothing was calculated
    notes: tuple[Messages, ...] = ()

    @property
    def calculated(self) -> bool:
        return self.status == "calculated"

    def as_dict(self, lang: str | None = None) -> dict:
        def pick(messages: Messages):
            return messages.get(lang, "") if lang else dict(messages)

        definition = INSTRUMENTS[self.instrument]
        return {
            "instrument": self.instrument,
            "instrument_name": pick(definition.name),
            "on": self.on.isoformat(),
            "status": self.status,
            "calculated": self.calculated,
            "amount": str(self.amount),
            "currency": "KZT",
            "eligible_costs": str(tiyn(self.eligible_costs)),
            "rounding": pick(ROUNDING),
            "lines": [line.as_dict(lang) for line in self.lines],
            "parameters": [p.as_dict(lang or "en") for p in self.parameters_read],
            "unset_parameters": [p.as_dict(lang or "en") for p in self.unset_parameters],
            "reasons": [pick(r) for r in self.reasons],
            "notes": [pick(n) for n in self.notes],
        }


def _raw_value(parameters: Parameters, name: str, on: dt.date) -> ParameterValue | None:
    candidates = [v for v in parameters.definition(name).values if v.start <= on]
    return candidates[-1] if candidates else None


def _not_calculated(facts: ProductivityFacts, ctx: Context, status: Status, reasons: list[Messages],
                    unset: tuple[ParameterValue, ...] = ()) -> Reimbursement:
    return Reimbursement(facts.instrument, ctx.on, status, Decimal("0.00"), Decimal(0), (), tuple(ctx.read.values()),
                         unset, tuple(reasons))


def _line(kind: str, rule: str, before: Decimal, after: Decimal, reason: Messages, citation: Citation | None,
          cost_id: str | None = None, person: str | None = None) -> Line:
    return Line(kind, rule, cost_id, person, before, after, reason, citation)  # type: ignore[arg-type]


def _cost_line(cost: CostLine, eligible: Decimal, definition: InstrumentDefinition) -> Line:
    details: dict[str, Any] = {"id": cost.id, "kind": COST_KIND_NAMES.get(cost.kind, cost.kind),
                               "amount": kzt(cost.amount_kzt), "incurred_on": cost.incurred_on,
                               "eligible": kzt(eligible)}
    template = TEXTS["cost"]
    if definition.person == "employee" and len(cost.employees) > 1 and eligible > 0:
        template = TEXTS["cost_group"]
        details |= {"count": len(cost.employees), "employees": ", ".join(cost.employees),
                    "each": kzt(eligible / len(cost.employees))}
    return _line("cost", "cost", cost.amount_kzt, eligible, render(template, details), definition.citation, cost.id)


class _Calculation:
    """One calculation: reads parameters through the context so they are listed with the result."""

    def __init__(self, facts: ProductivityFacts, definition: InstrumentDefinition, ctx: Context):
        self.facts, self.definition, self.ctx = facts, definition, ctx
        self.lines: list[Line] = []
        self.year = facts.application_date.year
        self.earlier = [p for p in facts.prior_reimbursements if p.instrument == definition.id]

    def citation(self, parameter: str) -> Citation:
        return self.ctx.parameters.get(parameter, self.ctx.on).citation

    def prior_amount(self, person: str, period: str) -> Decimal:
        total = Decimal(0)
        for prior in self.earlier:
            if period == "application" or (period == "calendar_year" and prior.decided_on.year != self.year):
                continue
            total += sum((p.amount_kzt for p in prior.persons if p.id == person), Decimal(0))
        return total

    def eligible_lines(self) -> list[tuple[CostLine, Decimal]]:
        state = LineState(self.facts, self.definition, self.ctx)
        result = []
        for cost, (eligible, exclusions) in zip(self.facts.costs, application_exclusions(state, self.ctx.calendar),
                                                strict=True):
            self.lines.append(_cost_line(cost, eligible, self.definition))
            remaining = cost.amount_kzt
            for exclusion in exclusions:
                after = remaining - exclusion.excluded
                self.lines.append(_line("exclusion", exclusion.rule, remaining, after, exclusion.reason,
                                        exclusion.citation, cost.id))
                remaining = after
            result.append((cost, eligible))
        return result

    def per_person(self, eligible: list[tuple[CostLine, Decimal]]) -> dict[str, Decimal]:
        costs: dict[str, Decimal] = {}
        for cost, amount in eligible:
            if amount <= 0:
                continue
            persons = cost.employees if self.definition.person == "employee" else [cost.specialist or ""]
            for person in persons:
                costs[person] = costs.get(person, Decimal(0)) + amount / len(persons)
        return costs

    def headcount(self, costs: dict[str, Decimal], cap: Cap) -> dict[str, Decimal]:
        limit = int(self.ctx.param(cap.parameter))
        counted = list(dict.fromkeys(
            p.id for prior in self.earlier if prior.decided_on.year == self.year for p in prior.persons
        ))
        admitted, position = {}, len(counted)
        for person, amount in costs.items():
            if person not in counted:
                position += 1
                if position > limit:
                    reason = render(TEXTS[f"headcount.{self.definition.person}"], {
                        "person": person, "position": position, "year": self.year, "limit": limit,
                        "earlier": len(counted)})
                    self.lines.append(_line("exclusion", "cap.persons_per_enterprise_year", amount, Decimal(0),
                                            reason, cap.citation, person=person))
                    continue
            admitted[person] = amount
        return admitted

    def share(self, amount: Decimal, person: str | None = None) -> Decimal:
        percent = self.ctx.param(self.definition.share_parameter or "")
        after = amount * percent / HUNDRED
        reason = render(TEXTS["share"], {"share": percent, "before": kzt(amount), "after": kzt(after)})
        self.lines.append(_line("share", "share", amount, after, reason,
                                self.citation(self.definition.share_parameter or ""), person=person))
        return after

    def person_cap(self, cap: Cap, person: str, amount: Decimal) -> Decimal:
        value = self.ctx.param(cap.parameter)
        prior = self.prior_amount(person, cap.period)
        after = min(amount, max(Decimal(0), value - prior))
        reason = render(TEXTS[f"cap.{cap.scope}"], {"cap": kzt(value), "prior": kzt(prior), "year": self.year,
                                                     "person": person, "before": kzt(amount), "after": kzt(after)})
        self.lines.append(_line("cap", f"cap.{cap.scope}", amount, after, reason, cap.citation, person=person))
        return after

    def application_cap(self, cap: Cap, amount: Decimal) -> Decimal:
        if cap.scope == "enterprise_size" and cap.size != self.facts.applicant.enterprise_size:
            return amount
        value = self.ctx.param(cap.parameter)
        details: dict[str, Any] = {"cap": kzt(value), "before": kzt(amount), "instrument": self.definition.id}
        limit = value
        if cap.scope == "percent_of_construction_cost":
            works = self.facts.construction_installation_cost_kzt or Decimal(0)
            limit = works * value / HUNDRED
            details |= {"percent": value, "works": kzt(works), "cap": kzt(limit)}
        after = min(amount, limit)
        details["after"] = kzt(after)
        key = f"cap.{cap.scope}.{cap.size}" if cap.size else f"cap.{cap.scope}"
        self.lines.append(_line("cap", f"cap.{cap.scope}", amount, after, render(TEXTS[key], details), cap.citation))
        return after

    def run(self) -> tuple[Decimal, Decimal]:
        eligible = self.eligible_lines()
        person_caps = [c for c in self.definition.caps if c.scope in ("per_employee", "per_specialist_year")]
        headcount = [c for c in self.definition.caps if c.scope == "persons_per_enterprise_year"]
        if self.definition.person:
            costs = self.per_person(eligible)
            for cap in headcount:
                costs = self.headcount(costs, cap)
            total_eligible = sum(costs.values(), Decimal(0))
            total = Decimal(0)
            for person, amount in costs.items():
                reimbursed = self.share(amount, person)
                for cap in person_caps:
                    reimbursed = self.person_cap(cap, person, reimbursed)
                total += reimbursed
        else:
            total_eligible = sum((amount for _, amount in eligible), Decimal(0))
            total = self.share(total_eligible)
        for cap in self.definition.caps:
            if cap.scope in ("instrument", "enterprise_size", "percent_of_construction_cost"):
                total = self.application_cap(cap, total)
        return total, total_eligible

    def notes(self) -> tuple[Messages, ...]:
        travels = {c.kind for c in self.facts.costs} & {"travel", "accommodation"}
        return (NOTES["travel_norms"],) if self.definition.travel_classes and travels else ()


def calculate(
    facts: ProductivityFacts | Mapping[str, Any],
    on: dt.date | None = None,
    parameters: Parameters | None = None,
    calendar: WorkingCalendar | None = None,
) -> Reimbursement:
    """The reimbursement of the costs in `facts` under its instrument (5.3), with every line.

    `on` (default: the application date) chooses the parameter values; look-back windows and the
    calendar year of the yearly caps follow the application date. Eligibility is not checked here
    (see `assess`). Raises `InvalidFacts` naming a missing or malformed fact.
    """
    facts = facts if isinstance(facts, ProductivityFacts) else parse_facts(ProductivityFacts, facts)
    require_instrument_facts(facts)
    definition = INSTRUMENTS[facts.instrument]
    ctx = Context(on or facts.application_date, parameters or Parameters.from_source(),
                  calendar or WorkingCalendar())
    if definition.availability != "reimbursement":
        status: Status = "not_available" if definition.availability == "rules_not_in_seed" else "not_reimbursement"
        return _not_calculated(facts, ctx, status, [REASONS[definition.availability]])
    unset = []
    for name in definition.parameters:
        try:
            ctx.param(name)
        except ParameterNotSet:
            unset.append(_raw_value(ctx.parameters, name, ctx.on))
        except ParameterNotInForce:
            reason = render(REASONS["not_in_force"], {"parameter": name, "on": ctx.on})
            return _not_calculated(facts, ctx, "not_in_force", [reason])
    if unset:
        values = tuple(v for v in unset if v is not None)
        return _not_calculated(facts, ctx, "not_set", [unset_reason(definition, [v.name for v in values])], values)
    calculation = _Calculation(facts, definition, ctx)
    total, eligible = calculation.run()
    return Reimbursement(facts.instrument, ctx.on, "calculated", tiyn(total), eligible, tuple(calculation.lines),
                         tuple(ctx.read.values()), (), (), calculation.notes())
