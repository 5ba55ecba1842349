"""The synthetic population: deterministic for a seed, with the documented distributions (loosely)."""

import datetime as dt

import polars as pl
import pytest

from techpolicy.law.acts.act004_productivity2020.sectors import priority_sectors
from techpolicy.simulation.generator import MIX, NON_PRIORITY_OKED, generate
from techpolicy.simulation.population import validate

N = 20_000


@pytest.fixture(scope="module")
def population() -> pl.DataFrame:
    return generate(N, seed=11)


def test_same_seed_same_population():
    assert generate(500, seed=3).equals(generate(500, seed=3))
    assert not generate(500, seed=3).equals(generate(500, seed=4))


def test_the_population_is_valid(population):
    assert validate(population).height == N
    assert population["application_id"].n_unique() == N


def test_instrument_mix(population):
    shares = population["instrument"].value_counts(normalize=True)
    for instrument, expected in MIX.items():
        share = shares.filter(pl.col("instrument") == instrument)["proportion"][0]
        assert abs(share - expected) < 0.02, instrument


def test_oked_from_the_annex_and_outside_it(population):
    sectors = priority_sectors()
    codes = population["oked"].unique().to_list()
    priority = {c for c in codes if sectors.is_priority(c)}
    assert priority and set(codes) - priority <= set(NON_PRIORITY_OKED)
    share = population["oked"].is_in(list(priority)).mean()
    assert 0.7 < share < 0.9


def test_dates_inside_and_outside_the_programme(population):
    start, end = dt.date(2015, 4, 1), dt.date(2016, 9, 30)
    days = population["application_date"]
    assert days.min() >= start and days.max() <= end
    inside = ((days >= dt.date(2015, 6, 17)) & (days < dt.date(2016, 7, 3))).mean()
    assert 0.6 < inside < 0.8
    assert (population["activity_since"] <= days).all()


def test_costs_outside_the_window_and_financed_elsewhere(population):
    after = (population["incurred_on"] > population["application_date"]).mean()
    assert 0.01 < after < 0.04
    old = population.filter(
        (pl.col("instrument") == "4a")
        & (pl.col("incurred_on") < pl.col("application_date").dt.offset_by("-6mo"))
    ).height / population.filter(pl.col("instrument") == "4a").height
    assert 0.08 < old < 0.2
    assert 0.03 < population["financed_by_other_programme"].mean() < 0.07


def test_size_and_channel(population):
    assert 0.65 < (population["enterprise_size"] == "sme").mean() < 0.85
    assert 0.25 < (population["channel"] == "nce").mean() < 0.35


def test_amounts_around_the_caps(population):
    """About 28 % of 5b costs exceed 37.5 m, where 40 % reaches the cap of 15 m."""
    costs = population.filter(pl.col("instrument") == "5b")["cost_kzt"].cast(pl.Float64)
    assert 0.18 < (costs > 37_500_000).mean() < 0.38


def test_repeat_applicants_reach_the_yearly_headcount(population):
    trained = (
        population.filter(pl.col("instrument") == "3a")
        .with_columns(pl.col("application_date").dt.year().alias("year"), pl.col("persons").str.split(";"))
        .explode("persons")
        .group_by("applicant_id", "year")
        .agg(pl.col("persons").n_unique())
    )
    assert (trained["persons"] > 15).any()
    repeated = population.filter(pl.col("instrument") == "3a").group_by("applicant_id").len()
    assert (repeated["len"] > 5).any()
