"""A reform over a hand-made population changes known applicants by known amounts."""

from decimal import Decimal

import polars as pl
import pytest

from techpolicy.law.parameters import Parameters
from techpolicy.simulation.report import compare, render
from techpolicy.simulation.runner import ReformError, reform_parameters, simulate

from .conftest import application, frame

CAP = "p2020.i3a.cap_per_employee_kzt"


@pytest.fixture(scope="module")
def baseline() -> Parameters:
    return Parameters.from_source()


@pytest.mark.parametrize("method", ["scalar", "batch"])
def test_raising_the_cap_per_employee(hand_made, baseline, method):
    reform = reform_parameters(baseline, {CAP: "3000000"})
    result = simulate(hand_made, baseline, reform, progress=False, method=method, changes={CAP: "3000000"})
    amounts = {r["application_id"]: (r["baseline_amount"], r["reform_amount"], r["baseline_reasons"])
               for r in compare(result).per_application.iter_rows(named=True)}
    # A1: 2 x min(2.4 m, cap); A2: E1 has used 2 m (2.4 m) of the cap already, E3 is new
    assert amounts["A1"] == (Decimal("4000000.00"), Decimal("4800000.00"), "cap.per_employee")
    assert amounts["A2"] == (Decimal("2000000.00"), Decimal("3000000.00"), "cap.per_employee")
    assert amounts["A3"] == (Decimal("5000000.00"), Decimal("5000000.00"), "")
    assert amounts["A4"] == (Decimal("0.00"), Decimal("0.00"), "004.validity.start")
    summary = {s.instrument: s for s in compare(result).summaries}
    assert summary["3a"].applicants_changed == 1 and summary["3a"].applications_changed == 2
    assert summary["3a"].total_change == Decimal("1800000.00")
    assert summary["4a"].applicants_changed == 0
    assert summary["all"].eligible_baseline == summary["all"].eligible_reform == 3


def test_the_yearly_headcount_follows_the_order_of_applications(baseline):
    """Ten employees in March, then eight in May: only five of the second group fit in 15 a year."""
    first = ";".join(f"E{k}" for k in range(10))
    second = ";".join(f"E{k}" for k in range(10, 18))
    population = frame([
        application("B2", "C1", "2016-05-02", "3a", persons=second, fee_per_person_kzt=Decimal(1_000_000)),
        application("B1", "C1", "2016-03-01", "3a", persons=first, fee_per_person_kzt=Decimal(1_000_000)),
    ])
    for method in ("scalar", "batch"):
        result = simulate(population, baseline, baseline, progress=False, method=method)
        amounts = dict(zip(result.baseline["application_id"], result.baseline["amount"], strict=True))
        assert amounts == {"B2": Decimal("2000000.00"), "B1": Decimal("4000000.00")}, method
        assert result.baseline["application_id"].to_list() == ["B2", "B1"]  # the population's order


def test_the_table_and_json(hand_made, baseline):
    reform = reform_parameters(baseline, {CAP: "3000000"})
    comparison = compare(simulate(hand_made, baseline, reform, progress=False, changes={CAP: "3000000"}))
    table = render(comparison)
    assert "p2020.i3a.cap_per_employee_kzt=3000000" in table and "1 800 000.00" in table
    data = comparison.as_dict()
    assert [c["application_id"] for c in data["largest_changes"]] == ["A2", "A1"]
    assert data["instruments"][-1]["instrument"] == "all"


def test_an_invalid_row_is_kept_with_its_reason(baseline):
    population = frame([application("A1", "C1", "2015-10-01", "3a", persons=None,
                                     fee_per_person_kzt=Decimal(1))])
    for method in ("scalar", "batch"):
        result = simulate(population, baseline, baseline, progress=False, method=method).baseline
        assert result["outcome"].to_list() == ["invalid"]
        assert "employees" in result["reasons"][0]


def test_reform_errors_name_the_parameter(baseline):
    with pytest.raises(ReformError) as unknown:
        reform_parameters(baseline, {"p2020.nope": "1"})
    assert unknown.value.parameter == "p2020.nope"
    with pytest.raises(ReformError, match="p2020.i3a.employees_per_enterprise_year") as malformed:
        reform_parameters(baseline, {"p2020.i3a.employees_per_enterprise_year": "many"})
    assert malformed.value.parameter == "p2020.i3a.employees_per_enterprise_year"


def test_no_reform_changes_nothing(hand_made, baseline):
    result = simulate(hand_made, baseline, baseline, progress=False)
    assert result.baseline.equals(result.reform)
    assert not compare(result).per_application["changed"].any()
    assert isinstance(result.baseline, pl.DataFrame)
