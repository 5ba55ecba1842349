"""The batch path: a population decided column by column, with the rule definitions of the law layer.

1. Facts: the rows the facts models might refuse are found column by column
   (`population.suspects`); only those are parsed one by one, for the model's message naming the
   field ("invalid: ...").
2. Eligibility: the rules of the procedure "productivity2020" compiled to polars expressions over
   the population's frame of facts (`rules.evaluate_frame`), the definitions that decide one case.
3. Cost lines: the population's lines (`population.lines_of_population`) cut by the exclusion
   rules of act 004 (`exclusions.line_columns`), the definitions the calculator applies to one
   application; each line keeps the bits of the rules that cut it and the exact part kept.
4. Amounts, compiled from the `InstrumentDefinition` data: the share and the caps in exact integer
   arithmetic over whole columns (fixed point: `UNIT` units per tenge in 128-bit integers, 8
   digits finer than the calculator's snap to 1e-12 tenge, so that the one rounding to the tiyn is
   the calculator's, `to_tiyn`). Per application the result keeps the outcome, the amount and the
   ids of the rules that refused it or cut its amount (texts are one `assess` away).

What one application may still receive under a cap per person or per enterprise and year
depends on what the same enterprise was reimbursed before. An enterprise's applications of a
person instrument (3a, 3b) that follow one another in the population are therefore decided in
order, one by one, from the exact parts of their lines (`_chain_amounts`, in `Decimal` as the
calculator); so are the rare rows whose amounts would not fit the fixed point (`_too_wide`).

Reform. Eligibility and the arithmetic are recomputed under the reform; the cost lines only if
the reform changes a parameter the exclusion rules read (`LINE_PARAMETERS`). A reform of caps
or shares thus costs the arithmetic only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import polars as pl

from techpolicy.law import columnar, rules
from techpolicy.law.acts.act004_productivity2020 import exclusions
from techpolicy.law.acts.act004_productivity2020.calculator import HUNDRED, tiyn
from techpolicy.law.acts.act004_productivity2020.facts import CostLine, ProductivityFacts, require_instrument_facts
from techpolicy.law.acts.act004_productivity2020.instruments import INSTRUMENTS, Cap, InstrumentDefinition
from techpolicy.law.acts.act004_productivity2020.programme import PRODUCTIVITY2020
from techpolicy.law.calendar import WorkingCalendar
from techpolicy.law.facts import InvalidFacts, parse_facts
from techpolicy.law.parameters import ParameterNotInForce, ParameterNotSet, Parameters

from .population import (
    LISTED,
    PERSON_INSTRUMENTS,
    TIMES,
    facts_frame,
    lines_of_population,
    outside_priors,
    person_lists,
    suspects,
)
from .runner import RESULT_SCHEMA, parse_facts_row, progress_bar, sort_population

WIDE = exclusions.WIDE
UNIT = 10**20  # fixed-point units per tenge
SNAP_UNITS = UNIT // 10**12  # the calculator's snap (calculator.SNAP)
SNAPS_PER_TIYN = 10**10
# What stays below 2**127 through the arithmetic: a line amount times the numerator of its kept
# part, an eligible total times the numerator of a share.
WIDE_LIMIT = 1e37
APPLICATION_CAPS = ("instrument", "enterprise_size", "percent_of_construction_cost")
PERSON_CAPS = ("per_employee", "per_specialist_year")
HEADCOUNT = "persons_per_enterprise_year"
CAP_IDS = sorted({f"cap.{c.scope}" for d in INSTRUMENTS.values() for c in d.caps})
REASON_BITS = {**{r.id: k for k, r in enumerate(exclusions.LINE_RULES)},
               **{cap: len(exclusions.LINE_RULES) + j for j, cap in enumerate(CAP_IDS)}}
UNAVAILABLE = sorted(i for i, d in INSTRUMENTS.items() if d.availability == "rules_not_in_seed")
LINE_PARAMETERS = frozenset(
    name for d in INSTRUMENTS.values()
    for name in (d.lookback_parameter, d.round_trips_parameter, *d.accommodation_parameters.values()) if name)
EPOCH = "§epoch"
APP = exclusions.APP
SPLIT = "§split"  # the number of persons a line's cost is split among
PERSONS = "§persons"  # the number of persons of an application


def _bit(rule: str) -> int:
    return 1 << REASON_BITS[rule]


def units(amount: pl.Expr) -> pl.Expr:
    """An exact decimal column (`columnar.DECIMAL`) in fixed-point units."""
    whole = amount.floor()
    fraction = ((amount - whole) * 10**columnar.SCALE).cast(WIDE)
    return whole.cast(WIDE) * UNIT + fraction * (UNIT // 10**columnar.SCALE)


def to_tiyn(value: pl.Expr) -> pl.Expr:
    """Fixed-point units (>= 0) to whole tiyn as `calculator.tiyn` rounds: snapped to 1e-12 tenge
    half to even, then half up."""
    snapped, rest = value // SNAP_UNITS, value % SNAP_UNITS
    half = SNAP_UNITS // 2
    snapped = snapped + ((rest > half) | ((rest == half) & (snapped % 2 == 1))).cast(WIDE)
    whole, rest = snapped // SNAPS_PER_TIYN, snapped % SNAPS_PER_TIYN
    return (whole + (rest >= SNAPS_PER_TIYN // 2).cast(WIDE)).cast(pl.Int64)


# --- 1-2. facts and eligibility --------------------------------------------------------------------------------


def _joined(masks: pl.Series, bits: Mapping[str, int]) -> pl.Series:
    """The ids whose bit (`bits`) is set in each mask, sorted and joined; the distinct masks are
    few, so each is written once."""
    ids = sorted(bits)
    texts = {m: ", ".join(i for i in ids if m & (1 << bits[i])) for m in masks.unique().drop_nulls()}
    return masks.replace_strict(texts, default=None, return_dtype=pl.String)


def eligibility(frame: pl.DataFrame, parameters: Parameters, on: dt.date | None,
                facts: pl.DataFrame | None = None) -> pl.DataFrame:
    """The eligibility rules of the procedure over the whole population at once (the same rule
    definitions as `PRODUCTIVITY2020.evaluate`, compiled to columns): per row "eligible" and
    "failed", the ids of the failed rules, sorted and joined. `facts`: the frame of facts, if not
    the population's columns (`facts_frame`)."""
    procedure = PRODUCTIVITY2020
    facts = (facts_frame(frame) if facts is None else facts).with_columns(
        (pl.lit(on) if on is not None else pl.col("application_date")).alias(columnar.ON))
    statuses = rules.evaluate_frame(procedure.rules, procedure.facts, facts, parameters,
                                    reference=procedure.references())
    bits = {r.id: k for k, r in enumerate(procedure.rules)}
    failed = pl.sum_horizontal([(pl.col(i) == rules.FAILED).cast(pl.Int64) * (1 << k) for i, k in bits.items()])
    found = statuses.select((pl.col("outcome") == "eligible").alias("eligible"), failed.alias("failed"))
    return found.with_columns(_joined(found["failed"], bits))


def invalid_messages(frame: pl.DataFrame) -> dict[int, str]:
    """Row -> "invalid: <the facts model's message>", for the rows the models refuse (only the
    suspect rows are parsed)."""
    found = {}
    for k in np.flatnonzero(suspects(frame).to_numpy()):
        try:
            require_instrument_facts(parse_facts_row(frame.row(int(k), named=True), []))
        except InvalidFacts as exc:
            found[int(k)] = f"invalid: {exc}"
    return found


# --- 3. cost lines ---------------------------------------------------------------------------------------------


def _of_employees() -> pl.Expr:
    """Whether a line's persons are its employees (3a), else its specialist (3b), as the calculator
    reads them (`_Calculation.per_person`)."""
    return pl.col("instrument").is_in([i for i, d in INSTRUMENTS.items() if d.person == "employee"])


def cut_lines(lines: pl.DataFrame, parameters: Parameters) -> pl.DataFrame:
    """Per line: APP, LINE, TIMES, the number of persons its cost is split among (SPLIT), the rules
    that cut it (FIRED), its amount and its eligible part in fixed-point units, and the exact kept
    fraction; the persons it is attributed to (employees, specialist) for the applications decided
    in order."""
    cut = exclusions.line_columns(lines, parameters, WorkingCalendar())
    amount = units(pl.col("amount_kzt")).fill_null(0)
    split = pl.when(_of_employees()).then(pl.col("employees").list.len()).otherwise(1)
    return cut.select(
        APP, exclusions.LINE, TIMES, split.alias(SPLIT), "instrument", "employees", "specialist", exclusions.FIRED,
        pl.col("amount_kzt"), exclusions.KEPT_NUM, exclusions.KEPT_DEN,
        (amount * pl.col(exclusions.KEPT_NUM) // pl.col(exclusions.KEPT_DEN)).alias("eligible"),
        (pl.col("amount_kzt").cast(pl.Float64).fill_null(0) * UNIT * pl.col(exclusions.KEPT_NUM).cast(pl.Float64)
         > WIDE_LIMIT).alias("wide"),
    )


# --- 4. amounts --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Terms:
    """What the calculation of one instrument reads in one epoch: "calculated", "not_set" or
    "not_in_force" (as `calculator.calculate`), and the values."""

    status: str
    values: dict


def _terms(definition: InstrumentDefinition, parameters: Parameters, day: dt.date) -> Terms:
    if definition.availability != "reimbursement":
        return Terms("not_available" if definition.availability == "rules_not_in_seed" else "not_reimbursement", {})
    values, unset = {}, False
    for name in definition.parameters:
        try:
            values[name] = parameters.get(name, day).value
        except ParameterNotSet:
            unset = True
        except ParameterNotInForce:
            return Terms("not_in_force", {})
    return Terms("not_set", {}) if unset else Terms("calculated", values)


def _by_epoch(terms: dict[int, Terms], value, dtype=WIDE) -> pl.Expr:
    """A value of the epoch's terms (null where the instrument is not calculated)."""
    mapping = {e: value(t.values) for e, t in terms.items() if t.status == "calculated"}
    return pl.col(EPOCH).replace_strict(mapping, default=None, return_dtype=dtype)


def _ratio(value) -> tuple[int, int]:
    return Decimal(value).as_integer_ratio()


def _fixed(value) -> int:
    numerator, denominator = _ratio(value)
    return numerator * UNIT // denominator


def _share(total: pl.Expr, definition: InstrumentDefinition, terms: dict[int, Terms]) -> pl.Expr:
    name = definition.share_parameter or ""
    numerator = _by_epoch(terms, lambda v: _ratio(v[name])[0])
    denominator = _by_epoch(terms, lambda v: _ratio(v[name])[1] * 100)
    return total * numerator // denominator


def _cap_limit(cap: Cap, terms: dict[int, Terms]) -> pl.Expr:
    if cap.scope != "percent_of_construction_cost":
        return _by_epoch(terms, lambda v: _fixed(v[cap.parameter]))
    works = units(pl.col("construction_cost_kzt").cast(columnar.DECIMAL).fill_null(0))
    return (works * _by_epoch(terms, lambda v: _ratio(v[cap.parameter])[0])
            // _by_epoch(terms, lambda v: _ratio(v[cap.parameter])[1] * 100))


def _application_caps(frame: pl.DataFrame, definition: InstrumentDefinition, terms: dict[int, Terms]) -> pl.DataFrame:
    """The caps of one application on "total", in the order of the definition (as the calculator)."""
    for cap in definition.caps:
        if cap.scope not in APPLICATION_CAPS:
            continue
        limit = _cap_limit(cap, terms)
        applies = pl.col("enterprise_size") == cap.size if cap.scope == "enterprise_size" else pl.lit(True)
        reduced = (applies & (pl.col("total") > limit)).fill_null(False)
        frame = frame.with_columns(pl.when(reduced).then(limit).otherwise(pl.col("total")).alias("total"),
                                   pl.col("reasons") | pl.when(reduced).then(_bit(f"cap.{cap.scope}")).otherwise(0))
    return frame


def per_application(cut: pl.DataFrame) -> pl.DataFrame:
    """Per application, from its cut lines, in one pass: whether a line is too wide for the fixed
    point, the bits of the rules that cut its lines, its eligible total, and for persons alike
    (`population.lines_of_population`) the cost of each person and whether any line keeps
    something (persons count only then, as in the calculator)."""
    kept = pl.col("eligible") > 0
    # Grouped in the order of APP: sorting first is quicker than hashing millions of lines into
    # the groups of their applications.
    read = cut.select(APP, "wide", exclusions.FIRED, "eligible", SPLIT)
    return read.sort(APP).group_by(APP, maintain_order=True).agg(
        pl.col("wide").any().alias("§wide"),
        pl.col(exclusions.FIRED).cast(pl.Int64).bitwise_or().alias("§lines"),
        pl.col("eligible").sum().alias("§eligible"),
        (pl.col("eligible") // pl.col(SPLIT).clip(lower_bound=1).cast(WIDE)).filter(kept).sum().alias("§cost"),
        kept.any().alias("§kept"))


def _person_totals(apps: pl.DataFrame, definition: InstrumentDefinition, terms: dict[int, Terms]) -> pl.DataFrame:
    """Per application of a person instrument with no earlier reimbursement in the population and
    persons alike: the group fee split equally and each person's own lines give every person the
    same cost ("§cost"); the yearly headcount (persons reimbursed earlier in the year outside the
    population count first) admits the first of them; the share and the caps per person apply to
    that one cost."""
    apps = apps.with_columns(
        pl.when(pl.col("§kept")).then(pl.col(PERSONS)).otherwise(0).cast(pl.Int64).alias("§admitted"))
    for cap in definition.caps:
        if cap.scope != HEADCOUNT:
            continue
        limit = _by_epoch(terms, lambda v, c=cap: int(v[c.parameter]), pl.Int64)
        admitted = pl.min_horizontal(pl.col("§admitted"), pl.max_horizontal(limit - pl.col("counted"), 0))
        beyond = (admitted < pl.col("§admitted")).fill_null(False)
        apps = apps.with_columns(pl.when(beyond).then(admitted).otherwise(pl.col("§admitted")).alias("§admitted"),
                                 pl.col("reasons") | pl.when(beyond).then(_bit(f"cap.{cap.scope}")).otherwise(0))
    apps = apps.with_columns(_share(pl.col("§cost"), definition, terms).alias("§paid"))
    for cap in definition.caps:
        if cap.scope not in PERSON_CAPS:
            continue
        limit = pl.max_horizontal(_cap_limit(cap, terms), 0)
        reduced = ((pl.col("§paid") > limit) & (pl.col("§admitted") > 0)).fill_null(False)
        apps = apps.with_columns(pl.when(reduced).then(limit).otherwise(pl.col("§paid")).alias("§paid"),
                                 pl.col("reasons") | pl.when(reduced).then(_bit(f"cap.{cap.scope}")).otherwise(0))
    return apps.with_columns((pl.col("§paid") * pl.col("§admitted").cast(WIDE)).alias("total"))


def columnar_amounts(apps: pl.DataFrame, definition: InstrumentDefinition, terms: dict[int, Terms]) -> pl.DataFrame:
    """APP, amount (tiyn) and reason bits of the calculated applications `apps` of one instrument
    (with the columns of `per_application`)."""
    if definition.person:
        apps = _person_totals(apps, definition, terms)
    else:
        apps = apps.with_columns(_share(pl.col("§eligible"), definition, terms).alias("total"))
    apps = _application_caps(apps, definition, terms)
    return apps.select(APP, to_tiyn(pl.col("total")).alias("tiyn"), "reasons")


# --- chains: applications decided in order ------------------------------------------------------------------------


Earlier = list[tuple[int, dict[str, Decimal]]]  # (year decided, reimbursed per person)


def _chain_amounts(rows: list[dict], lines: dict[int, list[tuple[Decimal, tuple[str, ...]]]],
                   terms: list[Terms], recorded: list[Earlier] | None = None) -> list[tuple[Decimal, set]]:
    """Amount (tiyn) and reasons of calculated applications decided in order (sorted as
    `sort_population`): an enterprise's earlier reimbursements of the same instrument count
    against its caps per person and per year; the arithmetic is the calculator's, in `Decimal`.
    `recorded`: per application, the earlier reimbursements its facts record (stored
    applications), which then count instead of those decided before it."""
    results = []
    enterprise, history = None, {}
    for index, (row, line_parts, term) in enumerate(zip(rows, lines.values(), terms, strict=True)):
        definition = INSTRUMENTS[row["instrument"]]
        reasons: set = set()
        if row["applicant_id"] != enterprise:
            enterprise, history = row["applicant_id"], {}
        if definition.person:
            earlier = history.setdefault(definition.id, []) if recorded is None else list(recorded[index])
            total, final = _person_amount(definition, term.values, row, line_parts, earlier, reasons)
        else:
            total = sum((a for a, _ in line_parts), Decimal(0)) * term.values[definition.share_parameter] / HUNDRED
        total = _decimal_caps(definition, term.values, row, total, reasons)
        amount = tiyn(total)
        if definition.person and amount > 0 and recorded is None:
            earlier.append((row["application_date"].year, {p: a for p, a in final.items() if a > 0}))
        results.append((amount, reasons))
    return results


def _decimal_caps(definition: InstrumentDefinition, values: dict, row: dict, total: Decimal, reasons: set) -> Decimal:
    for cap in definition.caps:
        if cap.scope not in APPLICATION_CAPS or (cap.scope == "enterprise_size" and row["enterprise_size"] != cap.size):
            continue
        limit = values[cap.parameter]
        if cap.scope == "percent_of_construction_cost":
            limit = Decimal(str(row.get("construction_cost_kzt") or 0)) * limit / HUNDRED
        if total > limit:
            total = limit
            reasons.add(f"cap.{cap.scope}")
    return total


def _person_amount(definition: InstrumentDefinition, values: dict, row: dict,
                   lines: list[tuple[Decimal, tuple[str, ...]]], history: list[tuple[int, dict[str, Decimal]]],
                   reasons: set) -> tuple[Decimal, dict]:
    """Per-person instruments (3a, 3b): split, yearly headcount, share, per-person caps, in the
    order of the calculator; `history` holds the enterprise's earlier reimbursements."""
    year = row["application_date"].year
    outside = [(year, {p["id"]: p["amount_kzt"] for p in prior["persons"]}) for prior in outside_priors(row)]
    earlier = outside + history
    costs: dict[str, Decimal] = {}
    for amount, persons in lines:
        if amount <= 0:
            continue
        for person in persons:
            costs[person] = costs.get(person, Decimal(0)) + amount / len(persons)
    for cap in definition.caps:
        if cap.scope != HEADCOUNT:
            continue
        limit = int(values[cap.parameter])
        counted = list(dict.fromkeys(p for y, persons in earlier if y == year for p in persons))
        admitted, position = {}, len(counted)
        for person, amount in costs.items():
            if person not in counted:
                position += 1
                if position > limit:
                    reasons.add(f"cap.{cap.scope}")
                    continue
            admitted[person] = amount
        costs = admitted
    percent = values[definition.share_parameter]
    total, final = Decimal(0), {}
    for person, amount in costs.items():
        reimbursed = amount * percent / HUNDRED
        for cap in definition.caps:
            if cap.scope not in PERSON_CAPS:
                continue
            prior = Decimal(0)
            for y, persons in earlier:
                if cap.period == "application" or (cap.period == "calendar_year" and y != year):
                    continue
                prior += persons.get(person, Decimal(0))
            after = min(reimbursed, max(Decimal(0), values[cap.parameter] - prior))
            if after < reimbursed:
                reasons.add(f"cap.{cap.scope}")
            reimbursed = after
        final[person] = reimbursed
        total += reimbursed
    return total, final


# --- the whole run -------------------------------------------------------------------------------------------------


@dataclass
class Prepared:
    """What does not depend on the parameters: the sorted population, its invalid rows, its lines."""

    frame: pl.DataFrame
    on: dt.date | None
    invalid: dict[int, str]
    lines: pl.DataFrame
    chained: pl.Series  # rows decided in order (`_chain_amounts`), their lines built for every person
    persons: pl.Series  # the number of persons of each row
    facts: pl.DataFrame | None = None  # the frame of facts of the valid rows (APP), if not the population's columns
    recorded: dict[int, Earlier] | None = None  # stored applications: the earlier reimbursements each records


def prepare(population: pl.DataFrame, on: dt.date | None, in_order: pl.Series | None = None) -> Prepared:
    """`in_order`: rows to decide in order besides those that must be (all of them in a test)."""
    # The persons split once, for the checks, the lines and the chains alike (a column of the
    # population's own of that name is replaced).
    frame = sort_population(population)
    frame = frame.with_columns(person_lists(frame).alias(LISTED))
    person = pl.col("instrument").is_in([i for i, d in INSTRUMENTS.items() if d.person])
    listed = pl.col(LISTED)
    # An enterprise's person-instrument applications that follow one another; a person named like
    # the stand-ins of `outside_priors`, whom the calculator would count as reimbursed before; and a
    # row naming a person twice, whose persons are not alike.
    facts = frame.select(
        (person & ((pl.len().over(["applicant_id", "instrument"]) > 1)
                   | listed.list.eval(pl.element().str.starts_with("outside-")).list.any()
                   | (listed.list.n_unique() != listed.list.len()))).alias("chained"),
        listed.list.len().alias(PERSONS))
    chained = facts["chained"] if in_order is None else facts["chained"] | in_order
    return Prepared(frame, on, invalid_messages(frame), lines_of_population(frame, on, each_person=chained), chained,
                    facts[PERSONS])


# the columns of a population that the arithmetic reads, for stored applications
STORED_SCHEMA = {"_row": pl.UInt32, "application_id": pl.String, "applicant_id": pl.String, "instrument": pl.String,
                 "application_date": pl.Date, "enterprise_size": pl.String,
                 "construction_cost_kzt": columnar.DECIMAL, "prior_persons_this_year": pl.Int64}


def prepare_stored(applications: Sequence[tuple[str, str, Mapping]], on: dt.date | None) -> Prepared:
    """Stored applications, (application id, applicant id, facts as stored): each keeps the facts it
    was decided on, with the earlier reimbursements they record, so each is decided on its own
    (none feeds the next). Their facts are parsed one by one (they are nested, not the flat columns
    of a population); then the same columns as a population's: the frame of facts, the cost lines
    as the facts give them, and the arithmetic (in order, from the recorded reimbursements, for the
    person instruments)."""
    meta, facts, invalid, recorded = [], [], {}, {}
    for k, (application_id, applicant_id, stored) in enumerate(applications):
        try:
            parsed = parse_facts(ProductivityFacts, dict(stored))
            require_instrument_facts(parsed)
        except InvalidFacts as exc:
            invalid[k] = f"invalid: {exc}"
            parsed = None
        meta.append({"_row": k, "application_id": application_id, "applicant_id": applicant_id,
                     "instrument": parsed.instrument if parsed else str(stored.get("instrument", "")),
                     "application_date": parsed.application_date if parsed else _date(stored.get("application_date")),
                     "enterprise_size": parsed.applicant.enterprise_size if parsed else None,
                     "construction_cost_kzt": parsed.construction_installation_cost_kzt if parsed else None,
                     "prior_persons_this_year": 0})
        if parsed is not None:
            facts.append((k, parsed))
            recorded[k] = _recorded(parsed)
    frame = pl.DataFrame(meta, schema=STORED_SCHEMA)
    valid = [f for _, f in facts]
    apps = pl.Series(APP, [k for k, _ in facts], dtype=pl.UInt32)
    table = columnar.frame_of(ProductivityFacts, valid).with_columns(apps)
    lines = columnar.frame_of(CostLine, [c for f in valid for c in f.costs]).with_columns(
        pl.Series(APP, [k for k, f in facts for _ in f.costs], dtype=pl.UInt32))
    lines = lines.join(frame.with_row_index(APP).select(APP, "instrument", "application_date"), on=APP,
                       how="left", maintain_order="left").with_columns(
        pl.int_range(pl.len(), dtype=pl.UInt32).over(APP).alias(exclusions.LINE), pl.lit(1, pl.UInt32).alias(TIMES),
        (pl.lit(on) if on is not None else pl.col("application_date")).alias(columnar.ON))
    person = frame.select(pl.col("instrument").is_in(sorted(PERSON_INSTRUMENTS))).to_series()
    return Prepared(frame, on, invalid, lines, person, pl.Series([0] * frame.height, dtype=pl.UInt32),
                    table, recorded)


def _recorded(facts: ProductivityFacts) -> Earlier:
    """The earlier reimbursements of the application's instrument its facts record, as the
    calculator reads them (a person named twice in one counts the sum)."""
    found = []
    for prior in facts.prior_reimbursements:
        if prior.instrument != facts.instrument:
            continue
        persons: dict[str, Decimal] = {}
        for person in prior.persons:
            persons[person.id] = persons.get(person.id, Decimal(0)) + person.amount_kzt
        found.append((prior.decided_on.year, persons))
    return found


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _verdicts(prepared: Prepared, parameters: Parameters, on: dt.date | None) -> pl.DataFrame:
    """"eligible" and "failed" of every row (the invalid rows of stored applications: not eligible)."""
    if prepared.facts is None:
        return eligibility(prepared.frame, parameters, on)
    found = eligibility(prepared.frame, parameters, on, prepared.facts).with_columns(prepared.facts[APP])
    every = pl.DataFrame({APP: pl.Series(range(prepared.frame.height), dtype=pl.UInt32)})
    return every.join(found, on=APP, how="left", maintain_order="left").select(
        pl.col("eligible").fill_null(False), "failed")


def decide(prepared: Prepared, cut: pl.DataFrame, parameters: Parameters) -> pl.DataFrame:
    """Outcome, amount and reasons of every row (RESULT_SCHEMA, in the population's order), decided
    on the date the population was prepared for."""
    frame, on = prepared.frame, prepared.on
    verdicts = _verdicts(prepared, parameters, on)
    dates = columnar.change_dates(parameters)
    # (a stored application too malformed to give its date is invalid: its epoch is not read)
    days = (pl.Series([on] * frame.height, dtype=pl.Date) if on is not None
            else frame["application_date"].fill_null(strategy="forward").fill_null(strategy="backward"))
    epoch = columnar.epochs(days, dates)
    lines = per_application(cut)
    wide = lines.filter("§wide")[APP]
    rows = frame.select(
        pl.int_range(pl.len(), dtype=pl.UInt32).alias(APP), "instrument", "applicant_id", "enterprise_size",
        "construction_cost_kzt", pl.max_horizontal(pl.col("prior_persons_this_year").fill_null(0), 0).alias("counted"),
    ).with_columns(epoch.alias(EPOCH), verdicts["eligible"], verdicts["failed"], prepared.persons.alias(PERSONS)
                   ).join(lines, on=APP, how="left", maintain_order="left").with_columns(
        pl.col("§eligible", "§cost").fill_null(pl.lit(0, WIDE)), pl.col("§kept", "§wide").fill_null(False),
        pl.col("§lines").fill_null(0))
    cut = _every_person(prepared, cut, wide, parameters)
    invalid = pl.Series(list(prepared.invalid), dtype=pl.UInt32)
    rows = rows.with_columns(pl.col(APP).is_in(invalid.to_list()).alias("§invalid"),
                             (prepared.chained | pl.col("§wide")).alias("§chained"))
    pieces = []
    chains: list[tuple[int, Terms]] = []
    for instrument in sorted(rows.filter(~pl.col("§invalid"))["instrument"].unique().to_list()):
        definition = INSTRUMENTS[instrument]
        mine = rows.filter((pl.col("instrument") == instrument) & pl.col("eligible") & ~pl.col("§invalid"))
        terms = {e: _terms(definition, parameters, dates[e - 1] if e else days.min())
                 for e in mine[EPOCH].unique().to_list()}
        status = pl.col(EPOCH).replace_strict({e: t.status for e, t in terms.items()}, default=None,
                                              return_dtype=pl.String)
        mine = mine.with_columns(status.alias("status"), pl.lit(0, pl.Int64).alias("reasons"))
        calculated = mine.filter((pl.col("status") == "calculated") & ~pl.col("§chained"))
        if calculated.height:
            pieces.append(columnar_amounts(calculated, definition, terms))
        chains += [(k, terms[e]) for k, e in mine.filter((pl.col("status") == "calculated") & pl.col("§chained"))
                   .select(APP, EPOCH).iter_rows()]
        statuses = mine.filter(pl.col("status") != "calculated")
        pieces.append(statuses.select(APP, pl.lit(None, pl.Int64).alias("tiyn"), pl.lit(0, pl.Int64).alias("reasons"),
                                      pl.col("status")))
    if chains:
        pieces.append(_decide_chains(frame, cut, sorted(chains), prepared.recorded))
    none = pl.DataFrame(schema={APP: pl.UInt32, "tiyn": pl.Int64, "reasons": pl.Int64, "status": pl.String})
    decided = pl.concat([none, *(p if "status" in p.columns else p.with_columns(pl.lit("calculated").alias("status"))
                                 for p in pieces)], how="vertical_relaxed").select(APP, "tiyn", "reasons", "status")
    result = rows.join(decided, on=APP, how="left")
    result = result.with_columns(_joined(result["reasons"] | result["§lines"], REASON_BITS).alias("§reasons"))
    messages = pl.Series(list(prepared.invalid.values()), dtype=pl.String)
    calculated = pl.col("status") == "calculated"
    outcome = (pl.when(pl.col("§invalid")).then(pl.lit("invalid"))
               .when(pl.col("instrument").is_in(UNAVAILABLE)).then(pl.lit("not_available"))
               .when(~pl.col("eligible")).then(pl.lit("not_eligible"))
               .when(calculated).then(pl.when(pl.col("tiyn") > 0).then(pl.lit("granted"))
                                      .otherwise(pl.lit("nothing_to_reimburse")))
               .otherwise(pl.col("status")))
    reasons = (pl.when(pl.col("§invalid")).then(pl.col(APP).replace_strict(invalid, messages, default=None))
               .when(~pl.col("eligible")).then(pl.col("failed"))
               .when(calculated).then(pl.col("§reasons"))
               .otherwise(pl.col("status")))
    amount = pl.col("tiyn").fill_null(0).cast(pl.Decimal(38, 0)) * pl.lit(Decimal("0.01"))
    out = result.select(
        pl.col(APP), (pl.col("eligible") & ~pl.col("§invalid")).alias("eligible"), outcome.alias("outcome"),
        amount.cast(RESULT_SCHEMA["amount"]).alias("amount"), reasons.alias("reasons"))
    meta = frame.select("application_id", "applicant_id", "instrument", "application_date", "_row")
    return pl.concat([meta, out.sort(APP).drop(APP)], how="horizontal").sort("_row").select(list(RESULT_SCHEMA))


def _every_person(prepared: Prepared, cut: pl.DataFrame, wide: pl.Series, parameters: Parameters) -> pl.DataFrame:
    """`cut` with the lines of the `wide` rows, which are decided in order, built for every person."""
    again = wide.filter(~prepared.chained.gather(wide)).sort()
    if again.is_empty():
        return cut
    lines = lines_of_population(prepared.frame[again], prepared.on).with_columns(
        pl.col(APP).replace_strict(list(range(len(again))), again.to_list(), return_dtype=pl.UInt32))
    return pl.concat([cut.filter(~pl.col(APP).is_in(again.to_list())), cut_lines(lines, parameters)])


def _decide_chains(frame: pl.DataFrame, cut: pl.DataFrame, chains: list[tuple[int, Terms]],
                   recorded: dict[int, Earlier] | None) -> pl.DataFrame:
    apps = [k for k, _ in chains]
    persons = pl.when(_of_employees()).then(pl.col("employees")).otherwise(
        pl.concat_list(pl.col("specialist").fill_null("")))
    mine = cut.join(pl.DataFrame({APP: apps}, schema={APP: pl.UInt32}), on=APP, how="semi").sort(
        [APP, exclusions.LINE]).with_columns(persons.alias("persons"))
    lines: dict[int, list] = {k: [] for k in apps}
    for k, amount, num, den, persons in mine.select(APP, "amount_kzt", exclusions.KEPT_NUM, exclusions.KEPT_DEN,
                                                    "persons").iter_rows():
        eligible = (amount or Decimal(0)) * Decimal(num) / Decimal(den)
        lines[k].append((eligible, tuple(persons)))
    rows = [frame.row(k, named=True) for k in apps]
    decided = _chain_amounts(rows, lines, [t for _, t in chains],
                             None if recorded is None else [recorded[k] for k in apps])
    return pl.DataFrame({
        APP: pl.Series(apps, dtype=pl.UInt32),
        "tiyn": pl.Series([int(a * 100) for a, _ in decided], dtype=pl.Int64),
        "reasons": pl.Series([sum(_bit(r) for r in reasons) for _, reasons in decided], dtype=pl.Int64),
    })


def run_batch(population: pl.DataFrame, parameters: Parameters, on: dt.date | None = None,
              progress: bool = False, label: str = "batch") -> pl.DataFrame:
    """One scenario through the batch path (same columns as `runner.run_scalar`)."""
    # The bar counts applications (it stays hidden below runner.PROGRESS_FROM), a third per step.
    n = population.height
    bar = progress_bar(None, n, progress, label)
    try:
        prepared = prepare(population, on)
        bar.update(n // 3)
        cut = cut_lines(prepared.lines, parameters)
        bar.update(n // 3)
        return decide(prepared, cut, parameters)
    finally:
        bar.update(n - bar.n)
        bar.close()


def changed_parameters(baseline: Parameters, reform: Parameters) -> set[str]:
    return {name for name in baseline.names()
            if baseline.definition(name).values != reform.definition(name).values}


def run_batch_pair(population: pl.DataFrame, baseline: Parameters, reform: Parameters, on: dt.date | None = None,
                   progress: bool = False) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Baseline and reform of a population."""
    return decide_pair(prepare(population, on), baseline, reform)


def decide_pair(prepared: Prepared, baseline: Parameters, reform: Parameters) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Baseline and reform; the lines are cut again under the reform only if it changes a
    parameter the exclusion rules read."""
    cut = cut_lines(prepared.lines, baseline)
    reform_cut = cut_lines(prepared.lines, reform) if changed_parameters(baseline, reform) & LINE_PARAMETERS else cut
    return decide(prepared, cut, baseline), decide(prepared, reform_cut, reform)


__all__ = ["RESULT_SCHEMA", "decide_pair", "prepare_stored", "run_batch", "run_batch_pair"]
