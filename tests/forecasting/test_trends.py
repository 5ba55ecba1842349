"""Method 1 of seed 000, paragraph 8 (trend extrapolation corrected by expert assessment): known-answer
tests for linear / exponential / logistic fits, AICc choice, delta-method prediction intervals and
expert corrections."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from scipy import special, stats

from techpolicy.forecasting.trends import (
    ExpertCorrection,
    TrendError,
    apply_correction,
    correct,
    fit_trend,
    fit_trends,
    forecast,
    min_points,
)

YEARS = np.arange(2000, 2031)
K, R, T_MID = 100.0, 0.4, 2015.0


def logistic_truth(years):
    return K * special.expit(R * (np.asarray(years, dtype=float) - T_MID))


@pytest.fixture
def logistic_series():
    rng = np.random.default_rng(0)
    return YEARS, logistic_truth(YEARS) + rng.normal(0, 1.0, len(YEARS))


def test_logistic_recovers_parameters_and_is_chosen(logistic_series):
    """Paragraph 8(1): a noisy logistic series gives back K, r, t_mid, and AICc picks the logistic."""
    selection = fit_trends(*logistic_series)
    assert selection.chosen.model == "logistic"
    params = selection.chosen.params
    assert params["K"] == pytest.approx(K, abs=2.0)
    assert params["r"] == pytest.approx(R, abs=0.03)
    assert params["t_mid"] == pytest.approx(T_MID, abs=0.3)
    assert selection.chosen.residual_se == pytest.approx(1.0, abs=0.35)
    assert {fit.model for fit in selection.candidates} == {"linear", "exponential", "logistic"}
    data = selection.as_dict()
    assert data["chosen"] == "logistic" and data["criterion"] == "AICc"
    assert [c["aicc"] for c in data["candidates"]] == sorted(c["aicc"] for c in data["candidates"])
    assert sum(c["weight"] for c in data["candidates"]) == pytest.approx(1.0)
    json.dumps(data)


def test_straight_line_picks_linear():
    """Paragraph 8(1): a noisy straight line is extrapolated linearly with its slope and intercept."""
    rng = np.random.default_rng(1)
    years = np.arange(2000, 2020)
    values = 3.0 + 2.0 * (years - 2000) + rng.normal(0, 0.5, len(years))
    selection = fit_trends(years, values)
    assert selection.chosen.model == "linear"
    assert selection.chosen.params["b"] == pytest.approx(2.0, abs=0.1)
    assert selection.chosen.params["a"] == pytest.approx(3.0, abs=0.6)


def test_exponential_growth_picks_exponential():
    """Paragraph 8(1): constant relative growth is fitted by the exponential trend. The logistic nests
    it (K far above the data), so with other noise draws the two can be within ~1 AICc of each other."""
    rng = np.random.default_rng(5)
    years = np.arange(2000, 2025)
    values = 10.0 * np.exp(0.12 * (years - 2000)) * (1 + rng.normal(0, 0.01, len(years)))
    selection = fit_trends(years, values)
    assert selection.chosen.model == "exponential"
    assert selection.chosen.params["b"] == pytest.approx(0.12, abs=0.005)
    logistic = next(fit for fit in selection.candidates if fit.model == "logistic")
    assert logistic.params["K"] > 10 * values.max()  # the S-curve's ceiling is not in sight


def test_intervals_widen_with_horizon_and_contain_truth(logistic_series):
    """Paragraph 8(1): delta-method prediction intervals widen with the horizon and cover the curve."""
    result = forecast(fit_trends(*logistic_series).chosen, 2040, 0.95)
    assert result.method == "delta"
    assert [p.year for p in result.points] == list(range(2031, 2041))
    widths = [p.upper - p.lower for p in result.points]
    assert all(b >= a for a, b in zip(widths, widths[1:], strict=False))
    truth = logistic_truth([p.year for p in result.points])
    assert all(p.lower <= v <= p.upper for p, v in zip(result.points, truth, strict=True))


def test_linear_intervals_widen_strictly_and_level_matters():
    """Paragraph 8(1): further years are less certain; a higher level gives a wider interval."""
    rng = np.random.default_rng(3)
    years = np.arange(2000, 2020)
    truth = 5.0 + 1.5 * (years - 2000)
    fit = fit_trend(years, truth + rng.normal(0, 1.0, len(years)), "linear")
    narrow, wide = forecast(fit, 2035, 0.8), forecast(fit, 2035, 0.99)
    widths = [p.upper - p.lower for p in wide.points]
    assert all(b > a for a, b in zip(widths, widths[1:], strict=False))
    assert all(w.upper - w.lower > n.upper - n.lower for w, n in zip(wide.points, narrow.points, strict=True))
    future = 5.0 + 1.5 * (np.arange(2020, 2036) - 2000)
    assert all(p.lower <= v <= p.upper for p, v in zip(wide.points, future, strict=True))


def test_expert_correction_keeps_both_values_and_author(logistic_series):
    """Paragraph 8(1): an expert correction keeps the model value, the corrected value, author and reason."""
    result = forecast(fit_trends(*logistic_series).chosen, 2035)
    original = result.point(2033).value
    corrected = correct(result, 2033, 90.0, author="A. Expert", reason="market regulation expected")
    assert corrected.point(2033).value == original  # the model value is untouched
    assert corrected.value(2033) == 90.0
    assert corrected.value(2034) == result.point(2034).value
    assert result.corrections == ()  # the input forecast is unchanged
    record = corrected.correction(2033)
    assert (record.author, record.original, record.corrected) == ("A. Expert", original, 90.0)
    again = apply_correction(corrected, ExpertCorrection(2033, original, 92.0, "B. Expert", "second round"))
    assert again.value(2033) == 92.0 and len(again.corrections) == 2
    row = next(p for p in again.as_dict()["points"] if p["year"] == 2033)
    assert row["value"] == original and row["corrected"] == 92.0 and row["final"] == 92.0
    assert again.as_dict()["corrections"][0]["author"] == "A. Expert"


def test_expert_correction_is_validated(logistic_series):
    """Paragraph 8(1): a correction needs an author, a reason, a forecast year and the true original."""
    result = forecast(fit_trends(*logistic_series).chosen, 2035)
    with pytest.raises(ValueError, match="author"):
        ExpertCorrection(2033, 1.0, 2.0, " ", "why")
    with pytest.raises(ValueError, match="reason"):
        ExpertCorrection(2033, 1.0, 2.0, "who", "")
    with pytest.raises(ValueError, match="no forecast"):
        correct(result, 2050, 1.0, author="who", reason="why")
    with pytest.raises(ValueError, match="original"):
        apply_correction(result, ExpertCorrection(2033, -1.0, 2.0, "who", "why"))


def test_models_that_do_not_apply_are_skipped():
    """Paragraph 8(1): exponential and logistic trends need positive values; the reason is reported."""
    years = np.arange(2000, 2012)
    values = -5.0 + 1.0 * (years - 2000)
    selection = fit_trends(years, values)
    assert selection.chosen.model == "linear"
    assert set(selection.skipped) == {"exponential", "logistic"}
    with pytest.raises(TrendError, match="at least 6"):
        fit_trend(years[:4], values[:4] + 10, "logistic")  # positive, but four points for three parameters
    with pytest.raises(ValueError, match="horizon"):
        forecast(selection.chosen, 2011)


def line_textbook(xs, ys, x0, level=0.95):
    """Ordinary least squares by the textbook formulas: intercept and slope (in x - xs[0]), their standard
    errors, and the prediction interval for a new observation at x0 (Student-t on n - 2 dof)."""
    x, y = np.asarray(xs, float) - xs[0], np.asarray(ys, float)
    n, x0 = len(x), x0 - xs[0]
    sxx = float(np.sum((x - x.mean()) ** 2))
    b = float(np.sum((x - x.mean()) * (y - y.mean()))) / sxx
    a = float(y.mean()) - b * float(x.mean())
    s = math.sqrt(float(np.sum((y - a - b * x) ** 2)) / (n - 2))
    se_a, se_b = s * math.sqrt(1 / n + x.mean() ** 2 / sxx), s / math.sqrt(sxx)
    half = float(stats.t.ppf((1 + level) / 2, n - 2)) * s * math.sqrt(1 + 1 / n + (x0 - x.mean()) ** 2 / sxx)
    return (a, b), (se_a, se_b), s, (a + b * x0 - half, a + b * x0 + half)


@pytest.mark.parametrize("values", [[5.0, 7.0, 12.0], [5.0, 7.0, 12.0, 13.5]], ids=["3 points", "4 points"])
def test_000_ttp_monitor_short_series_is_fitted_by_the_line_alone(values):
    """Seed 000 p.38 / 000.ttp.monitor (a programme's target indicator after two approved years) and
    p.8(1): a line is fitted from 3 (and 4) points by ordinary least squares, as numpy.polyfit, with the
    textbook standard errors and 95 % prediction interval (t on n - 2 dof); AICc is undefined there
    (infinite, null in the report) and the line, the only trend that applies, weighs 1."""
    years = np.arange(2025, 2025 + len(values))
    selection = fit_trends(years, values)
    fit = selection.chosen
    assert fit.model == "linear" and len(selection.candidates) == 1
    slope, intercept = np.polyfit(years - years[0], values, 1)
    # curve_fit refines polyfit's start with a stopping tolerance of 1e-8
    assert (fit.params["a"], fit.params["b"]) == pytest.approx((intercept, slope), rel=1e-7)
    (a, b), (se_a, se_b), s, (low, high) = line_textbook(years, values, 2032)
    assert (fit.params["a"], fit.params["b"]) == pytest.approx((a, b), rel=1e-7)
    assert (fit.stderr["a"], fit.stderr["b"]) == pytest.approx((se_a, se_b), rel=1e-6)
    assert fit.dof == len(values) - 2 and fit.residual_se == pytest.approx(s, rel=1e-9)
    point = forecast(fit, 2032, 0.95).point(2032)
    assert (point.lower, point.upper) == pytest.approx((low, high), rel=1e-6)
    assert fit.aicc == math.inf
    assert selection.weights() == {"linear": 1.0}
    data = selection.as_dict()
    assert data["chosen"] == "linear" and data["candidates"][0]["aicc"] is None
    assert data["candidates"][0]["weight"] == 1.0 and data["candidates"][0]["delta_aicc"] is None
    json.dumps(data, allow_nan=False)  # no inf or NaN leaks into the report
    assert set(selection.skipped) == {"exponential", "logistic"}
    assert "at least 5" in selection.skipped["exponential"] and "at least 6" in selection.skipped["logistic"]


def test_000_ttp_monitor_two_points_are_refused():
    """Seed 000 p.8(1), 000.ttp.monitor: a line through two points has no residual degree of freedom (no
    error estimate, no interval): every trend refuses it."""
    with pytest.raises(TrendError, match="at least 3"):
        fit_trend([2025, 2026], [5.0, 7.0], "linear")
    with pytest.raises(TrendError, match="linear: 2 points"):
        fit_trends([2025, 2026], [5.0, 7.0])


@pytest.mark.parametrize(("model", "needed"), [("exponential", 5), ("logistic", 6)])
def test_nonlinear_trends_still_need_p_plus_3_points(model, needed):
    """Seed 000 p.8(1): the exponential and logistic fits are nonlinear and need p + 3 points (AICc with
    k = p + 1 needs n > k + 1); below that they are refused, at it they are fitted with a finite AICc."""
    years = np.arange(2000, 2000 + needed)
    values = 50.0 * special.expit(0.5 * (years - 2003.0)) + np.array([0.3, -0.2, 0.1, -0.4, 0.2, 0.0])[:needed]
    assert min_points(model) == needed
    for n in range(3, needed):
        with pytest.raises(TrendError, match=f"at least {needed}"):
            fit_trend(years[:n], values[:n], model)
    assert math.isfinite(fit_trend(years, values, model).aicc)


def test_from_five_points_every_aicc_is_finite_and_the_criterion_chooses():
    """Seed 000 p.8(1): from five points the line's and the exponential's AICc are finite and the weights
    are the usual exp(-dAICc/2), normalised."""
    years = np.arange(2000, 2005)
    values = 10.0 * np.exp(0.3 * (years - 2000)) * np.array([1.01, 0.99, 1.0, 1.02, 0.98])
    selection = fit_trends(years, values)
    aicc = {fit.model: fit.aicc for fit in selection.candidates}
    assert set(aicc) == {"linear", "exponential"} and all(map(math.isfinite, aicc.values()))
    raw = {model: math.exp(-(value - min(aicc.values())) / 2) for model, value in aicc.items()}
    assert selection.weights() == pytest.approx({m: v / sum(raw.values()) for m, v in raw.items()}, rel=1e-12)
    assert selection.chosen.aicc == min(aicc.values())
