"""002.s7.ap, 002.res.p2.3, 002.res.p3 (and 000.p39, 000.ttp.monitor): action-plan items expanded into
one dated obligation per period with a stable key; overdue; timeliness of submissions."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from techpolicy.monitoring.obligations import Item, expand, expand_plan, overdue, submitted_on, timeliness

NAMES = {"kk": "Іс-шара", "ru": "Мероприятие", "en": "Measure"}


def item(number, deadline, form="information to the Government"):
    return Item(number=str(number), name=NAMES, form=form, executors=[{"name": "MSHE"}],
                funding={"volume": "not_required"}, deadline=deadline)


def december(first, last=None):
    if last is None:
        return {"kind": "month", "year": first, "month": 12}
    return {"kind": "yearly", "from_year": first, "to_year": last, "month": 12}


# Section 13.2 of the requirements: the deadlines of seed 002's 25 action-plan items (l.1127–1615).
SEED_002_DEADLINES = {
    1: {"kind": "month", "year": 2026, "month": 3}, 2: {"kind": "month", "year": 2026, "month": 6},
    3: {"kind": "quarter", "year": 2027, "quarter": 1}, 4: december(2026),
    5: {"kind": "quarter", "year": 2027, "quarter": 1}, 6: december(2028), 7: december(2027, 2035),
    8: december(2029, 2035), 9: december(2027, 2035), 10: december(2027, 2035), 11: december(2028),
    12: december(2026, 2035), 13: december(2027, 2035), 14: december(2026, 2035), 15: december(2026, 2035),
    16: december(2026, 2035), 17: december(2026, 2035), 18: december(2029, 2035), 19: december(2026, 2035),
    20: december(2028, 2035), **{n: december(2027, 2035) for n in range(21, 26)},
}
SEED_002_PLAN = [item(number, deadline) for number, deadline in SEED_002_DEADLINES.items()]


def test_002_s7_ap_seed_plan_gives_170_obligations_9_17_then_18_a_year():
    """002.s7.ap: 170 obligations; per year 2026: 9, 2027: 17, 2028–2035: 18 each."""
    everything = expand_plan(SEED_002_PLAN)
    assert len(everything) == 170
    assert len({o.key for o in everything}) == 170  # no duplicates
    per_year = {year: len(expand_plan(SEED_002_PLAN, year)) for year in range(2025, 2037)}
    assert per_year == {2025: 0, 2026: 9, 2027: 17, **dict.fromkeys(range(2028, 2036), 18), 2036: 0}


def test_002_s7_ap_recurring_december_range_one_obligation_per_year_with_stable_keys():
    """Item 7: "December 2027–2035" → nine obligations 7:2027 … 7:2035, each due 31 December."""
    obligations = expand(item(7, december(2027, 2035)))
    assert [o.key for o in obligations] == [f"7:{y}" for y in range(2027, 2036)]
    assert all(o.due == dt.date(o.year, 12, 31) and o.precision == "month" for o in obligations)
    # Stable: the same item expands to the same keys every time, so a reload updates the same rows.
    assert [o.key for o in expand(item(7, december(2027, 2035)))] == [o.key for o in obligations]


def test_002_s7_ap_month_quarter_and_date_deadlines_are_due_on_their_last_day():
    march, q1, day = (expand(item(n, d))[0] for n, d in (
        (1, {"kind": "month", "year": 2026, "month": 3}), (3, {"kind": "quarter", "year": 2027, "quarter": 1}),
        (9, {"kind": "date", "date": "2026-06-15"})))
    assert (march.key, march.due, march.precision) == ("1:2026-03", dt.date(2026, 3, 31), "month")
    assert (q1.key, q1.starts, q1.due, q1.precision) == ("3:2027-Q1", dt.date(2027, 1, 1), dt.date(2027, 3, 31),
                                                         "quarter")
    assert (day.key, day.due, day.precision) == ("9:2026-06-15", dt.date(2026, 6, 15), "day")
    assert expand(item(2, {"kind": "quarter", "year": 2028, "quarter": 4}))[0].due == dt.date(2028, 12, 31)


def test_002_res_p2_3_every_year_by_1_april_of_the_following_year():
    """002.res.p2.3: the information on year Y is due by 1 April Y+1 (no shift for a day off:
    sct.report.due_shift_rule is not set by the source document)."""
    report = item("R", {"kind": "yearly", "from_year": 2026, "to_year": 2035, "month": 4, "day": 1,
                        "following_year": True}, form="information to MSHE")
    obligations = expand(report)
    assert len(obligations) == 10
    assert (obligations[0].key, obligations[0].year, obligations[0].due) == ("R:2026", 2026, dt.date(2027, 4, 1))
    assert obligations[-1].due == dt.date(2036, 4, 1) and obligations[-1].precision == "day"
    assert [o.key for o in expand_plan([report], 2030)] == ["R:2030"]


def test_002_s7_ap_two_items_with_one_number_refused():
    with pytest.raises(ValueError, match="two items numbered 7"):
        expand_plan([item(7, december(2027, 2035)), item(7, december(2027))])


def test_002_s7_ap_invalid_deadlines_refused():
    with pytest.raises(ValidationError, match="before from_year"):
        item(1, {"kind": "yearly", "from_year": 2030, "to_year": 2027, "month": 12})
    with pytest.raises(ValidationError, match="has no day 31"):
        item(1, {"kind": "yearly", "from_year": 2026, "to_year": 2027, "month": 4, "day": 31})
    with pytest.raises(ValidationError):
        item(1, {"kind": "quarter", "year": 2027, "quarter": 5})
    with pytest.raises(ValidationError):
        item(1, {"kind": "every_full_moon"})
    with pytest.raises(ValidationError, match="after 2100"):
        item(1, {"kind": "yearly", "from_year": 2099, "to_year": 2100, "month": 4, "day": 1, "following_year": True})


def test_002_s7_ap_overdue_after_the_period_ends_unless_submitted():
    obligations = expand(item(12, december(2026, 2028)))
    assert overdue(obligations, dt.date(2026, 12, 31)) == []  # the last day is still in time
    assert [o.key for o in overdue(obligations, dt.date(2027, 1, 1))] == ["12:2026"]
    closed = {"12:2026": dt.date(2026, 12, 20)}
    assert overdue(obligations, dt.date(2027, 1, 1), closed) == []
    # A submission made after the date asked about was not known on it.
    assert [o.key for o in overdue(obligations, dt.date(2027, 1, 1), {"12:2026": dt.date(2027, 2, 1)})] == ["12:2026"]


def test_002_res_p3_timeliness_on_time_late_pending_overdue():
    """002.res.p3: MSHE's report by 1 May Y+1; a submission on the day is on time, the day after is late."""
    (report,) = expand(item("M", {"kind": "yearly", "from_year": 2026, "to_year": 2026, "month": 5, "day": 1,
                                  "following_year": True}))
    on = dt.date(2027, 6, 1)
    assert timeliness(report, dt.date(2027, 5, 1), on).timeliness == "on_time"
    late = timeliness(report, dt.date(2027, 5, 4), on)
    assert (late.timeliness, late.days_late, late.expected) == ("late", 3, dt.date(2027, 5, 1))
    assert timeliness(report, None, dt.date(2027, 5, 1)).timeliness == "pending"
    missing = timeliness(report, None, dt.date(2027, 5, 2))
    assert (missing.timeliness, missing.days_late) == ("overdue", 1)
    assert timeliness(report, dt.date(2027, 5, 10), dt.date(2027, 5, 5)).timeliness == "overdue"


def test_002_res_p2_3_first_submission_counts():
    from techpolicy.monitoring.obligations import Submission

    first = submitted_on([Submission(key="R:2026", submitted=dt.date(2027, 4, 5)),
                          Submission(key="R:2026", submitted=dt.date(2027, 3, 30))])
    assert first == {"R:2026": dt.date(2027, 3, 30)}


@settings(max_examples=80, deadline=None, derandomize=True)
@given(first=st.integers(1900, 2099), span=st.integers(0, 40), month=st.integers(1, 12),
       day=st.none() | st.integers(1, 28), following=st.booleans(), year=st.integers(1900, 2100))
def test_002_s7_ap_recurrence_expansion_properties(first, span, month, day, following, year):
    """Property: one obligation per year of the range, unique stable keys, each due in its period's
    year (or the next), and the year filter keeps exactly that year's obligation."""
    last = min(first + span, 2099)
    recurring = item("X", {"kind": "yearly", "from_year": first, "to_year": last, "month": month, "day": day,
                           "following_year": following})
    obligations = expand(recurring)
    assert len(obligations) == last - first + 1
    assert [o.key for o in obligations] == [f"X:{y}" for y in range(first, last + 1)]
    assert all(o.due.year == o.year + following and o.due.month == month for o in obligations)
    chosen = expand_plan([recurring], year)
    assert [o.year for o in chosen] == ([year] if first <= year <= last else [])
