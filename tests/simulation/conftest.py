"""Shared pieces of the simulation tests: a hand-made population whose amounts are known."""

import datetime as dt
from decimal import Decimal

import polars as pl
import pytest

from techpolicy.simulation.population import SCHEMA


def application(application_id: str, applicant_id: str, day: str, instrument: str, **values) -> dict:
    """One row with a compliant applicant and executor; `values` fill or override the rest."""
    executor = {"3a": "training_education", "3b": "best_practice_expert", "4a": "tech_improvement",
                "4b": "tech_improvement", "5a": "efficiency", "5b": "efficiency"}[instrument]
    applied = dt.date.fromisoformat(day)
    row = {name: None for name in SCHEMA}
    row |= {
        "application_id": application_id, "application_date": applied, "instrument": instrument,
        "channel": "direct", "applicant_id": applicant_id, "oked": "62.01", "activity_since": dt.date(2010, 1, 1),
        "enterprise_size": "sme", "incurred_on": applied - dt.timedelta(days=31),
        "financed_by_other_programme": False, "executor_service": executor,
        "executor_experience_years": Decimal("6"), "executor_past_projects": 4,
        "executor_licence_required": False, "executor_licence_held": False,
    }
    if instrument == "3a":
        row |= {"training_kind": "course", "travel_kzt": Decimal(0), "travel_mode": "air", "travel_class": "economy",
                "accommodation_kzt": Decimal(0), "stay_nights": 0, "per_diem_kzt": Decimal(0)}
    return row | values


def frame(rows: list[dict]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=SCHEMA)


@pytest.fixture
def hand_made() -> pl.DataFrame:
    """C1 trains E1 and E2 (fee 6 m each: 40 % = 2.4 m, capped at 2 m), then E1 again with E3;
    C2 has technical diagnostics of 10 m (50 % = 5 m, under the SME cap of 8 m); C3 applied
    before the programme took effect."""
    return frame([
        application("A1", "C1", "2015-09-01", "3a", persons="E1;E2", fee_per_person_kzt=Decimal(6_000_000)),
        application("A2", "C1", "2015-11-02", "3a", persons="E1;E3", fee_per_person_kzt=Decimal(6_000_000)),
        application("A3", "C2", "2015-09-15", "4a", cost_kzt=Decimal(10_000_000)),
        application("A4", "C3", "2014-12-01", "3a", persons="E1", fee_per_person_kzt=Decimal(1_000_000)),
    ])
