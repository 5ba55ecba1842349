"""Method 1 of seed 000, paragraph 8 (trend extrapolation corrected by expert assessment): known-answer
tests for linear / exponential / logistic fits, AICc choice, delta-method prediction intervals and
expert corrections."""

from __future__ import annotations

import json

import numpy as np
import pytest
from scipy import special

from techpolicy.forecasting.trends import (
    ExpertCorrection,
    TrendError,
    apply_correction,
    correct,
    fit_trend,
    fit_trends,
    forecast,
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
    with pytest.raises(TrendError):
        fit_trend(years[:4], values[:4], "logistic")
    with pytest.raises(ValueError, match="horizon"):
        forecast(selection.chosen, 2011)
