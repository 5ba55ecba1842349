"""The fund ledger of innovation grants, law 003 article 27(3): 003.a27.p3.a1 (the current account
in a resident second-tier bank, money transferred in full under the contract), 003.a27.p3.a2 (the
year-end balance is not returned to the budget, it opens the next financial year for grants; a
financial year is the calendar year, reading R-F3) and 003.a27.p3.a3 (the year's total distributed
among all the grant types).

The cases are a table: the entries written after a common opening (account, a 2025 transfer of
7 000 000,00 and its allocation of 1 000 000,00 per type), the requirement, the citation and the rule
that refuses the last entry (or None: every entry allowed)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from techpolicy.law.acts.act003_state_support import fund_rules as r
from techpolicy.law.acts.act003_state_support.fund import LedgerState, check, replay, step
from techpolicy.law.acts.act003_state_support.fund_entries import MAX_ENTRIES, parse_entry, parse_ledger
from techpolicy.law.acts.act003_state_support.grant_types import GRANT_TYPE_IDS
from techpolicy.law.facts import InvalidFacts

A1, A2, A3 = "003.a27.p3.a1", "003.a27.p3.a2", "003.a27.p3.a3"
INDENT_1, INDENT_2 = "003 a.27 p.3 [indent 1]", "003 a.27 p.3 [indent 2]"
CONTRACT = "ШК-01/2025"


def account(**change) -> dict:
    return {"kind": "account_opened", "on": "2025-01-15", "bank": "«Қазақстан Халық Банкі» АҚ",
            "bank_resident": True, "second_tier_bank": True, "contract_no": CONTRACT,
            "contract_date": "2025-01-10", **change}


def transfer(year: int, amount: str, allocated: str | None = None, on: str | None = None, **change) -> dict:
    return {"kind": "transfer_in", "on": on or f"{year}-02-03", "financial_year": year, "amount": amount,
            "allocated": allocated or amount, "contract_no": CONTRACT, **change}


def allocation(year: int, each: str = "1000000.00", on: str | None = None, **shares: str) -> dict:
    table = {t: shares.get(t, each) for t in GRANT_TYPE_IDS}
    return {"kind": "allocation", "on": on or f"{year}-02-10", "financial_year": year, "shares": table}


def commit(year: int, grant_type: str, amount: str, ref: str, on: str | None = None) -> dict:
    return {"kind": "commitment", "on": on or f"{year}-04-01", "financial_year": year, "grant_type": grant_type,
            "amount": amount, "award_ref": ref}


def pay(year: int, ref: str, amount: str, on: str | None = None) -> dict:
    return {"kind": "payment", "on": on or f"{year}-06-01", "financial_year": year, "award_ref": ref,
            "amount": amount}


def misuse_return(year: int, ref: str, amount: str) -> dict:
    return {"kind": "misuse_return", "on": f"{year}-09-01", "financial_year": year, "award_ref": ref,
            "amount": amount}


def close(year: int, on: str | None = None) -> dict:
    return {"kind": "year_close", "on": on or f"{year}-12-31", "financial_year": year}


def without(grant_type: str, table: dict) -> dict:
    return {**table, "shares": {t: v for t, v in table["shares"].items() if t != grant_type}}


OPENING = [account(), transfer(2025, "7000000.00"), allocation(2025)]
# After the opening and this, 2025 carries 7 000 000 - 600 000 paid = 6 400 000 (400 000 of it committed).
AWARDED = [commit(2025, "new_production", "1000000.00", "G-1"), pay(2025, "G-1", "600000.00")]

CASES = [
    pytest.param(A2, INDENT_2, [*AWARDED, close(2025), transfer(2026, "1000000.00"), allocation(2026),
                                pay(2026, "G-1", "400000.00")], None,
                 id="003.a27.p3.a2 carry-over: 2026 distributes 1 000 000 + 6 400 000 - 400 000 unpaid"),
    pytest.param(A3, INDENT_2, [*AWARDED, close(2025), pay(2026, "G-1", "400000.00", on="2026-03-01")],
                 r.UNALLOCATED.id, id="003.a27.p3.a3 a payment of 2026 waits for the 2026 table"),
    pytest.param(A2, INDENT_2, [{"kind": "return_to_budget", "on": "2025-12-30", "financial_year": 2025,
                                 "amount": "100.00"}], r.RETURN_TO_BUDGET.id,
                 id="003.a27.p3.a2 a return of the balance to the budget is refused"),
    pytest.param(A2, INDENT_2, [{"kind": "other_spending", "on": "2025-05-30", "financial_year": 2025,
                                 "amount": "100.00", "purpose": "office rent"}], r.OTHER_SPENDING.id,
                 id="003.a27.p3.a2 spending on anything but grants is refused"),
    pytest.param(A3, INDENT_2, [commit(2025, "industrial_research", "1000000.01", "G-2")], r.OVER_COMMITMENT.id,
                 id="003.a27.p3.a3 a commitment one tiyn beyond the type's share is refused"),
    pytest.param(A3, INDENT_2, [commit(2025, "industrial_research", "1000000.00", "G-2")], None,
                 id="003.a27.p3.a3 a commitment of exactly the type's share is allowed"),
    pytest.param(A3, INDENT_2, [allocation(2025, industrial_research="999999.99", on="2025-03-01")],
                 r.ALLOCATION_SUM.id, id="003.a27.p3.a3 a table one tiyn short of the year's total is refused"),
    pytest.param(A3, INDENT_2, [without("technology_acquisition", allocation(
        2025, each="1166666.67", technology_acquisition="0.00", commercialisation="1166666.65", on="2025-03-01"))],
                 r.ALL_TYPES.id, id="003.a27.p3.a3 a table without one of the seven types is refused"),
    pytest.param(A3, INDENT_2, [*AWARDED, allocation(2025, new_production="500000.00",
                                                     industrial_research="1500000.00", on="2025-07-01")],
                 r.BELOW_COMMITTED.id, id="003.a27.p3.a3 a new table may not take away what is committed"),
    pytest.param(A3, INDENT_2, [transfer(2025, "10.00", on="2025-05-01"), commit(2025, "new_production", "1.00",
                                                                                 "G-2")],
                 r.UNALLOCATED.id, id="003.a27.p3.a3 after a further transfer the year must be allocated again"),
    pytest.param(A2, INDENT_2, [*AWARDED, pay(2025, "G-1", "400000.01")], r.BEYOND_COMMITMENT.id,
                 id="003.a27.p3.a2 a payment beyond the commitment is refused"),
    pytest.param(A2, INDENT_2, [*AWARDED, pay(2025, "G-1", "400000.00")], None,
                 id="003.a27.p3.a2 a payment of the whole unpaid commitment is allowed"),
    pytest.param(A2, INDENT_2, [pay(2025, "G-9", "1.00")], r.UNKNOWN_AWARD.id,
                 id="003.a27.p3.a2 a payment with no award is refused"),
    pytest.param(A3, INDENT_2, [*AWARDED, misuse_return(2025, "G-1", "250000.00"),
                                commit(2025, "new_production", "250000.00", "G-2")], None,
                 id="003.a27.p3.a3 a returned misused amount becomes available for its type"),
    pytest.param(A3, INDENT_2, [*AWARDED, commit(2025, "new_production", "250000.00", "G-2")],
                 r.OVER_COMMITMENT.id, id="003.a27.p3.a3 without the return the same commitment is refused"),
    pytest.param(A2, INDENT_2, [*AWARDED, misuse_return(2025, "G-1", "600000.01")], r.BEYOND_PAID.id,
                 id="003.a27.p3.a2 a return beyond what was paid is refused"),
    pytest.param(A2, INDENT_2, [close(2025), commit(2025, "new_production", "1.00", "G-2", on="2025-12-31")],
                 r.CLOSED.id, id="003.a27.p3.a2 an entry in a closed year is refused"),
    pytest.param(A2, INDENT_2, [transfer(2026, "5.00")], r.PREVIOUS_OPEN.id,
                 id="003.a27.p3.a2 an entry of 2026 while 2025 is open is refused"),
    pytest.param(A2, INDENT_2, [close(2025, on="2025-12-30")], r.EARLY_CLOSE.id,
                 id="003.a27.p3.a2 a year closed before its last day is refused"),
    pytest.param(A2, INDENT_2, [commit(2025, "new_production", "1.00", "G-2", on="2026-01-05")], r.YEAR_DATE.id,
                 id="R-F3 an entry dated outside its calendar financial year is refused"),
    pytest.param(A1, INDENT_1, [transfer(2025, "900.00", allocated="1000.00", on="2025-03-01")], r.IN_FULL.id,
                 id="003.a27.p3.a1 a transfer of less than the allocated amount is refused"),
    pytest.param(A1, INDENT_1, [transfer(2025, "1000.00", on="2025-03-01", contract_no="ШК-99")], r.CONTRACT.id,
                 id="003.a27.p3.a1 a transfer under another contract is refused"),
    pytest.param(A1, INDENT_1, [account(contract_no="ШК-02")], r.ONE_ACCOUNT.id,
                 id="003.a27.p3.a1 the ledger keeps one current account"),
]


@pytest.mark.parametrize(("requirement", "citation", "entries", "refused_by"), CASES)
def test_fund_ledger_case(requirement, citation, entries, refused_by):
    result = replay(parse_ledger([*OPENING, *entries]))
    if refused_by is None:
        assert result.allowed, [x.as_dict("en") for x in result.refusals]
        return
    [refusal] = result.refusals
    assert refusal.index == len(OPENING) + len(entries) - 1
    assert refusal.rule.id == refused_by
    expected = {rule.id: rule for rule in r.RULES}[refused_by]
    assert (expected.requirement, expected.citation.ref) == (requirement, citation)
    for lang in ("kk", "ru", "en"):
        assert refusal.reason[lang] and "{" not in refusal.reason[lang]


@pytest.mark.parametrize(("change", "rule"), [
    pytest.param({"bank_resident": False}, r.BANK.id, id="003.a27.p3.a1 a non-resident bank is refused"),
    pytest.param({"second_tier_bank": False}, r.BANK.id, id="003.a27.p3.a1 a bank not of the second tier"),
    pytest.param({"on": "2009-01-05"}, r.NOT_IN_FORCE.id, id="X.003.inforce before the law's earliest start"),
])
def test_account_opening_is_refused(change, rule):
    result = replay(parse_ledger([account(**change)]))
    assert [x.rule.id for x in result.refusals] == [rule]


def test_a_transfer_before_the_account_is_refused_003_a27_p3_a1():
    result = replay(parse_ledger([transfer(2025, "10.00")]))
    assert [(x.index, x.rule.id, x.rule.requirement) for x in result.refusals] == [(0, r.NO_ACCOUNT.id, A1)]


def test_carry_over_closing_of_2025_opens_2026_003_a27_p3_a2():
    """The balance at the end of 2025 (transfers + returns - payments) is 2026's carried_in, with the
    unpaid commitment brought forward by type; the identity holds per type too."""
    entries = [*OPENING, *AWARDED, misuse_return(2025, "G-1", "100000.00"), close(2025)]
    years = replay(parse_ledger(entries)).state.years
    y25, y26 = years[2025], years[2026]
    assert y25.carried_out == Decimal("7000000.00") + Decimal("100000.00") - Decimal("600000.00")
    assert y26.carried_in == y25.carried_out
    assert y26.types["new_production"].brought_forward == Decimal("400000.00")
    assert y26.to_distribute == y25.carried_out - Decimal("400000.00")
    assert sum(t.carried_out for t in y25.types.values()) == y25.carried_out
    assert y25.carried_out == y25.available + (y25.total("committed") - y25.total("paid"))


def test_check_reads_the_state_and_step_records_the_entry():
    """The same step serves a page that writes one entry: `check` leaves the state as it was."""
    state = LedgerState()
    for entry in parse_ledger(OPENING):
        assert step(state, entry) is state
    entry = parse_entry(commit(2025, "commercialisation", "5.00", "G-5"))
    assert check(state, entry) is None and "G-5" not in state.awards
    assert step(state, entry) is state and state.awards["G-5"].committed == Decimal("5.00")
    refusal = step(state, entry)
    assert isinstance(refusal, r.Refusal) and refusal.rule is r.DUPLICATE_AWARD and refusal.index == 4


@pytest.mark.parametrize(("entry", "field"), [
    pytest.param(transfer(2025, "1.005"), "[0].transfer_in.amount", id="three decimal places"),
    pytest.param(transfer(2025, "1000000000000000.01"), "[0].transfer_in.amount", id="above 1e15"),
    pytest.param(transfer(2025, "0"), "[0].transfer_in.amount", id="zero"),
    pytest.param(pay(2025, "G", 1.5), "[0].payment.amount", id="a float"),
    pytest.param({**commit(2025, "new_production", "1", "G"), "grant_type": "tourism"},
                 "[0].commitment.grant_type", id="not a grant type of article 27(2)"),
    pytest.param({"kind": "refund", "on": "2025-01-01"}, "[0]", id="unknown kind"),
    pytest.param(account(bank="Б" * 201), "[0].account_opened.bank", id="bank name too long"),
    pytest.param(account(bank_resident="yes"), "[0].account_opened.bank_resident", id="flag not a boolean"),
])
def test_invalid_entries_name_the_field(entry, field):
    with pytest.raises(InvalidFacts) as caught:
        parse_ledger([entry])
    assert caught.value.errors[0]["field"] == field


def test_a_ledger_over_the_bound_is_refused_before_it_is_read():
    with pytest.raises(InvalidFacts) as caught:
        parse_ledger([{}] * (MAX_ENTRIES + 1))
    assert caught.value.errors[0]["field"] == "(root)"


# --- property: whatever is allowed keeps the books ------------------------------------------------

TIYN = Decimal("0.01")


def _amount(draw, high: Decimal | int) -> str:
    """A positive amount up to `high` tenge and a little beyond, so that some entries overstep."""
    return str(draw(st.integers(1, int(Decimal(high) / TIYN) + 3)) * TIYN)


# Weights: transfers, allocations and awards come often, closes now and then.
KINDS = ["transfer", "allocation", "allocation", "commit", "commit", "commit", "pay", "pay", "pay", "return",
         "close", "budget"]


@st.composite
def candidate(draw, state: LedgerState, year: int) -> dict:
    """An entry of the open year drawn from what the state holds: often allowed, sometimes not."""
    y = state.year(year)
    kind = draw(st.sampled_from(KINDS))
    award = state.awards.get(ref := draw(st.sampled_from(sorted(state.awards) or ["none"])))
    if kind == "transfer":
        return transfer(year, _amount(draw, 10_000), on=f"{year}-03-01")
    if kind == "allocation":
        total = int(y.to_distribute / TIYN)
        cuts = sorted(draw(st.lists(st.integers(0, max(total, 0)), min_size=6, max_size=6)))
        parts = [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]
        if draw(st.integers(0, 4)) == 0:  # now and then a table that does not add up
            parts[0] = max(parts[0] + draw(st.integers(-5, 5)), 0)
        return {**allocation(year, on=f"{year}-03-02"),
                "shares": {t: str(p * TIYN) for t, p in zip(GRANT_TYPE_IDS, parts, strict=True)}}
    if kind == "commit":
        grant_type = draw(st.sampled_from(GRANT_TYPE_IDS))
        return commit(year, grant_type, _amount(draw, y.types[grant_type].available), f"G-{len(state.awards)}",
                      on=f"{year}-04-01")
    if kind == "pay":
        return pay(year, ref, _amount(draw, award.committed - award.paid if award else 1), on=f"{year}-05-01")
    if kind == "return":
        return misuse_return(year, ref, _amount(draw, award.paid - award.returned if award else 1))
    if kind == "budget":
        return {"kind": "return_to_budget", "on": f"{year}-12-31", "financial_year": year, "amount": "1.00"}
    return close(year)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_allowed_sequence_keeps_available_non_negative_and_carries_over(data):
    """For any sequence of allowed entries: available >= 0 per year and type (003.a27.p3.a3), payments
    within commitments, and each closed year's balance opens the next (003.a27.p3.a2), equal to the
    money in minus the money paid counted from the allowed entries themselves."""
    state = LedgerState()
    step(state, parse_entry(account(on="2025-01-01")))
    money_in = money_paid = Decimal(0)
    for _ in range(data.draw(st.integers(1, 60))):
        year = state.open_year or 2025
        entry = parse_entry(data.draw(candidate(state, year)))
        if isinstance(step(state, entry), r.Refusal):
            continue
        if entry.kind in ("transfer_in", "misuse_return"):
            money_in += entry.amount
        elif entry.kind == "payment":
            money_paid += entry.amount
        for y in state.years.values():
            assert all(t.available >= 0 for t in y.types.values())
            assert y.balance >= 0
        assert all(a.returned <= a.paid <= a.committed for a in state.awards.values())
    for year, y in state.years.items():
        if y.closed_on is not None:
            following = state.years[year + 1]
            assert following.carried_in == y.carried_out == y.carried_in + y.received + y.total("returned") \
                - y.total("paid")
            if y.adds_up:
                unpaid = y.total("brought_forward") + y.total("committed") - y.total("paid")
                assert y.carried_out == y.available + unpaid
    assert state.year(state.open_year or 2025).balance == money_in - money_paid


def test_every_ledger_rule_cites_article_27_3_or_34_1_in_three_languages():
    """Each rule of the ledger names its requirement and a citation a compact ref reads back, and says
    its refusal in kk, ru and en with the same placeholders."""
    import string

    from techpolicy.law.citation import Citation

    assert len({rule.id for rule in r.RULES}) == len(r.RULES)
    for rule in r.RULES:
        assert Citation.parse(rule.citation.ref) == rule.citation
        assert rule.requirement in (A1, A2, A3, r.IN_FORCE)
        fields = [{f for _, f, _, _ in string.Formatter().parse(rule.failure[lang]) if f}
                  for lang in ("kk", "ru", "en")]
        assert fields[0] == fields[1] == fields[2], rule.id
