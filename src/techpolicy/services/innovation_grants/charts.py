"""The fund's balances as a chart (site.charts): per financial year, what was allocated among the grant
types, committed by awards, paid and carried over to the next year (law 003 article 27(3)), with
the same figures as a table."""

from __future__ import annotations

import altair as alt
from django.utils.translation import gettext as _

from techpolicy.site import amounts
from techpolicy.site.charts import Chart, chart

COLOURS = ("#8aa4bf", "#00609c", "#2e7d32", "#b26a00")


def balance_chart(balances: dict) -> Chart | None:
    """The chart of `fund.balances()`; None while the ledger has no year."""
    years = sorted(balances.items())
    if not years:
        return None
    measures = ((_("Allocated"), "allocated"), (_("Committed"), "committed"), (_("Paid"), "paid"))
    carried = _("Carried over")
    names = [name for name, _key in measures] + [carried]
    records, rows = [], []
    for year, balance in years:
        # Exact tenge in the table, floats only for the bars' lengths.
        values = [balance.total(key) for _name, key in measures] + [balance.carried_out]
        records += [{"year": str(year), "measure": name, "value": float(value)}
                    for name, value in zip(names, values, strict=True) if value is not None]
        rows.append([str(year), *(amounts.tenge(v) if v is not None else None for v in values)])
    title, axis, year_label = (_("The fund of innovation grants by financial year"), _("Tenge"),
                               _("Financial year"))
    spec = alt.Chart(alt.Data(values=records)).mark_bar().encode(
        x=alt.X("year:N", title=year_label),
        xOffset=alt.XOffset("measure:N", sort=names),
        y=alt.Y("value:Q", title=axis, axis=alt.Axis(format="$,.0f")),
        color=alt.Color("measure:N", title=None, sort=names, scale=alt.Scale(domain=names, range=list(COLOURS)),
                        legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("year:N", title=year_label), alt.Tooltip("measure:N", title=" "),
                 alt.Tooltip("value:Q", title=axis, format="$,.0f")],
    ).properties(width="container", title=title, description=title)
    return chart("grant-fund", title, spec.to_dict(), title, [year_label, *names], rows, digits=0)
