"""The charts of a study's pages (site.charts), from the numbers the pages and the report show:
a series' trend and forecast (000 p.8(1)), the Delphi answers and consensus up to a round (p.8(2)),
the technology radar and the scenarios (p.11(6), 11(8)). Specs come from `forecasting.report.specs`."""

from __future__ import annotations

import dataclasses
from typing import Any

from techpolicy.casework.law_context import today
from techpolicy.casework.steps import current_language
from techpolicy.forecasting.report import data as report
from techpolicy.forecasting.report import specs
from techpolicy.site.charts import Chart, chart

from .delphi_results import StudyAnswers, study_answers
from .evidence import TrendResult
from .models import Round, Study

# The report's own builders of its evidence, so that page and report show the same numbers.
from .report_data import _delphi as report_delphi
from .report_data import _trend as report_trend


def _lang() -> str:
    lang = current_language()
    return lang if lang in ("kk", "ru", "en") else "kk"


def _chart(key: str, spec, table: specs.Table, digits: int = 4) -> Chart:
    caption, columns, rows = table
    as_dict = spec.to_dict()  # validated against the Vega-Lite schema
    return chart(key, as_dict.get("title") or caption, as_dict, caption, columns, rows, digits=digits, lang=_lang())


def trend_chart(result: TrendResult) -> Chart | None:
    """Observed values, the chosen trend and its forecast with the prediction interval."""
    section = report_trend(result)
    if section is None:
        return None
    lang = _lang()
    return _chart("trend", specs.trend_spec(section, lang), specs.trend_table(section, lang))


def _up_to(answers: StudyAnswers, round_: Round) -> StudyAnswers:
    """The answers of the rounds up to `round_`: a round's page does not show later rounds."""
    keep = sum(1 for r in answers.rounds if r.number <= round_.number)
    return dataclasses.replace(answers, rounds=answers.rounds[:keep],
                               values={q: v[:keep] for q, v in answers.values.items()},
                               competence=answers.competence[:keep], barriers=answers.barriers[:keep])


def round_charts(study: Study, round_: Round) -> list[Chart]:
    """The importance answers per round and the consensus over the rounds, up to `round_`."""
    lang = _lang()
    answers = _up_to(study_answers(study), round_)
    distributions, consensus, _radar = report_delphi(answers, study.technology_names(lang))
    out = []
    if distributions:
        out.append(_chart("delphi", specs.delphi_spec(distributions, lang), specs.delphi_table(distributions, lang),
                          digits=2))
    if consensus.rounds and consensus.technologies:
        out.append(_chart("consensus", specs.consensus_spec(consensus, lang), specs.consensus_table(consensus, lang),
                          digits=3))
    return out


def radar_chart(study: Study) -> Chart | None:
    """The technologies of the latest round with answers on the radar, centred on this year as in the report."""
    lang = _lang()
    _d, _c, radar = report_delphi(study_answers(study), study.technology_names(lang))
    if not radar:
        return None
    return _chart("radar", specs.radar_spec(radar, lang, base_year=today().year), specs.radar_table(radar, lang),
                  digits=2)


def scenario_charts(tables: list[dict[str, Any]]) -> list[Chart]:
    """One chart per scenario table of the analysis page (`ScenarioOutcome.tables()` with the names)."""
    lang = _lang()
    out = []
    for i, t in enumerate(tables):
        rows = t["rows"]
        years = [r[0] for r in rows]
        values = {key: [r[2 + k] for r in rows] for k, key in enumerate(report.SCENARIO_KEYS)}
        name = " ".join(x for x in (t["technology"].code if t["technology"] else "", t.get("name", "")) if x)
        title = f"{name} — {t['series'].name}" if name else t["series"].name
        series = report.ScenarioSeries(title, years, values, t["series"].unit)
        trend = [r[1] for r in rows]
        out.append(_chart(f"scenario-{i}", specs.scenario_spec(series, lang, trend=trend),
                          specs.scenario_table(series, lang, trend=trend)))
    return out
