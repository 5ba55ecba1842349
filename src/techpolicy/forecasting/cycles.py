"""Method 3 of seed 000, paragraph 8: cyclic regularities of development.

* `cycle_test`: the periodogram of the detrended annual series (numpy FFT at the Fourier
  frequencies k/n, k = 1..m, m = (n-1)//2, leaving out the mean and the Nyquist frequency) and
  Fisher's g test of "white noise" against "one hidden periodic component":
  g = max I_k / sum I_k, with the exact null distribution
  P(G > g) = sum_{j=1}^{floor(1/g)} (-1)^(j-1) C(m, j) (1 - j g)^(m-1).
  The test is read on that grid; the dominant period is then refined off it, because a period
  between two grid frequencies n / k and n / (k + 1) would come back up to about 10 % off when the
  record is not a whole number of periods long: the generalised Lomb-Scargle periodogram
  (`scipy.signal.lombscargle`, floating mean) of the detrended series is searched on a fine grid
  within one Fourier step either side of the largest ordinate, and from its maximum the trend that
  `detrend` removed (a line, a mean, or nothing) and a sinusoid A cos(2 pi f t) + B sin(2 pi f t) are
  fitted together by least squares (`scipy.optimize.curve_fit`). The period is 1 / f, and its standard error
  se(f) / f^2 comes from the fit's covariance (delta method).
* `life_cycle`: a logistic S-curve (see `trends`) places the technology in a phase by the fitted
  share of the saturation level K in the last observed year, and gives the inflection year t_mid
  (where the share is 1/2) with its standard error from the least-squares covariance.

The phase thresholds below are this module's convention: the methodology (seed 000) names the
cyclic method but does not set phase boundaries, so they are named constants to be reviewed.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import optimize, signal, stats

from .limits import check_observations
from .trends import TrendFit, fit_trend

# Phase by the fitted share s = y(last year) / K. NOT set by the methodology: a convention.
EMERGENCE_BELOW = 0.10  # s < 0.10: emergence
GROWTH_BELOW = 0.50  # 0.10 <= s < 0.50: growth (before the inflection)
MATURITY_BELOW = 0.90  # 0.50 <= s < 0.90: maturity (past the inflection); s >= 0.90: saturation
PHASES = ("emergence", "growth", "maturity", "saturation")
THRESHOLD_NOTE = (
    "phase thresholds are a convention of this module (shares 0.10 / 0.50 / 0.90 of the saturation level); "
    "the methodology (seed 000, paragraph 8) does not set them"
)
DETRENDS = ("linear", "constant", "none")
# The fine search around the largest Fourier ordinate: this many frequencies per Fourier step 1/n.
FINE_STEPS = 64
PERIOD_METHOD = "least-squares sinusoid fit around the periodogram peak (covariance, delta method)"


def fisher_g_pvalue(g: float, m: int) -> float:
    """Exact P(G > g) for Fisher's g statistic with m Fourier ordinates (Fisher 1929)."""
    if m < 2:
        raise ValueError("Fisher's g test needs at least 2 Fourier frequencies")
    if g <= 1.0 / m:
        return 1.0
    total = 0.0
    for j in range(1, int(math.floor(1.0 / g)) + 1):
        total += (-1) ** (j - 1) * math.comb(m, j) * (1.0 - j * g) ** (m - 1)
    return min(max(total, 0.0), 1.0)


def _detrend(t: np.ndarray, y: np.ndarray, how: str) -> np.ndarray:
    if how == "linear":
        slope, intercept = np.polyfit(t - t[0], y, 1)
        return y - (intercept + slope * (t - t[0]))
    if how == "constant":
        return y - y.mean()
    if how == "none":
        return y
    raise ValueError(f"unknown detrend {how!r}; expected one of {', '.join(DETRENDS)}")


@dataclass(frozen=True)
class CycleTest:
    n: int
    detrend: str
    frequencies: tuple[float, ...]  # cycles per year, k/n for k = 1..m
    power: tuple[float, ...]  # periodogram ordinates I_k = |X_k|^2 / n
    g: float
    p_value: float
    alpha: float
    frequency: float  # cycles per year, refined off the Fourier grid (see the module's docstring)
    frequency_se: float  # its standard error from the least-squares covariance (NaN if not estimated)
    amplitude: float  # of the fitted sinusoid, in the units of the series

    @property
    def m(self) -> int:
        return len(self.frequencies)

    @property
    def dominant(self) -> int:
        """The index of the largest Fourier ordinate, the one Fisher's g is read from."""
        return int(np.argmax(self.power))

    @property
    def grid_period(self) -> float:
        """The period of the largest Fourier ordinate, n / k, before refinement."""
        return 1.0 / self.frequencies[self.dominant]

    @property
    def period(self) -> float:
        return 1.0 / self.frequency

    @property
    def period_se(self) -> float:
        """Standard error of the period, se(f) / f^2 (delta method)."""
        return self.frequency_se / self.frequency**2

    @property
    def period_se_known(self) -> bool:
        return math.isfinite(self.period_se)

    @property
    def significant(self) -> bool:
        return self.p_value < self.alpha

    def as_dict(self) -> dict[str, Any]:
        return {
            "test": "Fisher's g (exact)",
            "n": self.n,
            "m": self.m,
            "detrend": self.detrend,
            "period": self.period,
            "period_se": _finite(self.period_se),
            "period_method": PERIOD_METHOD,
            "grid_period": self.grid_period,
            "frequency": self.frequency,
            "frequency_se": _finite(self.frequency_se),
            "amplitude": self.amplitude,
            "g": self.g,
            "p_value": self.p_value,
            "alpha": self.alpha,
            "significant": self.significant,
            "periodogram": [
                {"frequency": f, "period": 1.0 / f, "power": p}
                for f, p in zip(self.frequencies, self.power, strict=True)
            ],
        }


def cycle_test(
    years: Sequence[float], values: Sequence[float], *, detrend: str = "linear", alpha: float = 0.05
) -> CycleTest:
    """Periodogram of the detrended series and Fisher's g test for its largest ordinate; a series
    outside the bounds of `limits` raises `limits.LimitError` before any computation."""
    n = len(values)
    m = (n - 1) // 2
    if m < 2:
        raise ValueError(f"{n} points: at least 5 are needed for a periodogram test")
    t, y = check_observations(years, values)
    x = _detrend(t, y, detrend)
    power = np.abs(np.fft.rfft(x)) ** 2 / n
    ordinates = power[1 : m + 1]
    total = float(ordinates.sum())
    # Rounding leaves ~1e-30 of "residual" in an exactly linear or constant series, and Fisher's g
    # would find a spurious cycle in it: compare with the scale of the data, not with zero.
    scale = float(np.sum(y * y)) / n
    if total <= 1e-20 * max(scale, np.finfo(float).tiny):
        raise ValueError("the detrended series is constant: no cycle to test")
    g = float(ordinates.max() / total)
    frequencies = tuple(k / n for k in range(1, m + 1))
    peak = (int(np.argmax(ordinates)) + 1) / n
    frequency, frequency_se, amplitude = _refine_peak(t - t[0], y, x, detrend, peak, 1.0 / n)
    return CycleTest(n, detrend, frequencies, tuple(ordinates.tolist()), g, fisher_g_pvalue(g, m), alpha,
                     frequency, frequency_se, amplitude)


def _finite(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None


def _refine_peak(
    t: np.ndarray, y: np.ndarray, x: np.ndarray, detrend: str, peak: float, step: float
) -> tuple[float, float, float]:
    """(frequency, its standard error, amplitude) of the sinusoid near the Fourier peak `peak`.

    The search lies within one Fourier step `step` either side of the peak, above half a step (a
    slower "cycle" is not told apart from the trend) and at most the Nyquist frequency 1/2 of annual
    data. If the joint least-squares fit fails, the fine-grid maximum is kept with a NaN error.
    """
    low, high = max(peak - step, step / 2), min(peak + step, 0.5)
    grid = np.linspace(low, high, 2 * FINE_STEPS + 1)
    power = signal.lombscargle(t, x, 2 * np.pi * grid, floating_mean=True)
    start = float(grid[int(np.argmax(power))])
    design = {"linear": 2, "constant": 1, "none": 0}[detrend]

    def curve(time: np.ndarray, frequency: float, a: float, b: float, *trend: float) -> np.ndarray:
        phase = 2 * np.pi * frequency * time
        return a * np.cos(phase) + b * np.sin(phase) + sum(c * time**j for j, c in enumerate(trend))

    # The linear coefficients at the starting frequency: the least squares of the same curve.
    phase = 2 * np.pi * start * t
    columns = [np.cos(phase), np.sin(phase), *(t**j for j in range(design))]
    linear = np.linalg.lstsq(np.column_stack(columns), y, rcond=None)[0]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", optimize.OptimizeWarning)
            theta, cov = optimize.curve_fit(
                curve, t, y, p0=(start, *linear),
                bounds=([low] + [-np.inf] * len(linear), [high] + [np.inf] * len(linear)),
            )
        se = float(np.sqrt(cov[0, 0])) if len(t) > len(theta) else math.nan
        frequency, a, b = float(theta[0]), float(theta[1]), float(theta[2])
    except (RuntimeError, ValueError):
        frequency, se, a, b = start, math.nan, float(linear[0]), float(linear[1])
    return frequency, se if math.isfinite(se) else math.nan, math.hypot(a, b)


def phase_of(share: float) -> str:
    """The life-cycle phase for a share of the saturation level (see the thresholds above)."""
    if share < EMERGENCE_BELOW:
        return "emergence"
    if share < GROWTH_BELOW:
        return "growth"
    if share < MATURITY_BELOW:
        return "maturity"
    return "saturation"


@dataclass(frozen=True)
class LifeCycle:
    fit: TrendFit
    year: int  # the last observed year, where the phase is read
    level: float

    @property
    def saturation(self) -> float:
        return self.fit.params["K"]

    @property
    def share(self) -> float:
        return float(self.fit.predict(self.year)) / self.saturation

    @property
    def phase(self) -> str:
        return phase_of(self.share)

    @property
    def inflection_year(self) -> float:
        return self.fit.params["t_mid"]

    @property
    def inflection_se(self) -> float:
        return self.fit.stderr["t_mid"]

    @property
    def inflection_interval(self) -> tuple[float, float]:
        q = float(stats.t.ppf((1 + self.level) / 2, self.fit.dof))
        return (self.inflection_year - q * self.inflection_se, self.inflection_year + q * self.inflection_se)

    def year_of_share(self, share: float) -> float:
        """The (fractional) year the fitted curve reaches `share` of K."""
        return self.inflection_year + math.log(share / (1 - share)) / self.fit.params["r"]

    def as_dict(self) -> dict[str, Any]:
        lo, hi = self.inflection_interval
        return {
            "phase": self.phase,
            "share": self.share,
            "year": self.year,
            "saturation_level": self.saturation,
            "rate": self.fit.params["r"],
            "inflection_year": self.inflection_year,
            "inflection_se": self.inflection_se,
            "inflection_interval": [lo, hi],
            "level": self.level,
            "uncertainty_method": "least-squares covariance (t quantile)",
            "saturation_year": self.year_of_share(MATURITY_BELOW),
            "thresholds": {"emergence_below": EMERGENCE_BELOW, "growth_below": GROWTH_BELOW,
                           "maturity_below": MATURITY_BELOW},
            "note": THRESHOLD_NOTE,
            "fit": self.fit.as_dict(),
        }


def life_cycle(years: Sequence[float], values: Sequence[float], *, level: float = 0.95) -> LifeCycle:
    """Fit a logistic S-curve and place the last observed year in a life-cycle phase."""
    fit = fit_trend(years, values, "logistic")
    return LifeCycle(fit, int(years[-1]), level)
