"""Target indicators (нысаналы индикаторлар), their dated targets, actuals and status.

Seed 000 p.38, second indent (000.p38.a2): every goal of a targeted technology programme carries
target indicators with interim and final values that let the degree of achievement be determined;
000.ttp.monitor: the actual value per indicator per period is compared with the target of that year,
status reached / not reached with the gap, history kept. Seed 002 §6 (002.s6.i1–i6, 002.s6.kpi) gives
six such series for 2026–2035, one of them a rank where a lower place is better (002.s6.i2).

Decisions the sources leave open, made here once:

* **Period = calendar year.** Every series in the seeds is yearly; the TTP monitoring frequency is not
  set (`tp.ttp.monitoring_period`, null), so a finer period would be invented.
* **Amendments.** A target is never edited: an amending act adds a newer target for the same year with
  the date it took effect. The target of a year on a date is the one with the latest effective date on
  or before it; the older ones stay as history (`Indicator.target_history`).
* **Cumulative indicators.** An actual is always the period's own value, as an implementer reports
  its year (002 res. p.2(3)). The value to date of a cumulative indicator is the **sum of the actuals
  of the years after the base year up to the year asked**; the base value is the state before the
  programme and is not added (002.s6.i4 leaves open whether its series is cumulative:
  `sct.kpi.i4.accumulation`, null — the file that loads it chooses `kind`). Summing rather than
  storing a running total keeps one figure per year, so a corrected past year flows into every later
  total. Years without an approved actual are listed in `Status.missing_years`.
* **Approval.** Only approved actuals count (DHIS2's discipline: data is final once approved). An
  actual goes draft → submitted → approved; skipping a step, or approving a year of a cumulative
  indicator while an earlier year's actual is still unapproved, is refused (`ApprovalError`).
* **Degree of achievement.** No formula is given (`tp.ttp.achievement_formula`, null), so none is
  computed: the status is the comparison, and the gap is `actual - target`, sign-corrected by the
  direction so that a positive gap always means ahead of the target.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, model_validator

from .common import MAX_QUERY, Code, Model, Names, Text, Value, Year, gettext_noop

Direction = Literal["higher_is_better", "lower_is_better"]
Kind = Literal["cumulative", "per_period"]
Stage = Literal["interim", "final"]
State = Literal["draft", "submitted", "approved"]
Outcome = Literal["reached", "not_reached", "no_target", "no_actual"]

MAX_TARGETS = 1000  # 201 years, each amended a few times
MAX_INDICATORS = 1000
MAX_ACTUALS = 100_000

OUTCOME_LABELS: dict[str, str] = {
    "reached": gettext_noop("Reached"),
    "not_reached": gettext_noop("Not reached"),
    "no_target": gettext_noop("No target for this year"),
    "no_actual": gettext_noop("No approved actual"),
}
STATE_LABELS: dict[str, str] = {
    # Not "Draft" / "Approved": those msgids already mean an application's states.
    "draft": gettext_noop("Draft figure"),
    "submitted": gettext_noop("Submitted for approval"),
    "approved": gettext_noop("Approved figure"),
}


class Target(Model):
    """One target value of one year, as set by one act's paragraph from the date it took effect."""

    year: Year
    value: Value
    stage: Stage  # interim or final value (000.p38.a2)
    act: Text  # the act that set it, e.g. "002" or "Order No. 198 of 2024-05-02"
    paragraph: Text  # its paragraph, e.g. "s6.i2" or "p.38"
    effective: dt.date  # the date the act (or its amendment) took effect


class Indicator(Model):
    """A target indicator: unit, which way is better, whether it accumulates, base and targets."""

    code: Code
    name: Names
    unit: Text
    direction: Direction
    kind: Kind
    base_year: Year
    base_value: Value
    targets: Annotated[list[Target], Field(max_length=MAX_TARGETS)] = []

    @model_validator(mode="after")
    def _targets_are_consistent(self) -> Indicator:
        seen: set[tuple[int, dt.date]] = set()
        for target in self.targets:
            if target.year <= self.base_year:
                raise ValueError(f"target year {target.year} is not after the base year {self.base_year}")
            if (target.year, target.effective) in seen:
                # Two values for one year from the same day: no rule says which one is in force.
                raise ValueError(f"two targets for {target.year} take effect on {target.effective}")
            seen.add((target.year, target.effective))
        return self

    def target_history(self, year: int) -> list[Target]:
        """Every target ever set for `year`, oldest first (000.ttp.monitor: history kept)."""
        return sorted((t for t in self.targets if t.year == year), key=lambda t: t.effective)

    def target(self, year: int, on: dt.date) -> Target | None:
        """The target of `year` in force on `on`: the latest to take effect on or before it."""
        in_force = [t for t in self.target_history(year) if t.effective <= on]
        return in_force[-1] if in_force else None

    def targets_in_force(self, on: dt.date) -> list[Target]:
        """One target per year, those in force on `on`, by year."""
        years = sorted({t.year for t in self.targets})
        return [t for year in years if (t := self.target(year, on)) is not None]


class Entered(Model):
    """An actual entered by a person, with the evidence it rests on (a document, its number and date)."""

    kind: Literal["entered"]
    evidence: Text
    entered_by: Text | None = None


class Computed(Model):
    """An actual computed from a register of the system, with the query that produced it, so that it
    can be recomputed and checked."""

    kind: Literal["computed"]
    source_register: Text
    query: Annotated[str, Field(min_length=1, max_length=MAX_QUERY)]
    computed_at: dt.datetime | None = None


Provenance = Annotated[Entered | Computed, Field(discriminator="kind")]


class Actual(Model):
    """The actual value of one indicator for one year (the year's own value, see the module)."""

    indicator: Code
    year: Year
    value: Value
    provenance: Provenance
    state: State = "draft"


class ApprovalError(ValueError):
    """A state change out of order: the message says what has to happen first."""


_NEXT: dict[str, str] = {"draft": "submitted", "submitted": "approved"}


def submit(actual: Actual) -> Actual:
    """draft → submitted."""
    if actual.state != "draft":
        raise ApprovalError(f"{actual.indicator} {actual.year}: only a draft can be submitted, this one is "
                            f"{actual.state}")
    return actual.model_copy(update={"state": "submitted"})


def approve(indicator: Indicator, actual: Actual, others: Iterable[Actual] = ()) -> Actual:
    """submitted → approved. A draft is refused (submit it first). For a cumulative indicator an
    earlier year's actual that is not yet approved is refused too: the total to date would change
    under an approved figure."""
    if actual.indicator != indicator.code:
        raise ApprovalError(f"the actual is of {actual.indicator}, not of {indicator.code}")
    if actual.state != "submitted":
        step = "submit it first" if actual.state == "draft" else "it is already approved"
        raise ApprovalError(f"{actual.indicator} {actual.year}: cannot approve a {actual.state} actual; {step}")
    if indicator.kind == "cumulative":
        pending = sorted(o.year for o in others
                         if o.indicator == indicator.code and o.year < actual.year and o.state != "approved")
        if pending:
            raise ApprovalError(f"{actual.indicator} {actual.year}: approve the earlier years first "
                                f"({', '.join(map(str, pending))}); a cumulative total adds them up")
    return actual.model_copy(update={"state": "approved"})


class Status(Model):
    """The comparison of one indicator's value with its target for one year, on one date."""

    indicator: str
    year: int
    on: dt.date
    outcome: Outcome
    direction: Direction
    kind: Kind
    target: Target | None
    value: Decimal | None  # the period's value, or the total to date of a cumulative indicator
    gap: Decimal | None  # positive = ahead of the target, whichever the direction
    missing_years: list[int] = []  # cumulative: years after the base year without an approved actual

    def as_dict(self) -> dict:
        return self.model_dump(mode="json")


def approved_by_year(indicator: Indicator, actuals: Iterable[Actual]) -> dict[int, Decimal]:
    """The approved actual values of `indicator`, by year. Two approved actuals for one year are an
    error of the caller (the database will hold a unique constraint on indicator and year)."""
    found: dict[int, Decimal] = {}
    for actual in actuals:
        if actual.indicator == indicator.code and actual.state == "approved":
            if actual.year in found:
                raise ValueError(f"{indicator.code} {actual.year}: two approved actuals")
            found[actual.year] = actual.value
    return found


def value_to(indicator: Indicator, actuals: Sequence[Actual] | dict[int, Decimal], year: int
             ) -> tuple[Decimal | None, list[int]]:
    """THE aggregation (the only place): the indicator's value for `year` and the years missing.

    per_period: the year's approved actual (None without one). cumulative: the sum of the approved
    actuals of base_year+1..year (None when the year itself has none; earlier gaps are listed)."""
    values = actuals if isinstance(actuals, dict) else approved_by_year(indicator, actuals)
    if year not in values:
        return None, []
    if indicator.kind == "per_period":
        return values[year], []
    years = range(indicator.base_year + 1, year + 1)
    missing = [y for y in years if y not in values]
    return sum((values[y] for y in years if y in values), Decimal(0)), missing


def gap(direction: Direction, value: Decimal, target: Decimal) -> Decimal:
    """How far `value` is ahead of `target` (negative: behind). A place in a ranking is better when
    lower, so its gap is target - value."""
    return value - target if direction == "higher_is_better" else target - value


def status(indicator: Indicator, actuals: Sequence[Actual], year: int, on: dt.date) -> Status:
    """000.ttp.monitor: reached / not_reached / no_target / no_actual for `year`, with the targets in
    force on `on` and the approved actuals."""
    target = indicator.target(year, on)
    value, missing = value_to(indicator, actuals, year)
    outcome: Outcome
    difference = None
    if target is None:
        outcome = "no_target"
    elif value is None:
        outcome = "no_actual"
    else:
        difference = gap(indicator.direction, value, target.value)
        outcome = "reached" if difference >= 0 else "not_reached"
    return Status(indicator=indicator.code, year=year, on=on, outcome=outcome, direction=indicator.direction,
                  kind=indicator.kind, target=target, value=value, gap=difference, missing_years=missing)


def target_problems(indicator: Indicator, first_year: int, last_year: int, on: dt.date) -> list[str]:
    """000.p38.a2 on a programme draft: among the targets in force on `on`, at least one interim value,
    exactly one final value, in the latest year, and every year inside the programme's period
    (passport item 35(6)). An empty list: the indicator passes."""
    targets = indicator.targets_in_force(on)
    problems: list[str] = []
    if not any(t.stage == "interim" for t in targets):
        problems.append(f"{indicator.code}: no interim value")
    finals = [t for t in targets if t.stage == "final"]
    if len(finals) != 1:
        problems.append(f"{indicator.code}: {len(finals)} final values, expected one")
    elif finals[0].year != max(t.year for t in targets):
        problems.append(f"{indicator.code}: the final value ({finals[0].year}) is not in the latest year")
    outside = sorted(t.year for t in targets if not first_year <= t.year <= last_year)
    if outside:
        problems.append(f"{indicator.code}: years outside {first_year}–{last_year}: "
                        f"{', '.join(map(str, outside))}")
    return problems
