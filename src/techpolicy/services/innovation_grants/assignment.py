"""The assignment of grant applications to the experts of the independent economic and technological
expertise (003.a27.p2.a3, "003 a.27(2) third indent": domestic and foreign experts; reading R-F2:
a panel has at least one domestic and at least one foreign expert).

`solve` is the optimal assignment, a 0-1 programme solved by HiGHS through `scipy.optimize.milp`:

    maximise    sum affinity(e, a) * x[a, e]
    subject to  sum_e x[a, e]            == panel_size(a)   for every application a
                sum_{e domestic} x[a, e] >= min_domestic(a)
                sum_{e foreign}  x[a, e] >= min_foreign(a)
                sum_a x[a, e]            <= capacity(e)     for every expert e
                x[a, e] in {0, 1}

A variable x[a, e] exists only for a pair without a conflict (`conflicts.conflicted_pairs`) and an
expert with capacity: a forbidden pair is not a constraint, it is simply absent, so the model stays
sparse and no solver tolerance can ever seat a conflicted expert. Before the solver, the candidates
of each application are counted; an application with fewer candidates than its panel, or fewer
domestic or foreign candidates than its minimums, makes the instance infeasible and is named with a
reason code (`PROBLEMS`), and so do the totals of capacity. Only when those counts pass and HiGHS
still finds no solution is the answer the general "solver_infeasible".

Large pools: with every pair a variable (2 000 applications x 500 experts: about 950 000 binaries)
HiGHS needs about a minute, most of it presolve and the root relaxation. `solve(..., top_k=K)`
keeps each application's K best candidates (and the best K/2 of each group), prices the pairs left
out against the relaxation's duals, adds back those that could improve it, and certifies the
result against a Lagrangian bound over all the pairs; on the benchmark's pool K=10 gives the exact
optimum, certified, in about 7 s. (The constraint matrix is a network matrix, so the relaxation is
tight and HiGHS closes it at the root; the certificate does not rely on that.)

`greedy` is the baseline: it never claims optimality and may leave panels short. `check` verifies
every constraint of an assignment and is what the tests and the service run before saving.

No Django here (the benchmark and the command line use it without a site).
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from .conflicts import ApplicationProfile, ExpertProfile, conflicted_pairs

REQUIREMENT = "003.a27.p2.a3"
CITATION = "003 a.27(2) third indent"
# "partial" is the greedy baseline's alone: it stopped with panels short, which says nothing about
# whether a full assignment exists (only `solve` may answer "infeasible").
STATUSES = ("optimal", "feasible", "infeasible", "time_limit", "partial")

# Bounds of the evidence (a JSON document kept with the decision): every count is always complete,
# the lists stop at these many items and say how many were not shown. 20 000 seats cover the
# benchmark's 2 000 applications x 3 with room; the pool and the list of applications of one call
# are far below 10 000 in practice.
MAX_EVIDENCE_EXPERTS = 10_000
MAX_EVIDENCE_APPLICATIONS = 10_000
MAX_EVIDENCE_FORBIDDEN = 10_000
MAX_EVIDENCE_SEATS = 20_000
MAX_EVIDENCE_PROBLEMS = 1_000
# The affinity matrix is built this many applications at a time, so its memory is bounded by
# BLOCK x experts floats whatever the number of applications.
BLOCK = 512
OBJECTIVE_TOLERANCE = 1e-6
# The pricing of pruned pairs (`solve` with top_k): rounds at most, a pair is added back when its
# reduced cost is below -PRICE_TOLERANCE, the pruned answer is certified optimal when it is within
# CERTIFY_TOLERANCE (relative) of the Lagrangian bound. The relaxation is solved by HiGHS's interior
# point method: on the benchmark's pool it is about twice as fast as the simplex here, and its duals
# need not be exact, since the certificate is the Lagrangian bound, valid for any duals.
MAX_PRICING_ROUNDS = 10
PRICE_TOLERANCE = 1e-9
CERTIFY_TOLERANCE = 1e-7
LP_METHOD = "highs-ipm"

PROBLEMS: dict[str, dict[str, str]] = {
    "too_few_candidates": {
        "kk": "{application} өтінім: мүдделер қақтығысы жоқ сарапшылар саны {available}, панельге {needed} қажет.",
        "ru": "Заявка {application}: экспертов без конфликта интересов {available}, для панели нужно {needed}.",
        "en": "Application {application}: {available} experts without a conflict, the panel needs {needed}.",
    },
    "too_few_domestic": {
        "kk": "{application} өтінім: мүдделер қақтығысы жоқ отандық сарапшылар саны {available}, "
              "кемінде {needed} қажет.",
        "ru": "Заявка {application}: отечественных экспертов без конфликта интересов {available}, "
              "нужно не менее {needed}.",
        "en": "Application {application}: {available} domestic experts without a conflict, at least {needed} needed.",
    },
    "too_few_foreign": {
        "kk": "{application} өтінім: мүдделер қақтығысы жоқ шетелдік сарапшылар саны {available}, "
              "кемінде {needed} қажет.",
        "ru": "Заявка {application}: зарубежных экспертов без конфликта интересов {available}, "
              "нужно не менее {needed}.",
        "en": "Application {application}: {available} foreign experts without a conflict, at least {needed} needed.",
    },
    "capacity_short": {
        "kk": "Сарапшылар барлығы {available} орынға дейін ала алады, панельдерге {needed} орын қажет.",
        "ru": "Эксперты могут занять всего {available} мест, панелям нужно {needed}.",
        "en": "The experts can take {available} seats in all, the panels need {needed}.",
    },
    "domestic_capacity_short": {
        "kk": "Отандық сарапшылар барлығы {available} орынға дейін ала алады, ең аз талаптарға {needed} қажет.",
        "ru": "Отечественные эксперты могут занять всего {available} мест, минимумам нужно {needed}.",
        "en": "The domestic experts can take {available} seats in all, the minimums need {needed}.",
    },
    "foreign_capacity_short": {
        "kk": "Шетелдік сарапшылар барлығы {available} орынға дейін ала алады, ең аз талаптарға {needed} қажет.",
        "ru": "Зарубежные эксперты могут занять всего {available} мест, минимумам нужно {needed}.",
        "en": "The foreign experts can take {available} seats in all, the minimums need {needed}.",
    },
    "solver_infeasible": {
        "kk": "Әр өтінімнің үміткерлері жеткілікті, бірақ сарапшылардың жүктемесі мен мүдделер қақтығысы "
              "ескерілгенде барлық панельді толтыратын бөлу жоқ.",
        "ru": "У каждой заявки достаточно кандидатов, но с учётом загрузки экспертов и конфликтов интересов "
              "ни одно распределение не заполняет все панели.",
        "en": "Every application has enough candidates, but with the experts' capacities and the conflicts "
              "no assignment fills every panel.",
    },
    "time_limit": {
        "kk": "Шешуші {seconds} с ішінде ешбір бөлу таппады.",
        "ru": "Решатель не нашёл ни одного распределения за {seconds} с.",
        "en": "The solver found no assignment within {seconds} s.",
    },
    "panel_short": {
        "kk": "{application} өтінім: панельде {needed} сарапшының {seated} ғана бар "
              "(отандық {domestic}, кемінде {min_domestic}; шетелдік {foreign}, кемінде {min_foreign}).",
        "ru": "Заявка {application}: в панели {seated} из {needed} экспертов "
              "(отечественных {domestic}, не менее {min_domestic}; зарубежных {foreign}, не менее {min_foreign}).",
        "en": "Application {application}: the panel has {seated} of {needed} experts "
              "({domestic} domestic, at least {min_domestic}; {foreign} foreign, at least {min_foreign}).",
    },
}

VIOLATIONS: dict[str, dict[str, str]] = {
    "unknown_application": {"kk": "Белгісіз өтінім", "ru": "Неизвестная заявка", "en": "Unknown application"},
    "unknown_expert": {"kk": "Белгісіз сарапшы", "ru": "Неизвестный эксперт", "en": "Unknown expert"},
    "duplicate_seat": {"kk": "Сарапшы бір панельде екі рет", "ru": "Эксперт дважды в одной панели",
                       "en": "The expert sits twice on one panel"},
    "conflict": {"kk": "Мүдделер қақтығысы бар сарапшы", "ru": "Эксперт с конфликтом интересов",
                 "en": "An expert with a conflict of interest"},
    "over_capacity": {"kk": "Сарапшының жүктемесінен асып кетті", "ru": "Превышена загрузка эксперта",
                      "en": "The expert's capacity is exceeded"},
    "panel_size": {"kk": "Панель құрамы дұрыс емес", "ru": "Неверный состав панели",
                   "en": "The panel has the wrong number of experts"},
    "min_domestic": {"kk": "Отандық сарапшылар жеткіліксіз", "ru": "Недостаточно отечественных экспертов",
                     "en": "Too few domestic experts"},
    "min_foreign": {"kk": "Шетелдік сарапшылар жеткіліксіз", "ru": "Недостаточно зарубежных экспертов",
                    "en": "Too few foreign experts"},
    "short_mismatch": {"kk": "Толық емес панельдер тізімі дұрыс емес",
                       "ru": "Список неполных панелей неверен",
                       "en": "The list of short panels is wrong"},
    "status": {"kk": "Күй нәтижеге сәйкес емес", "ru": "Статус не соответствует результату",
               "en": "The status does not match the result"},
    "objective": {"kk": "Мақсат функциясының мәні орындар бойынша қосындыға тең емес",
                  "ru": "Значение цели не равно сумме по местам",
                  "en": "The objective is not the sum over the seats"},
}


def affinity(expert: ExpertProfile, application: ApplicationProfile) -> float:
    """How well the expert's fields match the application's: the Jaccard index |E & A| / |E | A|
    (0 when both are empty).

    Why Jaccard and not the plain count of common fields: the count rewards an expert who lists
    every direction (a generalist would top every panel), while Jaccard divides by the union, so a
    long list only helps where it is relevant. It is also bounded in [0, 1], so every seat weighs the
    same at most and an application with many fields does not outweigh the others in the total."""
    union = len(expert.fields | application.fields)
    return len(expert.fields & application.fields) / union if union else 0.0


@dataclass(frozen=True)
class Problem:
    """Why an application (or the whole instance, `application` None) cannot be covered; the figures
    fill the message of `PROBLEMS[code]`."""

    code: str
    application: int | None = None
    figures: tuple[tuple[str, int | float], ...] = ()

    def message(self, lang: str = "en") -> str:
        return PROBLEMS[self.code][lang].format(application=self.application, **dict(self.figures))

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "application": self.application, **dict(self.figures),
                "message": {lang: self.message(lang) for lang in ("kk", "ru", "en")}}


@dataclass(frozen=True)
class Violation:
    """A constraint an assignment breaks (`check`)."""

    code: str
    application: int | None = None
    expert: int | None = None
    detail: str = ""

    def __str__(self) -> str:
        where = "".join(f" {name}={value}" for name, value in (("application", self.application),
                                                                ("expert", self.expert)) if value is not None)
        return f"{self.code}{where}{': ' + self.detail if self.detail else ''}"


@dataclass(frozen=True)
class _Inputs:
    experts: tuple[ExpertProfile, ...]
    applications: tuple[ApplicationProfile, ...]
    conflicts: Mapping[tuple[int, int], str]
    options: dict[str, Any]
    model: dict[str, Any]


@dataclass(frozen=True)
class Assignment:
    """A result. `status`: "optimal" (HiGHS proved it optimal within its relative gap, or the pruned
    model's answer reached the bound over all pairs), "feasible" (a valid assignment not proven
    optimal: the time limit stopped the search, the model was pruned to the top candidates without
    a certificate, or it is the greedy baseline with every panel full), "infeasible" (no
    assignment exists; `problems` says why), "time_limit" (no assignment found in time) or, for the
    greedy baseline only, "partial" (panels short, listed in `short` and `problems`). `seats` are
    (application id, expert id); `short` the applications whose panel is
    not full and valid (all of them when there are no seats)."""

    status: str
    objective: float | None
    seats: tuple[tuple[int, int], ...]
    short: tuple[int, ...]
    seconds: float
    method: str = "milp"
    problems: tuple[Problem, ...] = ()
    inputs: _Inputs | None = field(default=None, repr=False, compare=False)

    def panels(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        for application, expert in self.seats:
            found.setdefault(application, []).append(expert)
        return found

    def evidence(self) -> dict[str, Any]:
        """A JSON-ready record of what the solver was given and what it answered: the experts
        (country, capacity, fields), the applications (panel size and minimums), the forbidden pairs
        (count by reason and the list), the options and the result. Each list stops at its MAX_EVIDENCE_*
        bound and says how many it left out; the counts are always complete."""
        result = {
            "status": self.status,
            "objective": self.objective,
            "seconds": round(self.seconds, 4),
            "seats_count": len(self.seats),
            "seats": [list(seat) for seat in self.seats[:MAX_EVIDENCE_SEATS]],
            "seats_not_shown": max(0, len(self.seats) - MAX_EVIDENCE_SEATS),
            "short": list(self.short[:MAX_EVIDENCE_APPLICATIONS]),
            "short_count": len(self.short),
            "problems": [problem.as_dict() for problem in self.problems[:MAX_EVIDENCE_PROBLEMS]],
            "problems_not_shown": max(0, len(self.problems) - MAX_EVIDENCE_PROBLEMS),
        }
        document: dict[str, Any] = {"requirement": REQUIREMENT, "citation": CITATION, "method": self.method,
                                    "result": result}
        if self.inputs is None:
            return document
        inputs = self.inputs
        experts = sorted(inputs.experts, key=lambda e: e.id)
        applications = sorted(inputs.applications, key=lambda a: a.id)
        forbidden = sorted(inputs.conflicts.items())
        document.update({
            "experts_count": len(experts),
            "experts": [{"id": e.id, "country": e.country, "domestic": e.domestic, "capacity": e.capacity,
                         "fields": sorted(e.fields)} for e in experts[:MAX_EVIDENCE_EXPERTS]],
            "experts_not_shown": max(0, len(experts) - MAX_EVIDENCE_EXPERTS),
            "applications_count": len(applications),
            "applications": [{"id": a.id, "fields": sorted(a.fields), "panel_size": a.panel_size,
                              "min_domestic": a.min_domestic, "min_foreign": a.min_foreign}
                             for a in applications[:MAX_EVIDENCE_APPLICATIONS]],
            "applications_not_shown": max(0, len(applications) - MAX_EVIDENCE_APPLICATIONS),
            "forbidden": {
                "count": len(forbidden),
                "by_reason": dict(sorted(Counter(inputs.conflicts.values()).items())),
                "pairs": [{"application": a, "expert": e, "reason": reason}
                          for (a, e), reason in forbidden[:MAX_EVIDENCE_FORBIDDEN]],
                "not_shown": max(0, len(forbidden) - MAX_EVIDENCE_FORBIDDEN),
            },
            "options": dict(inputs.options),
            "model": dict(inputs.model),
        })
        return document


# --- candidates --------------------------------------------------------------------------------


@dataclass
class _Candidates:
    """The non-conflicted pairs of experts with capacity, as parallel arrays of indices into the
    input sequences, with their affinity and the expert's group (domestic or not); and per
    application the counts of candidates."""

    app: np.ndarray
    expert: np.ndarray
    weight: np.ndarray
    domestic: np.ndarray
    total: np.ndarray
    total_domestic: np.ndarray

    @property
    def total_foreign(self) -> np.ndarray:
        return self.total - self.total_domestic

    def subset(self, keep: np.ndarray) -> _Candidates:
        return _Candidates(self.app[keep], self.expert[keep], self.weight[keep], self.domestic[keep],
                           self.total, self.total_domestic)


def _check_ids(experts: Sequence[ExpertProfile], applications: Sequence[ApplicationProfile]) -> None:
    for name, items in (("expert", experts), ("application", applications)):
        seen = Counter(item.id for item in items)
        twice = sorted(i for i, n in seen.items() if n > 1)
        if twice:
            raise ValueError(f"{name} ids must be unique; repeated: {twice[:10]}")


def _incidence(items: Sequence[ExpertProfile | ApplicationProfile], vocabulary: dict[str, int]) -> sparse.csr_array:
    rows, cols = [], []
    for i, item in enumerate(items):
        for name in item.fields:
            rows.append(i)
            cols.append(vocabulary[name])
    data = np.ones(len(rows), dtype=np.float64)
    return sparse.csr_array((data, (rows, cols)), shape=(len(items), max(1, len(vocabulary))))


def _candidates(experts: Sequence[ExpertProfile], applications: Sequence[ApplicationProfile],
                conflicts: Mapping[tuple[int, int], str]) -> _Candidates:
    """All candidate pairs, application by application, experts in input order.

    The affinities are the same Jaccard index as `affinity`, computed as a matrix product of the
    field incidences block by block (same integer counts, same float division)."""
    vocabulary: dict[str, int] = {}
    for item in (*experts, *applications):
        for name in sorted(item.fields):
            vocabulary.setdefault(name, len(vocabulary))
    expert_fields = _incidence(experts, vocabulary)
    app_fields = _incidence(applications, vocabulary)
    expert_sizes = np.array([len(e.fields) for e in experts], dtype=np.float64)
    app_sizes = np.array([len(a.fields) for a in applications], dtype=np.float64)
    has_capacity = np.array([e.capacity > 0 for e in experts], dtype=bool)
    domestic = np.array([e.domestic for e in experts], dtype=bool)
    app_index = {a.id: i for i, a in enumerate(applications)}
    expert_index = {e.id: j for j, e in enumerate(experts)}
    blocked_rows, blocked_cols = [], []
    for (application_id, expert_id) in conflicts:
        i, j = app_index.get(application_id), expert_index.get(expert_id)
        if i is not None and j is not None:
            blocked_rows.append(i)
            blocked_cols.append(j)
    blocked_rows_arr = np.array(blocked_rows, dtype=np.int64)
    blocked_cols_arr = np.array(blocked_cols, dtype=np.int64)

    n_apps, n_experts = len(applications), len(experts)
    apps_out, experts_out, weights_out = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)], [np.zeros(0)]
    total = np.zeros(n_apps, dtype=np.int64)
    dom = np.zeros(n_apps, dtype=np.int64)
    transposed = expert_fields.T.tocsr()
    for start in range(0, n_apps, BLOCK):
        stop = min(n_apps, start + BLOCK)
        inter = (app_fields[start:stop] @ transposed).toarray() if n_experts else np.zeros((stop - start, 0))
        union = app_sizes[start:stop, None] + expert_sizes[None, :] - inter
        weight = np.where(union > 0, inter / np.where(union > 0, union, 1.0), 0.0)
        allowed = np.broadcast_to(has_capacity, weight.shape).copy()
        in_block = (blocked_rows_arr >= start) & (blocked_rows_arr < stop)
        allowed[blocked_rows_arr[in_block] - start, blocked_cols_arr[in_block]] = False
        total[start:stop] = allowed.sum(axis=1)
        dom[start:stop] = (allowed & domestic[None, :]).sum(axis=1)
        rows, cols = np.nonzero(allowed)
        apps_out.append(rows + start)
        experts_out.append(cols)
        weights_out.append(weight[rows, cols])
    expert_arr = np.concatenate(experts_out)
    return _Candidates(app=np.concatenate(apps_out), expert=expert_arr, weight=np.concatenate(weights_out),
                       domestic=domestic[expert_arr], total=total, total_domestic=dom)


def _ranks(keys: np.ndarray, candidates: _Candidates) -> np.ndarray:
    """Each candidate's rank within its group `keys` (0: best affinity; ties to the earlier expert)."""
    order = np.lexsort((candidates.expert, -candidates.weight, keys))
    sorted_keys = keys[order]
    first = np.searchsorted(sorted_keys, sorted_keys, side="left")
    ranks = np.empty(len(keys), dtype=np.int64)
    ranks[order] = np.arange(len(keys)) - first
    return ranks


def _prune(candidates: _Candidates, top_k: int) -> np.ndarray:
    """Which candidates to keep: per application its `top_k` best, plus the best `top_k // 2`
    domestic and the best `top_k // 2` foreign ones (so the group the top list happens to thin out
    keeps enough options for its minimum and for the others' capacity)."""
    half = max(1, top_k // 2)
    by_app = _ranks(candidates.app, candidates)
    by_group = _ranks(candidates.app * 2 + candidates.domestic, candidates)
    return (by_app < top_k) | (by_group < half)


def _prechecks(experts: Sequence[ExpertProfile], applications: Sequence[ApplicationProfile],
               candidates: _Candidates) -> list[Problem]:
    problems: list[Problem] = []
    for i, a in enumerate(applications):
        for code, available, needed in (("too_few_candidates", candidates.total[i], a.panel_size),
                                        ("too_few_domestic", candidates.total_domestic[i], a.min_domestic),
                                        ("too_few_foreign", candidates.total_foreign[i], a.min_foreign)):
            if available < needed:
                problems.append(Problem(code, a.id, (("available", int(available)), ("needed", needed))))
    seats = sum(a.panel_size for a in applications)
    # An expert can take at most one seat per application, so the usable capacity is capped by the
    # number of applications too.
    cap = [min(e.capacity, len(applications)) for e in experts]
    for code, available, needed in (
            ("capacity_short", sum(cap), seats),
            ("domestic_capacity_short", sum(c for c, e in zip(cap, experts, strict=True) if e.domestic),
             sum(a.min_domestic for a in applications)),
            ("foreign_capacity_short", sum(c for c, e in zip(cap, experts, strict=True) if not e.domestic),
             sum(a.min_foreign for a in applications))):
        if available < needed:
            problems.append(Problem(code, None, (("available", available), ("needed", needed))))
    return problems


# --- the optimal assignment --------------------------------------------------------------------


def solve(experts: Sequence[ExpertProfile], applications: Sequence[ApplicationProfile], time_limit: float = 30.0,
          *, mip_rel_gap: float | None = None, top_k: int | None = None, price: bool = True,
          conflicts: Mapping[tuple[int, int], str] | None = None) -> Assignment:
    """The assignment of maximal total affinity (module docstring for the model). `time_limit`
    bounds the solver calls in seconds; `mip_rel_gap` goes to HiGHS (None: its default, 1e-4);
    `conflicts` may be passed when already computed.

    `top_k` (None: the exact model with every candidate pair) keeps only each application's best
    candidates (`_prune`). With `price`, it then prices the pairs left out against the duals of the
    pruned linear relaxation (`_reduced_costs`) and adds back every pair that could improve it,
    until none can (at most MAX_PRICING_ROUNDS rounds). The 0-1 programme is solved on the pairs
    kept. The duals of the last round give an upper bound of the exact model over all the pairs
    (`_lagrangian_bound`); an answer that reaches it is optimal for the exact model, so the status
    is "optimal" (`model.certified`), otherwise "feasible" (always so without `price`). If the
    pruned model is infeasible the exact one is solved instead: pruning is never the reason an
    instance is called infeasible."""
    started = time.perf_counter()
    experts, applications = tuple(experts), tuple(applications)
    _check_ids(experts, applications)
    if conflicts is None:
        conflicts = conflicted_pairs(experts, applications)
    options: dict[str, Any] = {"solver": f"HiGHS (scipy.optimize.milp, scipy {scipy.__version__})",
                               "time_limit": time_limit, "mip_rel_gap": mip_rel_gap, "top_k": top_k}
    candidates = _candidates(experts, applications, conflicts)
    model: dict[str, Any] = {"candidate_pairs": len(candidates.app), "pruned_pairs": 0}
    inputs = _Inputs(experts, applications, conflicts, options, model)
    all_ids = tuple(a.id for a in applications)

    def left() -> float:
        return max(0.5, time_limit - (time.perf_counter() - started))

    problems = _prechecks(experts, applications, candidates)
    if problems:
        return Assignment("infeasible", None, (), all_ids, time.perf_counter() - started, "milp",
                          tuple(problems), inputs)
    if not applications:
        return Assignment("optimal", 0.0, (), (), time.perf_counter() - started, "milp", (), inputs)

    used, bound, certified = candidates, None, False
    if top_k is not None:
        keep = _prune(candidates, top_k)
        model["pairs_pruned_first"] = int((~keep).sum())
        rounds, added = 0, 0
        while price and rounds < MAX_PRICING_ROUNDS:
            rounds += 1
            duals = _duals(experts, applications, candidates.subset(keep), left())
            if duals is None:
                break
            reduced = _reduced_costs(applications, candidates, duals)
            bound = _lagrangian_bound(experts, applications, candidates, duals, reduced)
            improving = ~keep & (reduced < -PRICE_TOLERANCE)
            if not improving.any():
                break
            added += int(improving.sum())
            keep |= improving
        model.update({"pricing_rounds": rounds, "pairs_added_back": added, "upper_bound": bound})
        used = candidates.subset(keep)
        model["pruned_pairs"] = len(candidates.app) - len(used.app)
    result = _milp(experts, applications, used, left(), mip_rel_gap, model)
    if result.status == 2 and used is not candidates:
        # Infeasible only because of the pruning: solve the exact model with the time left.
        model["pruned_model_infeasible"] = True
        used, certified, model["pruned_pairs"] = candidates, False, 0
        result = _milp(experts, applications, used, left(), mip_rel_gap, model)
    seconds = time.perf_counter() - started
    model["solver_status"] = int(result.status)
    model["solver_message"] = str(result.message)

    if result.status == 2:
        return Assignment("infeasible", None, (), all_ids, seconds, "milp", (Problem("solver_infeasible"),), inputs)
    if result.x is None:
        status = "time_limit" if result.status == 1 else "infeasible"
        problem = Problem("time_limit", None, (("seconds", time_limit),)) if status == "time_limit" else Problem(
            "solver_infeasible")
        return Assignment(status, None, (), all_ids, seconds, "milp", (problem,), inputs)
    chosen = np.flatnonzero(result.x > 0.5)
    seats = tuple(sorted((applications[used.app[k]].id, experts[used.expert[k]].id) for k in chosen))
    objective = float(math.fsum(used.weight[chosen]))
    if used is candidates:
        status = "optimal" if result.status == 0 else "feasible"
    else:
        # Any duals give an upper bound of the exact model (`_lagrangian_bound`): an answer that
        # reaches it is optimal whatever was pruned.
        certified = bound is not None and bound - objective <= CERTIFY_TOLERANCE * max(1.0, abs(objective))
        status = "optimal" if certified else "feasible"
        model["certified"] = certified
    model["mip_gap"] = None if getattr(result, "mip_gap", None) is None else float(result.mip_gap)
    model["dual_bound"] = None if getattr(result, "mip_dual_bound", None) is None else -float(result.mip_dual_bound)
    return Assignment(status, objective, seats, (), seconds, "milp", (), inputs)


def _rows(experts: Sequence[ExpertProfile], applications: Sequence[ApplicationProfile], candidates: _Candidates):
    """The constraint matrix and its row bounds. Rows: [0, A) the panel size of each application;
    [A, 2A) its domestic minimum; [2A, 3A) its foreign minimum; [3A, 3A + E) each expert's capacity."""
    n = len(candidates.app)
    n_apps, n_experts = len(applications), len(experts)
    columns = np.arange(n)
    dom = candidates.domestic
    rows = np.concatenate([candidates.app, n_apps + candidates.app[dom], 2 * n_apps + candidates.app[~dom],
                           3 * n_apps + candidates.expert])
    cols = np.concatenate([columns, columns[dom], columns[~dom], columns])
    matrix = sparse.csr_array((np.ones(len(rows)), (rows, cols)), shape=(3 * n_apps + n_experts, n))
    return (matrix, *_row_bounds(experts, applications))


def _row_bounds(experts: Sequence[ExpertProfile],
                applications: Sequence[ApplicationProfile]) -> tuple[np.ndarray, np.ndarray]:
    panel = np.array([a.panel_size for a in applications], dtype=np.float64)
    lower = np.concatenate([panel,
                            np.array([a.min_domestic for a in applications], dtype=np.float64),
                            np.array([a.min_foreign for a in applications], dtype=np.float64),
                            np.zeros(len(experts))])
    upper = np.concatenate([panel, np.full(2 * len(applications), np.inf),
                            np.array([e.capacity for e in experts], dtype=np.float64)])
    return lower, upper


def _milp(experts: Sequence[ExpertProfile], applications: Sequence[ApplicationProfile], candidates: _Candidates,
          time_limit: float, mip_rel_gap: float | None, model: dict[str, Any]):
    matrix, lower, upper = _rows(experts, applications, candidates)
    n = len(candidates.app)
    model.update({"variables": n, "constraints": int(matrix.shape[0]), "nonzeros": int(matrix.nnz)})
    options: dict[str, Any] = {"time_limit": float(time_limit), "disp": False}
    if mip_rel_gap is not None:
        options["mip_rel_gap"] = float(mip_rel_gap)
    return milp(c=-candidates.weight, constraints=LinearConstraint(matrix, lower, upper),
                integrality=np.ones(n), bounds=Bounds(0.0, 1.0), options=options)


def _duals(experts: Sequence[ExpertProfile], applications: Sequence[ApplicationProfile], candidates: _Candidates,
           time_limit: float) -> np.ndarray | None:
    """The duals of the linear relaxation on these candidates, one per row of `_rows`, as
    d(optimum)/d(right-hand side) of the minimised -affinity in the row's own orientation; None if
    it is infeasible or not solved in time."""
    matrix, lower, upper = _rows(experts, applications, candidates)
    n_apps = len(applications)
    # linprog takes A_ub x <= b_ub: the minimums (>=) are negated, the capacities are as they are.
    at_least, at_most = matrix[n_apps:3 * n_apps], matrix[3 * n_apps:]
    result = linprog(-candidates.weight, A_ub=sparse.vstack([-at_least, at_most]).tocsr(),
                     b_ub=np.concatenate([-lower[n_apps:3 * n_apps], upper[3 * n_apps:]]),
                     A_eq=matrix[:n_apps], b_eq=lower[:n_apps], bounds=(0.0, 1.0), method=LP_METHOD,
                     options={"time_limit": float(time_limit)})
    if result.status != 0:
        return None
    inequality = np.asarray(result.ineqlin.marginals)
    return np.concatenate([np.asarray(result.eqlin.marginals), -inequality[:2 * n_apps], inequality[2 * n_apps:]])


def _reduced_costs(applications: Sequence[ApplicationProfile], candidates: _Candidates,
                   duals: np.ndarray) -> np.ndarray:
    """The reduced cost of every candidate pair under the duals: a pair left out (at 0) with a
    negative one would improve the minimised relaxation, so it is added back."""
    n_apps = len(applications)
    group_row = np.where(candidates.domestic, n_apps + candidates.app, 2 * n_apps + candidates.app)
    return -candidates.weight - duals[candidates.app] - duals[group_row] - duals[3 * n_apps + candidates.expert]


def _lagrangian_bound(experts: Sequence[ExpertProfile], applications: Sequence[ApplicationProfile],
                      candidates: _Candidates, duals: np.ndarray, reduced: np.ndarray) -> float:
    """An upper bound of the total affinity of every assignment over ALL the candidate pairs,
    valid for any duals of the right signs (weak duality of the relaxation with 0 <= x <= 1):

        min (-affinity) >= sum_rows dual * rhs + sum_pairs min(0, reduced cost).

    The duals of the minimums must be >= 0 and those of the capacities <= 0; they are clipped so
    (clipping keeps the bound valid), and the reduced costs recomputed if anything was clipped. So
    the certificate does not rest on the accuracy of the LP solver, only on this sum."""
    n_apps = len(applications)
    signed = duals.copy()
    signed[n_apps:3 * n_apps] = np.maximum(signed[n_apps:3 * n_apps], 0.0)
    signed[3 * n_apps:] = np.minimum(signed[3 * n_apps:], 0.0)
    if not np.array_equal(signed, duals):
        reduced = _reduced_costs(applications, candidates, signed)
    lower, upper = _row_bounds(experts, applications)
    rhs = np.concatenate([lower[:3 * n_apps], upper[3 * n_apps:]])
    lower_bound = math.fsum(signed * rhs) + math.fsum(np.minimum(reduced, 0.0))
    return -lower_bound


# --- the baseline ------------------------------------------------------------------------------


def greedy(experts: Sequence[ExpertProfile], applications: Sequence[ApplicationProfile], *,
           conflicts: Mapping[tuple[int, int], str] | None = None) -> Assignment:
    """The baseline: applications in order of fewest candidates first (then by id), each taking its
    best-affinity experts with capacity left: first the best for the domestic minimum, then for the
    foreign minimum, then the best of anyone for the remaining seats. A seat reserved for a minimum
    that no candidate can fill stays empty, so a short panel is always part of a valid one; short
    panels are reported (`short`, `problems`), and the status is "feasible" only if none is short."""
    started = time.perf_counter()
    experts, applications = tuple(experts), tuple(applications)
    _check_ids(experts, applications)
    if conflicts is None:
        conflicts = conflicted_pairs(experts, applications)
    candidates = _candidates(experts, applications, conflicts)
    left = [e.capacity for e in experts]
    is_domestic = [e.domestic for e in experts]
    # Candidates per application, best affinity first, the earlier expert first on a tie.
    order = np.lexsort((candidates.expert, -candidates.weight, candidates.app))
    starts = np.searchsorted(candidates.app[order], np.arange(len(applications) + 1))
    seats: list[tuple[int, int]] = []
    short: list[int] = []
    problems: list[Problem] = []
    weights: list[float] = []
    for i in sorted(range(len(applications)), key=lambda i: (int(candidates.total[i]), applications[i].id)):
        a = applications[i]
        ranked = [(int(candidates.expert[k]), float(candidates.weight[k])) for k in order[starts[i]:starts[i + 1]]]
        taken: set[int] = set()
        domestic_count = foreign_count = 0
        for want, need in ((True, a.min_domestic), (False, a.min_foreign), (None, None)):
            room = need if need is not None else a.panel_size - a.min_domestic - a.min_foreign
            for j, w in ranked:
                if room <= 0:
                    break
                if j in taken or left[j] <= 0 or (want is not None and is_domestic[j] != want):
                    continue
                taken.add(j)
                left[j] -= 1
                room -= 1
                seats.append((a.id, experts[j].id))
                weights.append(w)
                if is_domestic[j]:
                    domestic_count += 1
                else:
                    foreign_count += 1
        if (len(taken) < a.panel_size or domestic_count < a.min_domestic or foreign_count < a.min_foreign):
            short.append(a.id)
            problems.append(Problem("panel_short", a.id, (
                ("seated", len(taken)), ("needed", a.panel_size), ("domestic", domestic_count),
                ("min_domestic", a.min_domestic), ("foreign", foreign_count), ("min_foreign", a.min_foreign))))
    objective = float(math.fsum(weights))
    options = {"method": "greedy: fewest candidates first, best affinity first, minimums first"}
    model = {"candidate_pairs": int(candidates.total.sum())}
    return Assignment("partial" if short else "feasible", objective, tuple(sorted(seats)), tuple(sorted(short)),
                      time.perf_counter() - started, "greedy", tuple(problems),
                      _Inputs(experts, applications, conflicts, options, model))


# --- verification ------------------------------------------------------------------------------


def check(assignment: Assignment, experts: Sequence[ExpertProfile], applications: Sequence[ApplicationProfile],
          conflicts: Mapping[tuple[int, int], str]) -> list[Violation]:
    """Every constraint the assignment breaks (an empty list: it is valid).

    Always: seats name known applications and experts, no expert twice on a panel, no conflicted
    pair, no expert over capacity (so capacity 0 is never seated), no panel over its size, the
    objective is the sum of the seats' affinities. For an application not listed as short: exactly
    panel_size experts and the domestic and foreign minimums. A listed short application must really
    be incomplete, and "optimal"/"feasible" must have no short application."""
    found: list[Violation] = []
    by_expert = {e.id: e for e in experts}
    by_app = {a.id: a for a in applications}
    load: Counter[int] = Counter()
    panels: dict[int, list[int]] = {a.id: [] for a in applications}
    weights: list[float] = []
    for application_id, expert_id in assignment.seats:
        a, e = by_app.get(application_id), by_expert.get(expert_id)
        if a is None:
            found.append(Violation("unknown_application", application_id, expert_id))
        if e is None:
            found.append(Violation("unknown_expert", application_id, expert_id))
        if a is None or e is None:
            continue
        if expert_id in panels[application_id]:
            found.append(Violation("duplicate_seat", application_id, expert_id))
        panels[application_id].append(expert_id)
        load[expert_id] += 1
        if (application_id, expert_id) in conflicts:
            found.append(Violation("conflict", application_id, expert_id, conflicts[(application_id, expert_id)]))
        weights.append(affinity(e, a))
    for expert_id, n in sorted(load.items()):
        if n > by_expert[expert_id].capacity:
            found.append(Violation("over_capacity", None, expert_id, f"{n} > {by_expert[expert_id].capacity}"))
    short = set(assignment.short)
    for application_id in sorted(short - by_app.keys()):
        found.append(Violation("unknown_application", application_id, None, "listed as short"))
    for a in applications:
        panel = panels[a.id]
        domestic = sum(1 for expert_id in panel if by_expert[expert_id].domestic)
        foreign = len(panel) - domestic
        complete = len(panel) == a.panel_size and domestic >= a.min_domestic and foreign >= a.min_foreign
        if len(panel) > a.panel_size:
            found.append(Violation("panel_size", a.id, None, f"{len(panel)} > {a.panel_size}"))
        if a.id in short:
            if complete:
                found.append(Violation("short_mismatch", a.id, None, "listed as short but complete"))
            continue
        if len(panel) < a.panel_size:
            found.append(Violation("panel_size", a.id, None, f"{len(panel)} < {a.panel_size}"))
        if domestic < a.min_domestic:
            found.append(Violation("min_domestic", a.id, None, f"{domestic} < {a.min_domestic}"))
        if foreign < a.min_foreign:
            found.append(Violation("min_foreign", a.id, None, f"{foreign} < {a.min_foreign}"))
    if assignment.status not in STATUSES:
        found.append(Violation("status", None, None, f"unknown status {assignment.status!r}"))
    if assignment.status in ("optimal", "feasible") and short:
        found.append(Violation("status", None, None, f"{assignment.status} with {len(short)} short panels"))
    if assignment.objective is not None:
        total = math.fsum(weights)
        if abs(total - assignment.objective) > OBJECTIVE_TOLERANCE * max(1.0, abs(total)):
            found.append(Violation("objective", None, None, f"{assignment.objective} != {total}"))
    return found
