"""Action-plan items (іс-шаралар жоспары), the dated obligations they expand into, and timeliness.

Seed 002 §7 (002.s7.ap): each of the 25 items has a completion form (аяқталу нысаны), executors
(жауапты орындаушылар, some "by agreement" — келісу бойынша), a funding volume and source, and a
deadline: a month ("March 2026"), a quarter ("Q1 2027"), or a range of years ("December 2027–2035",
one obligation per year). The resolution adds yearly reports due on a day of the following year
(002.res.p2.3: information to MSHE by 1 April; 002.res.p3: the report to the SPB by 1 May). Seed 000
p.39 (000.p39) asks the same of a TTP's measures: responsible and deadline for each; 000.ttp.monitor
leaves the report dates open (`tp.ttp.report_due`, null).

A recurrence is expanded **eagerly**: one `Obligation` per period, each with a stable `key`
(`f"{item}:{period}"`, e.g. "7:2027", "3:2027-Q1") that a database can hold under a unique constraint,
so that re-loading a plan updates the same rows instead of adding copies. The recurrences of the
sources are yearly on a month or a day, so the expansion is a range of years; no recurrence library
is needed (python-dateutil is not a dependency of the project).

Due dates. A month or a quarter is due on its last day: the sources give no day inside it
(`sct.plan.due_day_rule`, null) and 002.s7.ap reads "overdue after its period ends". A due day that
falls on a day off is not moved: the sources do not say it is (`sct.report.due_shift_rule`, null).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Annotated, Literal

from pydantic import Field, model_validator

from .common import MAX_YEAR, MIN_YEAR, Code, Model, Names, Text, Year, gettext_noop

MAX_ITEMS = 1000
MAX_EXECUTORS = 50
MAX_SPAN_YEARS = MAX_YEAR - MIN_YEAR + 1

Precision = Literal["day", "month", "quarter"]
Punctuality = Literal["on_time", "late", "pending", "overdue"]

TIMELINESS_LABELS: dict[str, str] = {
    "on_time": gettext_noop("Submitted on time"),
    "late": gettext_noop("Submitted late"),
    "pending": gettext_noop("Not yet due"),
    "overdue": gettext_noop("Overdue"),
}

# 002.s7.ap.fund: the plan's funding column, as enums (no amounts are given anywhere).
FundingVolume = Literal["not_required", "within_provided_funds", "attracted_funds", "ptf_funds", "gf_ptf_funds"]
FundingSource = Literal["republican_budget", "local_budget", "extra_budgetary", "attracted", "other_sources"]


class OnDate(Model):
    """A deadline on one day."""

    kind: Literal["date"]
    date: dt.date


class InMonth(Model):
    """A deadline in one month ("March 2026")."""

    kind: Literal["month"]
    year: Year
    month: Annotated[int, Field(ge=1, le=12)]


class InQuarter(Model):
    """A deadline in one quarter ("Q1 2027")."""

    kind: Literal["quarter"]
    year: Year
    quarter: Annotated[int, Field(ge=1, le=4)]


class Yearly(Model):
    """A yearly deadline for the periods `from_year`..`to_year`: in `month` ("every December from 2027
    to 2035") or, with `day`, on that day ("every year by 1 April"). `following_year`: the period's
    obligation falls due in the next year (002.res.p2.3: the information on year Y by 1 April Y+1)."""

    kind: Literal["yearly"]
    from_year: Year
    to_year: Year
    month: Annotated[int, Field(ge=1, le=12)]
    day: Annotated[int, Field(ge=1, le=31)] | None = None
    following_year: bool = False

    @model_validator(mode="after")
    def _valid(self) -> Yearly:
        if self.to_year < self.from_year:
            raise ValueError(f"to_year {self.to_year} is before from_year {self.from_year}")
        if self.following_year and self.to_year + 1 > MAX_YEAR:
            raise ValueError(f"the obligation of {self.to_year} would fall due after {MAX_YEAR}")
        if self.day is not None and self.day > _month_days(2000, self.month):  # 2000: a leap year
            raise ValueError(f"month {self.month} has no day {self.day}")
        return self


Deadline = Annotated[OnDate | InMonth | InQuarter | Yearly, Field(discriminator="kind")]


class Executor(Model):
    """A responsible executor; `by_agreement`: "(келісу бойынша)", it acts by agreement, not by order."""

    name: Text
    by_agreement: bool = False


class Funding(Model):
    volume: FundingVolume
    source: FundingSource | None = None


class Item(Model):
    """One item of an action plan (or one measure of a TTP, 000.p39)."""

    number: Code  # "7", "2.3"; the first half of every obligation's key
    name: Names
    form: Text  # the completion form, e.g. "information to the Government"
    executors: Annotated[list[Executor], Field(min_length=1, max_length=MAX_EXECUTORS)]
    funding: Funding
    deadline: Deadline
    indicators: Annotated[list[Code], Field(max_length=50)] = []  # the target indicators it serves


class Obligation(Model):
    """One dated obligation of one item for one period."""

    key: str  # f"{item}:{period}", stable across re-expansions
    item: str
    period: str  # "2027", "2026-03", "2027-Q1" or "2026-06-30"
    year: int  # the year the period belongs to (the reporting year)
    starts: dt.date  # the first day of the period
    due: dt.date  # the last day on which it is in time
    precision: Precision  # what the source gives: a day, a month or a quarter
    form: str
    executors: list[Executor]
    funding: Funding


def _month_days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _month_days(year, month))


def _periods(deadline: OnDate | InMonth | InQuarter | Yearly) -> list[tuple[str, int, dt.date, dt.date, Precision]]:
    """(period, year, starts, due, precision) of every period of the deadline, in order."""
    if isinstance(deadline, OnDate):
        day = deadline.date
        return [(day.isoformat(), day.year, day, day, "day")]
    if isinstance(deadline, InMonth):
        y, m = deadline.year, deadline.month
        return [(f"{y}-{m:02d}", y, dt.date(y, m, 1), _month_end(y, m), "month")]
    if isinstance(deadline, InQuarter):
        y, q = deadline.year, deadline.quarter
        return [(f"{y}-Q{q}", y, dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "quarter")]
    found: list[tuple[str, int, dt.date, dt.date, Precision]] = []
    for year in range(deadline.from_year, deadline.to_year + 1):
        due_year = year + 1 if deadline.following_year else year
        if deadline.day is None:
            due, precision = _month_end(due_year, deadline.month), "month"
        else:
            # 29 February in a common year: the last day of February (the month's own end).
            due, precision = dt.date(due_year, deadline.month,
                                     min(deadline.day, _month_days(due_year, deadline.month))), "day"
        found.append((str(year), year, dt.date(year, 1, 1), due, precision))
    return found


def expand(item: Item) -> list[Obligation]:
    """The item's obligations, one per period (002.s7.ap: "December 2027–2035" gives nine)."""
    return [Obligation(key=f"{item.number}:{period}", item=item.number, period=period, year=year, starts=starts,
                       due=due, precision=precision, form=item.form, executors=item.executors, funding=item.funding)
            for period, year, starts, due, precision in _periods(item.deadline)]


def expand_plan(items: Iterable[Item], year: int | None = None) -> list[Obligation]:
    """Every obligation of the plan (of the periods of `year` only, when given), by due date and key.
    Two items with one number are refused: their keys would collide or, worse, differ only by the
    deadline's shape ("7:2027" and "7:2027-12"), one item then counted twice."""
    found: dict[str, Obligation] = {}
    numbers: set[str] = set()
    for item in items:
        if item.number in numbers:
            raise ValueError(f"two items numbered {item.number}: item numbers must be unique")
        numbers.add(item.number)
        for obligation in expand(item):
            found[obligation.key] = obligation
    chosen = (o for o in found.values() if year is None or o.year == year)
    return sorted(chosen, key=lambda o: (o.due, o.key))


class Submission(Model):
    """The evidence closing an obligation: the document of its completion form, and when it came."""

    key: Annotated[str, Field(min_length=1, max_length=200)]
    submitted: dt.date
    document: Text | None = None


class Timeliness(Model):
    """When an obligation was expected and came; `timeliness` as in `TIMELINESS_LABELS`."""

    key: str
    expected: dt.date
    submitted: dt.date | None
    timeliness: Punctuality
    days_late: int | None  # calendar days after the due date (the sources count no working days here)


def timeliness(obligation: Obligation, submitted: dt.date | None, on: dt.date) -> Timeliness:
    """on_time / late for a submission; pending / overdue on `on` without one (overdue after the due day).
    A submission dated after `on` is not known on `on`, as in `overdue`."""
    if submitted is not None and submitted <= on:
        late = (submitted - obligation.due).days
        return Timeliness(key=obligation.key, expected=obligation.due, submitted=submitted,
                           timeliness="on_time" if late <= 0 else "late", days_late=max(late, 0))
    overdue_by = (on - obligation.due).days
    return Timeliness(key=obligation.key, expected=obligation.due, submitted=None,
                       timeliness="overdue" if overdue_by > 0 else "pending",
                       days_late=overdue_by if overdue_by > 0 else None)


def submitted_on(submissions: Iterable[Submission]) -> dict[str, dt.date]:
    """The first submission date per key (a later copy does not make a late obligation timely)."""
    first: dict[str, dt.date] = {}
    for submission in submissions:
        if submission.key not in first or submission.submitted < first[submission.key]:
            first[submission.key] = submission.submitted
    return first


def overdue(obligations: Iterable[Obligation], on: dt.date,
            submitted: Mapping[str, dt.date] | None = None) -> list[Obligation]:
    """The obligations past their due day on `on` with no submission (002.s7.ap: overdue after its
    period ends). A submission dated after `on` is not known on `on`."""
    submitted = submitted or {}
    return [o for o in obligations if o.due < on and not (o.key in submitted and submitted[o.key] <= on)]
