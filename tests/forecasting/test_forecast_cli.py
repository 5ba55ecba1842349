"""`techpolicy forecast trend|cycles` (seed 000, paragraph 8, methods 1 and 3): JSON on stdout and exit 0;
invalid input exits 2 with a JSON error on stderr naming the field (column) and the row."""

from __future__ import annotations

import json

import numpy as np
import pytest
from scipy import special

from techpolicy.cli import main
from techpolicy.forecasting.commands import FORECAST_COMMANDS


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def csv_file(tmp_path, text: str) -> str:
    path = tmp_path / "series.csv"
    path.write_text(text, "utf-8")
    return str(path)


@pytest.fixture
def logistic_csv(tmp_path):
    rng = np.random.default_rng(0)
    years = np.arange(2000, 2031)
    values = 100 * special.expit(0.4 * (years - 2015)) + rng.normal(0, 1, len(years))
    return csv_file(tmp_path, "year,value\n" + "".join(f"{y},{v:.4f}\n" for y, v in zip(years, values, strict=True)))


def test_group_registry():
    """Paragraph 8: the forecast group is one registry; a new method is one more entry."""
    assert {"trend", "cycles"} <= set(FORECAST_COMMANDS)


def test_trend_prints_selection_and_forecast(capsys, logistic_csv):
    """Paragraph 8(1): the logistic trend is chosen and forecast to the horizon at the level asked."""
    code, out, _ = run(capsys, "forecast", "trend", logistic_csv, "--horizon", "2035", "--level", "0.9")
    assert code == 0
    data = json.loads(out)
    assert data["selection"]["chosen"] == "logistic"
    assert len(data["selection"]["candidates"]) == 3
    assert data["forecast"]["level"] == 0.9
    assert [p["year"] for p in data["forecast"]["points"]] == list(range(2031, 2036))


def test_trend_default_horizon(capsys, logistic_csv):
    """Paragraph 8(1): without --horizon the forecast runs five years past the last observation."""
    code, out, _ = run(capsys, "forecast", "trend", logistic_csv)
    assert code == 0
    assert json.loads(out)["forecast"]["points"][-1]["year"] == 2035


def test_cycles_prints_test_and_life_cycle(capsys, logistic_csv):
    """Paragraph 8(3): the cycle test and the life-cycle phase are printed together."""
    code, out, _ = run(capsys, "forecast", "cycles", logistic_csv)
    assert code == 0
    data = json.loads(out)
    assert data["life_cycle"]["phase"] == "saturation"
    assert 0 <= data["cycle"]["p_value"] <= 1


@pytest.mark.parametrize(
    ("text", "field", "row"),
    [
        ("year,value\n2000,1\n2001,2,3\n", "row", 3),
        ("year,value\n2000,1\n2001,lots\n", "value", 3),
        ("year,value\n2000,1\n2001,2\n2004,3\n2005,4\n2006,5\n2007,6\n", "year", None),
        ("year,value\n2000,1\n2001,2\n2002,3\n", "SERIES", None),
    ],
)
@pytest.mark.parametrize("method", ["trend", "cycles"])
def test_bad_series_exits_2_naming_row_and_column(capsys, tmp_path, method, text, field, row):
    """Paragraph 8: ragged rows, text in values, missing years and too-short series exit 2."""
    code, out, err = run(capsys, "forecast", method, csv_file(tmp_path, text))
    assert code == 2 and out == ""
    error = json.loads(err)
    assert error["field"] == field and error["row"] == row
    if row is not None:
        assert f"row {row}" in error["error"]


@pytest.mark.parametrize(
    ("args", "field"),
    [(("--horizon", "2020"), "--horizon"), (("--horizon", "soon"), "--horizon"), (("--level", "1.5"), "--level")],
)
def test_bad_options_exit_2(capsys, logistic_csv, args, field):
    """Paragraph 8(1): a horizon before the data or a level outside (0, 1) is invalid input."""
    code, _, err = run(capsys, "forecast", "trend", logistic_csv, *args)
    assert code == 2
    assert json.loads(err)["field"] == field


def test_missing_file_exits_2(capsys, tmp_path):
    """Paragraph 8: an unreadable file names SERIES."""
    code, _, err = run(capsys, "forecast", "trend", str(tmp_path / "none.csv"))
    assert code == 2 and json.loads(err)["field"] == "SERIES"
