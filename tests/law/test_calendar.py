"""The Kazakhstan working-day calendar: weekends, public holidays (`holidays`, KZ), decreed day
transfers, and the counting convention "the day of the event does not count"."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from techpolicy.law.calendar import DayTransfer, WorkingCalendar
from techpolicy.law.citation import Citation

D = dt.date
CALENDAR = WorkingCalendar()
DAYS = st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31))
COUNTS = st.integers(min_value=0, max_value=400)
WEEKEND_WORKDAYS = holidays.country_holidays("KZ", years=range(2020, 2033)).weekend_workdays
DECREE = Citation("general", "", note="Government decree on moving days off")


@settings(max_examples=150, deadline=None)
@given(DAYS, COUNTS)
def test_count_undoes_add(day, n):
    assert CALENDAR.count(day, CALENDAR.add(day, n)) == n


@settings(max_examples=150, deadline=None)
@given(DAYS, st.integers(min_value=1, max_value=400))
def test_add_never_lands_on_a_weekend_or_holiday(day, n):
    due = CALENDAR.add(day, n)
    assert due > day
    assert CALENDAR.holiday_name(due) is None
    # A weekend day is only ever a due date when a decree made it a working day.
    assert due.weekday() < 5 or due in WEEKEND_WORKDAYS


@settings(max_examples=150, deadline=None)
@given(DAYS, COUNTS)
def test_holidays_never_count(day, n):
    due = CALENDAR.add(day, n)
    span = [day + dt.timedelta(days=i) for i in range(1, (due - day).days + 1)]
    assert sum(CALENDAR.is_working_day(d) for d in span) == n
    assert all(CALENDAR.is_working_day(d) for d in span if CALENDAR.holiday_name(d) is None
               and d.weekday() < 5)


@settings(max_examples=150, deadline=None)
@given(DAYS, COUNTS)
def test_add_back_returns_to_a_working_day(day, n):
    assume(CALENDAR.is_working_day(day))
    assert CALENDAR.add(CALENDAR.add(day, n), -n) == day


@settings(max_examples=100, deadline=None)
@given(DAYS, DAYS)
def test_count_is_antisymmetric(a, b):
    assert CALENDAR.count(a, b) == -CALENDAR.count(b, a)


@settings(max_examples=100, deadline=None)
@given(DAYS, st.integers(min_value=1, max_value=60))
def test_latest_before_is_the_last_day_still_in_time(day, n):
    last = CALENDAR.latest_before(day, n)
    assert CALENDAR.is_no_later_than(last, day, n)
    assert not CALENDAR.is_no_later_than(last + dt.timedelta(days=1), day, n)
    # n working days from `last` (counted) up to `day` (not counted)
    span = [last + dt.timedelta(days=i) for i in range((day - last).days)]
    assert sum(CALENDAR.is_working_day(d) for d in span) == n
    assert CALENDAR.is_working_day(last)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        pytest.param(D(2026, 12, 16), False, id="2026-12-16 Independence Day is a day off"),
        pytest.param(D(2026, 12, 17), True, id="2026-12-17 is a working day (since 2022 one day only)"),
        pytest.param(D(2024, 5, 4), True, id="2024-05-04 Saturday worked by transfer"),
        pytest.param(D(2024, 5, 8), False, id="2024-05-08 Wednesday off by transfer"),
        pytest.param(D(2026, 1, 1), False, id="2026-01-01 New Year"),
        pytest.param(D(2026, 1, 7), False, id="2026-01-07 Orthodox Christmas"),
        pytest.param(D(2026, 3, 8), False, id="2026-03-08 International Women's Day (Sunday)"),
        pytest.param(D(2026, 3, 9), False, id="2026-03-09 observed for 8 March"),
        pytest.param(D(2026, 3, 23), False, id="2026-03-23 Nauryz"),
        pytest.param(D(2026, 3, 26), True, id="2026-03-26 after Nauryz a working day"),
        pytest.param(D(2026, 6, 6), False, id="2026-06-06 an ordinary Saturday"),
        pytest.param(D(2026, 6, 10), True, id="2026-06-10 an ordinary Wednesday"),
    ],
)
def test_known_dates(day, working):
    assert CALENDAR.is_working_day(day) is working


def test_the_day_of_the_event_does_not_count():
    assert CALENDAR.add(D(2026, 6, 10), 1) == D(2026, 6, 11)
    assert CALENDAR.add(D(2026, 6, 10), 0) == D(2026, 6, 10)
    assert CALENDAR.count(D(2026, 6, 10), D(2026, 6, 10)) == 0
    assert CALENDAR.add(D(2026, 12, 15), 1) == D(2026, 12, 17)


def test_an_administrator_transfer_making_a_monday_a_day_off_shifts_add():
    monday = D(2026, 6, 8)
    assert CALENDAR.add(D(2026, 6, 5), 1) == monday
    calendar = WorkingCalendar([DayTransfer(monday, False, DECREE)])
    assert not calendar.is_working_day(monday)
    assert calendar.add(D(2026, 6, 5), 1) == D(2026, 6, 9)
    assert calendar.count(D(2026, 6, 5), D(2026, 6, 12)) == CALENDAR.count(D(2026, 6, 5), D(2026, 6, 12)) - 1


def test_an_administrator_transfer_making_a_saturday_a_working_day():
    saturday = D(2026, 6, 13)
    calendar = WorkingCalendar([DayTransfer(saturday, True, DECREE)])
    assert calendar.add(D(2026, 6, 12), 1) == saturday
    assert CALENDAR.add(D(2026, 6, 12), 1) == D(2026, 6, 15)


def test_a_later_administrator_entry_overrides_an_earlier_one():
    day = D(2026, 6, 8)
    calendar = WorkingCalendar([DayTransfer(day, False, DECREE), DayTransfer(day, True, DECREE)])
    assert calendar.is_working_day(day)
