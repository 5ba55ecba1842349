"""Calendar arithmetic the acts share: a term of months or years counted from a day ("кемінде 5
(бес) жыл", "6 ай"), clamped to the end of a shorter month."""

from __future__ import annotations

import calendar
import datetime as dt

import polars as pl


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months later (earlier when negative), clamped to the end
    of a shorter month: 2015-08-31 - 6 months = 2015-02-28."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February falls on 28 February in a common year."""
    return add_months(day, 12 * years)


def add_months_expr(day: pl.Expr, months: int) -> pl.Expr:
    """`add_months` over a date column (polars clamps to the end of a shorter month the same way)."""
    return day.dt.offset_by(f"{int(months)}mo")


def add_years_expr(day: pl.Expr, years: int) -> pl.Expr:
    return add_months_expr(day, 12 * int(years))
