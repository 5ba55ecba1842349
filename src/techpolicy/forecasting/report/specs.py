"""The report's charts as Vega-Lite specs for the pages, labelled in one language (no Django, no matplotlib).

The same pieces of evidence `charts` draws for the PDF (trends, Delphi distributions, consensus,
radar, scenarios) are built here with Altair as interactive charts: tooltips, a legend that
highlights its series, a choice of the technology where there are many. Each `*_spec` has a
`*_table` beside it that returns the same numbers as (caption, column headings, rows) for the
table a screen reader reads. Numbers are left as numbers: the page formats them in its language.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import altair as alt

from techpolicy.forecasting.report.data import (
    SCENARIO_KEYS,
    Consensus,
    DelphiDistribution,
    RadarPoint,
    ScenarioSeries,
    TrendSection,
    answer_scale,
)
from techpolicy.forecasting.report.labels import check_language, label, optional_label, question_label

Table = tuple[str, list[str], list[list]]

HEIGHT = 280
YEAR = alt.Axis(format="d", labelOverlap=True)  # a year is a number printed without grouping
NUMBER = ",.4~f"  # grouped, up to four decimals, in the page's locale
SCENARIO_COLOURS = {"stagnation": "#b3261e", "inertia": "#5b6b7c", "new_niches": "#00609c",
                    "breakthrough": "#2e7d32"}  # as the PDF's charts.SCENARIO_STYLES
SCENARIO_DASHES = {"stagnation": [2, 2], "inertia": [6, 3], "new_niches": [6, 2, 2, 2], "breakthrough": [1, 0]}
LEVEL_COLOURS = "redyellowgreen"
NO_LEVEL = "#c0c0c0"


def _num(value: float) -> float | None:
    return float(value) if value is not None and math.isfinite(value) else None


def _legend_highlight(field: str) -> alt.Parameter:
    """Clicking a legend entry keeps its series bright and dims the others (click again: all)."""
    return alt.selection_point(fields=[field], bind="legend")


# --- trend with its forecast and interval (000 p.8(1)) ----------------------------------------------


def trend_spec(section: TrendSection, lang: str) -> alt.LayerChart:
    """Observed values, the fitted trend, the forecast with its shaded interval and expert corrections."""
    check_language(lang)
    observed, fitted, forecast = label("observed", lang), label("fitted", lang), label("forecast", lang)
    corrected = label("corrected", lang)
    model = optional_label("model_" + section.model, lang, section.model)
    fitted_name = f"{fitted} ({model})"
    lines = ([{"year": y, "value": _num(v), "series": observed}
              for y, v in zip(section.observed_years, section.observed_values, strict=True)]
             + [{"year": y, "value": _num(v), "series": fitted_name}
                for y, v in zip(section.fitted_years, section.fitted_values, strict=True)]
             + [{"year": y, "value": _num(v), "series": forecast}
                for y, v in zip(section.forecast_years, section.point, strict=True)])
    band = [{"year": y, "lower": _num(lo), "upper": _num(hi)}
            for y, lo, hi in zip(section.forecast_years, section.lower, section.upper, strict=True)]
    corrections = [{"year": c.year, "value": _num(c.corrected), "fitted": _num(c.fitted), "series": corrected}
                   for c in section.corrections]
    names = [observed, fitted_name, forecast, corrected]
    colour = alt.Color("series:N", title=None, scale=alt.Scale(domain=names,
                                                               range=["#1f2933", "#00609c", "#00609c", "#b3261e"]),
                       legend=alt.Legend(orient="bottom", columns=2, labelLimit=320))
    year = alt.X("year:Q", title=label("year", lang), axis=YEAR, scale=alt.Scale(zero=False, nice=False))
    value_title = section.unit or label("value", lang)
    pick = _legend_highlight("series")
    interval = label("interval", lang, level=f"{section.level * 100:g}")
    area = alt.Chart(alt.Data(values=band)).mark_area(opacity=0.18, color="#00609c").encode(
        x=year, y=alt.Y("lower:Q", title=value_title, scale=alt.Scale(zero=False)), y2="upper:Q",
        tooltip=[alt.Tooltip("year:Q", title=label("year", lang), format="d"),
                 alt.Tooltip("lower:Q", title=f"{interval}: {label('lower', lang)}", format=NUMBER),
                 alt.Tooltip("upper:Q", title=f"{interval}: {label('upper', lang)}", format=NUMBER)])
    tooltip = [alt.Tooltip("series:N", title=label("value", lang)),
               alt.Tooltip("year:Q", title=label("year", lang), format="d"),
               alt.Tooltip("value:Q", title=value_title, format=NUMBER)]
    drawn = alt.Chart(alt.Data(values=lines)).mark_line(point=True).encode(
        x=year, y=alt.Y("value:Q", title=value_title, scale=alt.Scale(zero=False)), color=colour,
        strokeDash=alt.StrokeDash("series:N", scale=alt.Scale(domain=names, range=[[1, 0], [1, 0], [6, 4], [1, 0]]),
                                  legend=None),
        opacity=alt.when(pick).then(alt.value(1)).otherwise(alt.value(0.2)), tooltip=tooltip,
    ).add_params(pick)
    layers = [area, drawn]
    if corrections:
        layers.append(alt.Chart(alt.Data(values=corrections)).mark_point(shape="diamond", filled=True, size=90).encode(
            x=year, y="value:Q", color=colour,
            tooltip=[*tooltip, alt.Tooltip("fitted:Q", title=fitted_name, format=NUMBER)]))
    title = section.name + (f" ({section.unit})" if section.unit else "")
    return alt.layer(*layers).properties(width="container", height=HEIGHT, title=title, description=title)


def trend_table(section: TrendSection, lang: str) -> Table:
    fitted = dict(zip(section.fitted_years, section.fitted_values, strict=True))
    observed = dict(zip(section.observed_years, section.observed_values, strict=True))
    forecast = {y: (p, lo, hi) for y, p, lo, hi in zip(section.forecast_years, section.point, section.lower,
                                                        section.upper, strict=True)}
    corrected = {c.year: c.corrected for c in section.corrections}  # the latest correction of a year counts
    rows = [[int(y), observed.get(y), fitted.get(y), *forecast.get(y, (None, None, None)), corrected.get(y)]
            for y in sorted(set(observed) | set(fitted) | set(forecast))]
    interval = label("interval", lang, level=f"{section.level * 100:g}")
    columns = [label("year", lang), label("observed", lang), label("fitted", lang), label("forecast", lang),
               f"{interval}: {label('lower', lang)}", f"{interval}: {label('upper', lang)}", label("corrected", lang)]
    return section.name, columns, rows


# --- Delphi: answers per round (000 p.8(2)) --------------------------------------------------------


def delphi_spec(distributions: Sequence[DelphiDistribution], lang: str) -> alt.Chart:
    """Experts per answer value, a bar per round side by side; the technology is chosen in a list."""
    check_language(lang)
    records, technologies = [], []
    for dist in distributions:
        technologies.append(dist.technology)
        for r in dist.rounds:
            for value in answer_scale(dist):
                records.append({"technology": dist.technology, "round": label("round_n", lang, n=r.label),
                                "order": r.label, "answer": f"{value:g}", "experts": r.counts.get(value, 0),
                                "median": _num(r.median), "q1": _num(r.q1), "q3": _num(r.q3), "n": r.n})
    question = question_label(distributions[0].question, lang) if distributions else ""
    choice = alt.param(name="technology", value=technologies[0] if technologies else "",
                       bind=alt.binding_select(options=technologies, name=label("technology", lang) + " "))
    rounds = sorted({(x["order"], x["round"]) for x in records})
    colour = alt.Color("round:N", title=label("round", lang), sort=[r for _o, r in rounds],
                       scale=alt.Scale(scheme="blues"), legend=alt.Legend(orient="bottom"))
    return alt.Chart(alt.Data(values=records)).mark_bar().encode(
        x=alt.X("answer:O", title=label("answer_value", lang), sort=None, axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("round:N", sort=[r for _o, r in rounds]),
        y=alt.Y("experts:Q", title=label("experts", lang), axis=alt.Axis(tickMinStep=1, format="d")),
        color=colour,
        tooltip=[alt.Tooltip("round:N", title=label("round", lang)),
                 alt.Tooltip("answer:O", title=label("answer_value", lang)),
                 alt.Tooltip("experts:Q", title=label("experts", lang)),
                 alt.Tooltip("median:Q", title=label("median", lang), format=",.2~f"),
                 alt.Tooltip("q1:Q", title=label("q1", lang), format=",.2~f"),
                 alt.Tooltip("q3:Q", title=label("q3", lang), format=",.2~f")],
    ).add_params(choice).transform_filter(alt.datum.technology == choice).properties(
        width="container", height=HEIGHT, title=f"{label('delphi', lang)}: {question}",
        description=f"{label('delphi', lang)}: {question}")


def delphi_table(distributions: Sequence[DelphiDistribution], lang: str) -> Table:
    rows = [[dist.technology, label("round_n", lang, n=r.label), r.n,
             "; ".join(f"{v:g}: {r.counts.get(v, 0)}" for v in answer_scale(dist)), _num(r.median), _num(r.q1),
             _num(r.q3)]
            for dist in distributions for r in dist.rounds]
    question = question_label(distributions[0].question, lang) if distributions else ""
    columns = [label("technology", lang), label("round", lang), label("answers", lang),
               f"{label('answer_value', lang)}: {label('experts', lang)}", label("median", lang), label("q1", lang),
               label("q3", lang)]
    return f"{label('delphi', lang)}: {question}", columns, rows


# --- consensus over the rounds --------------------------------------------------------------------


def consensus_spec(consensus: Consensus, lang: str) -> alt.LayerChart:
    """Relative IQR per round of every technology (lines) and Kendall's W per round on its own axis."""
    check_language(lang)
    names = [label("round_n", lang, n=r) for r in consensus.rounds]
    records = [{"technology": s.technology, "round": names[i], "rel_iqr": _num(v)}
               for s in consensus.technologies if len(s.rel_iqr) == len(names) for i, v in enumerate(s.rel_iqr)]
    x = alt.X("round:N", title=label("round", lang), sort=names, axis=alt.Axis(labelAngle=0))
    pick = _legend_highlight("technology")
    lines = alt.Chart(alt.Data(values=records)).mark_line(point=True).encode(
        x=x, y=alt.Y("rel_iqr:Q", title=label("rel_iqr_axis", lang), scale=alt.Scale(zero=True)),
        color=alt.Color("technology:N", title=label("technology", lang),
                        legend=alt.Legend(orient="bottom", columns=1, labelLimit=360)),
        opacity=alt.when(pick).then(alt.value(1)).otherwise(alt.value(0.15)),
        tooltip=[alt.Tooltip("technology:N", title=label("technology", lang)),
                 alt.Tooltip("round:N", title=label("round", lang)),
                 alt.Tooltip("rel_iqr:Q", title=label("rel_iqr_axis", lang), format=",.3~f")],
    ).add_params(pick)
    chart = lines
    w = consensus.kendall_w
    if w is not None and len(w) == len(names) and any(math.isfinite(v) for v in w):
        kendall = [{"round": names[i], "w": _num(v)} for i, v in enumerate(w)]
        w_line = alt.Chart(alt.Data(values=kendall)).mark_line(point=alt.OverlayMarkDef(shape="square"),
                                                               color="#1f2933", strokeDash=[6, 3]).encode(
            x=x, y=alt.Y("w:Q", title=label("kendall_w_axis", lang), scale=alt.Scale(domain=[0, 1]),
                         axis=alt.Axis(orient="right")),
            tooltip=[alt.Tooltip("round:N", title=label("round", lang)),
                     alt.Tooltip("w:Q", title=label("kendall_w_axis", lang), format=",.3~f")])
        chart = alt.layer(lines, w_line).resolve_scale(y="independent")
    title = f"{label('consensus', lang)}: {question_label(consensus.question, lang)}"
    return chart.properties(width="container", height=HEIGHT, title=title, description=title)


def consensus_table(consensus: Consensus, lang: str) -> Table:
    names = [label("round_n", lang, n=r) for r in consensus.rounds]
    rows = [[s.technology, *(_num(v) for v in s.rel_iqr)] for s in consensus.technologies
            if len(s.rel_iqr) == len(names)]
    w = consensus.kendall_w
    if w is not None and len(w) == len(names):
        rows.append([label("kendall_w_axis", lang), *(_num(v) for v in w)])
    title = f"{label('consensus', lang)}: {label('rel_iqr', lang)}"
    return title, [label("technology", lang), *names], rows


# --- technology radar ------------------------------------------------------------------------------


def _radar_geometry(points: Sequence[RadarPoint], base_year: int | None) -> tuple[float, float, list]:
    """The centre and outer year of the rings and (number, point, angle) of each placed technology;
    as in the PDF, the angle only spreads the technologies, the distance from the centre is the year."""
    placed = [(i, p) for i, p in enumerate(points, start=1) if math.isfinite(p.readiness_year)]
    if not placed:
        return 0.0, 1.0, []
    years = [p.readiness_year for _i, p in placed]
    centre = float(base_year) if base_year is not None else math.floor(min(years)) - 1
    outer = max(math.ceil(max(years)) + 1, centre + 2)
    return centre, outer, [(i, p, math.pi / 2 - 2 * math.pi * k / len(placed)) for k, (i, p) in enumerate(placed)]


def radar_spec(points: Sequence[RadarPoint], lang: str, *, base_year: int | None = None) -> alt.LayerChart:
    """Rings are the expected year of use (nearer the centre is sooner), size the importance, colour the level."""
    check_language(lang)
    centre, outer, placed = _radar_geometry(points, base_year)
    span = outer - centre

    def radius(year: float) -> float:
        return (min(max(year, centre), outer) - centre) / span

    step = max(1, math.ceil(span / 5))
    rings = [int(centre) + k * step for k in range(1, int(span // step) + 1)]
    ring_lines = [{"ring": y, "k": k, "x": radius(y) * math.cos(2 * math.pi * k / 72),
                   "y": radius(y) * math.sin(2 * math.pi * k / 72)} for y in rings for k in range(73)]
    ring_labels = [{"ring": str(y), "x": 0.0, "y": radius(y)} for y in rings]
    dots = [{"n": i, "technology": p.technology, "year": _num(p.readiness_year), "importance": _num(p.importance),
             "level": _num(p.level_vs_leader), "competitor": _num(p.level_vs_competitor),
             "x": radius(p.readiness_year) * math.cos(a), "y": radius(p.readiness_year) * math.sin(a)}
            for i, p, a in placed]
    square = alt.Scale(domain=[-1.12, 1.12], nice=False)
    x, y = alt.X("x:Q", axis=None, scale=square), alt.Y("y:Q", axis=None, scale=square)
    grid = alt.Chart(alt.Data(values=ring_lines)).mark_line(color="#b8c2cc", strokeWidth=0.8).encode(
        x=x, y=y, detail="ring:N", order="k:Q")
    years = alt.Chart(alt.Data(values=ring_labels)).mark_text(dy=-6, color="#5b6b7c", fontSize=10).encode(
        x=x, y=y, text="ring:N")
    tooltip = [alt.Tooltip("n:Q", title=label("number_sign", lang)),
               alt.Tooltip("technology:N", title=label("technology", lang)),
               alt.Tooltip("year:Q", title=label("question_year", lang), format=".1~f"),  # a year: no grouping
               alt.Tooltip("importance:Q", title=label("question_importance", lang), format=",.2~f"),
               alt.Tooltip("level:Q", title=label("question_level_vs_leader", lang), format=",.2~f"),
               alt.Tooltip("competitor:Q", title=label("question_level_vs_competitor", lang), format=",.2~f")]
    base = alt.Chart(alt.Data(values=dots))
    circles = base.mark_circle(opacity=0.9, stroke="#1f2933", strokeWidth=0.6).encode(
        x=x, y=y, size=alt.Size("importance:Q", title=label("question_importance", lang),
                                scale=alt.Scale(domain=[1, 5], range=[40, 700]), legend=alt.Legend(orient="bottom")),
        color=alt.condition("isValid(datum.level)",
                            alt.Color("level:Q", title=label("question_level_vs_leader", lang),
                                      scale=alt.Scale(scheme=LEVEL_COLOURS, domain=[-2, 2]),
                                      legend=alt.Legend(orient="bottom")),
                            alt.value(NO_LEVEL)),
        tooltip=tooltip)
    numbers = base.mark_text(dx=9, dy=-9, fontSize=11, color="#1f2933").encode(x=x, y=y, text="n:Q", tooltip=tooltip)
    return alt.layer(grid, years, circles, numbers).properties(
        width=340, height=340, title=label("radar", lang), description=label("radar_legend", lang))


def radar_table(points: Sequence[RadarPoint], lang: str) -> Table:
    rows = [[i, p.technology, _num(p.readiness_year), _num(p.importance), _num(p.level_vs_leader),
             _num(p.level_vs_competitor)] for i, p in enumerate(points, start=1)]
    columns = [label("number_sign", lang), label("technology", lang), label("question_year", lang),
               label("question_importance", lang), label("question_level_vs_leader", lang),
               label("question_level_vs_competitor", lang)]
    return label("radar", lang), columns, rows


# --- scenarios of paragraph 11(8) -----------------------------------------------------------------


def scenario_spec(series: ScenarioSeries, lang: str, *, trend: Sequence[float] | None = None) -> alt.Chart:
    """The trajectories of the four scenarios for one technology, with the trend forecast they start from."""
    check_language(lang)
    keys = [k for k in SCENARIO_KEYS if k in series.values]
    names = {k: label("scenario_" + k, lang) for k in keys}
    records = [{"year": y, "value": _num(v), "scenario": names[k]} for k in keys
               for y, v in zip(series.years, series.values[k], strict=True)]
    domain, colours, dashes = [names[k] for k in keys], [SCENARIO_COLOURS[k] for k in keys], \
        [SCENARIO_DASHES[k] for k in keys]
    if trend is not None:
        forecast = label("forecast", lang)
        records += [{"year": y, "value": _num(v), "scenario": forecast}
                    for y, v in zip(series.years, trend, strict=True)]
        domain, colours, dashes = [*domain, forecast], [*colours, "#1f2933"], [*dashes, [1, 3]]
    value_title = series.unit or label("value", lang)
    pick = _legend_highlight("scenario")
    title = series.technology + (f" ({series.unit})" if series.unit else "")
    return alt.Chart(alt.Data(values=records)).mark_line(point=True, strokeWidth=2).encode(
        x=alt.X("year:Q", title=label("year", lang), axis=YEAR, scale=alt.Scale(zero=False, nice=False)),
        y=alt.Y("value:Q", title=value_title, scale=alt.Scale(zero=False)),
        color=alt.Color("scenario:N", title=label("scenario", lang), scale=alt.Scale(domain=domain, range=colours),
                        legend=alt.Legend(orient="bottom", columns=2, labelLimit=300)),
        strokeDash=alt.StrokeDash("scenario:N", scale=alt.Scale(domain=domain, range=dashes), legend=None),
        opacity=alt.when(pick).then(alt.value(1)).otherwise(alt.value(0.15)),
        tooltip=[alt.Tooltip("scenario:N", title=label("scenario", lang)),
                 alt.Tooltip("year:Q", title=label("year", lang), format="d"),
                 alt.Tooltip("value:Q", title=value_title, format=NUMBER)],
    ).add_params(pick).properties(width="container", height=HEIGHT, title=title, description=title)


def scenario_table(series: ScenarioSeries, lang: str, *, trend: Sequence[float] | None = None) -> Table:
    keys = [k for k in SCENARIO_KEYS if k in series.values]
    columns = [label("year", lang), *([label("forecast", lang)] if trend is not None else []),
               *(label("scenario_" + k, lang) for k in keys)]
    rows = [[int(y), *([_num(trend[i])] if trend is not None else []), *(_num(series.values[k][i]) for k in keys)]
            for i, y in enumerate(series.years)]
    return f"{label('scenarios', lang)}: {series.technology}", columns, rows
