"""Issue 8, finding 9: no series and no horizon may make the forecasting methods of seed 000, paragraph 8
run for minutes. Years lie in 1900..2100 (`forecasting.limits`), a forecast reaches at most 100 years
past the last observation, and every entry point refuses anything else at once, naming the row, the
column or the field: the CSV/XLSX importer, the trend, cycle and batch functions, and the CLI."""

from __future__ import annotations

import io
import json

import numpy as np
import openpyxl
import pytest

from techpolicy.cli import main
from techpolicy.forecasting import cycles, limits, series, trends, trends_batch

YEARS = np.arange(2000, 2012)
VALUES = 5.0 + 1.5 * (YEARS - 2000)


def csv_text(rows) -> str:
    return "year,value\n" + "".join(f"{y},{v}\n" for y, v in rows)


def xlsx_bytes(rows) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["year", "value"])
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- the importer ---------------------------------------------------------------------------------


@pytest.mark.parametrize("year", [-20000, 999999999, 1899, 2101])
def test_finding9_csv_import_refuses_a_year_outside_1900_2100_naming_the_row(year):
    rows = [(y, 1.0) for y in range(2000, 2008)]
    rows.insert(3, (year, 2.0))
    with pytest.raises(series.SeriesError) as refused:
        series.parse_series(csv_text(rows))
    assert (refused.value.field, refused.value.row, refused.value.code) == ("year", 5, "year_range")
    assert f"row 5, column 'year': {year} is outside 1900-2100" in refused.value.message


@pytest.mark.parametrize("year", [-20000, 999999999, 1e300])
def test_finding9_xlsx_import_refuses_a_year_outside_1900_2100_naming_the_row(year):
    data = xlsx_bytes([(2000, 1.0), (2001, 2.0), (year, 3.0)])
    with pytest.raises(series.SeriesError) as refused:
        series.parse_series_upload(data, "s.xlsx")
    assert (refused.value.field, refused.value.row) == ("year", 4)
    assert "outside 1900-2100" in refused.value.message


def test_finding9_a_4000_digit_year_is_refused_with_a_short_message():
    with pytest.raises(series.SeriesError) as refused:
        series.parse_series(csv_text([("9" * 4000, 1.0)]))
    assert refused.value.row == 2 and len(refused.value.message) < 200


def test_finding9_the_bounds_themselves_are_accepted():
    early = series.parse_series(csv_text((y, 1.0 + y % 7) for y in range(1900, 1910)))
    late = series.parse_series(csv_text((y, 1.0 + y % 7) for y in range(2095, 2101)))
    assert (early.first_year, late.last_year) == (limits.MIN_YEAR, limits.MAX_YEAR)


def test_finding9_a_million_rows_are_refused_at_the_row_limit():
    text = "year,value\n" + "2000,1\n" * 1_000_000
    with pytest.raises(series.SeriesError) as refused:
        series.parse_series(text)
    assert (refused.value.field, refused.value.row) == ("SERIES", series.MAX_ROWS + 1)
    assert f"at most {series.MAX_ROWS} rows" in refused.value.message


def test_finding9_identical_years_are_refused_naming_the_row():
    with pytest.raises(series.SeriesError) as refused:
        series.parse_series(csv_text([(2000, 1.0)] * 8))
    assert (refused.value.field, refused.value.row) == ("year", 3)


# --- the pure methods, called directly with a pathological series -----------------------------------

PATHOLOGICAL = [
    pytest.param([-20000, *range(2001, 2012)], VALUES, "year", "year_range", id="year -20000"),
    pytest.param([*range(2000, 2011), 999999999], VALUES, "year", "year_range", id="year 999999999"),
    pytest.param(np.arange(10**6) + 1900.0, np.ones(10**6), "SERIES", "too_many", id="a million points"),
    pytest.param([2000] * 12, VALUES, "year", "year_order", id="identical years"),
    pytest.param(YEARS[::-1], VALUES, "year", "year_order", id="decreasing years"),
    pytest.param([*YEARS[:-1], np.nan], VALUES, "year", "year_not_finite", id="NaN year"),
    pytest.param(YEARS, [*VALUES[:-1], np.nan], "value", "value_not_finite", id="NaN value"),
    pytest.param(YEARS, [*VALUES[:-1], np.inf], "value", "value_not_finite", id="infinite value"),
    pytest.param(YEARS, VALUES[:-1], "value", "lengths", id="fewer values"),
    pytest.param(YEARS, ["a"] * 12, "value", "not_numbers", id="text values"),
]

METHODS = [
    pytest.param(lambda t, y: trends.fit_trend(t, y, "linear"), id="fit_trend"),
    pytest.param(trends.fit_trends, id="fit_trends"),
    pytest.param(cycles.cycle_test, id="cycle_test"),
    pytest.param(cycles.life_cycle, id="life_cycle"),
]


@pytest.mark.parametrize(("years", "values", "field", "code"), PATHOLOGICAL)
@pytest.mark.parametrize("method", METHODS)
def test_finding9_methods_refuse_a_pathological_series_at_once(method, years, values, field, code):
    with pytest.raises(limits.LimitError) as refused:
        method(years, values)
    assert (refused.value.field, refused.value.code) == (field, code)


@pytest.mark.parametrize(("years", "code"), [
    ([-20000, *range(2001, 2012)], "year_range"),
    ([2000] * 12, "year_order"),
    (np.arange(300) + 1900.0, "too_many"),
])
def test_finding9_the_batch_fitter_refuses_the_same_years(years, code):
    values = np.ones((3, len(years)))
    with pytest.raises(limits.LimitError) as refused:
        trends_batch.fit_trends_batch(years, values)
    assert refused.value.code == code
    per_series = np.vstack([YEARS, YEARS, years]) if len(years) == len(YEARS) else None
    if per_series is not None:  # the second form: years per series; the error names the series
        with pytest.raises(limits.LimitError) as refused:
            trends_batch.fit_trends_batch(per_series, values)
        assert refused.value.params["series"] == 2


def test_finding9_a_constant_series_is_fitted_without_trouble():
    """A constant series is a valid (if dull) input: the linear trend is flat, the forecast constant,
    and the cycle test says there is no cycle to test."""
    selection = trends.fit_trends(YEARS, np.full(len(YEARS), 7.0))
    result = trends.forecast(selection.chosen, 2020)
    assert all(p.value == pytest.approx(7.0) for p in result.points)
    with pytest.raises(ValueError, match="constant"):
        cycles.cycle_test(YEARS, np.full(len(YEARS), 7.0))


# --- the horizon ------------------------------------------------------------------------------------


@pytest.mark.parametrize("horizon", [3000, 10**7, 2011, 2112, 2101])
def test_finding9_forecast_horizon_is_bounded(horizon):
    fit = trends.fit_trend(YEARS, VALUES, "linear")
    with pytest.raises(limits.LimitError) as refused:
        trends.forecast(fit, horizon)
    assert refused.value.field == "horizon" and "horizon" in str(refused.value)


def test_finding9_forecast_may_reach_100_years_ahead_and_2100():
    early = trends.fit_trend(YEARS - 60, VALUES, "linear")  # observed 1940-1951
    assert len(trends.forecast(early, 1951 + limits.MAX_HORIZON_YEARS).points) == limits.MAX_HORIZON_YEARS
    with pytest.raises(limits.LimitError):
        trends.forecast(early, 1952 + limits.MAX_HORIZON_YEARS)
    late = trends.fit_trend(YEARS, VALUES, "linear")
    assert trends.forecast(late, limits.MAX_YEAR).points[-1].year == limits.MAX_YEAR


@pytest.mark.parametrize("horizon", [2040.5, float("nan"), float("inf"), "soon", None])
def test_finding9_a_horizon_that_is_not_a_year_is_refused(horizon):
    with pytest.raises(limits.LimitError) as refused:
        limits.check_horizon(horizon, 2011)
    assert refused.value.code == "horizon_not_year"


# --- the CLI ----------------------------------------------------------------------------------------


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("horizon", ["3000", "999999999", "2112"])
def test_finding9_cli_refuses_a_far_horizon(capsys, tmp_path, horizon):
    path = tmp_path / "s.csv"
    path.write_text(csv_text(zip(YEARS, VALUES, strict=True)), "utf-8")
    code, out, err = run(capsys, "forecast", "trend", str(path), "--horizon", horizon)
    assert code == 2 and out == ""
    assert json.loads(err)["field"] == "--horizon"


@pytest.mark.parametrize("method", ["trend", "cycles"])
def test_finding9_cli_refuses_a_year_outside_the_bounds_naming_the_row(capsys, tmp_path, method):
    path = tmp_path / "s.csv"
    path.write_text(csv_text([(2000, 1), (2001, 2), (-20000, 3)]), "utf-8")
    code, _out, err = run(capsys, "forecast", method, str(path))
    error = json.loads(err)
    assert code == 2 and (error["field"], error["row"]) == ("year", 4)


def test_finding9_cli_default_horizon_of_a_series_ending_in_2100_is_refused(capsys, tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(csv_text((y, 1.0 + y % 5) for y in range(2090, 2101)), "utf-8")
    code, _out, err = run(capsys, "forecast", "trend", str(path))
    assert code == 2 and json.loads(err)["field"] == "--horizon"
