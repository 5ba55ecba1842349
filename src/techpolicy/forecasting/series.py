"""Indicator time series for the forecasting methods of seed 000, paragraph 8.

A series is an annual indicator read from CSV text with a header row and the columns
`year,value[,series]` (any order, case-insensitive; a UTF-8 byte-order mark as written by
spreadsheet programs is ignored). Rows are numbered as in a spreadsheet: the header is row 1.

Every problem raises `SeriesError(field, message)`, where `field` is the column at fault
(`year`, `value`, `series`), `row` for a ragged row, or `SERIES` for the file as a whole
(unreadable, empty, too short); `row` carries the row number when there is one.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

COLUMNS = ("year", "value", "series")
REQUIRED = ("year", "value")
# A logistic trend has 3 parameters plus the residual variance (k = 4), and AICc needs n > k + 1.
MIN_YEARS = 6


class SeriesError(ValueError):
    """A series that cannot be read or is unfit for forecasting; `field` names the column at fault."""

    def __init__(self, field: str, message: str, *, row: int | None = None):
        super().__init__(message)
        self.field = field
        self.message = message
        self.row = row

    def as_dict(self) -> dict[str, Any]:
        return {"error": self.message, "field": self.field, "row": self.row}


@dataclass(frozen=True)
class Series:
    """An annual series without gaps, sorted by year."""

    years: tuple[int, ...]
    values: tuple[float, ...]
    name: str | None = None
    source: str = "<text>"

    @property
    def t(self) -> np.ndarray:
        return np.asarray(self.years, dtype=float)

    @property
    def y(self) -> np.ndarray:
        return np.asarray(self.values, dtype=float)

    @property
    def first_year(self) -> int:
        return self.years[0]

    @property
    def last_year(self) -> int:
        return self.years[-1]

    def __len__(self) -> int:
        return len(self.years)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "source": self.source,
            "first_year": self.first_year,
            "last_year": self.last_year,
            "n": len(self),
        }


def read_series(path: str | Path, *, name: str | None = None, min_years: int = MIN_YEARS) -> Series:
    """Read one series from a CSV file (see `parse_series`)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SeriesError("SERIES", f"cannot read {path}: {exc}") from None
    return parse_series(text, name=name, min_years=min_years, source=str(path))


def _header(reader: Any) -> dict[str, int]:
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        columns: dict[str, int] = {}
        for index, cell in enumerate(cells):
            column = cell.strip().lower()
            if column not in COLUMNS:
                raise SeriesError(
                    column or f"column {index + 1}",
                    f"row {reader.line_num}: unknown column {cell.strip()!r}; expected year,value[,series]",
                    row=reader.line_num,
                )
            if column in columns:
                message = f"row {reader.line_num}: column {column!r} appears twice"
                raise SeriesError(column, message, row=reader.line_num)
            columns[column] = index
        for column in REQUIRED:
            if column not in columns:
                message = f"missing column {column!r}: expected year,value[,series]"
                raise SeriesError(column, message, row=reader.line_num)
        return columns
    raise SeriesError("SERIES", "empty file: expected a header row year,value[,series] and data rows")


def _year(cell: str, row: int) -> int:
    text = cell.strip()
    try:
        return int(text)
    except ValueError:
        raise SeriesError("year", f"row {row}, column 'year': {text!r} is not a whole year", row=row) from None


def _value(cell: str, row: int) -> float:
    text = cell.strip()
    try:
        value = float(text)
    except ValueError:
        shown = repr(text) if text else "an empty cell"
        raise SeriesError("value", f"row {row}, column 'value': {shown} is not a number", row=row) from None
    if not math.isfinite(value):
        raise SeriesError("value", f"row {row}, column 'value': {text!r} is not a finite number", row=row)
    return value


def parse_series(
    text: str, *, name: str | None = None, min_years: int = MIN_YEARS, source: str = "<text>"
) -> Series:
    """Parse CSV text `year,value[,series]` into one gap-free annual `Series`.

    With a `series` column holding several series, `name` picks one (required then). Checks, in
    order: header, ragged rows, text in numeric columns, duplicate years, missing years (all of them
    listed), and at least `min_years` years.
    """
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    columns = _header(reader)
    header_width = len(columns)
    rows: dict[str | None, list[tuple[int, int, float]]] = {}
    for cells in reader:
        row = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != header_width:
            raise SeriesError(
                "row", f"row {row}: ragged row with {len(cells)} cells, the header has {header_width}", row=row
            )
        key = cells[columns["series"]].strip() if "series" in columns else None
        if key == "":
            raise SeriesError("series", f"row {row}, column 'series': empty series name", row=row)
        rows.setdefault(key, []).append((row, _year(cells[columns["year"]], row), _value(cells[columns["value"]], row)))
    if not rows:
        raise SeriesError("SERIES", f"no data rows: at least {min_years} years are needed")
    key = _pick(rows, name, "series" in columns)
    return _series(rows[key], key, min_years, source)


def _pick(rows: dict[str | None, list], name: str | None, has_column: bool) -> str | None:
    if name is None:
        if len(rows) > 1:
            names = ", ".join(sorted(str(key) for key in rows))
            raise SeriesError("series", f"the file holds several series ({names}): choose one")
        return next(iter(rows))
    if not has_column:
        raise SeriesError("series", f"series {name!r} requested, but the file has no 'series' column")
    if name not in rows:
        names = ", ".join(sorted(str(key) for key in rows))
        raise SeriesError("series", f"no series {name!r} in the file; it holds: {names}")
    return name


def _series(rows: list[tuple[int, int, float]], name: str | None, min_years: int, source: str) -> Series:
    seen: dict[int, int] = {}
    for row, year, _ in rows:
        if year in seen:
            raise SeriesError("year", f"row {row}, column 'year': year {year} repeats row {seen[year]}", row=row)
        seen[year] = row
    rows = sorted(rows, key=lambda item: item[1])
    years = [year for _, year, _ in rows]
    missing = sorted(set(range(years[0], years[-1] + 1)) - set(years))
    if missing:
        listed = ", ".join(str(year) for year in missing)
        raise SeriesError(
            "year", f"missing years {listed} between {years[0]} and {years[-1]}: annual data without gaps is needed"
        )
    if len(years) < min_years:
        raise SeriesError(
            "SERIES",
            f"series too short: {len(years)} years ({years[0]}-{years[-1]}); "
            f"at least {min_years} are needed to fit a trend",
        )
    return Series(tuple(years), tuple(value for _, _, value in rows), name, source)
