"""The `techpolicy` command: exit codes 0 (positive), 1 (negative), 2 (invalid input, with a JSON
error naming the field on stderr); checks against act 001, the facts schema, working days; every
procedure of the law layer's catalogue declared for the command line is offered by name."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from techpolicy.cli import main, procedures
from techpolicy.law import procedure as procedure_module
from techpolicy.law.procedure import Procedure, catalogue

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "technopark"
ELIGIBLE = str(EXAMPLES / "eligible.json")
STATE_OWNED = str(EXAMPLES / "state_owned.json")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def facts_file(tmp_path: Path, change=None, text: str | None = None) -> str:
    path = tmp_path / "facts.json"
    if text is None:
        data = json.loads(Path(ELIGIBLE).read_text("utf-8"))
        if change:
            change(data)
        text = json.dumps(data, ensure_ascii=False)
    path.write_text(text, "utf-8")
    return str(path)


# --- check -------------------------------------------------------------------------------------


def test_check_eligible_exits_0_with_the_verdict(capsys):
    code, out, _ = run(capsys, "check", "technopark", ELIGIBLE, "--lang", "en")
    verdict = json.loads(out)
    assert code == 0
    assert verdict["outcome"] == "eligible" and verdict["on"] == "2026-03-17"
    assert {r["rule"] for r in verdict["rules"]} >= {"001.p7.4", "001.p9.3.debt"}
    assert any(p["name"] == "mci" and p["value"] == "4325" for p in verdict["parameters"])


def test_check_state_owned_exits_1_and_names_p7_4(capsys):
    code, out, _ = run(capsys, "check", "technopark", STATE_OWNED, "--lang", "kk")
    verdict = json.loads(out)
    assert code == 1
    failed = [r for r in verdict["rules"] if r["status"] == "failed"]
    assert [r["rule"] for r in failed] == ["001.p7.4"]
    assert "55 %" in failed[0]["reason"] and "тізбектер" in failed[0]["reason"]
    assert failed[0]["citation"]["ref"] == "001 p.7(4)"


def test_check_without_lang_gives_all_three_languages(capsys):
    _, out, _ = run(capsys, "check", "technopark", STATE_OWNED)
    rule = next(r for r in json.loads(out)["rules"] if r["rule"] == "001.p7.4")
    assert set(rule["reason"]) == {"kk", "ru", "en"}


def test_check_before_the_amendment_is_not_in_force_and_exits_1(capsys):
    code, out, _ = run(capsys, "check", "technopark", ELIGIBLE, "--on", "2020-01-01")
    assert code == 1
    assert json.loads(out)["outcome"] == "not_in_force"


def test_check_on_defaults_to_the_application_date_and_can_be_moved(capsys):
    _, out, _ = run(capsys, "check", "technopark", ELIGIBLE, "--on", "2026-05-01")
    assert json.loads(out)["on"] == "2026-05-01"


def invalid(capsys, *argv: str) -> dict:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    return json.loads(err)


def test_unreadable_file_exits_2(capsys, tmp_path):
    error = invalid(capsys, "check", "technopark", str(tmp_path / "missing.json"))
    assert error["field"] == "FACTS" and "cannot read" in error["error"]


def test_malformed_json_exits_2_with_the_position(capsys, tmp_path):
    error = invalid(capsys, "check", "technopark", facts_file(tmp_path, text='{"application_date": '))
    assert error["field"] == "FACTS"
    assert "malformed JSON" in error["error"] and "line 1" in error["error"]


def test_facts_that_are_not_an_object_exit_2(capsys, tmp_path):
    error = invalid(capsys, "check", "technopark", facts_file(tmp_path, text="[1, 2]"))
    assert error["field"] == "(root)"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        pytest.param(lambda d: d["applicant"].pop("resident"), "applicant.resident", "Field required",
                     id="missing fact"),
        pytest.param(lambda d: d["documents"]["planned_staff"].update(period_to="2026-01-01"),
                     "documents.planned_staff.period_to", "before period_from",
                     id="p9(5) period in the wrong date order"),
        pytest.param(lambda d: d["ownership"]["entities"][3].update(
            shareholders=[{"holder": "steppe-ventures", "share": "10"}]),
            "ownership.entities[3].shareholders[0].holder",
            "ownership loop: steppe-ventures → private-investors → steppe-ventures",
            id="p7(4) ownership loop"),
        pytest.param(lambda d: d["ownership"]["shareholders"].append({"holder": "founder-serikova", "share": "5"}),
                     "ownership.shareholders", "more than 100 %", id="p7(4) shares over 100%"),
        pytest.param(lambda d: d.update(application_date="17.03.2026"), "application_date", "date",
                     id="application date not ISO"),
    ],
)
def test_invalid_facts_exit_2_naming_the_field(capsys, tmp_path, change, field, message):
    error = invalid(capsys, "check", "technopark", facts_file(tmp_path, change))
    assert error["field"] == field
    assert message in error["error"]
    assert error["errors"][0]["field"] == field


def test_bad_on_date_exits_2(capsys):
    error = invalid(capsys, "check", "technopark", ELIGIBLE, "--on", "2026-02-30")
    assert error["field"] == "--on"


def test_unknown_procedure_is_a_usage_error(capsys):
    code, _, err = run(capsys, "check", "nosuch", ELIGIBLE)
    assert code == 2 and "invalid choice" in err


# --- schema --------------------------------------------------------------------------------------


def test_schema_prints_the_facts_json_schema(capsys):
    code, out, _ = run(capsys, "schema", "technopark")
    schema = json.loads(out)
    assert code == 0
    assert set(schema["required"]) == {"application_date", "applicant", "ownership", "documents"}
    assert schema["additionalProperties"] is False
    assert "Shareholding" in schema["$defs"]


def test_the_command_offers_every_procedure_of_the_catalogue_declared_for_it():
    offered = procedures()
    assert set(offered) == {name for name, p in catalogue().items() if p.cli}
    assert {"technopark", "productivity2020"} <= set(offered)
    assert offered["technopark"].facts.__name__ == "TechnoparkFacts"
    # 000 p.13(1): the list of key technologies lives in the database, so the command cannot judge it.
    assert "forecasting-priority-direction" not in offered


def test_a_procedure_declared_by_an_act_appears_without_touching_the_command(capsys, tmp_path, monkeypatch):
    borrowed = catalogue()["technopark-early-termination"]
    monkeypatch.setitem(procedure_module._CATALOGUE._items, "test-grounds",
                        Procedure("test-grounds", "test.grounds", borrowed.title, borrowed.facts, borrowed.rules))
    facts = tmp_path / "grounds.json"
    facts.write_text('{"grounds": ["39(1)"]}', "utf-8")
    code, out, _ = run(capsys, "check", "test-grounds", str(facts), "--on", "2026-06-01", "--lang", "en")
    assert code == 0 and json.loads(out)["subject"] == "test.grounds"
    code, out, _ = run(capsys, "schema", "test-grounds")
    assert code == 0 and json.loads(out)["required"] == ["grounds"]


@pytest.mark.parametrize(
    ("grounds", "exit_code"),
    [pytest.param('["39(1)"]', 0, id="001 p.41 ground 39(1) goes to the commission -> 0"),
     pytest.param('["39(3)"]', 1, id="001 p.41 ground 39(3) is not a commission ground -> 1")],
)
def test_check_a_procedure_whose_facts_carry_no_date_needs_on(capsys, tmp_path, grounds, exit_code):
    facts = tmp_path / "grounds.json"
    facts.write_text(f'{{"grounds": {grounds}}}', "utf-8")
    error = invalid(capsys, "check", "technopark-early-termination", str(facts))
    assert error["field"] == "--on" and "no date" in error["error"]
    code, out, _ = run(capsys, "check", "technopark-early-termination", str(facts), "--on", "2026-06-01")
    assert code == exit_code and json.loads(out)["rules"][0]["rule"] == "001.p41"


@pytest.mark.parametrize("name", sorted(procedures()))
def test_schema_of_every_offered_procedure(capsys, name):
    # A procedure named FAMILY.MEMBER is asked for as FAMILY MEMBER (support-measure financing).
    code, out, _ = run(capsys, "schema", *name.split(".", 1))
    assert code == 0 and json.loads(out)["type"] == "object"
    assert json.loads(out)["title"] == procedures()[name].facts.__name__


# --- workdays ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "printed"),
    [
        pytest.param(("add", "2026-12-15", "1"), "2026-12-17", id="add skips Independence Day"),
        pytest.param(("add", "2026-06-05", "3"), "2026-06-10", id="add 3 wd (p18)"),
        pytest.param(("add", "2026-06-10", "-2"), "2026-06-08", id="add a negative number"),
        pytest.param(("count", "2026-12-15", "2026-12-21"), "3", id="count (15, 21] without the 16th"),
        pytest.param(("count", "2026-12-21", "2026-12-15"), "-3", id="count in reverse order is negative"),
        pytest.param(("before", "2026-06-30", "10"), "2026-06-16", id="before: p36 last day to file"),
    ],
)
def test_workdays(capsys, argv, printed):
    code, out, _ = run(capsys, "workdays", *argv)
    assert code == 0
    assert out.strip() == printed


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        pytest.param(("add", "2026-13-01", "1"), "DATE", id="add with a bad date"),
        pytest.param(("add", "2026-06-01", "ten"), "N", id="add with a bad number"),
        pytest.param(("count", "2026-06-01", "tomorrow"), "TO", id="count with a bad date"),
        pytest.param(("before", "yesterday", "3"), "DATE", id="before with a bad date"),
    ],
)
def test_workdays_bad_input_exits_2(capsys, argv, field):
    error = invalid(capsys, "workdays", *argv)
    assert error["field"] == field


def test_help_exits_0(capsys):
    assert main(["--help"]) == 0
    assert "techpolicy" in capsys.readouterr().out


# --- the installed command -----------------------------------------------------------------------


def test_runs_as_a_program():
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    ok = subprocess.run([sys.executable, "-m", "techpolicy.cli", "check", "technopark", ELIGIBLE,
                         "--lang", "ru"], capture_output=True, text=True, env=env, check=False)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["outcome"] == "eligible"
    refused = subprocess.run([sys.executable, "-m", "techpolicy.cli", "check", "technopark", STATE_OWNED],
                             capture_output=True, text=True, env=env, check=False)
    assert refused.returncode == 1
    bad = subprocess.run([sys.executable, "-m", "techpolicy.cli", "workdays", "count", "x", "2026-01-01"],
                         capture_output=True, text=True, env=env, check=False)
    assert bad.returncode == 2 and json.loads(bad.stderr)["field"] == "FROM"

