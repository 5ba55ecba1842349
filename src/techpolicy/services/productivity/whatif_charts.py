"""The charts of the what-if result (site.charts): per instrument, the total reimbursement and the
eligible applications under the parameters in force beside the reform, with their tables."""

from __future__ import annotations

from django.utils.translation import gettext as _

from techpolicy.simulation import charts as specs
from techpolicy.site import amounts
from techpolicy.site.charts import Chart, chart

from .whatif_display import instrument_name


def comparison_charts(comparison: dict) -> list[Chart]:
    """Both charts of a stored comparison (`Comparison.as_dict()`), none when it holds no instrument."""
    instruments = comparison.get("instruments") or []
    if not [s for s in instruments if s["instrument"] != "all"]:
        return []
    names = {s["instrument"]: instrument_name(s["instrument"]) for s in instruments}
    now, reform, instrument = _("Now"), _("Reform"), _("Instrument")
    columns = [instrument, now, reform, _("Change")]
    out = []
    for measure, title, axis in (
        ("total", _("Total reimbursement by instrument"), _("Total reimbursement, tenge")),
        ("eligible", _("Eligible applications by instrument"), _("Eligible applications")),
    ):
        records = specs.comparison_records(instruments, measure, names, now, reform)
        spec = specs.comparison_spec(records, measure=measure, title=title, axis=axis, instrument=instrument,
                                     now=now, reform=reform)
        rows = specs.comparison_table(instruments, measure, names)
        if measure == "total":  # amounts as the rest of the page writes them, in tenge
            rows = [[name, *(amounts.tenge(v) if v is not None else None for v in values)]
                    for name, *values in rows]
        out.append(chart(f"what-if-{measure}", title, spec.to_dict(), title, columns, rows, digits=0))
    return out
