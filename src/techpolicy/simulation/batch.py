"""The batch path: the same rules, with the reimbursement arithmetic compiled from `INSTRUMENTS`.

Per application, and only through the law layer's own code (never a second copy of a rule):
1. the facts are built (`row_to_facts`) and validated (`ProductivityFacts`);
2. eligibility is the law layer's procedure "productivity2020" (the verdict's failed rules are kept as reasons);
3. each cost line is cut by the law layer's `line_exclusions` (the exclusion rules are kept as reasons).
These steps run in worker processes (one per core) for large populations.

Compiled from the `InstrumentDefinition` data (`compile_instrument`): the share (`share_parameter`),
the caps by `scope` ("instrument", "enterprise_size", "percent_of_construction_cost" vectorised over
all rows of an instrument as numpy arrays of `Decimal`; "persons_per_enterprise_year",
"per_employee", "per_specialist_year" in one pass over each enterprise's applications in date
order, because they count what was reimbursed before), and the parameters that decide whether the
amount can be calculated at all. The arithmetic is the calculator's, operation for operation, in
`Decimal` (same context), so amounts agree to the tiyn; `tests/simulation/test_batch.py` checks it.

Reform. Steps 1-3 read parameters (`Verdict.parameters_read`, the line context's `read`); a row is
recomputed under the reform only if the reform changes one of the parameters it read. A reform of
caps or shares thus costs only the compiled arithmetic.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from multiprocessing import get_context

import numpy as np
import polars as pl

from techpolicy.law import columnar, rules
from techpolicy.law.acts.act004_productivity2020.calculator import HUNDRED, tiyn
from techpolicy.law.acts.act004_productivity2020.exclusions import LineState, line_exclusions
from techpolicy.law.acts.act004_productivity2020.facts import require_instrument_facts
from techpolicy.law.acts.act004_productivity2020.instruments import INSTRUMENTS, InstrumentDefinition
from techpolicy.law.acts.act004_productivity2020.programme import PRODUCTIVITY2020
from techpolicy.law.calendar import WorkingCalendar
from techpolicy.law.facts import InvalidFacts
from techpolicy.law.parameters import ParameterNotInForce, ParameterNotSet, Parameters
from techpolicy.law.rules import Context

from .population import facts_frame, outside_priors, text_flagged
from .runner import RESULT_SCHEMA, parse_facts_row, progress_bar, results_frame, sort_population

PARALLEL_FROM = 20_000  # rows: below this the per-row steps run in this process
CHUNK = 5_000


@dataclass(frozen=True)
class RowParts:
    """What the per-row steps found for one application under one set of parameters."""

    invalid: str | None  # the InvalidFacts message, or None
    eligible: bool
    failed: tuple[str, ...]
    lines: tuple[tuple[Decimal, tuple[str, ...]], ...]  # (eligible amount, persons) per cost line
    exclusions: frozenset[str]
    read: frozenset[str]  # parameters read by the verdict and the line exclusions


def _persons(definition: InstrumentDefinition, cost) -> tuple[str, ...]:
    if definition.person == "employee":
        return tuple(cost.employees)
    return (cost.specialist or "",) if definition.person == "specialist" else ()


def eligibility(frame: pl.DataFrame, parameters: Parameters, on: dt.date | None) -> pl.DataFrame:
    """The eligibility rules of the procedure over the whole population at once (the same rule
    definitions as `PRODUCTIVITY2020.evaluate`, compiled to columns): per row "eligible" and
    "failed", the ids of the failed rules, sorted and joined."""
    procedure = PRODUCTIVITY2020
    facts = facts_frame(frame).with_columns(
        (pl.lit(on) if on is not None else pl.col("application_date")).alias(columnar.ON))
    statuses = rules.evaluate_frame(procedure.rules, procedure.facts, facts, parameters,
                                    reference=procedure.references())
    ids = sorted(r.id for r in procedure.rules)
    failed = pl.concat_str([pl.when(pl.col(i) == rules.FAILED).then(pl.lit(i)) for i in ids], separator=", ",
                           ignore_nulls=True)
    return statuses.select((pl.col("outcome") == "eligible").alias("eligible"), failed.alias("failed"))


def row_parts(row: dict, parameters: Parameters, on: dt.date | None, calendar: WorkingCalendar,
              eligible: bool = True, failed: str = "", text_checked: bool = False) -> RowParts:
    """What the per-row steps find for one application: its facts checked, and when the
    eligibility rules (`eligibility`) let it through, its cost lines cut by the exclusions."""
    try:
        facts = parse_facts_row(row, [], text_checked)
        require_instrument_facts(facts)
    except InvalidFacts as exc:
        return RowParts(f"invalid: {exc}", False, (), (), frozenset(), frozenset())
    if not eligible:
        return RowParts(None, False, tuple(failed.split(", ")) if failed else (), (), frozenset(), frozenset())
    read: set[str] = set()
    definition = INSTRUMENTS[facts.instrument]
    ctx = Context(on or facts.application_date, parameters, calendar)
    state = LineState(facts, definition, ctx)
    lines, exclusions = [], set()
    try:
        for cost in facts.costs:
            eligible, found = line_exclusions(cost, state)
            exclusions.update(e.rule for e in found)
            lines.append((eligible, _persons(definition, cost)))
    except (ParameterNotSet, ParameterNotInForce):
        # The calculator does not get this far: the amount is "not_set" / "not_in_force"
        # (`_status_and_values`), whatever the lines would have been.
        lines, exclusions = [], set()
    read.update(name for name, _ in ctx.read)
    return RowParts(None, True, (), tuple(lines), frozenset(exclusions), frozenset(read))


_WORK: dict = {}


def _work_chunk(bounds: tuple[int, int]) -> list[RowParts]:
    rows, parameters, on, decided = _WORK["rows"], _WORK["parameters"], _WORK["on"], _WORK["decided"]
    calendar = WorkingCalendar()
    return [row_parts(rows[i], parameters, on, calendar, *decided[i]) for i in range(*bounds)]


def all_row_parts(rows: Sequence[dict], parameters: Parameters, on: dt.date | None, progress: bool,
                  label: str, decided: Sequence[tuple[bool, str, bool]]) -> list[RowParts]:
    """`row_parts` for every row, given its eligibility and text check (`decisions`); in one
    worker process per core (fork) for large populations."""
    _WORK.update(rows=rows, parameters=parameters, on=on, decided=decided)
    chunks = [(i, min(i + CHUNK, len(rows))) for i in range(0, len(rows), CHUNK)]
    workers = min(os.cpu_count() or 1, 8)
    parts: list[RowParts] = []
    bar = progress_bar(None, len(rows), progress, label)  # a manual tqdm bar (iterable None)
    try:
        if len(rows) < PARALLEL_FROM or workers < 2:
            for chunk in chunks:
                parts.extend(_work_chunk(chunk))
                bar.update(chunk[1] - chunk[0])
        else:
            with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
                for chunk, result in zip(chunks, pool.map(_work_chunk, chunks), strict=True):
                    parts.extend(result)
                    bar.update(chunk[1] - chunk[0])
    finally:
        _WORK.clear()
        bar.close()
    return parts


# --- the compiled arithmetic ------------------------------------------------------------------------------


def _status_and_values(definition: InstrumentDefinition, parameters: Parameters, day: dt.date):
    """As the calculator: "not_in_force" if a parameter has no value that day, "not_set" if one is
    not set by the source, else "calculated" with the values."""
    values, unset = {}, False
    for name in definition.parameters:
        try:
            values[name] = parameters.get(name, day).value
        except ParameterNotSet:
            unset = True
        except ParameterNotInForce:
            return "not_in_force", {}
    return ("not_set", {}) if unset else ("calculated", values)


def _application_caps(definition: InstrumentDefinition, values: list[dict], totals: np.ndarray,
                      sizes: np.ndarray, works: np.ndarray, reasons: list[set]) -> np.ndarray:
    """The caps of one application, vectorised: numpy arrays of Decimal, the calculator's operations."""
    for cap in definition.caps:
        if cap.scope not in ("instrument", "enterprise_size", "percent_of_construction_cost"):
            continue
        applies = np.ones(len(totals), bool) if cap.scope != "enterprise_size" else sizes == cap.size
        limit = np.array([v.get(cap.parameter, Decimal(0)) for v in values], dtype=object)
        if cap.scope == "percent_of_construction_cost":
            limit = works * limit / HUNDRED
        reduced = applies & (totals > limit)
        totals = np.where(reduced, limit, totals)
        for k in np.flatnonzero(reduced):
            reasons[k].add(f"cap.{cap.scope}")
    return totals


def _person_amount(definition: InstrumentDefinition, values: dict, row: dict, parts: RowParts,
                   history: list[tuple[int, dict[str, Decimal]]], reasons: set) -> tuple[Decimal, dict]:
    """Per-person instruments (3a, 3b): split, yearly headcount, share, per-person caps, in the
    order of the calculator; `history` holds the enterprise's earlier reimbursements."""
    year = row["application_date"].year
    outside = [(year, {p["id"]: p["amount_kzt"] for p in prior["persons"]}) for prior in outside_priors(row)]
    earlier = outside + history
    costs: dict[str, Decimal] = {}
    for amount, persons in parts.lines:
        if amount <= 0:
            continue
        for person in persons:
            costs[person] = costs.get(person, Decimal(0)) + amount / len(persons)
    for cap in definition.caps:
        if cap.scope != "persons_per_enterprise_year":
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
            if cap.scope not in ("per_employee", "per_specialist_year"):
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


def compiled_amounts(frame: pl.DataFrame, rows: list[dict], parts: list[RowParts], parameters: Parameters,
                     on: dt.date | None) -> pl.DataFrame:
    """Outcome, amount and reasons of every row (sorted as `sort_population`), from its parts."""
    n = len(rows)
    outcome = np.array(["not_eligible"] * n, dtype=object)
    amount = np.array([Decimal(0)] * n, dtype=object)
    reasons: list[set] = [set() for _ in range(n)]
    texts = [""] * n
    cache: dict[tuple[str, dt.date], tuple[str, dict]] = {}
    status = np.array([""] * n, dtype=object)
    values: list[dict] = [{}] * n
    for k, (row, part) in enumerate(zip(rows, parts, strict=True)):
        if part.invalid:
            outcome[k], texts[k] = "invalid", part.invalid
        elif not part.eligible:
            texts[k] = ", ".join(part.failed)
        else:
            key = (row["instrument"], on or row["application_date"])
            if key not in cache:
                cache[key] = _status_and_values(INSTRUMENTS[key[0]], parameters, key[1])
            status[k], values[k] = cache[key]
            reasons[k].update(part.exclusions)
    instruments = np.array([r["instrument"] for r in rows], dtype=object)
    calculated = status == "calculated"
    for instrument in sorted(set(instruments[calculated])):
        definition = INSTRUMENTS[instrument]
        if definition.person:
            continue
        idx = np.flatnonzero(calculated & (instruments == instrument))
        totals = np.array([sum((a for a, _ in parts[k].lines), Decimal(0)) for k in idx], dtype=object)
        percents = np.array([values[k][definition.share_parameter] for k in idx], dtype=object)
        totals = totals * percents / HUNDRED
        sizes = np.array([rows[k]["enterprise_size"] for k in idx], dtype=object)
        works = np.array([Decimal(str(rows[k].get("construction_cost_kzt") or 0)) for k in idx], dtype=object)
        totals = _application_caps(definition, [values[k] for k in idx], totals, sizes, works,
                                   [reasons[k] for k in idx])
        amount[idx] = [tiyn(t) for t in totals]
    enterprise, history = None, {}
    for k in np.flatnonzero(calculated):
        definition = INSTRUMENTS[instruments[k]]
        if not definition.person:
            continue
        row = rows[k]
        if row["applicant_id"] != enterprise:
            enterprise, history = row["applicant_id"], {}
        earlier = history.setdefault(definition.id, [])
        total, final = _person_amount(definition, values[k], row, parts[k], earlier, reasons[k])
        amount[k] = tiyn(total)
        if amount[k] > 0:
            earlier.append((row["application_date"].year, {p: a for p, a in final.items() if a > 0}))
    for k in range(n):
        if status[k] == "calculated":
            outcome[k] = "granted" if amount[k] > 0 else "nothing_to_reimburse"
            texts[k] = ", ".join(sorted(reasons[k]))
        elif status[k]:
            outcome[k] = texts[k] = status[k]
    records = {name: frame[name].to_list() for name in ("application_id", "applicant_id", "instrument",
                                                        "application_date", "_row")}
    records |= {"eligible": [p.eligible for p in parts], "outcome": list(outcome), "amount": list(amount),
                "reasons": texts}
    return results_frame(records)


def run_batch(population: pl.DataFrame, parameters: Parameters, on: dt.date | None = None,
              progress: bool = False, label: str = "batch") -> pl.DataFrame:
    """One scenario through the batch path (same columns as `runner.run_scalar`)."""
    frame = sort_population(population)
    rows = list(frame.iter_rows(named=True))
    parts = all_row_parts(rows, parameters, on, progress, label, decisions(frame, parameters, on))
    return compiled_amounts(frame, rows, parts, parameters, on)


def decisions(frame: pl.DataFrame, parameters: Parameters, on: dt.date | None) -> list[tuple[bool, str, bool]]:
    """Per row: eligible, the failed rules, and whether its text columns are free of control characters."""
    clean = ~text_flagged(frame)
    return list(eligibility(frame, parameters, on).with_columns(clean.alias("clean")).iter_rows())


def changed_parameters(baseline: Parameters, reform: Parameters) -> set[str]:
    return {name for name in baseline.names()
            if baseline.definition(name).values != reform.definition(name).values}


def _redo_all(baseline: Parameters, changed: set[str]) -> bool:
    """A lookup that fails (a value the source does not set) leaves no trace in what a verdict
    read: a reform that sets such a parameter redoes every row."""
    return any(v.value is None for name in changed for v in baseline.definition(name).values)


def run_batch_pair(population: pl.DataFrame, baseline: Parameters, reform: Parameters, on: dt.date | None = None,
                   progress: bool = False) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Baseline and reform; the per-row steps are redone under the reform only for the rows that
    read a parameter the reform changes."""
    frame = sort_population(population)
    rows = list(frame.iter_rows(named=True))
    before = decisions(frame, baseline, on)
    parts = all_row_parts(rows, baseline, on, progress, "baseline", before)
    changed = changed_parameters(baseline, reform)
    # The eligibility rules cost one pass over the columns: they are always redone. The per-row
    # steps are redone only where eligibility changed or the exclusions read a changed parameter.
    after = decisions(frame, reform, on) if changed else before
    redo = list(range(len(rows))) if _redo_all(baseline, changed) else [
        k for k, p in enumerate(parts) if p.read & changed or before[k] != after[k]]
    reform_parts = list(parts)
    if redo:
        redone = all_row_parts([rows[k] for k in redo], reform, on, progress, "reform", [after[k] for k in redo])
        for k, part in zip(redo, redone, strict=True):
            reform_parts[k] = part
    return (compiled_amounts(frame, rows, parts, baseline, on),
            compiled_amounts(frame, rows, reform_parts, reform, on))


__all__ = ["RESULT_SCHEMA", "compiled_amounts", "run_batch", "run_batch_pair", "row_parts"]
