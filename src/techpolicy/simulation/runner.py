"""Running a population through the rules of act 004 under a baseline and a reform.

`simulate(population, baseline, reform)` assesses every application twice, with the law layer's `assess`
(scalar path) or with `batch.run_batch` (the same rules for eligibility, the `INSTRUMENTS`
definitions compiled to vectorised form for the amounts), and compares the two (`report`).

Order and the yearly caps. The caps of instrument 3 per enterprise and year (15 employees, 3
specialists) and per person (2 m per employee, 9 m per specialist and year) count what the
enterprise was reimbursed before. The population is therefore processed sorted by
(applicant_id, application_date, application_id), and every granted reimbursement of a person
instrument is fed forward to the enterprise's later applications as a `PriorReimbursement`
(decided on its application date; persons with the amount reimbursed for each; a person whose
amount is 0 is not counted as reimbursed). Each scenario feeds its own results forward, so a
reform that raises a cap changes what later applications of the same enterprise may still get.

A row whose facts are invalid does not stop the run: its outcome is "invalid" and its reason
names the field.

Reform. `reform_parameters(base, {"p2020.i3a.cap_per_employee_kzt": "3000000"})` returns a copy of
the parameters in which every dated value of each named parameter is replaced (`Parameters.with_values`),
so the reform applies on every date; unknown names and malformed values raise `ReformError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

import polars as pl
from tqdm import tqdm

from techpolicy.law.acts.act004_productivity2020.facts import ProductivityFacts
from techpolicy.law.acts.act004_productivity2020.programme import Assessment, assess
from techpolicy.law.citation import Citation
from techpolicy.law.facts import InvalidFacts, parse_facts
from techpolicy.law.parameters import Parameters, ParameterValue

from .population import MONEY, PERSON_INSTRUMENTS, row_to_facts, validate

PROGRESS_FROM = 5_000  # rows: below this no progress bar is drawn
RESULT_SCHEMA: dict[str, pl.DataType] = {
    "application_id": pl.String,
    "applicant_id": pl.String,
    "instrument": pl.String,
    "application_date": pl.Date,
    "eligible": pl.Boolean,
    "outcome": pl.String,
    "amount": MONEY,
    "reasons": pl.String,
}
REFORM_CITATION = Citation("reform", "", note="what-if value set with --set")


class ReformError(ValueError):
    def __init__(self, message: str, parameter: str):
        super().__init__(message)
        self.parameter = parameter


def reform_parameters(base: Parameters, changes: Mapping[str, str]) -> Parameters:
    """`base` with every dated value of each named parameter replaced by the new value."""
    entries = []
    for name, text in changes.items():
        try:
            definition = base.definition(name)
        except KeyError:
            raise ReformError(f"unknown parameter {name!r}", name) from None
        for value in definition.values:
            entries.append(ParameterValue(name, value.start, text, REFORM_CITATION, "--set", set_by="reform"))
    try:
        return base.with_values(entries)
    except Exception:  # the parameter's own converter refuses the text (Decimal, int, date)
        name = next((e.name for e in entries if not _converts(base, e)), next(iter(changes), ""))
        kind = base.definition(name).type
        raise ReformError(f"malformed value {changes.get(name)!r} for parameter {name!r}: expected a {kind}",
                          name) from None


def _converts(base: Parameters, entry: ParameterValue) -> bool:
    try:
        base.with_values([entry])
        return True
    except Exception:
        return False


def sort_population(population: pl.DataFrame) -> pl.DataFrame:
    """The processing order that the yearly caps need; `_row` keeps the original position."""
    if "_row" not in population.columns:
        population = population.with_row_index("_row")
    return population.sort(["applicant_id", "application_date", "application_id"])


def reasons_of(assessment: Assessment) -> tuple[bool, str, str]:
    """(eligible, outcome, reasons summary). The summary lists the failed rules of a negative
    verdict, or the rules of the exclusions and caps that reduced the amount, sorted."""
    verdict = assessment.verdict
    if not verdict.eligible:
        return False, assessment.outcome, ", ".join(sorted(r.rule_id for r in verdict.failed))
    reimbursement = assessment.reimbursement
    if reimbursement is None or reimbursement.status != "calculated":
        status = reimbursement.status if reimbursement is not None else assessment.outcome
        return True, assessment.outcome, status
    rules = {line.rule for line in reimbursement.lines
             if line.kind in ("exclusion", "cap") and line.amount_after < line.amount_before}
    return True, assessment.outcome, ", ".join(sorted(rules))


def person_amounts(assessment: Assessment) -> list[dict]:
    """Per person of a person instrument, the amount reimbursed (exact), in the order of the lines."""
    reimbursement = assessment.reimbursement
    if reimbursement is None or not assessment.granted:
        return []
    final: dict[str, Decimal] = {}
    for line in reimbursement.lines:
        if line.person is not None and line.kind in ("share", "cap"):
            final[line.person] = line.amount_after
    return [{"id": person, "amount_kzt": amount} for person, amount in final.items() if amount > 0]


def prior_entry(row: Mapping, assessment_amount: Decimal, persons: list[dict]) -> dict:
    return {"instrument": row["instrument"], "decided_on": row["application_date"],
            "amount_kzt": assessment_amount, "persons": persons}


def progress_bar(iterable: Iterable, total: int, progress: bool, label: str) -> Iterable:
    return tqdm(iterable, total=total, desc=label, unit="app", disable=not progress or total < PROGRESS_FROM,
                mininterval=0.5)


def run_scalar(population: pl.DataFrame, parameters: Parameters, on: dt.date | None = None,
               progress: bool = False, label: str = "assess") -> pl.DataFrame:
    """Every application through `assess`, one by one, in the order of `sort_population`."""
    frame = sort_population(population)
    records: dict[str, list] = {name: [] for name in (*RESULT_SCHEMA, "_row")}
    applicant, priors = None, []
    for row in progress_bar(frame.iter_rows(named=True), frame.height, progress, label):
        if row["applicant_id"] != applicant:
            applicant, priors = row["applicant_id"], []
        facts = partial(parse_facts_row, row, priors)
        assessment = record_assessment(records, row, facts, parameters, on)
        persons = person_amounts(assessment) if assessment and row["instrument"] in PERSON_INSTRUMENTS else []
        if persons:
            priors.append(prior_entry(row, assessment.amount, persons))
    return results_frame(records)


def record_assessment(records: dict[str, list], meta: Mapping, facts, parameters: Parameters,
                      on: dt.date | None) -> Assessment | None:
    """Assess `facts()` and append the outcome with `meta` (application_id, applicant_id, instrument,
    application_date, _row) to `records`; invalid facts are recorded as such, naming the field."""
    try:
        assessment = assess(facts(), on=on, parameters=parameters)
    except InvalidFacts as exc:
        assessment, outcome = None, (False, "invalid", f"invalid: {exc}", Decimal(0))
    else:
        outcome = (*reasons_of(assessment), assessment.amount)
    for name, value in zip(("eligible", "outcome", "reasons", "amount"), outcome, strict=True):
        records[name].append(value)
    for name in ("application_id", "applicant_id", "instrument", "application_date", "_row"):
        records[name].append(meta[name])
    return assessment


def parse_facts_row(row: Mapping, priors: list[dict], text_checked: bool = False) -> ProductivityFacts:
    return parse_facts(ProductivityFacts, row_to_facts(dict(row), priors), text_checked)


def results_frame(records: Mapping[str, list]) -> pl.DataFrame:
    frame = pl.DataFrame({name: pl.Series(name, records[name], dtype=RESULT_SCHEMA.get(name, pl.UInt32))
                          for name in (*RESULT_SCHEMA, "_row")})
    return frame.sort("_row").drop("_row")


@dataclass(frozen=True)
class SimulationResult:
    baseline: pl.DataFrame  # per application, RESULT_SCHEMA
    reform: pl.DataFrame
    changes: Mapping[str, str]  # the --set values
    method: str  # "scalar" | "batch"

    def compare(self):
        from .report import compare

        return compare(self)


def simulate(population: pl.DataFrame, baseline_params: Parameters, reform_params: Parameters,
             on: dt.date | None = None, progress: bool = True, method: str = "auto",
             changes: Mapping[str, str] | None = None) -> SimulationResult:
    """Assess the population under the baseline and the reform parameters.

    `method`: "scalar" (`assess` row by row), "batch" (`batch.run_batch`) or "auto" (batch: the
    columns decide a population of any size far faster than one case after another). Both give
    the same outcome, amount and reasons for every application.
    """
    population = validate(population)
    if method == "auto":
        method = "batch"
    if method == "batch":
        from .batch import run_batch_pair

        baseline, reform = run_batch_pair(population, baseline_params, reform_params, on, progress)
    elif method == "scalar":
        baseline = run_scalar(population, baseline_params, on, progress, "baseline")
        reform = run_scalar(population, reform_params, on, progress, "reform")
    else:
        raise ValueError(f"unknown method {method!r}")
    return SimulationResult(baseline, reform, dict(changes or {}), method)
