"""A population as columns (issue 11, part 1): its cost lines are the lines `row_to_facts` gives each
row, and the column-by-column check of the facts (`suspects`) finds every row the facts models
refuse, so that the batch path names the same field as the scalar path."""

import datetime as dt
from decimal import Decimal

import polars as pl
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from techpolicy.law.acts.act004_productivity2020 import exclusions
from techpolicy.law.acts.act004_productivity2020.facts import require_instrument_facts
from techpolicy.law.facts import InvalidFacts
from techpolicy.law.parameters import Parameters
from techpolicy.simulation import batch
from techpolicy.simulation.generator import generate
from techpolicy.simulation.population import SCHEMA, TIMES, lines_of_population, suspects
from techpolicy.simulation.runner import parse_facts_row, run_scalar

EVERY_INSTRUMENT = {"2a": 0.1, "2b": 0.1, "3a": 0.3, "3b": 0.2, "4a": 0.1, "4b": 0.05, "5a": 0.05, "5b": 0.05,
                    "7": 0.025, "8": 0.025}


def _refused(row: dict) -> bool:
    try:
        require_instrument_facts(parse_facts_row(row, []))
    except InvalidFacts:
        return True
    return False


def test_the_lines_of_a_population_are_those_of_its_rows():
    """5.3 (the costs of each instrument): line for line, the frame the exclusion rules read over a
    population equals the frames of the rows' own facts."""
    population = generate(600, seed=11, mix=EVERY_INSTRUMENT)
    ours = lines_of_population(population, None).drop("id", TIMES).sort(exclusions.APP, exclusions.LINE)
    theirs = pl.concat([
        exclusions.lines_frame(parse_facts_row(row, []), row["application_date"])
        .with_columns(pl.lit(k, pl.UInt32).alias(exclusions.APP))
        for k, row in enumerate(population.iter_rows(named=True))
    ]).drop("id")
    # The population numbers the lines of a training row per employee (4 places each), one case
    # counts them: the order is the same.
    ranks = [pl.col(exclusions.LINE).rank("ordinal").over(exclusions.APP).cast(pl.UInt32).alias(exclusions.LINE)]
    assert ours.with_columns(ranks).equals(theirs.with_columns(ranks).select(ours.columns))
    assert set(ours["kind"]) >= {"training_fee", "travel", "accommodation", "per_diem", "expert_fee"}



def test_the_lines_of_persons_alike_are_built_once():
    """5.3 instrument 3 (costs per employee or specialist): where a row's persons have the same lines,
    the population builds them once, for the first person, with the number of persons; built for
    every person they are the same lines, person for person."""
    population = generate(600, seed=12, mix=EVERY_INSTRUMENT)
    in_order = [exclusions.APP, exclusions.LINE]
    every = lines_of_population(population, None).drop("id").sort(in_order)
    once = lines_of_population(population, None, each_person=pl.Series([False] * population.height)).drop(
        "id").sort(in_order)
    person = pl.coalesce(pl.col("employees").list.first(), pl.col("specialist"))
    alike = ["kind", "amount_kzt", "direction", exclusions.APP, "employees_count"]
    rows = [pl.col("employees").list.len().alias("employees_count")]
    repeated = every.with_columns(rows).group_by(alike, maintain_order=True).agg(pl.len().alias(TIMES))
    assert (once.with_columns(rows).group_by(alike, maintain_order=True).agg(pl.col(TIMES).sum())
            .sort(alike).equals(repeated.sort(alike).with_columns(pl.col(TIMES).cast(pl.UInt32))))
    firsts = every.join(once.select(exclusions.APP, exclusions.LINE), on=[exclusions.APP, exclusions.LINE],
                        how="semi")
    assert firsts.drop(TIMES).equals(once.drop(TIMES))
    assert once.filter(pl.col(TIMES) > 1).height > 100
    assert once.select(person.is_not_null() | (pl.col("kind") != "travel")).to_series().all()

HOSTILE = {
    pl.String: [None, "", "x", "E1;E1", " ; ", "bad\x01text", "62.01", "6", "sme", "large", "air", "rail", "first",
                "coupe", "course", "internship", "other", "outside-1", "nce", "regional"],
    pl.Date: [None, dt.date(2015, 7, 1), dt.date(2016, 12, 31), dt.date(1990, 1, 1)],
    pl.Boolean: [None, True, False],
    pl.Int64: [None, -1, 0, 2, 40],
}
MONEY = [None, Decimal(-1), Decimal(0), Decimal("0.01"), Decimal("1000000"), Decimal("999999999999999.99"),
         Decimal("10000000000000000")]


def _hostile(dtype: pl.DataType) -> list:
    if isinstance(dtype, pl.Decimal):  # what the column's precision holds
        return [v for v in MONEY if v is None or abs(v) < 10 ** (dtype.precision - dtype.scale)]
    return next(values for kind, values in HOSTILE.items() if dtype == kind)


COLUMNS = sorted(name for name in SCHEMA if name not in ("application_id", "application_date", "instrument"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), changes=st.lists(
    st.tuples(st.integers(0, 29), st.sampled_from(COLUMNS), st.integers(0, 100)), min_size=1, max_size=12))
@example(seed=0, changes=[(1, "cost_kind", 1)])  # an empty cost kind: the instrument's default
def test_property_every_refused_row_is_a_suspect(seed, changes):
    """Issue 11, part 1 (validation of a population in columns): whatever a row holds, a row the
    facts models refuse is among the suspects, and the batch path answers it with the scalar
    path's message naming the field."""
    population = generate(30, seed=seed, mix=EVERY_INSTRUMENT)
    rows = population.to_dicts()
    for k, name, pick in changes:
        values = _hostile(SCHEMA[name])
        rows[k][name] = values[pick % len(values)]
    hostile = pl.DataFrame(rows, schema=population.schema)
    suspect = suspects(hostile).to_list()
    refused = [_refused(row) for row in hostile.iter_rows(named=True)]
    assert all(suspect[k] for k, no in enumerate(refused) if no), [
        (hostile["application_id"][k], hostile["instrument"][k]) for k, no in enumerate(refused)
        if no and not suspect[k]]
    parameters = Parameters.from_source()
    ours, theirs = batch.run_batch(hostile, parameters), run_scalar(hostile, parameters)
    assert ours.equals(theirs), ours.join(theirs, on="application_id", suffix="_scalar").filter(
        (pl.col("outcome") != pl.col("outcome_scalar")) | (pl.col("reasons") != pl.col("reasons_scalar"))
        | (pl.col("amount") != pl.col("amount_scalar")) | (pl.col("eligible") != pl.col("eligible_scalar"))
    ).select("application_id", "instrument", "outcome", "outcome_scalar", "amount", "amount_scalar", "reasons",
             "reasons_scalar").to_dicts()


def test_suspects_are_few_in_a_clean_population():
    """The column check does not send a clean population the slow way: generated rows are valid."""
    population = generate(2_000, seed=3)
    assert suspects(population).sum() == 0
