"""Act 003, articles 3-17 (group I): the institutions as data, the competence matrix of articles 4-8
with the procedure "institution-act", the councils of articles 9-10 ("council-composition",
"council-decision") and the strategy agreement of articles 5(12) and 6(9) ("strategy-agreement").
Each test names the requirement id and the paragraph."""

from __future__ import annotations

import datetime as dt
import json

import polars as pl
import pytest

from techpolicy.cli import main
from techpolicy.law import columnar, rules
from techpolicy.law.acts.act003_state_support import competences, councils, strategy
from techpolicy.law.acts.act003_state_support.common import cite
from techpolicy.law.acts.act003_state_support.institutions import (
    BY_ID,
    COORDINATION_TASKS,
    GOAL,
    MEMBER_CATEGORIES,
    OPERATORS,
    PRINCIPLES,
    PUBLICATION_PRINCIPLES,
    RECOMMENDATION_AREAS,
    SYSTEM_SUBJECTS,
    TASKS,
)
from techpolicy.law.facts import InvalidFacts
from techpolicy.law.parameters import ParameterNotSet, Parameters
from techpolicy.law.procedure import catalogue

LANGS = ("kk", "ru", "en")
ACT = competences.PROCEDURE
COUNCIL = councils.COMPOSITION
DECISION = councils.DECISION
STRATEGY = strategy.PROCEDURE


def failed(verdict) -> list[str]:
    return [r.rule_id for r in verdict.failed]


# --- institutions as data -------------------------------------------------------------------------------


def test_003_a9_p1_the_coordination_council_sits_under_the_president():
    """003.a9.p1 (article 9(1)): a consultative-advisory body under the President."""
    council = BY_ID["coordination_council"]
    assert council.kind == "consultative_advisory_president" and council.citation.ref == "003 a.9 p.1"
    assert "Президенті жанындағы" in council.as_dict("kk")["kind_name"]


def test_003_a10_p1_the_council_on_technological_policy_is_headed_by_the_prime_minister():
    """003.a10.p1 (article 10(1)): under the Government, headed by the Prime Minister, its working body
    the authorized body."""
    council = BY_ID["tech_policy_council"]
    assert council.kind == "consultative_advisory_government"
    assert council.chair["kk"] == "Қазақстан Республикасының Премьер-Министрі"
    assert council.working_body == "authorized_body"


@pytest.mark.parametrize(("body", "article", "count"), [
    ("operator.sectoral", "13", 5), ("operator.technological", "14", 10), ("operator.local_content", "15", 5),
    ("operator.investment", "16", 4), ("operator.export", "17", 6)])
def test_003_a13_17_each_national_operator_has_its_functions_by_sub_paragraph(body, article, count):
    """003.a13-17 (articles 13-17): five national operators, each function cited by its sub-paragraph."""
    operator = BY_ID[body]
    assert operator.kind == "national_operator" and operator in OPERATORS
    assert [f.citation.ref for f in operator.functions] == [f"003 a.{article}({n})" for n in range(1, count + 1)]
    assert all(f.name[lang] for f in operator.functions for lang in LANGS)
    assert operator.as_dict("kk")["functions"][0]["citation"]["text"].endswith(f"{article}-бап, 1) тармақша")


def test_003_a13_17_the_technological_operator_gives_grants_and_forecasting():
    """003.a13-17 (article 14(1), 14(10)): forecasting and the grant operator's functions."""
    functions = BY_ID["operator.technological"].functions
    assert "технологиялық болжау" in functions[0].name["kk"]
    assert "инновациялық гранттарды беру" in functions[9].name["kk"]


def test_003_a12_p1_the_subjects_of_the_system_with_their_governing_law():
    """003.a12.p1 (article 12(1)-(5)): the subjects and the laws of 12(2)-(5)."""
    by_id = {s.id: s for s in SYSTEM_SUBJECTS}
    assert {s.citation.ref for s in SYSTEM_SUBJECTS if s.id != "development_bank"} == {"003 a.12 p.1"}
    assert by_id["national_welfare_fund_group"].law_citation.ref == "003 a.12 p.2"
    assert by_id["development_bank"].governing_law["kk"] == "«Қазақстан даму банкі туралы» Заң"
    assert by_id["agro_industrial_holding"].law_citation.ref == "003 a.12 p.4"
    assert by_id["sme_support_fund"].as_dict("ru")["governing_law"] == "Закон «О частном предпринимательстве»"
    assert by_id["national_development_institutions"].governing_law is None  # this Law


def test_003_a3_goal_seven_tasks_and_six_principles_as_tags():
    """003.a3 (article 3(1)-(3)): the goal, 7 tasks, 6 principles; principles 1-2 drive publication."""
    assert GOAL.citation.ref == "003 a.3 p.1"
    assert [t.citation.ref for t in TASKS] == [f"003 a.3 p.2({n})" for n in range(1, 8)]
    assert [p.citation.ref for p in PRINCIPLES] == [f"003 a.3 p.3({n})" for n in range(1, 7)]
    assert "тең қол жетімділігін" in PRINCIPLES[0].name["kk"] and "жариялылығы" in PRINCIPLES[1].name["kk"]
    assert "халықаралық міндеттемелеріне" in PRINCIPLES[5].name["kk"]
    assert PRINCIPLES[:2] == PUBLICATION_PRINCIPLES


# --- the competence matrix --------------------------------------------------------------------------------


@pytest.mark.parametrize(("requirement", "article", "body", "count"), [
    ("003.a4", "4", "government", 15), ("003.a5", "5", "authorized_body", 17),
    ("003.a6", "6", "state_planning_body", 10), ("003.a7-8", "7", "state_bodies", 6),
    ("003.a7-8", "8", "local_executive_bodies", 6)])
def test_003_a4_to_a8_every_sub_paragraph_of_the_competences_is_a_matrix_row(requirement, article, body, count):
    """003.a4 (15 items), 003.a5 (17), 003.a6 (10), 003.a7-8 (6 and 6): each sub-paragraph is a row."""
    found = [r for r in competences.MATRIX if r.citation.article == article and r.citation.paragraph == ""]
    assert {r.body for r in found} == {body} and {r.requirement for r in found} == {requirement}
    assert sorted({int(r.citation.sub) for r in found}) == list(range(1, count + 1))
    assert all(r.as_dict(lang)["act"] and r.as_dict(lang)["role_name"] for r in found for lang in LANGS)


@pytest.mark.parametrize(("kind", "role", "bodies"), [
    ("grant_priority_directions", "approves", ["government"]),
    ("grant_priority_directions", "proposes", ["authorized_body"]),
    ("grant_priority_directions", "recommends", ["tech_policy_council"]),
    ("unified_map", "develops", ["authorized_body"]),
    ("regional_map", "approves", ["local_executive_bodies"]),
    ("sectoral_programme", "develops", ["authorized_body", "state_bodies"]),
    ("state_entity_strategy", "agrees", ["authorized_body", "state_planning_body"]),
    ("priority_sectors", "proposes", ["government", "authorized_body", "state_planning_body", "state_bodies",
                                      "local_executive_bodies"]),
    ("export_goods_list", "approves", []),
])
def test_003_a4_a5_competent_names_the_bodies_of_each_role(kind, role, bodies):
    """003.a4, 003.a5, 003.a6, 003.a7-8: `competent(act_kind, role)` in the act's order."""
    assert [b.id for b in competences.competent(kind, role)] == bodies


@pytest.mark.parametrize(("kind", "refs"), [
    ("model_regulations", ["003 a.4(14)", "003 a.5(14)"]),
    ("effectiveness_methodology", ["003 a.6(8)", "003 a.19 p.4 [indent 2]"])])
def test_003_a4_14_and_a6_8_two_approvers_are_stored_and_marked_as_a_conflict(kind, refs):
    """003.a4 (4(14)) / 003.a5 (5(14)) and 003.a6 (6(8)) / 19(4): both approvers stored, reading R-H2."""
    assert [r.citation.ref for r in competences.conflicts()[kind]] == refs
    assert all(r.conflict == "R-H2" for r in competences.conflicts()[kind])
    for body in ("government", "authorized_body") if kind == "model_regulations" else ("state_planning_body",
                                                                                         "authorized_body"):
        verdict = ACT.evaluate({"act_kind": kind, "title": "Үлгілік ереже", "approved_on": "2026-05-01",
                                "approved_by": body})
        assert verdict.eligible
        assert any("R-H2" in n["kk"] and "екі орган" in n["kk"] for n in verdict.notes)
    refused = ACT.evaluate({"act_kind": kind, "title": "x", "approved_on": "2026-05-01", "approved_by": "other"})
    assert not refused.eligible


def test_003_a4_9_priority_directions_of_grants_approved_by_anyone_but_the_government_are_refused():
    """003.a4 (article 4(9)): the Government determines the priority directions of innovation grants;
    the authorized body only proposes them (5(9))."""
    facts = {"act_kind": "grant_priority_directions", "title": "2026 жылғы басым бағыттар",
             "approved_on": "2026-05-01", "proposed_by": "authorized_body"}
    assert ACT.evaluate({**facts, "approved_by": "government"}).eligible
    refused = ACT.evaluate({**facts, "approved_by": "authorized_body"})
    assert failed(refused) == ["003.a4.9"]
    assert refused.failed[0].citation == cite("4", "", "9") and refused.failed[0].citation.ref == "003 a.4(9)"
    kk = refused.failed[0].reason["kk"]
    assert "4-баптың 9) тармақшасы" in kk and "Қазақстан Республикасының Үкіметі бекітеді" in kk
    assert refused.failed[0].citation.text("kk").endswith("4-бап, 9) тармақша")
    wrong_proposer = ACT.evaluate({**facts, "approved_by": "government", "proposed_by": "state_planning_body"})
    assert failed(wrong_proposer) == ["003.competence.grant_priority_directions.proposes"]
    assert "5-баптың 9) тармақшасы" in wrong_proposer.failed[0].reason["kk"]


@pytest.mark.parametrize(("kind", "rule_id", "ref", "kk"), [
    ("coordination_council_composition", "003.a9.p2", "003 a.9 p.2", "4-баптың 11) тармақшасы"),
    ("tech_policy_council_composition", "003.a10.p2", "003 a.10 p.2 [indent 2]", "4-баптың 12) тармақшасы")])
def test_003_a9_p2_and_a10_p2_a_councils_composition_is_approved_only_by_the_government(kind, rule_id, ref, kk):
    """003.a9.p2 (9(2), 4(11), 5(10)) and 003.a10.p2 (10(2), 4(12), 5(11)): the Government approves the
    composition; the authorized body proposes it."""
    facts = {"act_kind": kind, "title": "Кеңес құрамы", "approved_on": "2026-05-01"}
    assert ACT.evaluate({**facts, "approved_by": "government", "proposed_by": "authorized_body"}).eligible
    refused = ACT.evaluate({**facts, "approved_by": "authorized_body"})
    assert failed(refused) == [rule_id] and refused.failed[0].citation.ref == ref
    assert kk in refused.failed[0].reason["kk"] and "жарамсыз" in refused.failed[0].reason["kk"]


def test_003_a7_8_regional_maps_are_approved_by_local_executive_bodies_and_npas_by_each_within_its_competence():
    """003.a7-8 (8(2); 4(13), 5(13), 7(5), 8(5)): regional maps by the LEBs; NPAs by each body."""
    facts = {"act_kind": "regional_map", "title": "Павлодар облысының картасы", "approved_on": "2026-05-01"}
    assert ACT.evaluate({**facts, "approved_by": "local_executive_bodies"}).eligible
    assert failed(ACT.evaluate({**facts, "approved_by": "government"})) == ["003.competence.regional_map.approves"]
    for body in ("government", "authorized_body", "state_bodies", "local_executive_bodies"):
        assert ACT.evaluate({"act_kind": "normative_legal_acts", "title": "x", "approved_on": "2026-05-01",
                             "approved_by": body}).eligible
    assert competences.guard("normative_legal_acts", "approves", "state_planning_body") is False


def test_003_a5_an_act_whose_approver_the_seed_does_not_name_is_not_checked_and_says_so():
    """003.a5 (5(16)): the list of processed goods is developed by the AB; no approver in the seed."""
    verdict = ACT.evaluate({"act_kind": "export_goods_list", "title": "x", "approved_on": "2026-05-01",
                            "approved_by": "authorized_body", "developed_by": "authorized_body"})
    assert verdict.eligible and any("бекітетін органды атамайды" in n["kk"] for n in verdict.notes)


# --- the councils --------------------------------------------------------------------------------------------


TP = {"council": "technological_policy", "approved_on": "2026-02-01", "approved_by": "government",
      "attached_to": "government", "chair": "prime_minister", "working_body": "authorized_body",
      "regulation_developed_by": "authorized_body", "composition_proposed_by": "authorized_body",
      "membership": [{"name": "Ә. Сейітов", "category": "government_member"},
                     {"name": "Г. Нұрланқызы", "category": "leading_scientist"}]}


def test_003_a10_p1_chair_prime_minister_and_working_body_the_authorized_body():
    """003.a10.p1 (article 10(1), indents 1-2)."""
    assert COUNCIL.evaluate(TP).eligible
    refused = COUNCIL.evaluate({**TP, "chair": "other", "working_body": "state_planning_body"})
    assert failed(refused) == ["003.a10.p1", "003.a10.p1.working_body"]
    assert "Премьер-Министр" in refused.failed[0].reason["kk"]
    assert refused.failed[1].citation.text("kk").endswith("10-бап, 1-тармақ, 2-абзац")


def test_003_a10_p2_each_member_is_of_a_category_the_paragraph_lists():
    """003.a10.p2 (article 10(2)): ten categories; a member of none is refused by name."""
    assert len(MEMBER_CATEGORIES) == 10
    members = [*TP["membership"], {"name": "Шетел кеңесшісі", "category": "other"}]
    refused = COUNCIL.evaluate({**TP, "membership": members})
    assert failed(refused) == ["003.a10.p2.members"]
    assert "Шетел кеңесшісі" in refused.failed[0].reason["kk"]
    assert refused.failed[0].citation.text("kk").endswith("10-бап, 2-тармақ")


def test_003_a9_p2_the_coordination_council_approved_by_the_government_on_the_proposal_of_the_authorized_body():
    """003.a9.p1 and 003.a9.p2 (9(1)-(2), 5(10)): under the President; Government approves; AB proposes."""
    facts = {"council": "coordination", "approved_on": "2026-02-01", "attached_to": "president",
             "approved_by": "government", "regulation_developed_by": "authorized_body",
             "composition_proposed_by": "authorized_body"}
    verdict = COUNCIL.evaluate(facts)
    assert verdict.eligible and any("кворумы" in n["kk"] for n in verdict.notes)
    refused = COUNCIL.evaluate({**facts, "attached_to": "government", "approved_by": "president",
                                "composition_proposed_by": "state_planning_body"})
    assert failed(refused) == ["003.a9.p1", "003.a9.p2", "003.a9.p2.a5.10.composition"]
    assert refused.failed[1].citation.text("kk").endswith("9-бап, 2-тармақ")
    assert "Үкімет емес" in refused.failed[1].reason["kk"]


@pytest.mark.parametrize("name", ["council.coord.quorum", "council.coord.meeting_frequency", "council.tp.quorum",
                                  "council.tp.meeting_frequency"])
def test_003_a9_p2_and_a10_p2_working_rules_are_parameters_not_set_by_the_source(name):
    """003.a9.p2, 003.a10.p2: quorum and meeting frequency have no value."""
    with pytest.raises(ParameterNotSet):
        Parameters.from_source().get(name, dt.date(2026, 6, 1))


@pytest.mark.parametrize(("area", "addressed_to", "eligible"), [
    *[(str(n), "government", True) for n in range(1, 6)], ("other", "government", False), ("4", "president", False)])
def test_003_a10_p3_recommendations_are_typed_1_to_5_and_go_to_the_government(area, addressed_to, eligible):
    """003.a10.p3 (article 10(3)(1)-(5))."""
    assert [a.citation.ref for a in RECOMMENDATION_AREAS] == [f"003 a.10 p.3({n})" for n in range(1, 6)]
    verdict = DECISION.evaluate({"council": "technological_policy", "decided_on": "2026-03-01",
                                 "subject": "Сындарлы технологиялар тізбесі", "area": area,
                                 "addressed_to": addressed_to})
    assert verdict.eligible is eligible
    if not eligible:
        assert failed(verdict) == ["003.a10.p3"] and "бес саланың" in verdict.failed[0].reason["kk"]


def test_003_a9_p3_a_coordination_council_decision_carries_a_task_tag():
    """003.a9.p3 (article 9(3)(1)-(3))."""
    assert [t.citation.ref for t in COORDINATION_TASKS] == [f"003 a.9 p.3({n})" for n in (1, 2, 3)]
    facts = {"council": "coordination", "decided_on": "2026-03-01", "subject": "Экспорттық әлеует"}
    assert DECISION.evaluate({**facts, "tasks": ["coordination.task.2"]}).eligible
    refused = DECISION.evaluate({**facts, "tasks": ["other"]})
    assert failed(refused) == ["003.a9.p3"] and "9-баптың 3-тармағындағы" in refused.failed[0].reason["kk"]


# --- the strategy agreement ------------------------------------------------------------------------------------

STRATEGY_FACTS = {"entity": {"name": "«Самұрық-Қазына» АҚ", "kind": "national_managing_holding"},
                  "document": "development_strategy", "title": "Технологиялық даму стратегиясы 2026-2030",
                  "on_technologies_and_innovation": True, "submitted_on": "2026-03-01"}
AB = {"body": "authorized_body", "agreed_on": "2026-03-20", "reference": "ИИДМ-12/345"}
SPB = {"body": "state_planning_body", "agreed_on": "2026-04-02", "reference": "ҰЭМ-7/89"}


def test_003_a5_12_the_strategy_counts_as_agreed_only_with_both_agreements():
    """003.a5.12 (5(12) and 6(9)): the authorized body and the state planning body both agree."""
    assert failed(STRATEGY.evaluate(STRATEGY_FACTS)) == ["003.a5.12", "003.a6.9"]
    one = STRATEGY.evaluate({**STRATEGY_FACTS, "agreements": [AB]})
    assert failed(one) == ["003.a6.9"] and "жоспарлау жөніндегі" in one.failed[0].reason["kk"]
    assert one.failed[0].citation.text("kk").endswith("6-бап, 9) тармақша")
    wrong = STRATEGY.evaluate({**STRATEGY_FACTS, "agreements": [{**SPB, "body": "government"}, AB]})
    assert failed(wrong) == ["003.a6.9"]
    both = STRATEGY.evaluate({**STRATEGY_FACTS, "agreements": [AB, SPB]})
    assert both.eligible and both.on == dt.date(2026, 4, 2)


@pytest.mark.parametrize(("share", "in_scope"), [("50", True), ("75.5", True), ("49.9999", False), (None, False)])
def test_003_a5_12_a_legal_entity_is_in_scope_from_the_state_share_parameter(share, in_scope):
    """003.a5.12: iil.strategy_state_share_percent = 50 (at or above); other entities need no agreement."""
    facts = {**STRATEGY_FACTS, "entity": {"name": "«Х» ЖШС", "kind": "legal_entity",
                                          "state_voting_share_percent": share}}
    verdict = STRATEGY.evaluate(facts)
    assert verdict.eligible is not in_scope
    assert any(p.name == "iil.strategy_state_share_percent" and p.value == 50 for p in verdict.parameters_read)
    assert any("келісу талап етілмейді" in n["kk"] for n in verdict.notes) is not in_scope


def test_003_a5_12_a_document_not_on_technologies_and_innovation_is_not_reached():
    verdict = STRATEGY.evaluate({**STRATEGY_FACTS, "on_technologies_and_innovation": False})
    assert {r.status for r in verdict.results} == {"not_applicable"}
    assert any("технологиялар мен инновацияларға қатысты емес" in n["kk"] for n in verdict.notes)


# --- the rule form, the catalogue, the command line, hostile input ---------------------------------------------


def test_institution_rules_decide_a_frame_as_each_case():
    """One definition per rule (003.a4, 003.a9.p2, 003.a10.p1-p3, 003.a5.12): a frame of cases decides
    as each case alone."""
    cases = [
        (ACT, [{"act_kind": "grant_priority_directions", "title": "a", "approved_on": "2026-05-01",
               "approved_by": "authorized_body"},
              {"act_kind": "model_regulations", "title": "b", "approved_on": "2026-05-01", "approved_by": "government"},
              {"act_kind": "coordination_council_composition", "title": "c", "approved_on": "2026-05-01",
               "proposed_by": "state_bodies"}]),
        (COUNCIL, [TP, {**TP, "chair": "other", "membership": [{"name": "x", "category": "other"}]},
                  {"council": "coordination", "approved_on": "2026-01-01", "approved_by": "authorized_body"}]),
        (DECISION, [{"council": "coordination", "decided_on": "2026-01-01", "subject": "s", "tasks": ["other"]},
                   {"council": "technological_policy", "decided_on": "2026-01-01", "subject": "s", "area": "3"}]),
        (STRATEGY, [STRATEGY_FACTS, {**STRATEGY_FACTS, "agreements": [AB, SPB]},
                   {**STRATEGY_FACTS, "entity": {"name": "y", "kind": "legal_entity",
                                                 "state_voting_share_percent": "20"}}]),
    ]
    for procedure, variants in cases:
        population = [procedure.parse(facts) for facts in variants]
        frame = columnar.frame_of(procedure.facts, population).with_columns(
            pl.Series(columnar.ON, [procedure.date(c) for c in population], dtype=pl.Date))
        decided = rules.evaluate_frame(procedure.rules, procedure.facts, frame)
        for row, case in zip(decided.iter_rows(named=True), population, strict=True):
            verdict = procedure.evaluate(case)
            assert {r.id: rules.STATUSES[row[r.id]] for r in procedure.rules} == \
                {r.rule_id: r.status for r in verdict.results}
            assert row["outcome"] == verdict.outcome


def test_the_procedures_are_in_the_catalogue_and_rule_ids_are_unique():
    for name in ("institution-act", "council-composition", "council-decision", "strategy-agreement"):
        procedure = catalogue()[name]
        assert procedure.cli
        ids = [r.id for r in procedure.rules]
        assert len(ids) == len(set(ids))


def test_cli_checks_and_describes_the_institution_procedures(capsys, tmp_path):
    facts = tmp_path / "act.json"
    facts.write_text(json.dumps({"act_kind": "grant_priority_directions", "title": "Бағыттар",
                                 "approved_on": "2026-05-01", "approved_by": "state_planning_body"}), "utf-8")
    assert main(["check", "institution-act", str(facts), "--lang", "kk"]) == 1
    printed = json.loads(capsys.readouterr().out)
    assert printed["subject"] == "institutions.act"
    assert [r["citation"]["ref"] for r in printed["rules"] if r["status"] == "failed"] == ["003 a.4(9)"]
    strategy_file = tmp_path / "strategy.json"
    strategy_file.write_text(json.dumps({**STRATEGY_FACTS, "agreements": [AB, SPB]}), "utf-8")
    assert main(["check", "strategy-agreement", str(strategy_file)]) == 0
    capsys.readouterr()
    assert main(["schema", "council-composition"]) == 0
    assert "membership" in json.loads(capsys.readouterr().out)["properties"]


@pytest.mark.parametrize("facts", [
    {"act_kind": "grant_priority_directions", "title": "x" * 100_000, "approved_on": "2026-05-01"},
    {"act_kind": "no_such_kind", "title": "x", "approved_on": "2026-05-01"},
    {"act_kind": "regional_map", "title": "a\x00b", "approved_on": "2026-05-01", "approved_by": "mayor"},
    {"act_kind": "regional_map", "title": "x", "approved_on": 20260501},
])
def test_hostile_facts_are_refused_naming_a_field(facts):
    with pytest.raises(InvalidFacts) as raised:
        ACT.evaluate(facts)
    assert raised.value.errors[0]["field"]


def test_hostile_council_and_strategy_facts_are_bounded():
    with pytest.raises(InvalidFacts):
        COUNCIL.evaluate({**TP, "membership": [{"name": "m", "category": "expert"}] * 201})
    with pytest.raises(InvalidFacts):
        STRATEGY.evaluate({**STRATEGY_FACTS, "entity": {"name": "z", "kind": "legal_entity",
                                                        "state_voting_share_percent": "150"}})
    with pytest.raises(InvalidFacts):
        STRATEGY.evaluate({**STRATEGY_FACTS, "agreements": [{**AB, "agreed_on": "1900-01-01"}]})
