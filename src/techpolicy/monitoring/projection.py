"""The projected trajectory of one target indicator to its final year (000.ttp.monitor: the dashboards
compare target, actual and the trajectory; 000.p38.a2: the final value is the one to reach).

No Django. The series is what the core says the indicator stood at, year by year, and the trend is the
forecasting engine's (`forecasting.trends`, seed 000 p.8 method 1): this module neither aggregates nor
fits anything itself.

* **The series.** The base value at the base year, then each year's value as `indicators.value_to`
  gives it: a per-period indicator's approved figure of the year; a cumulative indicator's total to
  date. On the cumulative scale the base year stands at zero, since the core's total adds the years
  *after* the base year and leaves the base value out (indicators module: cumulative indicators). A
  cumulative year whose total misses an earlier year's figure is left out of the series (it would
  understate the trajectory) and named in `left_out`.
* **The fit.** `trends.fit_trends`, ranked by AICc. The engine's own rule (`trends.min_points`) says how
  many points a trend needs: three for the least-squares line (the base year and two approved years,
  a programme's monitoring after two years: seed 000 p.38, 000.ttp.monitor), p + 3 for the exponential
  (five) and the logistic (six). With fewer than three the verdict is `not_enough_data`, never a line
  through two points. With three or four only the line is fitted (its AICc is undefined there, so it
  is chosen alone); trends the engine does not fit are named with its reason (`skipped`). A final
  year more than the engine's horizon past the last point, or no trend that converges, is
  `not_enough_data` too; `shortfall` says which.
* **The verdict**, from the 95 % prediction interval at the final year against the final target in
  force on the day: `on_track` when the whole interval reaches it, `off_track` when none of it does,
  `at_risk` when the interval straddles it; "reaches" respects the direction (a rank is lower is
  better). When the final year already has its figure, the verdict is the core's exact gap.

Floats only here; the gap of a status stays the core's exact Decimal.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from techpolicy.forecasting import trends
from techpolicy.forecasting.limits import LimitError

from . import indicators as core
from .common import gettext_noop

Verdict = Literal["on_track", "at_risk", "off_track", "not_enough_data", "no_target"]
Basis = Literal["forecast", "observed", "none"]
# Why there is no forecast: too few points; the final year more than the engine's horizon (100 years,
# `forecasting.limits.MAX_HORIZON_YEARS`) past the last point; no trend converged; a forecast that overflows.
Shortfall = Literal["", "too_few_points", "horizon", "no_fit", "not_finite"]

LEVEL = 0.95  # the prediction interval's level
# The fewest points any of the engine's trends is fitted to (the line's p + 1 = 3: `trends.min_points`).
MIN_POINTS = min(trends.min_points(model) for model in trends.MODELS)

VERDICT_LABELS: dict[str, str] = {
    "on_track": gettext_noop("On track"),
    "at_risk": gettext_noop("At risk"),
    "off_track": gettext_noop("Off track"),
    "not_enough_data": gettext_noop("Not enough data for a projection"),
    "no_target": gettext_noop("No final target in force"),
}


@dataclass(frozen=True)
class Point:
    """One year of the trajectory: an observed value (low = high = value) or a forecast with its
    prediction interval."""

    year: int
    value: float
    low: float
    high: float
    observed: bool


@dataclass(frozen=True)
class Projection:
    indicator: str
    final_year: int
    on: dt.date
    target: core.Target | None  # the final year's target in force on `on`
    verdict: Verdict
    basis: Basis  # what the verdict rests on
    points: tuple[Point, ...]  # the series, then the forecast years up to the final year
    used: int  # points of the series
    needed: int = MIN_POINTS
    model: str | None = None  # the trend chosen by AICc
    candidates: tuple[str, ...] = ()  # every trend fitted, best first
    skipped: dict[str, str] = field(default_factory=dict)  # the engine's reason per trend not fitted
    left_out: tuple[int, ...] = ()  # cumulative years left out: an earlier year has no approved figure
    level: float = LEVEL
    shortfall: Shortfall = ""  # with basis "none": why there is no forecast

    @property
    def at_final(self) -> Point | None:
        return next((p for p in self.points if p.year == self.final_year), None)

    @property
    def forecast(self) -> tuple[Point, ...]:
        return tuple(p for p in self.points if not p.observed)


def series(indicator: core.Indicator, actuals: Sequence[core.Actual], last_year: int
           ) -> tuple[list[tuple[int, Decimal]], list[int]]:
    """The observed trajectory up to `last_year` as the core aggregates it, and the cumulative years
    left out (see the module). Only approved actuals count (`indicators.approved_by_year`)."""
    approved = core.approved_by_year(indicator, actuals)
    start = Decimal(0) if indicator.kind == "cumulative" else indicator.base_value
    points = [(indicator.base_year, start)]
    left_out: list[int] = []
    for year in sorted(y for y in approved if indicator.base_year < y <= last_year):
        value, missing = core.value_to(indicator, approved, year)
        if value is None:
            continue
        if missing:
            left_out.append(year)
            continue
        points.append((year, value))
    return points, left_out


def _reaches(direction: core.Direction, value: float, target: float) -> bool:
    return value >= target if direction == "higher_is_better" else value <= target


def verdict_of(direction: core.Direction, low: float, high: float, target: float) -> Verdict:
    """on_track / at_risk / off_track of an interval [low, high] against `target`."""
    worst, best = (low, high) if direction == "higher_is_better" else (high, low)
    if _reaches(direction, worst, target):
        return "on_track"
    if not _reaches(direction, best, target):
        return "off_track"
    return "at_risk"


def project(indicator: core.Indicator, actuals: Sequence[core.Actual], final_year: int, on: dt.date
            ) -> Projection:
    """The projection of `indicator` to `final_year` with the targets in force on `on`."""
    target = indicator.target(final_year, on)
    observed, left_out = series(indicator, actuals, final_year)
    points = tuple(Point(y, float(v), float(v), float(v), True) for y, v in observed)
    common = {"indicator": indicator.code, "final_year": final_year, "on": on, "target": target,
              "used": len(observed), "left_out": tuple(left_out)}
    final_value = dict(observed).get(final_year)
    if final_value is not None and final_year > indicator.base_year:
        verdict: Verdict = "no_target"
        if target is not None:  # the figure is in: the core's exact gap decides
            verdict = "on_track" if core.gap(indicator.direction, final_value, target.value) >= 0 else "off_track"
        return Projection(verdict=verdict, basis="observed", points=points, **common)
    empty = Projection(verdict="not_enough_data", basis="none", points=points, shortfall="too_few_points", **common)
    if len(observed) < MIN_POINTS or final_year <= observed[-1][0]:
        return empty
    years = [float(y) for y, _v in observed]
    values = [float(v) for _y, v in observed]
    try:
        selection = trends.fit_trends(years, values)
    except (trends.TrendError, LimitError):
        return dataclasses.replace(empty, skipped=_skipped_all(years, values), shortfall="no_fit")
    fitted = {"model": selection.chosen.model, "candidates": tuple(f.model for f in selection.candidates),
              "skipped": dict(selection.skipped)}
    try:
        ahead = trends.forecast(selection.chosen, final_year, LEVEL)
    except LimitError:
        return dataclasses.replace(empty, shortfall="horizon", **fitted)
    forecast = tuple(Point(p.year, p.value, p.lower, p.upper, False) for p in ahead.points)
    last = forecast[-1]
    if not all(math.isfinite(x) for x in (last.value, last.low, last.high)):
        return dataclasses.replace(empty, shortfall="not_finite", **fitted)
    verdict = "no_target" if target is None else verdict_of(indicator.direction, last.low, last.high,
                                                             float(target.value))
    return Projection(verdict=verdict, basis="forecast", points=points + forecast, **common, **fitted)


def _skipped_all(years: list[float], values: list[float]) -> dict[str, str]:
    """The engine's reason for each trend when none could be fitted (for the page to say why)."""
    reasons: dict[str, str] = {}
    for model in trends.MODELS:
        try:
            trends.fit_trend(years, values, model)
        except (trends.TrendError, LimitError) as exc:
            reasons[model] = str(exc)
    return reasons
