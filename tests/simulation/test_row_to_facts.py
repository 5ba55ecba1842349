"""A population row becomes the input of the law layer's `ProductivityFacts`, which validates it."""

import datetime as dt
from decimal import Decimal

import pytest

from techpolicy.law.acts.act004_productivity2020.facts import ProductivityFacts
from techpolicy.law.acts.act004_productivity2020.programme import assess
from techpolicy.law.facts import InvalidFacts, parse_facts
from techpolicy.simulation.generator import generate
from techpolicy.simulation.population import row_to_facts

from .conftest import application


def test_every_generated_row_is_valid_facts():
    for row in generate(2_000, seed=5).iter_rows(named=True):
        facts = parse_facts(ProductivityFacts, row_to_facts(row))
        assert facts.instrument == row["instrument"]
        assert facts.application_date == row["application_date"]
        assert facts.applicant.oked_codes == [row["oked"]]
        assert facts.applicant.enterprise_size == row["enterprise_size"]
        assert all(c.incurred_on == row["incurred_on"] for c in facts.costs)
        if row["executor_service"]:
            assert facts.executors[0].service == row["executor_service"]


def test_a_training_row_as_cost_lines():
    row = application("A1", "C1", "2015-10-01", "3a", persons="E1;E2", fee_per_person_kzt=Decimal("100.50"),
                      travel_kzt=Decimal(7), accommodation_kzt=Decimal(30), stay_nights=3, per_diem_kzt=Decimal(2),
                      prior_persons_this_year=2)
    facts = parse_facts(ProductivityFacts, row_to_facts(row))
    fee, *rest = facts.costs
    assert (fee.kind, fee.amount_kzt, fee.employees) == ("training_fee", Decimal("201.00"), ["E1", "E2"])
    assert [c.id for c in rest] == [
        "travel-E1-outbound", "travel-E1-return", "stay-E1", "per-diem-E1",
        "travel-E2-outbound", "travel-E2-return", "stay-E2", "per-diem-E2",
    ]
    stay = rest[2]
    assert stay.stay_to - stay.stay_from == dt.timedelta(days=3)
    assert [p.id for p in facts.prior_reimbursements[0].persons] == ["outside-1", "outside-2"]


def test_specialists_and_single_costs():
    experts = row_to_facts(application("B1", "C1", "2015-10-01", "3b", persons="S1;S2",
                                       fee_per_person_kzt=Decimal(5_000_000), months=Decimal("2.5")))
    assert [(c["kind"], c["specialist"], c["months"]) for c in experts["costs"]] == [
        ("expert_fee", "S1", Decimal("2.5")), ("expert_fee", "S2", Decimal("2.5"))]
    diagnostics = row_to_facts(application("B2", "C1", "2015-10-01", "4a", cost_kzt=Decimal(1)))
    assert [(c["kind"], c["amount_kzt"]) for c in diagnostics["costs"]] == [("technical_diagnostics", Decimal(1))]


def test_the_runner_feeds_earlier_reimbursements():
    prior = [{"instrument": "3a", "decided_on": dt.date(2015, 9, 1), "amount_kzt": Decimal(2_000_000),
              "persons": [{"id": "E1", "amount_kzt": Decimal(2_000_000)}]}]
    row = application("A2", "C1", "2015-11-02", "3a", persons="E1", fee_per_person_kzt=Decimal(6_000_000))
    assert assess(row_to_facts(row)).amount == Decimal("2000000.00")
    assert assess(row_to_facts(row, prior)).amount == Decimal("0.00")


def test_a_missing_fact_is_named():
    row = application("A1", "C1", "2015-10-01", "3a", persons="E1", fee_per_person_kzt=None)
    with pytest.raises(InvalidFacts, match="amount_kzt"):
        parse_facts(ProductivityFacts, row_to_facts(row))
