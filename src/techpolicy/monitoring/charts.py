"""One indicator's chart (site.charts): the targets in force year by year, the approved figures (the
value to date for a cumulative indicator, as the core compares it), the projected trajectory with its
95 % prediction interval, and the final target marked (000.ttp.monitor, 000.p38.a2). The same figures
go to the chart's table; the table's numbers are formatted for the page's language by the kit."""

from __future__ import annotations

import altair as alt
from django.utils.translation import gettext as _
from django.utils.translation import override

from techpolicy.site.charts import Chart, chart

from .dashboard import IndicatorBoard

COLOURS = {"target": "#b26a00", "actual": "#00609c", "projection": "#6b6b6b"}


def name_of(board: IndicatorBoard, lang: str) -> str:
    names = board.indicator.name
    return getattr(names, lang, None) or names.kk


def _records(board: IndicatorBoard, labels: dict[str, str]) -> list[dict]:
    records: list[dict] = []
    for row in board.years:
        target = row.target
        if target is not None:
            records.append({"year": row.year, "series": labels["target"], "value": float(target.value),
                            "final": target.stage == "final"})
        if row.status.value is not None:
            records.append({"year": row.year, "series": labels["actual"], "value": float(row.status.value)})
    forecast = board.projection.forecast
    if forecast:
        observed = [p for p in board.projection.points if p.observed]
        start = observed[-1:]  # the line starts at the last observed value
        for point in (*start, *forecast):
            records.append({"year": point.year, "series": labels["projection"], "value": point.value,
                            "low": point.low, "high": point.high})
    return records


def indicator_chart(board: IndicatorBoard, lang: str) -> Chart:
    """The chart of one `dashboard.IndicatorBoard` in the page's language `lang`."""
    with override(lang):
        labels = {"target": _("Target"), "actual": _("Approved actual"),
                  "projection": _("Projection (95% interval)")}
        year_label, value_label = _("Year"), board.indicator.unit
        final_label = _("Final target")
        title = name_of(board, lang)
        caption = _("%(indicator)s: targets, approved actuals and the projection") % {"indicator": title}
        columns = [year_label, labels["target"], labels["actual"], _("Projection"), _("Lower bound"),
                   _("Upper bound")]
    records = _records(board, labels)
    names = list(labels.values())
    base = alt.Chart(alt.Data(values=records)).encode(
        x=alt.X("year:O", title=year_label),
        color=alt.Color("series:N", title=None, sort=names,
                        scale=alt.Scale(domain=names, range=[COLOURS[k] for k in labels]),
                        legend=alt.Legend(orient="bottom")))
    value = alt.Y("value:Q", title=value_label, scale=alt.Scale(zero=False))
    tooltip = [alt.Tooltip("year:O", title=year_label), alt.Tooltip("series:N", title=" "),
               alt.Tooltip("value:Q", title=value_label, format=",.6~f")]
    band = base.mark_area(opacity=0.2).encode(y=alt.Y("low:Q", title=value_label), y2="high:Q").transform_filter(
        alt.datum.series == labels["projection"])
    projection = base.mark_line(strokeDash=[6, 4]).encode(y=value, tooltip=tooltip).transform_filter(
        alt.datum.series == labels["projection"])
    target = base.mark_line(point=True).encode(y=value, tooltip=tooltip).transform_filter(
        alt.datum.series == labels["target"])
    final = base.mark_point(shape="diamond", size=160, filled=True).encode(
        y=value, tooltip=[*tooltip, alt.Tooltip("final:N", title=final_label)]).transform_filter(
        "datum.final === true")
    actual = base.mark_point(size=70, filled=True).encode(y=value, tooltip=tooltip).transform_filter(
        alt.datum.series == labels["actual"])
    spec = alt.layer(band, projection, target, final, actual).properties(
        width="container", title=title, description=caption)
    projected = {p.year: p for p in board.projection.forecast}
    rows = []
    for row in board.years:
        point = projected.get(row.year)
        rows.append([row.year, row.target.value if row.target else None, row.status.value,
                     point.value if point else None, point.low if point else None, point.high if point else None])
    return chart(f"indicator-{board.row.pk}", title, spec.to_dict(), caption, columns, rows, digits=2, lang=lang)
