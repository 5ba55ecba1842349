"""Indicator series from Excel workbooks and uploads for the forecasting methods of seed 000, paragraph 8:
.xlsx with the columns year,value[,series] reads like CSV, with the same errors and spreadsheet row numbers;
uploads choose the format by extension; every series of a file; `techpolicy forecast trend|cycles FILE.xlsx`."""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import openpyxl
import pytest
from scipy import special

from techpolicy.cli import main
from techpolicy.forecasting.series import (
    MIN_YEARS,
    SeriesError,
    parse_all_series_upload,
    parse_series,
    parse_series_upload,
    read_all_series,
    read_series,
)


def xlsx_bytes(rows: list[list], *, sheets: dict[str, list[list]] | None = None) -> bytes:
    """A workbook whose first sheet holds `rows` (an empty list is an empty row), then `sheets`."""
    book = openpyxl.Workbook()
    first = book.active
    first.title = "First"
    for cells in rows:
        first.append(cells)
    for title, more in (sheets or {}).items():
        worksheet = book.create_sheet(title)
        for cells in more:
            worksheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_file(tmp_path, rows: list[list], name: str = "series.xlsx", **kwargs) -> str:
    path = tmp_path / name
    path.write_bytes(xlsx_bytes(rows, **kwargs))
    return str(path)


GOOD = [["Year", "VALUE"]] + [[2010 + i, 1.5 * i] for i in range(8)]


def test_workbook_reads_like_csv(tmp_path):
    """Paragraph 8: an .xlsx table gives the same series as the same table in CSV, in year order."""
    rows = [GOOD[0], *reversed(GOOD[1:])]
    series = read_series(xlsx_file(tmp_path, rows))
    text = "\n".join(",".join(str(cell) for cell in cells) for cells in rows)
    assert series.years == parse_series(text).years == tuple(range(2010, 2018))
    assert series.values == parse_series(text).values
    assert series.source.endswith("series.xlsx") and series.as_dict()["n"] == 8


def test_numbers_may_be_floats_or_numeric_text(tmp_path):
    """Paragraph 8: a year of 2019.0 is 2019, numeric text is a number, blank rows and trailing empty
    cells are skipped."""
    rows = [["value", "year", None], ["3.5", 2015.0, None], [], [4, "2016"], [5.25, 2017]]
    rows += [[6 + i, 2018 + i] for i in range(3)]
    series = read_series(xlsx_file(tmp_path, rows), min_years=6)
    assert series.years == tuple(range(2015, 2021))
    assert series.values[:3] == (3.5, 4.0, 5.25)
    assert all(isinstance(year, int) for year in series.years)


def test_named_sheet(tmp_path):
    """Paragraph 8: `sheet=` reads another worksheet; an unknown sheet is named with the ones there are."""
    path = xlsx_file(tmp_path, [["notes"], ["not a table"]], sheets={"Data": GOOD})
    assert read_series(path, sheet="Data").years[0] == 2010
    with pytest.raises(SeriesError) as err:
        read_series(path)  # the first sheet is not a table
    assert err.value.field == "notes" and err.value.row == 1
    with pytest.raises(SeriesError) as err:
        read_series(path, sheet="Daten")
    assert err.value.field == "sheet" and "'First', 'Data'" in err.value.message
    csv_path = tmp_path / "s.csv"
    csv_path.write_text("year,value\n" + "".join(f"{2000 + i},{i}\n" for i in range(7)), "utf-8")
    with pytest.raises(SeriesError) as err:
        read_series(csv_path, sheet="Data")
    assert err.value.field == "sheet"


HEADER = ["year", "value"]


@pytest.mark.parametrize(
    ("rows", "field", "row", "fragment"),
    [
        ([HEADER, [2000, 1], [2001, 2, 3]], "row", 3, "ragged row with 3 cells"),
        ([HEADER, [2000, 1], [2001, "abc"]], "value", 3, "'abc' is not a number"),
        ([HEADER, [2000, 1], [2001, None]], "value", 3, "empty cell"),
        ([HEADER, [2000, 1], [None, 2]], "year", 3, "empty cell"),
        ([HEADER, [2000, 1], [2001.5, 2]], "year", 3, "'2001.5' is not a whole year"),
        ([HEADER, [2000, 1], ["20x1", 2]], "year", 3, "column 'year'"),
        ([HEADER, [2000, 1], [2001, True]], "value", 3, "not a number"),
        ([HEADER, [2000, 1], [], [], [2000, 3]], "year", 5, "repeats row 2"),
        ([[], ["year", "amount"], [2000, 1]], "amount", 2, "unknown column"),
        ([["year", None, "value"], [2000, None, 1]], "column 2", 1, "unknown column"),
        ([["year"], [2000]], "value", 1, "missing column"),
        ([["series", "year", "value"], [None, 2000, 1]], "series", 2, "empty series name"),
    ],
)
def test_bad_cells_name_row_and_column(tmp_path, rows, field, row, fragment):
    """Paragraph 8: a workbook's errors name the spreadsheet row (header = row 1, blank rows counted)."""
    with pytest.raises(SeriesError) as err:
        read_series(xlsx_file(tmp_path, rows))
    assert (err.value.field, err.value.row) == (field, row)
    assert fragment in err.value.message
    assert f"row {row}" in err.value.message


def test_missing_years_too_short_and_empty(tmp_path):
    """Paragraph 8: gaps are listed, too short a series and an empty sheet are errors of the file."""
    gaps = [HEADER] + [[year, 1] for year in (2000, 2001, 2003, 2004, 2007, 2008)]
    with pytest.raises(SeriesError) as err:
        read_series(xlsx_file(tmp_path, gaps))
    assert err.value.field == "year" and "2002, 2005, 2006" in err.value.message
    short = [HEADER] + [[2000 + i, i] for i in range(MIN_YEARS - 1)]
    with pytest.raises(SeriesError) as err:
        read_series(xlsx_file(tmp_path, short))
    assert err.value.field == "SERIES" and f"at least {MIN_YEARS}" in err.value.message
    for rows in ([], [HEADER]):
        with pytest.raises(SeriesError) as err:
            read_series(xlsx_file(tmp_path, rows))
        assert err.value.field == "SERIES" and err.value.row is None


def zip_without_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        b"year,value\n2000,1\n2001,2\n",  # a CSV renamed .xlsx
        bytes(np.random.default_rng(0).integers(0, 256, 4096, dtype=np.uint8)),
        b"",
        zip_without_workbook(),
        xlsx_bytes(GOOD)[:2000],  # a truncated download
    ],
    ids=["renamed-csv", "random-bytes", "empty", "zip-without-workbook", "truncated"],
)
def test_not_a_workbook_is_an_error_of_the_file(data):
    """Paragraph 8: bytes that are not a valid .xlsx raise SeriesError on SERIES, never anything else."""
    with pytest.raises(SeriesError) as err:
        parse_series_upload(data, "upload.xlsx")
    assert err.value.field == "SERIES"
    assert "upload.xlsx is not a valid .xlsx workbook" in err.value.message


def test_upload_chooses_the_format_by_extension():
    """Paragraph 8: an upload is CSV or XLSX by its extension (any case); other types are refused."""
    csv_data = ("year,value\n" + "".join(f"{2000 + i},{i}\n" for i in range(7))).encode()
    assert parse_series_upload(csv_data, "a.csv").years[-1] == 2006
    assert parse_series_upload(xlsx_bytes(GOOD), "C:\\Users\\me\\DATA.XLSX").years[-1] == 2017
    for filename in ("old.xls", "notes.txt", "series"):
        with pytest.raises(SeriesError) as err:
            parse_series_upload(csv_data, filename)
        assert err.value.field == "SERIES" and "expected .csv or .xlsx" in err.value.message
    with pytest.raises(SeriesError) as err:
        parse_series_upload("year,value\n2000,é\n".encode("latin-1"), "a.csv")
    assert err.value.field == "SERIES" and "UTF-8" in err.value.message


TWO = [["series", "year", "value"]] + [[name, 2000 + i, i * k] for name, k in (("b", 2), ("a", 1)) for i in range(7)]


def test_every_series_of_a_file(tmp_path):
    """Paragraph 8: every series of a file, in the order of first appearance, from .xlsx and .csv alike."""
    path = xlsx_file(tmp_path, TWO)
    series = read_all_series(path)
    assert [s.name for s in series] == ["b", "a"]
    assert series[0].values[-1] == 12.0 and series[1].values[-1] == 6.0
    text = "\n".join(",".join(str(cell) for cell in cells) for cells in TWO).encode()
    assert parse_all_series_upload(text, "two.csv") == tuple(
        parse_series_upload(text, "two.csv", name=name) for name in ("b", "a")
    )
    assert read_series(path, name="a") == series[1]
    single = parse_all_series_upload(xlsx_bytes(GOOD), "one.xlsx")
    assert len(single) == 1 and single[0].name is None


def test_every_series_names_the_one_that_fails(tmp_path):
    """Paragraph 8: when one series of several is unfit, the error says which."""
    rows = TWO + [["c", 2000, 1], ["c", 2001, 2]]
    with pytest.raises(SeriesError) as err:
        read_all_series(xlsx_file(tmp_path, rows))
    assert err.value.field == "SERIES" and err.value.message.startswith("series 'c': series too short")
    assert len(read_all_series(xlsx_file(tmp_path, rows), min_years=2)) == 3


# --- the command line ----------------------------------------------------------------------------


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def logistic_xlsx(tmp_path):
    rng = np.random.default_rng(0)
    years = np.arange(2000, 2031)
    values = 100 * special.expit(0.4 * (years - 2015)) + rng.normal(0, 1, len(years))
    rows = [HEADER] + [[int(y), float(v)] for y, v in zip(years, values, strict=True)]
    return xlsx_file(tmp_path, [["about"], ["logistic test data"]], sheets={"Data": rows})


@pytest.mark.parametrize("method", ["trend", "cycles"])
def test_cli_reads_a_workbook(capsys, logistic_xlsx, method):
    """Paragraph 8(1), 8(3): `techpolicy forecast trend|cycles FILE.xlsx --sheet NAME` prints JSON, exit 0."""
    code, out, _ = run(capsys, "forecast", method, logistic_xlsx, "--sheet", "Data")
    assert code == 0
    data = json.loads(out)
    assert data["series"]["n"] == 31 and data["series"]["source"] == logistic_xlsx
    if method == "trend":
        assert data["selection"]["chosen"] == "logistic"
        assert data["forecast"]["points"][-1]["year"] == 2035
    else:
        assert data["life_cycle"]["phase"] == "saturation"


@pytest.mark.parametrize(
    ("data", "args", "field", "row"),
    [
        (b"year,value\n2000,1\n", (), "SERIES", None),  # a CSV renamed .xlsx
        (xlsx_bytes([HEADER, [2000, 1], [2001, "lots"]]), (), "value", 3),
        (xlsx_bytes(GOOD), ("--sheet", "Nope"), "sheet", None),
    ],
)
@pytest.mark.parametrize("method", ["trend", "cycles"])
def test_cli_bad_workbook_exits_2(capsys, tmp_path, method, data, args, field, row):
    """Paragraph 8: a broken workbook, a bad cell or an unknown sheet exits 2 with a JSON error."""
    path = tmp_path / "broken.xlsx"
    path.write_bytes(data)
    code, out, err = run(capsys, "forecast", method, str(path), *args)
    assert code == 2 and out == ""
    error = json.loads(err)
    assert (error["field"], error["row"]) == (field, row)
