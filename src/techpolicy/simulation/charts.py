"""The what-if comparison as a Vega-Lite chart: per instrument, a measure under the parameters in force
beside the same measure under the reform (no Django; the caller gives the texts in its language).

`comparison_records` reads the instruments of `Comparison.as_dict()` (the stored form, amounts as
decimal strings); the "all" line is left out, since its bars would dwarf every instrument's."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation

import altair as alt

MEASURES = {
    # measure -> (field under the parameters in force, field under the reform, Vega number format)
    "total": ("total_baseline", "total_reform", "$,.0f"),  # the locale puts the tenge sign after the amount
    "eligible": ("eligible_baseline", "eligible_reform", ",d"),
}
COLOURS = ("#8aa4bf", "#00609c")


def _number(value) -> float | None:
    try:
        return float(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return None


def comparison_records(instruments: Sequence[Mapping], measure: str, names: Mapping[str, str],
                       now: str, reform: str) -> list[dict]:
    """One record per instrument and side: its name (from `names`, by code), the side and the value."""
    before, after, _format = MEASURES[measure]
    return [{"instrument": names.get(s["instrument"], s["instrument"]), "code": s["instrument"], "side": side,
             "value": _number(s[field])}
            for s in instruments if s["instrument"] != "all" for side, field in ((now, before), (reform, after))]


def comparison_spec(records: Sequence[Mapping], *, measure: str, title: str, axis: str, instrument: str,
                    now: str, reform: str) -> alt.Chart:
    """Horizontal bars, the two sides of each instrument next to each other (long names fit a phone)."""
    _before, _after, number = MEASURES[measure]
    sides = [now, reform]
    pick = alt.selection_point(fields=["side"], bind="legend")
    return alt.Chart(alt.Data(values=list(records))).mark_bar().encode(
        y=alt.Y("instrument:N", title=instrument, sort=None, axis=alt.Axis(labelLimit=220)),
        yOffset=alt.YOffset("side:N", sort=sides),
        x=alt.X("value:Q", title=axis, axis=alt.Axis(format=number, tickMinStep=1)),
        color=alt.Color("side:N", title=None, sort=sides, scale=alt.Scale(domain=sides, range=list(COLOURS)),
                        legend=alt.Legend(orient="bottom")),
        opacity=alt.when(pick).then(alt.value(1)).otherwise(alt.value(0.25)),
        tooltip=[alt.Tooltip("instrument:N", title=instrument), alt.Tooltip("side:N", title=" "),
                 alt.Tooltip("value:Q", title=axis, format=number)],
    ).add_params(pick).properties(width="container", title=title, description=title)


def comparison_table(instruments: Sequence[Mapping], measure: str, names: Mapping[str, str]) -> list[list]:
    """Rows of instrument, value now, value under the reform and the change."""
    before, after, _format = MEASURES[measure]
    rows = []
    for s in instruments:
        a, b = _number(s[before]), _number(s[after])
        change = b - a if a is not None and b is not None else None
        if measure == "eligible":
            a, b, change = (None if v is None else int(v) for v in (a, b, change))
        rows.append([names.get(s["instrument"], s["instrument"]), a, b, change])
    return rows
