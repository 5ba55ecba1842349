"""A synthetic population of "Productivity 2020" applications, deterministic for a seed.

`generate(n, seed, start, end)` draws `n` applications (the format of `population`). Distributions
(docs/simulation.md repeats them; the tests check them loosely):

- applicants: `max(1, n // 4)` enterprises; each application picks one with weight 1 / (rank + 5),
  so a few enterprises apply many times a year (the yearly caps per enterprise bind);
- OKED: 80 % a code of the Annex (half of the two-digit divisions refined to a class, "24" -> "24.10"),
  20 % a code outside it (`NON_PRIORITY_OKED`);
- activity: 85 % of enterprises active since 1995-2013, 15 % since a day inside [start - 1 year, end]
  (some then apply before a full year of activity); never after the application date;
- size: 75 % SME, 25 % large; channel: 30 % through the NCE, 70 % direct;
- instrument mix `MIX` (3a 30 %, 3b 8 %, 4a 15 %, 4b 10 %, 5a 15 %, 5b 15 %, 2a 3 %, 2b 2 %, 7 2 %);
- application dates uniform over [start, end] (default 2015-04-01 .. 2016-09-30: about 70 % inside
  the programme's period 2015-06-17 .. 2016-07-02);
- costs incurred: 85 % inside the look-back window of the instrument, 13 % up to 6 months before
  it, 2 % after the application date; 5 % of the main costs financed by another programme;
- amounts lognormal (sigma 0.6) with a median of 70 % of the cost at which the cap binds (cap /
  share, read from `INSTRUMENTS` and the parameters), so about 28 % of costs exceed it;
- 3a: 1 + Poisson(2.5) employees (at most 12) drawn from a pool of 30 per enterprise (the same
  employee is trained again: the per-employee cap binds), course 70 % / internship 30 %, one
  return trip each (air 80 %: economy 90 %, business 10 %; rail 20 %: coupé 90 %, two-berth
  sleeper 10 %), a stay of 3-40 nights (courses) or 10-110 (internships), per diem in half the rows;
  5 % carry 1-14 persons reimbursed earlier in the year outside the population;
- 3b: 1-3 specialists from a pool of 5, 1-6 months (25 % with half a month more);
- executors: the instrument's kinds of service; about 8 % with too little experience, 5 % with
  no past project, 30 % in a licensed field of which 3 % without the licence.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl

from techpolicy.law.acts.act004_productivity2020.instruments import INSTRUMENTS
from techpolicy.law.acts.act004_productivity2020.sectors import priority_sectors
from techpolicy.law.parameters import ParameterError, Parameters

from .population import MONEY, SCHEMA

MIX: dict[str, float] = {
    "3a": 0.30, "3b": 0.08, "4a": 0.15, "4b": 0.10, "5a": 0.15, "5b": 0.15, "2a": 0.03, "2b": 0.02, "7": 0.02,
}
NON_PRIORITY_OKED = ("01.11", "41.20", "46.90", "47.11", "56.10", "64.19", "68.20", "85.59", "86.10", "93.11")
DEFAULT_START, DEFAULT_END = dt.date(2015, 4, 1), dt.date(2016, 9, 30)
REFERENCE_DAY = dt.date(2015, 6, 17)  # the parameters that scale the amounts are read on this day
SIGMA, MEDIAN_OF_BINDING = 0.6, 0.7
EMPLOYEE_POOL, SPECIALIST_POOL = 30, 5


def _param(parameters: Parameters, name: str | None, default: float) -> float:
    if not name:
        return default
    try:
        return float(parameters.value(name, REFERENCE_DAY))
    except ParameterError:
        return default


def _binding_cost(instrument: str, size: str, parameters: Parameters) -> float:
    """The cost at which the instrument's cap for one application binds: cap / share."""
    definition = INSTRUMENTS[instrument]
    share = _param(parameters, definition.share_parameter, 50.0) / 100
    for cap in definition.caps:
        if cap.scope in ("per_employee", "per_specialist_year"):
            return _param(parameters, cap.parameter, 2e6) / share
        if cap.scope == "instrument" or (cap.scope == "enterprise_size" and cap.size == size):
            return _param(parameters, cap.parameter, 1e7) / share
    return 1e7


def _lognormal(rng: np.random.Generator, median: np.ndarray | float, size: int) -> np.ndarray:
    return np.round(np.asarray(median) * np.exp(rng.normal(0.0, SIGMA, size)))


def _money(values: np.ndarray, mask: np.ndarray) -> pl.Series:
    return pl.Series(np.where(mask, values, np.nan)).fill_nan(None).cast(pl.Int64).cast(MONEY)


def _days(dates: np.ndarray) -> pl.Series:
    return pl.Series(dates.astype("datetime64[D]")).cast(pl.Date)


def _plain(values):
    """numpy object arrays (text with None) as lists, which polars reads as nullable columns."""
    if isinstance(values, np.ndarray) and values.dtype == object:
        return [None if v is None else (v.item() if isinstance(v, np.generic) else v) for v in values]
    return values


def _persons(rng: np.random.Generator, counts: np.ndarray, pool: int, prefix: str) -> list[str | None]:
    order = rng.random((len(counts), pool)).argsort(axis=1)
    return [
        ";".join(f"{prefix}{i + 1:02d}" for i in sorted(row[:k])) if k else None
        for row, k in zip(order, counts, strict=True)
    ]


def _applicants(rng: np.random.Generator, m: int, start: dt.date, end: dt.date) -> dict[str, np.ndarray]:
    codes = sorted(priority_sectors().codes)
    priority = rng.random(m) < 0.8
    listed = rng.choice(codes, m)
    refine = (np.char.str_len(listed) == 2) & (rng.random(m) < 0.5)
    listed = np.where(refine, np.char.add(listed, ".10"), listed)
    oked = np.where(priority, listed, rng.choice(NON_PRIORITY_OKED, m))
    old = np.datetime64("1995-01-01") + rng.integers(0, 19 * 365, m).astype("timedelta64[D]")
    young_from = np.datetime64(start) - np.timedelta64(365, "D")
    young = young_from + rng.integers(0, (np.datetime64(end) - young_from).astype(int) + 1, m).astype("timedelta64[D]")
    since = np.where(rng.random(m) < 0.85, old, young)
    size = np.where(rng.random(m) < 0.75, "sme", "large")
    return {"oked": oked, "since": since, "size": size}


def generate(
    n: int, seed: int = 0, start: dt.date = DEFAULT_START, end: dt.date = DEFAULT_END,
    mix: dict[str, float] | None = None, parameters: Parameters | None = None,
) -> pl.DataFrame:
    """`n` synthetic applications (see the module docstring for the distributions)."""
    if n < 0 or end < start:
        raise ValueError("n must be >= 0 and start <= end")
    rng = np.random.default_rng(seed)
    parameters = parameters or Parameters.from_source()
    mix = mix or MIX
    instruments = sorted(mix)
    weights = np.array([mix[i] for i in instruments], dtype=float)
    m = max(1, n // 4)
    firms = _applicants(rng, m, start, end)
    rank_weights = 1.0 / (np.arange(m) + 5.0)
    who = rng.choice(m, n, p=rank_weights / rank_weights.sum())
    instrument = np.array(instruments)[rng.choice(len(instruments), n, p=weights / weights.sum())]
    applied = np.datetime64(start) + rng.integers(0, (end - start).days + 1, n).astype("timedelta64[D]")
    since = np.minimum(firms["since"][who], applied)
    size = firms["size"][who]

    lookback = np.array([_param(parameters, INSTRUMENTS[i].lookback_parameter, 6) for i in instrument])
    window = (lookback * 30.4).astype(int)
    where = rng.random(n)
    offset = np.where(where < 0.85, rng.integers(0, 10**6, n) % (window + 1),
                      np.where(where < 0.98, window + 1 + rng.integers(0, 180, n), -rng.integers(1, 31, n)))
    incurred = applied - offset.astype("timedelta64[D]")

    is_3a, is_3b = instrument == "3a", instrument == "3b"
    persons_3a = np.where(is_3a, np.clip(1 + rng.poisson(2.5, n), 1, 12), 0)
    persons_3b = np.where(is_3b, 1 + rng.binomial(2, 0.3, n), 0)
    months = rng.integers(1, 7, n) + np.where(rng.random(n) < 0.25, 0.5, 0.0)
    binding = np.array([_binding_cost(i, s, parameters) for i, s in zip(instrument, size, strict=True)])
    internship = rng.random(n) < 0.3
    nights = np.where(internship, rng.integers(10, 111, n), rng.integers(3, 41, n))
    air = rng.random(n) < 0.8
    good_class = rng.random(n) < 0.9
    travel_class = np.where(air, np.where(good_class, "economy", "business"),
                            np.where(good_class, "coupe", "sleeper_two_berth"))
    fee_3b = _lognormal(rng, binding * MEDIAN_OF_BINDING / 12, n) * months  # fee per month x months
    fee = np.where(is_3a, _lognormal(rng, binding * MEDIAN_OF_BINDING * 0.5, n), fee_3b)

    services = [sorted(INSTRUMENTS[i].executor_services) for i in instrument]
    service = np.array([s[k % len(s)] if s else None for s, k in zip(services, rng.integers(0, 6, n), strict=True)],
                       dtype=object)
    licensed = rng.random(n) < 0.3
    is_2b = instrument == "2b"
    accreditation = np.where(is_2b & (service == "feasibility_expertise") & (rng.random(n) < 0.95),
                             "accredited_expert_organisation", None)
    cost_kind = np.where(is_2b, np.where(service == "feasibility_expertise", "feasibility_expertise",
                                         "feasibility_study"), None)
    prior = np.where(is_3a & (rng.random(n) < 0.05), rng.integers(1, 15, n),
                     np.where(is_3b & (rng.random(n) < 0.03), rng.integers(1, 3, n), None))
    person_ids = _persons(rng, persons_3a, EMPLOYEE_POOL, "E")
    specialists = _persons(rng, persons_3b, SPECIALIST_POOL, "S")
    not_person = ~(is_3a | is_3b)
    data = {
        "application_id": [f"A{k + 1:07d}" for k in range(n)],
        "application_date": _days(applied),
        "instrument": instrument,
        "channel": np.where(rng.random(n) < 0.3, "nce", "direct"),
        "applicant_id": [f"C{k + 1:06d}" for k in who],
        "oked": firms["oked"][who],
        "activity_since": _days(since),
        "enterprise_size": size,
        "incurred_on": _days(incurred),
        "financed_by_other_programme": rng.random(n) < 0.05,
        "executor_service": service,
        "executor_experience_years": pl.Series(np.where(rng.random(n) < 0.08, 2, rng.integers(5, 16, n)))
        .cast(pl.Decimal(10, 2)),
        "executor_past_projects": np.where(rng.random(n) < 0.05, 0, rng.integers(3, 21, n)),
        "executor_licence_required": licensed,
        "executor_licence_held": ~licensed | (rng.random(n) < 0.97),
        "executor_accreditation": accreditation,
        "cost_kzt": _money(_lognormal(rng, binding * MEDIAN_OF_BINDING, n), not_person),
        "cost_kind": cost_kind,
        "persons": [a or b for a, b in zip(person_ids, specialists, strict=True)],
        "fee_per_person_kzt": _money(fee, ~not_person),
        "months": pl.Series(np.where(is_3b, months, np.nan)).fill_nan(None).cast(pl.Decimal(10, 2)),
        "training_kind": np.where(is_3a, np.where(internship, "internship", "course"), None),
        "travel_kzt": _money(_lognormal(rng, 120_000, n), is_3a),
        "travel_mode": np.where(is_3a, np.where(air, "air", "rail"), None),
        "travel_class": np.where(is_3a, travel_class, None),
        "accommodation_kzt": _money(np.round(nights * 20_000 * np.exp(rng.normal(0, 0.3, n))), is_3a),
        "stay_nights": np.where(is_3a, nights, None),
        "room_single_standard": np.where(is_3a, rng.random(n) < 0.95, None),
        "per_diem_kzt": _money(np.where(rng.random(n) < 0.5, nights * 6_000, 0), is_3a),
        "prior_persons_this_year": prior,
        "construction_cost_kzt": _money(_lognormal(rng, 1.5e9, n), is_2b),
        "industrialization_map": np.where(is_2b, rng.choice(["republican", "regional", "none"], n, p=[.5, .4, .1]),
                                          None),
        "positive_expertise": np.where(is_2b, rng.random(n) < 0.95, None),
        "cpip_approved": np.where(instrument == "2a", rng.random(n) < 0.9, None),
        "cluster_winner": np.where(np.isin(instrument, ["7", "8"]), rng.random(n) < 0.85, None),
    }
    frame = pl.DataFrame(
        {name: pl.Series(name, _plain(values), dtype=SCHEMA[name], strict=False) for name, values in data.items()}
    )
    return frame

