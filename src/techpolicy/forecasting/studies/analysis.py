"""The analysis of a study's main stage (seed 000, paragraphs 11–13): the multi-criteria ranking of the
candidate technologies, the four scenarios of paragraph 11(8) and the SWOT of paragraph 11(6).

The arithmetic is in the pure modules (`ranking`, `scenarios`, `swot`); the inputs are the medians of
the latest closed Delphi round (`delphi_results.StudyAnswers`) and the trend forecasts of the
technologies' indicator series (`evidence.trend_result`, expert corrections applied). The methodology
sets no criteria, weights, assumptions or thresholds: they are the study's settings
(`Study.ranking_weights`, `scenario_assumptions`, `swot_thresholds`), and while one is unset the
result says so instead of using an example.

The decision matrix (a choice of this system, to be documented with the study):

* `importance`: median importance (1–5), benefit;
* `level_vs_leader`: median level against the leader countries (−2..+2), benefit;
* `year`: median expected year of practical use, cost (earlier is better);
* `trend_growth`: relative growth of the technology's indicator from its last observed value to the
  value in force at the horizon, the mean over the technology's series, benefit. A technology without a
  usable series gets the median of the others, marked as imputed (missing evidence neither rewards nor
  penalises it); when no technology has one the column is 0 for all, which changes no rank in either
  method (min-max gives a constant column 0, TOPSIS ignores a zero column).

Technologies without answers in that round are not ranked and are listed as such.
"""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass
from functools import cached_property
from typing import Any

from django.utils.translation import gettext as _

from techpolicy.casework.steps import current_language
from techpolicy.forecasting import ranking as mcda
from techpolicy.forecasting import scenarios as sc
from techpolicy.forecasting import swot as sw
from techpolicy.law.citation import Citation

from .analysis_settings import CRITERIA, read_setting, setting_of
from .delphi_results import StudyAnswers, study_answers
from .evidence import TrendResult, json_safe, trend_result
from .models import Study


def _cite(ref: str) -> str:
    """A paragraph of the methodology as the reader's language cites it briefly."""
    return Citation.parse(ref).short(current_language())


# --- the inputs, read once per analysis -------------------------------------------------------------


class Inputs:
    """The Delphi answers and the trend results of the technologies' series, read once for all parts."""

    def __init__(self, study: Study):
        self.study = study
        self.names = study.technology_names(current_language())

    @cached_property
    def answers(self) -> StudyAnswers:
        return study_answers(self.study)

    @cached_property
    def round_index(self) -> int | None:
        return self.answers.latest(closed_only=True)

    @property
    def round_number(self) -> int | None:
        return None if self.round_index is None else self.answers.rounds[self.round_index].number

    def medians(self) -> dict[str, dict[str, float | None]]:
        return self.answers.medians(self.round_index) if self.round_index is not None else {}

    @cached_property
    def trends(self) -> list[TrendResult]:
        linked = self.study.series.exclude(technology=None).select_related("technology", "study", "imported_by")
        return [trend_result(s) for s in linked.order_by("technology__code", "name")]

    def missing_round(self) -> list[str]:
        return [] if self.round_index is not None else [_(
            "No closed Delphi round with answers yet: the medians of the latest closed round are the input "
            "(%(citation)s).") % {"citation": _cite("000 p.8(2)")}]

    def unanswered(self, code: str) -> str:
        return _("%(code)s: no answers in round %(round)d.") % {"code": code, "round": self.round_number}


# --- ranking of candidate technologies (paragraphs 11(7), 12, 13) ------------------------------------


@dataclass(frozen=True)
class MatrixRow:
    code: str
    name: str
    importance: float
    level_vs_leader: float
    year: float
    trend_growth: float
    imputed: bool
    series: tuple[str, ...]

    def values(self) -> list[float]:
        return [getattr(self, c.name) for c in CRITERIA]


@dataclass(frozen=True)
class RankingOutcome:
    rows: tuple[MatrixRow, ...]
    round_number: int | None
    weights: dict[str, float] | None
    is_example: bool
    report: mcda.RankingReport | None
    sensitivity: tuple[mcda.SensitivityResult, ...]
    missing: tuple[str, ...]
    notes: tuple[str, ...]

    def table(self) -> list[dict[str, Any]]:
        """Per technology, best first by the weighted sum: its row and (score, rank) per method."""
        by_code = {r.code: r for r in self.rows}
        results = self.report.results if self.report else ()
        return [{"row": by_code[code], "methods": [(r.scores[r.technologies.index(code)], r.rank_of(code))
                                                   for r in results]} for code in results[0].order()] if results else []

    def as_dict(self) -> dict[str, Any]:
        return json_safe({
            "round": self.round_number, "criteria": [c.as_dict() for c in CRITERIA],
            "matrix": [asdict(r) for r in self.rows],
            "weights": self.weights, "weights_are_example": self.is_example,
            "ranking": self.report.as_dict() if self.report else None,
            "sensitivity": [s.as_dict() for s in self.sensitivity],
            "missing": list(self.missing), "notes": list(self.notes),
        })


def _growth(inputs: Inputs) -> tuple[dict[str, tuple[float, tuple[str, ...]]], list[str]]:
    """Per technology code: the mean relative growth of its usable series and their names; notes."""
    found: dict[str, list[tuple[float, str]]] = {}
    notes = []
    for result in inputs.trends:
        growth = result.growth()
        if growth is None:
            notes.append(_("Series “%(name)s” gives no growth to the horizon: %(why)s") % {
                "name": result.series.name, "why": result.error or _("its last observed value is not positive")})
        else:
            found.setdefault(result.series.technology.code, []).append((growth, result.series.name))
    return {code: (statistics.fmean(g for g, _n in items), tuple(n for _g, n in items))
            for code, items in found.items()}, notes


def decision_rows(inputs: Inputs) -> tuple[list[MatrixRow], list[str]]:
    """The decision matrix of the technologies answered in the latest closed round, and notes."""
    medians = inputs.medians()
    if not medians:
        return [], []
    growth, notes = _growth(inputs)
    fill = statistics.median(g for g, _s in growth.values()) if growth else 0.0
    if not growth:
        notes.append(_("No technology has a usable indicator series: the trend criterion is 0 for all and "
                       "changes no rank."))
    rows = []
    for code, m in medians.items():
        if None in (m["importance"], m["level_vs_leader"], m["year"]):
            notes.append(_("Not ranked: %(reason)s") % {"reason": inputs.unanswered(code)})
            continue
        g, used = growth.get(code, (fill, ()))
        rows.append(MatrixRow(code, inputs.names.get(code, code), m["importance"], m["level_vs_leader"], m["year"],
                              g, imputed=bool(growth) and not used, series=used))
    imputed = [r.code for r in rows if r.imputed]
    if imputed:
        notes.append(_("Without a usable series, the trend criterion of %(codes)s is the median of the others "
                       "(%(value).3g).") % {"codes": ", ".join(imputed), "value": fill})
    return rows, notes


def ranking(study: Study, *, inputs: Inputs | None = None) -> RankingOutcome:
    """Weighted sum and TOPSIS with the study's weights, their agreement and the weight sensitivity of each."""
    inputs = inputs or Inputs(study)
    rows, notes = decision_rows(inputs)
    weights, missing = read_setting(study, "weights")
    missing = inputs.missing_round() + missing
    report, sensitivity = None, ()
    if rows and weights is not None:
        matrix = mcda.DecisionMatrix(tuple(r.code for r in rows), CRITERIA, [r.values() for r in rows])
        report = mcda.rank_technologies(matrix, weights)
        sensitivity = tuple(mcda.weight_sensitivity(matrix, weights, method=m) for m in mcda.METHODS)
    is_example = bool(setting_of(study, "weights").get("is_example"))
    return RankingOutcome(tuple(rows), inputs.round_number, weights, is_example, report, sensitivity,
                          tuple(missing), tuple(notes))


# --- scenarios (paragraph 11(8)) -----------------------------------------------------------------------


@dataclass(frozen=True)
class ScenarioOutcome:
    scenario_set: sc.ScenarioSet | None
    projection: sc.ScenarioProjection | None
    results: tuple[TrendResult, ...]  # the series projected, in the projection's order
    missing: tuple[str, ...]
    notes: tuple[str, ...]

    def tables(self) -> list[dict[str, Any]]:
        """Per series: its technology and, per forecast year, the central value and the four scenarios."""
        out = []
        for result, forecast in zip(self.results, self.projection.forecasts if self.projection else (), strict=False):
            columns = [self.projection.values(forecast.technology, key) for key in sc.SCENARIO_KEYS]
            out.append({"series": result.series, "technology": result.series.technology,
                        "rows": [(int(year), central, *(col[i] for col in columns)) for i, (year, central)
                                 in enumerate(zip(forecast.years, forecast.central, strict=True))]})
        return out

    def as_dict(self) -> dict[str, Any]:
        return json_safe({
            "scenario_set": self.scenario_set.as_dict() if self.scenario_set else None,
            "projection": self.projection.as_dict() if self.projection else None,
            "technologies": {r.series.name: r.series.technology.code for r in self.results},
            "missing": list(self.missing), "notes": list(self.notes),
        })


def _trend_forecast(result: TrendResult) -> sc.TrendForecast:
    """The forecast in force (corrections applied), with the fitted S-curve when the logistic was chosen."""
    points, chosen = result.forecast.points, result.selection.chosen
    params = chosen.params
    logistic = sc.LogisticParams(params["K"], params["r"], params["t_mid"]) if chosen.model == "logistic" else None
    return sc.TrendForecast(result.series.name, [p.year for p in points],
                            [result.forecast.value(p.year) for p in points], logistic)


def scenarios(study: Study, *, inputs: Inputs | None = None) -> ScenarioOutcome:
    """The four scenarios applied to the forecasts (corrections applied) of the technologies' series."""
    inputs = inputs or Inputs(study)
    scenario_set, missing = read_setting(study, "scenarios")
    forecasts, used, notes = [], [], []
    for result in inputs.trends:
        name = result.series.name
        if result.forecast is None or len(result.forecast.points) < 2:
            notes.append(_("Series “%(name)s” has no forecast of two years or more: %(why)s") % {
                "name": name, "why": result.error or _("the horizon is the next year")})
            continue
        try:
            forecasts.append(_trend_forecast(result))
        except ValueError as exc:
            notes.append(_("Series “%(name)s”: %(why)s") % {"name": name, "why": exc})
        else:
            used.append(result)
    if not forecasts:
        missing.append(_("No candidate technology has an indicator series with a forecast to the horizon "
                         "(%(citation)s): link a series to a technology.") % {"citation": _cite("000 p.8(1)")})
    projection = sc.project_scenarios(forecasts, scenario_set) if forecasts and scenario_set else None
    return ScenarioOutcome(scenario_set, projection, tuple(used), tuple(missing), tuple(notes))


# --- SWOT (paragraph 11(6)) ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SwotOutcome:
    result: sw.SwotResult | None
    round_number: int | None
    names: dict[str, str]
    missing: tuple[str, ...]
    notes: tuple[str, ...]

    def quadrants(self) -> list[tuple[str, list[sw.SwotEntry]]]:
        """(quadrant, entries) in SWOT order."""
        keys = (sw.STRENGTH, sw.WEAKNESS, sw.OPPORTUNITY, sw.THREAT)
        entries = (self.result.strengths, self.result.weaknesses, self.result.opportunities,
                   self.result.threats) if self.result else ()
        return [(key, list(found)) for key, found in zip(keys, entries, strict=False)]

    def as_dict(self) -> dict[str, Any]:
        return json_safe({"round": self.round_number, "swot": self.result.as_dict() if self.result else None,
                          "missing": list(self.missing), "notes": list(self.notes)})


def swot(study: Study, *, inputs: Inputs | None = None) -> SwotOutcome:
    """SWOT from the latest closed round's medians and barrier counts with the study's thresholds."""
    inputs = inputs or Inputs(study)
    thresholds, missing = read_setting(study, "swot")
    missing = inputs.missing_round() + missing
    assessments, notes, result = [], [], None
    respondents = inputs.answers.respondents(inputs.round_index) if inputs.round_index is not None else {}
    for code, m in inputs.medians().items():
        if not respondents[code] or None in (m["importance"], m["level_vs_leader"], m["level_vs_competitor"]):
            notes.append(_("Not assessed: %(reason)s") % {"reason": inputs.unanswered(code)})
            continue
        try:
            assessments.append(sw.TechnologyAssessment(
                code, m["importance"], m["level_vs_leader"], m["level_vs_competitor"], respondents[code],
                dict(inputs.answers.barriers[inputs.round_index][code])))
        except ValueError as exc:  # e.g. a barrier counted more often than there are respondents
            notes.append(str(exc))
    if assessments and thresholds is not None:
        result = sw.build_swot(assessments, thresholds, leader=str(_("leader countries")),
                               competitor=str(_("competitor countries")))
    return SwotOutcome(result, inputs.round_number, inputs.names, tuple(missing), tuple(notes))


@dataclass(frozen=True)
class Analysis:
    ranking: RankingOutcome
    scenarios: ScenarioOutcome
    swot: SwotOutcome

    def as_dict(self) -> dict[str, Any]:
        return {"ranking": self.ranking.as_dict(), "scenarios": self.scenarios.as_dict(), "swot": self.swot.as_dict()}


def analyse(study: Study) -> Analysis:
    """Ranking, scenarios and SWOT of a study, reading the Delphi answers and fitting the trends once."""
    inputs = Inputs(study)
    return Analysis(ranking(study, inputs=inputs), scenarios(study, inputs=inputs), swot(study, inputs=inputs))
