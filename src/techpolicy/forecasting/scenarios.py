"""Scenarios of mastering new technologies applied to trend forecasts.

Seed 000 (Order No. 133/НҚ), paragraph 11(8): the main stage of technology forecasting develops
**scenarios** of mastering new technologies, four of them named:

1. technological *stagnation* (industrialisation programmes cut back);
2. technological *inertia* (current industrialisation continues, no new priorities);
3. *new technological niches* (joining global technology chains);
4. technological *breakthrough* (synchronising with global technology dynamics).

Paragraph 12 makes the key technologies and the directions for targeted programmes results of the
final stage, and paragraph 13 uses them for state support; the scenarios give those results a range.

The methodology names the scenarios but **sets no numbers** for them. A study fills a
:class:`ScenarioSet` with its own assumptions per scenario (:class:`ScenarioAssumptions`).
:data:`EXAMPLE_SCENARIO_SET` is an illustration for tests and demos only; its numbers are not the
methodology's and must not be presented as such.

How a scenario transforms a central trend forecast ``y(t)`` on forecast years ``t_0 < ... < t_n``
(anchor ``t_0``, the first forecast year, where all scenarios start from the same value ``y_a``):

* ``w(t) = clip((t - t_0) / transition_years, 0, 1)`` phases the structural changes in, so that no
  scenario jumps at the anchor year;
* a modified curve ``M(t)`` and its base ``B(t)``:
  with fitted logistic parameters ``(K, r, t0)``: ``M`` is the logistic with ``K * saturation_multiplier``
  and inflection ``t0 + inflection_shift_years``, ``B`` the fitted logistic;
  without them: ``M(t) = y_a + saturation_multiplier * (y(t - shift) - y_a)`` (the forecast shifted in
  time by linear interpolation, held at ``y_a`` before the anchor and at the last value after the
  horizon; the saturation level is approximated by scaling the rise above the anchor), ``B = y``;
* ``z(t) = (y(t) + w(t) * (M(t) - B(t))) * (1 + niche_uplift * w(t))``;
* the scenario trajectory ``y_s(t) = y_a + growth_multiplier * (z(t) - y_a)``.

The growth multiplier scales the *growth above the anchor* rather than the logistic rate ``r``:
scaling ``r`` lowers a logistic before its inflection, which would not express "more growth".
With this construction, for a non-decreasing central forecast, non-negative multipliers and
assumptions that are ordered (larger growth and saturation multipliers, earlier inflection, larger
uplift), the trajectories are ordered at every year; :meth:`ScenarioProjection.is_ordered` checks it.

Pure numpy; no Django.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

STAGNATION = "stagnation"
INERTIA = "inertia"
NEW_NICHES = "new_niches"
BREAKTHROUGH = "breakthrough"

#: The four scenarios of paragraph 11(8), in the order the methodology lists them.
SCENARIO_KEYS: tuple[str, ...] = (STAGNATION, INERTIA, NEW_NICHES, BREAKTHROUGH)

SCENARIO_LABELS: dict[str, str] = {
    STAGNATION: "Technological stagnation (industrialisation programmes cut back)",
    INERTIA: "Technological inertia (current industrialisation continues, no new priorities)",
    NEW_NICHES: "New technological niches (joining global technology chains)",
    BREAKTHROUGH: "Technological breakthrough (synchronising with global technology dynamics)",
}


@dataclass(frozen=True)
class ScenarioAssumptions:
    """The study's numbers for one scenario. The neutral values (1, 1, 0, 0) reproduce the forecast."""

    key: str
    growth_multiplier: float = 1.0
    saturation_multiplier: float = 1.0
    inflection_shift_years: float = 0.0  # positive = delay, negative = advance
    niche_uplift: float = 0.0  # fractional extra level, e.g. 0.1 = +10 % once phased in

    def __post_init__(self) -> None:
        if self.key not in SCENARIO_KEYS:
            raise ValueError(f"unknown scenario {self.key!r}; paragraph 11(8) names {SCENARIO_KEYS}")
        for name in ("growth_multiplier", "saturation_multiplier", "inflection_shift_years", "niche_uplift"):
            if not np.isfinite(getattr(self, name)):
                raise ValueError(f"{self.key}: {name} must be finite")
        if self.growth_multiplier < 0:
            raise ValueError(f"{self.key}: growth_multiplier must be non-negative")
        if self.saturation_multiplier <= 0:
            raise ValueError(f"{self.key}: saturation_multiplier must be positive")
        if self.niche_uplift <= -1:
            raise ValueError(f"{self.key}: niche_uplift must be greater than -1")

    @property
    def label(self) -> str:
        return SCENARIO_LABELS[self.key]

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "growth_multiplier": self.growth_multiplier,
            "saturation_multiplier": self.saturation_multiplier,
            "inflection_shift_years": self.inflection_shift_years,
            "niche_uplift": self.niche_uplift,
        }


@dataclass(frozen=True)
class ScenarioSet:
    """The four scenarios with a study's numbers; ``source`` says where they come from."""

    name: str
    scenarios: tuple[ScenarioAssumptions, ...]
    transition_years: float
    source: str = ""
    is_example: bool = False

    def __post_init__(self) -> None:
        keys = [s.key for s in self.scenarios]
        if sorted(keys) != sorted(SCENARIO_KEYS):
            raise ValueError(f"a scenario set needs each of {SCENARIO_KEYS} exactly once, got {keys}")
        if not (np.isfinite(self.transition_years) and self.transition_years > 0):
            raise ValueError("transition_years must be positive")
        ordered = tuple(sorted(self.scenarios, key=lambda s: SCENARIO_KEYS.index(s.key)))
        object.__setattr__(self, "scenarios", ordered)

    def __getitem__(self, key: str) -> ScenarioAssumptions:
        for s in self.scenarios:
            if s.key == key:
                return s
        raise KeyError(key)

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "source": self.source,
            "is_example": self.is_example,
            "transition_years": self.transition_years,
            "scenarios": [s.as_dict() for s in self.scenarios],
        }


#: ILLUSTRATIVE numbers only, for tests and demonstrations. Seed 000 names the four scenarios but sets
#: no numbers; a study must supply its own ScenarioSet.
EXAMPLE_SCENARIO_SET = ScenarioSet(
    name="EXAMPLE (illustrative numbers, not set by the methodology)",
    source="example only: Order No. 133/НҚ paragraph 11(8) names the scenarios but sets no numbers",
    is_example=True,
    transition_years=5.0,
    scenarios=(
        ScenarioAssumptions(STAGNATION, growth_multiplier=0.3, saturation_multiplier=0.8, inflection_shift_years=3.0),
        ScenarioAssumptions(INERTIA),
        ScenarioAssumptions(NEW_NICHES, growth_multiplier=1.0, saturation_multiplier=1.1, niche_uplift=0.1),
        ScenarioAssumptions(
            BREAKTHROUGH,
            growth_multiplier=1.5,
            saturation_multiplier=1.3,
            inflection_shift_years=-2.0,
            niche_uplift=0.1,
        ),
    ),
)


@dataclass(frozen=True)
class LogisticParams:
    """Fitted logistic ``K / (1 + exp(-r (t - t0)))``."""

    K: float
    r: float
    t0: float

    def __post_init__(self) -> None:
        if not all(np.isfinite([self.K, self.r, self.t0])):
            raise ValueError("logistic parameters must be finite")
        if self.K <= 0 or self.r <= 0:
            raise ValueError("logistic K and r must be positive")

    def __call__(self, t: np.ndarray, *, K: float | None = None, t0: float | None = None) -> np.ndarray:
        k = self.K if K is None else K
        c = self.t0 if t0 is None else t0
        return k / (1.0 + np.exp(-self.r * (np.asarray(t, dtype=float) - c)))

    def as_dict(self) -> dict:
        return {"K": self.K, "r": self.r, "t0": self.t0}


@dataclass(frozen=True)
class TrendForecast:
    """Central trend forecast of one key technology's indicator on the forecast years."""

    technology: str
    years: np.ndarray
    central: np.ndarray
    logistic: LogisticParams | None = None

    def __post_init__(self) -> None:
        years = np.asarray(self.years, dtype=float)
        central = np.asarray(self.central, dtype=float)
        if years.ndim != 1 or central.shape != years.shape:
            raise ValueError(f"{self.technology}: years and central forecast must be 1-D arrays of equal length")
        if years.size < 2:
            raise ValueError(f"{self.technology}: at least two forecast years are needed")
        if not (np.all(np.isfinite(years)) and np.all(np.isfinite(central))):
            raise ValueError(f"{self.technology}: non-finite values in the forecast")
        if np.any(np.diff(years) <= 0):
            raise ValueError(f"{self.technology}: years must be strictly increasing")
        object.__setattr__(self, "years", years)
        object.__setattr__(self, "central", central)

    def as_dict(self) -> dict:
        return {
            "technology": self.technology,
            "years": self.years.tolist(),
            "central": self.central.tolist(),
            "logistic": None if self.logistic is None else self.logistic.as_dict(),
        }


@dataclass(frozen=True)
class ScenarioTrajectory:
    technology: str
    scenario: str
    years: tuple[float, ...]
    values: tuple[float, ...]

    def as_dict(self) -> dict:
        return {
            "technology": self.technology,
            "scenario": self.scenario,
            "label": SCENARIO_LABELS[self.scenario],
            "years": list(self.years),
            "values": list(self.values),
        }


def apply_scenario(forecast: TrendForecast, scenario: ScenarioAssumptions, transition_years: float) -> np.ndarray:
    """One scenario's trajectory for one forecast (see the module docstring for the formula)."""
    t, y = forecast.years, forecast.central
    anchor_t, y_a = t[0], y[0]
    w = np.clip((t - anchor_t) / transition_years, 0.0, 1.0)
    s, d = scenario.saturation_multiplier, scenario.inflection_shift_years
    if forecast.logistic is not None:
        p = forecast.logistic
        modified = p(t, K=p.K * s, t0=p.t0 + d)
        base = p(t)
    else:
        # np.interp holds the end values outside [t_0, t_n]; clamp the left end to the anchor value.
        shifted = np.interp(t - d, t, y)
        modified = y_a + s * (shifted - y_a)
        base = y
    z = (y + w * (modified - base)) * (1.0 + scenario.niche_uplift * w)
    return y_a + scenario.growth_multiplier * (z - y_a)


@dataclass(frozen=True)
class ScenarioProjection:
    """Trajectories per key technology per scenario."""

    scenario_set: ScenarioSet
    forecasts: tuple[TrendForecast, ...]
    trajectories: tuple[ScenarioTrajectory, ...]

    def get(self, technology: str, scenario: str) -> ScenarioTrajectory:
        for tr in self.trajectories:
            if tr.technology == technology and tr.scenario == scenario:
                return tr
        raise KeyError((technology, scenario))

    def values(self, technology: str, scenario: str) -> np.ndarray:
        return np.array(self.get(technology, scenario).values)

    def is_ordered(
        self, technology: str, order: Sequence[str] = (STAGNATION, INERTIA, BREAKTHROUGH), tol: float = 1e-9
    ) -> bool:
        """True when each scenario in ``order`` is <= the next one at every year."""
        arrays = [self.values(technology, k) for k in order]
        return all(np.all(a <= b + tol) for a, b in zip(arrays, arrays[1:], strict=False))

    def as_dict(self) -> dict:
        return {
            "scenario_set": self.scenario_set.as_dict(),
            "forecasts": [f.as_dict() for f in self.forecasts],
            "trajectories": [tr.as_dict() for tr in self.trajectories],
        }


def project_scenarios(forecasts: Sequence[TrendForecast], scenario_set: ScenarioSet) -> ScenarioProjection:
    """Apply each of the four scenarios to each key technology's forecast."""
    names = [f.technology for f in forecasts]
    if len(set(names)) != len(names):
        raise ValueError("technology names must be unique")
    trajectories = []
    for f in forecasts:
        for sc in scenario_set.scenarios:
            values = apply_scenario(f, sc, scenario_set.transition_years)
            trajectories.append(
                ScenarioTrajectory(
                    technology=f.technology,
                    scenario=sc.key,
                    years=tuple(float(x) for x in f.years),
                    values=tuple(float(v) for v in values),
                )
            )
    return ScenarioProjection(scenario_set=scenario_set, forecasts=tuple(forecasts), trajectories=tuple(trajectories))
