"""Reading indicator series for the forecasting methods of seed 000, paragraph 8: CSV year,value[,series]
with errors naming the row and column (ragged rows, text in numbers, duplicate and missing years, too short)."""

from __future__ import annotations

import pytest

from techpolicy.forecasting.series import MIN_YEARS, SeriesError, parse_series, read_series

GOOD = "year,value\n" + "".join(f"{2010 + i},{1.5 * i}\n" for i in range(8))


def test_reads_a_sorted_gap_free_series(tmp_path):
    """Paragraph 8: a series is read in year order whatever the row order; a BOM is ignored."""
    lines = GOOD.splitlines()
    path = tmp_path / "s.csv"
    path.write_text("\ufeff" + "\n".join([lines[0], *reversed(lines[1:])]) + "\n", "utf-8")
    series = read_series(path)
    assert series.years == tuple(range(2010, 2018))
    assert series.values[0] == 0.0 and series.values[-1] == 10.5
    assert series.as_dict()["n"] == 8


def test_series_column_picks_one():
    """Paragraph 8: a file with several series needs a name, and the name must exist."""
    text = "series,year,value\n" + "".join(f"{s},{2000 + i},{i}\n" for s in ("a", "b") for i in range(7))
    assert parse_series(text, name="b").name == "b"
    with pytest.raises(SeriesError) as err:
        parse_series(text)
    assert err.value.field == "series" and "a, b" in err.value.message
    with pytest.raises(SeriesError) as err:
        parse_series(text, name="c")
    assert err.value.field == "series"


@pytest.mark.parametrize(
    ("text", "field", "row", "fragment"),
    [
        ("year,value\n2000,1\n2001,2,3\n", "row", 3, "ragged"),
        ("year,value\n2000,1\n2001,abc\n", "value", 3, "column 'value'"),
        ("year,value\n2000,1\n2001,\n", "value", 3, "empty cell"),
        ("year,value\n2000,1\n20x1,2\n", "year", 3, "column 'year'"),
        ("year,value\n2000,nan\n", "value", 2, "finite"),
        ("year,value\n2000,1\n2001,2\n2000,3\n", "year", 4, "repeats row 2"),
        ("year,amount\n2000,1\n", "amount", 1, "unknown column"),
        ("year\n2000\n", "value", 1, "missing column"),
    ],
)
def test_bad_cells_name_row_and_column(text, field, row, fragment):
    """Paragraph 8: invalid input is reported with the row (header = row 1) and the column."""
    with pytest.raises(SeriesError) as err:
        parse_series(text)
    assert err.value.field == field
    assert err.value.row == row
    assert fragment in err.value.message
    assert err.value.as_dict()["row"] == row


def test_missing_years_are_listed():
    """Paragraph 8: a trend needs annual data; every missing year is named."""
    text = "year,value\n" + "".join(f"{y},1\n" for y in (2000, 2001, 2003, 2004, 2007, 2008))
    with pytest.raises(SeriesError) as err:
        parse_series(text)
    assert err.value.field == "year"
    assert "2002, 2005, 2006" in err.value.message


def test_too_short_says_the_minimum():
    """Paragraph 8: "over a sufficiently long period" — fewer than MIN_YEARS years is refused."""
    text = "year,value\n" + "".join(f"{2000 + i},{i}\n" for i in range(MIN_YEARS - 1))
    with pytest.raises(SeriesError) as err:
        parse_series(text)
    assert err.value.field == "SERIES"
    assert f"at least {MIN_YEARS}" in err.value.message


def test_empty_and_unreadable(tmp_path):
    """Paragraph 8: empty text and a missing file are errors of the file as a whole."""
    with pytest.raises(SeriesError) as err:
        parse_series("\n\n")
    assert err.value.field == "SERIES"
    with pytest.raises(SeriesError) as err:
        parse_series("year,value\n")
    assert err.value.field == "SERIES"
    with pytest.raises(SeriesError) as err:
        read_series(tmp_path / "nope.csv")
    assert err.value.field == "SERIES"
