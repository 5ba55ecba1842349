"""What a technology-forecasting report says, independently of Django (seed 000, paragraph 12).

Paragraph 12(1) of the Methodology approved by Order No. 133/НҚ lists the results of the final stage:
the vision and goals, the list of key (priority) technologies, proposals on priority directions of
innovation grants and of targeted technology programmes, proposals to improve planning documents and
legislation, and recommendations to named state bodies. They go to broad discussion (12(2)) and then
to the HSTC (12(4)). `ReportData` holds those results plus the evidence behind them (trends, Delphi
answers, consensus, radar, scenarios, SWOT) and the discussion summary, in ONE language: a caller
builds one `ReportData` per language it renders.

Sequence fields accept lists and are stored as tuples, so a report is a frozen value. The helpers at
the end build the evidence pieces from the pure modules' results (`trends`, `delphi`, `scenarios`,
`swot`, `ranking`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from techpolicy.forecasting import delphi, ranking, scenarios, swot, trends
from techpolicy.forecasting.report.edits import ListEdit

STAGES: tuple[str, ...] = ("preparatory", "main", "final", "submitted", "approved")
SWOT_QUADRANTS: tuple[str, ...] = (swot.STRENGTH, swot.WEAKNESS, swot.OPPORTUNITY, swot.THREAT)
SCENARIO_KEYS = scenarios.SCENARIO_KEYS


def _floats(values: Iterable[float | None]) -> tuple[float, ...]:
    """Floats, with None (no value) as NaN so charts and tables can show a gap."""
    return tuple(math.nan if v is None else float(v) for v in values)


def _set(obj: object, name: str, value: object) -> None:
    object.__setattr__(obj, name, value)  # normalising a frozen dataclass in __post_init__


@dataclass(frozen=True)
class StudyMeta:
    """The study the report is about; `stage` is one of `STAGES`, `version` the draft's number."""

    number: str
    title: str
    direction: str  # sector or technology direction
    horizon_year: int
    organising_body: str  # the state body that organises the forecast (paragraph 3)
    stage: str
    generated_on: dt.date
    version: int
    is_draft: bool  # True: a draft for discussion (12(2)); False: the approved text

    def __post_init__(self) -> None:
        if self.stage not in STAGES:
            raise ValueError(f"unknown stage {self.stage!r}; expected one of {', '.join(STAGES)}")


@dataclass(frozen=True)
class KeyTechnology:
    """One row of the list of key (priority) technologies; `scores` maps a ranking method to its score
    and `computed` to the rank that method computed (paragraph 11(7)), which the list may depart from."""

    code: str
    name: str
    rank: int
    scores: Mapping[str, float] = field(default_factory=dict)
    computed: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        _set(self, "scores", {str(k): float(v) for k, v in self.scores.items()})
        _set(self, "computed", {str(k): int(v) for k, v in self.computed.items()})


class Recommendation(NamedTuple):
    """A recommendation to a named state body (paragraph 12(1) and 12(3))."""

    body: str
    text: str


class TrendCorrection(NamedTuple):
    """An expert's change of one forecast value (paragraph 8(1)): the model's and the corrected value."""

    year: int
    fitted: float
    corrected: float
    author: str
    reason: str


@dataclass(frozen=True)
class TrendSection:
    """One extrapolated series: observations, the chosen trend on them, and its forecast with interval."""

    name: str
    unit: str
    technology_code: str | None
    observed_years: tuple[float, ...]
    observed_values: tuple[float, ...]
    model: str  # "linear", "exponential" or "logistic" (trends.MODELS)
    fitted_years: tuple[float, ...]
    fitted_values: tuple[float, ...]
    forecast_years: tuple[float, ...]
    point: tuple[float, ...]
    lower: tuple[float, ...]
    upper: tuple[float, ...]
    level: float  # of the prediction interval, e.g. 0.95
    corrections: tuple[TrendCorrection, ...] = ()

    def __post_init__(self) -> None:
        for name in ("observed_years", "observed_values", "fitted_years", "fitted_values", "forecast_years",
                     "point", "lower", "upper"):
            _set(self, name, _floats(getattr(self, name)))
        _set(self, "corrections", tuple(TrendCorrection(*c) for c in self.corrections))
        groups = (("observed_years", "observed_values"), ("fitted_years", "fitted_values"),
                  ("forecast_years", "point", "lower", "upper"))
        for group in groups:
            if len({len(getattr(self, name)) for name in group}) > 1:
                raise ValueError(f"trend {self.name!r}: {', '.join(group)} must have equal lengths")


@dataclass(frozen=True)
class DelphiRound:
    """One round of one question: experts per answer value, with the median and quartiles."""

    label: int  # the round's number as the study numbers it
    counts: Mapping[float, int]
    median: float
    q1: float
    q3: float

    def __post_init__(self) -> None:
        _set(self, "counts", {float(k): int(v) for k, v in sorted(self.counts.items())})
        for name in ("median", "q1", "q3"):
            _set(self, name, _floats([getattr(self, name)])[0])

    @property
    def n(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class DelphiDistribution:
    """The answers to one question about one technology (e.g. "importance"), round by round."""

    technology: str
    question: str
    rounds: tuple[DelphiRound, ...]

    def __post_init__(self) -> None:
        _set(self, "rounds", tuple(self.rounds))


def answer_scale(dist: DelphiDistribution) -> list[float]:
    """The answer values to show: the question's whole short scale (e.g. 1..5), else the values given."""
    given = sorted({v for r in dist.rounds for v in r.counts})
    qtype = delphi.QUESTION_TYPES.get(dist.question.partition(":")[0])
    if qtype and qtype.low is not None and qtype.high is not None and qtype.high - qtype.low <= 10:
        return sorted(set(np.arange(qtype.low, qtype.high + 1).tolist()) | set(given))
    return given


@dataclass(frozen=True)
class ConsensusSeries:
    """Dispersion of one technology's answers per round (same order as `Consensus.rounds`)."""

    technology: str
    rel_iqr: tuple[float, ...]
    iqr: tuple[float, ...]

    def __post_init__(self) -> None:
        _set(self, "rel_iqr", _floats(self.rel_iqr))
        _set(self, "iqr", _floats(self.iqr))


@dataclass(frozen=True)
class Consensus:
    """How the experts converged, round by round, on one question; `kendall_w` per round if known."""

    rounds: tuple[int, ...] = ()
    technologies: tuple[ConsensusSeries, ...] = ()
    kendall_w: tuple[float, ...] | None = None
    question: str = "importance"

    def __post_init__(self) -> None:
        _set(self, "rounds", tuple(int(r) for r in self.rounds))
        _set(self, "technologies", tuple(self.technologies))
        if self.kendall_w is not None:
            _set(self, "kendall_w", _floats(self.kendall_w))


@dataclass(frozen=True)
class RadarPoint:
    """A technology on the radar: Delphi medians of importance, levels (paragraph 11(6)) and year of use."""

    technology: str
    importance: float
    level_vs_leader: float
    level_vs_competitor: float
    readiness_year: float

    def __post_init__(self) -> None:
        for name in ("importance", "level_vs_leader", "level_vs_competitor", "readiness_year"):
            _set(self, name, _floats([getattr(self, name)])[0])


@dataclass(frozen=True)
class ScenarioSeries:
    """The four scenarios of paragraph 11(8) for one technology: scenario key -> values on `years`."""

    technology: str
    years: tuple[float, ...]
    values: Mapping[str, tuple[float, ...]]
    unit: str = ""

    def __post_init__(self) -> None:
        _set(self, "years", _floats(self.years))
        unknown = set(self.values) - set(SCENARIO_KEYS)
        if unknown:
            raise ValueError(f"unknown scenarios {sorted(unknown)}; paragraph 11(8) names {SCENARIO_KEYS}")
        values = {k: _floats(self.values[k]) for k in SCENARIO_KEYS if k in self.values}
        if any(len(v) != len(self.years) for v in values.values()):
            raise ValueError(f"scenarios of {self.technology!r}: every trajectory needs one value per year")
        _set(self, "values", values)


class DiscussionCorrection(NamedTuple):
    """A correction made after the broad discussion (paragraph 12(2)), in draft version `version`."""

    version: int | str
    note: str


@dataclass(frozen=True)
class Discussion:
    """Summary of the broad discussion of paragraph 12(2)."""

    comments: int = 0
    answered: int = 0
    corrections: tuple[DiscussionCorrection, ...] = ()

    def __post_init__(self) -> None:
        _set(self, "corrections", tuple(DiscussionCorrection(*c) for c in self.corrections))


@dataclass(frozen=True)
class ReportData:
    """A whole report in one language: the results of paragraph 12(1), the evidence, the discussion."""

    meta: StudyMeta
    vision: str = ""
    goals: tuple[str, ...] = ()
    key_technologies: tuple[KeyTechnology, ...] = ()
    # Every ranked candidate in the order of `ranking_method`, and where the list departs from it.
    computed_ranking: tuple[KeyTechnology, ...] = ()
    ranking_method: str = ""
    list_edits: tuple[ListEdit, ...] = ()
    grant_directions: tuple[str, ...] = ()
    programme_directions: tuple[str, ...] = ()
    planning_proposals: tuple[str, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    trends: tuple[TrendSection, ...] = ()
    trend_notes: tuple[str, ...] = ()  # series left out of `trends`, each with the reason, in the report's language
    delphi: tuple[DelphiDistribution, ...] = ()
    consensus: Consensus = field(default_factory=Consensus)
    radar: tuple[RadarPoint, ...] = ()
    scenarios: tuple[ScenarioSeries, ...] = ()
    swot: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # quadrant -> technology names
    discussion: Discussion = field(default_factory=Discussion)

    def __post_init__(self) -> None:
        for name in ("goals", "key_technologies", "computed_ranking", "list_edits",
                     "grant_directions", "programme_directions", "planning_proposals",
                     "trends", "trend_notes", "delphi", "radar", "scenarios"):
            _set(self, name, tuple(getattr(self, name)))
        _set(self, "recommendations", tuple(Recommendation(*r) for r in self.recommendations))
        unknown = set(self.swot) - set(SWOT_QUADRANTS)
        if unknown:
            raise ValueError(f"unknown SWOT quadrants {sorted(unknown)}; expected {SWOT_QUADRANTS}")
        _set(self, "swot", {q: tuple(self.swot.get(q, ())) for q in SWOT_QUADRANTS})


# --- building the pieces from the pure modules' results ------------------------------------------


def trend_section(
    name: str,
    unit: str,
    series_years: Sequence[float],
    series_values: Sequence[float],
    forecast: trends.Forecast,
    fit: trends.TrendFit,
    *,
    technology_code: str | None = None,
) -> TrendSection:
    """A trend section from an observed series, its chosen fit and the (possibly corrected) forecast."""
    return TrendSection(
        name=name,
        unit=unit,
        technology_code=technology_code,
        observed_years=series_years,
        observed_values=series_values,
        model=fit.model,
        fitted_years=series_years,
        fitted_values=fit.predict(series_years).tolist(),
        forecast_years=[p.year for p in forecast.points],
        point=[p.value for p in forecast.points],
        lower=[p.lower for p in forecast.points],
        upper=[p.upper for p in forecast.points],
        level=forecast.level,
        corrections=[
            TrendCorrection(c.year, c.original, c.corrected, c.author, c.reason) for c in forecast.corrections
        ],
    )


def _round_labels(values: np.ndarray, rounds: Sequence[int] | None) -> list[int]:
    return list(rounds) if rounds is not None else list(range(1, values.shape[0] + 1))


def delphi_distributions(
    values: np.ndarray,
    items: Sequence[tuple[str, str]],
    rounds: Sequence[int] | None = None,
    *,
    summary: delphi.Summary | None = None,
) -> tuple[DelphiDistribution, ...]:
    """Answer counts per value, medians and quartiles for every (technology, question) item.

    `values` is shaped (rounds, experts, items) with NaN for no answer, as in `delphi.DelphiData`;
    pass `summary` to report competence-weighted medians instead of `delphi.summarize(values)`.
    """
    x = np.asarray(values, dtype=float)
    x = x[None] if x.ndim == 2 else x
    summary = summary if summary is not None else delphi.summarize(x)
    labels = _round_labels(x, rounds)
    out = []
    for i, (technology, question) in enumerate(items):
        per_round = []
        for r, label in enumerate(labels):
            answers = x[r, :, i][~np.isnan(x[r, :, i])]
            found, counts = np.unique(answers, return_counts=True)
            per_round.append(DelphiRound(label, dict(zip(found.tolist(), counts.tolist(), strict=True)),
                                         summary.median[r, i], summary.q1[r, i], summary.q3[r, i]))
        out.append(DelphiDistribution(technology, question, per_round))
    return tuple(out)


def consensus_section(
    values: np.ndarray,
    items: Sequence[tuple[str, str]],
    rounds: Sequence[int] | None = None,
    *,
    question: str = "importance",
    summary: delphi.Summary | None = None,
) -> Consensus:
    """Relative IQR and IQR per round of every technology asked `question`, with Kendall's W over them."""
    x = np.asarray(values, dtype=float)
    x = x[None] if x.ndim == 2 else x
    summary = summary if summary is not None else delphi.summarize(x)
    cols = [i for i, (_, q) in enumerate(items) if q == question]
    series = [ConsensusSeries(items[i][0], summary.rel_iqr[:, i], summary.iqr[:, i]) for i in cols]
    w = delphi.kendall_w(x[:, :, cols]).w if len(cols) >= 2 else None  # W needs at least two items to rank
    return Consensus(_round_labels(x, rounds), series, w, question)


def radar_points(
    values: np.ndarray, items: Sequence[tuple[str, str]], *, round_index: int = -1,
    summary: delphi.Summary | None = None,
) -> tuple[RadarPoint, ...]:
    """Medians of importance, levels vs leader and competitor, and year of use per technology (one round)."""
    summary = summary if summary is not None else delphi.summarize(values)
    medians: dict[str, dict[str, float]] = {}
    for i, (technology, question) in enumerate(items):
        base = question.partition(":")[0]
        # The first question of a kind counts (e.g. the first competitor country asked about).
        medians.setdefault(technology, {}).setdefault(base, float(summary.median[round_index, i]))
    return tuple(
        RadarPoint(technology, m.get("importance", math.nan), m.get("level_vs_leader", math.nan),
                   m.get("level_vs_competitor", math.nan), m.get("year", math.nan))
        for technology, m in medians.items()
    )


def scenario_series(projection: scenarios.ScenarioProjection, unit: str = "") -> tuple[ScenarioSeries, ...]:
    """The four trajectories of each technology of a scenario projection."""
    out = []
    for f in projection.forecasts:
        values = {k: projection.get(f.technology, k).values for k in SCENARIO_KEYS}
        out.append(ScenarioSeries(f.technology, f.years.tolist(), values, unit))
    return tuple(out)


def swot_quadrants(result: swot.SwotResult) -> dict[str, tuple[str, ...]]:
    """Quadrant -> technology names of a SWOT result."""
    return {q: tuple(result.names(q)) for q in SWOT_QUADRANTS}


def key_technologies(
    report: ranking.RankingReport,
    *,
    names: Mapping[str, str] | None = None,
    codes: Mapping[str, str] | None = None,
    method: str | None = None,
) -> tuple[KeyTechnology, ...]:
    """Rows of the key technology list, best first, ranked by `method` (default: the report's first).

    The ranking's technology identifiers are shown through `names` and `codes` when given.
    """
    names, codes = names or {}, codes or {}
    primary = report.result(method) if method else report.results[0]
    rows = []
    for technology in primary.order():
        scores = {r.method: r.scores[r.technologies.index(technology)] for r in report.results}
        computed = {r.method: r.rank_of(technology) for r in report.results}
        rows.append(KeyTechnology(codes.get(technology, technology), names.get(technology, technology),
                                  primary.rank_of(technology), scores, computed))
    return tuple(rows)
