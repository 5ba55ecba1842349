"""Act 002, section 5, direction 1 (l.968): budget funding of a science-technology park's management
company only for a park with 100 % state participation (requirement 002.s5.d1.stp.fin), as a
pre-assessment (reading R-E1). The example is examples/stp_budget_funding.json."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import polars as pl
import pytest

from techpolicy.cli import main
from techpolicy.law import columnar, rules
from techpolicy.law.acts.act002_science_territories.common import PRE_ASSESSMENT_NOTE
from techpolicy.law.acts.act002_science_territories.facts import ParkFundingFacts
from techpolicy.law.acts.act002_science_territories.park_funding import PARK_FUNDING_RULES, STP_BUDGET
from techpolicy.law.facts import InvalidFacts
from techpolicy.law.procedure import catalogue

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "stp_budget_funding.json"
BASE = json.loads(EXAMPLE.read_text("utf-8"))
PROCEDURE = catalogue()["stp-budget-funding"]


def funding(share, source="budget"):
    data = copy.deepcopy(BASE)
    data["park"]["state_share_percent"] = share
    data["source"] = source
    return data


@pytest.mark.parametrize(("share", "status"), [("100", "passed"), ("100.00", "passed"), ("99.99", "failed"),
                                               ("50", "failed"), ("0", "failed")])
def test_002_s5_d1_stp_fin_budget_funding_only_for_a_100_percent_state_park(share, status):
    verdict = PROCEDURE.evaluate(funding(share))
    (found,) = verdict.results
    assert (found.rule_id, found.status) == ("002.s5.d1.stp.fin", status)
    assert found.citation.ref == "002 s.5" and found.details["seed_lines"] == "968"
    assert PRE_ASSESSMENT_NOTE in verdict.notes  # R-E1: never a refusal in law
    if status == "failed":
        assert f"{share} %" in found.reason["en"] and "100 %" in found.reason["kk"]


@pytest.mark.parametrize("source", ["service_income", "infrastructure_rent", "borrowed_funds", "charter_capital"])
def test_002_s5_d1_stp_fin_the_other_sources_of_the_mixed_model_need_no_state_share(source):
    verdict = PROCEDURE.evaluate(funding("0", source))
    assert verdict.results[0].status == "not_applicable" and verdict.outcome == "eligible"
    assert PRE_ASSESSMENT_NOTE in verdict.notes


def test_002_s5_d1_stp_fin_a_frame_decides_as_each_case_alone():
    cases = [PROCEDURE.parse(funding(s, src)) for s in ("100", "99.9999", "0") for src in ("budget", "borrowed_funds")]
    days = [dt.date(2026, 1, 1), dt.date(2025, 12, 1)] * 3
    frame = columnar.frame_of(ParkFundingFacts, cases).with_columns(pl.Series(columnar.ON, days, dtype=pl.Date))
    decided = rules.evaluate_frame(PARK_FUNDING_RULES, ParkFundingFacts, frame)
    for row, case, day in zip(decided.iter_rows(named=True), cases, days, strict=True):
        verdict = PROCEDURE.evaluate(case, on=day)
        assert rules.STATUSES[row[STP_BUDGET.id]] == verdict.results[0].status
        assert row["outcome"] == verdict.outcome


@pytest.mark.parametrize(("change", "field"), [
    ({"park": {"name": "x", "state_share_percent": "100.5"}}, "park.state_share_percent"),
    ({"park": {"name": "x", "state_share_percent": "99.123456"}}, "park.state_share_percent"),
    ({"source": "lottery"}, "source"),
])
def test_malformed_funding_facts_name_the_field(change, field):
    with pytest.raises(InvalidFacts) as raised:
        PROCEDURE.evaluate({**BASE, **change})
    assert raised.value.errors[0]["field"] == field


def test_cli_exit_0_1_2(capsys, tmp_path):
    assert main(["check", "stp-budget-funding", str(EXAMPLE), "--lang", "en"]) == 0
    capsys.readouterr()
    path = tmp_path / "f.json"
    path.write_text(json.dumps(funding("99.99")), "utf-8")
    assert main(["check", "stp-budget-funding", str(path), "--lang", "kk"]) == 1
    assert any("алдын ала бағалау" in n for n in json.loads(capsys.readouterr().out)["notes"])
    path.write_text(json.dumps(funding("101")), "utf-8")
    assert main(["check", "stp-budget-funding", str(path)]) == 2
    assert json.loads(capsys.readouterr().err)["field"] == "park.state_share_percent"
