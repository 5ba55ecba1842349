"""000.ttp.monitor: the `monitor` group runs under `techpolicy.cli.main` once registered in its
`COMMANDS`, and every state the core can report has a translatable label."""

from __future__ import annotations

import json
from pathlib import Path
from typing import get_args

import techpolicy.cli as cli
from techpolicy.monitoring import indicators, obligations
from techpolicy.monitoring.commands import register

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_000_ttp_monitor_runs_under_techpolicy_main(capsys, monkeypatch):
    if register not in cli.COMMANDS:  # until techpolicy.cli lists it
        monkeypatch.setattr(cli, "COMMANDS", [*cli.COMMANDS, register])
    plan = str(EXAMPLES / "monitoring-plan.json")
    assert cli.main(["monitor", "obligations", plan, "--year", "2035", "--on", "2026-01-01"]) == 0
    assert [o["key"] for o in json.loads(capsys.readouterr().out)["obligations"]] == ["3:2035", "R1:2035"]
    status = str(EXAMPLES / "monitoring-indicators.json")
    assert cli.main(["monitor", "status", status, "--year", "2027", "--on", "2027-12-31"]) == 1
    capsys.readouterr()
    assert cli.main(["monitor", "status", status, "--year", "next"]) == 2
    assert json.loads(capsys.readouterr().err)["field"] == "--year"
    assert cli.main(["monitor", "status"]) == 2  # argparse: INDICATORS and --year missing


def test_000_ttp_monitor_every_outcome_state_and_timeliness_has_a_label():
    assert set(indicators.OUTCOME_LABELS) == set(get_args(indicators.Outcome))
    assert set(indicators.STATE_LABELS) == set(get_args(indicators.State))
    assert set(obligations.TIMELINESS_LABELS) == set(get_args(obligations.Punctuality))
