"""The sections of the forecasting report, in order, as format-neutral blocks.

`SECTIONS` is the one place that fixes the order both renderers follow: first the results in the
order paragraph 12(1) of the Methodology (Order No. 133/НҚ) lists them, then the evidence from the
methods of paragraphs 8 and 11, then the broad discussion of paragraph 12(2). The title page carries
the statement that the results go to the HSTC under paragraph 12(4).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass

from techpolicy.documents.blocks import Block, Bullets, Figure, Heading, PageBreak, Table, Text, Title
from techpolicy.forecasting.report import charts
from techpolicy.forecasting.report.data import SCENARIO_KEYS, SWOT_QUADRANTS, ReportData
from techpolicy.forecasting.report.labels import check_language, label, optional_label


def number(value: float, lang: str) -> str:
    """A value for a table: grouped thousands, a few decimals, a decimal comma in Kazakh and Russian."""
    if not math.isfinite(value):
        return "—"
    magnitude = abs(value)
    if magnitude >= 100:
        text = f"{value:,.0f}"
    elif magnitude >= 1:
        text = f"{value:,.2f}"
    else:  # shares and scores: three decimals, a tiny non-zero value in three significant digits
        text = f"{value:.3f}" if magnitude == 0 or magnitude >= 0.001 else f"{value:.3g}"
    if lang == "en":
        return text
    return text.replace(",", "\u202f").replace(".", ",")  # narrow no-break space groups thousands


def _year(value: float) -> str:
    return f"{value:.0f}" if math.isfinite(value) else "—"


def _method(name: str, lang: str) -> str:
    return optional_label("method_" + name, lang, name)


def status(data: ReportData, lang: str) -> str:
    """"Draft, version N" or "Approved text, version N" in `lang`."""
    key = "status_draft" if data.meta.is_draft else "status_approved"
    return label(key, lang, version=data.meta.version)


def _list_or_none(items: tuple[str, ...], lang: str) -> list[Block]:
    return [Bullets(items)] if items else [Text(label("no_data", lang))]


# --- the results of paragraph 12(1) ------------------------------------------------------------


def _vision(data: ReportData, lang: str) -> list[Block]:
    blocks: list[Block] = [Text(label("vision_text", lang), "label", True), Text(data.vision or label("no_data", lang))]
    return blocks + [Text(label("goals", lang), "label", True), *_list_or_none(data.goals, lang)]


def _score_and_rank(row, method: str, lang: str) -> str:
    score = number(row.scores.get(method, math.nan), lang)
    return f"{score} ({row.computed[method]})" if method in row.computed else score


def _key_technologies(data: ReportData, lang: str) -> list[Block]:
    """The list as the draft states it, each score with the rank its method computed; then, when the
    study's ranking is known, every assessed technology in the computed order and each place where the
    list departs from it with the reason recorded (paragraph 11(7) against 12(1))."""
    if not data.key_technologies:
        return [Text(label("no_data", lang))]
    methods = list(dict.fromkeys(m for row in (*data.key_technologies, *data.computed_ranking) for m in row.scores))
    ranked = any(row.computed for row in data.key_technologies)
    header = (label("rank", lang), label("code", lang), label("technology", lang),
              *(label("score_rank" if ranked else "score", lang, method=_method(m, lang)) for m in methods))
    rows = tuple((str(row.rank), row.code, row.name, *(_score_and_rank(row, m, lang) for m in methods))
                 for row in data.key_technologies)
    blocks: list[Block] = [Table(header, rows, (1.0, 1.2, 3.6, *(1.8,) * len(methods)))]
    return blocks + _computed_ranking(data, lang, methods)


def _why(edit, lang: str) -> str:
    if edit.reason:
        return label("edit_reason", lang, version=edit.version, reason=edit.reason)
    return label("edit_no_reason", lang, version=edit.version)


def _edit_line(edit, lang: str) -> str:
    key = "edit_unranked" if edit.computed is None else "edit_left_out" if edit.listed is None else "edit_moved"
    return label(key, lang, code=edit.code, name=edit.name, computed=edit.computed, listed=edit.listed,
                 why=_why(edit, lang))


def _computed_ranking(data: ReportData, lang: str, methods: list[str]) -> list[Block]:
    if not data.computed_ranking:
        return []
    method = data.ranking_method or methods[0]
    places = {row.code: row.rank for row in data.key_technologies}
    header = (label("computed_rank", lang), label("code", lang), label("technology", lang),
              *(label("score", lang, method=_method(m, lang)) for m in methods), label("place_in_list", lang))
    rows = tuple((str(row.computed.get(method, row.rank)), row.code, row.name,
                  *(number(row.scores.get(m, math.nan), lang) for m in methods),
                  str(places[row.code]) if row.code in places else "—")
                 for row in data.computed_ranking)
    blocks: list[Block] = [
        Text(label("computed_ranking", lang), "label", True),
        Text(label("computed_intro", lang, version=data.meta.version, method=_method(method, lang)),
             keep_with_next=True),
        Table(header, rows, (1.2, 1.2, 3.4, *(1.5,) * len(methods), 1.3)),
    ]
    if data.list_edits:
        blocks += [Text(label("list_edits", lang), "label", True),
                   Bullets(tuple(_edit_line(edit, lang) for edit in data.list_edits))]
    return blocks


def _grant_directions(data: ReportData, lang: str) -> list[Block]:
    return _list_or_none(data.grant_directions, lang)


def _programme_directions(data: ReportData, lang: str) -> list[Block]:
    return _list_or_none(data.programme_directions, lang)


def _planning_proposals(data: ReportData, lang: str) -> list[Block]:
    return _list_or_none(data.planning_proposals, lang)


def _recommendations(data: ReportData, lang: str) -> list[Block]:
    if not data.recommendations:
        return [Text(label("no_data", lang))]
    rows = tuple((r.body, r.text) for r in data.recommendations)
    return [Table((label("state_body", lang), label("recommendation", lang)), rows, (1.0, 2.4))]


# --- the evidence ------------------------------------------------------------------------------


def _evidence(data: ReportData, lang: str) -> list[Block]:
    return []  # a part heading only; its sections follow


def _trends(data: ReportData, lang: str) -> list[Block]:
    notes: list[Block] = [Text(note, "note") for note in data.trend_notes]  # series left out, and why
    if not data.trends:
        return [Text(label("no_data", lang)), *notes]
    blocks: list[Block] = notes
    for section in data.trends:
        title = section.name + (f" ({section.unit})" if section.unit else "")
        model = optional_label("model_" + section.model, lang, section.model)
        level = f"{section.level * 100:g}"
        corrected = {int(c.year): c.corrected for c in section.corrections}
        rows = tuple(
            (_year(y), number(p, lang), number(lo, lang), number(hi, lang),
             number(corrected[int(y)], lang) if math.isfinite(y) and int(y) in corrected else "")
            for y, p, lo, hi in zip(section.forecast_years, section.point, section.lower, section.upper, strict=True)
        )
        header = (label("year", lang), label("forecast", lang), label("lower", lang), label("upper", lang),
                  label("corrected", lang))
        blocks += [Heading(title, 3), Text(label("chosen_model", lang, model=model, level=level), keep_with_next=True),
                   Figure(charts.trend_chart(section, lang), title), Table(header, rows)]
        if section.corrections:
            blocks += [Text(label("corrections", lang), "label", True), Bullets(tuple(
                label("correction_line", lang, year=_year(c.year), fitted=number(c.fitted, lang),
                      corrected=number(c.corrected, lang), author=c.author, reason=c.reason)
                for c in section.corrections))]
    return blocks


def _delphi(data: ReportData, lang: str) -> list[Block]:
    if not data.delphi:
        return [Text(label("no_data", lang))]
    blocks: list[Block] = []
    header = (label("round", lang), label("answers", lang), label("median", lang), label("q1", lang),
              label("q3", lang))
    for dist in data.delphi:
        title = f"{dist.technology} — {charts.question_label(dist.question, lang)}"
        rows = tuple((label("round_n", lang, n=r.label), str(r.n), number(r.median, lang), number(r.q1, lang),
                      number(r.q3, lang)) for r in dist.rounds)
        blocks += [Heading(title, 3), Figure(charts.delphi_distribution_chart(dist, lang), title), Table(header, rows)]
    return blocks


def _consensus(data: ReportData, lang: str) -> list[Block]:
    c = data.consensus
    if not c.rounds or not (c.technologies or c.kendall_w):
        return [Text(label("no_data", lang))]
    header = (label("technology", lang), *(label("round_n", lang, n=r) for r in c.rounds))
    rows = [(s.technology, *(number(v, lang) for v in s.rel_iqr)) for s in c.technologies]
    if c.kendall_w is not None:
        rows.append(("W", *(number(w, lang) for w in c.kendall_w)))
    caption = f"{label('rel_iqr', lang)}; {label('kendall_w', lang)}"
    return [Text(caption, "note", True), Figure(charts.consensus_chart(c, lang), label("consensus", lang)),
            Table(header, tuple(rows), (3.0, *(1.0,) * len(c.rounds)))]


def _radar(data: ReportData, lang: str) -> list[Block]:
    if not data.radar:
        return [Text(label("no_data", lang))]
    header = (label("number_sign", lang), label("technology", lang), label("question_importance", lang),
              label("question_level_vs_leader", lang), label("question_level_vs_competitor", lang),
              label("question_year", lang))
    rows = tuple((str(i), p.technology, number(p.importance, lang), number(p.level_vs_leader, lang),
                  number(p.level_vs_competitor, lang), _year(p.readiness_year))
                 for i, p in enumerate(data.radar, start=1))
    figure = Figure(charts.radar_chart(data.radar, lang, base_year=data.meta.generated_on.year), label("radar", lang))
    table = Table(header, rows, (0.4, 2.2, 1.5, 1.75, 1.75, 1.75))  # wide enough for long Kazakh words
    return [Text(label("radar_legend", lang), keep_with_next=True), figure, table]


def _scenarios(data: ReportData, lang: str) -> list[Block]:
    if not data.scenarios:
        return [Text(label("no_data", lang))]
    blocks: list[Block] = [Text(label("example_note", lang), "note")]
    for series in data.scenarios:
        last = series.years[-1] if series.years else math.nan
        header = (label("scenario", lang), label("final_value", lang, year=_year(last)))
        rows = tuple((label("scenario_" + k, lang), number(series.values[k][-1] if series.years else math.nan, lang))
                     for k in SCENARIO_KEYS if k in series.values)
        blocks += [Heading(series.technology, 3), Figure(charts.scenario_chart(series, lang), series.technology),
                   Table(header, rows, (2.0, 1.0))]
    return blocks


def _swot(data: ReportData, lang: str) -> list[Block]:
    if not any(data.swot.values()):
        return [Text(label("no_data", lang))]
    rows = tuple((label("swot_" + q, lang), "\n".join(data.swot[q]) or "—") for q in SWOT_QUADRANTS)
    return [Table(None, rows, (1.0, 2.6))]


def _discussion(data: ReportData, lang: str) -> list[Block]:
    d = data.discussion
    blocks: list[Block] = [Table(None, ((label("comments", lang), str(d.comments)),
                                        (label("answered", lang), str(d.answered))), (2.0, 1.0))]
    if d.corrections:
        blocks += [Text(label("discussion_corrections", lang), "label", True),
                   Bullets(tuple(label("version_note", lang, version=c.version, note=c.note) for c in d.corrections))]
    return blocks


@dataclass(frozen=True)
class Section:
    """A report section: its heading (a label key), level, the sub-paragraph it rests on, and its body."""

    key: str
    level: int
    cite: tuple[tuple[int, int], ...]  # (paragraph, sub-paragraph) of the Methodology it rests on
    body: Callable[[ReportData, str], list[Block]]


SECTIONS: tuple[Section, ...] = (
    Section("vision", 1, ((12, 1),), _vision),
    Section("key_technologies", 1, ((12, 1),), _key_technologies),
    Section("grant_directions", 1, ((12, 1),), _grant_directions),
    Section("programme_directions", 1, ((12, 1),), _programme_directions),
    Section("planning_proposals", 1, ((12, 1),), _planning_proposals),
    Section("recommendations", 1, ((12, 1), (12, 3)), _recommendations),
    Section("evidence", 1, (), _evidence),
    Section("trends", 2, ((8, 1),), _trends),
    Section("delphi", 2, ((8, 2),), _delphi),
    Section("consensus", 2, ((8, 2),), _consensus),
    Section("radar", 2, ((11, 6), (11, 7)), _radar),
    Section("scenarios", 2, ((11, 8),), _scenarios),
    Section("swot", 2, ((6, 2), (11, 6)), _swot),
    Section("discussion", 1, ((12, 2),), _discussion),
)


def _title_page(data: ReportData, lang: str) -> list[Block]:
    m = data.meta
    fields = (
        (label("number", lang), m.number),
        (label("direction", lang), m.direction),
        (label("horizon", lang), label("horizon_value", lang, year=m.horizon_year)),
        (label("organising_body", lang), m.organising_body),
        (label("stage", lang), label("stage_" + m.stage, lang)),
        (label("status", lang), status(data, lang)),
        (label("generated_on", lang), m.generated_on.strftime("%d.%m.%Y")),
    )
    blocks: list[Block] = [
        Title(label("report_title", lang), m.title, m.organising_body),
        Table(None, fields, (1, 1.6)),
        Text(label("hstc_statement", lang), "statement"),
    ]
    if m.is_draft:
        blocks.append(Text(label("draft_note", lang), "note"))
    return [*blocks, PageBreak()]


def section_headings(lang: str) -> list[str]:
    """The numbered headings of `SECTIONS` in `lang`, as both renderers print them."""
    out, chapter, section = [], 0, 0
    for s in SECTIONS:
        if s.level == 1:
            chapter, section = chapter + 1, 0
            out.append(f"{chapter}. {label(s.key, lang)}")
        else:
            section += 1
            out.append(f"{chapter}.{section}. {label(s.key, lang)}")
    return out


Progress = Callable[[int, int], None]  # (sections done, sections in all), told after each one


def build_blocks(data: ReportData, lang: str, progress: Progress | None = None) -> list[Block]:
    """The whole report in `lang`: title page, then every section of `SECTIONS`; figures numbered.
    Drawing the charts takes most of the time, so `progress` is told after each section."""
    check_language(lang)
    blocks = _title_page(data, lang)
    for done, (s, heading) in enumerate(zip(SECTIONS, section_headings(lang), strict=True), start=1):
        blocks.append(Heading(heading, s.level))
        if s.cite:
            refs = "; ".join(label("cite_ref", lang, paragraph=p, sub=sub) for p, sub in s.cite)
            blocks.append(Text(label("cite", lang, refs=refs), "note", True))
        blocks += s.body(data, lang)
        if progress is not None:
            progress(done, len(SECTIONS))
    figures = iter(range(1, len(blocks) + 1))
    return [dataclasses.replace(b, caption=label("figure", lang, n=next(figures), caption=b.caption))
            if isinstance(b, Figure) else b for b in blocks]
