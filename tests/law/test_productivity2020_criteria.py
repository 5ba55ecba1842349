"""Act 004, 5.1 applicant criteria (with instrument 1's leasing conditions of 5.3) and 5.2 executor
criteria. Each case starts from an example in `examples/productivity2020/` and changes only what
the case is about."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from techpolicy.law.acts.act004_productivity2020.facts import ProductivityFacts
from techpolicy.law.acts.act004_productivity2020.programme import ELIGIBILITY_RULES, PRODUCTIVITY2020
from techpolicy.law.facts import InvalidFacts, parse_facts

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "productivity2020"


def example(name: str) -> dict:
    return json.loads((EXAMPLES / f"{name}.json").read_text("utf-8"), parse_float=Decimal)


def changed(data: dict, changes: dict[str, Any]) -> dict:
    """A copy with `{"applicant.kidi_confirmation": False, ...}` applied (list indexes allowed)."""
    data = copy.deepcopy(data)
    for path, value in changes.items():
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        if isinstance(target, list):
            target[int(last)] = value
        elif value is ...:
            del target[last]
        else:
            target[last] = value
    return data


def failed(verdict) -> set[str]:
    return {r.rule_id for r in verdict.failed}


@pytest.mark.parametrize(
    "name",
    ["1_leasing", "2a_cpip", "2b_feasibility", "3a_training", "3b_experts", "4a_diagnostics", "5b_efficiency",
     "7_cluster_strategy", "8_cluster_implementation"],
)
def test_the_examples_are_eligible(name):
    verdict = PRODUCTIVITY2020.evaluate(example(name))
    assert verdict.outcome == "eligible", [r.reason["en"] for r in verdict.failed]


def test_rule_ids_are_unique_and_cited_by_section():
    ids = [r.id for r in ELIGIBILITY_RULES]
    assert len(ids) == len(set(ids))
    for rule in ELIGIBILITY_RULES:
        assert rule.citation.act == "004"
        assert rule.id.startswith("004.validity") or rule.citation.section in ("5.1", "5.2", "5.3")
        assert set(rule.requirement) == set(rule.failure) == {"kk", "ru", "en"}


CASES = [
    # 5.1(1) and 5.3 instrument 1: long-term leasing
    pytest.param("1_leasing", {"applicant.kidi_confirmation": False}, {"004.s5.1.1.kidi_confirmation"},
                 id="5.1(1) no written positive confirmation of KIDI -> refused"),
    pytest.param("1_leasing", {"leasing.project_oked": "63.11"}, {"004.s5.1.1.priority_sector"},
                 id="5.1(1) investment project outside the priority sectors -> refused"),
    pytest.param("1_leasing", {"leasing.own_cash_kzt": "134999999.99"}, {"004.s5.3.i1.own_cash"},
                 id="5.3 i1: own cash a tiyn under 15 % of 900 m -> refused"),
    pytest.param("1_leasing", {"leasing.own_cash_kzt": 135000000}, set(),
                 id="5.3 i1: own cash exactly 15 % -> ok"),
    pytest.param("1_leasing", {"leasing.object_cost_kzt": 149999999, "leasing.own_cash_kzt": 30000000},
                 {"004.s5.3.i1.object_cost"}, id="5.3 i1: object one tenge under 150 m -> refused"),
    pytest.param("1_leasing", {"leasing.object_cost_kzt": 150000000, "leasing.own_cash_kzt": 30000000}, set(),
                 id="5.3 i1: object exactly 150 m -> ok"),
    pytest.param("1_leasing", {"leasing.object_cost_kzt": 75000000, "leasing.own_cash_kzt": 15000000,
                               "leasing.light_industry": True}, set(),
                 id="5.3 i1: light industry, object exactly 75 m -> ok"),
    pytest.param("1_leasing", {"leasing.object_cost_kzt": 74999999, "leasing.own_cash_kzt": 15000000,
                               "leasing.light_industry": True}, {"004.s5.3.i1.object_cost"},
                 id="5.3 i1: light industry, object under 75 m -> refused"),
    pytest.param("1_leasing", {"leasing.term_years": "10.5"}, {"004.s5.3.i1.term"},
                 id="5.3 i1: lease of 10.5 years (up to 10) -> refused"),
    pytest.param("1_leasing", {"leasing.rate_percent": 7}, {"004.s5.3.i1.rate"},
                 id="5.3 i1: rate 7 % instead of 5 % -> refused"),
    # 5.1(2): instrument 2
    pytest.param("2a_cpip", {"applicant.cpip_approved_by_kdb_leasing": False}, {"004.s5.1.2.cpip.kdb_leasing_approval"},
                 id="5.1(2) CPIP not approved by KDB-Leasing -> refused"),
    pytest.param("2a_cpip", {"applicant.oked_codes": ["47.11"]}, {"004.s5.1.2.cpip.priority_sector"},
                 id="5.1(2) CPIP of a retailer (47.11) -> refused"),
    pytest.param("2b_feasibility", {"applicant.industrialization_map": "none"}, {"004.s5.1.2.fs.industrialization_map"},
                 id="5.1(2) project not on an industrialization map -> refused"),
    pytest.param("2b_feasibility", {"applicant.industrialization_map": "republican"}, set(),
                 id="5.1(2) republican map -> ok"),
    pytest.param("2b_feasibility", {"applicant.positive_expertise": False}, {"004.s5.1.2.fs.expertise"},
                 id="5.1(2) no positive non-departmental expertise -> refused"),
    pytest.param("2b_feasibility", {"applicant.activity_since": "2014-10-02"}, {"004.s5.1.2.fs.activity_year"},
                 id="5.1(2) feasibility study: activity one day short of a year -> refused"),
    # 5.1(4): clusters
    pytest.param("7_cluster_strategy", {"applicant.cluster_stage1_winner": False}, {"004.s5.1.4.stage1_winner"},
                 id="5.1(4) instrument 7 without winning stage 1 -> refused"),
    pytest.param("8_cluster_implementation", {"applicant.cluster_stage2_winner": False},
                 {"004.s5.1.4.stage2_winner"}, id="5.1(4) instrument 8 without winning stage 2 -> refused"),
    # 5.2: executors
    pytest.param("2a_cpip", {"executors.0.experience_years": "2.9"}, {"004.s5.2.experience"},
                 id="5.2 CPIP executor with 2.9 years (>= 3) -> refused"),
    pytest.param("2a_cpip", {"executors.0.past_projects": 2}, {"004.s5.2.projects"},
                 id="5.2 CPIP executor with 2 works (>= 3) -> refused"),
    pytest.param("2b_feasibility", {"executors.0.licence_held": False}, {"004.s5.2.licence"},
                 id="5.2 feasibility executor without a required licence -> refused"),
    pytest.param("2b_feasibility", {"executors.0.licence_required": False, "executors.0.licence_held": False},
                 set(), id="5.2 no licence needed when the law requires none -> ok"),
    pytest.param("2b_feasibility", {"executors.1.accreditation": None}, {"004.s5.2.accreditation"},
                 id="5.2 expertise by an unaccredited executor -> refused"),
    pytest.param("3a_training", {"executors.0.service": "internship_host", "executors.0.experience_years": 4},
                 {"004.s5.2.experience"}, id="5.2 internship host with 4 years (>= 5) -> refused"),
    pytest.param("3a_training", {"executors.0.service": "training_specialised", "executors.0.past_projects": 2},
                 {"004.s5.2.projects"}, id="5.2 specialised training organisation with 2 projects (>= 3) -> refused"),
    pytest.param("3b_experts", {"executors.0.experience_years": "4.99"}, {"004.s5.2.experience"},
                 id="5.2 best-practice expert under 5 years -> refused"),
    pytest.param("4a_diagnostics", {"executors.0.past_projects": 0}, {"004.s5.2.projects"},
                 id="5.2 process-improvement executor without a past project (>= 1) -> refused"),
    pytest.param("5b_efficiency", {"executors.0.past_projects": 1}, {"004.s5.2.projects"},
                 id="5.2 efficiency executor with 1 project (>= 2) -> refused"),
    pytest.param("5b_efficiency", {"executors.0.service": "cpip"}, {"004.s5.2.service", "004.s5.2.engaged"},
                 id="5.2 a CPIP firm is no executor for instrument 5 -> refused"),
    pytest.param("4a_diagnostics", {"executors": [], "costs.0.executor": None}, {"004.s5.2.engaged"},
                 id="5.2 no executor engaged for instrument 4 -> refused"),
]


@pytest.mark.parametrize(("name", "changes", "refused"), CASES)
def test_criteria(name, changes, refused):
    verdict = PRODUCTIVITY2020.evaluate(changed(example(name), changes))
    assert failed(verdict) == refused
    for result in verdict.failed:
        assert set(result.reason) == {"kk", "ru", "en"} and all(result.reason.values())


def test_an_executor_failure_names_the_executor_and_the_numbers():
    verdict = PRODUCTIVITY2020.evaluate(changed(example("2a_cpip"), {"executors.0.experience_years": "2.5"}))
    assert verdict.failed[0].reason["en"] == "Not enough experience (years): invest-plan: 2.5 < 3."


def test_instrument_6_cannot_be_decided():
    verdict = PRODUCTIVITY2020.evaluate(example("6_promotion"))
    assert failed(verdict) == {"004.s5.3.i6.rules"}
    assert "not in the seed" in verdict.failed[0].reason["en"]


def test_clusters_and_leasing_have_no_executor_criteria_in_the_seed():
    verdict = PRODUCTIVITY2020.evaluate(example("7_cluster_strategy"))
    statuses = {r.rule_id: r.status for r in verdict.results if r.rule_id.startswith("004.s5.2")}
    assert set(statuses.values()) == {"not_applicable"}


MISSING = [
    pytest.param("1_leasing", "leasing", id="instrument 1 without leasing facts"),
    pytest.param("1_leasing", "applicant.kidi_confirmation", id="instrument 1 without the KIDI confirmation fact"),
    pytest.param("2b_feasibility", "construction_installation_cost_kzt", id="2b without the construction cost"),
    pytest.param("2b_feasibility", "applicant.industrialization_map", id="2b without the map fact"),
    pytest.param("3a_training", "applicant.activity_since", id="3a without the start of activity"),
    pytest.param("4a_diagnostics", "applicant.enterprise_size", id="4a without the enterprise size"),
    pytest.param("7_cluster_strategy", "applicant.cluster_stage1_winner", id="7 without the stage-1 fact"),
]


@pytest.mark.parametrize(("name", "path"), MISSING)
def test_a_fact_the_instrument_needs_is_never_read_as_false(name, path):
    with pytest.raises(InvalidFacts) as raised:
        PRODUCTIVITY2020.evaluate(changed(example(name), {path: ...}))
    assert raised.value.errors[0]["field"] == path
    assert "required for instrument" in raised.value.errors[0]["message"]


MALFORMED = [
    pytest.param({"costs.0.employees": []}, "costs[0].employees", "names the employees",
                 id="a training fee without employees"),
    pytest.param({"costs.3.stay_to": "2015-08-01"}, "costs[3].stay_to", "before stay_from",
                 id="accommodation ending before it starts"),
    pytest.param({"costs.1.travel_class": ...}, "costs[1].travel_class", "required for travel",
                 id="travel without its class"),
    pytest.param({"applicant.oked_codes": ["091"]}, "applicant.oked_codes[0]", "pattern",
                 id="a malformed OKED code"),
    pytest.param({"costs.0.amount_kzt": -1}, "costs[0].amount_kzt", "greater than or equal to 0",
                 id="a negative amount"),
    pytest.param({"costs.1.id": "fee-lean"}, "(root)", "used twice", id="two cost lines with one id"),
    pytest.param({"instrument": "9"}, "instrument", "Input should be", id="an unknown instrument"),
]


@pytest.mark.parametrize(("changes", "field", "message"), MALFORMED)
def test_malformed_facts_name_the_field(changes, field, message):
    with pytest.raises(InvalidFacts) as raised:
        parse_facts(ProductivityFacts, changed(example("3a_training"), changes))
    assert raised.value.errors[0]["field"] == field
    assert message in raised.value.errors[0]["message"]
