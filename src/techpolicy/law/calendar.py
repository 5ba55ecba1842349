"""The Kazakhstan working-day calendar.

A day is a working day unless it falls on a weekend or a public holiday (the `holidays` package,
country KZ, which also knows the day transfers it was told about), with the government's decreed
day transfers applied on top. Transfers are decreed each year, so they come from a dated table:
`calendar_transfers.yaml` beside this module, extended by administrator entries passed in by the
caller.

Counting convention (the one the acts use for "within N working days of X"): the day of the
event itself does not count; `add(d, n)` is the n-th working day after d, and
`count(a, b)` is the number of working days in the half-open interval (a, b].
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import holidays
import yaml

from .citation import Citation

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class DayTransfer:
    """A decreed change of one day: `working=False` makes it a day off, `True` a working day."""

    day: dt.date
    working: bool
    citation: Citation
    note: str = ""


@cache
def shipped_transfers() -> tuple[DayTransfer, ...]:
    text = resources.files("techpolicy.law").joinpath("calendar_transfers.yaml").read_text("utf-8")
    entries = yaml.safe_load(text) or []
    return tuple(
        DayTransfer(e["day"], bool(e["working"]), Citation.parse(e["citation"]), e.get("note", ""))
        for e in entries
    )


@cache
def _kz_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("KZ", years=year)


class WorkingCalendar:
    def __init__(self, transfers: Iterable[DayTransfer] = ()):
        # Later entries win: administrator entries are passed after the shipped ones.
        self._transfers = {t.day: t for t in (*shipped_transfers(), *transfers)}

    def fingerprint(self) -> tuple:
        """The transfers as a key (see `Parameters.fingerprint`)."""
        return tuple(sorted(self._transfers.items()))

    def holiday_name(self, day: dt.date) -> str | None:
        return _kz_holidays(day.year).get(day)

    def is_working_day(self, day: dt.date) -> bool:
        transfer = self._transfers.get(day)
        if transfer is not None:
            return transfer.working
        return _kz_holidays(day.year).is_working_day(day)

    def add(self, start: dt.date, days: int) -> dt.date:
        """The `days`-th working day after `start` (before it when `days` is negative)."""
        step = ONE_DAY if days >= 0 else -ONE_DAY
        remaining = abs(days)
        day = start
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day

    def count(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]; negative when `end` is before `start`."""
        if end < start:
            return -self.count(end, start)
        total = 0
        day = start
        while day < end:
            day += ONE_DAY
            total += self.is_working_day(day)
        return total

    def latest_before(self, day: dt.date, days: int) -> dt.date:
        """The last date that is still "no later than `days` working days before `day`".

        It is the `days`-th working day before `day`, `day` itself not counted (the same
        convention as `add`): a filing on that date or earlier is in time.
        """
        return self.add(day, -days)

    def is_no_later_than(self, filed: dt.date, day: dt.date, days: int) -> bool:
        return filed <= self.latest_before(day, days)
