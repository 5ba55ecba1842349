"""Act 001 (Astana Hub technopark rules): registering as a participant — paragraph 7, the
documents of paragraph 9 and Annex 3. Each case starts from `examples/technopark/eligible.json`
and changes only what the case is about."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import string
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from techpolicy.law.acts.act001_technopark import procedures as technopark_procedures
from techpolicy.law.acts.act001_technopark import services as technopark_services
from techpolicy.law.acts.act001_technopark.common import sample_activity_types
from techpolicy.law.acts.act001_technopark.facts import TechnoparkFacts
from techpolicy.law.acts.act001_technopark.ownership import METHOD
from techpolicy.law.acts.act001_technopark.participation import PARTICIPATION_RULES, TECHNOPARK
from techpolicy.law.acts.act001_technopark.precheck import PRECHECK
from techpolicy.law.citation import Citation
from techpolicy.law.facts import InvalidFacts, parse_facts
from techpolicy.law.parameters import Parameters, ParameterValue
from tests.law.technopark_frames import assert_population_agrees

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "technopark"
APPLIED = dt.date(2026, 3, 17)  # the application date of the example


def example(name: str = "eligible") -> dict:
    return json.loads((EXAMPLES / f"{name}.json").read_text("utf-8"), parse_float=Decimal)


def changed(data: dict, changes: dict[str, Any]) -> dict:
    """A copy with `{"applicant.subsoil_user": True, ...}` applied (list indexes allowed)."""
    data = copy.deepcopy(data)
    for path, value in changes.items():
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value
    return data


def verdict_of(data: dict, **kwargs: Any):
    return TECHNOPARK.evaluate(parse_facts(TechnoparkFacts, data), **kwargs)


def result(verdict, rule_id: str):
    return next(r for r in verdict.results if r.rule_id == rule_id)


def failed_ids(verdict) -> set[str]:
    return {r.rule_id for r in verdict.failed}


def test_the_example_application_is_eligible():
    verdict = verdict_of(example())
    assert verdict.outcome == "eligible"
    assert failed_ids(verdict) == set()
    assert verdict.on == APPLIED
    assert {r.rule_id for r in verdict.results} == {r.id for r in PARTICIPATION_RULES}


# --- paragraph 7: the seven conditions -----------------------------------------------------------

P7_CASES = [
    pytest.param({"applicant.legal_form": "individual_entrepreneur"}, "001.p7.1", "individual_entrepreneur",
                 id="p7(1) individual entrepreneur -> refused"),
    pytest.param({"applicant.legal_form": "natural_person"}, "001.p7.1", "natural_person",
                 id="p7(1) natural person -> refused"),
    pytest.param({"applicant.has_branches_other_than_representative_offices": True}, "001.p7.2",
                 "representative office", id="p7(2) a branch that is not a representative office -> refused"),
    pytest.param({"applicant.implements_investment_priority_project": True}, "001.p7.3.priority_project",
                 "Article 284", id="p7(3) investment priority project (Entrepreneurial Code 284) -> refused"),
    pytest.param({"applicant.implemented_investment_strategic_project_pre_2015": True},
                 "001.p7.3.strategic_project", "1 January 2015",
                 id="p7(3) investment strategic project under a pre-2015 contract -> refused"),
    pytest.param({"ownership.shareholders": [{"holder": "nc-innovations", "share": "50"}]}, "001.p7.4",
                 "50 %", id="p7(4) national company owns 50% directly -> refused"),
    pytest.param({"applicant.subsoil_user": True}, "001.p7.5.subsoil_user", "subsoil user",
                 id="p7(5) subsoil user -> refused"),
    pytest.param({"applicant.sez_participant": True}, "001.p7.5.sez_participant", "special economic zone",
                 id="p7(5) special economic zone participant -> refused"),
    pytest.param({"applicant.excise_payer": True}, "001.p7.6", "Article 461",
                 id="p7(6) payer of excise (Tax Code 461) -> refused"),
    pytest.param({"applicant.activity_types": ["S-01", "X-99"],
                  "documents.business_plan.projects.0.activity_type": "X-99"}, "001.p7.7", "X-99",
                 id="p7(7) activity type not on the list -> refused"),
]


@pytest.mark.parametrize(("changes", "rule_id", "reason_mentions"), P7_CASES)
def test_paragraph_7_condition_fails(changes, rule_id, reason_mentions):
    verdict = verdict_of(changed(example(), changes))
    assert verdict.outcome == "not_eligible"
    assert failed_ids(verdict) == {rule_id}
    assert reason_mentions in result(verdict, rule_id).reason["en"]


@pytest.mark.parametrize(
    "rule_id",
    [
        pytest.param("001.p7.1", id="p7(1) a legal entity -> ok"),
        pytest.param("001.p7.2", id="p7(2) no branches -> ok"),
        pytest.param("001.p7.3.priority_project", id="p7(3) no investment priority project -> ok"),
        pytest.param("001.p7.3.strategic_project", id="p7(3) no pre-2015 strategic project -> ok"),
        pytest.param("001.p7.4", id="p7(4) state share 18% -> ok"),
        pytest.param("001.p7.5.subsoil_user", id="p7(5) not a subsoil user -> ok"),
        pytest.param("001.p7.5.sez_participant", id="p7(5) not in a special economic zone -> ok"),
        pytest.param("001.p7.6", id="p7(6) not an excise payer -> ok"),
        pytest.param("001.p7.7", id="p7(7) activity types on the list -> ok"),
    ],
)
def test_paragraph_7_condition_passes(rule_id):
    assert result(verdict_of(example()), rule_id).status == "passed"


def test_p7_7_official_list_replaces_the_sample_and_drops_the_sample_note():
    data = changed(example(), {"applicant.activity_types": ["OFF-1", "OFF-2"],
                               "documents.business_plan.projects.0.activity_type": "OFF-1",
                               "documents.business_plan.projects.1.activity_type": "OFF-2"})
    official = {"OFF-1": {"name": {"en": "one"}}, "OFF-2": {"name": {"en": "two"}}}
    assert verdict_of(data, references={"activity_types": official}).outcome == "eligible"
    assert verdict_of(data).outcome == "not_eligible"  # not on the sample list
    notes = [n["en"] for n in verdict_of(example()).notes]
    assert any("SAMPLE" in n for n in notes)
    assert not any("SAMPLE" in n["en"] for n in verdict_of(data, references={"activity_types": official}).notes)


def test_sample_activity_types_are_marked_as_sample():
    types = sample_activity_types()
    assert len(types) >= 10
    assert all(entry["sample"] is True and "Order No. 37/НҚ" in entry["source"] for entry in types.values())
    assert set(types["S-01"]["name"]) == {"kk", "ru", "en"}


# --- paragraph 7(4): state share, directly or indirectly ------------------------------------------

STATE = {"id": "state", "kind": "state", "name": "Republic of Kazakhstan"}
NC = {"id": "nc", "kind": "national_company", "name": "NC",
      "shareholders": [{"holder": "state", "share": "100"}]}
PRIVATE = {"id": "private", "kind": "natural_person", "name": "Founder"}


def owned(shareholders: list[dict], entities: list[dict]) -> dict:
    return changed(example(), {"ownership": {"shareholders": shareholders, "entities": entities}})


OWNERSHIP_CASES = [
    pytest.param([{"holder": "nc", "share": "50"}, {"holder": "private", "share": "50"}],
                 [STATE, NC, PRIVATE], "failed", "50", id="p7(4) national company owns 50% directly -> refused"),
    pytest.param([{"holder": "nc", "share": "49.99"}, {"holder": "private", "share": "50.01"}],
                 [STATE, NC, PRIVATE], "passed", "49.99", id="p7(4) national company owns 49.99% -> ok"),
    pytest.param([{"holder": "sub", "share": "50"}],
                 [{"id": "sub", "kind": "state_subsidiary", "name": "Subsidiary"}], "failed", "50",
                 id="p7(4) a subsidiary of a national company owns 50% -> refused"),
    pytest.param([{"holder": "holding", "share": "60"}],
                 [{"id": "holding", "kind": "national_managing_holding", "name": "Holding"}], "failed", "60",
                 id="p7(4) national managing holding owns 60% -> refused"),
    pytest.param([{"holder": "x", "share": "50"}, {"holder": "private", "share": "50"}],
                 [STATE, NC, PRIVATE, {"id": "x", "kind": "legal_entity", "name": "X",
                                       "shareholders": [{"holder": "nc", "share": "60"}]}],
                 "passed", "30", id="p7(4) state 100% -> NC -> 60% -> X -> 50% = 30% indirectly -> ok"),
    pytest.param([{"holder": "x", "share": "50"}, {"holder": "nc", "share": "20"}],
                 [STATE, NC, {"id": "x", "kind": "legal_entity", "name": "X",
                              "shareholders": [{"holder": "nc", "share": "60"}]}],
                 "failed", "50", id="p7(4) two chains 30% + 20% = 50% -> refused"),
    pytest.param([{"holder": "a", "share": "100"}],
                 [STATE, {"id": "a", "kind": "legal_entity", "shareholders": [{"holder": "b", "share": "70"}]},
                  {"id": "b", "kind": "foreign_entity", "shareholders": [{"holder": "state", "share": "70"}]}],
                 "passed", "49", id="p7(4) 100% -> A -> 70% -> B -> 70% = 49% indirectly -> ok"),
]


@pytest.mark.parametrize(("shareholders", "entities", "status", "share"), OWNERSHIP_CASES)
def test_p7_4_state_share(shareholders, entities, status, share):
    verdict = verdict_of(owned(shareholders, entities))
    p74 = result(verdict, "001.p7.4")
    assert p74.status == status
    assert p74.details["share"] == share
    assert p74.details["method"] == METHOD


def test_p7_4_refusal_names_the_method_and_the_chains_that_reached_the_threshold():
    verdict = verdict_of(owned(
        [{"holder": "x", "share": "50"}, {"holder": "nc", "share": "20"}],
        [STATE, NC, {"id": "x", "kind": "legal_entity", "name": "X",
                     "shareholders": [{"holder": "nc", "share": "60"}]}],
    ))
    p74 = result(verdict, "001.p7.4")
    texts = [c["text"] for c in p74.details["chains"]]
    assert texts == [
        "NC → X → Qoldau Labs LLP: 60 % × 50 % = 30 %",
        "NC → Qoldau Labs LLP: 20 % = 20 %",
    ]
    assert "multiplicative along each ownership chain, summed over chains" in p74.reason["en"]
    assert "NC → X → Qoldau Labs LLP: 60 % × 50 % = 30 %; NC → Qoldau Labs LLP" in p74.reason["en"]
    assert "50 %" in p74.reason["kk"] and "тізбек" in p74.reason["kk"]
    assert "цепочк" in p74.reason["ru"]


def test_p7_4_a_single_chain_that_reaches_the_threshold_is_named_alone():
    verdict = verdict_of(owned(
        [{"holder": "nc", "share": "55"}, {"holder": "x", "share": "10"}],
        [STATE, NC, {"id": "x", "kind": "legal_entity", "name": "X",
                     "shareholders": [{"holder": "nc", "share": "100"}]}],
    ))
    assert result(verdict, "001.p7.4").details["decisive"] == "NC → Qoldau Labs LLP: 55 % = 55 %"


INVALID_OWNERSHIP = [
    pytest.param([{"holder": "a", "share": "60"}],
                 [{"id": "a", "kind": "legal_entity", "shareholders": [{"holder": "b", "share": "50"}]},
                  {"id": "b", "kind": "legal_entity", "shareholders": [{"holder": "a", "share": "50"}]}],
                 "ownership.entities[1].shareholders[0].holder", "ownership loop: a → b → a",
                 id="p7(4) ownership loop A -> B -> A -> invalid facts"),
    pytest.param([{"holder": "a", "share": "60"}],
                 [{"id": "a", "kind": "legal_entity", "shareholders": [{"holder": "a", "share": "10"}]}],
                 "ownership.entities[0].shareholders[0].holder", "ownership loop: a → a",
                 id="p7(4) entity owning itself -> invalid facts"),
    pytest.param([{"holder": "ghost", "share": "60"}], [],
                 "ownership.shareholders[0].holder", "'ghost' is not listed",
                 id="p7(4) holder not listed -> invalid facts"),
    pytest.param([{"holder": "a", "share": "60"}, {"holder": "b", "share": "41"}],
                 [{"id": "a", "kind": "legal_entity"}, {"id": "b", "kind": "legal_entity"}],
                 "ownership.shareholders", "101 %, more than 100 %",
                 id="p7(4) applicant's shares over 100% -> invalid facts"),
    pytest.param([{"holder": "a", "share": "60"}],
                 [{"id": "a", "kind": "legal_entity", "shareholders": [{"holder": "s", "share": "70"},
                                                                       {"holder": "s", "share": "40"}]},
                  STATE],
                 "ownership.entities[0].shareholders", "110 %, more than 100 %",
                 id="p7(4) an entity's shares over 100% -> invalid facts"),
    pytest.param([{"holder": "a", "share": "60"}],
                 [{"id": "a", "kind": "legal_entity"}, {"id": "a", "kind": "state"}],
                 "ownership.entities[1].id", "duplicate", id="p7(4) duplicate entity id -> invalid facts"),
]


@pytest.mark.parametrize(("shareholders", "entities", "field", "message"), INVALID_OWNERSHIP)
def test_p7_4_impossible_ownership_is_invalid_input(shareholders, entities, field, message):
    data = owned(shareholders, entities)
    with pytest.raises(InvalidFacts) as raised:
        TECHNOPARK.evaluate(data)  # a mapping is validated as well
    assert raised.value.errors[0]["field"] == field
    assert message in raised.value.errors[0]["message"]


# --- paragraph 9: documents ----------------------------------------------------------------------

DOCUMENT_CASES = [
    pytest.param({"documents.registration_certificate": False}, "001.p9.registration",
                 id="p9 resident legal entity without the registration certificate -> refused"),
    pytest.param({"documents.authority_documents": False}, "001.p9.1",
                 id="p9(1) representative appointed without authority documents -> refused"),
    pytest.param({"documents.business_plan": {"projects": []}}, "001.p9.2",
                 id="p9(2) no business plan -> refused"),
    pytest.param({"documents.tax_debt": None}, "001.p9.3.attached",
                 id="p9(3) no tax-debt information -> refused"),
    pytest.param({"documents.place_of_activity.provided": False}, "001.p9.4",
                 id="p9(4) no document on the place of activity -> refused"),
    pytest.param({"documents.planned_staff": None}, "001.p9.5",
                 id="p9(5) no planned numbers of residents and non-residents -> refused"),
]


@pytest.mark.parametrize(("changes", "rule_id"), DOCUMENT_CASES)
def test_paragraph_9_document_missing(changes, rule_id):
    verdict = verdict_of(changed(example(), changes))
    assert verdict.outcome == "not_eligible"
    assert failed_ids(verdict) == {rule_id}


@pytest.mark.parametrize(
    ("changes", "rule_id"),
    [
        pytest.param({"applicant.resident": False, "documents.registration_certificate": False},
                     "001.p9.registration", id="p9 non-resident: registration certificate not required"),
        pytest.param({"documents.representative_appointed": False, "documents.authority_documents": False},
                     "001.p9.1", id="p9(1) no representative: no authority documents needed"),
        pytest.param({"documents.tax_debt": None}, "001.p9.3.debt",
                     id="p9(3) without the information its contents are not checked"),
        pytest.param({"documents.business_plan": {"projects": []}}, "001.annex3.items",
                     id="Annex 3 not checked when there is no business plan"),
    ],
)
def test_paragraph_9_not_applicable(changes, rule_id):
    assert result(verdict_of(changed(example(), changes)), rule_id).status == "not_applicable"


def test_p9_5_period_ending_before_it_starts_is_invalid_input():
    data = changed(example(), {"documents.planned_staff.period_to": "2026-01-01"})
    with pytest.raises(InvalidFacts) as raised:
        parse_facts(TechnoparkFacts, data)
    assert raised.value.errors[0]["field"] == "documents.planned_staff.period_to"


# --- paragraph 9(3): the tax-debt information ----------------------------------------------------


def tax(issued_on: str, debt: str, applied: str = "2026-03-17") -> dict:
    return changed(example(), {"application_date": applied,
                               "documents.tax_debt": {"issued_on": issued_on, "debt_kzt": debt}})


TAX_CASES = [
    pytest.param("2026-03-17", "0", "2026-03-17", set(), id="p9(3) issued on the application day -> ok"),
    pytest.param("2026-03-07", "0", "2026-03-17", set(), id="p9(3) issued exactly 10 days before -> ok"),
    pytest.param("2026-03-06", "0", "2026-03-17", {"001.p9.3.fresh"},
                 id="p9(3) issued 11 days before -> refused"),
    pytest.param("2026-03-18", "0", "2026-03-17", {"001.p9.3.issued_before"},
                 id="p9(3) dated after the application -> refused"),
    pytest.param("2026-03-10", "25950", "2026-03-17", set(),
                 id="p9(3) debt exactly 6 x MCI 2026 (6 x 4325 = 25950) -> ok"),
    pytest.param("2026-03-10", "25951", "2026-03-17", {"001.p9.3.debt"},
                 id="p9(3) debt 1 tenge over 6 x MCI -> refused"),
    pytest.param("2025-12-30", "23592", "2025-12-31", set(),
                 id="p9(3) 2025-12-31 uses MCI 3932: 23592 -> ok"),
    pytest.param("2025-12-30", "23593", "2025-12-31", {"001.p9.3.debt"},
                 id="p9(3) 2025-12-31 uses MCI 3932: 23593 -> refused"),
    pytest.param("2025-12-30", "23593", "2026-01-01", set(),
                 id="p9(3) 2026-01-01 uses MCI 4325: 23593 -> ok"),
    pytest.param("2022-09-30", "19080", "2022-10-03", set(),
                 id="p9(3) 2022 after the mid-year change uses MCI 3180: 19080 -> ok"),
    pytest.param("2022-09-30", "19081", "2022-10-03", {"001.p9.3.debt"},
                 id="p9(3) 2022 after the mid-year change: 19081 -> refused"),
]


@pytest.mark.parametrize(("issued_on", "debt", "applied", "failed"), TAX_CASES)
def test_p9_3_tax_debt_information(issued_on, debt, applied, failed):
    assert failed_ids(verdict_of(tax(issued_on, debt, applied))) == failed


@pytest.mark.parametrize(
    ("applied", "mci", "mci_from"),
    [
        pytest.param("2025-12-31", Decimal(3932), dt.date(2025, 1, 1), id="p9(3) MCI on 2025-12-31"),
        pytest.param("2026-01-01", Decimal(4325), dt.date(2026, 1, 1), id="p9(3) MCI on 2026-01-01"),
    ],
)
def test_p9_3_verdict_lists_the_mci_it_used(applied, mci, mci_from):
    verdict = verdict_of(tax("2025-12-30", "0", applied))
    used = {p.name: p for p in verdict.parameters_read}
    assert used["mci"].value == mci and used["mci"].start == mci_from
    assert "budget" in used["mci"].source
    assert result(verdict, "001.p9.3.debt").details["limit_kzt"] == mci * 6


def test_p9_3_reasons_say_concretely_why():
    old = result(verdict_of(tax("2026-03-01", "0")), "001.p9.3.fresh").reason
    assert old["en"] == (
        "The tax-debt certificate was issued on 2026-03-01, 16 calendar days before the application "
        "(2026-03-17); it must be issued no earlier than 10 calendar days before the application."
    )
    assert "2026-03-01" in old["kk"] and "16 күнтізбелік күн" in old["kk"]
    assert "за 16 календарных дней" in old["ru"]
    debt = result(verdict_of(tax("2026-03-10", "30000")), "001.p9.3.debt").reason
    assert debt["en"] == "The debt is 30000 KZT, more than 6 × MCI for 2026 (6 × 4325 = 25950 KZT)."


# --- Annex 3: the business plan -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "failed", "mentions"),
    [
        pytest.param({}, set(), None, id="Annex 3 all items for every project -> ok"),
        pytest.param({"documents.business_plan.projects.0.items.9": ""}, {"001.annex3.items"}, "#1",
                     id="Annex 3 item 9 blank in project 1 -> refused, item named"),
        pytest.param({"documents.business_plan.projects.1.items.12": "   "}, {"001.annex3.items"}, "#2",
                     id="Annex 3 item 12 whitespace only in project 2 -> refused"),
        pytest.param({"documents.business_plan.projects.0.items.15": ""}, set(), None,
                     id="Annex 3 item 15 (IP 'if any') blank -> ok"),
        pytest.param({"applicant.activity_types": ["S-01", "S-07", "S-03"]}, {"001.annex3.types"}, "S-03",
                     id="Annex 3 footnote: activity type with no project -> refused"),
    ],
)
def test_annex_3_business_plan(changes, failed, mentions):
    verdict = verdict_of(changed(example(), changes))
    assert failed_ids(verdict) == failed
    if mentions:
        reason = verdict.failed[0].reason["en"]
        assert mentions in reason


def test_annex_3_missing_item_is_named_by_number_in_every_language():
    data = example()
    del data["documents"]["business_plan"]["projects"][0]["items"]["9"]
    del data["documents"]["business_plan"]["projects"][0]["items"]["13"]
    reason = result(verdict_of(data), "001.annex3.items").reason
    assert "(project: items): #1 «Qoldau AI: a Kazakh-language" in reason["en"]
    assert reason["en"].endswith("(S-07): 9, 13.")
    assert "(S-07): 9, 13." in reason["kk"] and "(S-07): 9, 13." in reason["ru"]


def test_annex_3_item_number_outside_1_to_15_is_invalid_input():
    data = changed(example(), {"documents.business_plan.projects.0.items.16": "extra"})
    with pytest.raises(InvalidFacts) as raised:
        parse_facts(TechnoparkFacts, data)
    assert raised.value.errors[0]["field"].startswith("documents.business_plan.projects[0].items")


# --- facts are validated -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"applicant.bin": "12345"}, "applicant.bin", id="BIN must have 12 digits"),
        pytest.param({"applicant.colour": "red"}, "applicant.colour", id="unknown fields are refused"),
        pytest.param({"applicant.activity_types": []}, "applicant.activity_types",
                     id="p7(7) at least one activity type"),
        pytest.param({"ownership.shareholders": [{"holder": "x", "share": "0"}]},
                     "ownership.shareholders[0].share", id="p7(4) a share must be above 0"),
        pytest.param({"documents.tax_debt.debt_kzt": "-1"}, "documents.tax_debt.debt_kzt",
                     id="p9(3) debt cannot be negative"),
        pytest.param({"application_date": "2026-02-30"}, "application_date", id="impossible date"),
    ],
)
def test_invalid_facts_name_the_field(changes, field):
    with pytest.raises(InvalidFacts) as raised:
        parse_facts(TechnoparkFacts, changed(example(), changes))
    assert raised.value.errors[0]["field"] == field


def test_shares_and_money_are_decimals_not_floats():
    facts = parse_facts(TechnoparkFacts, owned(
        [{"holder": "nc", "share": 49.99}, {"holder": "private", "share": "50.01"}], [STATE, NC, PRIVATE]))
    assert facts.ownership.shareholders[0].share == Decimal("49.99")
    assert isinstance(facts.documents.tax_debt.debt_kzt, Decimal)


# --- when the amended wording is in force -------------------------------------------------------


def dated(applied: dt.date) -> dict:
    return changed(example(), {"application_date": applied.isoformat(),
                               "documents.tax_debt.issued_on": applied.isoformat()})


def test_rules_are_not_in_force_before_the_earliest_possible_date():
    verdict = verdict_of(dated(dt.date(2022, 9, 2)))
    assert verdict.outcome == "not_in_force"
    assert {r.status for r in verdict.results} == {"not_in_force"}
    assert verdict_of(dated(dt.date(2020, 1, 1))).outcome == "not_in_force"


def test_from_2022_09_03_with_a_note_that_the_publication_date_is_not_in_the_seed():
    verdict = verdict_of(dated(dt.date(2022, 9, 3)))
    assert verdict.outcome == "eligible"
    assert any("technopark.amendment_2022_published_on" in n["en"] for n in verdict.notes)


def test_once_the_publication_date_is_set_the_rules_start_ten_days_later():
    published = ParameterValue(
        name="technopark.amendment_2022_published_on", start=dt.date(2022, 8, 24),
        value=dt.date(2022, 8, 30), citation=Citation("001", "", note="official publication"),
        set_by="operator")
    parameters = Parameters.from_source().with_values([published])
    assert verdict_of(dated(dt.date(2022, 9, 8)), parameters=parameters).outcome == "not_in_force"
    verdict = verdict_of(dated(dt.date(2022, 9, 9)), parameters=parameters)
    assert verdict.outcome == "eligible"
    assert not any("published_on" in n["en"] for n in verdict.notes)


# --- messages -----------------------------------------------------------------------------------

ALL_RULES = (
    *PARTICIPATION_RULES,
    *technopark_procedures.ACTIVITY_CHANGE_RULES,
    *technopark_procedures.COMMISSION_RULES,
    *technopark_procedures.EXTENSION_RULES,
    *technopark_procedures.EARLY_TERMINATION_RULES,
    *technopark_services.SERVICES_RULES,
)
KAZAKH_LETTERS = re.compile("[әғқңөұүһі]")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_every_rule_speaks_kazakh_russian_and_english(rule):
    assert rule.id.startswith("001.") and rule.citation.act == "001"
    for messages in (rule.requirement, rule.failure):
        assert set(messages) == {"kk", "ru", "en"}
        assert KAZAKH_LETTERS.search(messages["kk"]), messages["kk"]
        assert re.search("[а-яё]", messages["ru"]) and not KAZAKH_LETTERS.search(messages["ru"])
        assert placeholders(messages["kk"]) == placeholders(messages["ru"])
        assert placeholders(messages["kk"]) <= placeholders(messages["en"])
    assert rule.in_force.earliest == dt.date(2022, 9, 3)
    assert rule.in_force.start_parameter == "technopark.amendment_2022_published_on"


# --- one definition for a case and a population ----------------------------------------------------

# Shares that sum to 50 - 5E-23 %: under the threshold, although 12 decimals round it up to 50.
JUST_UNDER = owned(
    [{"holder": "a", "share": "50"}, {"holder": "b", "share": "50"}],
    [STATE,
     {"id": "a", "kind": "legal_entity", "shareholders": [{"holder": "state", "share": "99.9999999999"}]},
     {"id": "b", "kind": "legal_entity", "shareholders": [{"holder": "c", "share": "0.0000000001"}]},
     {"id": "c", "kind": "legal_entity", "shareholders": [{"holder": "state", "share": "99.9999999999"}]}],
)


def test_p7_4_a_share_just_under_the_threshold_passes_however_many_decimals_it_has():
    p74 = result(verdict_of(JUST_UNDER), "001.p7.4")
    assert p74.status == "passed"
    assert p74.details["share"].startswith("49.99999999999999999")


def test_p9_3_the_mci_is_that_of_the_application_date_whatever_the_decision_date():
    application = tax("2025-12-30", "23593", "2025-12-31")  # over 6 x MCI 2025 (3932), under 6 x MCI 2026
    verdict = verdict_of(application, on=dt.date(2026, 3, 17))
    assert failed_ids(verdict) == {"001.p9.3.debt"}
    assert {p.name: p.value for p in verdict.parameters_read}["mci"] == Decimal(3932)


POPULATION = [
    example(),
    *(changed(example(), p.values[0]) for p in P7_CASES),
    *(owned(p.values[0], p.values[1]) for p in OWNERSHIP_CASES),
    JUST_UNDER,
    *(changed(example(), p.values[0]) for p in DOCUMENT_CASES),
    changed(example(), {"applicant.resident": False, "documents.registration_certificate": False}),
    changed(example(), {"documents.representative_appointed": False, "documents.authority_documents": False}),
    *(tax(*p.values[:3]) for p in TAX_CASES),
    changed(example(), {"documents.business_plan.projects.0.items.9": ""}),
    changed(example(), {"documents.business_plan.projects.1.items.12": " \u3000\x85"}),
    changed(example(), {"documents.business_plan.projects.0.items.15": ""}),
    changed(example(), {"applicant.activity_types": ["S-01", "S-07", "S-03"]}),
    dated(dt.date(2022, 9, 2)),
    dated(dt.date(2022, 9, 3)),
]


def test_a_population_gets_row_by_row_the_verdicts_of_its_cases():
    cases = [(data, dt.date.fromisoformat(data["application_date"])) for data in POPULATION]
    cases += [(data, dt.date(2026, 3, 17)) for data in POPULATION]  # decided on another date than filed
    outcomes = assert_population_agrees(TECHNOPARK, cases)
    assert outcomes == {"eligible", "not_eligible", "not_in_force"}


def test_a_population_on_one_date_with_the_publication_date_set_and_the_official_list():
    published = ParameterValue(
        name="technopark.amendment_2022_published_on", start=dt.date(2022, 8, 24),
        value=dt.date(2022, 8, 30), citation=Citation("001", "", note="official publication"),
        set_by="operator")
    parameters = Parameters.from_source().with_values([published])
    official = {"S-01": {}, "S-07": {}, "X-99": {}}
    for on in (dt.date(2022, 9, 8), dt.date(2026, 3, 17)):
        cases = [(data, on) for data in POPULATION]
        assert_population_agrees(TECHNOPARK, cases, parameters=parameters, references={"activity_types": official})


def test_the_precheck_population_agrees_with_its_cases():
    def precheck(data: dict) -> dict:
        return {**data, "documents": {"tax_debt": data["documents"]["tax_debt"]}}

    cases = [(precheck(data), dt.date.fromisoformat(data["application_date"])) for data in POPULATION]
    assert len(assert_population_agrees(PRECHECK, cases)) > 1
