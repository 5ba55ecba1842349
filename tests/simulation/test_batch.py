"""The batch path gives the same outcome, amount (to the tiyn) and reasons as `assess` row by row."""

import datetime as dt

import polars as pl
import pytest

from techpolicy.law.parameters import Parameters
from techpolicy.simulation import batch
from techpolicy.simulation.generator import generate
from techpolicy.simulation.runner import reform_parameters, simulate

REFORMS = [
    {"p2020.i3a.cap_per_employee_kzt": "3000000", "p2020.i4a.cap_sme_kzt": "9000000.50"},
    {"p2020.activity_min_years": "2", "p2020.i3a.lookback_months": "9", "p2020.i5b.share": "45.5",
     "p2020.i3a.employees_per_enterprise_year": "5", "p2020.i3b.specialists_per_enterprise_year": "1"},
]


@pytest.fixture(scope="module")
def population() -> pl.DataFrame:
    return generate(10_000, seed=2024)


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


def test_worker_processes_give_the_same(monkeypatch):
    population = generate(3_000, seed=9)
    baseline = Parameters.from_source()
    alone = batch.run_batch(population, baseline)
    monkeypatch.setattr(batch, "PARALLEL_FROM", 100)
    monkeypatch.setattr(batch, "CHUNK", 700)
    assert batch.run_batch(population, baseline).equals(alone)


@pytest.mark.parametrize("on", [None, dt.date(2015, 1, 1), dt.date(2016, 1, 1)])
def test_values_not_set_or_not_in_force(on):
    """Instrument 8 has no share or cap in the seed ("not_set"); before 2015-06-17 nothing is in force."""
    population = generate(1_500, seed=5, mix={"3a": 0.3, "4a": 0.3, "7": 0.2, "8": 0.2})
    baseline = Parameters.from_source()
    scalar = simulate(population, baseline, baseline, on=on, progress=False, method="scalar").baseline
    compiled = simulate(population, baseline, baseline, on=on, progress=False, method="batch").baseline
    assert compiled.equals(scalar)
    assert ("not_set" in scalar["outcome"].to_list()) is (on != dt.date(2015, 1, 1))
