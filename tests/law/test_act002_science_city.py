"""Act 002, section 5, direction 1: the science-city status pre-assessment, as cases a lawyer can
read. Requirement ids 002.s5.d1.sc.c1 (with model 2, l.1032: at least 3 % of the employed
population, scientific workers of accredited subjects only, digest erratum DE-002-3),
002.s5.d1.sc.c2, 002.s5.d1.sc.c3 (reading R-E2: the HSTC list in force on the date), 002.s5.d1.sc.c4,
002.s5.d1.sc.grant (l.982), 002.s5.d1.sc.proc (l.996) and X.002.inforce; reading R-E1: every
verdict is a pre-assessment and says so in kk, ru and en. The example is examples/science_city.json."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import polars as pl
import pytest

from techpolicy.cli import main
from techpolicy.law import columnar, rules
from techpolicy.law.acts.act002_science_territories import hstc
from techpolicy.law.acts.act002_science_territories.common import PRE_ASSESSMENT_NOTE
from techpolicy.law.acts.act002_science_territories.facts import MAX_ORGANISATIONS, ScienceCityFacts
from techpolicy.law.acts.act002_science_territories.science_city import SCIENCE_CITY_RULES
from techpolicy.law.citation import Citation
from techpolicy.law.facts import InvalidFacts
from techpolicy.law.parameters import Parameters, ParameterValue
from techpolicy.law.procedure import catalogue

D = dt.date
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "science_city.json"
BASE = json.loads(EXAMPLE.read_text("utf-8"))
PROCEDURE = catalogue()["science-city"]
C1, C2, C3, C4, GRANT = (r.id for r in SCIENCE_CITY_RULES)


def changed(change=None):
    data = copy.deepcopy(BASE)
    if change is not None:
        change(data)
    return data


def result(verdict, rule_id):
    (found,) = [r for r in verdict.results if r.rule_id == rule_id]
    return found


def workers(count, employed=6000, staff=1600):
    def change(data):
        data["employed_population"]["count"] = employed
        data["organisations"][0].update(scientific_workers=count, staff=staff)
    return change


def test_the_example_passes_every_criterion_with_the_caveat():
    verdict = PROCEDURE.evaluate(BASE)
    assert verdict.outcome == "eligible"
    assert {r.rule_id: r.status for r in verdict.results} == dict.fromkeys((C1, C2, C3, C4, GRANT), "passed")
    assert PRE_ASSESSMENT_NOTE in verdict.notes


# --- 002.s5.d1.sc.c1: at least 3 % ----------------------------------------------------------------


@pytest.mark.parametrize(("count", "employed", "status"), [
    (180, 6000, "passed"),  # exactly 3 %
    (179, 6000, "failed"),  # 2.98 %
    (29_999, 1_000_000, "failed"),  # 2.9999 %: no rounding lets it pass
    (30_000, 1_000_000, "passed"),
    (1, 34, "failed"),  # 2.94 %
    (1, 33, "passed"),  # 3.03 %
], ids=["exactly 3 %", "just under", "2.9999 %", "exactly 3 % of a million", "1 of 34", "1 of 33"])
def test_002_s5_d1_sc_c1_the_3_percent_boundary(count, employed, status):
    verdict = PROCEDURE.evaluate(changed(workers(count, employed, staff=max(count, 1))))
    assert result(verdict, C1).status == status
    assert verdict.outcome == ("eligible" if status == "passed" else "not_eligible")


def test_002_s5_d1_sc_c1_r_e1_just_under_is_a_pre_assessment_in_every_language():
    """R-E1: the refusal is no refusal in law; the verdict says it is a pre-assessment in kk/ru/en."""
    verdict = PROCEDURE.evaluate(changed(workers(179)))
    reason = result(verdict, C1).reason
    assert "2.98 %" in reason["en"] and "179" in reason["kk"] and "3 %" in reason["ru"]
    (note,) = [n for n in verdict.notes if n == PRE_ASSESSMENT_NOTE]
    assert "алдын ала бағалау" in note["kk"] and "предварительная оценка" in note["ru"]
    assert "pre-assessment" in note["en"] and "neither a decision nor a refusal in law" in note["en"]
    assert "отказом по закону" in note["ru"] and "бас тарту да емес" in note["kk"]


def test_002_s5_d1_sc_proc_every_verdict_says_the_status_procedure_is_not_issued():
    for data in (BASE, changed(workers(1))):
        notes = PROCEDURE.evaluate(data).notes
        assert any("has not been issued" in n["en"] and "шығарылмаған" in n["kk"] and "не издан" in n["ru"]
                   for n in notes)


def test_002_s5_d1_sc_c1_scientific_workers_not_all_staff_count():
    """DE-002-3: 1,600 staff of whom 100 are scientific workers are 1.67 %, not 26.7 %."""
    verdict = PROCEDURE.evaluate(changed(workers(100, staff=1600)))
    assert result(verdict, C1).status == "failed"
    assert result(verdict, C1).details["staff_of_accredited"] == 1600
    assert str(result(verdict, C1).details["share_percent"]) == "1.66"  # rounded down, never up


def test_002_s5_d1_sc_c1_workers_of_organisations_not_accredited_are_not_counted():
    def change(data):
        workers(150)(data)
        data["organisations"][1].update(scientific_workers=60, staff=60)  # 150 + 60 = 210 would be 3.5 %
    verdict = PROCEDURE.evaluate(changed(change))
    assert result(verdict, C1).status == "failed"
    assert result(verdict, C1).details["not_accredited_workers"] == 60

    def accredited(data):
        change(data)
        data["organisations"][1]["accredited"] = True
    assert result(PROCEDURE.evaluate(changed(accredited)), C1).status == "passed"


def test_002_s5_d1_sc_c1_an_operator_threshold_applies_from_its_date():
    entry = ParameterValue("sct.science_city.min_scientist_share_percent", D(2027, 1, 1), "3.5",
                           Citation("002", "", section="5"), set_by="operator")
    parameters = Parameters.from_source().with_values([entry])
    data = changed(workers(200))  # 3.33 %
    assert result(PROCEDURE.evaluate(data, on=D(2026, 12, 31), parameters=parameters), C1).status == "passed"
    assert result(PROCEDURE.evaluate(data, on=D(2027, 1, 1), parameters=parameters), C1).status == "failed"


# --- 002.s5.d1.sc.c2, c4: evidence -----------------------------------------------------------------


@pytest.mark.parametrize(("name", "rule_id"), [("infrastructure", C2), ("clusters_and_investment", C4)])
def test_002_s5_d1_sc_c2_c4_need_the_criterion_met_and_evidenced(name, rule_id):
    def absent(data):
        data[name]["present"] = False

    def unevidenced(data):
        data[name]["evidence"] = []
    for change in (absent, unevidenced):
        verdict = PROCEDURE.evaluate(changed(change))
        assert [r.rule_id for r in verdict.failed] == [rule_id]


# --- 002.s5.d1.sc.c3: the HSTC list in force on the date (R-E2) ----------------------------------

LATER = {"quantum": {"name": {"kk": "кванттық технологиялар", "ru": "квантовые технологии",
                               "en": "quantum technologies"}, "from": "2028-01-01", "until": "2030-12-31"}}


def _direction(code):
    def change(data):
        data["organisations"][0]["priority_direction"] = code
    return change


@pytest.mark.parametrize(("code", "on", "status"), [
    ("energy_materials_transport", D(2027, 12, 31), "passed"),  # on the 2025-2027 list
    ("energy_materials_transport", D(2028, 1, 1), "failed"),  # that list is no longer in force
    ("quantum", D(2027, 12, 31), "failed"),  # the later list is not yet in force
    ("quantum", D(2028, 1, 1), "passed"),
])
def test_002_s5_d1_sc_c3_r_e2_the_hstc_list_in_force_on_the_date(code, on, status):
    references = {hstc.HSTC_PRIORITIES: {**hstc.seed_list(), **LATER}}
    verdict = PROCEDURE.evaluate(changed(_direction(code)), on=on, references=references)
    assert result(verdict, C3).status == status


def test_002_s5_d1_sc_c3_the_seed_list_is_the_default_and_names_seven_directions():
    listed = hstc.seed_list()
    assert len(listed) == 7 and listed["ecology"]["from"] == "2025-01-01" and listed["ecology"]["until"] == "2027-12-31"
    assert result(PROCEDURE.evaluate(changed(_direction("quantum"))), C3).status == "failed"


def test_002_s5_d1_sc_c3_a_priority_direction_without_science_intensive_products_does_not_count():
    def change(data):
        data["organisations"][0]["science_intensive_products"] = False
    verdict = PROCEDURE.evaluate(changed(change))
    assert [r.rule_id for r in verdict.failed] == [C3]


def test_002_s5_d1_sc_c3_a_malformed_list_date_is_invalid_input_naming_the_entry():
    references = {hstc.HSTC_PRIORITIES: {"x": {"from": "soon"}}}
    with pytest.raises(InvalidFacts) as raised:
        PROCEDURE.evaluate(BASE, references=references)
    assert raised.value.errors[0]["field"] == "references.hstc_priorities.x.from"


# --- 002.s5.d1.sc.grant: the agreements (l.982) ------------------------------------------------------


def test_002_s5_d1_sc_grant_both_agreements_or_none_yet():
    def none_yet(data):
        data["sectoral_body_agreement"] = data["local_executive_body_agreement"] = None

    def leb_refused(data):
        data["local_executive_body_agreement"]["agreed"] = False

    def only_sectoral(data):
        data["local_executive_body_agreement"] = None
    assert result(PROCEDURE.evaluate(changed(none_yet)), GRANT).status == "not_applicable"
    for change in (leb_refused, only_sectoral):
        refused = result(PROCEDURE.evaluate(changed(change)), GRANT)
        assert refused.status == "failed" and "local executive body" in refused.reason["en"]
        assert "жергілікті атқарушы орган" in refused.reason["kk"]


# --- X.002.inforce --------------------------------------------------------------------------------


def test_x_002_inforce_not_in_force_before_signing_and_a_note_outside_the_period():
    assert PROCEDURE.evaluate(BASE, on=D(2025, 12, 23)).outcome == "not_in_force"
    inside = PROCEDURE.evaluate(BASE, on=D(2035, 12, 31))
    undated = {hstc.HSTC_PRIORITIES: ["energy_materials_transport"]}  # a list without dates: in force on any date
    after = PROCEDURE.evaluate(BASE, on=D(2036, 1, 1), references=undated)
    assert after.outcome == "eligible"
    assert not any("outside the Concept" in n["en"] for n in inside.notes)
    assert any("outside the Concept" in n["en"] and "тыс" in n["kk"] for n in after.notes)
    assert any("outside the Concept" in n["en"] for n in PROCEDURE.evaluate(BASE, on=D(2025, 12, 24)).notes)


# --- one definition: a frame decides as each case alone ---------------------------------------------


def test_a_population_frame_decides_as_each_case():
    """Every requirement id above: the frame of settlements decides as each alone, on dates either
    side of the change of HSTC lists and of the act's entry into force."""
    references = {hstc.HSTC_PRIORITIES: {**hstc.seed_list(), **LATER}}
    changes = [None, workers(180), workers(179), workers(100), _direction("quantum"),
               lambda d: d.update(sectoral_body_agreement=None, local_executive_body_agreement=None),
               lambda d: d["infrastructure"].update(present=False)]
    days = [D(2026, 6, 1), D(2027, 12, 31), D(2028, 1, 1), D(2025, 12, 1)]
    population = [PROCEDURE.parse(changed(c)) for c in changes for _ in days]
    dates = [day for _ in changes for day in days]
    frame = columnar.frame_of(ScienceCityFacts, population).with_columns(pl.Series(columnar.ON, dates, dtype=pl.Date))
    decided = rules.evaluate_frame(SCIENCE_CITY_RULES, ScienceCityFacts, frame, reference=references)
    statuses = set()
    for row, case, day in zip(decided.iter_rows(named=True), population, dates, strict=True):
        verdict = PROCEDURE.evaluate(case, on=day, references=references)
        expected = {r.rule_id: r.status for r in verdict.results}
        assert {rule.id: rules.STATUSES[row[rule.id]] for rule in SCIENCE_CITY_RULES} == expected
        assert row["outcome"] == verdict.outcome
        statuses.update(expected.values())
    assert statuses == {"passed", "failed", "not_applicable", "not_in_force"}


# --- invalid input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("change", "field"), [
    (lambda d: d["organisations"][0].update(scientific_workers=1601), "organisations[0]"),
    (lambda d: d["employed_population"].update(count=0), "employed_population.count"),
    (lambda d: d.update(organisations=d["organisations"][:1] * (MAX_ORGANISATIONS + 1)), "organisations"),
    (lambda d: d["settlement"].update(name="x" * 10_000), "settlement.name"),
    (lambda d: d["organisations"][0].update(staff=-1), "organisations[0].staff"),
    (lambda d: d.update(unknown=1), "unknown"),
])
def test_malformed_science_city_facts_name_the_field(change, field):
    with pytest.raises(InvalidFacts) as raised:
        PROCEDURE.evaluate(changed(change))
    assert raised.value.errors[0]["field"] == field


# --- the command line ----------------------------------------------------------------------------------


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_check_science_city_exit_0_1_2(capsys, tmp_path):
    code, out, _ = run(capsys, "check", "science-city", str(EXAMPLE), "--lang", "kk")
    assert code == 0 and any("алдын ала бағалау" in n for n in json.loads(out)["notes"])
    under = tmp_path / "under.json"
    under.write_text(json.dumps(changed(workers(179)), ensure_ascii=False), "utf-8")
    code, out, _ = run(capsys, "check", "science-city", str(under), "--lang", "ru")
    printed = json.loads(out)
    assert code == 1 and [r["rule"] for r in printed["rules"] if r["status"] == "failed"] == [C1]
    assert any("предварительная оценка" in n for n in printed["notes"])
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(changed(lambda d: d["employed_population"].update(count=0))), "utf-8")
    code, _, err = run(capsys, "check", "science-city", str(bad))
    assert code == 2 and json.loads(err)["field"] == "employed_population.count"
