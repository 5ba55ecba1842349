"""Comparing a baseline and a reform run: per instrument and per application.

Per instrument: applications, applications eligible and total reimbursement under each scenario,
the number of applicants (enterprises) with at least one application whose outcome changed
(eligibility, outcome or amount), and the ten largest changes of amount. `per_application`
holds both scenarios side by side for `--out`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import polars as pl

if TYPE_CHECKING:
    from .runner import SimulationResult

TOP = 10


@dataclass(frozen=True)
class InstrumentSummary:
    instrument: str
    applications: int
    eligible_baseline: int
    eligible_reform: int
    granted_baseline: int
    granted_reform: int
    total_baseline: Decimal
    total_reform: Decimal
    applicants_changed: int
    applications_changed: int

    @property
    def total_change(self) -> Decimal:
        return self.total_reform - self.total_baseline

    def as_dict(self) -> dict[str, Any]:
        data = {k: (str(v) if isinstance(v, Decimal) else v) for k, v in self.__dict__.items()}
        data["total_change"] = str(self.total_change)
        return data


@dataclass(frozen=True)
class Comparison:
    summaries: tuple[InstrumentSummary, ...]  # per instrument, then "all"
    largest_changes: pl.DataFrame  # the TOP largest |change| over all instruments
    largest_by_instrument: dict[str, pl.DataFrame]
    per_application: pl.DataFrame
    changes: dict[str, str]
    method: str

    def as_dict(self) -> dict[str, Any]:
        def rows(frame: pl.DataFrame) -> list[dict]:
            return [{k: (str(v) if isinstance(v, Decimal) else v) for k, v in r.items()}
                    for r in frame.iter_rows(named=True)]

        return {
            "reform": self.changes,
            "method": self.method,
            "instruments": [s.as_dict() for s in self.summaries],
            "largest_changes": rows(self.largest_changes),
            "largest_changes_by_instrument": {k: rows(v) for k, v in self.largest_by_instrument.items()},
        }


CHANGE_COLUMNS = ["application_id", "applicant_id", "instrument", "baseline_outcome", "reform_outcome",
                  "baseline_amount", "reform_amount", "change"]


def side_by_side(baseline: pl.DataFrame, reform: pl.DataFrame) -> pl.DataFrame:
    keep = ["application_id", "eligible", "outcome", "amount", "reasons"]
    joined = baseline.select("application_id", "applicant_id", "instrument", "application_date").join(
        baseline.select(keep).rename({k: f"baseline_{k}" for k in keep[1:]}), on="application_id"
    ).join(reform.select(keep).rename({k: f"reform_{k}" for k in keep[1:]}), on="application_id", maintain_order="left")
    return joined.with_columns((pl.col("reform_amount") - pl.col("baseline_amount")).alias("change")).with_columns(
        ((pl.col("change") != 0) | (pl.col("baseline_eligible") != pl.col("reform_eligible"))
         | (pl.col("baseline_outcome") != pl.col("reform_outcome"))).alias("changed")
    )


def _summary(instrument: str, frame: pl.DataFrame) -> InstrumentSummary:
    def total(column: str) -> Decimal:
        value = frame[column].sum() if frame.height else None
        return Decimal(value).quantize(Decimal("0.01")) if value is not None else Decimal("0.00")

    changed = frame.filter(pl.col("changed"))
    return InstrumentSummary(
        instrument=instrument,
        applications=frame.height,
        eligible_baseline=int(frame["baseline_eligible"].sum()),
        eligible_reform=int(frame["reform_eligible"].sum()),
        granted_baseline=int((frame["baseline_outcome"] == "granted").sum()),
        granted_reform=int((frame["reform_outcome"] == "granted").sum()),
        total_baseline=total("baseline_amount"),
        total_reform=total("reform_amount"),
        applicants_changed=changed["applicant_id"].n_unique(),
        applications_changed=changed.height,
    )


def _largest(frame: pl.DataFrame) -> pl.DataFrame:
    changed = frame.filter(pl.col("changed"))
    return (changed.with_columns(pl.col("change").abs().alias("_size"))
            .sort(["_size", "application_id"], descending=[True, False]).head(TOP).select(CHANGE_COLUMNS))


def compare(result: SimulationResult) -> Comparison:
    per_application = side_by_side(result.baseline, result.reform)
    instruments = sorted(per_application["instrument"].unique().to_list(), key=lambda i: (len(i) > 2, i))
    summaries = [_summary(i, per_application.filter(pl.col("instrument") == i)) for i in instruments]
    summaries.append(_summary("all", per_application))
    by_instrument = {i: _largest(per_application.filter(pl.col("instrument") == i)) for i in instruments}
    return Comparison(tuple(summaries), _largest(per_application), by_instrument, per_application,
                      dict(result.changes), result.method)


def _kzt(value: Decimal) -> str:
    return f"{value:,.2f}".replace(",", " ")


def render(comparison: Comparison) -> str:
    """A readable side-by-side table, baseline vs reform."""
    reform = ", ".join(f"{k}={v}" for k, v in comparison.changes.items()) or "(no change)"
    header = ("instrument", "apps", "eligible base", "eligible reform", "total base KZT", "total reform KZT",
              "change KZT", "applicants changed")
    rows = [(s.instrument, str(s.applications), str(s.eligible_baseline), str(s.eligible_reform),
             _kzt(s.total_baseline), _kzt(s.total_reform), _kzt(s.total_change), str(s.applicants_changed))
            for s in comparison.summaries]
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]

    def line(cells) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths,
                                                                                              strict=True)))

    out = [f"Reform: {reform}   (method: {comparison.method})", "", line(header),
           "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows[:-1]] + ["  ".join("-" * w for w in widths), line(rows[-1])]
    largest = comparison.largest_changes
    out += ["", f"Largest changes ({largest.height}):"]
    for r in largest.iter_rows(named=True):
        out.append(f"  {r['application_id']:<12} {r['applicant_id']:<10} {r['instrument']:<3} "
                   f"{r['baseline_outcome']:>20} -> {r['reform_outcome']:<20} {_kzt(r['baseline_amount']):>16} -> "
                   f"{_kzt(r['reform_amount']):>16}  ({'+' if r['change'] >= 0 else ''}{_kzt(r['change'])})")
    if not largest.height:
        out.append("  none: no application's outcome or amount changed")
    return "\n".join(out)


def write_results(comparison: Comparison, path: str) -> None:
    frame = comparison.per_application
    if path.lower().endswith(".csv"):
        frame.write_csv(path)
    else:
        frame.write_parquet(path)
