"""The catalogue of procedures (`law.procedure`): every act's package declares its questions once,
by a unique public name; each has a JSON Schema for its facts, refuses facts it cannot judge with
`InvalidFacts`, and decides the example applications of examples/ as the acts' entry points did
before they became procedures (same subject, outcome, failed rules and notes)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import jsonschema_rs
import pytest

from techpolicy.law import procedure as procedure_module
from techpolicy.law.facts import InvalidFacts
from techpolicy.law.procedure import DateNeeded, Procedure, catalogue

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CATALOGUE = catalogue()
OURS = {  # the names the services, the API and the command line rely on
    "technopark", "technopark-precheck", "technopark-activity-change", "technopark-extension",
    "technopark-early-termination", "technopark-services", "technopark-commission-composition",
    "productivity2020", "forecasting-main-stage", "forecasting-priority-direction",
}


def test_the_catalogue_holds_every_procedure_of_every_act():
    assert set(CATALOGUE) >= OURS
    assert all(name == p.name for name, p in CATALOGUE.items())
    assert CATALOGUE["technopark"].cli and CATALOGUE["productivity2020"].cli


def test_a_second_procedure_under_a_taken_name_is_refused(monkeypatch):
    monkeypatch.setattr(procedure_module._CATALOGUE, "_items", dict(CATALOGUE))
    taken = CATALOGUE["technopark-extension"]
    impostor = Procedure(taken.name, "test.impostor", taken.title, taken.facts, taken.rules)
    with pytest.raises(ValueError, match="two procedures"):
        procedure_module.declare(impostor)
    assert procedure_module.declare(taken) is taken  # declaring the same one again is harmless


def test_subjects_are_unique():
    fixed = [p.subject for p in CATALOGUE.values() if isinstance(p.subject, str)]
    assert len(fixed) == len(set(fixed))


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_each_procedure_has_a_json_schema_and_a_title_in_three_languages(name):
    procedure = CATALOGUE[name]
    schema = procedure.schema()
    assert jsonschema_rs.meta.is_valid(schema)
    assert schema["type"] == "object" and schema["additionalProperties"] is False
    assert set(procedure.title) == {"kk", "ru", "en"}


@pytest.mark.parametrize("name", sorted(CATALOGUE))
@pytest.mark.parametrize("facts", [[], "x", {"unknown": 1}, {"\x00": "\x07"}], ids=["list", "str", "unknown", "ctrl"])
def test_each_procedure_refuses_facts_it_cannot_judge_naming_a_field(name, facts):
    with pytest.raises(InvalidFacts) as raised:
        CATALOGUE[name].evaluate(facts, on=dt.date(2026, 6, 1))
    assert raised.value.errors and raised.value.errors[0]["field"]


# --- the examples decide as before ------------------------------------------------------------------

# (file, procedure, subject, outcome, failed rules, {status: count}, notes)
BEFORE = [
    ("technopark/eligible", "technopark", "technopark.participation", "eligible", [], {"passed": 20}, 2),
    ("technopark/state_owned", "technopark", "technopark.participation", "not_eligible", ["001.p7.4"],
     {"passed": 19, "failed": 1}, 2),
    ("productivity2020/1_leasing", "productivity2020", "productivity2020.1", "eligible", [],
     {"passed": 8, "not_applicable": 17}, 0),
    ("productivity2020/2a_cpip", "productivity2020", "productivity2020.2a", "eligible", [],
     {"passed": 10, "not_applicable": 15}, 0),
    ("productivity2020/2b_feasibility", "productivity2020", "productivity2020.2b", "eligible", [],
     {"passed": 12, "not_applicable": 13}, 0),
    ("productivity2020/3a_training", "productivity2020", "productivity2020.3a", "eligible", [],
     {"passed": 10, "not_applicable": 15}, 0),
    ("productivity2020/3b_experts", "productivity2020", "productivity2020.3b", "eligible", [],
     {"passed": 10, "not_applicable": 15}, 0),
    ("productivity2020/4a_diagnostics", "productivity2020", "productivity2020.4a", "eligible", [],
     {"passed": 10, "not_applicable": 15}, 0),
    ("productivity2020/5b_efficiency", "productivity2020", "productivity2020.5b", "eligible", [],
     {"passed": 10, "not_applicable": 15}, 0),
    ("productivity2020/6_promotion", "productivity2020", "productivity2020.6", "not_eligible", ["004.s5.3.i6.rules"],
     {"passed": 2, "not_applicable": 22, "failed": 1}, 0),
    ("productivity2020/7_cluster_strategy", "productivity2020", "productivity2020.7", "eligible", [],
     {"passed": 3, "not_applicable": 22}, 0),
    ("productivity2020/8_cluster_implementation", "productivity2020", "productivity2020.8", "eligible", [],
     {"passed": 3, "not_applicable": 22}, 0),
]


def example(name: str) -> dict:
    return json.loads((EXAMPLES / f"{name}.json").read_text("utf-8"))


@pytest.mark.parametrize(("file", "name", "subject", "outcome", "failed", "statuses", "notes"), BEFORE,
                         ids=[row[0] for row in BEFORE])
def test_the_examples_decide_as_before(file, name, subject, outcome, failed, statuses, notes):
    procedure = CATALOGUE[name]
    facts = example(file)
    assert jsonschema_rs.validator_for(procedure.schema()).is_valid(facts)  # the schema describes the example
    verdict = procedure.evaluate(facts)
    assert (verdict.subject, verdict.outcome) == (subject, outcome)
    assert [r.rule_id for r in verdict.failed] == failed
    assert dict(Counter(r.status for r in verdict.results)) == statuses
    assert len(verdict.notes) == notes
    assert verdict.on.isoformat() == facts["application_date"]


def test_the_sample_list_is_named_by_every_procedure_that_reads_it():
    """001 p.7(7) and p.9-1: the shipped list of activity types is a SAMPLE, and a verdict says so."""
    application = example("technopark/eligible")
    precheck = {k: application[k] for k in ("application_date", "applicant", "ownership")}
    precheck["documents"] = {"tax_debt": application["documents"]["tax_debt"]}
    change = {"received_on": "2026-06-01", "new_activity_types": ["S-07"],
              "business_plan": {"projects": [{"activity_type": "S-07", "items": {str(i): "x" for i in range(1, 16)}}]}}
    for name, facts in (("technopark", application), ("technopark-precheck", precheck),
                        ("technopark-activity-change", change)):
        sample = CATALOGUE[name].evaluate(facts)
        assert any("SAMPLE" in note["en"] for note in sample.notes), name
        official = {code: {"name": {"en": code}} for code in ("S-07", *application["applicant"]["activity_types"])}
        listed = CATALOGUE[name].evaluate(facts, references={"activity_types": official})
        assert not any("SAMPLE" in note["en"] for note in listed.notes), name


def test_a_procedure_whose_facts_carry_no_date_asks_for_it():
    with pytest.raises(DateNeeded):
        CATALOGUE["forecasting-main-stage"].evaluate({"covered_sectors": ["Energy"], "experts": [], "methods": []})


def test_options_go_only_to_a_procedure_that_takes_them():
    with pytest.raises(TypeError, match="no options"):
        CATALOGUE["technopark-extension"].evaluate({"filed_on": "2026-06-01", "participation_end": "2026-06-30"},
                                                   limits=None)
