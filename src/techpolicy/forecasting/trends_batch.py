"""Method 1 of seed 000, paragraph 8(1), for many series at once: the linear, exponential and logistic
trends of `trends` fitted with numpy to every row of an (m, n) array, the smallest AICc chosen per row.

The curves, their gradients and parameter names are `trends.CURVES`, in the same time t = year - year0
(year0 the first year of each series), so a row of `theta[model]` is what `trends.TrendFit.theta`
holds, and AICc is `trends.TrendFit.aicc`. How each trend is fitted:

* linear: closed-form least squares;
* exponential: log-linear least squares as the start, then Levenberg–Marquardt;
* logistic: the six starts and the bounds of `trends.fit_trend` (ceilings 1.05 to 5 times the maximum
  with the logit-linear slope and midpoint), Levenberg–Marquardt kept within the bounds, and of the
  starts the converged one with the smallest SSE.

All series, and all logistic starts, iterate together; a row leaves the iteration when it has
converged: when a full Gauss–Newton step on the parameters not held at a bound would lower its SSE
by less than `tol` of it. A fit that has not converged after `max_iter` iterations, or can no longer
make progress, keeps its last parameters but is flagged (`converged` False) and not chosen, as
`trends.fit_trends` skips a fit whose least squares did not converge. A model that does not apply
to a series (too few years for its parameters, values <= 0 for the exponential, negative or all
zero for the logistic, a non-finite value for every model) has NaN parameters, SSE and AICc, and
`applicable` False. The years, shared or per series, are bounded as in `limits.check_years` (at most
201 of them, 1900-2100, strictly increasing); other years raise `limits.LimitError` before any fitting.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from scipy import special

from .limits import MAX_POINTS, MAX_YEAR, MIN_YEAR, LimitError, check_years
from .trends import (
    CURVES,
    LOGISTIC_CEILINGS,
    LOGISTIC_K_BOUNDS,
    LOGISTIC_MID_SPANS,
    LOGISTIC_R_BOUNDS,
    LOGISTIC_START_RATE,
    LOGIT_CLIP,
    MODELS,
    TrendFit,
)

MAX_ITER = 200
TOL = 1e-10

Fitted = tuple[np.ndarray, np.ndarray, np.ndarray]  # (theta (m, p), SSE (m,), converged (m,))


@dataclass(frozen=True)
class BatchTrends:
    """Trends of m series: arrays by series (rows) and, with a model axis, by `models` (columns)."""

    models: tuple[str, ...]
    n: int  # years per series
    year0: np.ndarray  # (m,) first year of each series
    theta: dict[str, np.ndarray]  # model -> (m, p) parameters in centred time, as `TrendFit.theta`
    sse: np.ndarray  # (m, len(models))
    aicc: np.ndarray  # (m, len(models))
    applicable: np.ndarray  # (m, len(models)) bool
    converged: np.ndarray  # (m, len(models)) bool; always False where not applicable
    chosen: np.ndarray  # (m,) index into `models` of the smallest AICc, -1 when no model was fitted

    def __len__(self) -> int:
        return len(self.chosen)

    @property
    def chosen_models(self) -> np.ndarray:
        """The chosen model's name per series, "" where none could be fitted."""
        names = np.array([*self.models, ""], dtype=object)
        return names[self.chosen]  # chosen -1 picks the "" at the end

    def params(self, model: str) -> dict[str, np.ndarray]:
        """The parameters of `model` on the reported scale of `TrendFit.params` (logistic t_mid a year)."""
        values = self.theta[model].copy()
        if model == "logistic":
            values[:, 2] += self.year0
        return dict(zip(CURVES[model][2], values.T, strict=True))


def fit_trends_batch(
    years: ArrayLike,
    values: ArrayLike,
    models: Sequence[str] = MODELS,
    *,
    max_iter: int = MAX_ITER,
    tol: float = TOL,
) -> BatchTrends:
    """Fit every model in `models` to every row of `values` (m series of n years) and choose by AICc.

    `years` is one row of n years shared by all series, or an (m, n) array with the years of each.
    """
    y = np.atleast_2d(np.asarray(values, dtype=float))
    grid = np.asarray(years, dtype=float)
    grid = grid[None, :] if grid.ndim == 1 else grid
    if y.ndim != 2 or grid.ndim != 2 or grid.shape[1] != y.shape[1] or grid.shape[0] not in (1, len(y)):
        raise ValueError(f"years of shape {np.shape(years)} do not fit values of shape {np.shape(values)}")
    for model in models:
        if model not in CURVES:
            raise ValueError(f"unknown trend model {model!r}; expected one of {', '.join(MODELS)}")
    _check_grid(grid)
    m, n = y.shape
    year0 = np.broadcast_to(grid[:, 0], (m,)).astype(int)
    t = grid - year0[: grid.shape[0], None]
    finite = np.isfinite(y).all(axis=1) & np.isfinite(t).all(axis=1)

    shape = (m, len(models))
    sse, aicc = np.full(shape, np.nan), np.full(shape, np.nan)
    applicable, converged = np.zeros(shape, dtype=bool), np.zeros(shape, dtype=bool)
    theta = {}
    for column, model in enumerate(models):
        p = len(CURVES[model][2])
        rows = np.flatnonzero(finite & _applies(model, y) & (n >= p + 3))  # AICc with k = p + 1 needs n > k + 1
        theta[model] = np.full((m, p), np.nan)
        if rows.size:
            # Overflow in an extreme series becomes an infinite SSE, which is caught as not converged.
            with np.errstate(all="ignore"):
                fitted, fitted_sse, fitted_converged = _FITTERS[model](_rows(t, rows), y[rows], max_iter, tol)
            theta[model][rows] = fitted
            sse[rows, column] = fitted_sse
            aicc[rows, column] = _aicc(fitted_sse, n, p)
            applicable[rows, column] = True
            converged[rows, column] = fitted_converged
    usable = converged & np.isfinite(aicc)
    # argmin takes the first of equal values: ties go to the earlier model, as the stable sort of fit_trends.
    chosen = np.where(usable.any(axis=1), np.argmin(np.where(usable, aicc, np.inf), axis=1), -1)
    return BatchTrends(tuple(models), n, year0, theta, sse, aicc, applicable, converged, chosen)


def _check_grid(grid: np.ndarray) -> None:
    """Every row of years within the bounds of `limits`; the first row at fault goes through
    `check_years` itself, so the error is the one a single series gets (with `series`, its row, added)."""
    with np.errstate(invalid="ignore"):
        good = (np.isfinite(grid) & (grid >= MIN_YEAR) & (grid <= MAX_YEAR)).all(axis=1)
        good &= (np.diff(grid, axis=1) > 0).all(axis=1)
    rows = [0] if grid.shape[1] > MAX_POINTS else np.flatnonzero(~good)[:1].tolist()
    for row in rows:
        try:
            check_years(grid[row])
        except LimitError as exc:
            exc.params["series"] = row
            raise


def _aicc(sse: np.ndarray, n: int, p: int) -> np.ndarray:
    """`TrendFit.aicc` of every SSE: the parameter penalty is TrendFit's own (its likelihood term
    n ln(SSE/n) is 0 at SSE = n), only that term is written out here, for arrays."""
    penalty = TrendFit("linear", 0, (0.0,) * p, (), n, float(n)).aicc
    return n * np.log(np.maximum(sse, np.finfo(float).tiny) / n) + penalty


def _applies(model: str, y: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        if model == "exponential":
            return (y > 0).all(axis=1)
        if model == "logistic":
            return (y >= 0).all(axis=1) & (y.max(axis=1) > 0)
    return np.ones(len(y), dtype=bool)


def _rows(t: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The times of `rows`: one shared row stays shared."""
    return t if t.shape[0] == 1 else t[rows]


def _columns(theta: np.ndarray) -> list[np.ndarray]:
    """Parameters as the curves of `trends` take them, one (m, 1) column each, to broadcast over time."""
    return [column[:, None] for column in theta.T]


def _residuals(curve: Callable[..., np.ndarray], t: np.ndarray, y: np.ndarray, theta: np.ndarray) -> np.ndarray:
    return y - curve(t, *_columns(theta))


def _line(t: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Least-squares intercept and slope of y on t per row (what np.polyfit(t, y, 1) gives)."""
    t_mean = t.mean(axis=1, keepdims=True)
    centred = t - t_mean
    slope = (centred * (y - y.mean(axis=1, keepdims=True))).sum(axis=1) / (centred**2).sum(axis=1)
    return y.mean(axis=1) - slope * t_mean[:, 0], slope


def _fit_linear(t: np.ndarray, y: np.ndarray, max_iter: int, tol: float) -> Fitted:
    theta = np.column_stack(_line(t, y))
    sse = (_residuals(CURVES["linear"][0], t, y, theta) ** 2).sum(axis=1)
    return theta, sse, np.isfinite(sse)


def _fit_exponential(t: np.ndarray, y: np.ndarray, max_iter: int, tol: float) -> Fitted:
    log_a, b = _line(t, np.log(y))
    unbounded = np.full((len(y), 2), np.inf)
    return _levenberg_marquardt("exponential", t, y, np.column_stack([np.exp(log_a), b]), -unbounded, unbounded,
                                max_iter, tol)


def _fit_logistic(t: np.ndarray, y: np.ndarray, max_iter: int, tol: float) -> Fitted:
    m = len(y)
    top = y.max(axis=1)
    first, last = np.broadcast_to(t[:, 0], (m,)), np.broadcast_to(t[:, -1], (m,))
    span = np.where(last > first, last - first, 1.0)
    lower = np.column_stack([LOGISTIC_K_BOUNDS[0] * top, np.full(m, LOGISTIC_R_BOUNDS[0]),
                             first - LOGISTIC_MID_SPANS * span])
    upper = np.column_stack([LOGISTIC_K_BOUNDS[1] * top, np.full(m, LOGISTIC_R_BOUNDS[1]),
                             last + LOGISTIC_MID_SPANS * span])
    starts = []
    for factor in LOGISTIC_CEILINGS:
        k = top * factor
        intercept, slope = _line(t, special.logit(np.clip(y / k[:, None], LOGIT_CLIP, 1 - LOGIT_CLIP)))
        rising = slope > 0
        mid = np.where(rising, -intercept / np.where(rising, slope, 1.0), t.mean(axis=1))
        starts.append(np.clip(np.column_stack([k, np.clip(slope, *LOGISTIC_START_RATE), mid]), lower, upper))
    # Every start of every series in one iteration: start s of series i is row s * m + i.
    count = len(starts)
    times = t if t.shape[0] == 1 else np.tile(t, (count, 1))
    theta, sse, converged = _levenberg_marquardt(
        "logistic", times, np.tile(y, (count, 1)), np.concatenate(starts),
        np.tile(lower, (count, 1)), np.tile(upper, (count, 1)), max_iter, tol,
    )
    sse, converged = sse.reshape(count, m), converged.reshape(count, m)
    finite = np.isfinite(sse)
    best = np.where(converged.any(axis=0),
                    np.argmin(np.where(converged & finite, sse, np.inf), axis=0),
                    np.argmin(np.where(finite, sse, np.inf), axis=0))
    series = np.arange(m)
    return theta.reshape(count, m, -1)[best, series], sse[best, series], converged.any(axis=0)


_FITTERS = {"linear": _fit_linear, "exponential": _fit_exponential, "logistic": _fit_logistic}


def _solve(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """x with a x = b for every row; a row whose matrix is singular gets the least-squares x."""
    try:
        return np.linalg.solve(a, b[..., None])[..., 0]
    except np.linalg.LinAlgError:
        return (np.linalg.pinv(a) @ b[..., None])[..., 0]


def _levenberg_marquardt(
    model: str,
    t: np.ndarray,
    y: np.ndarray,
    theta: np.ndarray,
    lower: np.ndarray,
    upper: np.ndarray,
    max_iter: int,
    tol: float,
) -> Fitted:
    """Least squares of `model` for every row from `theta`, within [lower, upper]: (theta, SSE, converged).
    Floating-point errors are to be ignored by the caller: an overflow is an infinite SSE, never better.

    Marquardt's damping scaled by the diagonal of J'J; a parameter on a bound whose gradient points
    out of the box is held there for the step, and a step is cut back onto the bounds. The first
    parameter (the level a or the ceiling K, positive) is searched on a log scale: an exponential or
    an S-curve far from its ceiling lies along K exp(-r t_mid) = const, a straight valley in log K and
    t_mid that plain steps in K would follow only slowly.
    """
    curve, gradient, names = CURVES[model]
    p = len(names)
    logs = np.arange(p) == 0
    u = np.where(logs, np.log(np.where(logs, theta, 1.0)), theta)
    lower = np.where(logs, np.log(np.maximum(np.where(logs, lower, 1.0), 0.0)), lower)  # log 0 = -inf: unbounded
    upper = np.where(logs, np.log(np.where(logs, upper, 1.0)), upper)
    theta = theta.copy()
    residuals = _residuals(curve, t, y, theta)
    sse = (residuals**2).sum(axis=1)
    converged = np.zeros(len(y), dtype=bool)
    damping = np.full(len(y), 1e-3)
    # Below this root of an SSE the residuals are rounding noise (an exact curve): no step can show progress.
    rounding = np.sqrt(y.shape[1]) * 1e3 * np.finfo(float).eps * np.abs(y).max(axis=1)
    active = np.flatnonzero(np.isfinite(sse))
    identity = np.eye(p, dtype=bool)
    for _ in range(max_iter):
        if not active.size:
            break
        times, values, current = _rows(t, active), y[active], u[active]
        low, high = lower[active], upper[active]
        natural, residual = theta[active], residuals[active]
        chain = np.where(logs, natural, 1.0).T[:, :, None]  # d f / d log K = K d f / d K
        jac = np.broadcast_to(gradient(times, *_columns(natural)), (p, *residual.shape)) * chain
        g = np.einsum("pkn,kn->kp", jac, residual)
        a = np.einsum("pkn,qkn->kpq", jac, jac)
        held = ((current <= low) & (g < 0)) | ((current >= high) & (g > 0))
        g = np.where(held, 0.0, g)
        a = np.where(held[:, :, None] | held[:, None, :], identity, a)
        broken = ~(np.isfinite(a).all(axis=(1, 2)) & np.isfinite(g).all(axis=1))
        a[broken], g[broken] = np.eye(p), 0.0
        diagonal = np.diagonal(a, axis1=1, axis2=2)
        # Marquardt's scale; its floor keeps a curve flat in one parameter (a saturated S-curve) solvable.
        scale = np.maximum(diagonal, np.finfo(float).eps * diagonal.max(axis=1, keepdims=True))
        # The reduction of the SSE a full Gauss–Newton step would bring (r'Pr, P the projection on J).
        predicted = (_solve(a + (1e-12 * scale)[:, :, None] * identity, g) * g).sum(axis=1)
        done = ~broken & ((predicted <= tol * sse[active]) | (np.sqrt(predicted) <= rounding[active]))
        damped = a + (damping[active][:, None] * scale)[:, :, None] * identity
        trial = np.clip(current + _solve(damped, g), low, high)
        trial_theta = np.where(logs, np.exp(trial), trial)
        trial_residual = _residuals(curve, times, values, trial_theta)
        trial_sse = (trial_residual**2).sum(axis=1)
        better = ~done & (trial_sse < sse[active])
        moved = active[better]
        u[moved], theta[moved], sse[moved] = trial[better], trial_theta[better], trial_sse[better]
        residuals[moved] = trial_residual[better]
        damping[active] = np.where(better, np.maximum(damping[active] / 10, 1e-12), damping[active] * 10)
        converged[active[done]] = True
        stuck = broken | (damping[active] > 1e12)
        active = active[~done & ~stuck]
    return theta, sse, converged
