"""The one-row frame a case is decided on holds only the facts its rules read: those columns must be
the same values with the same types as that row of the frame of a population (`frame_of`)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest

from techpolicy.law import columnar
from techpolicy.law.acts.act001_technopark.participation import TECHNOPARK
from techpolicy.law.acts.act004_productivity2020.programme import PRODUCTIVITY2020

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _example(path: str) -> dict:
    return json.loads((EXAMPLES / path).read_text("utf-8"), parse_float=Decimal)


def _without_optional_documents() -> dict:
    data = _example("technopark/eligible.json")
    data["documents"]["tax_debt"] = None  # an optional model not given: its flag and fields
    data["documents"]["planned_staff"] = None
    return data


CASES = [
    pytest.param(TECHNOPARK, _example("technopark/eligible.json"), id="technopark"),
    pytest.param(TECHNOPARK, _without_optional_documents(), id="technopark, optional documents missing"),
    pytest.param(PRODUCTIVITY2020, _example("productivity2020/3a_training.json"), id="p2020 3a"),
    pytest.param(PRODUCTIVITY2020, _example("productivity2020/1_leasing.json"), id="p2020 1 (leasing)"),
]


@pytest.mark.parametrize(("procedure", "data"), CASES)
def test_the_frame_of_one_case_is_its_row_of_the_population_frame(procedure, data):
    facts = procedure.parse(data)
    columns = list(columnar.schema(procedure.facts))  # every column, nested and optional ones included
    on = dt.date(2020, 1, 1)
    one = columnar.case_frame(facts, columns, {columnar.ON: (on, pl.Date())})
    population = columnar.frame_of(procedure.facts, [facts]).with_columns(pl.lit(on).alias(columnar.ON))
    assert one.equals(population.select(one.columns))
    assert one.schema == population.select(one.columns).schema
    some = columns[::3]
    assert columnar.case_frame(facts, some, {}).equals(population.select(some))
