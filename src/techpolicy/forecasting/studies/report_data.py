"""A study's records as the pure `forecasting.report.ReportData` in one language (paragraph 12):
the results of the latest draft, the evidence (trends, Delphi rounds, consensus, radar,
scenarios, SWOT) and the public discussion. The numbers come from the same services the pages use."""

from __future__ import annotations

import datetime as dt

import numpy as np
from django.utils import translation
from django.utils.translation import gettext as _

from techpolicy.forecasting import delphi
from techpolicy.forecasting.report import data as report
from techpolicy.forecasting.report import edits

from . import analysis
from .delphi_results import StudyAnswers, competence_weights
from .discussion import latest_draft
from .evidence import TrendResult
from .models import Comment, DraftVersion, Study
from .models.delphi import QUESTIONS
from .models.discussion import HIDDEN
from .models.study import APPROVED


def _trend(result: TrendResult) -> report.TrendSection | None:
    if result.forecast is None or result.selection is None:
        return None
    s = result.series
    code = s.technology.code if s.technology_id else None
    return report.trend_section(s.name, s.unit, s.years, s.values, result.forecast, result.selection.chosen,
                                technology_code=code)


def _delphi(answers: StudyAnswers, names: dict[str, str]) -> tuple[tuple, report.Consensus, tuple]:
    """Distributions of the importance answers, the consensus evolution and the radar of the last round."""
    if not answers.rounds or not answers.technologies:
        return (), report.Consensus(), ()
    # Items in the pure layout: (rounds, experts, technology x question).
    values = np.concatenate([answers.values[q] for q in QUESTIONS], axis=2)
    items = [(names[code], q) for q in QUESTIONS for code in answers.technologies]
    competence = np.concatenate([answers.competence] * len(QUESTIONS), axis=2) if answers.weighted else None
    summary = delphi.summarize(values, competence_weights(values, competence))
    labels = [r.number for r in answers.rounds]
    k = len(answers.technologies)
    importance = slice(0, k)
    distributions = report.delphi_distributions(
        values[:, :, importance], items[importance], labels, summary=_slice(summary, importance))
    consensus = report.consensus_section(values, items, labels, summary=summary)
    last = answers.latest(closed_only=False)
    radar = report.radar_points(values, items, round_index=last, summary=summary) if last is not None else ()
    return distributions, consensus, radar


def _slice(summary: delphi.Summary, columns: slice) -> delphi.Summary:
    return delphi.Summary(**{name: getattr(summary, name)[:, columns] for name in summary.__dataclass_fields__})


def _discussion(study: Study) -> report.Discussion:
    comments = Comment.objects.filter(draft__study=study).exclude(moderation=HIDDEN)  # hidden: abuse, not comments
    corrections = [report.DiscussionCorrection(d.number, d.change_note)
                   for d in DraftVersion.objects.filter(study=study, number__gt=1).order_by("number")]
    return report.Discussion(comments.count(), comments.exclude(resolution="").count(), corrections)


def _computed(study: Study, ranked, names: dict[str, str]) -> tuple[tuple, str, tuple]:
    """Every assessed technology in the order of the first ranking method, that method, and where the
    latest draft's list departs from it, each with the draft version that set it and that version's
    note (the only reason the records hold for a list edit)."""
    if ranked is None:
        return (), "", ()
    primary = ranked.results[0]
    rows = report.key_technologies(ranked, names=names)
    versions = [edits.DraftList(d.number, tuple(d.key_technologies), d.change_note)
                for d in DraftVersion.objects.filter(study=study).order_by("number")]
    return rows, primary.method, edits.list_edits(primary.order(), versions, names)


def report_data(study: Study, lang: str, on: dt.date | None = None) -> report.ReportData:
    """The report of `study` in `lang` as of `on` (default today)."""
    from techpolicy.casework.law_context import today

    with translation.override(lang):
        names = study.technology_names(lang)
        draft = latest_draft(study)
        inputs = analysis.Inputs(study)  # the Delphi arrays and trend fits, computed once for every section
        ranked = analysis.ranking(study, inputs=inputs).report
        scores = {}
        if ranked is not None:
            for r in ranked.results:
                for code in r.technologies:
                    scores.setdefault(code, {})[r.method] = r.scores[r.technologies.index(code)]
        computed = {code: {r.method: r.rank_of(code) for r in ranked.results}
                    for code in scores} if ranked is not None else {}
        codes = list(draft.key_technologies) if draft else []
        key = [report.KeyTechnology(code, names.get(code, code), rank, scores.get(code, {}), computed.get(code, {}))
               for rank, code in enumerate(codes, start=1)]
        computed_ranking, method, edits = _computed(study, ranked, names) if draft else ((), "", ())
        distributions, consensus, radar = _delphi(inputs.answers, names)
        projection = analysis.scenarios(study, inputs=inputs).projection
        swot = analysis.swot(study, inputs=inputs).result
        return report.ReportData(
            meta=report.StudyMeta(
                number=study.number, title=study.title, direction=study.direction, horizon_year=study.horizon_year,
                organising_body=study.organising_body, stage=study.stage, generated_on=on or today(),
                version=draft.number if draft else 0, is_draft=study.stage != APPROVED),
            vision=draft.vision if draft else "",
            goals=draft.goals if draft else (),
            key_technologies=key,
            computed_ranking=computed_ranking,
            ranking_method=method,
            list_edits=edits,
            grant_directions=draft.grant_directions if draft else (),
            programme_directions=draft.programme_directions if draft else (),
            planning_proposals=draft.planning_proposals if draft else (),
            recommendations=[report.Recommendation(r["body"], r["text"]) for r in (draft.recommendations if draft
                                                                                    else [])],
            trends=[t for t in (_trend(r) for r in inputs.trends) if t is not None],
            trend_notes=[_("Series “%(name)s” is left out of the report: %(why)s") % {
                "name": r.series.name, "why": r.error} for r in inputs.trends if r.error],
            delphi=distributions,
            consensus=consensus,
            radar=radar,
            scenarios=report.scenario_series(projection) if projection else (),
            swot={q: tuple(names.get(c, c) for c in found) for q, found in report.swot_quadrants(swot).items()}
            if swot else {},
            discussion=_discussion(study),
        )
