"""`techpolicy reimburse INSTRUMENT FACTS.json` and `check` / `schema productivity2020`: exit codes
0 (eligible, with an amount), 1 (refused, not eligible, not available, not set), 2 (invalid input
naming the field, on stderr as JSON)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from techpolicy.cli import main, procedures

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "productivity2020"


def path(name: str) -> str:
    return str(EXAMPLES / f"{name}.json")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def facts_file(tmp_path: Path, name: str, change) -> str:
    data = json.loads((EXAMPLES / f"{name}.json").read_text("utf-8"))
    change(data)
    target = tmp_path / "facts.json"
    target.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return str(target)


GRANTED = [
    pytest.param("3a", "3a_training", "1740000.00", id="3a training example -> 1 740 000"),
    pytest.param("3b", "3b_experts", "3200000.00", id="3b 2.5 months of an expert -> 2 months"),
    pytest.param("2a", "2a_cpip", "1800000.00", id="2a CPIP 3.6 m -> 1.8 m"),
    pytest.param("2b", "2b_feasibility", "15000000.00", id="2b capped at 15 m"),
    pytest.param("4a", "4a_diagnostics", "8000000.00", id="4a SME capped at 8 m"),
    pytest.param("5b", "5b_efficiency", "5000000.00", id="5b, a cost from another budget programme excluded"),
    pytest.param("7", "7_cluster_strategy", "15000000.00", id="7 capped at 15 m per cluster"),
]


@pytest.mark.parametrize(("instrument", "name", "amount"), GRANTED)
def test_reimburse_exits_0_with_the_amount_and_every_line(capsys, instrument, name, amount):
    code, out, _ = run(capsys, "reimburse", instrument, path(name), "--lang", "en")
    result = json.loads(out)
    assert code == 0
    assert result["outcome"] == "granted" and result["amount"] == amount
    assert result["eligibility"]["outcome"] == "eligible"
    kinds = {line["kind"] for line in result["reimbursement"]["lines"]}
    assert {"cost", "share", "cap"} <= kinds
    assert all(isinstance(line["reason"], str) and line["reason"] for line in result["reimbursement"]["lines"])


def test_reimburse_shows_exclusions_in_the_chosen_language(capsys):
    _, out, _ = run(capsys, "reimburse", "3a", path("3a_training"), "--lang", "kk")
    lines = json.loads(out)["reimbursement"]["lines"]
    exclusions = {line["rule"]: line for line in lines if line["kind"] == "exclusion"}
    assert set(exclusions) == {"accommodation_limit", "kind.per_diem"}
    assert "Тәуліктік шығындар өтелмейді" in exclusions["kind.per_diem"]["reason"]
    assert exclusions["accommodation_limit"]["before"] == "350000.00"


NEGATIVE = [
    pytest.param("8", "8_cluster_implementation", [], "not_set", "share and cap of instrument 8 are not set",
                 id="8: share and cap not set by the seed"),
    pytest.param("6", "6_promotion", [], "not_available", "rules not in the seed", id="6: rules not in the seed"),
    pytest.param("1", "1_leasing", [], "not_reimbursement", "not a reimbursement", id="1: leasing, no amount"),
    pytest.param("4a", "4a_diagnostics", ["--on", "2016-07-03"], "not_eligible", None,
                 id="decided as of the earliest repeal day -> refused"),
]


@pytest.mark.parametrize(("instrument", "name", "extra", "outcome", "reason"), NEGATIVE)
def test_reimburse_exits_1_when_nothing_is_granted(capsys, instrument, name, extra, outcome, reason):
    code, out, _ = run(capsys, "reimburse", instrument, path(name), "--lang", "en", *extra)
    result = json.loads(out)
    assert code == 1
    assert result["outcome"] == outcome and result["amount"] == "0.00" and not result["granted"]
    if reason:
        assert reason in result["reimbursement"]["reasons"][0]


def test_reimburse_refuses_an_application_after_the_repeal(capsys, tmp_path):
    late = facts_file(tmp_path, "3a_training", lambda d: d.update(application_date="2016-07-04"))
    code, out, _ = run(capsys, "reimburse", "3a", late, "--lang", "en")
    result = json.loads(out)
    assert code == 1 and result["outcome"] == "not_eligible" and result["reimbursement"] is None
    failed = [r for r in result["eligibility"]["rules"] if r["status"] == "failed"]
    assert [r["rule"] for r in failed] == ["004.validity.end"]
    assert "Resolution No. 370" in failed[0]["reason"]


def invalid(capsys, *argv: str) -> dict:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    return json.loads(err)


def test_an_instrument_argument_disagreeing_with_the_facts_is_invalid_input(capsys):
    error = invalid(capsys, "reimburse", "3b", path("3a_training"))
    assert error["field"] == "INSTRUMENT" and "'3b'" in error["error"] and "'3a'" in error["error"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        pytest.param(lambda d: d["applicant"].pop("activity_since"), "applicant.activity_since",
                     id="3a without the start of activity"),
        pytest.param(lambda d: d["costs"][0].update(employees=[]), "costs[0].employees",
                     id="a training fee without employees"),
        pytest.param(lambda d: d["costs"][3].pop("stay_from"), "costs[3].stay_from", id="a stay without check-in"),
        pytest.param(lambda d: d["costs"][0].update(amount_kzt="a lot"), "costs[0].amount_kzt",
                     id="amount not a number"),
    ],
)
def test_invalid_facts_exit_2_naming_the_field(capsys, tmp_path, change, field):
    error = invalid(capsys, "reimburse", "3a", facts_file(tmp_path, "3a_training", change))
    assert error["field"] == field


def test_unknown_instrument_and_bad_date_are_invalid(capsys):
    code, _, err = run(capsys, "reimburse", "9", path("3a_training"))
    assert code == 2 and "invalid choice" in err
    assert invalid(capsys, "reimburse", "3a", path("3a_training"), "--on", "2015-02-30")["field"] == "--on"


def test_check_and_schema_know_the_programme(capsys):
    assert procedures()["productivity2020"].facts.__name__ == "ProductivityFacts"
    code, out, _ = run(capsys, "check", "productivity2020", path("1_leasing"), "--lang", "ru")
    assert code == 0 and json.loads(out)["outcome"] == "eligible"
    code, out, _ = run(capsys, "check", "productivity2020", path("6_promotion"))
    assert code == 1 and json.loads(out)["outcome"] == "not_eligible"
    assert invalid(capsys, "check", "productivity2020", path("3a_training"), "--on", "x")["field"] == "--on"
    code, out, _ = run(capsys, "schema", "productivity2020")
    schema = json.loads(out)
    assert code == 0 and schema["additionalProperties"] is False
    assert set(schema["required"]) == {"application_date", "instrument", "applicant"}
    assert "CostLine" in schema["$defs"] and "Executor" in schema["$defs"]
