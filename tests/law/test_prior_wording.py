"""X.000.inforce: paragraphs in a new wording whose earlier wording the source does not hold.

Paragraphs 19 and 27 of act 000 are in the wording of Order No. 198 of 20.04.2026, in force ten
calendar days after its first official publication (not dated in the seed: not before
2026-04-30). On an earlier date the verdict is "undetermined" with a note in kk/ru/en, never a
silent pass and never "not in force"; a refusal under a paragraph whose wording is known stands."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from pydantic import BaseModel

from techpolicy.law.citation import Citation
from techpolicy.law.parameters import Parameters, ParameterValue
from techpolicy.law.procedure import catalogue
from techpolicy.law.rules import InForce, Rule, evaluate

D = dt.date
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CENTRE = catalogue()["competence-centre"]
PLATFORM = catalogue()["platform-coordinator"]


def example(name):
    return json.loads((EXAMPLES / name).read_text("utf-8"))


def status(verdict, rule_id):
    return next(r.status for r in verdict.results if r.rule_id == rule_id)


@pytest.mark.parametrize(
    ("procedure", "file", "rule_id", "paragraph_kk"),
    [
        pytest.param(CENTRE, "competence_centre.json", "000.p19", "19-тармақ", id="X.000.inforce 000.p19"),
        pytest.param(PLATFORM, "platform_coordinator.json", "000.p27", "27-тармақ", id="X.000.inforce 000.p27"),
    ],
)
def test_order_198_paragraph_the_day_before_its_earliest_effect_is_undetermined(
    procedure, file, rule_id, paragraph_kk
):
    verdict = procedure.evaluate(example(file), on=D(2026, 4, 29))
    assert verdict.outcome == "undetermined" and verdict.eligible is False
    assert status(verdict, rule_id) == "wording_not_in_source"
    result = next(r for r in verdict.results if r.rule_id == rule_id)
    assert result.passed is False and result.details["wording_from"] == D(2026, 4, 30)
    note = next(n for n in verdict.notes if "2026-04-29" in n["en"])
    assert paragraph_kk in note["kk"] and "Бастапқы құжатта" in note["kk"] and "2026-04-30" in note["kk"]
    assert "в исходном документе отсутствует" in note["ru"]
    assert "is not in the source document" in note["en"]


@pytest.mark.parametrize(
    ("procedure", "file", "rule_id"),
    [
        pytest.param(CENTRE, "competence_centre.json", "000.p19", id="X.000.inforce 000.p19 decides"),
        pytest.param(PLATFORM, "platform_coordinator.json", "000.p27", id="X.000.inforce 000.p27 decides"),
    ],
)
def test_order_198_paragraph_on_its_earliest_effect_decides(procedure, file, rule_id):
    verdict = procedure.evaluate(example(file), on=D(2026, 4, 30))
    assert verdict.outcome == "eligible" and status(verdict, rule_id) == "passed"
    # Until an administrator enters the publication date, the verdict says the earliest date was used.
    assert any("tp.order198_published_on" in n["en"] for n in verdict.notes)


def test_a_refusal_under_a_known_wording_stands_before_order_198():
    data = example("competence_centre.json")
    data["organisation"]["kind"] = "natural_person"
    verdict = CENTRE.evaluate(data, on=D(2026, 4, 29))
    assert verdict.outcome == "not_eligible" and [r.rule_id for r in verdict.failed] == ["000.p18"]
    assert status(verdict, "000.p19") == "wording_not_in_source"


def test_without_a_proposal_the_earlier_paragraph_19_is_still_unknown():
    # What the earlier wording of p.19 asked (of a proposal or of the initiator) is not in the
    # source, so even an initiator's own check on that date cannot pass; p.17 is decided all the same.
    data = example("competence_centre.json") | {"proposal": None}
    verdict = CENTRE.evaluate(data, on=D(2026, 4, 29))
    assert verdict.outcome == "undetermined" and status(verdict, "000.p19") == "wording_not_in_source"
    assert status(verdict, "000.p17.1") == "passed"


def test_before_the_methodology_itself_took_effect_nothing_is_in_force():
    verdict = PLATFORM.evaluate(example("platform_coordinator.json"), on=D(2022, 5, 5))
    assert verdict.outcome == "not_in_force"
    assert {r.status for r in verdict.results} == {"not_in_force"}


def test_an_entered_publication_date_moves_the_start_and_drops_the_note():
    entry = ParameterValue("tp.order198_published_on", D(2026, 4, 20), D(2026, 5, 4), Citation("000", "19"),
                           source="operator entry", set_by="operator")
    parameters = Parameters.from_source().with_values([entry])
    before = CENTRE.evaluate(example("competence_centre.json"), on=D(2026, 5, 13), parameters=parameters)
    assert before.outcome == "undetermined" and any("2026-05-14" in n["en"] for n in before.notes)
    after = CENTRE.evaluate(example("competence_centre.json"), on=D(2026, 5, 14), parameters=parameters)
    assert after.outcome == "eligible"
    assert not any("tp.order198_published_on" in n["en"] for n in after.notes)


# --- the general mechanism (law.rules), beside the outcomes that existed before it -----------------------

EARLIER = InForce(start=D(2020, 1, 1))
TEXT = {"kk": "мәтін", "ru": "текст", "en": "text"}


class _Facts(BaseModel):
    x: int = 0


def _rule(in_force, passes=True):
    return Rule("x.p1", Citation("000", "1"), TEXT, TEXT, lambda f, ctx: pl.lit(passes), in_force)


@pytest.mark.parametrize(
    ("in_force", "on", "outcome"),
    [
        pytest.param(InForce(start=D(2024, 1, 1), replaces=EARLIER), D(2023, 6, 1), "undetermined",
                     id="earlier wording in force, not in the source"),
        pytest.param(InForce(start=D(2024, 1, 1), replaces=EARLIER), D(2019, 6, 1), "not_in_force",
                     id="before the earlier wording too"),
        pytest.param(InForce(start=D(2024, 1, 1), replaces=EARLIER), D(2024, 1, 1), "eligible",
                     id="the new wording from its first day"),
        pytest.param(InForce(start=D(2024, 1, 1)), D(2023, 6, 1), "not_in_force",
                     id="a rule without an earlier wording is unchanged"),
    ],
)
def test_rules_wording_not_in_source(in_force, on, outcome):
    verdict = evaluate("x", [_rule(in_force)], facts=_Facts(), on=on)
    assert verdict.outcome == outcome
    assert verdict.eligible is (outcome == "eligible")
    assert verdict.as_dict("kk")["outcome"] == outcome


def test_the_cli_exits_1_for_an_undetermined_verdict():
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "techpolicy.cli", "check", "competence-centre",
         str(EXAMPLES / "competence_centre.json"), "--on", "2026-04-29", "--lang", "ru"],
        capture_output=True, text=True, env=env, check=False,
    )
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["outcome"] == "undetermined"
