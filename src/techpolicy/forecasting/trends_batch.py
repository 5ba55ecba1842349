"""Method 1 of seed 000, paragraph 8(1), for many series at once: the linear, exponential and logistic
trends of `trends` fitted with numpy to every row of an (m, n) array, the smallest AICc chosen per row.

The curves, their gradients and parameter names are `trends.CURVES`, in the same time t = year - year0
(year0 the first year of each series), so a row of `theta[model]` is what `trends.TrendFit.theta`
holds, and AICc is `trends.TrendFit.aicc`. How each trend is fitted:

* linear: closed-form least squares;
* exponential: the log-linear slope as the start, then Levenberg–Marquardt in the rate b, the level a
  being for every b its exact least-squares value (variable projection, see `_separable`);
* logistic: the six starts and the bounds of `trends.fit_trend` (ceilings 1.05 to 5 times the maximum
  with the logit-linear slope and midpoint), Levenberg–Marquardt in the rate r and u = -r (t_mid -
  centre of the years), the ceiling K for every (r, u) its exact least-squares value within its
  bounds, and of the starts the converged one with the smallest SSE. Starts of one series that meet
  are followed once, and a start far behind the best of its series after a few iterations is dropped.

All series, and all logistic starts, iterate together; a row leaves the iteration when it has
converged: when a full Gauss–Newton step on the parameters not held at a bound would lower its SSE
by less than `tol` of it. A fit that has not converged after `max_iter` iterations, or can no longer
make progress, keeps its last parameters but is flagged (`converged` False) and not chosen, as
`trends.fit_trends` skips a fit whose least squares did not converge. A model that does not apply
to a series (fewer years than `trends.min_points`: 3 for the line, p + 3 for the others; values <= 0
for the exponential, negative or all zero for the logistic; a non-finite value for every model) has
NaN parameters, SSE and AICc, and `applicable` False. A line through 3 or 4 points is fitted but its
AICc is undefined: +inf, as `trends.TrendFit.aicc` (NaN means "not fitted", inf "no AICc"); it is
chosen, since nothing else applies to so few years (see `trends`). The years, shared or per series,
are bounded as in `limits.check_years` (at most 201 of them, 1900-2100, strictly increasing); other
years raise `limits.LimitError` before any fitting.
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
    min_points,
)

MAX_ITER = 200
TOL = 1e-10
# Starts of one series that meet on the way are followed once (see `_separable`).
MERGE_AT = frozenset({2, 4, 8, 16, 32, 64, 128})
MERGE_RTOL = 1e-4
# ... and a start whose SSE, after this many iterations, is more than this multiple of the best start's
# of its series is not followed further (on the benchmark's 10,000 series this changed no series' best
# logistic SSE by more than 1e-7 of it; see bench/README.md).
PRUNE_AT = 3
PRUNE_RATIO = 1.5

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
        rows = np.flatnonzero(finite & _applies(model, y) & (n >= min_points(model)))
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
    # A converged fit has a finite SSE; its AICc is finite too, or +inf where undefined (3 or 4 points).
    usable = converged & np.isfinite(sse)
    rank = np.where(usable, aicc, np.inf)
    # The first usable model of the smallest AICc: ties go to the earlier model, as the stable sort of
    # fit_trends, also an infinite AICc (the unusable ones, at inf too, are not in `best`).
    best = usable & (rank == rank.min(axis=1, keepdims=True))
    chosen = np.where(usable.any(axis=1), np.argmax(best, axis=1), -1)
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
    _, b = _line(t, np.log(y))
    m = len(y)
    unbounded = np.full(m, np.inf)  # the level a = <h, y> / <h, h> is positive for a positive series
    return _separable("exponential", t, y, b[:, None], -unbounded, unbounded, -unbounded[:, None],
                      unbounded[:, None], max_iter, tol)


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
    # Every start of every series in one iteration: start s of series i is row s * m + i. The ceiling
    # of a start is not needed: for every rate and midpoint the best ceiling is found exactly. The fit
    # runs in time from the middle of each series' years (centre), as r and u = -r (t_mid - centre).
    count = len(starts)
    centre = t.mean(axis=1, keepdims=True)
    times = t - centre if t.shape[0] == 1 else np.tile(t - centre, (count, 1))
    centres = np.broadcast_to(centre, (m, 1))
    shift = np.column_stack([np.zeros(m), centres[:, 0]])
    start = np.concatenate(starts)
    rate, mid = start[:, 1], start[:, 2] - np.tile(centres[:, 0], count)
    theta, sse, converged = _separable(
        "logistic", times, np.tile(y, (count, 1)), np.column_stack([rate, -rate * mid]),
        np.tile(lower[:, 0], count), np.tile(upper[:, 0], count),
        np.tile(lower[:, 1:] - shift, (count, 1)), np.tile(upper[:, 1:] - shift, (count, 1)), max_iter, tol,
        group=np.tile(np.arange(m), count),
    )
    theta[:, 2] = np.tile(centres[:, 0], count) - theta[:, 2] / theta[:, 1]  # u back to t_mid
    sse, converged = sse.reshape(count, m), converged.reshape(count, m)
    finite = np.isfinite(sse)
    best = np.where(converged.any(axis=0),
                    np.argmin(np.where(converged & finite, sse, np.inf), axis=0),
                    np.argmin(np.where(finite, sse, np.inf), axis=0))
    series = np.arange(m)
    return theta.reshape(count, m, -1)[best, series], sse[best, series], converged.any(axis=0)


_FITTERS = {"linear": _fit_linear, "exponential": _fit_exponential, "logistic": _fit_logistic}


def _shape_exponential(t: np.ndarray, phi: np.ndarray) -> np.ndarray:
    """h = exp(b t): `trends._exponential` without its level a."""
    return np.exp(phi[:, 0:1] * t)


def _slopes_exponential(t: np.ndarray, phi: np.ndarray, h: np.ndarray) -> list[np.ndarray]:
    """dh / db at `phi`, given h there."""
    return [h * t]


def _box_exponential(phi: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return lower, upper


def _shape_logistic(t: np.ndarray, phi: np.ndarray) -> np.ndarray:
    """h = expit(r t + u), u = -r t_mid: `trends._logistic` without its ceiling K, on the scale (r, u)."""
    return special.expit(phi[:, 0:1] * t + phi[:, 1:2])


def _slopes_logistic(t: np.ndarray, phi: np.ndarray, h: np.ndarray) -> list[np.ndarray]:
    """dh / dr and dh / du at `phi`, given h there."""
    slope = h * (1.0 - h)
    return [slope * t, slope]


def _box_logistic(phi: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The bounds on (r, u) at the rate of `phi`, from those on (r, t_mid): u = -r t_mid, r > 0."""
    rate = phi[:, 0]
    return (np.column_stack([lower[:, 0], -rate * upper[:, 1]]), np.column_stack([upper[:, 0], -rate * lower[:, 1]]))


_SHAPES = {
    "exponential": (_shape_exponential, _slopes_exponential, _box_exponential),
    "logistic": (_shape_logistic, _slopes_logistic, _box_logistic),
}


def _level(h: np.ndarray, y: np.ndarray, low: np.ndarray, high: np.ndarray) -> tuple[np.ndarray, ...]:
    """The least-squares level c of y = c h per row, within [low, high]: (c, <h, h>, free), `free` where
    no bound holds it (the SSE is a parabola in c, so the bounded optimum is the clipped free one)."""
    hh = _dot(h, h)
    unclipped = _dot(h, y) / hh
    level = np.clip(unclipped, low, high)
    return level, hh, level == unclipped


def _step(
    a: np.ndarray, g: np.ndarray, phi: np.ndarray, low: np.ndarray, high: np.ndarray, damping: np.ndarray
) -> tuple[np.ndarray, ...]:
    """(the damped step, the SSE reduction a full Gauss–Newton step would bring, broken, held) of every row
    for the normal matrix a = J'J (rows, q, q) and gradient g = J'r (rows, q). A parameter on a bound of
    [low, high] whose gradient points out of the box is held there (no step in it); a non-finite row is
    `broken`. Marquardt's damping is scaled by the diagonal of a."""
    q = g.shape[1]
    identity = np.eye(q, dtype=bool)
    held = ((phi <= low) & (g < 0)) | ((phi >= high) & (g > 0))
    g = np.where(held, 0.0, g)
    a = np.where(held[:, :, None] | held[:, None, :], identity, a)
    broken = ~(np.isfinite(a).all(axis=(1, 2)) & np.isfinite(g).all(axis=1))
    a[broken], g[broken] = np.eye(q), 0.0
    diagonal = np.diagonal(a, axis1=1, axis2=2)
    # Marquardt's scale; its floor keeps a curve flat in one parameter (a saturated S-curve) solvable.
    scale = np.maximum(diagonal, np.finfo(float).eps * diagonal.max(axis=1, keepdims=True))
    # The reduction of the SSE a full Gauss–Newton step would bring (r'Pr, P the projection on J).
    predicted = (_solve(a + (1e-12 * scale)[:, :, None] * identity, g) * g).sum(axis=1)
    return _solve(a + (damping[:, None] * scale)[:, :, None] * identity, g), predicted, broken, held


def _merged(group: np.ndarray, phi: np.ndarray, sse: np.ndarray, alive: np.ndarray) -> np.ndarray:
    """The alive rows whose parameters are within `MERGE_RTOL` of those of a row of the same group with
    a smaller (or equal, earlier) SSE: compared in order of SSE within each group, each with the next better."""
    rows = np.flatnonzero(alive)
    order = rows[np.lexsort((sse[rows], group[rows]))]
    here, before = phi[order[1:]], phi[order[:-1]]
    same = (group[order[1:]] == group[order[:-1]]) & (
        np.abs(here - before) <= MERGE_RTOL * (np.abs(here) + 1.0)).all(axis=1)
    merged = np.zeros(len(alive), dtype=bool)
    merged[order[1:][same]] = True
    return merged


def _dot(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """The inner product of every row of u with the same row of v."""
    return np.einsum("kn,kn->k", u, v)


def _solve(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """x with a x = b for every row, a a positive definite 1 x 1 or 2 x 2 matrix (written out, as
    numpy's batched solve costs more than the arithmetic for such sizes), else numpy's solve."""
    if a.shape[1] == 1:
        return b / a[:, 0]
    if a.shape[1] == 2:
        det = a[:, 0, 0] * a[:, 1, 1] - a[:, 0, 1] * a[:, 1, 0]
        return np.column_stack([a[:, 1, 1] * b[:, 0] - a[:, 0, 1] * b[:, 1],
                                a[:, 0, 0] * b[:, 1] - a[:, 1, 0] * b[:, 0]]) / det[:, None]
    try:
        return np.linalg.solve(a, b[..., None])[..., 0]
    except np.linalg.LinAlgError:
        return (np.linalg.pinv(a) @ b[..., None])[..., 0]


def _separable(
    model: str,
    t: np.ndarray,
    y: np.ndarray,
    phi: np.ndarray,
    level_low: np.ndarray,
    level_high: np.ndarray,
    lower: np.ndarray,
    upper: np.ndarray,
    max_iter: int,
    tol: float,
    group: np.ndarray | None = None,
) -> Fitted:
    """Least squares of `model`, y = c h(t; phi), for every row from `phi`: (theta = (c, phi), SSE, converged).
    Floating-point errors are to be ignored by the caller: an overflow is an infinite SSE, never better.

    The level c (the exponential's a, the logistic's ceiling K) enters linearly, so for any phi its best
    value, within [level_low, level_high], is exact; Levenberg–Marquardt runs on phi alone (variable
    projection, Golub and Pereyra 1973) with the Jacobian of the projected curve c(phi) h(phi). The
    logistic's phi is (r, u), u = -r t_mid in the caller's time: an S-curve far from its ceiling is
    K exp(r t + u), so with K on its bound its valley K exp(u) = const is straight in u. Marquardt's
    damping is scaled by the diagonal of J'J; a parameter on a bound whose gradient points out of the
    box is held there for the step (t_mid on its bound: the step runs in r at that t_mid), a step is
    cut back onto the bounds, and one that would carry c past its bound is taken with c on it.

    Rows of the same `group` (the starts of one series) are one problem from several starts: at the
    iterations in `MERGE_AT`, a row whose parameters have come within `MERGE_RTOL` of a row of its group
    with a smaller SSE is on the same path, and leaves the iteration as not converged; so does, at
    iteration `PRUNE_AT`, a row whose SSE exceeds `PRUNE_RATIO` times the smallest of its group.
    """
    shape, slopes, box = _SHAPES[model]
    rows, q = len(y), phi.shape[1]
    theta_out = np.full((rows, q + 1), np.nan)
    sse_out = np.full(rows, np.inf)
    converged_out = np.zeros(rows, dtype=bool)
    # Below this root of an SSE the residuals are rounding noise (an exact curve): no step can show progress.
    rounding = np.sqrt(y.shape[1]) * 1e3 * np.finfo(float).eps * np.abs(y).max(axis=1)
    shared = t.shape[0] == 1
    h = shape(t, phi)
    level, hh, free = _level(h, y, level_low, level_high)
    residual = y - level[:, None] * h
    sse = _dot(residual, residual)
    index = np.arange(rows)
    damping = np.full(rows, 1e-3)
    alive = np.isfinite(sse)  # rows still iterating; the others are written out
    theta_out[~alive], sse_out[~alive] = np.column_stack([level, phi])[~alive], sse[~alive]
    for step in range(max_iter + 1):
        if alive.sum() < 0.9 * len(alive):  # drop the rows that have left, once they are a tenth
            keep = alive
            index, phi, h, level, hh, free, residual, sse, damping, y = (
                array[keep] for array in (index, phi, h, level, hh, free, residual, sse, damping, y))
            group = None if group is None else group[keep]
            level_low, level_high, lower, upper = level_low[keep], level_high[keep], lower[keep], upper[keep]
            t = t if shared else t[keep]
            alive = np.ones(len(index), dtype=bool)
        if not alive.any() or step == max_iter:
            break
        if group is not None and (step in MERGE_AT or step == PRUNE_AT):
            merged = _merged(group, phi, sse, alive)
            if step == PRUNE_AT:
                best = np.full(group.max() + 1, np.inf)
                np.minimum.at(best, group[alive], sse[alive])
                merged |= alive & (sse > PRUNE_RATIO * best[group])
            theta_out[index[merged]] = np.column_stack([level, phi])[merged]
            sse_out[index[merged]] = sse[merged]
            alive &= ~merged
        # The Jacobian of c(phi) h(phi) has the columns J_j = c dh_j + dc_j h, with dc_j = (<dh_j, y> - 2 c
        # <h, dh_j>) / <h, h> where c is free, else 0; J'J and J'r are written with inner products of
        # h, dh_j, y and r, so that no Jacobian array is formed.
        dhs = slopes(t, phi, h)
        dh_y = np.column_stack([_dot(dh, y) for dh in dhs])
        dh_h = np.column_stack([_dot(dh, h) for dh in dhs])
        dh_r = np.column_stack([_dot(dh, residual) for dh in dhs])
        dh_dh = np.empty((len(phi), q, q))
        for i in range(q):
            for j in range(i, q):
                dh_dh[:, i, j] = dh_dh[:, j, i] = _dot(dhs[i], dhs[j])
        h_r = _dot(h, residual)
        dc = np.where(free[:, None], (dh_y - 2 * level[:, None] * dh_h) / hh[:, None], 0.0)
        c = level[:, None]
        g = c * dh_r + dc * h_r[:, None]
        cross = c[:, :, None] * dc[:, None, :] * dh_h[:, :, None]  # c dc_j <dh_i, h>
        a = c[:, :, None] ** 2 * dh_dh + cross + cross.transpose(0, 2, 1) + (dc[:, :, None] * dc[:, None, :]
                                                                           * hh[:, None, None])
        low, high = box(phi, lower, upper)
        trial, predicted, broken, held = _step(a, g, phi, low, high, damping)
        # A step that counts on c moving past its bound is taken again with c on that bound, fixed: the
        # bound would cut it back and it would fail, again and again, close to the bound.
        # (Not at a point where that first step already finds nothing to gain: its c is the optimum.)
        finished = (predicted <= tol * sse) | (np.sqrt(predicted) <= rounding[index])
        moved = level + (dc * trial).sum(axis=1)
        flip = np.flatnonzero(alive & free & ~broken & ~finished & ((moved > level_high) | (moved < level_low)))
        if flip.size:
            bound = np.where(moved[flip] > level_high[flip], level_high[flip], level_low[flip])[:, None]
            a[flip] = bound[:, :, None] ** 2 * dh_dh[flip]
            g[flip] = bound * (dh_y[flip] - bound * dh_h[flip])  # J'r with r = y - bound h
            trial[flip], predicted[flip], broken[flip], held[flip] = _step(
                a[flip], g[flip], phi[flip], low[flip], high[flip], damping[flip])
        if model == "logistic":
            # t_mid on its bound, u = -r t_mid: the step runs along the bound, in r at that t_mid, whose
            # Jacobian column is J_r - t_mid J_u.
            tied = np.flatnonzero(alive & ~broken & held[:, 1] & ~held[:, 0])
            if tied.size:
                mid = -phi[tied, 1] / phi[tied, 0]
                along = np.array([1.0, 0.0]) - mid[:, None] * np.array([0.0, 1.0])  # (1, -t_mid)
                a_along = np.einsum("ki,kij,kj->k", along, a[tied], along)[:, None, None]
                g_along = (along * g[tied]).sum(axis=1)[:, None]
                rate, predicted[tied], broken[tied], _ = _step(a_along, g_along, phi[tied, :1], low[tied, :1],
                                                               high[tied, :1], damping[tied])
                trial[tied] = rate * along
        done = alive & ~broken & ((predicted <= tol * sse) | (np.sqrt(predicted) <= rounding[index]))
        done[flip] = False
        trial += phi
        trial[:, 0] = np.clip(trial[:, 0], lower[:, 0], upper[:, 0])  # the first one's bounds are fixed
        trial = np.clip(trial, *box(trial, lower, upper))
        trial_h = shape(t, trial)
        trial_level, trial_hh, trial_free = _level(trial_h, y, level_low, level_high)
        trial_residual = y - trial_level[:, None] * trial_h
        trial_sse = _dot(trial_residual, trial_residual)
        better = alive & ~done & (trial_sse < sse)
        column = better[:, None]
        for old, new, where in ((phi, trial, column), (h, trial_h, column), (residual, trial_residual, column),
                                (level, trial_level, better), (hh, trial_hh, better), (free, trial_free, better),
                                (sse, trial_sse, better)):
            np.copyto(old, new, where=where)
        damping = np.where(better, np.maximum(damping / 10, 1e-12), damping * 10)
        leaving = alive & (done | broken | (damping > 1e12))
        theta_out[index[leaving]] = np.column_stack([level, phi])[leaving]
        sse_out[index[leaving]], converged_out[index[leaving]] = sse[leaving], done[leaving]
        alive &= ~leaving
    index, phi, level, sse = index[alive], phi[alive], level[alive], sse[alive]
    theta_out[index] = np.column_stack([level, phi])  # still iterating at max_iter: kept, not converged
    sse_out[index] = sse
    return theta_out, sse_out, converged_out
