"""Populations of "Productivity 2020" applications (act 004): the flat format, reading, and `row_to_facts`.

One row is one application. Columns (`COLUMNS` is the machine-readable list; docs/simulation.md
explains each with an example):

| column | type | for | meaning |
|---|---|---|---|
| application_id | text | all | unique id of the application |
| application_date | date | all | date filed |
| instrument | text | all | "2a", "2b", "3a", "3b", "4a", "4b", "5a", "5b", "7" or "8" |
| channel | text | all | "direct" (to KIDI) or "nce" (through the National Chamber of Entrepreneurs) |
| applicant_id | text | all | the enterprise; its applications are chained in date order (caps per year) |
| oked | text | all | OKED code of the applicant's activity ("62.01") |
| activity_since | date | all | since when that activity is carried out |
| enterprise_size | text | all | "sme" or "large" |
| incurred_on | date | all | date every cost of the application was incurred (paid) |
| financed_by_other_programme | bool | all | the main cost (service or fee) was financed by another budget programme |
| executor_service | text | all | kind of service of the executor (5.2), empty for none |
| executor_experience_years | decimal | all | executor's years of experience in the field |
| executor_past_projects | int | all | executor's past projects in the field |
| executor_licence_required | bool | all | the law requires a licence for the service |
| executor_licence_held | bool | all | the executor holds it |
| executor_accreditation | text | 2b | accreditation of an expertise executor, empty for none |
| cost_kzt | decimal | 2a 2b 4a-5b 7 8 | cost of the service |
| cost_kind | text | optional | kind of that cost; default: the instrument's only (first) admissible kind |
| persons | text | 3a 3b | employees (3a) or foreign specialists (3b), ids separated by ";" |
| fee_per_person_kzt | decimal | 3a 3b | 3a: fee per employee (one group contract, split equally); 3b: per specialist |
| months | decimal | 3b | months of each specialist's work |
| training_kind | text | 3a | "course" or "internship" |
| travel_kzt | decimal | 3a | fare of each trip (there, and back) per employee; 0 or empty: no travel |
| travel_mode, travel_class | text | 3a | "air"/"rail"/"road"/"water"; "economy", "coupe", "business", ... |
| accommodation_kzt | decimal | 3a | accommodation per employee |
| stay_nights | int | 3a | nights of that stay, from `incurred_on` |
| room_single_standard | bool | 3a | a single standard-class room |
| per_diem_kzt | decimal | 3a | per diem per employee (the programme does not reimburse it) |
| prior_persons_this_year | int | 3a 3b | persons reimbursed earlier in the year, outside the population |
| construction_cost_kzt | decimal | 2b | cost of the construction and installation works |
| industrialization_map | text | 2b | "republican", "regional" or "none" |
| positive_expertise | bool | 2b | positive non-departmental expertise of the feasibility study |
| cpip_approved | bool | 2a | CPIP approved for financing by KDB-Leasing |
| cluster_winner | bool | 7 8 | winner of stage 1 (7) or stage 2 (8) of the cluster competition |

Columns marked "all" must be present; an instrument's columns must be present when a row has that
instrument (and are not null in those rows where the law needs them: the facts model names the
missing fact). Money is read as decimal with tiyn (never float).

`row_to_facts(row, prior)` maps a row to the input of `ProductivityFacts`, so a population runs
through the very rules that decide single cases. `prior` is the list of earlier reimbursements of
the same enterprise and instrument (`PriorReimbursement` input), which the runner feeds forward.
"""

from __future__ import annotations

import csv
import datetime as dt
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import polars as pl

from techpolicy.law import columnar, text
from techpolicy.law.acts.act004_productivity2020 import exclusions
from techpolicy.law.acts.act004_productivity2020.facts import OKED_PATTERN, Money, ProductivityFacts
from techpolicy.law.acts.act004_productivity2020.instruments import INSTRUMENTS

MONEY = pl.Decimal(20, 2)
# tenge: the upper bound of `facts.Money`, read off the model
MONEY_BOUND = next(m.le for m in typing.get_args(Money)[1].metadata if hasattr(m, "le"))
SUPPORTED_INSTRUMENTS = ("2a", "2b", "3a", "3b", "4a", "4b", "5a", "5b", "7", "8")
PERSON_INSTRUMENTS = frozenset(i for i, d in INSTRUMENTS.items() if d.person)  # 3a, 3b


@dataclass(frozen=True)
class Column:
    name: str
    dtype: Any
    instruments: frozenset[str] | None  # None: every row needs it
    optional: bool = False


def _c(name: str, dtype: Any, instruments: str | None = None, optional: bool = False) -> Column:
    return Column(name, dtype, frozenset(instruments.split()) if instruments else None, optional)


COLUMNS: tuple[Column, ...] = (
    _c("application_id", pl.String),
    _c("application_date", pl.Date),
    _c("instrument", pl.String),
    _c("channel", pl.String),
    _c("applicant_id", pl.String),
    _c("oked", pl.String),
    _c("activity_since", pl.Date),
    _c("enterprise_size", pl.String),
    _c("incurred_on", pl.Date),
    _c("financed_by_other_programme", pl.Boolean),
    _c("executor_service", pl.String),
    _c("executor_experience_years", pl.Decimal(10, 2)),
    _c("executor_past_projects", pl.Int64),
    _c("executor_licence_required", pl.Boolean),
    _c("executor_licence_held", pl.Boolean),
    _c("executor_accreditation", pl.String, "2b", optional=True),
    _c("cost_kzt", MONEY, "2a 2b 4a 4b 5a 5b 7 8"),
    _c("cost_kind", pl.String, optional=True),
    _c("persons", pl.String, "3a 3b"),
    _c("fee_per_person_kzt", MONEY, "3a 3b"),
    _c("months", pl.Decimal(10, 2), "3b"),
    _c("training_kind", pl.String, "3a"),
    _c("travel_kzt", MONEY, "3a"),
    _c("travel_mode", pl.String, "3a"),
    _c("travel_class", pl.String, "3a"),
    _c("accommodation_kzt", MONEY, "3a"),
    _c("stay_nights", pl.Int64, "3a"),
    _c("room_single_standard", pl.Boolean, "3a", optional=True),
    _c("per_diem_kzt", MONEY, "3a"),
    _c("prior_persons_this_year", pl.Int64, "3a 3b", optional=True),
    _c("construction_cost_kzt", MONEY, "2b"),
    _c("industrialization_map", pl.String, "2b"),
    _c("positive_expertise", pl.Boolean, "2b"),
    _c("cpip_approved", pl.Boolean, "2a"),
    _c("cluster_winner", pl.Boolean, "7 8"),
)
SCHEMA: dict[str, Any] = {c.name: c.dtype for c in COLUMNS}
REQUIRED = tuple(c.name for c in COLUMNS if c.instruments is None and not c.optional)


class PopulationError(ValueError):
    """A population that cannot be read: names the column (or file) at fault."""

    def __init__(self, message: str, column: str | None = None):
        super().__init__(message)
        self.column = column


# --- reading ---------------------------------------------------------------------------------------------


def _check_ragged_csv(path: Path) -> None:
    """Polars fills a short line with nulls silently: refuse any line whose field count differs."""
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            raise PopulationError(f"{path}: empty file", None)
        width = len(header)
        for number, fields in enumerate(reader, start=2):
            if len(fields) != width and fields:
                raise PopulationError(
                    f"{path}: line {number} has {len(fields)} fields, the header has {width} (ragged CSV)", None
                )


def read_population(path: str | Path) -> pl.DataFrame:
    """Read a population from CSV or Parquet and check it (`validate`). Raises `PopulationError`."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            _check_ragged_csv(path)
            frame = pl.read_csv(path, infer_schema=False)  # every column as text; cast below, column by column
        elif suffix in (".parquet", ".pq"):
            frame = pl.read_parquet(path)
        else:
            raise PopulationError(f"{path}: expected a .csv or .parquet file", None)
    except PopulationError:
        raise
    except (OSError, UnicodeDecodeError, pl.exceptions.PolarsError) as exc:
        raise PopulationError(f"cannot read {path}: {exc}", None) from None
    return validate(frame)


_TRUE = {"true", "1", "yes", "t", "y"}
_FALSE = {"false", "0", "no", "f", "n"}


def _cast(frame: pl.DataFrame, column: Column) -> pl.Series:
    series = frame[column.name]
    if series.dtype == column.dtype:
        return series
    if series.dtype == pl.String:
        text = series.str.strip_chars()
        text = text.set(text == "", None)
        if column.dtype == pl.Boolean:
            lowered = text.str.to_lowercase()
            bad = lowered.filter(lowered.is_not_null() & ~lowered.is_in([*_TRUE, *_FALSE]))
            if len(bad):
                raise PopulationError(f"column {column.name}: {bad[0]!r} is not true/false", column.name)
            return lowered.is_in(list(_TRUE)).set(lowered.is_null(), None).alias(column.name)
        if isinstance(column.dtype, pl.Decimal):
            bad = text.filter(text.is_not_null() & ~text.str.contains(r"^-?\d+(\.\d{1,2})?$"))
            if len(bad):
                raise PopulationError(
                    f"column {column.name}: {bad[0]!r} is not an amount (digits, at most 2 decimals)", column.name
                )
        series = text
    try:
        if series.dtype == pl.String and column.dtype == pl.Date:
            return series.str.to_date("%Y-%m-%d", strict=True)
        return series.cast(column.dtype, strict=True)
    except pl.exceptions.PolarsError:
        sample = series.head(1000).to_list()
        bad = next((v for v in sample if v is not None), None)
        raise PopulationError(
            f"column {column.name}: cannot read values such as {bad!r} as {column.dtype}", column.name
        ) from None


def validate(frame: pl.DataFrame) -> pl.DataFrame:
    """Check columns and types; returns the frame with every documented column cast to its type.

    Missing optional columns are added as nulls; unknown extra columns are kept untouched.
    """
    missing = [name for name in REQUIRED if name not in frame.columns]
    if missing:
        raise PopulationError(f"missing column {missing[0]} (required for every row)", missing[0])
    frame = frame.with_columns(_cast(frame, c) for c in COLUMNS if c.name in frame.columns)
    instruments = set(frame["instrument"].unique().to_list())
    unknown = sorted(str(i) for i in instruments - set(SUPPORTED_INSTRUMENTS))
    if unknown:
        raise PopulationError(
            f"column instrument: {unknown[0]!r} is not supported (expected one of {', '.join(SUPPORTED_INSTRUMENTS)})",
            "instrument",
        )
    for column in COLUMNS:
        if column.name in frame.columns:
            continue
        if column.instruments and not column.optional and column.instruments & instruments:
            needing = ", ".join(sorted(column.instruments & instruments))
            raise PopulationError(f"missing column {column.name} (needed by instrument {needing})", column.name)
        frame = frame.with_columns(pl.lit(None, dtype=column.dtype).alias(column.name))
    for name in ("application_id", "application_date", "applicant_id", "instrument"):
        if frame[name].null_count():
            raise PopulationError(f"column {name}: empty value", name)
    duplicated = frame["application_id"].is_duplicated()
    if duplicated.any():
        raise PopulationError(
            f"column application_id: {frame['application_id'].filter(duplicated)[0]!r} is used twice", "application_id"
        )
    return frame


def write_population(frame: pl.DataFrame, path: str | Path) -> None:
    path = Path(path)
    if path.suffix.lower() == ".csv":
        frame.write_csv(path)
    elif path.suffix.lower() in (".parquet", ".pq"):
        frame.write_parquet(path)
    else:
        raise PopulationError(f"{path}: expected a .csv or .parquet file", None)


# --- a row as the facts of one application ----------------------------------------------------------------


def _persons(row: dict) -> list[str]:
    text = row.get("persons") or ""
    return [p.strip() for p in text.split(";") if p.strip()]


def _money(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _default_kind(instrument: str) -> str:
    return sorted(INSTRUMENTS[instrument].admissible_kinds)[0]


def _executor(row: dict) -> list[dict]:
    if not row.get("executor_service"):
        return []
    executor: dict[str, Any] = {
        "id": "X1",
        "service": row["executor_service"],
        "experience_years": _money(row["executor_experience_years"]),
        "past_projects": row["executor_past_projects"],
        "licence_required": bool(row["executor_licence_required"]),
        "licence_held": bool(row["executor_licence_held"]),
    }
    if row.get("executor_accreditation"):
        executor["accreditation"] = row["executor_accreditation"]
    return [executor]


def _training_lines(row: dict, persons: list[str], base: dict) -> list[dict]:
    """3a: one fee line for the group (fee x persons, split equally by the rule), then per employee one
    trip there and one back, the stay and the per diem."""
    fee = _money(row["fee_per_person_kzt"])
    lines = [{**base, "id": "fee", "kind": "training_fee",
              "amount_kzt": None if fee is None else fee * len(persons), "employees": persons,
              "training_kind": row.get("training_kind"),
              "financed_by_other_budget_programme": bool(row.get("financed_by_other_programme"))}]
    travel, stay, per_diem = (_money(row.get(k)) for k in ("travel_kzt", "accommodation_kzt", "per_diem_kzt"))
    nights = row.get("stay_nights") or 0
    room = row.get("room_single_standard")
    for person in persons:
        one = {**base, "employees": [person]}
        if travel:
            for direction in ("outbound", "return"):
                lines.append({**one, "id": f"travel-{person}-{direction}", "kind": "travel", "amount_kzt": travel,
                              "travel_mode": row.get("travel_mode"), "travel_class": row.get("travel_class"),
                              "direction": direction})
        if stay:
            lines.append({**one, "id": f"stay-{person}", "kind": "accommodation", "amount_kzt": stay,
                          "training_kind": row.get("training_kind"), "stay_from": row["incurred_on"],
                          # no date incurred: the model refuses the line, naming the field
                          "stay_to": row["incurred_on"] and row["incurred_on"] + dt.timedelta(days=int(nights)),
                          "room_single_standard": True if room is None else bool(room)})
        if per_diem:
            lines.append({**one, "id": f"per-diem-{person}", "kind": "per_diem", "amount_kzt": per_diem})
    return lines


def _cost_lines(row: dict) -> list[dict]:
    instrument = row["instrument"]
    base: dict[str, Any] = {"incurred_on": row["incurred_on"]}
    if row.get("executor_service"):
        base["executor"] = "X1"
    other = bool(row.get("financed_by_other_programme"))
    persons = _persons(row)
    if instrument == "3a":
        return _training_lines(row, persons, base)
    if instrument == "3b":
        return [{**base, "id": f"fee-{person}", "kind": "expert_fee", "amount_kzt": _money(row["fee_per_person_kzt"]),
                 "specialist": person, "months": _money(row.get("months")),
                 "financed_by_other_budget_programme": other} for person in persons]
    return [{**base, "id": "cost", "kind": row.get("cost_kind") or _default_kind(instrument),
             "amount_kzt": _money(row["cost_kzt"]), "financed_by_other_budget_programme": other}]


def outside_priors(row: dict) -> list[dict]:
    """Persons reimbursed earlier in the year but not in the population (`prior_persons_this_year`):
    they count against the yearly headcount; their amounts are not known, so they are given as 0."""
    count = row.get("prior_persons_this_year") or 0
    if not count or row["instrument"] not in PERSON_INSTRUMENTS:
        return []
    year_start = dt.date(row["application_date"].year, 1, 1)
    return [{"instrument": row["instrument"], "decided_on": year_start, "amount_kzt": Decimal(0),
             "persons": [{"id": f"outside-{k + 1}", "amount_kzt": Decimal(0)} for k in range(int(count))]}]


def row_to_facts(row: dict, prior: list[dict] | None = None) -> dict:
    """The `ProductivityFacts` input of one population row.

    `prior`: earlier reimbursements of the enterprise under the programme (`PriorReimbursement`
    dicts), fed forward by the runner; the outside priors of the row are added to them.
    """
    instrument = row["instrument"]
    applicant: dict[str, Any] = {
        "name": row["applicant_id"],
        "oked_codes": [row["oked"]] if row.get("oked") else [],
        "activity_since": row.get("activity_since"),
        "enterprise_size": row.get("enterprise_size"),
    }
    if instrument == "2a":
        applicant["cpip_approved_by_kdb_leasing"] = row.get("cpip_approved")
    if instrument == "2b":
        applicant["industrialization_map"] = row.get("industrialization_map")
        applicant["positive_expertise"] = row.get("positive_expertise")
    if instrument in ("7", "8"):
        applicant["cluster_stage1_winner" if instrument == "7" else "cluster_stage2_winner"] = row.get("cluster_winner")
    facts: dict[str, Any] = {
        "application_date": row["application_date"],
        "instrument": instrument,
        "channel": row.get("channel"),
        "applicant": applicant,
        "executors": _executor(row),
        "costs": _cost_lines(row),
        "prior_reimbursements": [*outside_priors(row), *(prior or [])],
    }
    if instrument == "2b":
        facts["construction_installation_cost_kzt"] = _money(row.get("construction_cost_kzt"))
    return facts


# --- a population as the frame of facts ---------------------------------------------------------------------


def _only(instruments: str, value: pl.Expr) -> pl.Expr:
    """`value` in the rows of these instruments, null elsewhere (as `row_to_facts` leaves it out)."""
    return pl.when(pl.col("instrument").is_in(instruments.split())).then(value).otherwise(None)


def facts_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """The application-level columns of the frame of `ProductivityFacts` (`law.columnar.schema`) of
    a validated population, built column by column as `row_to_facts` builds one row's facts: the
    columns the eligibility rules read. Cost lines and earlier reimbursements are not among them:
    the calculation reads them per application."""
    types = columnar.schema(ProductivityFacts)
    executor = pl.struct(
        pl.lit("X1").alias("id"), pl.lit("").alias("name"), pl.col("executor_service").alias("service"),
        pl.col("executor_experience_years").cast(columnar.DECIMAL).alias("experience_years"),
        pl.col("executor_past_projects").alias("past_projects"),
        pl.col("executor_licence_required").fill_null(False).alias("licence_required"),
        pl.col("executor_licence_held").fill_null(False).alias("licence_held"),
        pl.when(pl.col("executor_accreditation") != "").then(pl.col("executor_accreditation")).alias("accreditation"),
    )
    given = pl.col("executor_service").is_not_null() & (pl.col("executor_service") != "")
    columns = {
        "application_date": pl.col("application_date"),
        "instrument": pl.col("instrument"),
        "channel": pl.col("channel"),
        "applicant.name": pl.col("applicant_id"),
        "applicant.oked_codes": pl.when(pl.col("oked").is_not_null() & (pl.col("oked") != ""))
        .then(pl.concat_list(pl.col("oked"))).otherwise(pl.lit([], pl.List(pl.String))),
        "applicant.activity_since": pl.col("activity_since"),
        "applicant.enterprise_size": pl.col("enterprise_size"),
        "applicant.cpip_approved_by_kdb_leasing": _only("2a", pl.col("cpip_approved")),
        "applicant.industrialization_map": _only("2b", pl.col("industrialization_map")),
        "applicant.positive_expertise": _only("2b", pl.col("positive_expertise")),
        "applicant.cluster_stage1_winner": _only("7", pl.col("cluster_winner")),
        "applicant.cluster_stage2_winner": _only("8", pl.col("cluster_winner")),
        "executors": pl.when(given).then(pl.concat_list(executor)).otherwise(pl.lit([], types["executors"])),
        "construction_installation_cost_kzt": _only("2b", pl.col("construction_cost_kzt").cast(columnar.DECIMAL)),
        "leasing": pl.lit(False),
    }
    # Facts a population does not carry (instrument 1's leasing, monitoring, the cost lines) are null.
    return frame.select(columns.get(name, pl.lit(None)).cast(dtype).alias(name) for name, dtype in types.items())


def text_flagged(frame: pl.DataFrame) -> pl.Series:
    """Rows with a control character in any text column (`law.text`): only these need the
    string-by-string walk of `parse_facts`, which names the field."""
    texts = [name for name, dtype in frame.schema.items() if dtype == pl.String]
    if not texts:
        return pl.Series([False] * frame.height)
    return frame.select(pl.any_horizontal(pl.col(texts).str.contains(text.FORBIDDEN_IN_COLUMNS).fill_null(False))
                        ).to_series()


# --- a population as the frame of cost lines ----------------------------------------------------------------


def person_lists(frame: pl.DataFrame) -> pl.Expr:
    """The persons of each row as a list, as `row_to_facts` reads the column (";"-separated, trimmed)."""
    items = pl.col("persons").fill_null("").str.split(";").list.eval(pl.element().str.strip_chars())
    return items.list.eval(pl.element().filter(pl.element() != ""))


LISTED = "§listed"  # the persons of each row as a list (`person_lists`)


def with_person_lists(frame: pl.DataFrame) -> pl.DataFrame:
    """`frame` with the column LISTED; a frame that has it is returned as it is, so that the steps
    reading the persons of the same rows split the column once."""
    return frame if LISTED in frame.columns else frame.with_columns(person_lists(frame).alias(LISTED))


TIMES = "§times"  # a line built once for persons alike: how many persons have it (1 for others)


def _line(frame: pl.DataFrame, line: pl.Expr, kind: pl.Expr, amount: pl.Expr, **columns: pl.Expr) -> pl.DataFrame:
    """Lines of `frame` (one per row) in the columns of `exclusions.LINE_SCHEMA`, and TIMES; what a
    line does not carry is null (the defaults of `CostLine` where the rules read them)."""
    given = pl.col("executor_service").is_not_null() & (pl.col("executor_service") != "")
    values = {
        "kind": kind, "amount_kzt": amount.cast(columnar.DECIMAL), "incurred_on": pl.col("incurred_on"),
        "executor": pl.when(given).then(pl.lit("X1")), "financed_by_other_budget_programme": pl.lit(False),
        "employees": pl.lit([], pl.List(pl.String)), "room_single_standard": pl.lit(True),
        exclusions.APP: pl.col("§app"), exclusions.LINE: line, "instrument": pl.col("instrument"),
        "application_date": pl.col("application_date"), columnar.ON: pl.col(columnar.ON), TIMES: pl.lit(1), **columns,
    }
    return frame.select(values.get(name, pl.lit(None)).cast(dtype).alias(name)
                        for name, dtype in (*exclusions.LINE_SCHEMA.items(), (columnar.ON, pl.Date()),
                                            (TIMES, pl.UInt32())))


def _per_person(rows: pl.DataFrame, alike: pl.Expr, block: int, first: int) -> pl.DataFrame:
    """The rows once per person (`§persons` one id, `§at` the place of the first of its `block`
    lines, the first person's at `first`); rows where `alike` holds only once, for their first
    person, with TIMES the number of persons."""
    alike_rows = rows.filter(alike).with_columns(
        pl.col("§persons").list.len().alias(TIMES), pl.col("§persons").list.first(), pl.lit(first).alias("§at"))
    every = rows.filter(~alike).explode("§persons").with_columns(
        pl.lit(1).alias(TIMES), (pl.int_range(pl.len()).over("§app") * block + first).alias("§at"))
    return pl.concat([alike_rows, every], how="vertical_relaxed").filter(pl.col("§persons").is_not_null())


def lines_of_population(frame: pl.DataFrame, on: dt.date | None, each_person: pl.Series | None = None) -> pl.DataFrame:
    """The frame of cost lines (`exclusions.LINE_SCHEMA`) of a validated population, line for line
    as `row_to_facts` builds the cost lines of one row (`_cost_lines`, in the same order); the
    line ids, which no rule reads, are left out. `§app` is the row's position in `frame`, LINE the
    place of the line in its row; the frame is not in that order.

    The lines of a row's persons (3a: travel, stay, per diem; 3b: the fee) differ in the person
    alone. They are built for every person in the rows where `each_person` is true (all rows if
    None), and else once, for the first person, with TIMES the number of persons: the rules give
    each person's line the same result, since no rule reads who the person is except the
    round-trip count, and a row names each of its persons once (`suspects` flags any other)."""
    base = with_person_lists(frame).with_row_index("§app").with_columns(
        (pl.lit(on) if on is not None else pl.col("application_date")).alias(columnar.ON),
        pl.col(LISTED).alias("§persons"),
        pl.lit(True if each_person is None else each_person).alias("§each"))
    other = pl.col("financed_by_other_programme").fill_null(False)
    # an empty kind is no kind, as `_cost_lines` reads it: the instrument's default
    given = pl.when(pl.col("cost_kind") != "").then(pl.col("cost_kind"))
    kind = pl.coalesce(given, pl.col("instrument").replace_strict(
        {i: _default_kind(i) for i in SUPPORTED_INSTRUMENTS}, default=None))
    parts = [_line(base.filter(~pl.col("instrument").is_in(["3a", "3b"])), pl.lit(0), kind, pl.col("cost_kzt"),
                   financed_by_other_budget_programme=other)]
    training = base.filter(pl.col("instrument") == "3a")
    parts.append(_line(training, pl.lit(0), pl.lit("training_fee"),
                       pl.col("fee_per_person_kzt").cast(columnar.DECIMAL) * pl.col("§persons").list.len(),
                       employees=pl.col("§persons"), training_kind=pl.col("training_kind"),
                       financed_by_other_budget_programme=other))
    each = _per_person(training.select("§app", "§persons", "§each", "instrument", "application_date", columnar.ON,
                                       "incurred_on", "executor_service", "training_kind", "travel_kzt",
                                       "travel_mode", "travel_class", "accommodation_kzt", "stay_nights",
                                       "room_single_standard", "per_diem_kzt"), ~pl.col("§each"), 4, 1)
    one = {"employees": pl.concat_list(pl.col("§persons")), TIMES: pl.col(TIMES)}
    travel = each.filter(pl.col("travel_kzt").is_not_null() & (pl.col("travel_kzt") != 0))
    for offset, direction in enumerate(("outbound", "return")):
        parts.append(_line(travel, pl.col("§at") + offset, pl.lit("travel"), pl.col("travel_kzt"), **one,
                           travel_mode=pl.col("travel_mode"), travel_class=pl.col("travel_class"),
                           direction=pl.lit(direction)))
    stay = each.filter(pl.col("accommodation_kzt").is_not_null() & (pl.col("accommodation_kzt") != 0))
    parts.append(_line(stay, pl.col("§at") + 2, pl.lit("accommodation"), pl.col("accommodation_kzt"), **one,
                       training_kind=pl.col("training_kind"), stay_from=pl.col("incurred_on"),
                       stay_to=pl.col("incurred_on") + pl.duration(days=pl.col("stay_nights").fill_null(0)),
                       room_single_standard=pl.col("room_single_standard").fill_null(True)))
    diem = each.filter(pl.col("per_diem_kzt").is_not_null() & (pl.col("per_diem_kzt") != 0))
    parts.append(_line(diem, pl.col("§at") + 3, pl.lit("per_diem"), pl.col("per_diem_kzt"), **one))
    experts = _per_person(base.filter(pl.col("instrument") == "3b"), ~pl.col("§each"), 1, 0)
    parts.append(_line(experts, pl.col("§at"), pl.lit("expert_fee"), pl.col("fee_per_person_kzt"),
                       **{TIMES: pl.col(TIMES)}, specialist=pl.col("§persons"),
                       months=pl.col("months").cast(columnar.DECIMAL), financed_by_other_budget_programme=other))
    return pl.concat(parts)  # not sorted: the rules read the order of an application's lines from LINE


# --- which rows the facts models may refuse ---------------------------------------------------------------


def _choices(model: type, name: str) -> list[str]:
    """The values a Literal field of a facts model admits (read off the model, not copied)."""
    found: list[str] = []
    stack = [model.model_fields[name].annotation]
    while stack:
        annotation = stack.pop()
        args = typing.get_args(annotation)
        if typing.get_origin(annotation) is typing.Literal:
            found += [a for a in args if isinstance(a, str)]
        else:
            stack += args
    return found


def _outside(name: str, model: type, field: str) -> pl.Expr:
    value = pl.col(name)
    return value.is_not_null() & ~value.is_in(_choices(model, field))


def _missing(name: str, instruments: str | Iterable[str]) -> pl.Expr:
    wanted = instruments.split() if isinstance(instruments, str) else sorted(instruments)
    return pl.col("instrument").is_in(wanted) & pl.col(name).is_null()


def _money_out_of_bounds(name: str) -> pl.Expr:
    return (pl.col(name) < 0) | (pl.col(name) > MONEY_BOUND)


def suspects(frame: pl.DataFrame) -> pl.Series:
    """Rows of a validated population whose facts the models (`ProductivityFacts`,
    `require_instrument_facts`) might refuse, found column by column: only these are parsed one by
    one, for the model's own message naming the field. Every row the models refuse is among them
    (`tests/simulation/test_population_validation.py` checks it on hostile rows); a suspect row the
    models accept is decided like any other."""
    from techpolicy.law.acts.act004_productivity2020.facts import (
        REQUIRED_FACTS,
        Applicant,
        CostLine,
        Executor,
    )

    column_of = {"applicant.activity_since": "activity_since", "applicant.enterprise_size": "enterprise_size",
                 "applicant.cpip_approved_by_kdb_leasing": "cpip_approved",
                 "applicant.industrialization_map": "industrialization_map",
                 "applicant.positive_expertise": "positive_expertise",
                 "construction_installation_cost_kzt": "construction_cost_kzt",
                 "applicant.cluster_stage1_winner": "cluster_winner",
                 "applicant.cluster_stage2_winner": "cluster_winner"}
    frame = with_person_lists(frame)
    persons = pl.col(LISTED)
    training, experts = pl.col("instrument") == "3a", pl.col("instrument") == "3b"
    executor = pl.col("executor_service").is_not_null() & (pl.col("executor_service") != "")
    travels = training & (pl.col("travel_kzt").fill_null(0) != 0) & (persons.list.len() > 0)
    lines_money = [_money_out_of_bounds(c) for c in ("cost_kzt", "travel_kzt", "accommodation_kzt", "per_diem_kzt",
                                                     "construction_cost_kzt")]
    checks = [
        text_flagged(frame),
        *(_missing(column_of[path], instruments) for path, instruments in REQUIRED_FACTS.items()
          if path in column_of),
        pl.col("applicant_id").is_null() | (pl.col("applicant_id") == ""),
        pl.col("oked").is_null() | ~pl.col("oked").str.contains(OKED_PATTERN),
        _outside("channel", ProductivityFacts, "channel"),
        _outside("enterprise_size", Applicant, "enterprise_size"),
        _outside("industrialization_map", Applicant, "industrialization_map"),
        pl.col("incurred_on").is_null(),
        executor & (_outside("executor_service", Executor, "service")
                    | pl.col("executor_experience_years").is_null() | (pl.col("executor_experience_years") < 0)
                    | pl.col("executor_past_projects").is_null() | (pl.col("executor_past_projects") < 0)
                    | ((pl.col("executor_accreditation") != "")
                       & _outside("executor_accreditation", Executor, "accreditation"))),
        ~pl.col("instrument").is_in(["3a", "3b"]) & (pl.col("cost_kzt").is_null()
                                                     | _outside("cost_kind", CostLine, "kind")),
        *lines_money,
        (training | experts) & (persons.list.n_unique() != persons.list.len()),
        training & (pl.col("fee_per_person_kzt").is_null() | (persons.list.len() == 0)
                    | pl.col("training_kind").is_null() | _outside("training_kind", CostLine, "training_kind")
                    | (pl.col("stay_nights").fill_null(0) < 0)),
        (training | experts) & _money_out_of_bounds("fee_per_person_kzt"),
        training & (pl.col("fee_per_person_kzt") * persons.list.len() > MONEY_BOUND),
        travels & (pl.col("travel_mode").is_null() | pl.col("travel_class").is_null()
                   | _outside("travel_mode", CostLine, "travel_mode")
                   | _outside("travel_class", CostLine, "travel_class")),
        experts & (persons.list.len() > 0) & (pl.col("fee_per_person_kzt").is_null() | pl.col("months").is_null()
                                              | (pl.col("months") <= 0)),
    ]
    return frame.select(pl.any_horizontal([c.fill_null(False) for c in checks]).alias("suspect")).to_series()
