"""Method 1 of seed 000, paragraph 8: trend extrapolation corrected by expert assessment.

Three trends are fitted by least squares (`scipy.optimize.curve_fit`), time counted from the first
observed year `year0` (t = year - year0):

* linear       y = a + b t
* exponential  y = a exp(b t)                      (only for a strictly positive series)
* logistic     y = K / (1 + exp(-r (year - t_mid)))  (only for a non-negative series; r > 0)

The trend is chosen by the small-sample Akaike criterion with Gaussian errors,
AICc = n ln(SSE/n) + 2k + 2k(k+1)/(n-k-1), k = parameters + 1 (the residual variance); every
candidate is reported with its AICc, parameters, standard errors and residual standard error.

How many points a trend of p parameters needs (`min_points`): the **linear** trend p + 1 = 3. It is
ordinary least squares: with n - p >= 1 residual degrees of freedom SSE/(n - p) is unbiased and the
standard errors and the delta-method interval (for a line, exactly the textbook prediction interval)
are exact under Gaussian errors, with Student-t on n - p degrees of freedom. Three points are what a
targeted technology programme's monitoring has after two approved years (seed 000 p.38,
000.ttp.monitor). The **exponential** and **logistic** trends need p + 3: their fits are nonlinear,
their covariance only asymptotic, and a few points leave their rate (and ceiling) ill-determined.
Where n - k - 1 <= 0 (a line through 3 or 4 points) AICc is undefined (its correction divides by
zero or turns negative): `TrendFit.aicc` is infinite, shown as null, and the line, the only trend
that applies, is chosen with Akaike weight 1. From five points on every AICc is finite.

Prediction intervals use the **delta method**: the variance of the fitted curve at a year is
g' C g (g the gradient of the curve with respect to the parameters, C their covariance from the
fit), plus the residual variance for a new observation, with Student-t quantiles on n - p degrees
of freedom. The method is deterministic (no random numbers).

An `ExpertCorrection` records who changed a forecast value, why, and both values; applying it
returns a new `Forecast` in which the model value is kept next to the corrected one.

The input is bounded by `limits` (years 1900-2100, increasing, finite values; a forecast at most 100
years ahead): anything else raises `limits.LimitError` at once, before any fitting.
"""

from __future__ import annotations

import dataclasses
import math
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import optimize, special, stats

from .limits import check_horizon, check_observations

MODELS = ("linear", "exponential", "logistic")
INTERVAL_METHOD = "delta"


def _finite(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None


# --- the curves, in centred time t = year - year0 ------------------------------------------------


def _linear(t: np.ndarray, a: float, b: float) -> np.ndarray:
    return a + b * t


def _linear_grad(t: np.ndarray, a: float, b: float) -> np.ndarray:
    return np.stack([np.ones_like(t), t])


def _exponential(t: np.ndarray, a: float, b: float) -> np.ndarray:
    return a * np.exp(b * t)


def _exponential_grad(t: np.ndarray, a: float, b: float) -> np.ndarray:
    e = np.exp(b * t)
    return np.stack([e, a * t * e])


def _logistic(t: np.ndarray, k: float, r: float, m: float) -> np.ndarray:
    return k * special.expit(r * (t - m))


def _logistic_grad(t: np.ndarray, k: float, r: float, m: float) -> np.ndarray:
    s = special.expit(r * (t - m))
    ds = s * (1.0 - s)
    return np.stack([s, k * ds * (t - m), -k * ds * r])


CURVES: dict[str, tuple[Callable[..., np.ndarray], Callable[..., np.ndarray], tuple[str, ...]]] = {
    "linear": (_linear, _linear_grad, ("a", "b")),
    "exponential": (_exponential, _exponential_grad, ("a", "b")),
    "logistic": (_logistic, _logistic_grad, ("K", "r", "t_mid")),
}


# The fewest residual degrees of freedom n - p a trend is fitted with (see the module docstring):
# one for the least-squares line, three for the nonlinear trends (AICc with k = p + 1 needs n > k + 1).
MIN_RESIDUAL_DOF = {"linear": 1, "exponential": 3, "logistic": 3}


def min_points(model: str) -> int:
    """The fewest observations `fit_trend` fits `model` to: p + 1 for the line, p + 3 otherwise."""
    if model not in CURVES:
        raise ValueError(f"unknown trend model {model!r}; expected one of {', '.join(MODELS)}")
    return len(CURVES[model][2]) + MIN_RESIDUAL_DOF[model]


class TrendError(ValueError):
    """A trend that cannot be fitted to this series (too few points, wrong sign, no convergence)."""

    def __init__(self, model: str, message: str):
        super().__init__(f"{model}: {message}")
        self.model = model


@dataclass(frozen=True)
class TrendFit:
    """One fitted trend. `params` are on the reported scale (logistic `t_mid` is a calendar year)."""

    model: str
    year0: int
    theta: tuple[float, ...]  # the fitted parameters in centred time, as passed to the curve
    covariance: tuple[tuple[float, ...], ...]
    n: int
    sse: float
    at_bounds: tuple[str, ...] = ()

    @property
    def p(self) -> int:
        return len(self.theta)

    @property
    def names(self) -> tuple[str, ...]:
        return CURVES[self.model][2]

    @property
    def params(self) -> dict[str, float]:
        values = list(self.theta)
        if self.model == "logistic":
            values[2] += self.year0
        return dict(zip(self.names, values, strict=True))

    @property
    def stderr(self) -> dict[str, float]:
        cov = np.asarray(self.covariance)
        return dict(zip(self.names, np.sqrt(np.abs(np.diag(cov))).tolist(), strict=True))

    @property
    def dof(self) -> int:
        return self.n - self.p

    @property
    def residual_se(self) -> float:
        return math.sqrt(self.sse / self.dof)

    @property
    def aicc(self) -> float:
        """AICc; infinite where it is undefined (n - k - 1 <= 0: a line through 3 or 4 points)."""
        n, k = self.n, self.p + 1
        if n - k - 1 <= 0:
            return math.inf
        sse = max(self.sse, np.finfo(float).tiny)
        return n * math.log(sse / n) + 2 * k + 2 * k * (k + 1) / (n - k - 1)

    def predict(self, years: Iterable[float] | float) -> np.ndarray:
        t = np.asarray(years, dtype=float) - self.year0
        return CURVES[self.model][0](t, *self.theta)

    def mean_se(self, years: Iterable[float] | float) -> np.ndarray:
        """Delta-method standard error of the fitted curve at `years`."""
        t = np.atleast_1d(np.asarray(years, dtype=float) - self.year0)
        grad = CURVES[self.model][1](t, *self.theta)  # shape (p, len(t))
        cov = np.asarray(self.covariance)
        return np.sqrt(np.maximum(np.einsum("it,ij,jt->t", grad, cov, grad), 0.0))

    def as_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "params": {name: _finite(value) for name, value in self.params.items()},
            "stderr": {name: _finite(value) for name, value in self.stderr.items()},
            "residual_se": _finite(self.residual_se),
            "sse": _finite(self.sse),
            "n": self.n,
            "aicc": _finite(self.aicc),
            "at_bounds": list(self.at_bounds),
        }


# The logistic fit's search space, shared with the batch fitter (trends_batch): starting ceilings as
# multiples of the largest observation, the range of starting rates, and the bounds of K (multiples
# of the largest observation), r (per year) and the midpoint (spans of the observed years beyond them).
LOGISTIC_CEILINGS = (1.05, 1.25, 1.5, 2.0, 3.0, 5.0)
LOGISTIC_START_RATE = (1e-3, 5.0)
LOGISTIC_K_BOUNDS = (0.5, 100.0)
LOGISTIC_R_BOUNDS = (1e-6, 10.0)
LOGISTIC_MID_SPANS = 3.0
LOGIT_CLIP = 1e-4


def _starts_logistic(t: np.ndarray, y: np.ndarray) -> list[tuple[float, float, float]]:
    top = float(y.max())
    starts = []
    for factor in LOGISTIC_CEILINGS:
        k = top * factor
        z = special.logit(np.clip(y / k, LOGIT_CLIP, 1 - LOGIT_CLIP))
        slope, intercept = np.polyfit(t, z, 1)
        r = float(np.clip(slope, *LOGISTIC_START_RATE))
        starts.append((k, r, float(-intercept / slope) if slope > 0 else float(t.mean())))
    return starts


def fit_trend(years: Sequence[float], values: Sequence[float], model: str) -> TrendFit:
    """Fit one trend `model` (one of `MODELS`) by least squares; raises `TrendError` if it cannot."""
    if model not in CURVES:
        raise ValueError(f"unknown trend model {model!r}; expected one of {', '.join(MODELS)}")
    curve, _, names = CURVES[model]
    years_arr, y = check_observations(years, values)
    n, needed = len(y), min_points(model)
    if n < needed:
        raise TrendError(model, f"{n} points; at least {needed} are needed")
    year0 = int(years_arr[0])
    t = years_arr - year0
    span = float(t[-1] - t[0]) or 1.0
    if model == "linear":
        b, a = np.polyfit(t, y, 1)
        starts, bounds = [(a, b)], (-np.inf, np.inf)
    elif model == "exponential":
        if np.any(y <= 0):
            raise TrendError(model, "the series has values <= 0")
        b, log_a = np.polyfit(t, np.log(y), 1)
        starts, bounds = [(math.exp(log_a), b)], (-np.inf, np.inf)
    else:
        if np.any(y < 0) or y.max() <= 0:
            raise TrendError(model, "the series has negative values or none above 0")
        top = float(y.max())
        lower = (LOGISTIC_K_BOUNDS[0] * top, LOGISTIC_R_BOUNDS[0], t[0] - LOGISTIC_MID_SPANS * span)
        upper = (LOGISTIC_K_BOUNDS[1] * top, LOGISTIC_R_BOUNDS[1], t[-1] + LOGISTIC_MID_SPANS * span)
        bounds = (lower, upper)
        starts = [tuple(np.clip(s, lower, upper)) for s in _starts_logistic(t, y)]
    best: tuple[float, np.ndarray, np.ndarray] | None = None
    for start in starts:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", optimize.OptimizeWarning)
                theta, cov = optimize.curve_fit(curve, t, y, p0=start, bounds=bounds, maxfev=20000)
        except (RuntimeError, ValueError):
            continue
        sse = float(np.sum((y - curve(t, *theta)) ** 2))
        if math.isfinite(sse) and (best is None or sse < best[0]):
            best = (sse, theta, cov)
    if best is None:
        raise TrendError(model, "the least-squares fit did not converge")
    sse, theta, cov = best
    at_bounds: tuple[str, ...] = ()
    if model == "logistic":
        lo, hi = bounds
        at_bounds = tuple(
            name for name, value, a, b in zip(names, theta, lo, hi, strict=True)
            if math.isclose(value, a, rel_tol=1e-6, abs_tol=1e-9) or math.isclose(value, b, rel_tol=1e-6)
        )
    return TrendFit(model, year0, tuple(float(v) for v in theta), tuple(map(tuple, np.asarray(cov, dtype=float))),
                    n, sse, at_bounds)


@dataclass(frozen=True)
class TrendSelection:
    """All candidate trends, ranked by AICc; `chosen` has the smallest."""

    candidates: tuple[TrendFit, ...]
    skipped: dict[str, str] = field(default_factory=dict)

    @property
    def chosen(self) -> TrendFit:
        return self.candidates[0]

    def weights(self) -> dict[str, float]:
        """Akaike weights exp(-dAICc/2), normalised. Candidates whose AICc equals the best one's weigh
        alike, also where it is undefined (infinite): a line through 3 or 4 points, alone, weighs 1."""
        best = self.chosen.aicc
        raw = {fit.model: math.exp(-(fit.aicc - best) / 2) if fit.aicc != best else 1.0
               for fit in self.candidates}
        total = sum(raw.values())
        return {model: value / total for model, value in raw.items()}

    def as_dict(self) -> dict[str, Any]:
        weights = self.weights()
        best = self.chosen.aicc
        return {
            "criterion": "AICc",
            "chosen": self.chosen.model,
            "candidates": [
                {**fit.as_dict(), "delta_aicc": _finite(fit.aicc - best), "weight": weights[fit.model]}
                for fit in self.candidates
            ],
            "skipped": dict(self.skipped),
        }


def fit_trends(years: Sequence[float], values: Sequence[float], models: Sequence[str] = MODELS) -> TrendSelection:
    """Fit every model that applies and rank by AICc; raises `TrendError` if none can be fitted, and
    `limits.LimitError` for a series outside the bounds."""
    years, values = check_observations(years, values)  # once, not once per model
    fits, skipped = [], {}
    for model in models:
        try:
            fits.append(fit_trend(years, values, model))
        except TrendError as exc:
            skipped[model] = str(exc)
    if not fits:
        raise TrendError("all", "; ".join(skipped.values()))
    return TrendSelection(tuple(sorted(fits, key=lambda fit: fit.aicc)), skipped)


# --- forecasts and expert correction -------------------------------------------------------------


@dataclass(frozen=True)
class ExpertCorrection:
    """An expert's change of one forecast value (paragraph 8(1): extrapolation corrected by experts)."""

    year: int
    original: float
    corrected: float
    author: str
    reason: str

    def __post_init__(self) -> None:
        if not self.author.strip():
            raise ValueError("an expert correction needs an author")
        if not self.reason.strip():
            raise ValueError("an expert correction needs a reason")
        if not (math.isfinite(self.original) and math.isfinite(self.corrected)):
            raise ValueError("an expert correction needs finite values")

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class ForecastPoint:
    year: int
    value: float  # the model's value, never changed by a correction
    lower: float
    upper: float
    se: float  # standard error of a new observation (curve + residual)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Forecast:
    model: str
    level: float
    points: tuple[ForecastPoint, ...]
    method: str = INTERVAL_METHOD
    corrections: tuple[ExpertCorrection, ...] = ()

    def point(self, year: int) -> ForecastPoint:
        for point in self.points:
            if point.year == year:
                return point
        raise KeyError(year)

    def correction(self, year: int) -> ExpertCorrection | None:
        """The latest correction for `year` (earlier ones stay in `corrections`)."""
        found = [c for c in self.corrections if c.year == year]
        return found[-1] if found else None

    def value(self, year: int) -> float:
        """The value in force: the latest expert correction, else the model's value."""
        correction = self.correction(year)
        return correction.corrected if correction else self.point(year).value

    def as_dict(self) -> dict[str, Any]:
        points = []
        for point in self.points:
            correction = self.correction(point.year)
            points.append({
                **point.as_dict(),
                "corrected": correction.corrected if correction else None,
                "final": self.value(point.year),
            })
        return {
            "model": self.model,
            "level": self.level,
            "interval_method": self.method,
            "points": points,
            "corrections": [c.as_dict() for c in self.corrections],
        }


def forecast(fit: TrendFit, horizon: int, level: float = 0.95, *, last_year: int | None = None) -> Forecast:
    """Forecast from the year after the last observation (`year0 + n - 1` by default) to `horizon`,
    which `limits.check_horizon` bounds (a `LimitError`, a ValueError, otherwise)."""
    if not 0 < level < 1:
        raise ValueError(f"level {level} must be between 0 and 1")
    last = fit.year0 + fit.n - 1 if last_year is None else last_year
    horizon = check_horizon(horizon, last)
    years = np.arange(last + 1, horizon + 1)
    values = fit.predict(years)
    se = np.sqrt(fit.mean_se(years) ** 2 + fit.residual_se**2)
    q = float(stats.t.ppf((1 + level) / 2, fit.dof))
    points = tuple(
        ForecastPoint(int(year), float(v), float(v - q * s), float(v + q * s), float(s))
        for year, v, s in zip(years, values, se, strict=True)
    )
    return Forecast(fit.model, level, points)


def apply_correction(result: Forecast, correction: ExpertCorrection) -> Forecast:
    """A new `Forecast` carrying `correction`; the model values are unchanged."""
    try:
        point = result.point(correction.year)
    except KeyError:
        raise ValueError(f"no forecast for year {correction.year}") from None
    if not math.isclose(point.value, correction.original, rel_tol=1e-9, abs_tol=1e-12):
        raise ValueError(
            f"the correction's original value {correction.original} is not the forecast {point.value} "
            f"for {correction.year}"
        )
    return dataclasses.replace(result, corrections=result.corrections + (correction,))


def correct(result: Forecast, year: int, corrected: float, *, author: str, reason: str) -> Forecast:
    """Record an expert's `corrected` value for `year`, taking the original from the forecast."""
    try:
        original = result.point(year).value
    except KeyError:
        raise ValueError(f"no forecast for year {year}") from None
    return apply_correction(result, ExpertCorrection(year, original, float(corrected), author, reason))
