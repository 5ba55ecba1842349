"""Indicator time series for the forecasting methods of seed 000, paragraph 8.

A series is an annual indicator read from a CSV file or an Excel workbook (.xlsx) whose first
non-empty row is the header with the columns `year,value[,series]` (any order, case-insensitive).
CSV is UTF-8 text (a byte-order mark as written by spreadsheet programs is ignored); in a workbook
the table is on the first sheet, or on the sheet named by `sheet=`. Rows are numbered as in a
spreadsheet: the first line or row is 1. Workbook cells may hold numbers or numeric text; a year
must be a whole number (2019.0 is 2019, 2019.5 is an error). The file type is chosen by the
extension of the file name, `.csv` or `.xlsx`.

Every problem raises `SeriesError(field, message)`, where `field` is the column at fault
(`year`, `value`, `series`), `row` for a ragged row, `sheet` for a sheet that is not in the
workbook, or `SERIES` for the file as a whole (unreadable, not a workbook, unsupported type, empty,
too short); `row` carries the row number when there is one.

Bounds (`techpolicy.forecasting.limits`, system limits, not law): a year lies in 1900..2100, so a
series has at most 201 years, and a file has at most `MAX_ROWS` rows (header and blank rows counted).
A bound error also carries `code` and `params`, for a caller that words it in the user's language.
"""

from __future__ import annotations

import csv
import io
import itertools
import math
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

import numpy as np

from .limits import MAX_YEAR, MIN_YEAR

COLUMNS = ("year", "value", "series")
REQUIRED = ("year", "value")
# A logistic trend has 3 parameters plus the residual variance (k = 4), and AICc needs n > k + 1.
MIN_YEARS = 6
FILE_TYPES = (".csv", ".xlsx")
# Rows read from a file at most, header and blank rows included: room for 49 series of 201 years, and
# a bound on the time a hostile file (a million rows of one year) can take before it is refused.
MAX_ROWS = 10_000

Row = tuple[int, Sequence[Any]]  # (row number as in a spreadsheet, cells)
Grouped = dict[str | None, list[tuple[int, int, float]]]  # series name -> (row, year, value)


class SeriesError(ValueError):
    """A series that cannot be read or is unfit for forecasting; `field` names the column at fault."""

    def __init__(self, field: str, message: str, *, row: int | None = None, code: str | None = None,
                 **params: Any):
        super().__init__(message)
        self.field = field
        self.message = message
        self.row = row
        self.code = code  # set for the bound errors, which callers may word in the user's language
        self.params = params

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


# --- public entry points ---------------------------------------------------------------------------


def read_series(
    path: str | Path, *, name: str | None = None, min_years: int = MIN_YEARS, sheet: str | None = None
) -> Series:
    """Read one series from a `.csv` or `.xlsx` file (see `parse_series_upload`)."""
    grouped, has_column = _load(str(path), None, sheet, min_years)
    return _one(grouped, has_column, name, min_years, str(path))


def read_all_series(path: str | Path, *, min_years: int = MIN_YEARS, sheet: str | None = None) -> tuple[Series, ...]:
    """Read every series of a `.csv` or `.xlsx` file (see `parse_all_series_upload`)."""
    grouped, _ = _load(str(path), None, sheet, min_years)
    return _all(grouped, min_years, str(path))


def parse_series_upload(
    data: bytes, filename: str, *, name: str | None = None, min_years: int = MIN_YEARS, sheet: str | None = None
) -> Series:
    """Parse the bytes of an uploaded `.csv` or `.xlsx` file into one `Series`.

    The extension of `filename` chooses the format; any other extension is refused. `sheet` names
    the worksheet of a workbook (default: the first). Otherwise as `parse_series`.
    """
    grouped, has_column = _load(filename, data, sheet, min_years)
    return _one(grouped, has_column, name, min_years, filename)


def parse_all_series_upload(
    data: bytes, filename: str, *, min_years: int = MIN_YEARS, sheet: str | None = None
) -> tuple[Series, ...]:
    """Every series of an uploaded `.csv` or `.xlsx` file, in the order they first appear.

    Without a `series` column that is one series, named None. Every series is checked as in
    `parse_series`; the first one that fails raises, its name in the message.
    """
    grouped, _ = _load(filename, data, sheet, min_years)
    return _all(grouped, min_years, filename)


def parse_series(
    text: str, *, name: str | None = None, min_years: int = MIN_YEARS, source: str = "<text>"
) -> Series:
    """Parse CSV text `year,value[,series]` into one gap-free annual `Series`.

    With a `series` column holding several series, `name` picks one (required then). Checks, in
    order: header, ragged rows, text in numeric columns, duplicate years, missing years (all of them
    listed), and at least `min_years` years.
    """
    grouped, has_column = _group(_csv_rows(text), exact_width=True, min_years=min_years)
    return _one(grouped, has_column, name, min_years, source)


# --- the file formats: each yields rows of cells -------------------------------------------------


def _load(filename: str, data: bytes | None, sheet: str | None, min_years: int) -> tuple[Grouped, bool]:
    """The rows of `filename` grouped by series; `data` is its content, or None to read the file."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in FILE_TYPES:
        shown = repr(suffix) if suffix else "no extension"
        raise SeriesError("SERIES", f"{filename}: unsupported file type ({shown}); expected .csv or .xlsx")
    if suffix == ".csv" and sheet is not None:
        raise SeriesError("sheet", f"sheet {sheet!r} requested, but {filename} is a CSV file without sheets")
    if data is None:
        try:
            data = Path(filename).read_bytes()
        except OSError as exc:
            raise SeriesError("SERIES", f"cannot read {filename}: {exc}") from None
    if suffix == ".xlsx":
        return _group(_xlsx_rows(data, filename, sheet), exact_width=False, min_years=min_years)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SeriesError("SERIES", f"cannot read {filename}: not UTF-8 text ({exc})") from None
    return _group(_csv_rows(text), exact_width=True, min_years=min_years)


def _csv_rows(text: str) -> Iterator[Row]:
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    for cells in reader:
        yield reader.line_num, cells


def _xlsx_rows(data: bytes, source: str, sheet: str | None) -> list[Row]:
    """The rows of one worksheet, numbered from 1, without their trailing empty cells."""
    import openpyxl  # late: only workbooks need it, and it takes a while to import

    book = None
    try:
        with warnings.catch_warnings():
            # openpyxl warns about workbook features it skips (styles, validation, ...): noise for a table
            warnings.simplefilter("ignore", UserWarning)
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            sheets = {worksheet.title: worksheet for worksheet in book.worksheets}
            if sheet is not None and sheet not in sheets:
                names = ", ".join(repr(title) for title in sheets)
                raise SeriesError("sheet", f"no sheet {sheet!r} in {source}; its sheets are: {names}")
            if not sheets:
                raise SeriesError("SERIES", f"{source}: the workbook has no worksheet")
            worksheet = sheets[sheet] if sheet is not None else book.worksheets[0]
            # Some writers record a wrong sheet size, and read-only mode would cut the rows to it.
            worksheet.reset_dimensions()
            rows = itertools.islice(worksheet.iter_rows(values_only=True), MAX_ROWS + 1)  # one more tells "too many"
            return [(number, _trimmed(cells)) for number, cells in enumerate(rows, 1)]
    except SeriesError:
        raise
    except Exception as exc:
        # A damaged or foreign file (a renamed CSV, an old .xls, random bytes) fails in the zip or XML
        # layers with any of a dozen exception types; for the user it is one error of the file.
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        raise SeriesError("SERIES", f"{source} is not a valid .xlsx workbook ({detail})") from None
    finally:
        if book is not None:
            book.close()


def _trimmed(cells: Sequence[Any]) -> tuple[Any, ...]:
    end = len(cells)
    while end and not _text(cells[end - 1]):
        end -= 1
    return tuple(cells[:end])


# --- rows to series, the same for every format ---------------------------------------------------


def _text(cell: Any) -> str:
    return "" if cell is None else str(cell).strip()


def _header(rows: Iterator[Row]) -> dict[str, int]:
    for row, cells in rows:
        if not any(_text(cell) for cell in cells):
            continue
        columns: dict[str, int] = {}
        for index, cell in enumerate(cells):
            column = _text(cell).lower()
            if column not in COLUMNS:
                raise SeriesError(
                    column or f"column {index + 1}",
                    f"row {row}: unknown column {_text(cell)!r}; expected year,value[,series]",
                    row=row,
                )
            if column in columns:
                raise SeriesError(column, f"row {row}: column {column!r} appears twice", row=row)
            columns[column] = index
        for column in REQUIRED:
            if column not in columns:
                message = f"row {row}: missing column {column!r}; expected year,value[,series]"
                raise SeriesError(column, message, row=row)
        return columns
    raise SeriesError("SERIES", "empty file: expected a header row year,value[,series] and data rows")


def _year(cell: Any, row: int) -> int:
    if isinstance(cell, float) and cell.is_integer():  # a workbook stores 2019 as 2019.0 at times
        year = int(cell)
    elif isinstance(cell, int) and not isinstance(cell, bool):
        year = cell
    else:
        text = _text(cell)
        try:
            year = int(text)
        except ValueError:
            shown = repr(text[:40]) if text else "an empty cell"
            raise SeriesError("year", f"row {row}, column 'year': {shown} is not a whole year", row=row) from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        shown = str(year) if abs(year) < 10**12 else f"{str(year)[:12]}…"  # a 4,000-digit "year" stays short
        raise SeriesError("year", f"row {row}, column 'year': {shown} is outside {MIN_YEAR}-{MAX_YEAR}, the years "
                          f"a series may cover", row=row, code="year_range", year=shown, first=MIN_YEAR,
                          last=MAX_YEAR)
    return year


def _value(cell: Any, row: int) -> float:
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        value, shown = float(cell), repr(cell)
    else:
        text = _text(cell)
        shown = repr(text) if text else "an empty cell"
        try:
            value = float(text)
        except ValueError:
            raise SeriesError("value", f"row {row}, column 'value': {shown} is not a number", row=row) from None
    if not math.isfinite(value):
        raise SeriesError("value", f"row {row}, column 'value': {shown} is not a finite number", row=row)
    return value


def _bounded(rows: Iterable[Row]) -> Iterator[Row]:
    for row, cells in rows:
        if row > MAX_ROWS:
            raise SeriesError("SERIES", f"row {row}: a file may have at most {MAX_ROWS} rows", row=row,
                              code="too_many_rows", max=MAX_ROWS)
        yield row, cells


def _group(rows: Iterable[Row], *, exact_width: bool, min_years: int) -> tuple[Grouped, bool]:
    """Data rows by series, and whether there is a `series` column.

    With `exact_width` (CSV) every row has as many cells as the header; otherwise (a worksheet, where
    empty cells are not stored) a shorter row has empty cells at its end and only a filled cell
    beyond the header makes it ragged.
    """
    rows = _bounded(rows)
    columns = _header(rows)
    width = len(columns)
    grouped: Grouped = {}
    for row, cells in rows:
        if not any(_text(cell) for cell in cells):
            continue
        if len(cells) > width or (exact_width and len(cells) != width):
            raise SeriesError("row", f"row {row}: ragged row with {len(cells)} cells, the header has {width}", row=row)
        cells = [*cells, *[None] * (width - len(cells))]
        key = _text(cells[columns["series"]]) if "series" in columns else None
        if key == "":
            raise SeriesError("series", f"row {row}, column 'series': empty series name", row=row)
        grouped.setdefault(key, []).append(
            (row, _year(cells[columns["year"]], row), _value(cells[columns["value"]], row))
        )
    if not grouped:
        raise SeriesError("SERIES", f"no data rows: at least {min_years} years are needed")
    return grouped, "series" in columns


def _one(grouped: Grouped, has_column: bool, name: str | None, min_years: int, source: str) -> Series:
    key = _pick(grouped, name, has_column)
    return _series(grouped[key], key, min_years, source)


def _all(grouped: Grouped, min_years: int, source: str) -> tuple[Series, ...]:
    return tuple(_series(rows, key, min_years, source) for key, rows in grouped.items())


def _pick(rows: Grouped, name: str | None, has_column: bool) -> str | None:
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
    which = "" if name is None else f"series {name!r}: "  # names the culprit when a file holds several
    seen: dict[int, int] = {}
    for row, year, _ in rows:
        if year in seen:
            raise SeriesError(
                "year", f"{which}row {row}, column 'year': year {year} repeats row {seen[year]}", row=row
            )
        seen[year] = row
    rows = sorted(rows, key=lambda item: item[1])
    years = [year for _, year, _ in rows]
    missing = sorted(set(range(years[0], years[-1] + 1)) - set(years))
    if missing:
        listed = ", ".join(str(year) for year in missing)
        raise SeriesError(
            "year",
            f"{which}missing years {listed} between {years[0]} and {years[-1]}: annual data without gaps is needed",
        )
    if len(years) < min_years:
        raise SeriesError(
            "SERIES",
            f"{which}series too short: {len(years)} years ({years[0]}-{years[-1]}); "
            f"at least {min_years} are needed to fit a trend",
        )
    return Series(tuple(years), tuple(value for _, _, value in rows), name, source)
