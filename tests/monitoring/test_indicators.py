"""000.p38.a2 and 000.ttp.monitor: indicators with interim and final targets, actuals, status with a gap.

The series are seed 002's §6 table (section 13.3 of the requirements): 002.s6.i2, a GII rank where a
lower place is better, and 002.s6.i4, private investment, read here as cumulative."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from techpolicy.monitoring.indicators import (
    Actual,
    ApprovalError,
    Indicator,
    approve,
    gap,
    status,
    submit,
    target_problems,
    value_to,
)

ON = dt.date(2030, 1, 1)
ADOPTED = dt.date(2025, 12, 24)  # Resolution No. 1134 (002.res.p1)
NAMES = {"kk": "Көрсеткіш", "ru": "Показатель", "en": "Indicator"}


def indicator(code="I", direction="higher_is_better", kind="per_period", base_year=2025, base="0", targets=()):
    return Indicator(code=code, name=NAMES, unit="bn KZT", direction=direction, kind=kind, base_year=base_year,
                     base_value=Decimal(base), targets=[
                         {"year": y, "value": v, "stage": stage, "act": act, "paragraph": "s6", "effective": eff}
                         for y, v, stage, act, eff in targets])


def actual(code, year, value, state="approved"):
    return Actual(indicator=code, year=year, value=Decimal(value), state=state,
                  provenance={"kind": "entered", "evidence": f"letter {year}"})


# 002.s6.i2 (l.1102): the GII place, 2026–2035; 2035 is the final value.
GII = [(year, value, "final" if year == 2035 else "interim", "002", ADOPTED)
       for year, value in zip(range(2026, 2036), (30, 29, 28, 27, 26, 25, 23, 22, 21, 20), strict=True)]


def test_000_ttp_monitor_lower_is_better_rank_reached_when_the_place_is_below_the_target():
    """002.s6.i2: place 28 against the 2026 target 30 is ahead by 2; place 31 is behind by 1."""
    rank = indicator("I2", "lower_is_better", base="31", targets=GII)
    ahead = status(rank, [actual("I2", 2026, "28")], 2026, ON)
    assert (ahead.outcome, ahead.gap) == ("reached", Decimal(2))
    behind = status(rank, [actual("I2", 2026, "31")], 2026, ON)
    assert (behind.outcome, behind.gap) == ("not_reached", Decimal(-1))
    exact = status(rank, [actual("I2", 2026, "30")], 2026, ON)
    assert (exact.outcome, exact.gap) == ("reached", Decimal(0))


def test_000_ttp_monitor_higher_is_better_gap_is_exact_decimal():
    """002.s6.i1 (tax revenue, bn KZT): 2.34 against 2.35 is 0.01 short, exactly (no float)."""
    tax = indicator("I1", targets=[(2026, "2.35", "interim", "002", ADOPTED)])
    result = status(tax, [actual("I1", 2026, "2.34")], 2026, ON)
    assert result.outcome == "not_reached"
    assert result.gap == Decimal("-0.01") and str(result.gap) == "-0.01"
    assert status(tax, [actual("I1", 2026, "0.1")], 2026, ON).gap == Decimal("-2.25")


def test_000_ttp_monitor_cumulative_value_is_the_sum_of_the_years_after_the_base():
    """002.s6.i4 read as cumulative: the value to date adds 2026..year; the base 0.6 is not added."""
    targets = [(2026, "0.65", "interim", "002", ADOPTED), (2027, "1.4", "interim", "002", ADOPTED)]
    investment = indicator("I4", kind="cumulative", base="0.6", targets=targets)
    actuals = [actual("I4", 2026, "0.7"), actual("I4", 2027, "0.65")]
    result = status(investment, actuals, 2027, ON)
    assert result.value == Decimal("1.35") and result.gap == Decimal("-0.05") and result.outcome == "not_reached"
    assert status(investment, actuals, 2026, ON).value == Decimal("0.7")


def test_000_ttp_monitor_cumulative_lists_years_without_an_approved_actual():
    investment = indicator("I4", kind="cumulative", targets=[(2028, "2", "final", "002", ADOPTED)])
    actuals = [actual("I4", 2026, "1"), actual("I4", 2027, "5", state="submitted"), actual("I4", 2028, "0.5")]
    result = status(investment, actuals, 2028, ON)
    assert result.value == Decimal("1.5") and result.missing_years == [2027]


def test_000_ttp_monitor_per_period_value_is_the_years_own():
    patents = indicator("I6", targets=[(2027, "13", "interim", "002", ADOPTED)])
    result = status(patents, [actual("I6", 2026, "50"), actual("I6", 2027, "12")], 2027, ON)
    assert result.value == Decimal(12) and result.outcome == "not_reached"


def test_000_ttp_monitor_no_target_and_no_actual():
    tax = indicator("I1", targets=[(2026, "2.35", "interim", "002", ADOPTED)])
    assert status(tax, [actual("I1", 2027, "9")], 2027, ON).outcome == "no_target"
    assert status(tax, [], 2026, ON).outcome == "no_actual"
    # Only approved actuals count: a draft or a submitted figure is not yet the year's value.
    assert status(tax, [actual("I1", 2026, "9", state="submitted")], 2026, ON).outcome == "no_actual"
    # A target not yet in force on the date asked is no target.
    assert status(tax, [actual("I1", 2026, "9")], 2026, dt.date(2025, 12, 23)).outcome == "no_target"


def test_000_ttp_monitor_amended_target_history_kept_and_the_one_in_force_wins():
    """An amendment adds a newer target for the same year; before it takes effect the old one applies."""
    amended = dt.date(2027, 3, 1)
    rank = indicator("I2", "lower_is_better", targets=[(2027, "29", "interim", "002", ADOPTED),
                                                       (2027, "28", "interim", "002-amendment", amended)])
    assert [t.value for t in rank.target_history(2027)] == [Decimal(29), Decimal(28)]
    assert rank.target(2027, dt.date(2027, 2, 28)).value == Decimal(29)
    assert rank.target(2027, amended).act == "002-amendment"
    place = [actual("I2", 2027, "28.5")]
    assert status(rank, place, 2027, dt.date(2027, 2, 28)).outcome == "reached"
    assert status(rank, place, 2027, amended).outcome == "not_reached"


def test_000_p38_a2_two_targets_for_one_year_from_one_day_refused():
    with pytest.raises(ValidationError, match="two targets for 2027"):
        indicator(targets=[(2027, "1", "interim", "a", ADOPTED), (2027, "2", "interim", "b", ADOPTED)])
    with pytest.raises(ValidationError, match="not after the base year"):
        indicator(targets=[(2025, "1", "interim", "a", ADOPTED)])


def test_000_p38_a2_interim_and_final_values_checked_on_a_draft():
    """000.p38.a2: ≥ 1 interim value, one final value in the latest year, all inside the period."""
    assert target_problems(indicator("I2", targets=GII), 2026, 2035, ON) == []
    only_final = indicator("X", targets=[(2030, "1", "final", "a", ADOPTED)])
    assert target_problems(only_final, 2026, 2035, ON) == ["X: no interim value"]
    early_final = indicator("X", targets=[(2027, "1", "final", "a", ADOPTED), (2028, "2", "interim", "a", ADOPTED)])
    assert target_problems(early_final, 2026, 2035, ON) == ["X: the final value (2027) is not in the latest year"]
    outside = indicator("X", targets=[(2026, "1", "interim", "a", ADOPTED), (2040, "2", "final", "a", ADOPTED)])
    assert target_problems(outside, 2026, 2035, ON) == ["X: years outside 2026–2035: 2040"]


def test_000_ttp_monitor_approval_order_draft_submitted_approved():
    tax = indicator("I1")
    draft = actual("I1", 2026, "1", state="draft")
    with pytest.raises(ApprovalError, match="cannot approve a draft actual; submit it first"):
        approve(tax, draft)
    approved = approve(tax, submit(draft))
    assert approved.state == "approved" and draft.state == "draft"  # the old state stays as it was
    with pytest.raises(ApprovalError, match="already approved"):
        approve(tax, approved)
    with pytest.raises(ApprovalError, match="only a draft can be submitted"):
        submit(approved)


def test_000_ttp_monitor_cumulative_later_year_not_approved_before_earlier():
    investment = indicator("I4", kind="cumulative")
    earlier = actual("I4", 2026, "1", state="submitted")
    later = actual("I4", 2027, "1", state="submitted")
    with pytest.raises(ApprovalError, match=r"approve the earlier years first \(2026\)"):
        approve(investment, later, [earlier, later])
    # A per-period indicator has no such order: each year stands alone.
    assert approve(indicator("I4"), later, [earlier]).state == "approved"
    assert approve(investment, later, [approve(investment, earlier)]).state == "approved"


def test_000_ttp_monitor_provenance_computed_keeps_the_query():
    computed = Actual(indicator="I4", year=2026, value=Decimal("0.7"),
                      provenance={"kind": "computed", "source_register": "investments", "query": "sum(amount)"})
    assert computed.provenance.query == "sum(amount)" and computed.state == "draft"
    with pytest.raises(ValidationError):
        Actual(indicator="I4", year=2026, value=1, provenance={"kind": "entered"})  # no evidence
    with pytest.raises(ValidationError):
        Actual(indicator="I4", year=2026, value="NaN", provenance={"kind": "entered", "evidence": "x"})


values = st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=6, allow_nan=False)


@settings(max_examples=80, deadline=None, derandomize=True)
@given(value=values, target=values)
def test_000_ttp_monitor_gap_sign_follows_the_direction(value, target):
    """Property: the two directions give opposite gaps; reached iff the gap is not negative."""
    assert gap("higher_is_better", value, target) == -gap("lower_is_better", value, target)
    higher = indicator("H", targets=[(2026, target, "interim", "a", ADOPTED)])
    result = status(higher, [actual("H", 2026, value)], 2026, ON)
    assert result.gap == value - target
    assert (result.outcome == "reached") == (value >= target)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.dictionaries(st.integers(2026, 2060), values, min_size=1, max_size=35))
def test_000_ttp_monitor_cumulative_is_the_exact_sum(by_year):
    """Property: the cumulative value to the last year is the exact sum of every approved year."""
    last = max(by_year)
    total, missing = value_to(indicator("C", kind="cumulative"), [actual("C", y, v) for y, v in by_year.items()], last)
    assert total == sum(by_year.values(), Decimal(0))
    assert missing == [y for y in range(2026, last + 1) if y not in by_year]


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.dates(dt.date(2025, 1, 1), dt.date(2035, 12, 31)), values), min_size=1, max_size=10,
                unique_by=lambda t: t[0]),
       st.dates(dt.date(2025, 1, 1), dt.date(2035, 12, 31)))
def test_000_ttp_monitor_target_in_force_is_the_latest_effective(amendments, on):
    """Property: of all amendments of one year's target, the one in force is the latest on or before `on`."""
    ind = indicator(targets=[(2030, v, "interim", "a", eff) for eff, v in amendments])
    earlier = [(eff, v) for eff, v in amendments if eff <= on]
    found = ind.target(2030, on)
    if not earlier:
        assert found is None
    else:
        assert (found.effective, found.value) == max(earlier)
    assert len(ind.target_history(2030)) == len(amendments)
