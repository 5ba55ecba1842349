"""Act 000 chapter 3: designation of a sectoral technology competence centre (p.17-19, p.21), as
legal cases a lawyer can read. Requirement ids 000.p17.1, 000.p17.2 (R-A1), 000.p17.3, 000.p18,
000.p19, 000.p21.a1 (R-A2), 000.p15, 000.p16."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest

from techpolicy.law import columnar, rules
from techpolicy.law.acts.act000_methodology.competence_centres import (
    CC_FUNCTIONS,
    CC_RULES,
    CC_TASKS,
    COMPETENCE_AREAS,
    CompetenceCentreFacts,
    same_pair_flag,
)
from techpolicy.law.acts.act000_methodology.designation import same_text, text_key
from techpolicy.law.acts.act000_methodology.facts_designation import MAX_STAFF
from techpolicy.law.citation import Citation
from techpolicy.law.facts import InvalidFacts
from techpolicy.law.parameters import Parameters, ParameterValue
from techpolicy.law.procedure import catalogue

D = dt.date
CHECKED = D(2026, 12, 2)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PROCEDURE = catalogue()["competence-centre"]
ALL_AREAS = list(COMPETENCE_AREAS)
DELETE = object()  # a change that removes the key


def facts(**changes):
    data = {
        "organisation": {"name": "Energy Research Institute", "bin": "050140012345", "kind": "science_org"},
        "sector": "Energy",
        "direction": "Hydrogen",
        "experience": {"started_on": "2019-03-01", "evidence": "charter; project list 2019-2026"},
        "staff": [
            {"name": "A", "areas": ["programme_documents", "analytical_studies"], "evidence": "CV"},
            {"name": "B", "areas": ["technology_assessment", "technical_regulation"], "evidence": "CV"},
        ],
        "own_funds": {"available": True, "amount_kzt": 1000000},
        "material_base": {"available": True, "description": "laboratory"},
        "proposal": {
            "proposer": "Ministry of Energy",
            "proposer_kind": "state_body",
            "supervised_directions": ["Hydrogen", "Renewables"],
        },
        "checked_on": CHECKED.isoformat(),
    }
    for path, value in changes.items():
        target = data
        *parents, last = path.split("__")
        for key in parents:
            target = target[key]
        if value is DELETE:
            del target[last]
        else:
            target[last] = value
    return data


def failed(verdict):
    return [r.rule_id for r in verdict.failed]


# (case, changes, rules that refuse)
CASES = [
    ("all criteria met, proposal in a supervised direction", {}, []),
    ("000.p17.1 exactly 5 full years passes", {"experience__started_on": "2021-12-02"}, []),
    ("000.p17.1 4 years 364 days is refused", {"experience__started_on": "2021-12-03"}, ["000.p17.1"]),
    ("000.p17.1 activity began on the day of the check", {"experience__started_on": "2026-12-02"}, ["000.p17.1"]),
    ("000.p17.2 R-A1: technical regulation uncovered",
     {"staff": [{"name": "A", "areas": ALL_AREAS[:3], "evidence": "CV"}]}, ["000.p17.2"]),
    ("000.p17.2 R-A1: no staff at all", {"staff": []}, ["000.p17.2"]),
    ("000.p17.2 one person covering all four areas passes",
     {"staff": [{"name": "A", "areas": ALL_AREAS, "evidence": "CV"}]}, []),
    ("000.p17.3 no own funds", {"own_funds": {"available": False}}, ["000.p17.3"]),
    ("000.p17.3 no material-technical base", {"material_base": {"available": False}}, ["000.p17.3"]),
    ("000.p17.3 own funds without an amount pass (the source sets none)", {"own_funds": {"available": True}}, []),
    ("000.p18 a natural person is refused", {"organisation__kind": "natural_person"}, ["000.p18"]),
    ("000.p18 an individual entrepreneur is refused", {"organisation__kind": "individual_entrepreneur"}, ["000.p18"]),
    ("000.p18 a higher education organisation", {"organisation__kind": "hei"}, []),
    ("000.p18 a business association", {"organisation__kind": "business_association"}, []),
    ("000.p18 a sector development institution", {"organisation__kind": "development_institution"}, []),
    ("000.p18 another legal entity (the list is inclusive)", {"organisation__kind": "other_legal_entity"}, []),
    ("000.p19 a proposer that is neither a state body nor a local executive body",
     {"proposal__proposer_kind": "other"}, ["000.p19"]),
    ("000.p19 a local executive body", {"proposal__proposer_kind": "local_executive_body"}, []),
    ("000.p19 a direction the proposer does not supervise",
     {"proposal__supervised_directions": ["Renewables"]}, ["000.p19"]),
    ("000.p19 directions compare without case and extra spaces",
     {"proposal__supervised_directions": ["  hydrogen "]}, []),
    ("000.p19 no proposal yet: the initiator checks itself", {"proposal": None}, []),
]


@pytest.mark.parametrize(("case", "changes", "refusing"), CASES, ids=[c[0] for c in CASES])
def test_designation_criteria(case, changes, refusing):
    verdict = PROCEDURE.evaluate(facts(**changes))
    assert failed(verdict) == refusing
    assert verdict.outcome == ("not_eligible" if refusing else "eligible")
    assert verdict.eligible is (not refusing)


def test_p17_1_refusal_names_the_paragraph_and_the_years_in_each_language():
    verdict = PROCEDURE.evaluate(facts(experience__started_on="2021-12-03"))
    (result,) = verdict.failed
    assert result.rule_id == "000.p17.1" and result.citation.ref == "000 p.17(1)"
    assert "17(1)" in result.reason["en"] and "4 full years and 364 days" in result.reason["en"]
    assert "17-тармақтың 1) тармақшасы" in result.reason["kk"] and "4 толық жыл 364 күн" in result.reason["kk"]
    assert "пп. 1) п. 17" in result.reason["ru"]
    assert result.details["min_years"] == 5


@pytest.mark.parametrize(
    ("started", "checked", "passes"),
    [
        pytest.param("2020-02-29", "2025-02-28", True, id="000.p17.1 leap-day start: 28 February is the anniversary"),
        pytest.param("2020-02-29", "2025-02-27", False, id="000.p17.1 leap-day start: the day before is short"),
        pytest.param("2020-02-29", "2024-02-29", False, id="000.p17.1 leap-day start: four years are four"),
        pytest.param("2019-02-28", "2024-02-28", True, id="000.p17.1 across a leap year: same date passes"),
    ],
)
def test_p17_1_full_years_around_a_leap_day(started, checked, passes):
    # Dates before Order No. 198: p.19 is then undetermined, p.17(1) is decided all the same.
    verdict = PROCEDURE.evaluate(facts(experience__started_on=started, checked_on=checked, proposal=None))
    assert ("000.p17.1" not in failed(verdict)) is passes


def test_p17_1_the_verdict_records_the_reference_date_reading_while_unset():
    verdict = PROCEDURE.evaluate(facts())
    result = verdict.results[0]
    assert result.details["reference_date"] == CHECKED and result.details["reference_date_rule"] is None
    note = next(n for n in verdict.notes if "tp.cc.experience_reference_date_rule" in n["en"])
    assert "2026-12-02" in note["kk"] and "тексеру күніне" in note["kk"] and "дату проверки" in note["ru"]


def operator(name, value, start):
    return ParameterValue(name, start, value, Citation("000", "17"), source="operator entry", set_by="operator")


def test_p17_1_no_reading_note_once_an_operator_fixes_the_check_date():
    parameters = Parameters.from_source().with_values(
        [operator("tp.cc.experience_reference_date_rule", "check_date", D(2022, 5, 6))]
    )
    verdict = PROCEDURE.evaluate(facts(), parameters=parameters)
    assert not any("tp.cc.experience_reference_date_rule" in n["en"] for n in verdict.notes)


def test_p17_2_the_refusal_names_the_uncovered_areas_in_the_users_language():
    verdict = PROCEDURE.evaluate(facts(staff=[{"name": "A", "areas": ["analytical_studies"], "evidence": "CV"}]))
    (result,) = verdict.failed
    assert result.rule_id == "000.p17.2"
    assert result.details["uncovered"] == ["programme_documents", "technology_assessment", "technical_regulation"]
    assert "бағдарламалық құжаттарды жасау" in result.reason["kk"]
    assert "техникалық реттеу және стандарттау" in result.reason["kk"]
    assert "талдамалық" not in result.reason["kk"]  # the covered area is not named
    assert "техническое регулирование и стандартизация" in result.reason["ru"]
    assert "17(2)" in result.reason["en"]


def test_p17_2_an_operator_minimum_of_staff_per_area_applies():
    parameters = Parameters.from_source().with_values([operator("tp.cc.min_staff_per_area", 2, D(2022, 5, 6))])
    verdict = PROCEDURE.evaluate(facts(), parameters=parameters)
    assert failed(verdict) == ["000.p17.2"]
    assert verdict.failed[0].details["required"] == 2


def test_p17_3_names_what_is_missing_and_an_operator_amount_applies():
    verdict = PROCEDURE.evaluate(facts(own_funds={"available": False}, material_base={"available": False}))
    reason = verdict.failed[0].reason
    assert "өз қаражаты" in reason["kk"] and "материалдық-техникалық база" in reason["kk"]
    parameters = Parameters.from_source().with_values(
        [operator("tp.cc.min_own_funds_kzt", "5000000", D(2022, 5, 6))]
    )
    short = PROCEDURE.evaluate(facts(), parameters=parameters)
    assert failed(short) == ["000.p17.3"] and short.failed[0].details["min_own_funds_kzt"] == Decimal(5000000)


def test_p18_a_natural_person_is_refused_in_each_language():
    verdict = PROCEDURE.evaluate(facts(organisation__kind="natural_person"))
    (result,) = verdict.failed
    assert result.rule_id == "000.p18" and result.citation.ref == "000 p.18"
    assert "18-тармақ" in result.reason["kk"] and "жеке тұлға" in result.reason["kk"]
    assert "п. 18" in result.reason["ru"] and "paragraph 18" in result.reason["en"]


def test_p19_the_refusal_says_both_problems():
    verdict = PROCEDURE.evaluate(facts(proposal__proposer_kind="other", proposal__supervised_directions=["Water"]))
    reason = verdict.failed[0].reason
    assert "19-тармақ" in reason["kk"] and "«Hydrogen»" in reason["kk"] and "жергілікті атқарушы" in reason["kk"]


def test_p17_the_rules_read_the_facts_they_decide_on():
    verdict = PROCEDURE.evaluate(facts())
    read = {r.rule_id: r.facts for r in verdict.results}
    assert read["000.p17.1"] == ("experience.started_on", "checked_on")
    assert read["000.p18"] == ("organisation.kind",)
    assert set(read["000.p19"]) == {"proposal", "proposal.proposer_kind", "proposal.supervised_directions",
                                    "direction"}


def test_the_verdict_lists_the_parameters_the_rules_read():
    parameters = Parameters.from_source().with_values([
        operator("tp.cc.min_staff_per_area", 1, D(2022, 5, 6)),
        operator("tp.cc.experience_reference_date_rule", "check_date", D(2022, 5, 6)),
    ])
    verdict = PROCEDURE.evaluate(facts(), parameters=parameters)
    read = {p.name: p.value for p in verdict.parameters_read}
    assert read["tp.cc.min_experience_years"] == 5 and read["tp.cc.min_staff_per_area"] == 1
    assert read["tp.cc.experience_reference_date_rule"] == "check_date"
    assert "tp.cc.min_own_funds_kzt" not in read  # not set by the source


def test_p22_funding_sources_are_recorded_and_never_refuse():
    verdict = PROCEDURE.evaluate(facts(funding_sources=[{"kind": "attracted", "description": "grant"}]))
    assert verdict.eligible


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"experience__started_on": "2026-12-03"}, "checked_on"),
        ({"organisation__kind": "ministry"}, "organisation.kind"),
        ({"organisation__bin": "12345"}, "organisation.bin"),
        ({"staff": [{"name": "A", "areas": ["analytical_studies", "analytical_studies"], "evidence": "CV"}]},
         "staff[0].areas"),
        ({"staff": [{"name": "A", "areas": ["astrology"], "evidence": "CV"}]}, "staff[0].areas[0]"),
        ({"staff": [{"name": "A", "areas": ["analytical_studies"]}]}, "staff[0].evidence"),
        ({"experience__evidence": DELETE}, "experience.evidence"),
        ({"sector": "x" * 501}, "sector"),
        ({"proposal__supervised_directions": []}, "proposal.supervised_directions"),
        ({"checked_on": DELETE}, "checked_on"),
        ({"unknown": 1}, "unknown"),
    ],
)
def test_malformed_facts_name_the_field(changes, field):
    with pytest.raises(InvalidFacts) as error:
        PROCEDURE.evaluate(facts(**changes))
    assert error.value.errors[0]["field"] == field


def test_an_oversized_staff_list_is_refused_while_read():
    staff = [{"name": "A", "areas": ["analytical_studies"], "evidence": "CV"}] * (MAX_STAFF + 1)
    with pytest.raises(InvalidFacts) as error:
        PROCEDURE.evaluate(facts(staff=staff))
    assert error.value.errors[0]["field"] == "staff"


# --- a population decided at once: the same statuses as case by case ------------------------------


def _population():
    cases = [facts(**changes) for _case, changes, _refusing in CASES]
    cases += [facts(experience__started_on=started, checked_on=checked, proposal=None)
              for started, checked in (("2020-02-29", "2025-02-28"), ("2020-02-29", "2025-02-27"),
                                       ("2020-02-29", "2024-02-29"))]
    # Before Order No. 198: p.19's earlier wording is not in the source.
    cases.append(facts(checked_on="2026-04-29"))
    return [PROCEDURE.parse(case) for case in cases]


@pytest.mark.parametrize("with_parameters", [False, True], ids=["source parameters", "operator minimums"])
def test_a_population_frame_gives_each_row_the_statuses_of_its_case(with_parameters):
    parameters = Parameters.from_source()
    if with_parameters:
        parameters = parameters.with_values([
            operator("tp.cc.min_staff_per_area", 2, D(2022, 5, 6)),
            operator("tp.cc.min_own_funds_kzt", "1000000", D(2022, 5, 6)),
        ])
    population = _population()
    frame = columnar.frame_of(CompetenceCentreFacts, population).with_columns(
        pl.col("checked_on").alias(columnar.ON))
    decided = rules.evaluate_frame(CC_RULES, CompetenceCentreFacts, frame, parameters)
    assert decided.height == len(population)
    statuses = set()
    for row, case in zip(decided.iter_rows(named=True), population, strict=True):
        verdict = PROCEDURE.evaluate(case, parameters=parameters)
        expected = {r.rule_id: r.status for r in verdict.results}
        assert {rule.id: rules.STATUSES[row[rule.id]] for rule in CC_RULES} == expected
        assert row["outcome"] == verdict.outcome
        statuses.update(expected.values())
    assert statuses == {"passed", "failed", "not_applicable", "wording_not_in_source"}


@pytest.mark.parametrize("text", [
    "Hydrogen", "  hydrogen ", "HYDRO\tGEN", "Straße", "STRASSE", "ΟΔΟΣ ΟΔΌΣ", "Сутегі  ЭНЕРГЕТИКАСЫ",
    "Қ\u00a0ө\u2003Ә", "a\x1cb", "\ufb01ne", "İstanbul", "", "   ",
])
def test_p19_directions_compare_in_a_frame_as_in_python(text):
    frame = pl.DataFrame({"t": [text]})
    assert frame.select(text_key(pl.col("t"))).item() == " ".join(text.split()).casefold()


def test_p19_every_character_folds_in_a_frame_as_in_python():
    # Every character Python's Unicode database assigns (a newer database may know a few more); no surrogates.
    chars = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) not in ("Cn", "Cs")]
    texts = [f"x{c}{c}X" for c in chars]
    keys = pl.DataFrame({"t": texts}).select(text_key(pl.col("t")))["t"].to_list()
    assert [t for t, k in zip(texts, keys, strict=True) if k != " ".join(t.split()).casefold()] == []
    assert same_text("x\u1e9e", "XSS") and same_text("ΟΔΟΣ", "οδοσ")


# --- p.21 (R-A2) and the published lists of p.15, p.16 ------------------------------------------------


@pytest.mark.parametrize(
    ("existing", "sector", "direction", "flagged"),
    [
        pytest.param([("Energy", "Hydrogen")], "Energy", "Hydrogen", True, id="000.p21.a1 same pair is flagged"),
        pytest.param([("Energy", "Hydrogen")], " energy", "HYDROGEN ", True, id="000.p21.a1 case and spaces"),
        pytest.param([("Energy", "Hydrogen")], "Energy", "Solar", False, id="000.p21.a1 other direction allowed"),
        pytest.param([("Energy", "Hydrogen")], "Transport", "Hydrogen", False, id="000.p21.a1 other sector"),
        pytest.param([], "Energy", "Hydrogen", False, id="000.p21.a1 first centre"),
    ],
)
def test_p21_a_second_centre_for_the_same_pair_is_flagged_never_refused(existing, sector, direction, flagged):
    assert same_pair_flag(existing, sector, direction) is flagged


def test_p15_tasks_and_p16_functions_are_listed_in_three_languages_with_citations():
    assert len(CC_TASKS) == 6 and {t.citation.ref for t in CC_TASKS} == {"000 p.15"}
    assert [f.citation.ref for f in CC_FUNCTIONS] == [f"000 p.16({n})" for n in range(1, 8)]
    for item in (*CC_TASKS, *CC_FUNCTIONS):
        assert all(item.label[lang] for lang in ("kk", "ru", "en"))
    assert CC_FUNCTIONS[3].code == "platforms" and CC_FUNCTIONS[4].code == "ttp_draft"  # links to groups B, C


# --- the command line ---------------------------------------------------------------------------------


def _cli(*argv):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "techpolicy.cli", *argv], capture_output=True, text=True,
                          env=env, check=False)


def test_cli_checks_the_example_in_kazakh():
    done = _cli("check", "competence-centre", str(EXAMPLES / "competence_centre.json"), "--lang", "kk")
    assert done.returncode == 0, done.stderr
    verdict = json.loads(done.stdout)
    assert verdict["outcome"] == "eligible" and verdict["subject"] == "methodology.competence_centre"
    assert verdict["rules"][0]["citation"]["text"] == "Технологиялық болжау әдістемесі, 17-тармақ, 1) тармақша"


def test_cli_refused_example_exits_1_naming_the_paragraphs():
    done = _cli("check", "competence-centre", str(EXAMPLES / "competence_centre_refused.json"), "--lang", "kk")
    assert done.returncode == 1, done.stderr
    refused = [r["rule"] for r in json.loads(done.stdout)["rules"] if r["status"] == "failed"]
    assert refused == ["000.p17.1", "000.p17.2", "000.p17.3", "000.p18"]


def test_examples_are_valid_facts():
    for name in ("competence_centre.json", "competence_centre_refused.json"):
        PROCEDURE.parse(json.loads((EXAMPLES / name).read_text("utf-8")))
