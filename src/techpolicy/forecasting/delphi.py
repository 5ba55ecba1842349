"""Delphi aggregation for the Foresight direction of technology forecasting (seed 000, paragraph 8(2)).

Paragraph 8(2) of the methodology (order No. 133/НҚ) describes Foresight as collecting, processing
and *averaging* the opinions of a large group of qualified experts; paragraph 11 asks, in the main
stage, for the key (priority) technologies and for Kazakhstan's internal competences compared with
leader and competitor countries (11(6)). This module turns Delphi answers into those figures.

Data layout: float arrays shaped ``(rounds, experts, items)`` with NaN for "no answer" (float64, or
float32 for a very large panel: half the memory, and exact for every integer scale here). An item is
one (technology, question) pair. Experts are pseudonymous indices 0..E-1 only: nothing here knows a
name, and `read_answers` drops the codes of the CSV once the rows are placed.

Question types (`QUESTION_TYPES`):

- ``importance``: Likert importance, integer 1..5;
- ``year``: expected year of practical use, an integer calendar year;
- ``level_vs_leader`` / ``level_vs_competitor[:COUNTRY]``: Kazakhstan's level (paragraph 11(6)),
  ordinal integer 1..5 (1 = far behind ... 5 = at or above the level compared with);
- ``barrier:CODE``: multi-select barriers, one row per barrier offered, value 1 if the expert
  marked it and 0 if not; the aggregation adds the count and share of experts who marked it.

Statistics per item and round (`summarize`): n answers, median, quartiles Q1/Q3, IQR, relative IQR
(IQR / median; NaN where the median is 0), mean, standard deviation and coefficient of variation
(std / mean). Unweighted quantiles are numpy's default ("linear", Hyndman-Fan type 7) and the
standard deviation is the sample one (ddof=1). With competence weights (self-assessed 1..10)
quantiles use centred cumulative weights: the i-th sorted answer sits at ``(C_i - w_i / 2) / W``
(C_i the cumulative weight, W the total) and quantiles interpolate linearly between those points,
clamped at both ends; with equal weights this is the Hazen (type 5) quantile, and the median is the
ordinary median. The weighted variance uses reliability weights, ``sum w (x - m)^2 / (W - sum w^2 / W)``,
which reduces to the sample variance for equal weights.

Stop rules (`StopRule`) are set by each study: no threshold has a default here. For illustration
only, a criterion often cited in the Delphi literature is "IQR <= 1 on a 5-point scale" for
consensus; stability is usually a small change of the median between two rounds.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

import numpy as np
from scipy import stats

__all__ = [
    "QUESTION_TYPES",
    "DelphiData",
    "DelphiError",
    "Feedback",
    "KendallW",
    "QuestionType",
    "RoundChange",
    "StopRule",
    "Summary",
    "Verdicts",
    "aggregate",
    "feedback",
    "kendall_w",
    "parse_question",
    "read_answers",
    "round_changes",
    "summarize",
    "verdicts",
    "weighted_quantiles",
]


class DelphiError(ValueError):
    """Invalid Delphi input; `field` names the column, row or argument at fault."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class QuestionType:
    name: str
    low: float | None  # smallest admissible value
    high: float | None  # largest admissible value
    qualifier: str  # "forbidden", "optional" or "required" (the part after ':')
    description: str


QUESTION_TYPES: dict[str, QuestionType] = {
    q.name: q
    for q in (
        QuestionType("importance", 1, 5, "forbidden", "Likert importance 1..5"),
        QuestionType("year", 1900, 2999, "forbidden", "expected year of practical use"),
        # -2 far behind .. 0 on a par .. +2 ahead: the scale of the study questionnaire and of swot.py.
        QuestionType("level_vs_leader", -2, 2, "optional", "Kazakhstan's level vs leader countries, -2..+2"),
        QuestionType("level_vs_competitor", -2, 2, "optional", "Kazakhstan's level vs competitor countries, -2..+2"),
        QuestionType("barrier", 0, 1, "required", "barrier marked (1) or not (0)"),
    )
}


def parse_question(text: str) -> QuestionType:
    """The `QuestionType` of a question label such as ``importance`` or ``barrier:finance``."""
    base, sep, qualifier = text.strip().partition(":")
    qtype = QUESTION_TYPES.get(base)
    if qtype is None:
        raise DelphiError("question", f"unknown question type {text!r}: expected one of {sorted(QUESTION_TYPES)}")
    if qtype.qualifier == "required" and not qualifier.strip():
        raise DelphiError("question", f"question {text!r}: {base} needs a code, e.g. {base}:finance")
    if qtype.qualifier == "forbidden" and sep:
        raise DelphiError("question", f"question {text!r}: {base} takes no ':' qualifier")
    return qtype


# --- statistics ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    """Per-round, per-item statistics; every array is shaped (rounds, items)."""

    n: np.ndarray
    median: np.ndarray
    q1: np.ndarray
    q3: np.ndarray
    iqr: np.ndarray
    rel_iqr: np.ndarray
    mean: np.ndarray
    std: np.ndarray
    cv: np.ndarray

    def at(self, round_index: int, item: int) -> dict[str, float | int | None]:
        out: dict[str, float | int | None] = {"n": int(self.n[round_index, item])}
        for name in ("median", "q1", "q3", "iqr", "rel_iqr", "mean", "std", "cv"):
            out[name] = finite_or_none(getattr(self, name)[round_index, item])
        return out


def finite_or_none(x: Any) -> float | None:
    """`x` as a float, or None when it is NaN or infinite (no value: JSON has no NaN)."""
    x = float(x)
    return None if math.isnan(x) or math.isinf(x) else x


def _as_3d(values: np.ndarray) -> np.ndarray:
    values = np.asarray(values, dtype=float)
    if values.ndim == 2:  # a single round
        values = values[None]
    if values.ndim != 3:
        raise ValueError(f"expected an array shaped (rounds, experts, items), got shape {values.shape}")
    return values


def _as_float_3d(values: np.ndarray) -> np.ndarray:
    """`_as_3d`, but float32 answers are kept as they are (not copied to float64)."""
    arr = np.asarray(values)
    if arr.dtype == np.float32 and arr.ndim in (2, 3):
        return arr[None] if arr.ndim == 2 else arr
    return _as_3d(arr)


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        out = num / den
    out[~np.isfinite(out)] = np.nan
    return out


def _relative(spread: np.ndarray, centre: np.ndarray) -> np.ndarray:
    """Spread relative to the size of the centre (relative IQR, CV). The level scales run -2..+2, so
    the centre may be 0 or negative: its magnitude is used, and no spread at all is 0 (complete
    agreement) whatever the centre; a spread around a centre of 0 has no relative size (NaN)."""
    out = _ratio(spread, np.abs(centre))
    out[spread == 0] = 0.0
    return out


# Integer answers on a short scale (every question type here) are counted instead of sorted: the
# counts per (round, item, value) give the same order statistics and moments as a sort, in linear
# time. A scale of at most EQUALITY_MAX_SPAN levels is counted by comparing each block of experts
# with each level (a few vectorised passes, no scatter); a longer one, up to COUNTING_MAX_SPAN
# levels, with one bincount over (round, item, value). Anything else (fractional values, a long
# scale) is sorted along the expert axis.
#
# Memory: `summarize` and `round_changes` take float32 answers as they are (half the size of
# float64, and exact for the integers of every scale here), and bound their temporaries: blocks of
# at most _EXPERT_BLOCK experts for the comparisons, chunks of _CHUNK_CELLS cells over items for
# the bincount and sort paths. 50 000 experts x 1 000 items x 3 rounds is 600 MB of float32 answers.
COUNTING_MAX_SPAN = 1024
EQUALITY_MAX_SPAN = 32
_MAGIC = 6755399441055744.0  # 2**52 + 2**51: x + _MAGIC holds the integer x in its low mantissa bits
_MAGIC_BITS = np.float64(_MAGIC).view(np.int64)
_BLOCK_CELLS = 1 << 18
_EXPERT_BLOCK = 255  # the comparisons count each block in uint8
_EQUALITY_BLOCK_CELLS = 1 << 20
_CHUNK_CELLS = 1 << 22  # 32 MB per float64 temporary


def _grid(x: np.ndarray) -> tuple[float, int] | None:
    """(lowest answer, number of levels) of the unit grid lowest, lowest + 1, ... that could hold
    every answer, or None when it cannot (no answer, infinite values, a scale too long)."""
    if x.size == 0:
        return None
    lo, hi = float(np.fmin.reduce(x, axis=None)), float(np.fmax.reduce(x, axis=None))  # NaN ignored
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi - lo >= COUNTING_MAX_SPAN or abs(lo) > 2.0**40:
        return None
    span = int(hi - lo) + 1
    levels = lo + np.arange(span, dtype=float)
    if not np.array_equal(levels.astype(x.dtype).astype(float), levels):  # a level float32 cannot hold
        return None
    return lo, span


def _grid_counts(x: np.ndarray, lo: float, span: int) -> np.ndarray | None:
    """Counts per (round, item, level) of the answers equal to lo, lo + 1, ..., lo + span - 1, or None
    when some answer lies on none of those levels (then the caller sorts). Float counts, shaped
    (rounds, items, span), like the totals of `_integer_bins`."""
    rounds, experts, items = x.shape
    levels = [x.dtype.type(lo + v) for v in range(span)]
    counts = np.zeros((span, rounds, items), dtype=np.int64)
    step = max(1, min(_EXPERT_BLOCK, _EQUALITY_BLOCK_CELLS // max(1, rounds * items)))
    buf = np.empty((rounds, min(step, experts), items), dtype=bool)  # reused: no page faults per block
    for start in range(0, experts, step):
        xb = x[:, start : start + step, :]
        hit = buf[:, : xb.shape[1], :]
        as_int = hit.view(np.uint8)
        seen = np.isnan(xb, out=hit).view(np.uint8).sum(axis=1, dtype=np.uint8)  # <= 255 per block
        for v, level in enumerate(levels):
            np.equal(xb, level, out=hit)
            level_count = as_int.sum(axis=1, dtype=np.uint8)
            counts[v] += level_count
            seen += level_count
        if not np.all(seen == xb.shape[1]):  # an answer between two levels
            return None
    return np.moveaxis(counts, 0, -1).astype(float)


def _integer_bins(x: np.ndarray, weights: np.ndarray | None, grid: tuple[float, int]) -> np.ndarray | None:
    """Totals per (round, item, value - lowest) for answers on the unit grid `grid` (lowest, levels),
    or None when some answer is not on it.

    The grid is lowest, lowest + 1, ...: integer answers (or integers plus one common fraction).

    Totals are counts, or sums of `weights` when given; shape (rounds, items, span).
    """
    rounds, _, items = x.shape
    lo, span = grid
    if rounds * items * span > 50_000_000:
        return None
    base = (np.arange(rounds)[:, None] * items + np.arange(items)[None, :]) * float(span) - lo
    overflow = rounds * items * span  # one extra bin for "no answer"
    totals = np.zeros(overflow + 1)
    # Blocks of experts keep the temporaries small and in cache (no page faults on 100 MB arrays).
    step = max(1, _BLOCK_CELLS // max(1, rounds * items))
    for start in range(0, x.shape[1], step):
        block = slice(start, start + step)
        code = x[:, block, :] + base[:, None, :]  # a float holding the bin index; NaN stays NaN
        code[np.isnan(code)] = overflow
        shifted = code + _MAGIC
        if not np.array_equal(shifted - _MAGIC, code):  # some answer is not an integer
            return None
        flat = shifted.view(np.int64)
        flat -= _MAGIC_BITS  # float -> integer for exact integers (astype(int64) is several times slower)
        w = None if weights is None else np.ascontiguousarray(weights[:, block, :]).ravel()
        totals += np.bincount(flat.ravel(), weights=w, minlength=overflow + 1)
    return totals[:-1].reshape(rounds, items, span)


def _moments_from_bins(totals: np.ndarray, lo: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(sum of totals, weighted mean, sum of totals * (value - mean)^2) per (round, item)."""
    v = np.arange(totals.shape[-1], dtype=float)
    mass = totals.sum(axis=-1)
    offset = _ratio(totals @ v, mass.astype(float))  # mean - lo
    ss = (totals * (v - offset[..., None]) ** 2).sum(axis=-1)
    return mass, offset + lo, ss


def _value_at(cum: np.ndarray, k: np.ndarray, strict: bool) -> np.ndarray:
    """Index of the first bin whose cumulative total is > k (strict) or >= k (not strict)."""
    return ((cum <= k[..., None]) if strict else (cum < k[..., None])).sum(axis=-1)


def _type7_from_counts(counts: np.ndarray, n: np.ndarray, lo: float, qs: Sequence[float]) -> list[np.ndarray]:
    cum = np.cumsum(counts, axis=-1)
    last = np.maximum(n - 1, 0)
    out = []
    for q in qs:
        pos = q * last
        k_lo = np.floor(pos)
        k_hi = np.minimum(k_lo + 1, last)
        v_lo = lo + _value_at(cum, k_lo, strict=True)
        v_hi = lo + _value_at(cum, k_hi, strict=True)
        res = v_lo + (pos - k_lo) * (v_hi - v_lo)
        res[n == 0] = np.nan
        out.append(res)
    return out


def _type7_from_sorted(s: np.ndarray, n: np.ndarray, qs: Sequence[float]) -> list[np.ndarray]:
    """Type-7 quantiles of `s` sorted along the last axis with NaN last and `n` valid entries."""
    out = []
    last = np.maximum(n - 1, 0)
    for q in qs:
        pos = q * last
        lo = np.floor(pos).astype(np.intp)
        hi = np.minimum(lo + 1, last)
        v_lo = np.take_along_axis(s, lo[..., None], axis=-1)[..., 0]
        v_hi = np.take_along_axis(s, hi[..., None], axis=-1)[..., 0]
        res = v_lo + (pos - lo) * (v_hi - v_lo)
        res[n == 0] = np.nan
        out.append(res)
    return out


def _weighted_from_cumulative(cum: np.ndarray, vals: np.ndarray | float, n: np.ndarray, q: float) -> np.ndarray:
    """Weighted quantile from cumulative weights `cum` over sorted nodes (module docstring definition).

    `vals` is the node values (same shape as cum) or, for bins, the lowest value (node i = lo + i).
    """
    total = cum[..., -1]
    target = q * total
    tol = 1e-9 * total
    size = cum.shape[-1]
    lower = np.minimum(_value_at(cum, target - tol, strict=False), size - 1)
    upper = _value_at(cum, target + tol, strict=True)
    upper = np.where(upper >= size, lower, upper)
    if isinstance(vals, np.ndarray):
        v_lo = np.take_along_axis(vals, lower[..., None], axis=-1)[..., 0]
        v_hi = np.take_along_axis(vals, upper[..., None], axis=-1)[..., 0]
        v_hi = np.where(np.isnan(v_hi), v_lo, v_hi)
    else:
        v_lo, v_hi = vals + lower, vals + upper
    res = (v_lo + v_hi) / 2.0
    return np.where(n == 0, np.nan, res)


def _check_weights(valid: np.ndarray, w: np.ndarray) -> None:
    if np.any(valid & ~(np.isfinite(w) & (w > 0))):
        raise ValueError("weights must be positive and finite for every answer")


def weighted_quantiles(values: np.ndarray, weights: np.ndarray, qs: Sequence[float], axis: int = -1) -> np.ndarray:
    """Weighted quantiles along `axis` by sorting (definition in the module docstring).

    Q(q) is the first sorted answer whose cumulative weight reaches q * W, averaged with the next
    answer when it reaches it exactly (so equal weights give the ordinary median). NaN values are
    ignored; weights must be positive and finite wherever a value is present. Returns an array
    shaped ``(len(qs),) + shape without axis``.
    """
    x = np.moveaxis(np.asarray(values, dtype=float), axis, -1)
    w = np.moveaxis(np.broadcast_to(np.asarray(weights, dtype=float), np.shape(values)), axis, -1)
    valid = ~np.isnan(x)
    _check_weights(valid, w)
    order = np.argsort(x, axis=-1, kind="stable")  # NaN last
    v = np.take_along_axis(x, order, axis=-1)
    sw = np.where(np.take_along_axis(valid, order, axis=-1), np.take_along_axis(w, order, axis=-1), 0.0)
    cum = np.cumsum(sw, axis=-1)
    n = valid.sum(axis=-1)
    return np.stack([_weighted_from_cumulative(cum, v, n, q) for q in qs])


QUARTILES = (0.25, 0.5, 0.75)


def summarize(values: np.ndarray, weights: np.ndarray | None = None) -> Summary:
    """Median, quartiles, IQR, relative IQR, mean, std, CV and n per (round, item).

    `values` is shaped (rounds, experts, items) with NaN for no answer, float64 or float32; `weights`
    (competence), if given, broadcasts to it. Vectorised over all rounds and items at once: integer
    answers on a short scale are counted per value, anything else is sorted along the expert axis
    (in chunks of items, so that temporaries stay small whatever the number of answers).
    """
    x = _as_float_3d(values)
    grid = _grid(x)
    if weights is None and grid is not None and grid[1] <= EQUALITY_MAX_SPAN:
        counts = _grid_counts(x, *grid)
        if counts is not None:
            n, mean, ss = _moments_from_bins(counts, grid[0])
            q1, median, q3 = _type7_from_counts(counts, n, grid[0], QUARTILES)
            return _finish(n, mean, _ratio(ss, (n - 1).astype(float)), q1, median, q3)
        grid = None  # an answer off the grid: sort
    w = None if weights is None else np.broadcast_to(np.asarray(weights, dtype=float), x.shape)
    rounds, experts, items = x.shape
    step = max(1, _CHUNK_CELLS // max(1, rounds * experts))
    parts = []
    for start in range(0, max(items, 1), step):
        cols = slice(start, start + step)
        chunk = np.ascontiguousarray(x[:, :, cols], dtype=float)
        parts.append(_summarize_chunk(chunk, None if w is None else w[:, :, cols], grid))
    if len(parts) == 1:
        return parts[0]
    return Summary(**{f.name: np.concatenate([getattr(p, f.name) for p in parts], axis=-1) for f in fields(Summary)})


def _summarize_chunk(x: np.ndarray, w: np.ndarray | None, grid: tuple[float, int] | None) -> Summary:
    """`summarize` of float64 answers `x` (a chunk of items) by bincount on `grid` or by sorting."""
    if w is not None:
        valid = ~np.isnan(x)
        _check_weights(valid, w)
        w = np.where(valid, w, 0.0)
    counts = _integer_bins(x, None, grid) if grid is not None else None
    if counts is not None:
        lo = grid[0]
        n, mean, ss = _moments_from_bins(counts, lo)
        if w is None:
            var = _ratio(ss, (n - 1).astype(float))
            q1, median, q3 = _type7_from_counts(counts, n, lo, QUARTILES)
        else:
            wbins = _integer_bins(x, w, grid)
            wsum, mean, wss = _moments_from_bins(wbins, lo)
            var = _ratio(wss, wsum - _ratio((w * w).sum(axis=1), wsum))
            cum = np.cumsum(wbins, axis=-1)
            q1, median, q3 = (_weighted_from_cumulative(cum, lo, n, q) for q in QUARTILES)
    else:
        valid = ~np.isnan(x)
        n = valid.sum(axis=1)
        ww = valid.astype(float) if w is None else w
        wsum = ww.sum(axis=1)
        mean = _ratio((ww * np.where(valid, x, 0.0)).sum(axis=1), wsum)
        dev = np.where(valid, x - mean[:, None, :], 0.0)
        wss = (ww * dev * dev).sum(axis=1)
        if w is None:
            var = _ratio(wss, (n - 1).astype(float))
            q1, median, q3 = _type7_from_sorted(np.sort(np.moveaxis(x, 1, -1), axis=-1), n, QUARTILES)
        else:
            var = _ratio(wss, wsum - _ratio((w * w).sum(axis=1), wsum))
            q1, median, q3 = weighted_quantiles(x, w + ~valid, QUARTILES, axis=1)
    return _finish(n, mean, var, q1, median, q3)


def _finish(n: np.ndarray, mean: np.ndarray, var: np.ndarray, q1: np.ndarray, median: np.ndarray,
            q3: np.ndarray) -> Summary:
    var[n < 2] = np.nan
    std = np.sqrt(var)
    iqr = q3 - q1
    return Summary(
        n=n, median=median, q1=q1, q3=q3, iqr=iqr, rel_iqr=_relative(iqr, median), mean=mean, std=std,
        cv=_relative(std, mean),
    )


@dataclass(frozen=True)
class KendallW:
    """Kendall's coefficient of concordance per round; arrays shaped (rounds,)."""

    w: np.ndarray
    chi2: np.ndarray
    df: int
    p_value: np.ndarray
    experts: np.ndarray  # experts with a complete ranking in that round (the only ones used)
    items: int


def kendall_w(values: np.ndarray) -> KendallW:
    """Kendall's W (tie-corrected) of the experts' rankings of the items, per round.

    `values` (rounds, experts, items) are ranks or scores (ranked per expert, ties get average
    ranks); experts without an answer for every item in a round are left out of that round.
    ``W = 12 S / (m^2 (n^3 - n) - m sum T)``, ``T = sum (t^3 - t)`` over tie groups;
    chi-square = m (n - 1) W with n - 1 degrees of freedom.
    """
    x = _as_3d(values)
    rounds, _, k = x.shape
    complete = ~np.isnan(x).any(axis=-1)  # (rounds, experts)
    xz = np.where(complete[..., None], x, 0.0)
    ranks = stats.rankdata(xz, method="average", axis=-1)
    t = stats.rankdata(xz, method="max", axis=-1) - stats.rankdata(xz, method="min", axis=-1) + 1
    ties = np.where(complete, (t * t - 1).sum(axis=-1), 0.0).sum(axis=-1)  # sum over experts of sum(t^3 - t)
    m = complete.sum(axis=-1).astype(float)
    rank_sums = np.where(complete[..., None], ranks, 0.0).sum(axis=1)  # (rounds, items)
    s = ((rank_sums - rank_sums.mean(axis=-1, keepdims=True)) ** 2).sum(axis=-1)
    den = m * m * (k**3 - k) - m * ties
    w = _ratio(12.0 * s, den)
    chi2 = m * (k - 1) * w
    p = stats.chi2.sf(chi2, k - 1) if k > 1 else np.full(rounds, np.nan)
    return KendallW(w=w, chi2=chi2, df=k - 1, p_value=np.asarray(p, dtype=float), experts=m.astype(int), items=k)


@dataclass(frozen=True)
class RoundChange:
    """Change from round r-1 to round r; arrays shaped (rounds - 1, items)."""

    median_shift: np.ndarray
    iqr_change: np.ndarray
    revised_share: np.ndarray  # among experts answering both rounds: share whose answer changed
    n_both: np.ndarray


def round_changes(values: np.ndarray, summary: Summary | None = None, tol: float = 0.0) -> RoundChange:
    """Round-to-round change: median shift, IQR change, share of experts who revised (|Δ| > tol)."""
    x = _as_float_3d(values)
    summary = summary if summary is not None else summarize(x)
    rounds, experts, items = x.shape
    n_both = np.zeros((max(rounds - 1, 0), items), dtype=np.intp)
    n_revised = np.zeros_like(n_both)
    step = max(1, _CHUNK_CELLS // max(1, rounds * items))  # blocks of experts: small temporaries
    for start in range(0, experts, step):
        xb = x[:, start : start + step, :]
        answered = ~np.isnan(xb)
        both = answered[1:] & answered[:-1]
        n_both += both.sum(axis=1)
        if tol == 0:  # |a - b| > 0 is a != b: no subtraction, in the answers' own precision
            both &= xb[1:] != xb[:-1]
        else:
            xb = xb.astype(float, copy=False)
            both &= np.abs(xb[1:] - xb[:-1]) > tol
        n_revised += both.sum(axis=1)
    return RoundChange(
        median_shift=summary.median[1:] - summary.median[:-1],
        iqr_change=summary.iqr[1:] - summary.iqr[:-1],
        revised_share=_ratio(n_revised.astype(float), n_both.astype(float)),
        n_both=n_both,
    )


@dataclass(frozen=True)
class StopRule:
    """Consensus and stability thresholds set by the study; None = criterion not used.

    Consensus holds when every dispersion criterion set holds (rel. IQR, IQR, CV); stability
    when |Δmedian| from the previous round is within `max_median_shift`. No values are defaulted:
    there is no legal default in seed 000, each study fixes its own.
    """

    max_rel_iqr: float | None = None
    max_iqr: float | None = None
    max_cv: float | None = None
    max_median_shift: float | None = None
    min_answers: int | None = None

    def __post_init__(self) -> None:
        limits = {"max_rel_iqr": self.max_rel_iqr, "max_iqr": self.max_iqr, "max_cv": self.max_cv,
                  "max_median_shift": self.max_median_shift}
        if all(v is None for v in limits.values()):
            raise DelphiError("stop rule", "a stop rule needs at least one threshold")
        for name, v in {**limits, "min_answers": self.min_answers}.items():
            if v is not None and not (math.isfinite(v) and v >= 0):
                raise DelphiError(name, f"{name} must be a finite number >= 0, got {v!r}")

    @property
    def has_dispersion(self) -> bool:
        return any(v is not None for v in (self.max_rel_iqr, self.max_iqr, self.max_cv))

    def as_dict(self) -> dict[str, float | int]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


VERDICT_LABELS = {(True, True): "consensus", (False, True): "stable_dissent", (True, False): "consensus_not_stable",
                  (False, False): "continue"}


@dataclass(frozen=True)
class Verdicts:
    """Per (round, item): consensus, stability and stop flags, plus a label."""

    consensus: np.ndarray
    stable: np.ndarray  # False in the first round (nothing to compare with)
    stop: np.ndarray
    label: np.ndarray  # "consensus", "stable_dissent", "consensus_not_stable", "continue"


def verdicts(summary: Summary, rule: StopRule) -> Verdicts:
    """Apply a study's stop rule. `stop` = consensus and stability for the criteria the rule sets."""
    ok = summary.n > 0
    if rule.min_answers is not None:
        ok &= summary.n >= rule.min_answers
    consensus = ok.copy()
    for limit, stat in ((rule.max_rel_iqr, summary.rel_iqr), (rule.max_iqr, summary.iqr), (rule.max_cv, summary.cv)):
        if limit is not None:
            consensus &= np.nan_to_num(stat, nan=np.inf) <= limit
    stable = np.zeros_like(ok)
    if summary.median.shape[0] > 1:
        shift = np.abs(summary.median[1:] - summary.median[:-1])
        limit = rule.max_median_shift if rule.max_median_shift is not None else np.inf
        stable[1:] = ok[1:] & ok[:-1] & (np.nan_to_num(shift, nan=np.inf) <= limit)
    consensus_used = consensus if rule.has_dispersion else np.ones_like(ok)
    stop = consensus_used & stable if rule.max_median_shift is not None else consensus_used & ok
    label = np.empty(ok.shape, dtype=object)
    for (c, s), name in VERDICT_LABELS.items():
        label[(consensus == c) & (stable == s)] = name
    return Verdicts(consensus=consensus, stable=stable, stop=stop, label=label)


@dataclass(frozen=True)
class Feedback:
    """What one expert sees before the next round, per item: the group's figures beside their own."""

    expert: int
    round_index: int
    own: np.ndarray  # NaN where the expert did not answer
    median: np.ndarray
    q1: np.ndarray
    q3: np.ndarray
    n: np.ndarray


def feedback(values: np.ndarray, expert: int, round_index: int, weights: np.ndarray | None = None) -> Feedback:
    """Feedback for pseudonymous expert `expert` after round `round_index` (group median and quartiles)."""
    x = _as_3d(values)
    summary = summarize(x[round_index : round_index + 1],
                        None if weights is None else np.broadcast_to(weights, x.shape)[round_index : round_index + 1])
    return Feedback(expert=expert, round_index=round_index, own=x[round_index, expert].copy(),
                    median=summary.median[0], q1=summary.q1[0], q3=summary.q3[0], n=summary.n[0])


# --- answers CSV -----------------------------------------------------------------------------------

REQUIRED_COLUMNS = ("expert", "round", "technology", "question", "value")


@dataclass
class DelphiData:
    """Answers placed in arrays (rounds, experts, items); experts are pseudonymous indices only."""

    values: np.ndarray
    competence: np.ndarray | None
    rounds: list[int]
    items: list[tuple[str, str]]  # (technology, question)
    n_experts: int = field(default=0)

    def question_types(self) -> list[str]:
        return [q.partition(":")[0] for _, q in self.items]


def _number(text: str, line: int, column: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise DelphiError(f"row {line}", f"row {line}: {column} {text!r} is not a number") from None
    if not math.isfinite(value):
        raise DelphiError(f"row {line}", f"row {line}: {column} {text!r} is not a finite number")
    return value


def read_answers(source: str | Iterable[str]) -> DelphiData:
    """Read ``expert,round,technology,question,value[,competence]`` rows (a path or lines of text).

    An empty value means no answer. Errors raise `DelphiError(field, message)`: a missing column,
    a ragged row, a non-numeric or out-of-range value, an unknown question type, or an expert
    answering the same item twice in a round. Expert codes are only used to place rows and in
    error messages; the result holds pseudonymous indices.
    """
    if isinstance(source, str):
        try:
            with open(source, encoding="utf-8", newline="") as handle:
                return read_answers(handle.read().splitlines())
        except OSError as exc:
            raise DelphiError("ANSWERS", f"cannot read {source}: {exc}") from None
        except UnicodeDecodeError as exc:
            raise DelphiError("ANSWERS", f"{source} is not UTF-8: {exc}") from None
    reader = csv.reader(source)
    header = next(reader, None)
    if header is None:
        raise DelphiError("ANSWERS", "empty answers file: expected a header row")
    header = [h.strip().lower() for h in header]
    for col in REQUIRED_COLUMNS:
        if col not in header:
            raise DelphiError(col, f"missing column {col!r}: expected {', '.join(REQUIRED_COLUMNS)}[,competence]")
    pos = {c: header.index(c) for c in (*REQUIRED_COLUMNS, "competence") if c in header}
    has_competence = "competence" in pos
    experts: dict[str, int] = {}
    items: dict[tuple[str, str], int] = {}
    seen: dict[tuple[int, str, str, str], int] = {}
    rows: list[tuple[int, int, int, float, float]] = []
    for line, row in enumerate(reader, start=2):
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise DelphiError(f"row {line}", f"row {line}: {len(row)} fields, the header has {len(header)}")
        cell = {c: row[i].strip() for c, i in pos.items()}
        expert, technology, question = cell["expert"], cell["technology"], cell["question"]
        for col in ("expert", "technology", "question", "round"):
            if not cell[col]:
                raise DelphiError(f"row {line}", f"row {line}: empty {col}")
        try:
            round_label = int(cell["round"])
        except ValueError:
            raise DelphiError(f"row {line}", f"row {line}: round {cell['round']!r} is not an integer") from None
        try:
            qtype = parse_question(question)
        except DelphiError as exc:
            raise DelphiError(f"row {line}", f"row {line}: {exc.message}") from None
        key = (round_label, expert, technology, question)
        if key in seen:
            raise DelphiError(
                f"row {line}",
                f"expert {expert!r} answered technology {technology!r} question {question!r} twice in round "
                f"{round_label} (rows {seen[key]} and {line})",
            )
        seen[key] = line
        e = experts.setdefault(expert, len(experts))
        i = items.setdefault((technology, question), len(items))
        if not cell["value"]:
            continue  # no answer
        value = _number(cell["value"], line, "value")
        if (qtype.low is not None and value < qtype.low) or (qtype.high is not None and value > qtype.high) or (
            value != int(value)
        ):
            raise DelphiError(
                f"row {line}", f"row {line}: value {cell['value']!r} outside {qtype.description} (integer)"
            )
        comp = math.nan
        if has_competence:
            if not cell["competence"]:
                raise DelphiError(f"row {line}", f"row {line}: empty competence for an answer")
            comp = _number(cell["competence"], line, "competence")
            if not 1 <= comp <= 10:
                raise DelphiError(f"row {line}", f"row {line}: competence {cell['competence']!r} outside 1..10")
        rows.append((round_label, e, i, value, comp))
    if not rows:
        raise DelphiError("ANSWERS", "no answers")
    rounds = sorted({r for r, *_ in rows})
    r_index = {r: k for k, r in enumerate(rounds)}
    arr = np.array(rows, dtype=float)
    ri = np.array([r_index[int(r)] for r in arr[:, 0]])
    shape = (len(rounds), len(experts), len(items))
    values = np.full(shape, np.nan)
    values[ri, arr[:, 1].astype(int), arr[:, 2].astype(int)] = arr[:, 3]
    competence = None
    if has_competence:
        competence = np.full(shape, np.nan)
        competence[ri, arr[:, 1].astype(int), arr[:, 2].astype(int)] = arr[:, 4]
    return DelphiData(values=values, competence=competence, rounds=rounds, items=list(items), n_experts=len(experts))


# --- the whole report ------------------------------------------------------------------------------


def aggregate(data: DelphiData, rule: StopRule | None = None, weighted: bool = False) -> dict[str, Any]:
    """JSON-ready Delphi report: statistics per item and round, changes, verdicts, Kendall's W."""
    if weighted and data.competence is None:
        raise DelphiError("competence", "--weighted needs a competence column")
    weights = data.competence if weighted else None
    if weights is not None:
        weights = np.where(np.isnan(data.values), 1.0, weights)
    summary = summarize(data.values, weights)
    changes = round_changes(data.values, summary)
    verdict = verdicts(summary, rule) if rule is not None else None
    answered = ~np.isnan(data.values)
    items_out = []
    for i, (technology, question) in enumerate(data.items):
        per_round = []
        for r, label in enumerate(data.rounds):
            entry: dict[str, Any] = {"round": label, **summary.at(r, i)}
            if question.startswith("barrier:"):
                entry["selected"] = int(np.nansum(data.values[r, :, i]))
                entry["share"] = finite_or_none(entry["selected"] / entry["n"]) if entry["n"] else None
            if r > 0:
                entry["change"] = {
                    "median_shift": finite_or_none(changes.median_shift[r - 1, i]),
                    "iqr_change": finite_or_none(changes.iqr_change[r - 1, i]),
                    "revised_share": finite_or_none(changes.revised_share[r - 1, i]),
                    "n_both": int(changes.n_both[r - 1, i]),
                }
            if verdict is not None:
                entry["consensus"] = bool(verdict.consensus[r, i])
                entry["stable"] = bool(verdict.stable[r, i])
                entry["stop"] = bool(verdict.stop[r, i])
                entry["verdict"] = verdict.label[r, i]
            per_round.append(entry)
        items_out.append({"technology": technology, "question": question, "rounds": per_round})
    concordance = []
    for question in dict.fromkeys(q for _, q in data.items):
        if question.startswith("barrier:"):
            continue
        cols = [i for i, (_, q) in enumerate(data.items) if q == question]
        if len(cols) < 2:
            continue
        kw = kendall_w(data.values[:, :, cols])
        concordance.append({
            "question": question,
            "technologies": [data.items[i][0] for i in cols],
            "rounds": [
                {"round": label, "w": finite_or_none(kw.w[r]), "chi2": finite_or_none(kw.chi2[r]), "df": kw.df,
                 "p_value": finite_or_none(kw.p_value[r]), "experts": int(kw.experts[r])}
                for r, label in enumerate(data.rounds)
            ],
        })
    return {
        "method": "Delphi (seed 000, paragraph 8(2) Foresight; paragraph 11)",
        "weighted": weighted,
        "rounds": data.rounds,
        "experts": data.n_experts,
        "answers": int(answered.sum()),
        "stop_rule": rule.as_dict() if rule is not None else None,
        "items": items_out,
        "concordance": concordance,
    }
