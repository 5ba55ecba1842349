"""The fund ledger in the database (003.a27.p3.a1-a3): the stored ledger is decided by the law
layer's own step (the same balances as `fund.replay` of the same entries), refusals are kept with
their citation, the kinds the law refuses cannot be stored even past the code, entries are
append-only, and two operators committing the last of an allocation at once cannot both succeed."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import IntegrityError, transaction

from techpolicy.casework.models.case import AppendOnlyError
from techpolicy.law.acts.act003_state_support import fund as law_fund
from techpolicy.law.acts.act003_state_support.fund_entries import parse_ledger
from techpolicy.law.facts import InvalidFacts
from techpolicy.services.innovation_grants import fund
from techpolicy.services.innovation_grants.models import LedgerEntry, LedgerRefusal
from tests import factories
from tests.races import at_once, race

EXAMPLE = json.loads((Path(__file__).parents[2] / "examples" / "grant-ledger.json").read_text("utf-8"),
                     parse_float=Decimal)
OPENING = EXAMPLE[:3]  # the account, the 2025 transfer and its allocation


@pytest.fixture
def operator(db):
    return factories.make_user(email="operator@example.kz")


def test_a27_p3_the_stored_ledger_has_the_law_layers_balances(operator):
    for data in EXAMPLE:
        outcome = fund.record(data, operator)
        assert outcome.entry is not None, outcome.refusal and outcome.refusal.as_dict("en")
    expected = law_fund.replay(parse_ledger(EXAMPLE)).state.years
    assert {y: b.as_dict() for y, b in fund.balances().items()} == {y: b.as_dict() for y, b in expected.items()}
    assert list(LedgerEntry.objects.values_list("seq", flat=True)) == list(range(1, len(EXAMPLE) + 1))
    payment = LedgerEntry.objects.filter(kind="payment").first()
    assert payment.grant_type == "technology_acquisition"  # a payment is filed under its award's type


def test_a27_p3_a2_a_return_to_budget_is_refused_and_kept_with_its_citation(operator):
    for data in OPENING:
        fund.record(data, operator)
    outcome = fund.record({"kind": "return_to_budget", "on": "2025-12-30", "financial_year": 2025,
                           "amount": "100.00"}, operator)
    assert outcome.entry is None and outcome.refusal.rule.requirement == "003.a27.p3.a2"
    assert (outcome.refused.citation, LedgerEntry.objects.count()) == ("003 a.27 p.3 [indent 2]", 3)
    assert LedgerRefusal.objects.count() == 1


@pytest.mark.django_db
def test_a27_p3_a2_the_database_refuses_a_return_to_budget_written_past_the_code(operator):
    with pytest.raises(IntegrityError), transaction.atomic():
        LedgerEntry.objects.create(seq=1, kind="return_to_budget", on="2025-12-30", financial_year=2025,
                                   amount=Decimal("1.00"), data={}, entered_by=operator)


@pytest.mark.django_db
def test_a27_p3_a2_the_database_closes_a_financial_year_once_even_past_the_code(operator):
    LedgerEntry.objects.create(seq=1, kind="year_close", on="2025-12-31", financial_year=2025, data={},
                               entered_by=operator)
    with pytest.raises(IntegrityError), transaction.atomic():
        LedgerEntry.objects.create(seq=2, kind="year_close", on="2025-12-31", financial_year=2025, data={},
                                   entered_by=operator)
    LedgerEntry.objects.create(seq=3, kind="year_close", on="2026-12-31", financial_year=2026, data={},
                               entered_by=operator)


def test_a27_p3_entries_are_append_only(operator):
    stored = fund.record(OPENING[0], operator).entry
    stored.award_ref = "changed"
    with pytest.raises(AppendOnlyError):
        stored.save()
    with pytest.raises(AppendOnlyError):
        stored.delete()


def test_a27_p3_a_malformed_entry_names_its_field(operator):
    with pytest.raises(InvalidFacts) as invalid:
        fund.record({"kind": "transfer_in", "on": "2025-02-03", "financial_year": 2025, "amount": "-5",
                     "allocated": "5", "contract_no": "X"}, operator)
    assert any("amount" in e["field"] for e in invalid.value.errors)
    assert not LedgerEntry.objects.exists()


@race
def test_a27_p3_a3_twenty_operators_commit_the_last_of_an_allocation_at_once():
    operator = factories.make_user(email="operator@example.kz")
    for data in OPENING:
        fund.record(data, operator)
    patenting = EXAMPLE[2]["shares"]["international_patenting"]  # the whole allocation of the type

    def commit(i):
        return fund.record({"kind": "commitment", "on": "2025-04-21", "financial_year": 2025,
                            "grant_type": "international_patenting", "amount": str(patenting),
                            "award_ref": f"IG-{i}"}, operator)

    outcomes = at_once(commit)
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert sum(o.entry is not None for o in outcomes) == 1
    assert {o.refusal.rule.id for o in outcomes if o.refusal} == {"fund.over_commitment"}
    assert LedgerEntry.objects.filter(kind="commitment").count() == 1
