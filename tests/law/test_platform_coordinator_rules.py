"""Act 000 chapter 4: the coordinator of organising a technology platform (p.25-27), as legal cases
a lawyer can read. Requirement ids 000.p25.1-000.p25.5 (p.25(3) with reading R-B1), 000.p26,
000.p27, 000.p23, 000.p24."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from techpolicy.law import columnar, rules
from techpolicy.law.acts.act000_methodology.facts_designation import MAX_MEMORANDA
from techpolicy.law.acts.act000_methodology.platforms import (
    PLATFORM_ACTIVITIES,
    PLATFORM_PARTICIPANT_ROLES,
    PLATFORM_RULES,
    PlatformCoordinatorFacts,
)
from techpolicy.law.citation import Citation
from techpolicy.law.facts import InvalidFacts
from techpolicy.law.parameters import Parameters, ParameterValue
from techpolicy.law.procedure import catalogue

D = dt.date
CHECKED = D(2026, 12, 2)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PROCEDURE = catalogue()["platform-coordinator"]
MEMO = {"counterparty": "Satbayev University", "kind": "hei", "signed_on": "2024-05-14"}


def facts(coordinator=None, **proposal):
    data = {
        "proposal": {
            "proposer": "Akimat of Almaty",
            "proposer_kind": "local_executive_body",
            "supervised_directions": ["Smart city"],
            "sector": "Urban economy",
            "direction": "Smart city",
            "platform_name": "Smart City Almaty",
            "coordinator": {
                "organisation": {"name": "Urban Tech Centre", "kind": "other_legal_entity"},
                "competence_evidence": "portfolio 2020-2026",
                "interaction_started_on": "2022-06-01",
                "interaction_evidence": "stakeholder council minutes",
                "memoranda": [MEMO],
                "material_base": {"available": True},
                "commitments_document": "letter of commitments No. 45",
            },
        },
        "checked_on": CHECKED.isoformat(),
    }
    data["proposal"].update(proposal)
    data["proposal"]["coordinator"].update(coordinator or {})
    return data


def failed(verdict):
    return [r.rule_id for r in verdict.failed]


# (case, coordinator changes, proposal changes, rules that refuse)
CASES = [
    ("all criteria met", {}, {}, []),
    ("000.p25.1 no evidence of technological competence", {"competence_evidence": None}, {}, ["000.p25.1"]),
    ("000.p25.2 exactly 3 full years passes", {"interaction_started_on": "2023-12-02"}, {}, []),
    ("000.p25.2 3 years less a day is refused", {"interaction_started_on": "2023-12-03"}, {}, ["000.p25.2"]),
    ("000.p25.3 R-B1: no memorandum is refused", {"memoranda": []}, {}, ["000.p25.3"]),
    ("000.p25.3 a memorandum signed after the check does not count",
     {"memoranda": [MEMO | {"signed_on": "2026-12-03"}]}, {}, ["000.p25.3"]),
    ("000.p25.3 a memorandum signed on the day of the check counts",
     {"memoranda": [MEMO | {"signed_on": "2026-12-02"}]}, {}, []),
    ("000.p25.4 no material-technical base", {"material_base": {"available": False}}, {}, ["000.p25.4"]),
    ("000.p25.5 no recorded commitments", {"commitments_document": None}, {}, ["000.p25.5"]),
    ("000.p26 a natural person is refused",
     {"organisation": {"name": "X", "kind": "natural_person"}}, {}, ["000.p26"]),
    ("000.p26 an individual entrepreneur is refused",
     {"organisation": {"name": "X", "kind": "individual_entrepreneur"}}, {}, ["000.p26"]),
    ("000.p26 a designated competence centre qualifies",
     {"is_competence_centre": True, "competence_centre_entry": "CC register No. 12"}, {}, []),
    ("000.p26 a science organisation", {"organisation": {"name": "X", "kind": "science_org"}}, {}, []),
    ("000.p27 a state body within its supervised directions", {}, {"proposer_kind": "state_body"}, []),
    ("000.p27 a proposer that is not a state body or local executive body", {}, {"proposer_kind": "other"},
     ["000.p27"]),
    ("000.p27 a direction outside the proposer's supervision", {}, {"supervised_directions": ["Water"]},
     ["000.p27"]),
]


@pytest.mark.parametrize(("case", "coordinator", "proposal", "refusing"), CASES, ids=[c[0] for c in CASES])
def test_coordinator_criteria(case, coordinator, proposal, refusing):
    verdict = PROCEDURE.evaluate(facts(coordinator, **proposal))
    assert failed(verdict) == refusing
    assert verdict.eligible is (not refusing)


def test_p25_2_refusal_names_the_paragraph_and_the_years():
    verdict = PROCEDURE.evaluate(facts({"interaction_started_on": "2023-12-03"}))
    (result,) = verdict.failed
    assert result.citation.ref == "000 p.25(2)" and result.details["min_years"] == 3
    assert "25-тармақтың 2) тармақшасы" in result.reason["kk"] and "2 толық жыл 364 күн" in result.reason["kk"]
    assert "25(2)" in result.reason["en"] and "пп. 2) п. 25" in result.reason["ru"]


def test_p25_3_the_unset_number_of_memoranda_is_said_in_the_details():
    verdict = PROCEDURE.evaluate(facts({"memoranda": []}))
    (result,) = verdict.failed
    assert result.details["min_memoranda"] is None and result.details["required"] == 1
    assert "R-B1" in result.details["reading"] and "tp.platform.min_memoranda" in result.details["reading"]
    assert "меморандум" in result.reason["kk"] and "25-тармақтың 3)" in result.reason["kk"]


def test_p25_3_an_operator_number_of_memoranda_applies():
    entry = ParameterValue("tp.platform.min_memoranda", D(2022, 5, 6), 2, Citation("000", "25", "3"),
                           source="operator entry", set_by="operator")
    verdict = PROCEDURE.evaluate(facts(), parameters=Parameters.from_source().with_values([entry]))
    assert failed(verdict) == ["000.p25.3"] and "reading" not in verdict.failed[0].details


def test_p25_3_memoranda_signed_in_any_order_count_up_to_the_check():
    memoranda = [MEMO | {"signed_on": day} for day in ("2026-12-05", "2025-01-10", "2026-12-02", "2027-01-01")]
    entry = ParameterValue("tp.platform.min_memoranda", D(2022, 5, 6), 2, Citation("000", "25", "3"),
                           source="operator entry", set_by="operator")
    parameters = Parameters.from_source().with_values([entry])
    assert PROCEDURE.evaluate(facts({"memoranda": memoranda}), parameters=parameters).eligible
    short = PROCEDURE.evaluate(facts({"memoranda": memoranda[:2] + memoranda[3:]}), parameters=parameters)
    assert failed(short) == ["000.p25.3"] and short.failed[0].details["count"] == 1


def test_p26_a_natural_person_named_as_coordinator_is_refused_in_kazakh():
    verdict = PROCEDURE.evaluate(facts({"organisation": {"name": "X", "kind": "natural_person"}}))
    assert "26-тармақ" in verdict.failed[0].reason["kk"] and "жеке тұлға" in verdict.failed[0].reason["kk"]


def test_p27_a_proposal_without_its_coordinator_is_invalid_input():
    data = facts()
    del data["proposal"]["coordinator"]
    with pytest.raises(InvalidFacts) as error:
        PROCEDURE.evaluate(data)
    assert error.value.errors == [{"field": "proposal.coordinator", "message": "Field required"}]


@pytest.mark.parametrize(
    ("coordinator", "field"),
    [
        ({"interaction_started_on": "2026-12-03"}, "checked_on"),
        ({"is_competence_centre": True, "organisation": {"name": "X", "kind": "natural_person"}},
         "proposal.coordinator.is_competence_centre"),
        ({"memoranda": [MEMO | {"kind": "friend"}]}, "proposal.coordinator.memoranda[0].kind"),
        ({"memoranda": [MEMO] * (MAX_MEMORANDA + 1)}, "proposal.coordinator.memoranda"),
        ({"interaction_evidence": ""}, "proposal.coordinator.interaction_evidence"),
    ],
)
def test_malformed_coordinator_facts_name_the_field(coordinator, field):
    with pytest.raises(InvalidFacts) as error:
        PROCEDURE.evaluate(facts(coordinator))
    assert error.value.errors[0]["field"] == field


@pytest.mark.parametrize("minimum", [None, 2], ids=["R-B1 reading", "operator minimum of memoranda"])
def test_a_population_frame_gives_each_row_the_statuses_of_its_case(minimum):
    parameters = Parameters.from_source()
    if minimum is not None:
        parameters = parameters.with_values([ParameterValue(
            "tp.platform.min_memoranda", D(2022, 5, 6), minimum, Citation("000", "25", "3"),
            source="operator entry", set_by="operator")])
    cases = [facts(coordinator, **proposal) for _case, coordinator, proposal, _refusing in CASES]
    cases.append(facts({"memoranda": [MEMO, MEMO | {"signed_on": "2026-12-01"}]}))
    population = [PROCEDURE.parse(case) for case in cases]
    # The same facts decided on other dates too: before Order No. 198 (p.27's earlier wording is
    # not in the source) and before Order No. 133 took effect (nothing in force).
    days = [CHECKED] * len(population) + [D(2026, 4, 29), D(2022, 5, 5)]
    population += population[:2]
    frame = columnar.frame_of(PlatformCoordinatorFacts, population).with_columns(
        pl.Series(columnar.ON, days, dtype=pl.Date))
    decided = rules.evaluate_frame(PLATFORM_RULES, PlatformCoordinatorFacts, frame, parameters)
    statuses = set()
    for row, case, day in zip(decided.iter_rows(named=True), population, days, strict=True):
        verdict = PROCEDURE.evaluate(case, on=day, parameters=parameters)
        expected = {r.rule_id: r.status for r in verdict.results}
        assert {rule.id: rules.STATUSES[row[rule.id]] for rule in PLATFORM_RULES} == expected
        assert row["outcome"] == verdict.outcome
        statuses.update(expected.values())
    assert statuses == {"passed", "failed", "not_in_force", "wording_not_in_source"}


def test_p23_roles_and_p24_activities_are_listed_in_three_languages_with_citations():
    assert [r.code for r in PLATFORM_PARTICIPANT_ROLES][:2] == ["coordinator", "competence_centre"]
    assert [a.citation.ref for a in PLATFORM_ACTIVITIES] == [f"000 p.24({n})" for n in range(1, 9)]
    assert PLATFORM_ACTIVITIES[6].code == "road_map"
    for item in (*PLATFORM_PARTICIPANT_ROLES, *PLATFORM_ACTIVITIES):
        assert all(item.label[lang] for lang in ("kk", "ru", "en"))


def _cli(*argv):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "techpolicy.cli", *argv], capture_output=True, text=True,
                          env=env, check=False)


def test_cli_prints_the_schema_with_the_coordinator_required():
    done = _cli("schema", "platform-coordinator")
    assert done.returncode == 0, done.stderr
    schema = json.loads(done.stdout)
    assert "coordinator" in schema["$defs"]["PlatformProposal"]["required"]


def test_cli_checks_the_example_and_refuses_a_proposal_without_coordinator(tmp_path):
    done = _cli("check", "platform-coordinator", str(EXAMPLES / "platform_coordinator.json"), "--lang", "kk")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["outcome"] == "eligible"
    data = json.loads((EXAMPLES / "platform_coordinator.json").read_text("utf-8"))
    del data["proposal"]["coordinator"]
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    invalid = _cli("check", "platform-coordinator", str(path))
    assert invalid.returncode == 2 and json.loads(invalid.stderr)["field"] == "proposal.coordinator"
