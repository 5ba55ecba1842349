"""000.ttp.monitor (the dashboards compare target, actual and the projected trajectory) and 000.p38.a2
(the final value of a target indicator): `monitoring.projection`.

Every expectation is computed here from the inputs: the series by hand (a cumulative indicator's
running total, a per-period indicator's own years), the linear prediction interval by the textbook
least-squares formula, the verdict from that interval and the direction."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

import numpy as np
import pytest
from scipy import stats

from techpolicy.forecasting import trends
from techpolicy.monitoring import indicators as core
from techpolicy.monitoring.projection import MIN_POINTS, project, verdict_of

ON = dt.date(2030, 1, 15)
NAMES = {"kk": "Көрсеткіш", "ru": "Показатель", "en": "Indicator"}


def indicator(kind="per_period", direction="higher_is_better", base="5", final="100", final_year=2032):
    targets = [{"year": 2027, "value": Decimal("20"), "stage": "interim", "act": "000", "paragraph": "p.38",
                "effective": dt.date(2025, 1, 1)}]
    if final is not None:
        targets.append({"year": final_year, "value": Decimal(final), "stage": "final", "act": "000",
                        "paragraph": "p.38", "effective": dt.date(2025, 1, 1)})
    return core.Indicator(code="I1", name=NAMES, unit="units", direction=direction, kind=kind, base_year=2025,
                          base_value=Decimal(base), targets=targets)


def actuals(values: dict[int, str], state="approved"):
    return [core.Actual(indicator="I1", year=y, value=Decimal(v), state=state,
                        provenance={"kind": "entered", "evidence": "letter"}) for y, v in values.items()]


def linear_interval(xs, ys, x0, level=0.95):
    """The ordinary least-squares line's prediction interval for a new observation at x0."""
    x, y = np.asarray(xs, float), np.asarray(ys, float)
    n = len(x)
    b, a = np.polyfit(x, y, 1)
    s = math.sqrt(float(np.sum((y - (a + b * x)) ** 2)) / (n - 2))
    sxx = float(np.sum((x - x.mean()) ** 2))
    se = s * math.sqrt(1 + 1 / n + (x0 - x.mean()) ** 2 / sxx)
    q = float(stats.t.ppf((1 + level) / 2, n - 2))
    centre = a + b * x0
    return centre, centre - q * se, centre + q * se


def expected_verdict(direction, low, high, target):
    if direction == "higher_is_better":
        return "on_track" if low >= target else "off_track" if high < target else "at_risk"
    return "on_track" if high <= target else "off_track" if low > target else "at_risk"


CUMULATIVE_YEARS = {2026: "10", 2027: "12", 2028: "14", 2029: "16"}


def test_000_ttp_monitor_cumulative_series_is_the_cores_running_total():
    """A cumulative indicator's trajectory is its total to date (`indicators.value_to`), from zero at the
    base year (the base value is not added); the interval is the least-squares line's."""
    ind = indicator(kind="cumulative", base="31")
    result = project(ind, actuals(CUMULATIVE_YEARS), 2032, ON)
    totals = np.cumsum([float(v) for v in CUMULATIVE_YEARS.values()]).tolist()
    assert [(p.year, p.value) for p in result.points if p.observed] == list(
        zip([2025, *CUMULATIVE_YEARS], [0.0, *totals], strict=True))
    # 0 at the base year: no exponential; five points: no logistic; the line remains.
    assert result.model == "linear" and set(result.skipped) == {"exponential", "logistic"}
    centre, low, high = linear_interval([2025, *CUMULATIVE_YEARS], [0.0, *totals], 2032)
    final = result.at_final
    assert final is not None and not final.observed
    assert final.value == pytest.approx(centre) and final.low == pytest.approx(low)
    assert final.high == pytest.approx(high)
    assert [p.year for p in result.forecast] == [2030, 2031, 2032]


@pytest.mark.parametrize("where", ["below", "inside", "above"])
def test_000_ttp_monitor_on_track_at_risk_off_track_from_the_interval(where):
    """000.p38.a2's final value against the 95 % interval: reached by the whole interval (on track),
    straddled (at risk), out of reach (off track)."""
    totals = np.cumsum([float(v) for v in CUMULATIVE_YEARS.values()]).tolist()
    centre, low, high = linear_interval([2025, *CUMULATIVE_YEARS], [0.0, *totals], 2032)
    target = {"below": low - 1, "inside": centre, "above": high + 1}[where]
    ind = indicator(kind="cumulative", final=f"{target:.6f}")
    result = project(ind, actuals(CUMULATIVE_YEARS), 2032, ON)
    assert result.verdict == expected_verdict("higher_is_better", low, high, float(f"{target:.6f}"))
    assert result.verdict == {"below": "on_track", "inside": "at_risk", "above": "off_track"}[where]


def test_000_ttp_monitor_per_period_series_is_each_years_own_value():
    """A per-period indicator's trajectory is the base value, then each year's approved figure as it
    is (no running total); the verdict follows the engine's interval at the final year."""
    values = {2026: "7", 2027: "11", 2028: "12", 2029: "16", 2030: "17"}
    ind = indicator(base="5", final="30")
    result = project(ind, actuals(values), 2032, ON)
    series = [5.0, *map(float, values.values())]
    assert [p.value for p in result.points if p.observed] == series
    selection = trends.fit_trends([2025.0, *map(float, values)], series)
    point = trends.forecast(selection.chosen, 2032).point(2032)
    assert result.model == selection.chosen.model
    assert result.at_final.low == pytest.approx(point.lower)
    assert result.verdict == expected_verdict("higher_is_better", point.lower, point.upper, 30.0)


def test_000_ttp_monitor_lower_is_better_rank():
    """A rank (002.s6.i2: a lower place is better): a falling series reaches a low target; the same
    interval against the same target reads the other way for a higher-is-better indicator."""
    values = {2026: "48", 2027: "44", 2028: "41", 2029: "37", 2030: "33"}
    series = [52.0, *map(float, values.values())]
    selection = trends.fit_trends([2025.0, *map(float, values)], series)
    point = trends.forecast(selection.chosen, 2032).point(2032)
    target = point.upper + 2  # the whole interval is below it: reached for a rank
    lower = project(indicator(direction="lower_is_better", base="52", final=f"{target:.6f}"), actuals(values),
                    2032, ON)
    higher = project(indicator(direction="higher_is_better", base="52", final=f"{target:.6f}"), actuals(values),
                     2032, ON)
    assert lower.verdict == expected_verdict("lower_is_better", point.lower, point.upper, target) == "on_track"
    assert higher.verdict == expected_verdict("higher_is_better", point.lower, point.upper, target) == "off_track"


def test_000_ttp_monitor_too_few_points_is_not_enough_data_and_only_approved_count():
    """Seed 000 p.38, 000.ttp.monitor: the trend engine fits a line from three points (`trends.min_points`),
    the base year and two approved years. One approved year and a submitted one make two with the base
    year: not enough, said so, no forecast drawn."""
    given = actuals({2026: "7"}) + actuals({2027: "9"}, state="submitted")
    result = project(indicator(), given, 2032, ON)
    assert MIN_POINTS == trends.min_points("linear") == 3
    assert result.verdict == "not_enough_data" and result.used == 2 and result.needed == 3
    assert result.shortfall == "too_few_points"
    assert result.forecast == () and result.model is None
    approved = actuals({2026: "7", 2027: "9"})
    assert project(indicator(), approved, 2032, ON).verdict != "not_enough_data"


def test_000_ttp_monitor_two_approved_years_project_by_the_line():
    """Seed 000 p.38, 000.ttp.monitor (monitoring after two years): the base year and two approved years,
    three points, are projected by the least-squares line, its 95 % interval the textbook one on one
    degree of freedom; the exponential and logistic need more points and are named as skipped."""
    values = {2026: "7", 2027: "12"}
    series = [5.0, *map(float, values.values())]
    centre, low, high = linear_interval([2025, *values], series, 2032)
    result = project(indicator(final=f"{centre:.6f}"), actuals(values), 2032, ON)
    assert (result.basis, result.used, result.model) == ("forecast", 3, "linear")
    assert result.candidates == ("linear",) and set(result.skipped) == {"exponential", "logistic"}
    final = result.at_final
    assert final.value == pytest.approx(centre) and (final.low, final.high) == pytest.approx((low, high))
    assert result.verdict == expected_verdict("higher_is_better", final.low, final.high, float(f"{centre:.6f}"))
    assert result.verdict == "at_risk"


def test_000_ttp_monitor_cumulative_year_after_a_gap_is_left_out():
    """A cumulative total missing an earlier year's figure would understate the trajectory: left out
    and named."""
    given = actuals({2026: "10", 2028: "14", 2029: "16"})
    result = project(indicator(kind="cumulative"), given, 2032, ON)
    assert result.left_out == (2028, 2029)
    assert [p.year for p in result.points] == [2025, 2026]


def test_000_p38_a2_final_year_observed_uses_the_exact_gap():
    """Once the final year's figure is approved the verdict is the core's exact comparison."""
    values = {2026: "7", 2027: "9", 2028: "12"}
    reached = project(indicator(final="12", final_year=2028), actuals(values), 2028, ON)
    short = project(indicator(final="12.000001", final_year=2028), actuals(values), 2028, ON)
    assert (reached.basis, reached.verdict) == ("observed", "on_track")
    assert short.verdict == "off_track"


def test_000_p38_a2_no_final_target_in_force():
    """No target for the final year in force on the day: no verdict against a target."""
    values = {2026: "7", 2027: "11", 2028: "12", 2029: "16", 2030: "17"}
    result = project(indicator(final=None), actuals(values), 2032, ON)
    assert result.verdict == "no_target" and result.forecast


@pytest.mark.parametrize(("direction", "low", "high", "target", "verdict"), [
    ("higher_is_better", 10, 20, 10, "on_track"), ("higher_is_better", 10, 20, 20, "at_risk"),
    ("higher_is_better", 10, 20, 20.5, "off_track"), ("lower_is_better", 10, 20, 20, "on_track"),
    ("lower_is_better", 10, 20, 10, "at_risk"), ("lower_is_better", 10, 20, 9, "off_track")])
def test_000_ttp_monitor_verdict_edges(direction, low, high, target, verdict):
    """The interval's bounds count as reaching the target (a gap of zero is reached, as in the core)."""
    assert verdict_of(direction, low, high, target) == verdict == expected_verdict(direction, low, high, target)


def test_000_ttp_monitor_final_year_beyond_the_engines_horizon_is_said():
    """The trend engine forecasts at most 100 years past the last point (`forecasting.limits`): a plan
    ending later gets no forecast, and the reason, not an error."""
    ind = core.Indicator(code="I1", name=NAMES, unit="u", direction="higher_is_better", kind="per_period",
                         base_year=1900, base_value=Decimal(1), targets=[
                             {"year": 2100, "value": Decimal(9), "stage": "final", "act": "000", "paragraph": "p.38",
                              "effective": dt.date(1900, 1, 1)}])
    given = [core.Actual(indicator="I1", year=y, value=Decimal(y - 1899), state="approved",
                         provenance={"kind": "entered", "evidence": "e"}) for y in range(1901, 1906)]
    result = project(ind, given, 2100, dt.date(2000, 1, 1))
    assert (result.verdict, result.shortfall, result.forecast) == ("not_enough_data", "horizon", ())
    assert result.model is not None  # the trend was fitted; only the horizon is out of reach
