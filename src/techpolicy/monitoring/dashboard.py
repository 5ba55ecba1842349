"""What a plan's monitoring shows, in one place that every page, export and API reads (000.ttp.monitor:
the actual of each indicator per year against the target of that year, reached or not with the gap,
history kept; 000.p38.a2: interim and final values).

Pure functions over `store` reads: each indicator is read once into the core's models, and every
answer is the core's (`indicators.status` for the target in force, the value to date and the exact
gap; `obligations.timeliness` for what is overdue) or the projection's (`projection.project`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from . import indicators as core
from . import models, store
from . import obligations as plan_core
from .common import MAX_YEAR, MIN_YEAR
from .projection import Point, Projection, project

SUMMARY_OVERDUE = 20  # overdue obligations named in a summary; the count covers all of them


@dataclass(frozen=True)
class YearRow:
    """One year of one indicator."""

    year: int
    status: core.Status  # target in force on the day, value (to date), exact gap, outcome
    history: tuple[core.Target, ...]  # every target ever set for the year, oldest first (amendments)
    actual: core.Actual | None  # the year's stored figure in any state (only an approved one counts)
    record: models.Actual | None  # its row: who entered, submitted, approved it, and when
    projected: Point | None  # the trajectory's point of the year, observed or forecast

    @property
    def target(self) -> core.Target | None:
        return self.status.target

    @property
    def amended(self) -> bool:
        return len(self.history) > 1

    @property
    def reached(self) -> bool | None:
        """True / False when a target and an approved figure are compared, None otherwise."""
        return {"reached": True, "not_reached": False}.get(self.status.outcome)


@dataclass(frozen=True)
class IndicatorBoard:
    row: models.Indicator
    indicator: core.Indicator  # with every target ever set
    years: tuple[YearRow, ...]
    projection: Projection

    @property
    def latest(self) -> YearRow | None:
        """The latest year with an approved figure and a target in force: the latest comparison the
        core can make, the one a summary judges (a year without a target is neither behind nor ahead)."""
        return next((y for y in reversed(self.years) if y.status.outcome in ("reached", "not_reached")), None)

    @property
    def behind(self) -> bool:
        latest = self.latest
        return latest is not None and latest.status.outcome == "not_reached"

    @property
    def pending(self) -> tuple[YearRow, ...]:
        """Years whose figure waits for submission or approval."""
        return tuple(y for y in self.years if y.actual is not None and y.actual.state != "approved")


@dataclass(frozen=True)
class ObligationRow:
    row: models.Obligation
    timeliness: plan_core.Timeliness


@dataclass(frozen=True)
class Summary:
    indicators: int
    behind: tuple[str, ...]  # codes behind target in their latest compared year (`IndicatorBoard.latest`)
    verdicts: dict[str, int]  # projection verdict -> number of indicators
    overdue_count: int
    overdue: tuple[ObligationRow, ...]  # the first SUMMARY_OVERDUE of them, by due date


@dataclass(frozen=True)
class PlanBoard:
    plan: models.Plan
    on: dt.date
    indicators: tuple[IndicatorBoard, ...]
    summary: Summary


def _years(plan: models.Plan, indicator: core.Indicator, actuals: list[core.Actual]) -> list[int]:
    """The plan's period, and any other year a target or a figure was set for, after the base year."""
    years = set(range(plan.first_year, plan.last_year + 1))
    years |= {t.year for t in indicator.targets} | {a.year for a in actuals}
    return sorted(y for y in years if max(MIN_YEAR, indicator.base_year + 1) <= y <= MAX_YEAR)


def indicator_board(row: models.Indicator, on: dt.date, final_year: int | None = None) -> IndicatorBoard:
    """Year by year rows of one stored indicator with the targets in force on `on`, and its projection
    to `final_year` (the plan's last year by default)."""
    indicator = store.indicator_model(row)
    records = {r.year: r for r in row.actuals.select_related("entered_by", "submitted_by", "approved_by")}
    actuals = [store.actual_model(r, row.code) for r in sorted(records.values(), key=lambda r: r.year)]
    by_year = {a.year: a for a in actuals}
    final = row.plan.last_year if final_year is None else final_year
    projected = project(indicator, actuals, final, on)
    points = {p.year: p for p in projected.points}
    years = tuple(
        YearRow(year=year, status=core.status(indicator, actuals, year, on),
                history=tuple(indicator.target_history(year)), actual=by_year.get(year), record=records.get(year),
                projected=points.get(year))
        for year in _years(row.plan, indicator, actuals))
    return IndicatorBoard(row=row, indicator=indicator, years=years, projection=projected)


def obligation_rows(plan: models.Plan, on: dt.date, *, year: int | None = None, overdue_only: bool = False,
                    limit: int | None = None) -> list[ObligationRow]:
    """The plan's obligations (of `year`, when given) with their timeliness on `on`, by due date; only
    the overdue ones with `overdue_only`. The database narrows to what can be overdue (due before the
    day); the core decides."""
    rows = plan.obligations.all()
    if year is not None:
        rows = rows.filter(year=year)
    if overdue_only:
        rows = rows.filter(due__lt=on)
    found: list[ObligationRow] = []
    for row in rows.order_by("due", "key").iterator(chunk_size=2000):
        timeliness = store.timeliness_of(row, on)
        if overdue_only and timeliness.timeliness != "overdue":
            continue
        found.append(ObligationRow(row, timeliness))
        if limit is not None and len(found) >= limit:
            break
    return found


def overdue_count(plan: models.Plan, on: dt.date) -> int:
    count = 0
    for row in plan.obligations.filter(due__lt=on).iterator(chunk_size=2000):
        count += store.timeliness_of(row, on).timeliness == "overdue"
    return count


def summary(plan: models.Plan, boards: tuple[IndicatorBoard, ...], on: dt.date) -> Summary:
    verdicts = Counter(b.projection.verdict for b in boards)
    return Summary(indicators=len(boards), behind=tuple(b.row.code for b in boards if b.behind),
                   verdicts=dict(verdicts), overdue_count=overdue_count(plan, on),
                   overdue=tuple(obligation_rows(plan, on, overdue_only=True, limit=SUMMARY_OVERDUE)))


def plan_board(plan: models.Plan, on: dt.date) -> PlanBoard:
    """Every indicator of the plan, year by year, with the plan's summary on `on`."""
    boards = tuple(indicator_board(row, on) for row in plan.indicators.select_related("plan").order_by("code"))
    return PlanBoard(plan=plan, on=on, indicators=boards, summary=summary(plan, boards, on))


def latest_gap(board: IndicatorBoard) -> Decimal | None:
    """The exact gap of the latest approved year (positive: ahead), as the core computed it."""
    latest = board.latest
    return latest.status.gap if latest else None
