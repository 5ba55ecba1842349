"""Multi-criteria ranking of candidate key (priority) technologies.

Seed 000 (Order No. 133/НҚ), paragraph 11: the main stage of technology forecasting *identifies the
key (priority) technologies*; paragraph 12 makes the **list of key technologies** a result of the
final stage and paragraph 13 uses it for state support measures and targeted technology
programmes. The methodology does not prescribe how candidates are ranked, nor the criteria or their
weights: these are set **per study**. This module provides the arithmetic:

* a :class:`DecisionMatrix` (technologies x criteria, each criterion a *benefit* — more is better —
  or a *cost* — less is better);
* study weights, validated by :func:`validate_weights` (non-negative, one per criterion, summing to 1);
* two methods: :func:`weighted_sum` on min-max normalised columns and :func:`topsis` (classic
  Hwang & Yoon TOPSIS with vector normalisation, computed by ``pymcdm.methods.TOPSIS``);
* ranks with ties (:func:`rank_scores`: competition ranking "1, 2, 2, 4" with a tolerance);
* a one-at-a-time weight sensitivity view (:func:`weight_sensitivity`);
* agreement between methods as Spearman's rho (:func:`method_agreement`).

Pure numpy/scipy/pymcdm; no Django.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Literal

import numpy as np
from pymcdm.methods import TOPSIS
from pymcdm.normalizations import vector_normalization
from scipy.stats import spearmanr

BENEFIT = "benefit"
COST = "cost"
CriterionKind = Literal["benefit", "cost"]

#: Scores closer than this are treated as a tie.
TIE_TOLERANCE = 1e-9
#: Tolerance on the sum of the weights.
WEIGHT_SUM_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Criterion:
    """One ranking criterion; ``kind`` is ``"benefit"`` (more is better) or ``"cost"`` (less is better)."""

    name: str
    kind: CriterionKind = BENEFIT

    def __post_init__(self) -> None:
        if not self.name:
            raise ValueError("a criterion needs a name")
        if self.kind not in (BENEFIT, COST):
            raise ValueError(f"criterion {self.name!r}: kind must be 'benefit' or 'cost', not {self.kind!r}")

    def as_dict(self) -> dict:
        return {"name": self.name, "kind": self.kind}


@dataclass(frozen=True)
class DecisionMatrix:
    """Technologies (rows) scored on criteria (columns)."""

    technologies: tuple[str, ...]
    criteria: tuple[Criterion, ...]
    values: np.ndarray

    def __post_init__(self) -> None:
        technologies = tuple(self.technologies)
        criteria = tuple(
            c if isinstance(c, Criterion) else Criterion(c) if isinstance(c, str) else Criterion(*c)
            for c in self.criteria
        )
        values = np.asarray(self.values, dtype=float)
        if values.ndim != 2:
            raise ValueError(f"the decision matrix must be 2-D, got shape {values.shape}")
        if values.shape != (len(technologies), len(criteria)):
            raise ValueError(
                f"the decision matrix has shape {values.shape}, expected "
                f"({len(technologies)} technologies, {len(criteria)} criteria)"
            )
        if not technologies or not criteria:
            raise ValueError("at least one technology and one criterion are needed")
        if len(set(technologies)) != len(technologies):
            raise ValueError("technology names must be unique")
        if len({c.name for c in criteria}) != len(criteria):
            raise ValueError("criterion names must be unique")
        if not np.all(np.isfinite(values)):
            raise ValueError("the decision matrix contains non-finite values")
        values = values.copy()
        values.setflags(write=False)
        object.__setattr__(self, "technologies", technologies)
        object.__setattr__(self, "criteria", criteria)
        object.__setattr__(self, "values", values)

    @classmethod
    def from_rows(
        cls, rows: Mapping[str, Sequence[float]], criteria: Sequence[Criterion | tuple[str, str] | str]
    ) -> DecisionMatrix:
        """Build from ``{technology: [value per criterion]}``; a bare criterion name is a benefit criterion."""
        return cls(tuple(rows), tuple(criteria), np.array([list(v) for v in rows.values()], dtype=float))

    @property
    def criterion_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.criteria)

    @property
    def types(self) -> np.ndarray:
        """pymcdm convention: ``1`` benefit, ``-1`` cost."""
        return np.array([1 if c.kind == BENEFIT else -1 for c in self.criteria])

    def as_dict(self) -> dict:
        return {
            "technologies": list(self.technologies),
            "criteria": [c.as_dict() for c in self.criteria],
            "values": self.values.tolist(),
        }


def validate_weights(
    weights: Mapping[str, float] | Sequence[float] | np.ndarray,
    criteria: Sequence[Criterion] | Sequence[str],
    *,
    normalise: bool = False,
) -> np.ndarray:
    """Check study weights and return them as an array in criterion order.

    ``weights`` is either a mapping ``{criterion name: weight}`` (exactly one per criterion) or a
    sequence in criterion order. Weights must be finite and non-negative with a positive total. They
    must sum to 1 (within :data:`WEIGHT_SUM_TOLERANCE`) unless ``normalise=True``, in which case they
    are divided by their sum (e.g. raw points from an expert panel).
    """
    names = [c.name if isinstance(c, Criterion) else str(c) for c in criteria]
    if isinstance(weights, Mapping):
        missing = [n for n in names if n not in weights]
        extra = [k for k in weights if k not in names]
        if missing or extra:
            raise ValueError(f"one weight per criterion is needed; missing {missing}, unknown {extra}")
        w = np.array([float(weights[n]) for n in names])
    else:
        w = np.asarray(weights, dtype=float)
        if w.ndim != 1 or w.size != len(names):
            raise ValueError(f"{w.size} weights given for {len(names)} criteria")
    if not np.all(np.isfinite(w)):
        raise ValueError("weights must be finite")
    if np.any(w < 0):
        raise ValueError("weights must be non-negative")
    total = float(w.sum())
    if total <= 0:
        raise ValueError("at least one weight must be positive")
    if abs(total - 1.0) > WEIGHT_SUM_TOLERANCE and not normalise:
        raise ValueError(f"weights must sum to 1 (they sum to {total:.6g}); pass normalise=True to rescale")
    return w / total


def rank_scores(scores: Sequence[float] | np.ndarray, tol: float = TIE_TOLERANCE) -> np.ndarray:
    """Rank 1 = highest score; ties (scores within ``tol``) share the best rank ("1, 2, 2, 4")."""
    s = np.asarray(scores, dtype=float)
    return np.array([1 + int(np.sum(s > x + tol)) for x in s], dtype=int)


@dataclass(frozen=True)
class RankingResult:
    """Scores (higher is better) and ranks of one method."""

    method: str
    technologies: tuple[str, ...]
    scores: tuple[float, ...]
    ranks: tuple[int, ...]
    weights: tuple[float, ...]

    def order(self) -> list[str]:
        """Technologies best first (ties keep matrix order)."""
        idx = sorted(range(len(self.technologies)), key=lambda i: (self.ranks[i], i))
        return [self.technologies[i] for i in idx]

    def rank_of(self, technology: str) -> int:
        return self.ranks[self.technologies.index(technology)]

    def ties(self) -> list[list[str]]:
        """Groups of technologies sharing a rank."""
        groups: dict[int, list[str]] = {}
        for t, r in zip(self.technologies, self.ranks, strict=True):
            groups.setdefault(r, []).append(t)
        return [g for _, g in sorted(groups.items()) if len(g) > 1]

    def as_dict(self) -> dict:
        return {
            "method": self.method,
            "weights": list(self.weights),
            "rows": [
                {"technology": t, "score": s, "rank": r}
                for t, s, r in zip(self.technologies, self.scores, self.ranks, strict=True)
            ],
            "order": self.order(),
            "ties": self.ties(),
        }


def minmax_normalise(matrix: DecisionMatrix) -> np.ndarray:
    """Benefit: (x - min)/(max - min); cost: (max - x)/(max - min). A constant column becomes 0 (no effect on ranks)."""
    x = matrix.values
    lo, hi = x.min(axis=0), x.max(axis=0)
    span = hi - lo
    safe = np.where(span > 0, span, 1.0)
    benefit = (x - lo) / safe
    cost = (hi - x) / safe
    out = np.where(matrix.types == 1, benefit, cost)
    return np.where(span > 0, out, 0.0)


def _result(method: str, matrix: DecisionMatrix, w: np.ndarray, scores: np.ndarray) -> RankingResult:
    return RankingResult(
        method=method,
        technologies=matrix.technologies,
        scores=tuple(float(s) for s in scores),
        ranks=tuple(int(r) for r in rank_scores(scores)),
        weights=tuple(float(x) for x in w),
    )


def _weighted_sum_scores(matrix: DecisionMatrix, w: np.ndarray) -> np.ndarray:
    return minmax_normalise(matrix) @ w


def _topsis_scores(matrix: DecisionMatrix, w: np.ndarray) -> np.ndarray:
    """Closeness coefficient D- / (D+ + D-) by pymcdm's TOPSIS with vector normalisation.

    pymcdm normalises a cost column as ``1 - x/||x||``; the distances to the ideal and anti-ideal
    points are the same as in the textbook form (``x/||x||`` with min/max swapped for costs). pymcdm's
    own input validation is bypassed (``validation=False``) because it warns on dominated alternatives
    and rejects zero weights, both legitimate here; :func:`validate_weights` has already run. A column
    of zeros (undefined vector norm) and the degenerate case where all technologies coincide are
    handled here: the column is ignored, and coinciding technologies all get 0.5.
    """
    x = matrix.values
    norms = np.sqrt((x**2).sum(axis=0))
    usable = norms > 0
    if not np.any(usable & (w > 0)):
        return np.full(x.shape[0], 0.5)
    wu = w[usable] / w[usable].sum()
    prefs = TOPSIS(normalization_function=vector_normalization)(
        x[:, usable], wu, matrix.types[usable], validation=False
    )
    prefs = np.asarray(prefs, dtype=float)
    return np.where(np.isfinite(prefs), prefs, 0.5)


_SCORERS: dict[str, Callable[[DecisionMatrix, np.ndarray], np.ndarray]] = {
    "weighted_sum": _weighted_sum_scores,
    "topsis": _topsis_scores,
}
METHODS: tuple[str, ...] = tuple(_SCORERS)


def weighted_sum(matrix: DecisionMatrix, weights: Mapping[str, float] | Sequence[float]) -> RankingResult:
    """Weighted sum of min-max normalised criteria (see :func:`minmax_normalise`)."""
    w = validate_weights(weights, matrix.criteria)
    return _result("weighted_sum", matrix, w, _weighted_sum_scores(matrix, w))


def topsis(matrix: DecisionMatrix, weights: Mapping[str, float] | Sequence[float]) -> RankingResult:
    """TOPSIS closeness coefficient in [0, 1] (see :func:`_topsis_scores`)."""
    w = validate_weights(weights, matrix.criteria)
    return _result("topsis", matrix, w, _topsis_scores(matrix, w))


def rank(matrix: DecisionMatrix, weights: Mapping[str, float] | Sequence[float], method: str) -> RankingResult:
    """Dispatch by method name (one of :data:`METHODS`)."""
    if method not in _SCORERS:
        raise ValueError(f"unknown method {method!r}; choose one of {METHODS}")
    w = validate_weights(weights, matrix.criteria)
    return _result(method, matrix, w, _SCORERS[method](matrix, w))


# --------------------------------------------------------------------------- sensitivity


def _reweight(w: np.ndarray, j: int, factor: float) -> np.ndarray:
    """Multiply weight ``j`` by ``factor`` and renormalise (the other weights keep their ratios)."""
    v = w.copy()
    v[j] *= factor
    return v / v.sum()


@dataclass(frozen=True)
class RankChange:
    """The first point, moving away from the study weight, at which a technology changes rank.

    ``factor`` multiplies the criterion's study weight before renormalisation; ``weight`` is the
    criterion's renormalised weight at that point (refined by bisection between grid points, so it
    is the switch point to ``tol``, not just the next grid value). ``new_rank`` is the rank just past
    the switch point.
    """

    criterion: str
    technology: str
    direction: Literal["decrease", "increase"]
    factor: float
    weight: float
    base_rank: int
    new_rank: int

    def as_dict(self) -> dict:
        return {
            "criterion": self.criterion,
            "technology": self.technology,
            "direction": self.direction,
            "factor": self.factor,
            "weight": self.weight,
            "base_rank": self.base_rank,
            "new_rank": self.new_rank,
        }


@dataclass(frozen=True)
class CriterionSensitivity:
    """Ranks over the weight grid of one criterion."""

    criterion: str
    base_weight: float
    factors: tuple[float, ...]
    weights: tuple[float, ...]
    ranks: tuple[tuple[int, ...], ...]  # one tuple of ranks (in technology order) per grid point
    changes: tuple[RankChange, ...]

    @property
    def stable(self) -> bool:
        return not self.changes

    def as_dict(self) -> dict:
        return {
            "criterion": self.criterion,
            "base_weight": self.base_weight,
            "grid": [
                {"factor": f, "weight": w, "ranks": list(r)}
                for f, w, r in zip(self.factors, self.weights, self.ranks, strict=True)
            ],
            "stable": self.stable,
            "changes": [c.as_dict() for c in self.changes],
        }


@dataclass(frozen=True)
class SensitivityResult:
    method: str
    technologies: tuple[str, ...]
    base: RankingResult
    span: float
    criteria: tuple[CriterionSensitivity, ...] = field(default_factory=tuple)

    def changes(self) -> list[RankChange]:
        return [c for cs in self.criteria for c in cs.changes]

    def as_dict(self) -> dict:
        return {
            "method": self.method,
            "span": self.span,
            "base": self.base.as_dict(),
            "criteria": [c.as_dict() for c in self.criteria],
        }


def weight_sensitivity(
    matrix: DecisionMatrix,
    weights: Mapping[str, float] | Sequence[float],
    *,
    method: str = "weighted_sum",
    span: float = 0.5,
    steps: int = 21,
    tol: float = 1e-6,
) -> SensitivityResult:
    """One-at-a-time sensitivity of the ranking to each criterion's weight.

    For each criterion its study weight is multiplied by factors on ``linspace(1 - span, 1 + span,
    steps)`` (default ±50 %) and all weights are renormalised to sum to 1. For every technology whose
    rank differs somewhere on the grid, the first switch point on each side of the study weight is
    reported (:class:`RankChange`), refined by bisection on the factor to ``tol``. A criterion with
    zero study weight stays at zero and is reported as stable.
    """
    if method not in _SCORERS:
        raise ValueError(f"unknown method {method!r}; choose one of {METHODS}")
    if not 0 < span < 1:
        raise ValueError("span must be in (0, 1) so that weights stay non-negative")
    if steps < 3:
        raise ValueError("steps must be at least 3")
    w = validate_weights(weights, matrix.criteria)
    scorer = _SCORERS[method]
    base = _result(method, matrix, w, scorer(matrix, w))
    base_ranks = np.array(base.ranks)

    def ranks_at(j: int, factor: float) -> np.ndarray:
        return rank_scores(scorer(matrix, _reweight(w, j, factor)))

    factors = np.linspace(1 - span, 1 + span, steps)
    out = []
    for j, crit in enumerate(matrix.criteria):
        grid_ranks = [ranks_at(j, f) for f in factors]
        by_factor = dict(zip(factors.tolist(), grid_ranks, strict=True))
        changes: list[RankChange] = []
        for direction, side in (("decrease", factors[factors < 1][::-1]), ("increase", factors[factors > 1])):
            for i, tech in enumerate(matrix.technologies):
                inside = 1.0
                for f in side.tolist():
                    r = by_factor[f]
                    if r[i] != base_ranks[i]:
                        lo, hi = inside, float(f)
                        while abs(hi - lo) > tol:
                            mid = 0.5 * (lo + hi)
                            if ranks_at(j, mid)[i] == base_ranks[i]:
                                lo = mid
                            else:
                                hi = mid
                        new_rank = int(ranks_at(j, hi)[i])
                        changes.append(
                            RankChange(
                                criterion=crit.name,
                                technology=tech,
                                direction=direction,
                                factor=hi,
                                weight=float(_reweight(w, j, hi)[j]),
                                base_rank=int(base_ranks[i]),
                                new_rank=new_rank,
                            )
                        )
                        break
                    inside = float(f)
        out.append(
            CriterionSensitivity(
                criterion=crit.name,
                base_weight=float(w[j]),
                factors=tuple(float(f) for f in factors),
                weights=tuple(float(_reweight(w, j, f)[j]) for f in factors),
                ranks=tuple(tuple(int(x) for x in r) for r in grid_ranks),
                changes=tuple(changes),
            )
        )
    return SensitivityResult(method=method, technologies=matrix.technologies, base=base, span=span, criteria=tuple(out))


# --------------------------------------------------------------------------- agreement


@dataclass(frozen=True)
class MethodAgreement:
    """Spearman's rho between the scores of two methods (``None`` when undefined, e.g. constant scores)."""

    method_a: str
    method_b: str
    rho: float | None
    same_order: bool

    def as_dict(self) -> dict:
        return {"method_a": self.method_a, "method_b": self.method_b, "rho": self.rho, "same_order": self.same_order}


def method_agreement(results: Sequence[RankingResult]) -> list[MethodAgreement]:
    """Pairwise Spearman rank correlation (scipy, average ranks for ties) between methods."""
    out = []
    for a, b in combinations(results, 2):
        if a.technologies != b.technologies:
            raise ValueError("results must rank the same technologies in the same order")
        rho: float | None = None
        if len(a.scores) >= 2 and np.ptp(a.scores) > 0 and np.ptp(b.scores) > 0:
            rho = float(spearmanr(a.scores, b.scores).statistic)
        out.append(MethodAgreement(a.method, b.method, rho, a.ranks == b.ranks))
    return out


@dataclass(frozen=True)
class RankingReport:
    """Results of several methods on one matrix with their agreement."""

    matrix: DecisionMatrix
    results: tuple[RankingResult, ...]
    agreement: tuple[MethodAgreement, ...]

    def result(self, method: str) -> RankingResult:
        for r in self.results:
            if r.method == method:
                return r
        raise KeyError(method)

    def as_dict(self) -> dict:
        return {
            "matrix": self.matrix.as_dict(),
            "results": [r.as_dict() for r in self.results],
            "agreement": [a.as_dict() for a in self.agreement],
        }


def rank_technologies(
    matrix: DecisionMatrix,
    weights: Mapping[str, float] | Sequence[float],
    methods: Sequence[str] = METHODS,
) -> RankingReport:
    """Rank with each method and report pairwise agreement."""
    results = tuple(rank(matrix, weights, m) for m in methods)
    return RankingReport(matrix=matrix, results=results, agreement=tuple(method_agreement(results)))
