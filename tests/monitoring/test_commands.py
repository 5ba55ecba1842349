"""`techpolicy monitor status | obligations` (000.ttp.monitor, 000.p38.a2, 002.s7.ap): exit codes 0 answered,
1 an indicator not reached, 2 invalid input with the field named on stderr; hostile files answered with 2."""

from __future__ import annotations

import argparse
import copy
import json
from pathlib import Path

import pytest

from techpolicy.monitoring.commands import obligations_command, register, status_command

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PLAN = EXAMPLES / "monitoring-plan.json"
INDICATORS = EXAMPLES / "monitoring-indicators.json"


def run(capsys, command, *args, **kwargs):
    code = command(*args, **kwargs)
    out, err = capsys.readouterr()
    return code, out, err


def written(tmp_path, data=None, text=None, raw=None):
    path = tmp_path / "input.json"
    if raw is not None:
        path.write_bytes(raw)
    else:
        path.write_text(json.dumps(data, ensure_ascii=False) if text is None else text, "utf-8")
    return str(path)


def changed(source, change):
    data = copy.deepcopy(json.loads(source.read_text("utf-8")))
    change(data)
    return data


def invalid(capsys, command, path, year=2027, field=None):
    code, out, err = run(capsys, command, path, year, on="2027-12-31")
    assert code == 2 and out == ""
    error = json.loads(err)
    if field is not None:
        assert error["field"] == field, error
    return error


def test_000_ttp_monitor_status_of_the_example_2027_exits_1_with_the_gaps(capsys):
    code, out, _ = run(capsys, status_command, str(INDICATORS), 2027, on="2027-12-31")
    result = json.loads(out)
    assert code == 1 and result["demo"] is True
    assert result["counts"] == {"reached": 2, "not_reached": 1, "no_target": 0, "no_actual": 0}
    by_code = {r["indicator"]: r for r in result["indicators"]}
    assert (by_code["DEMO.TAX"]["outcome"], by_code["DEMO.TAX"]["gap"]) == ("not_reached", "-0.02")
    # The rank (lower is better) against the amended 2027 target 28, in force from 2027-03-01.
    rank = by_code["DEMO.RANK"]
    assert (rank["outcome"], rank["gap"], rank["target"]["act"]) == ("reached", "1", "DEMO-002")
    assert (by_code["DEMO.INV"]["value"], by_code["DEMO.INV"]["gap"]) == ("1.45", "0.05")  # cumulative


def test_000_ttp_monitor_status_exits_0_when_nothing_falls_short(capsys):
    code, out, _ = run(capsys, status_command, str(INDICATORS), 2026, on="2027-12-31")
    assert code == 0 and json.loads(out)["counts"]["reached"] == 3
    # 2028: a submitted (not approved) actual and no actuals at all are no_actual, not a failure.
    code, out, _ = run(capsys, status_command, str(INDICATORS), "2028", on="2028-12-31")
    assert code == 0 and json.loads(out)["counts"]["no_actual"] == 3


def test_002_s7_ap_obligations_of_the_example_2027(capsys):
    code, out, _ = run(capsys, obligations_command, str(PLAN), 2027, on="2028-01-15")
    result = json.loads(out)
    assert code == 0
    assert [o["key"] for o in result["obligations"]] == ["2:2027-Q1", "4:2027-06-30", "3:2027", "R1:2027"]
    assert result["overdue"] == ["4:2027-06-30", "3:2027"]
    timely = {o["key"]: o["timeliness"]["timeliness"] for o in result["obligations"]}
    assert timely == {"2:2027-Q1": "on_time", "4:2027-06-30": "overdue", "3:2027": "overdue", "R1:2027": "pending"}
    code, out, _ = run(capsys, obligations_command, str(PLAN), 2026, on="2028-01-15")
    late = {o["key"]: o["timeliness"] for o in json.loads(out)["obligations"]}
    assert (late["R1:2026"]["timeliness"], late["R1:2026"]["days_late"]) == ("late", 2)
    assert late["1:2026-03"]["timeliness"] == "on_time"


@pytest.mark.parametrize("year", ["abc", "1899", "2101", "", "1e3"])
def test_000_ttp_monitor_invalid_year_exits_2_naming_year(capsys, year):
    invalid(capsys, status_command, str(INDICATORS), year, field="--year")
    invalid(capsys, obligations_command, str(PLAN), year, field="--year")


def test_000_ttp_monitor_invalid_date_exits_2_naming_on(capsys):
    code, _, err = run(capsys, status_command, str(INDICATORS), 2027, on="31.12.2027")
    assert code == 2 and json.loads(err)["field"] == "--on"


@pytest.mark.parametrize("text", [
    "[" * 200_000 + "]" * 200_000,  # nested too deep
    "{" + '"a":' * 1,  # truncated
    '{"indicators": [], "actuals": [], "x": 1' + "9" * 5000 + "}",  # an integer too long
    "[1, 2, 3]",  # not an object
    '"just a string"',
])
def test_000_ttp_monitor_hostile_json_exits_2(capsys, tmp_path, text):
    path = written(tmp_path, text=text)
    invalid(capsys, status_command, path)
    invalid(capsys, obligations_command, path)


def test_000_ttp_monitor_file_too_large_missing_or_not_utf8_exits_2(capsys, tmp_path, monkeypatch):
    import techpolicy.cli

    monkeypatch.setattr(techpolicy.cli, "MAX_INPUT_BYTES", 1000)
    error = invalid(capsys, status_command, str(INDICATORS), field="INDICATORS")
    assert "larger than 1000 bytes" in error["error"]
    monkeypatch.undo()
    invalid(capsys, obligations_command, str(tmp_path / "missing.json"), field="PLAN")
    invalid(capsys, obligations_command, written(tmp_path, raw=b'{"items": ["\xff\xfe"]}'), field="PLAN")


@pytest.mark.parametrize(("change", "field"), [
    (lambda d: d["actuals"][0].update(indicator="NOPE"), "actuals[0].indicator"),
    (lambda d: d["actuals"].append(dict(d["actuals"][0])), "actuals[7].year"),
    (lambda d: d["actuals"][0].update(year=2025), "actuals[0].year"),
    (lambda d: d["actuals"][0].update(value="1e400"), "actuals[0].value"),
    (lambda d: d["actuals"][0].update(value=[1]), "actuals[0].value"),
    (lambda d: d["actuals"][0].update(state="final"), "actuals[0].state"),
    (lambda d: d["actuals"][0]["provenance"].update(kind="guessed"), "actuals[0].provenance"),
    (lambda d: d["indicators"][0].update(direction="sideways"), "indicators[0].direction"),
    (lambda d: d["indicators"][0]["name"].update(kk="x" * 10_000_000), "indicators[0].name.kk"),
    (lambda d: d["indicators"][0]["name"].update(kk="нөл\x00байт"), "indicators[0].name.kk"),
    (lambda d: d["indicators"].append(dict(d["indicators"][0])), "indicators[3].code"),
    (lambda d: d.update(indicators="all"), "indicators"),
    (lambda d: d.update(actuals=[d["actuals"][0]] * 100_001), "actuals"),
    (lambda d: d.update(surprise=True), "surprise"),
])
def test_000_ttp_monitor_invalid_indicators_exit_2_naming_the_field(capsys, tmp_path, change, field):
    invalid(capsys, status_command, written(tmp_path, changed(INDICATORS, change)), field=field)


@pytest.mark.parametrize(("change", "field"), [
    (lambda d: d["items"].append(dict(d["items"][0])), "items[5].number"),
    (lambda d: d["submissions"][0].update(key="99:2026"), "submissions[0].key"),
    (lambda d: d["submissions"][0].update(submitted="yesterday"), "submissions[0].submitted"),
    (lambda d: d["items"][2]["deadline"].update(to_year=2026), "items[2].deadline.yearly"),
    (lambda d: d["items"][2]["deadline"].update(to_year=10**9), "items[2].deadline.yearly.to_year"),
    (lambda d: d["items"][0].update(executors=[]), "items[0].executors"),
    (lambda d: d["items"][0]["funding"].update(volume="a lot"), "items[0].funding.volume"),
    (lambda d: d.update(items=[d["items"][0]] * 1001), "items"),
    (lambda d: d.pop("items"), "items"),
])
def test_002_s7_ap_invalid_plan_exits_2_naming_the_field(capsys, tmp_path, change, field):
    invalid(capsys, obligations_command, written(tmp_path, changed(PLAN, change)), field=field)


def test_000_ttp_monitor_register_adds_monitor_status_and_obligations(capsys):
    """The group wires into an argparse parser as the commands of techpolicy.cli do (`handler`)."""
    parser = argparse.ArgumentParser(prog="techpolicy")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["monitor", "status", str(INDICATORS), "--year", "2027", "--on", "2027-12-31"])
    assert args.handler(args) == 1
    assert json.loads(capsys.readouterr().out)["year"] == 2027
    args = parser.parse_args(["monitor", "obligations", str(PLAN), "--year", "2027", "--on", "2028-01-15"])
    assert args.handler(args) == 0
    assert json.loads(capsys.readouterr().out)["count"] == 4
    with pytest.raises(SystemExit):
        parser.parse_args(["monitor", "status", str(INDICATORS)])  # --year is required
