"""Scenarios of paragraph 11(8) of seed 000 (stagnation, inertia, new niches, breakthrough); paragraphs 11–13."""

import numpy as np
import pytest

from techpolicy.forecasting.scenarios import (
    BREAKTHROUGH,
    EXAMPLE_SCENARIO_SET,
    INERTIA,
    NEW_NICHES,
    SCENARIO_KEYS,
    STAGNATION,
    LogisticParams,
    ScenarioAssumptions,
    ScenarioSet,
    TrendForecast,
    apply_scenario,
    project_scenarios,
)

YEARS = np.arange(2025, 2041)
LOGISTIC = LogisticParams(K=100.0, r=0.5, t0=2030.0)


def forecasts():
    return [
        TrendForecast("solar", YEARS, LOGISTIC(YEARS), LOGISTIC),
        TrendForecast("ai", YEARS, 10 + 2.0 * (YEARS - 2025)),  # linear trend, no logistic parameters
    ]


def test_example_is_labelled_as_example():
    assert EXAMPLE_SCENARIO_SET.is_example
    assert "EXAMPLE" in EXAMPLE_SCENARIO_SET.name
    assert "sets no numbers" in EXAMPLE_SCENARIO_SET.source
    assert [s.key for s in EXAMPLE_SCENARIO_SET.scenarios] == list(SCENARIO_KEYS)


@pytest.mark.parametrize("tech", ["solar", "ai"])
def test_scenarios_keep_their_ordering(tech):
    proj = project_scenarios(forecasts(), EXAMPLE_SCENARIO_SET)
    assert proj.is_ordered(tech)
    assert proj.is_ordered(tech, (STAGNATION, INERTIA, NEW_NICHES, BREAKTHROUGH))
    stag, inert, brk = (proj.values(tech, k) for k in (STAGNATION, INERTIA, BREAKTHROUGH))
    assert brk[-1] > inert[-1] > stag[-1]
    # all scenarios start from the same anchor value
    assert {proj.values(tech, k)[0] for k in SCENARIO_KEYS} == {inert[0]}


@pytest.mark.parametrize("tech", ["solar", "ai"])
def test_inertia_with_neutral_numbers_reproduces_the_forecast(tech):
    f = next(f for f in forecasts() if f.technology == tech)
    proj = project_scenarios([f], EXAMPLE_SCENARIO_SET)
    assert proj.values(tech, INERTIA) == pytest.approx(f.central)


@pytest.mark.parametrize("tech", ["solar", "ai"])
def test_stagnation_flattens_growth(tech):
    f = next(f for f in forecasts() if f.technology == tech)
    stag = apply_scenario(f, EXAMPLE_SCENARIO_SET[STAGNATION], 5.0)
    growth_central = np.diff(f.central)
    growth_stag = np.diff(stag)
    assert growth_stag.sum() < 0.5 * growth_central.sum()
    assert np.all(stag <= f.central + 1e-9)
    flat = apply_scenario(f, ScenarioAssumptions(STAGNATION, growth_multiplier=0.0), 5.0)
    assert flat == pytest.approx(np.full(YEARS.size, f.central[0]))


def test_inflection_shift_on_logistic():
    f = forecasts()[0]
    # with transition_years tiny the shift is fully in force from the second year
    delayed = apply_scenario(f, ScenarioAssumptions(INERTIA, inflection_shift_years=3.0), 1e-9)
    assert delayed[1:] == pytest.approx(LOGISTIC(YEARS[1:] - 3.0))
    saturated = apply_scenario(f, ScenarioAssumptions(INERTIA, saturation_multiplier=1.2), 1e-9)
    assert saturated[-1] == pytest.approx(1.2 * LOGISTIC(2040.0))


def test_scenario_set_validation():
    parts = list(EXAMPLE_SCENARIO_SET.scenarios)
    with pytest.raises(ValueError, match="exactly once"):
        ScenarioSet("study", tuple(parts[:3]), transition_years=5)
    with pytest.raises(ValueError, match="transition_years"):
        ScenarioSet("study", tuple(parts), transition_years=0)
    with pytest.raises(ValueError, match="unknown scenario"):
        ScenarioAssumptions("collapse")
    with pytest.raises(ValueError, match="non-negative"):
        ScenarioAssumptions(STAGNATION, growth_multiplier=-0.1)
    with pytest.raises(ValueError, match="strictly increasing"):
        TrendForecast("x", [2025, 2025], [1, 2])
    with pytest.raises(ValueError, match="positive"):
        LogisticParams(K=-1, r=0.5, t0=2030)


def test_study_set_and_as_dict():
    study = ScenarioSet(
        "study 2026",
        tuple(ScenarioAssumptions(k) for k in reversed(SCENARIO_KEYS)),
        transition_years=3,
        source="expert panel, round 2",
    )
    assert [s.key for s in study.scenarios] == list(SCENARIO_KEYS)
    d = project_scenarios(forecasts(), study).as_dict()
    assert d["scenario_set"]["is_example"] is False
    assert len(d["trajectories"]) == 8
    assert d["trajectories"][0]["label"].startswith("Technological stagnation")
