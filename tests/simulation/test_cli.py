"""`techpolicy generate` and `techpolicy simulate`: exit codes and bad input."""

import json

import polars as pl
import pytest

from techpolicy.cli import main
from techpolicy.simulation.population import write_population

CAP = "p2020.i3a.cap_per_employee_kzt"


@pytest.fixture
def csv_population(tmp_path, hand_made):
    path = tmp_path / "apps.csv"
    write_population(hand_made, path)
    return path


def _error(capsys) -> dict:
    return json.loads(capsys.readouterr().err.strip().splitlines()[-1])


def test_generate_then_simulate(tmp_path, capsys):
    out = tmp_path / "apps.parquet"
    assert main(["generate", "productivity2020", "300", str(out), "--seed", "4"]) == 0
    assert pl.read_parquet(out).height == 300
    capsys.readouterr()
    assert main(["simulate", "productivity2020", str(out), "--set", f"{CAP}=3000000"]) == 0
    assert "all" in capsys.readouterr().out


def test_simulate_table_json_and_out(csv_population, tmp_path, capsys):
    assert main(["simulate", "productivity2020", str(csv_population), "--set", f"{CAP}=3000000"]) == 0
    table = capsys.readouterr().out
    assert "Reform: p2020.i3a.cap_per_employee_kzt=3000000" in table and "+1 000 000.00" in table
    out = tmp_path / "results.csv"
    assert main(["simulate", "productivity2020", str(csv_population), "--set", f"{CAP}=3000000", "--json",
                 "--out", str(out)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["reform"] == {CAP: "3000000"}
    three_a = next(s for s in data["instruments"] if s["instrument"] == "3a")
    assert (three_a["total_baseline"], three_a["total_reform"]) == ("6000000.00", "7800000.00")
    results = pl.read_csv(out)
    assert results.columns[:4] == ["application_id", "applicant_id", "instrument", "application_date"]
    assert results.height == 4


def test_unknown_parameter(csv_population, capsys):
    assert main(["simulate", "productivity2020", str(csv_population), "--set", "p2020.nope=1"]) == 2
    error = _error(capsys)
    assert error["parameter"] == "p2020.nope" and "p2020.nope" in error["error"]


@pytest.mark.parametrize("item", [f"{CAP}=lots", f"{CAP}=", "no-equals-sign"])
def test_malformed_set(csv_population, capsys, item):
    assert main(["simulate", "productivity2020", str(csv_population), "--set", item]) == 2
    assert _error(capsys)["field"] == "--set"


def test_unreadable_file(tmp_path, capsys):
    assert main(["simulate", "productivity2020", str(tmp_path / "missing.csv")]) == 2
    assert "missing.csv" in _error(capsys)["error"]
    other = tmp_path / "apps.json"
    other.write_text("{}")
    assert main(["simulate", "productivity2020", str(other)]) == 2
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"not parquet")
    assert main(["simulate", "productivity2020", str(broken)]) == 2


def test_missing_column(tmp_path, hand_made, capsys):
    path = tmp_path / "apps.csv"
    hand_made.drop("activity_since").write_csv(path)
    assert main(["simulate", "productivity2020", str(path)]) == 2
    error = _error(capsys)
    assert error["field"] == "activity_since" and "activity_since" in error["error"]


def test_instrument_column_missing(tmp_path, hand_made, capsys):
    path = tmp_path / "apps.csv"
    hand_made.drop("persons").write_csv(path)
    assert main(["simulate", "productivity2020", str(path)]) == 2
    assert _error(capsys)["field"] == "persons"


def test_ragged_csv(csv_population, capsys):
    lines = csv_population.read_text().splitlines()
    lines[2] = lines[2] + ",extra"
    csv_population.write_text("\n".join(lines) + "\n")
    assert main(["simulate", "productivity2020", str(csv_population)]) == 2
    assert "line 3" in _error(capsys)["error"]
    lines[2] = "A9,2015-01-01"
    csv_population.write_text("\n".join(lines) + "\n")
    assert main(["simulate", "productivity2020", str(csv_population)]) == 2
    assert "ragged" in _error(capsys)["error"]


def test_malformed_values_name_the_column(tmp_path, hand_made, capsys):
    path = tmp_path / "apps.csv"
    hand_made.with_columns(pl.col("application_date").cast(pl.String).str.replace("2015-09-01", "2015-13-01")) \
        .write_csv(path)
    assert main(["simulate", "productivity2020", str(path)]) == 2
    assert _error(capsys)["field"] == "application_date"
    hand_made.with_columns(pl.col("cost_kzt").cast(pl.String).fill_null("1.234")).write_csv(path)
    assert main(["simulate", "productivity2020", str(path)]) == 2
    assert _error(capsys)["field"] == "cost_kzt"
    hand_made.with_columns(pl.lit("9z").alias("instrument")).write_csv(path)
    assert main(["simulate", "productivity2020", str(path)]) == 2
    assert _error(capsys)["field"] == "instrument"


def test_bad_options(csv_population, tmp_path, capsys):
    assert main(["simulate", "productivity2020", str(csv_population), "--on", "2015-02-30"]) == 2
    assert _error(capsys)["field"] == "--on"
    assert main(["simulate", "productivity2020", str(csv_population), "--out", str(tmp_path / "r.txt")]) == 2
    assert _error(capsys)["field"] == "--out"
    assert main(["generate", "productivity2020", "ten", str(tmp_path / "a.csv")]) == 2
    assert main(["generate", "productivity2020", "10", str(tmp_path / "a.xlsx")]) == 2
    assert main(["simulate", "other", str(csv_population)]) == 2
