"""The batch path gives the same outcome, amount (to the tiyn) and reasons as `assess` row by row.

Issue 11, part 1: the batch path evaluates the eligibility rules compiled to columns (the same
definitions that decide one case), so these tests are what holds the two together."""

import datetime as dt

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from techpolicy.law.parameters import Parameters
from techpolicy.simulation import batch
from techpolicy.simulation.generator import generate
from techpolicy.simulation.runner import reform_parameters, run_scalar, simulate

REFORMS = [
    {"p2020.i3a.cap_per_employee_kzt": "3000000", "p2020.i4a.cap_sme_kzt": "9000000.50"},
    {"p2020.activity_min_years": "2", "p2020.i3a.lookback_months": "9", "p2020.i5b.share": "45.5",
     "p2020.i3a.employees_per_enterprise_year": "5", "p2020.i3b.specialists_per_enterprise_year": "1"},
]


@pytest.fixture(scope="module")
def population() -> pl.DataFrame:
    # Each row is assessed alone on the scalar path (a few milliseconds each), twice per reform.
    return generate(3_000, seed=2024)


@pytest.mark.parametrize("changes", REFORMS)
def test_batch_equals_scalar(population, changes):
    baseline = Parameters.from_source()
    reform = reform_parameters(baseline, changes)
    scalar = simulate(population, baseline, reform, progress=False, method="scalar")
    compiled = simulate(population, baseline, reform, progress=False, method="batch")
    for name in ("baseline", "reform"):
        ours, theirs = getattr(compiled, name), getattr(scalar, name)
        differ = ours.join(theirs, on="application_id", suffix="_scalar").filter(
            (pl.col("amount") != pl.col("amount_scalar")) | (pl.col("outcome") != pl.col("outcome_scalar"))
            | (pl.col("reasons") != pl.col("reasons_scalar")) | (pl.col("eligible") != pl.col("eligible_scalar"))
        )
        assert differ.height == 0, differ.head(5)
        assert ours.equals(theirs)
    assert (compiled.reform["amount"] != compiled.baseline["amount"]).any()


def test_applications_in_order_give_the_same_as_whole_columns(monkeypatch):
    """Issue 11, part 1 (5.3 instrument 3: caps per person and per enterprise and year): the
    applications that must be decided in order (an enterprise's earlier reimbursements count) go
    through the `Decimal` arithmetic one by one, the others through the fixed-point columns; the
    two agree to the tiyn when every application is sent the slow way."""
    population = generate(3_000, seed=9).with_columns(("C" + pl.col("application_id")).alias("applicant_id"))
    baseline = Parameters.from_source()
    columns = batch.run_batch(population, baseline)
    prepare = batch.prepare

    def everything_in_order(frame, on):
        return prepare(frame, on, in_order=pl.Series([True] * frame.height))

    monkeypatch.setattr(batch, "prepare", everything_in_order)
    one_by_one = batch.run_batch(population, baseline)
    assert one_by_one.equals(columns)
    assert (columns["outcome"] == "granted").sum() > 1_000


@pytest.mark.parametrize("on", [None, dt.date(2015, 1, 1), dt.date(2016, 1, 1)])
def test_values_not_set_or_not_in_force(on):
    """Instrument 8 has no share or cap in the seed ("not_set"); before 2015-06-17 nothing is in force."""
    population = generate(1_500, seed=5, mix={"3a": 0.3, "4a": 0.3, "7": 0.2, "8": 0.2})
    baseline = Parameters.from_source()
    scalar = simulate(population, baseline, baseline, on=on, progress=False, method="scalar").baseline
    compiled = simulate(population, baseline, baseline, on=on, progress=False, method="batch").baseline
    assert compiled.equals(scalar)
    assert ("not_set" in scalar["outcome"].to_list()) is (on != dt.date(2015, 1, 1))


MIXES = [{"3a": 0.4, "4a": 0.3, "5b": 0.3}, {"2a": 0.2, "2b": 0.2, "3b": 0.2, "4b": 0.2, "5a": 0.2},
         {"3a": 0.3, "7": 0.3, "8": 0.4}]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), mix=st.sampled_from(MIXES),
       on=st.sampled_from([None, dt.date(2015, 6, 16), dt.date(2015, 6, 17), dt.date(2016, 7, 3)]),
       years=st.sampled_from([None, "0", "1", "3"]), alone=st.booleans())
def test_property_batch_equals_scalar_to_the_tiyn(seed, mix, on, years, alone):
    """Issue 11, part 1 (validity: Resolution No. 440 p.2 and No. 370; 5.1(3) one year of activity;
    5.2 executors; 5.3 shares and caps): on any generated population, decision date and minimum
    years of activity, the batch path and the scalar path agree on every application's outcome,
    amount to the tiyn and reasons. `alone`: every application of its own enterprise (decided in
    whole columns), or enterprises applying many times (decided in order)."""
    population = generate(40, seed=seed, mix=mix)
    if alone:
        population = population.with_columns(("C" + pl.col("application_id")).alias("applicant_id"))
    parameters = Parameters.from_source()
    if years is not None:
        parameters = reform_parameters(parameters, {"p2020.activity_min_years": years})
    ours = batch.run_batch(population, parameters, on=on)
    theirs = run_scalar(population, parameters, on=on)
    assert ours.equals(theirs), ours.join(theirs, on="application_id", suffix="_scalar").filter(
        (pl.col("amount") != pl.col("amount_scalar")) | (pl.col("reasons") != pl.col("reasons_scalar"))).head(3)
