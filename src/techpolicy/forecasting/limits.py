"""Bounds of the input the forecasting methods of seed 000, paragraph 8, accept.

The methodology sets no numbers here: these are limits of the system, chosen so that no series and no
horizon can make a page, the report or a command run for minutes.

* `MIN_YEAR`..`MAX_YEAR` (1900..2100): the calendar years an annual indicator may cover. Every
  technology indicator the methods are meant for (publications, patents, market volumes) lies well
  inside, and a study's horizon ends by 2100 (the study form's own bound).
* `MAX_POINTS`: one value per year of that range, so at most 201 observations per series.
* `MAX_HORIZON_YEARS` (100): a forecast reaches at most this many years past the last observation.

`check_observations` and `check_horizon` are called by every entry point (the importer, the trend and
cycle functions, the batch fitter, the study services, the CLI); they refuse with `LimitError`, which
names the `field` (`year`, `value`, `horizon` or `SERIES`), the position of the culprit, and carries a
`code` with `params` so that a caller can word the message in the user's language.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

MIN_YEAR = 1900
MAX_YEAR = 2100
MAX_POINTS = MAX_YEAR - MIN_YEAR + 1
MAX_HORIZON_YEARS = 100


class LimitError(ValueError):
    """Input outside the bounds above. `index` is the 0-based position of the culprit in the series."""

    def __init__(self, field: str, code: str, message: str, *, index: int | None = None, **params: Any):
        super().__init__(message)
        self.field = field
        self.code = code
        self.message = message
        self.index = index
        self.params = params


def _array(data: Any, field: str) -> np.ndarray:
    if isinstance(data, Sequence) and len(data) > MAX_POINTS:  # before converting a huge stored list
        raise _too_many(len(data))
    try:
        array = np.asarray(data, dtype=float)
    except (TypeError, ValueError):
        raise LimitError(field, "not_numbers", f"the {field}s are not all numbers") from None
    if array.ndim != 1:
        raise LimitError(field, "not_a_row", f"the {field}s must be one row of numbers, not shape {array.shape}")
    return array


def _too_many(n: int) -> LimitError:
    return LimitError("SERIES", "too_many", f"{n} points: a series has at most {MAX_POINTS} years "
                      f"({MIN_YEAR}-{MAX_YEAR})", n=n, max=MAX_POINTS, first=MIN_YEAR, last=MAX_YEAR)


def check_years(years: Any) -> np.ndarray:
    """The years as floats: one row, at most `MAX_POINTS`, finite, within MIN_YEAR..MAX_YEAR and
    strictly increasing. Cost linear in the length, and the length is checked first."""
    t = _array(years, "year")
    if t.size > MAX_POINTS:
        raise _too_many(t.size)
    for index, year in enumerate(t.tolist()):
        if not math.isfinite(year):
            raise LimitError("year", "year_not_finite", f"year at position {index + 1} is not a finite number",
                             index=index, position=index + 1)
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise LimitError("year", "year_range", f"year {year:g} at position {index + 1} is outside "
                             f"{MIN_YEAR}-{MAX_YEAR}", index=index, year=year, first=MIN_YEAR, last=MAX_YEAR,
                             position=index + 1)
        if index and year <= t[index - 1]:
            raise LimitError("year", "year_order", f"year {year:g} at position {index + 1} does not follow "
                             f"{t[index - 1]:g}: years must increase strictly", index=index, year=year,
                             previous=float(t[index - 1]), position=index + 1)
    return t


def check_observations(years: Any, values: Any) -> tuple[np.ndarray, np.ndarray]:
    """Years (see `check_years`) and as many finite values, as float arrays."""
    t = check_years(years)
    y = _array(values, "value")
    if y.size != t.size:
        raise LimitError("value", "lengths", f"{t.size} years but {y.size} values", years=t.size, values=y.size)
    bad = np.flatnonzero(~np.isfinite(y))
    if bad.size:
        index = int(bad[0])
        raise LimitError("value", "value_not_finite", f"the value of {t[index]:g} is not a finite number",
                         index=index, year=float(t[index]))
    return t, y


def check_horizon(horizon: Any, last_year: int) -> int:
    """The last forecast year: a whole year after `last_year`, at most MAX_HORIZON_YEARS later and
    not after MAX_YEAR."""
    try:
        year = int(horizon)
    except (TypeError, ValueError, OverflowError):
        raise LimitError("horizon", "horizon_not_year", f"horizon {horizon!r} is not a year") from None
    if year != horizon and not isinstance(horizon, str):
        raise LimitError("horizon", "horizon_not_year", f"horizon {horizon!r} is not a whole year")
    latest = min(last_year + MAX_HORIZON_YEARS, MAX_YEAR)
    if not last_year < year <= latest:
        raise LimitError("horizon", "horizon_range", f"horizon {year} must be after the last observed year "
                         f"{last_year} and at most {latest} (at most {MAX_HORIZON_YEARS} years ahead, "
                         f"not after {MAX_YEAR})", horizon=year, last=last_year, latest=latest,
                         ahead=MAX_HORIZON_YEARS, max=MAX_YEAR)
    return year
