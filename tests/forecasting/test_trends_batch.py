"""Method 1 of seed 000, paragraph 8(1) (trend extrapolation) for many series at once: known-answer tests of
the batched linear / exponential / logistic fits and their AICc choice, and agreement with `trends.fit_trends`."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from scipy import special

from techpolicy.forecasting import trends_batch
from techpolicy.forecasting.trends import MODELS, TrendError, TrendFit, fit_trend, fit_trends
from techpolicy.forecasting.trends_batch import LOGISTIC_K_BOUNDS, fit_trends_batch

YEARS = np.arange(2000, 2025)
T = YEARS - YEARS[0]


def known_series() -> tuple[np.ndarray, list[str]]:
    """Two noisy series of each shape (fixed seed), with the model that generated them."""
    rng = np.random.default_rng(11)
    rows, truth = [], []
    for a, b in ((3.0, 2.0), (40.0, -0.8)):
        rows.append(a + b * T + rng.normal(0, 0.5, len(T)))
        truth.append("linear")
    for a, b in ((10.0, 0.12), (200.0, -0.05)):
        rows.append(a * np.exp(b * T) * (1 + rng.normal(0, 0.01, len(T))))
        truth.append("exponential")
    for k, r, mid in ((100.0, 0.4, 12.0), (5.0, 0.8, 8.0)):
        rows.append(k * special.expit(r * (T - mid)) + rng.normal(0, k / 100, len(T)))
        truth.append("logistic")
    return np.array(rows), truth


def test_known_curves_give_back_their_parameters():
    """Paragraph 8(1): noisy straight lines, exponentials and S-curves are recognised and their parameters
    recovered, all in one batch."""
    values, truth = known_series()
    result = fit_trends_batch(YEARS, values)
    assert list(result.chosen_models) == truth
    assert result.converged[result.applicable].all()
    linear, exponential, logistic = (result.params(model) for model in MODELS)
    assert linear["a"][:2] == pytest.approx([3.0, 40.0], abs=0.5)
    assert linear["b"][:2] == pytest.approx([2.0, -0.8], abs=0.05)
    assert exponential["a"][2:4] == pytest.approx([10.0, 200.0], rel=0.02)
    assert exponential["b"][2:4] == pytest.approx([0.12, -0.05], abs=0.002)
    assert logistic["K"][4:] == pytest.approx([100.0, 5.0], rel=0.02)
    assert logistic["r"][4:] == pytest.approx([0.4, 0.8], abs=0.06)  # the steep one has few points on its slope
    assert logistic["t_mid"][4:] == pytest.approx([2012.0, 2008.0], abs=0.2)  # calendar years


def test_aicc_is_that_of_trendfit():
    """Paragraph 8(1): AICc of every fit is `TrendFit.aicc` with the same SSE, n and parameters."""
    values, _ = known_series()
    result = fit_trends_batch(YEARS, values)
    for column, model in enumerate(result.models):
        for row in range(len(result)):
            fit = TrendFit(model, 2000, tuple(result.theta[model][row]), (), len(YEARS), result.sse[row, column])
            assert result.aicc[row, column] == pytest.approx(fit.aicc, rel=1e-12, abs=1e-12)


def random_series(count: int, years: int, seed: int) -> np.ndarray:
    """Lines, exponentials and S-curves with random parameters and 1-10 % noise, kept positive."""
    rng = np.random.default_rng(seed)
    t = np.arange(years, dtype=float)
    rows = []
    for shape in rng.integers(0, 3, count):
        if shape == 0:
            curve = rng.uniform(5, 50) + rng.uniform(-1, 3) * t
        elif shape == 1:
            curve = rng.uniform(1, 20) * np.exp(rng.uniform(-0.05, 0.2) * t)
        else:
            curve = rng.uniform(50, 200) * special.expit(rng.uniform(0.2, 1.0) * (t - rng.uniform(2, years - 2)))
        rows.append(np.abs(curve * (1 + rng.normal(0, rng.uniform(0.01, 0.1), years))))
    return np.array(rows)


def test_agrees_with_fit_trends_on_random_series():
    """Paragraph 8(1): on 50 random noisy series the batch reaches the SSE of `fit_trends` for every model
    (never worse), picks the same trend wherever the AICc gap is clear, with the same parameters."""
    years = np.arange(1995, 2015)
    values = random_series(50, len(years), seed=2024)
    result = fit_trends_batch(years, values)
    clear = 0
    for row, series in enumerate(values):
        selection = fit_trends(years, series)
        fits = {fit.model: fit for fit in selection.candidates}
        for column, model in enumerate(result.models):
            not_converged = "did not converge" in selection.skipped.get(model, "")
            assert result.applicable[row, column] == (model in fits or not_converged)
            if model in fits:
                assert result.converged[row, column]
                assert result.sse[row, column] <= fits[model].sse * (1 + 1e-7)
                assert result.sse[row, column] >= fits[model].sse * (1 - 1e-3)
        ranked = sorted(fit.aicc for fit in selection.candidates)
        if ranked[1] - ranked[0] > 2:
            clear += 1
            chosen = selection.chosen
            assert result.chosen_models[row] == chosen.model
            batch = result.params(chosen.model)
            for name, value in chosen.params.items():
                assert batch[name][row] == pytest.approx(value, rel=1e-4, abs=1e-6)
    assert clear >= 30  # most of the sample has a clear winner, so the comparison means something


def test_following_fewer_starts_changes_no_result(monkeypatch):
    """Paragraph 8(1): merging logistic starts that meet and dropping those far behind after a few
    iterations gives the logistic SSE (to 1e-7 of it) and the choice of following all six starts to the
    end, on 2,000 random series (keeping only the best start after three iterations would not)."""
    years = np.arange(1995, 2015)
    values = random_series(2000, len(years), seed=7)
    fewer = fit_trends_batch(years, values)
    monkeypatch.setattr(trends_batch, "MERGE_AT", frozenset())
    monkeypatch.setattr(trends_batch, "PRUNE_AT", -1)
    every = fit_trends_batch(years, values)
    assert (fewer.chosen == every.chosen).all()
    np.testing.assert_allclose(fewer.sse[:, 2], every.sse[:, 2], rtol=1e-7)
    assert (fewer.converged != every.converged).sum() <= 10


def test_logistic_bounds_are_those_of_fit_trend():
    """Paragraph 8(1): for steady exponential growth the logistic ceiling runs to the same bound,
    LOGISTIC_K_BOUNDS[1] times the maximum, in `fit_trend` and in the batch, and the exponential wins."""
    rng = np.random.default_rng(5)
    values = 10.0 * np.exp(0.12 * T) * (1 + rng.normal(0, 0.01, len(T)))
    selection = fit_trends(YEARS, values)
    scalar = next(fit for fit in selection.candidates if fit.model == "logistic")
    result = fit_trends_batch(YEARS, values[None, :])
    assert scalar.at_bounds == ("K",)
    assert result.params("logistic")["K"][0] == pytest.approx(LOGISTIC_K_BOUNDS[1] * values.max(), rel=1e-9)
    assert result.params("logistic")["K"][0] == pytest.approx(scalar.params["K"], rel=1e-6)
    assert result.chosen_models[0] == selection.chosen.model == "exponential"


def test_years_of_each_series():
    """Paragraph 8(1): series of equal length may cover different years; t_mid is each one's calendar year."""
    values, _ = known_series()
    years = np.array([YEARS + shift for shift in range(len(values))])
    shifted = fit_trends_batch(years, values)
    shared = fit_trends_batch(YEARS, values)
    assert list(shifted.year0) == list(range(2000, 2000 + len(values)))
    np.testing.assert_allclose(shifted.sse, shared.sse, rtol=1e-12)
    np.testing.assert_allclose(shifted.params("logistic")["t_mid"] - shared.params("logistic")["t_mid"],
                               np.arange(len(values)), atol=1e-9)
    assert fit_trend(years[5], values[5], "logistic").params["t_mid"] == pytest.approx(
        shifted.params("logistic")["t_mid"][5], abs=1e-3)


def test_models_that_do_not_apply_are_marked():
    """Paragraph 8(1): exponential and logistic need positive values, every model finite values and enough
    years; such series get NaN, `applicable` False and, with no model at all, chosen -1."""
    years = np.arange(2000, 2012)
    values = np.array([
        -5.0 + (years - 2000),  # crosses zero: only the linear trend applies
        np.where(years == 2003, np.nan, 1.0 + years - 2000),  # a missing value: nothing applies
        np.where(years < 2005, 0.0, 2.0 * (years - 2004)),  # zeros: the logistic applies, the exponential not
    ])
    result = fit_trends_batch(years, values)
    assert result.applicable.tolist() == [[True, False, False], [False, False, False], [True, False, True]]
    assert np.isnan(result.aicc[~result.applicable]).all() and np.isnan(result.theta["exponential"]).all()
    assert list(result.chosen_models[:2]) == ["linear", ""] and result.chosen[1] == -1
    assert set(fit_trends(years, values[0]).skipped) == {"exponential", "logistic"}
    short = fit_trends_batch(years[:4], values[:, :4] + 10)  # four years: the line only (trends.min_points)
    assert short.applicable.tolist() == [[True, False, False], [False, False, False], [True, False, False]]
    assert list(short.chosen_models) == ["linear", "", "linear"]
    two = fit_trends_batch(years[:2], values[:, :2] + 10)
    assert not two.applicable.any() and (two.chosen == -1).all()
    with pytest.raises(TrendError):
        fit_trends(years[:2], values[0, :2] + 10)


@pytest.mark.parametrize("n", [3, 4])
@pytest.mark.parametrize("models", [MODELS, ("logistic", "exponential", "linear")], ids=["linear first", "last"])
def test_000_ttp_monitor_short_series_agree_with_fit_trends(n, models):
    """Seed 000 p.38 / 000.ttp.monitor (three points after two approved years) and p.8(1): on 3 and 4
    points the batch fits the line alone, as `fit_trends`: the same parameters and SSE, AICc +inf (not
    NaN: fitted, without an AICc), the other models not applicable, the line chosen wherever it stands
    in `models`."""
    years = np.arange(2025, 2025 + n)
    rng = np.random.default_rng(n)
    t = np.arange(n, dtype=float)
    values = rng.uniform(5, 50, (20, 1)) + rng.uniform(-1, 3, (20, 1)) * t + rng.normal(0, 1.0, (20, n))
    result = fit_trends_batch(years, values, models)
    line = models.index("linear")
    assert (result.chosen == line).all()
    assert result.applicable[:, line].all() and result.applicable.sum() == len(values)
    for row, series in enumerate(values):
        selection = fit_trends(years, series, models)
        fit = selection.chosen
        assert fit.model == "linear" and set(selection.skipped) == {"exponential", "logistic"}
        assert result.aicc[row, line] == fit.aicc == np.inf
        # the batch solves the normal equations exactly; the scalar fit refines polyfit's start by curve_fit,
        # whose stopping tolerance is 1e-8
        assert result.sse[row, line] == pytest.approx(fit.sse, rel=1e-7, abs=1e-12)
        for name, value in fit.params.items():
            assert result.params("linear")[name][row] == pytest.approx(value, rel=1e-6, abs=1e-9)
    assert np.isnan(np.delete(result.aicc, line, axis=1)).all()


def test_no_convergence_is_flagged_not_raised():
    """Paragraph 8(1): fits that do not converge are flagged and not chosen; extreme series raise nothing."""
    values, _ = known_series()
    capped = fit_trends_batch(YEARS, values, max_iter=1)
    assert not capped.converged[:, 1:].any()  # one iteration is not enough for a nonlinear fit
    assert capped.converged[:, 0].all() and (capped.chosen == 0).all()  # the closed-form linear fit remains
    assert np.isfinite(capped.sse[:, 1:]).all()  # the last parameters are kept
    wild = np.array([
        np.where(T % 2 == 0, 1e-300, 1e300),
        np.full(len(T), 1e-320),
        np.r_[np.zeros(len(T) - 1), 1e308],
    ])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = fit_trends_batch(YEARS, wild)
    assert result.chosen.shape == (3,)
    assert not (result.converged & ~result.applicable).any()


def test_invalid_input():
    """Paragraph 8(1): years must match the values, and models must be known."""
    with pytest.raises(ValueError, match="shape"):
        fit_trends_batch(np.arange(5), np.ones((3, 6)))
    with pytest.raises(ValueError, match="shape"):
        fit_trends_batch(np.ones((2, 6)), np.ones((3, 6)))
    with pytest.raises(ValueError, match="unknown trend model"):
        fit_trends_batch(np.arange(6), np.ones((3, 6)), models=("quadratic",))
    single = fit_trends_batch(np.arange(2000, 2010), np.arange(10.0) * 2 + 1, models=("linear",))
    assert single.models == ("linear",) and single.params("linear")["b"][0] == pytest.approx(2.0)
