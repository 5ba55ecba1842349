"""Act 000 chapter 5: a draft targeted technology programme against paragraphs 31-40 and 44, as legal
cases a lawyer can read. Requirement ids 000.p31 (reading R-C1), 000.p33.1-000.p33.6 (R-C2, R-C3),
000.p34, 000.p35, 000.p36, 000.p37.1, 000.p37.2, 000.p38.a1-000.p38.a4 (R-C5), 000.p39, 000.p40,
000.p44. The example is examples/programme.json (fictional, marked demo)."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import polars as pl
import pytest

from techpolicy.cli import main
from techpolicy.law import columnar, rules
from techpolicy.law.acts.act000_methodology.programme_facts import MAX_MEASURES, ProgrammeFacts
from techpolicy.law.acts.act000_methodology.targeted_programmes import PROGRAMME_RULES
from techpolicy.law.citation import Citation
from techpolicy.law.facts import InvalidFacts
from techpolicy.law.parameters import Parameters, ParameterValue
from techpolicy.law.procedure import catalogue

D = dt.date
CHECKED = D(2026, 12, 2)
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "programme.json"
BASE = json.loads(EXAMPLE.read_text("utf-8"))
PROCEDURE = catalogue()["programme"]


def changed(change=None):
    data = copy.deepcopy(BASE)
    if change is not None:
        change(data)
    return data


def failed(verdict):
    return [r.rule_id for r in verdict.failed]


def result(verdict, rule_id):
    (found,) = [r for r in verdict.results if r.rule_id == rule_id]
    return found


def _set(path, value):
    """A change setting `path` ("a.b.0.c") to `value`."""
    def change(data):
        *head, last = path.split(".")
        node = data
        for key in head:
            node = node[int(key)] if key.isdigit() else node[key]
        if value is DELETE:
            del node[int(last) if last.isdigit() else last]
        else:
            node[int(last) if last.isdigit() else last] = value
    return change


DELETE = object()
G = "goals_and_tasks.goals"
M = "action_plan.measures"


def _both(*changes):
    def change(data):
        for c in changes:
            c(data)
    return change


# (case, change, rules that refuse)
CASES = [
    ("the example conforms", None, []),
    ("000.p31 a developer with no register entry is refused", _set("developer.competence_centre_entry", None),
     ["000.p31"]),
    ("000.p31 R-C1 a centre designated for another sector is refused",
     _set("developer.designated_sector", "Агроөнеркәсіптік кешен"), ["000.p31"]),
    ("000.p31 the sector compares without case and extra spaces",
     _set("developer.designated_sector", "  тау-кен  металлургия КЕШЕНІ"), []),
    ("000.p31 R-C1 another direction is only a warning", _set("developer.designated_direction", "Байыту"), []),
    ("000.p33.1 no State Planning System document (goals then cite unknown ones, 000.p38.a1)",
     _set("state_planning_documents", []), ["000.p33.1", "000.p38.a1"]),
    ("000.p33.2 no prospective technology", _set("technologies", []), ["000.p33.2"]),
    ("000.p33.2 no technological task of enterprises", _set("technological_tasks", []), ["000.p33.2"]),
    ("000.p33.3 no science participant", _set("participants", BASE["participants"][:3]), ["000.p33.3"]),
    ("000.p33.4 a blank target group", _set("target_consumers", "   "), ["000.p33.4"]),
    ("000.p33.5 a measure without resources", _set(f"{M}.0.resources", []), ["000.p33.5"]),
    ("000.p33.5 a measure citing a resource not in section 6", _set(f"{M}.0.resources", ["R1", "R9"]),
     ["000.p33.5"]),
    ("000.p33.5 a measure deadline outside the period", _set(f"{M}.1.deadline", "2033-01-31"), ["000.p33.5"]),
    ("000.p33.5 a goal with no task (and 000.p38.a3, 000.p39 for the task)", _set(f"{G[:-5]}tasks.0.goals", []),
     ["000.p33.5", "000.p38.a3", "000.p39"]),
    ("000.p33.6 no material resources", _both(_set("resources.items.3", DELETE), _set(f"{M}.1.resources", ["R2"])),
     ["000.p33.6"]),
    ("000.p33.6 R-C3 financial resources differ from the passport volume",
     _set("resources.items.1.amount", "2500000000.01"), ["000.p33.6"]),
    ("000.p33.6 a resource with no source", _set("resources.items.2.source", ""), ["000.p33.6"]),
    ("000.p34 no introduction section (000.p36 does not apply)", _set("introduction", DELETE), ["000.p34"]),
    ("000.p34 no resources section (000.p33.5, 000.p33.6, 000.p40 do not apply)", _set("resources", None),
     ["000.p34"]),
    ("000.p34 no priority sub-direction", _set("analysis.priority_subdirection", ""), ["000.p34"]),
    ("000.p34 no main directions in section 5", _set("action_plan.directions", []), ["000.p34"]),
    ("000.p35 a blank name", _set("passport.name", " "), ["000.p35"]),
    ("000.p35 no implementing bodies", _set("passport.implementing_bodies", []), ["000.p35"]),
    ("000.p35 no period (the year checks of 000.p33.5 and 000.p38.a2 wait for it)", _set("passport.period", None),
     ["000.p35"]),
    ("000.p35 sources that do not add up to the volume (and 000.p33.6)",
     _set("passport.financing_volume_kzt", "4000000001"), ["000.p33.6", "000.p35"]),
    ("000.p36 a blank justification", _set("introduction.justification", ""), ["000.p36"]),
    ("000.p37.1 no digital indicators", _set("analysis.current_state.indicators", []), ["000.p37.1"]),
    ("000.p37.1 no world experience", _set("analysis.current_state.world_experience", ""), ["000.p37.1"]),
    ("000.p37.2 no practice described", _set("analysis.policy.practice", ""), ["000.p37.2"]),
    ("000.p38.a1 a goal resting on no planning document", _set(f"{G}.1.documents", []), ["000.p38.a1"]),
    ("000.p38.a1 a goal citing an unknown document", _set(f"{G}.1.documents", ["D9"]), ["000.p38.a1"]),
    ("000.p38.a2 a goal without indicators", _set(f"{G}.1.indicators", []), ["000.p38.a2"]),
    ("000.p38.a2 an indicator without a final value", _set(f"{G}.1.indicators.0.values.1.kind", "interim"),
     ["000.p38.a2"]),
    ("000.p38.a2 an indicator without an interim value", _set(f"{G}.1.indicators.0.values", [
        {"year": 2031, "value": "40", "kind": "final"}]), ["000.p38.a2"]),
    ("000.p38.a2 a year outside the period", _set(f"{G}.1.indicators.0.values.1.year", 2040), ["000.p38.a2"]),
    ("000.p38.a2 two values for one year", _set(f"{G}.0.indicators.0.values.1.year", 2028), ["000.p38.a2"]),
    ("000.p38.a2 a final value before an interim one", _set(f"{G}.0.indicators.0.values.0.year", 2031),
     ["000.p38.a2"]),
    ("000.p38.a2 no better direction", _set(f"{G}.0.indicators.0.direction", None), ["000.p38.a2"]),
    ("000.p38.a2 no unit", _set(f"{G}.0.indicators.0.unit", ""), ["000.p38.a2"]),
    ("000.p38.a2 R-C5 no baseline is fine", _set(f"{G}.0.indicators.0.baseline", None), []),
    ("000.p38.a3 a task tied to two goals", _set("goals_and_tasks.tasks.0.goals", ["G1", "G2"]), ["000.p38.a3"]),
    ("000.p38.a3 a task tied to an unknown goal (and 000.p33.5, 000.p39)",
     _set("goals_and_tasks.tasks.1.goals", ["G7"]), ["000.p33.5", "000.p38.a3", "000.p39"]),
    ("000.p38.a4 an indicator with no responsible organisation", _set(f"{G}.1.indicators.0.responsible", []),
     ["000.p38.a4"]),
    ("000.p38.a4 a task with no responsible organisation", _set("goals_and_tasks.tasks.1.responsible", []),
     ["000.p38.a4"]),
    ("000.p39 a measure without executor", _set(f"{M}.1.executor", ""), ["000.p39"]),
    ("000.p39 a measure without deadline", _set(f"{M}.0.deadline", None), ["000.p39"]),
    ("000.p39 a measure tied to no goal", _set(f"{M}.0.goal", None), ["000.p39"]),
    ("000.p39 a measure's task belongs to another goal, so T2 is left without a measure",
     _set(f"{M}.1.task", "T1"), ["000.p39"]),
    ("000.p39 a goal without measures", _both(_set(f"{M}.1.goal", "G1"), _set(f"{M}.1.task", "T1")), ["000.p39"]),
    ("000.p40 a resource with no need stated", _set("resources.items.2.amount", "0"), ["000.p40"]),
    ("000.p40 no resources at all (and 000.p33.5, 000.p33.6)", _set("resources.items", []),
     ["000.p33.5", "000.p33.6", "000.p40"]),
    ("000.p44 wholly attracted financing is admitted", _set("passport.financing_sources", [
        {"kind": "attracted", "name": "Инвесторлар", "amount_kzt": "4000000000"}]), []),
]


@pytest.mark.parametrize(("case", "change", "refusing"), CASES, ids=[c[0] for c in CASES])
def test_programme_requirements(case, change, refusing):
    verdict = PROCEDURE.evaluate(changed(change))
    assert failed(verdict) == refusing
    assert verdict.eligible is (not refusing)
    for r in verdict.results:  # a refusal names what it found; a pass finds nothing to name
        if r.status == "failed":
            assert r.details["problems"] > 0 and r.reason["kk"].endswith(".") and r.reason["kk"].count(":") >= 1
        elif r.status == "passed":
            assert r.details["problems"] == 0


def test_the_example_is_marked_demo_and_said_to_be_fictional():
    verdict = PROCEDURE.evaluate(BASE)
    assert verdict.eligible and BASE["demo"] is True
    assert any("демонстрациялық" in n["kk"] for n in verdict.notes)


@pytest.mark.parametrize(
    ("change", "rule_id", "kk", "en"),
    [
        (_set("goals_and_tasks.tasks.1.goals", []), "000.p38.a3", "T2 міндеті ешбір мақсатқа байланыстырылмаған",
         "task T2 is tied to no goal"),
        (_set("goals_and_tasks.tasks.0.goals", ["G1", "G2"]), "000.p38.a3",
         "T1 міндеті бір мақсатқа емес, 2 мақсатқа байланыстырылған (G1, G2)", "task T1 is tied to 2 goals (G1, G2)"),
        (_set(f"{G}.1.indicators.0.values.1.year", 2040), "000.p38.a2",
         "I2 индикаторының 2040 жылы 2027–2031 іске асыру мерзімінен тыс",
         "indicator I2's year 2040 lies outside the period 2027–2031"),
        (_set(f"{M}.1.executor", ""), "000.p39", "M2 іс-шарасының орындаушысы көрсетілмеген",
         "measure M2 has no executor"),
        (_set(f"{M}.1.task", "T1"), "000.p39", "M2 іс-шарасы T1 міндетіне байланыстырылған, ол міндет G2 мақсатына "
         "емес, G1 мақсатына жатады", "measure M2 is tied to task T1, which belongs to goal G1, not G2"),
        (_set(f"{G}.1.documents", ["D9"]), "000.p38.a1", "G2 мақсаты бағдарламаның құжаттар тізбесінде жоқ D9",
         "goal G2 cites D9"),
        (_set(f"{M}.0.resources", ["R9"]), "000.p33.5", "M1 іс-шарасы «Қажетті ресурстар» бөлімінде жоқ R9",
         "measure M1 cites resource R9"),
        (_set("participants", BASE["participants"][:2]), "000.p33.3", "білім субъектілерінен бірде-бір қатысушы",
         "no participant from science is named"),
        (_set("resources.items.1.amount", "1"), "000.p33.6",
         "қаржылық ресурстардың жиыны (1\u00a0500\u00a0000\u00a0001\u00a0₸)", "the financial resources total"),
    ],
)
def test_refusals_name_the_offending_element_in_kazakh_and_english(change, rule_id, kk, en):
    found = result(PROCEDURE.evaluate(changed(change)), rule_id)
    assert found.status == "failed"
    assert kk in found.reason["kk"] and en in found.reason["en"]


def test_000_p34_names_each_missing_section_in_kazakh():
    verdict = PROCEDURE.evaluate(changed(_both(_set("introduction", DELETE), _set("action_plan", None))))
    found = result(verdict, "000.p34")
    assert found.citation.text("kk").endswith("34-тармақ") and "34-тармақ бойынша" in found.reason["kk"]
    kk = found.reason["kk"]
    assert "2) «кіріспе» бөлімі жоқ" in kk and "5) «бағдарламаның негізгі бағыттары" in kk
    assert found.details["missing"] == ["introduction", "action_plan"]
    assert {r.rule_id: r.status for r in verdict.results}["000.p39"] == "not_applicable"


def test_000_p35_names_each_missing_passport_field_by_its_sub_paragraph():
    def strip(data):
        data["passport"].update(basis="", tasks=[], financing_sources=[], financing_volume_kzt=None)
    found = result(PROCEDURE.evaluate(changed(strip)), "000.p35")
    assert found.citation.text("kk") == "Технологиялық болжау әдістемесі, 35-тармақ"
    kk = found.reason["kk"]
    assert kk.startswith("35-тармақ бойынша паспорт толық емес")
    assert "2) әзірлеу үшін негіздеме көрсетілмеген" in kk and "5) міндеттері көрсетілмеген" in kk
    assert "7) қаржыландыру көздері көрсетілмеген" in kk and "7) қаржыландыру көлемі көрсетілмеген" in kk
    assert "пп." not in found.reason["en"] and "п. 35" in found.reason["ru"]


def test_000_p35_an_operator_longest_period_applies_and_the_unset_one_is_a_note():
    verdict = PROCEDURE.evaluate(BASE)
    assert result(verdict, "000.p35").details["unset"] == "tp.ttp.max_period_years"
    assert any("tp.ttp.max_period_years" in n["en"] for n in verdict.notes)
    entry = ParameterValue("tp.ttp.max_period_years", D(2022, 5, 6), 4, Citation("000", "35", "6"),
                           source="operator entry", set_by="operator")
    limited = PROCEDURE.evaluate(BASE, parameters=Parameters.from_source().with_values([entry]))
    assert failed(limited) == ["000.p35"]
    assert "іске асыру мерзімі 5 жыл, ең ұзақ мерзім — 4 жыл" in limited.failed[0].reason["kk"]
    assert not any("tp.ttp.max_period_years" in n["en"] for n in limited.notes)


def test_000_p33_2_r_c2_technologies_off_the_key_list_are_a_warning_not_a_refusal():
    verdict = PROCEDURE.evaluate(BASE, references={"key_technologies": {"KT-03": {}}})
    assert verdict.eligible
    (warning,) = [n for n in verdict.notes if "R-C2" in n["en"]]
    assert "Кеніштің цифрлық егізі" in warning["kk"] and "бас тарту негізі емес" in warning["kk"]
    listed = PROCEDURE.evaluate(BASE, references={"key_technologies": {"KT-03": {}, "KT-07": {}}})
    assert not any("R-C2" in n["en"] for n in listed.notes)
    assert any("Түйінді технологиялар тізбесі берілмеген" in n["kk"] for n in PROCEDURE.evaluate(BASE).notes)


def test_000_p31_r_c1_another_direction_is_a_warning():
    verdict = PROCEDURE.evaluate(changed(_set("developer.designated_direction", "Кенді байыту")))
    assert verdict.eligible
    assert any("R-C1" in n["en"] and "«Кенді байыту»" in n["kk"] for n in verdict.notes)


def test_000_p31_before_order_198_took_effect_its_wording_is_not_in_the_source():
    verdict = PROCEDURE.evaluate(BASE, on=D(2026, 4, 29))
    assert result(verdict, "000.p31").status == "wording_not_in_source"
    assert verdict.outcome == "undetermined"
    assert result(verdict, "000.p35").status == "passed"


def test_a_population_frame_decides_as_each_case():
    """One definition per rule: the frame of drafts decides as each draft alone (every requirement id above)."""
    population = [PROCEDURE.parse(changed(change)) for _case, change, _refusing in CASES]
    days = [CHECKED] * len(population) + [D(2026, 4, 29), D(2022, 5, 5)]
    population += population[:2]
    frame = columnar.frame_of(ProgrammeFacts, population).with_columns(pl.Series(columnar.ON, days, dtype=pl.Date))
    decided = rules.evaluate_frame(PROGRAMME_RULES, ProgrammeFacts, frame)
    statuses = set()
    for row, case, day in zip(decided.iter_rows(named=True), population, days, strict=True):
        verdict = PROCEDURE.evaluate(case, on=day)
        expected = {r.rule_id: r.status for r in verdict.results}
        assert {rule.id: rules.STATUSES[row[rule.id]] for rule in PROGRAMME_RULES} == expected
        assert row["outcome"] == verdict.outcome
        statuses.update(expected.values())
    assert statuses == {"passed", "failed", "not_applicable", "not_in_force", "wording_not_in_source"}


# --- invalid input: named fields, bounded sizes --------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (_set(f"{G}.1.code", "G1"), "goals_and_tasks"),
        (_set(f"{G}.1.indicators.0.code", "I1"), "goals_and_tasks"),
        (_set(M, [BASE["action_plan"]["measures"][0]] * (MAX_MEASURES + 1)), "action_plan.measures"),
        (_set(f"{M}.1.code", "M1"), "action_plan.measures"),
        (_set("passport.period", {"start_year": 2031, "end_year": 2027}), "passport.period"),
        (_set("passport.financing_volume_kzt", "1.005"), "passport.financing_volume_kzt"),
        (_set("passport.financing_volume_kzt", "-1"), "passport.financing_volume_kzt"),
        (_set("resources.items.0.unit", "USD"), "resources.items[0]"),
        (_set("developer.name", "Орталық\x00"), "developer.name"),
        (_set("sector", "x" * 10_000), "sector"),
        (_set(f"{G}.0.code", "G|1"), "goals_and_tasks.goals[0].code"),
        (_set("passport.unknown", 1), "passport.unknown"),
        (_set(f"{G}.0.indicators.0.values.0.year", 1e400), "goals_and_tasks.goals[0].indicators[0].values[0].year"),
    ],
)
def test_malformed_programme_facts_name_the_field(change, field):
    with pytest.raises(InvalidFacts) as error:
        PROCEDURE.evaluate(changed(change))
    assert error.value.errors[0]["field"] == field


# --- the command line ----------------------------------------------------------------------------------


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _file(tmp_path, data=None, text=None):
    path = tmp_path / "programme.json"
    path.write_text(text if text is not None else json.dumps(data, ensure_ascii=False), "utf-8")
    return str(path)


def test_cli_exit_0_for_the_example(capsys):
    code, out, _ = run(capsys, "check", "programme", str(EXAMPLE), "--lang", "kk")
    assert code == 0 and json.loads(out)["outcome"] == "eligible"


def test_cli_exit_1_for_a_broken_passport_naming_paragraph_35(capsys, tmp_path):
    path = _file(tmp_path, changed(_set("passport.goal", "")))
    code, out, _ = run(capsys, "check", "programme", path, "--lang", "kk")
    printed = json.loads(out)
    assert code == 1 and printed["outcome"] == "not_eligible"
    (refused,) = [r for r in printed["rules"] if r["status"] == "failed"]
    assert refused["rule"] == "000.p35" and refused["citation"]["ref"] == "000 p.35"
    assert "35-тармақ" in refused["reason"] and "4) мақсаты көрсетілмеген" in refused["reason"]


def test_cli_references_give_the_key_technology_list(capsys, tmp_path):
    lists = tmp_path / "lists.json"
    lists.write_text(json.dumps({"key_technologies": ["KT-03"]}), "utf-8")
    code, out, _ = run(capsys, "check", "programme", str(EXAMPLE), "--references", str(lists), "--lang", "en")
    assert code == 0 and any("R-C2" in n for n in json.loads(out)["notes"])


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("[" * 100_000 + "]" * 100_000, "FACTS"),
        ('{"sector": ' + "[" * 5_000 + "]" * 5_000 + "}", "FACTS"),
        ("{not json", "FACTS"),
    ],
    ids=["deep nesting", "nesting inside a field", "malformed"],
)
def test_cli_exit_2_for_hostile_input(capsys, tmp_path, text, field):
    code, _, err = run(capsys, "check", "programme", _file(tmp_path, text=text))
    assert code == 2 and json.loads(err)["field"] == field


def test_cli_exit_2_names_the_field_of_an_oversized_list(capsys, tmp_path):
    path = _file(tmp_path, changed(_set("participants", BASE["participants"] * 200)))
    code, _, err = run(capsys, "check", "programme", path)
    assert code == 2 and json.loads(err)["field"] == "participants"


def test_cli_schema_of_the_programme(capsys):
    code, out, _ = run(capsys, "schema", "programme")
    schema = json.loads(out)
    assert code == 0 and schema["title"] == "ProgrammeFacts" and "passport" in schema["properties"]


SECTION_NAMES = ("passport", "introduction", "analysis", "goals_and_tasks", "action_plan", "resources")


def test_000_p34_every_combination_of_missing_sections_is_decided_alike_alone_and_in_a_frame():
    """000.p34: each of the 64 ways of leaving sections out is refused by p.34 exactly when one is missing, the
    rules that read a missing section do not apply, and the frame decides each combination as it alone."""
    population = []
    for mask in range(2 ** len(SECTION_NAMES)):
        data = changed()
        for bit, name in enumerate(SECTION_NAMES):
            if mask >> bit & 1:
                data[name] = None
        population.append(PROCEDURE.parse(data))
    frame = columnar.frame_of(ProgrammeFacts, population).with_columns(
        pl.Series(columnar.ON, [CHECKED] * len(population), dtype=pl.Date))
    decided = rules.evaluate_frame(PROGRAMME_RULES, ProgrammeFacts, frame)
    for mask, (row, case) in enumerate(zip(decided.iter_rows(named=True), population, strict=True)):
        verdict = PROCEDURE.evaluate(case)
        statuses = {r.rule_id: r.status for r in verdict.results}
        assert {rule.id: rules.STATUSES[row[rule.id]] for rule in PROGRAMME_RULES} == statuses
        assert (statuses["000.p34"] == "failed") is (mask != 0)
        assert (statuses["000.p35"] == "not_applicable") is bool(mask & 1)
        assert (statuses["000.p39"] == "not_applicable") is bool(mask & 0b11000)
        assert failed(verdict) == (["000.p34"] if mask else [])
