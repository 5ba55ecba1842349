"""Act 001 (Astana Hub technopark rules): terms and procedures after registration — paragraphs
9-1, 13, 18, 20, 36, 41, 48 and 60. Dates are Kazakhstan working days: the day of the event does
not count; 2026-03-21..25 (Nauryz, with transfers) and 2026-12-16 (Independence Day) are off."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from techpolicy.law.acts.act001_technopark.facts import CommissionFacts, CommissionMemberFacts
from techpolicy.law.acts.act001_technopark.procedures import (
    ACTIVITY_CHANGE,
    COMMISSION_COMPOSITION,
    EARLY_TERMINATION,
    EXTENSION,
)
from techpolicy.law.acts.act001_technopark.services import SERVICES_APPLICATION
from techpolicy.law.acts.act001_technopark.terms import (
    ACTIVITY_CHANGE_DECISION,
    CERTIFICATE,
    COMMISSION_DECISION,
    COMPLETENESS_REVIEW,
    EXTENSION_NOTICE,
    HOUSING_VACATE,
    REGISTER_ENTRY,
)
from techpolicy.law.calendar import DayTransfer, WorkingCalendar
from techpolicy.law.citation import Citation
from techpolicy.law.facts import InvalidFacts
from techpolicy.law.parameters import ParameterNotSet, Parameters, ParameterValue
from techpolicy.law.procedure import DateNeeded
from techpolicy.law.terms import Deadline
from tests.law.technopark_frames import assert_population_agrees

D = dt.date


def failed_ids(verdict) -> set[str]:
    return {r.rule_id for r in verdict.failed}


# --- working-day terms: 9-1, 18, 20, 60 ----------------------------------------------------------

TERMS = [
    pytest.param(ACTIVITY_CHANGE_DECISION, D(2026, 6, 1), D(2026, 6, 15), 10, "9-1",
                 id="p9-1 commission decides within 10 wd: received Mon 2026-06-01 -> 2026-06-15"),
    pytest.param(CERTIFICATE, D(2026, 6, 5), D(2026, 6, 10), 3, "18",
                 id="p18 certificate within 3 wd of the contract: Fri 2026-06-05 -> Wed 2026-06-10"),
    pytest.param(CERTIFICATE, D(2026, 12, 14), D(2026, 12, 18), 3, "18",
                 id="p18 certificate skips Independence Day 2026-12-16 -> 2026-12-18"),
    pytest.param(CERTIFICATE, D(2026, 3, 19), D(2026, 3, 27), 3, "18",
                 id="p18 certificate skips Nauryz 2026-03-21..25 -> 2026-03-27"),
    pytest.param(REGISTER_ENTRY, D(2026, 6, 5), D(2026, 6, 10), 3, "20",
                 id="p20 entry in the list of participants within 3 wd -> 2026-06-10"),
    pytest.param(HOUSING_VACATE, D(2026, 6, 5), D(2026, 6, 9), 2, "60",
                 id="p60 expelled Fri 2026-06-05 vacates housing within 2 wd -> 2026-06-09"),
    pytest.param(HOUSING_VACATE, D(2025, 12, 31), D(2026, 1, 6), 2, "60",
                 id="p60 over New Year (1-2 Jan) -> 2026-01-06"),
]


@pytest.mark.parametrize(("term", "event", "due", "days", "paragraph"), TERMS)
def test_working_day_terms(term, event, due, days, paragraph):
    deadline = term.due(event)
    assert isinstance(deadline, Deadline) and deadline.term == term.key
    assert (deadline.due, deadline.days, deadline.unit) == (due, days, "working")
    assert deadline.citation == Citation("001", paragraph)
    assert [p.value for p in deadline.parameters] == [days]
    assert deadline.as_dict()["citation"]["ref"] == f"001 p.{paragraph}"


def test_terms_follow_the_administrators_day_transfers():
    calendar = WorkingCalendar([DayTransfer(D(2026, 6, 8), False, Citation("general", "", note="decree"))])
    assert CERTIFICATE.due(D(2026, 6, 5), calendar=calendar).due == D(2026, 6, 11)


@pytest.mark.parametrize(
    ("term", "name"),
    [
        pytest.param(COMPLETENESS_REVIEW, "technopark.completeness_review_wd",
                     id="p13 completeness review: the seed sets no term"),
        pytest.param(COMMISSION_DECISION, "technopark.commission_decision_wd",
                     id="p13 commission decision: the seed sets no term"),
    ],
)
def test_p13_terms_not_set_by_the_seed_raise_until_an_operator_sets_them(term, name):
    assert term.parameter == name
    with pytest.raises(ParameterNotSet):
        term.due(D(2026, 6, 1))
    internal = ParameterValue(name, D(2026, 1, 1), 5, Citation("001", "13", note="internal rules"),
                              set_by="operator")
    parameters = Parameters.from_source().with_values([internal])
    assert term.due(D(2026, 6, 1), parameters).due == D(2026, 6, 8)


# --- paragraph 36: extension -------------------------------------------------------------------

END = D(2026, 6, 30)  # participation ends on Tuesday 2026-06-30


def extension(filed_on: dt.date):
    return EXTENSION.evaluate({"filed_on": filed_on, "participation_end": END})


def test_p36_last_day_is_ten_working_days_before_the_end():
    assert EXTENSION_NOTICE.due(END).due == D(2026, 6, 16)
    assert WorkingCalendar().count(D(2026, 6, 16), END) == 10


@pytest.mark.parametrize(
    ("filed_on", "outcome"),
    [
        pytest.param(D(2026, 6, 1), "eligible", id="p36 filed a month early -> in time"),
        pytest.param(D(2026, 6, 16), "eligible", id="p36 filed on the last allowed day -> in time"),
        pytest.param(D(2026, 6, 17), "not_eligible", id="p36 one working day late -> register anew (p8)"),
        pytest.param(D(2026, 6, 30), "not_eligible", id="p36 filed on the last day of participation -> late"),
    ],
)
def test_p36_extension(filed_on, outcome):
    assert extension(filed_on).outcome == outcome


def test_p36_late_application_is_routed_to_new_registration_under_paragraph_8():
    verdict = extension(D(2026, 6, 17))
    reason = verdict.failed[0].reason
    assert reason["en"].endswith("Late: register anew under paragraph 8.")
    assert "2026-06-16" in reason["en"] and "2026-06-17" in reason["en"]
    assert "8-тармағына" in reason["kk"] and "пунктом 8" in reason["ru"]
    assert verdict.failed[0].details["next_step"] == "register_anew_p8"
    assert verdict.failed[0].details["next_step_citation"] == "001 p.8"


# --- paragraph 41: early termination ------------------------------------------------------------


def termination(grounds: list[str]):
    return EARLY_TERMINATION.evaluate({"grounds": grounds}, D(2026, 6, 1))


def test_p41_facts_carry_no_date_so_the_caller_gives_it():
    with pytest.raises(DateNeeded):
        EARLY_TERMINATION.evaluate({"grounds": ["39(1)"]})


@pytest.mark.parametrize(
    ("grounds", "outcome"),
    [
        pytest.param(["39(1)"], "eligible", id="p41 ground 39(1) -> to the commission"),
        pytest.param(["39(2)"], "eligible", id="p41 ground 39(2) -> to the commission"),
        pytest.param(["39(5)"], "eligible", id="p41 ground 39(5) -> to the commission"),
        pytest.param(["6"], "eligible", id="p41 ground 6 (= 39(6)) -> to the commission"),
        pytest.param(["39(3)"], "not_eligible", id="p41 ground 39(3) -> not a commission ground"),
        pytest.param(["39(4)", "39(7)"], "not_eligible", id="p41 grounds 39(4), 39(7) -> refused"),
        pytest.param(["39(3)", "39(5)"], "eligible", id="p41 mixed: 39(5) puts it to the commission"),
    ],
)
def test_p41_grounds(grounds, outcome):
    assert termination(grounds).outcome == outcome


def test_p41_refusal_names_the_other_grounds():
    verdict = termination(["39(4)", "39(7)"])
    assert "(39(4), 39(7))" in verdict.failed[0].reason["en"]
    mixed = termination(["39(3)", "39(5)"])
    assert mixed.results[0].details == {"to_commission": "39(5)", "other": "39(3)"}


@pytest.mark.parametrize("grounds", [["40(1)"], [], ["first"]], ids=["p41 40(1)", "p41 none", "p41 text"])
def test_p41_grounds_that_are_not_paragraph_39_are_invalid_input(grounds):
    with pytest.raises(InvalidFacts) as raised:
        termination(grounds)
    assert raised.value.errors[0]["field"] == "grounds"


# --- paragraph 13: the selection commission ------------------------------------------------------


def member(name: str, years: str = "0", *, state: bool = False, it: bool = False,
           international: bool = False) -> dict:
    return {"name": name, "state_body_representative": state, "it_qualified": it,
            "ict_experience_years": years, "international_expert": international}


EXPERT = member("Dr. Lee", "3", international=True)

COMMISSION_CASES = [
    pytest.param([member("A", "5"), EXPERT], {"001.p13.members"},
                 id="p13 exactly 5 years is not 'more than five years' -> refused"),
    pytest.param([member("A", "5.1"), EXPERT], set(), id="p13 5.1 years of ICT experience -> ok"),
    pytest.param([member("A", "5", state=True), EXPERT], set(),
                 id="p13 5 years but a state-body representative -> ok"),
    pytest.param([member("A", "5", it=True), EXPERT], set(), id="p13 5 years but IT-qualified -> ok"),
    pytest.param([member("A", "12"), member("B", "0", state=True)], {"001.p13.international_experts"},
                 id="p13 no international expert -> refused"),
    pytest.param([member("A", "2")], {"001.p13.members", "001.p13.international_experts"},
                 id="p13 one unqualified member, no expert -> both refused"),
]


@pytest.mark.parametrize(("members", "failed"), COMMISSION_CASES)
def test_p13_commission_composition(members, failed):
    verdict = COMMISSION_COMPOSITION.evaluate({"members": members}, D(2026, 6, 1))
    assert failed_ids(verdict) == failed
    assert verdict.outcome == ("eligible" if not failed else "not_eligible")


def test_p13_reason_names_the_member_and_accepts_models():
    members = [CommissionMemberFacts(**member("Aidos", "5")), CommissionMemberFacts(**EXPERT)]
    verdict = COMMISSION_COMPOSITION.evaluate(CommissionFacts(members=members), D(2026, 6, 1))
    assert "Aidos (5)" in verdict.failed[0].reason["en"]
    assert "5 жылдан аспайды" in verdict.failed[0].reason["kk"]
    used = {p.name: p.value for p in verdict.parameters_read}
    assert used["technopark.ict_experience_years_min"] == Decimal(5)


def test_p13_a_commission_without_members_is_invalid_input():
    with pytest.raises(InvalidFacts) as raised:
        COMMISSION_COMPOSITION.evaluate({"members": []}, D(2026, 6, 1))
    assert raised.value.errors[0]["field"] == "members"


# --- paragraph 48: the application for services --------------------------------------------------


def services(**changes) -> dict:
    data = {
        "application_date": "2026-06-10",
        "project": {"name": "Qoldau AI", "direction": "AI", "description": "Support assistant",
                    "expected_results": "50 customers"},
        "contacts": {"phone": "+7 700 000 00 00", "email": "team@qoldau.kz", "city": "Astana",
                     "country": "Kazakhstan"},
        "readiness": {"stage": "MVP", "technologies": "LLM", "problem": "slow support",
                      "business_model": "SaaS", "lifetime": "5 years"},
        "team": {"participants": 4, "involvement": "full time"},
        "presentation_url": "https://example.kz/deck.pdf",
        "needs": {"needs": "mentoring", "expected_from_technopark": "pilot customers"},
        "registered_taxpayer": True,
        "tax_debt": {"issued_on": "2026-06-01", "debt_kzt": "0"},
    }
    for path, value in changes.items():
        section, _, name = path.partition("__")
        if name:
            data[section][name] = value
        else:
            data[section] = value
    return data


SERVICES_CASES = [
    pytest.param({}, set(), id="p48 all seven items -> ok"),
    pytest.param({"project__expected_results": ""}, {"001.p48.1"}, id="p48(1) no expected results -> refused"),
    pytest.param({"contacts__email": " "}, {"001.p48.2"}, id="p48(2) no e-mail -> refused"),
    pytest.param({"readiness__business_model": ""}, {"001.p48.3"}, id="p48(3) no business model -> refused"),
    pytest.param({"team__involvement": ""}, {"001.p48.4"}, id="p48(4) team involvement blank -> refused"),
    pytest.param({"presentation_url": ""}, {"001.p48.5"}, id="p48(5) no presentation link -> refused"),
    pytest.param({"needs__expected_from_technopark": ""}, {"001.p48.6"},
                 id="p48(6) nothing expected from the technopark -> refused"),
    pytest.param({"tax_debt": None}, {"001.p48.7.attached"},
                 id="p48(7) registered taxpayer without tax-debt information -> refused"),
    pytest.param({"registered_taxpayer": False, "tax_debt": None}, set(),
                 id="p48(7) not a registered taxpayer: no tax-debt information needed"),
    pytest.param({"tax_debt": {"issued_on": "2026-05-31", "debt_kzt": "0"}}, set(),
                 id="p48(7) information exactly 10 days old -> ok"),
    pytest.param({"tax_debt": {"issued_on": "2026-05-30", "debt_kzt": "0"}}, {"001.p48.7.fresh"},
                 id="p48(7) information 11 days old -> refused"),
    pytest.param({"tax_debt": {"issued_on": "2026-06-01", "debt_kzt": "25951"}}, {"001.p48.7.debt"},
                 id="p48(7) debt 1 tenge over 6 x MCI -> refused"),
]


@pytest.mark.parametrize(("changes", "failed"), SERVICES_CASES)
def test_p48_services_application(changes, failed):
    assert failed_ids(SERVICES_APPLICATION.evaluate(services(**changes))) == failed


def test_p48_reason_names_the_blank_fields():
    verdict = SERVICES_APPLICATION.evaluate(services(contacts__city="", contacts__country=""))
    expected = "The application leaves these data blank: contacts.city, contacts.country."
    assert verdict.failed[0].reason["en"] == expected


def test_p48_7_not_applicable_to_unregistered_taxpayers():
    verdict = SERVICES_APPLICATION.evaluate(services(registered_taxpayer=False, tax_debt=None))
    statuses = {r.rule_id: r.status for r in verdict.results if r.rule_id.startswith("001.p48.7")}
    assert set(statuses.values()) == {"not_applicable"}


# --- paragraph 9-1: change of activity type -------------------------------------------------------

ITEMS = {str(i): f"item {i}" for i in range(1, 16)}


def change(new: list[str], projects: list[dict] | None) -> dict:
    return {"received_on": "2026-06-01", "current_activity_types": ["S-01"], "new_activity_types": new,
            "business_plan": None if projects is None else {"projects": projects}}


ACTIVITY_CHANGE_CASES = [
    pytest.param(change(["S-07"], [{"activity_type": "S-07", "items": ITEMS}]), set(),
                 id="p9-1 new type on the list with a complete business plan -> ok"),
    pytest.param(change(["X-99"], [{"activity_type": "X-99", "items": ITEMS}]), {"001.p9-1.list"},
                 id="p9-1 new type not on the list -> refused"),
    pytest.param(change(["S-07"], None), {"001.p9-1.business_plan"}, id="p9-1 no business plan -> refused"),
    pytest.param(change(["S-07"], [{"activity_type": "S-07", "items": {**ITEMS, "7": ""}}]),
                 {"001.p9-1.annex3.items"}, id="p9-1 business plan misses Annex 3 item 7 -> refused"),
    pytest.param(change(["S-07", "S-03"], [{"activity_type": "S-07", "items": ITEMS}]),
                 {"001.p9-1.annex3.types"}, id="p9-1 no project for new type S-03 -> refused"),
]


@pytest.mark.parametrize(("facts", "failed"), ACTIVITY_CHANGE_CASES)
def test_p9_1_activity_change(facts, failed):
    verdict = ACTIVITY_CHANGE.evaluate(facts)
    assert failed_ids(verdict) == failed
    assert verdict.on == D(2026, 6, 1)


# --- one definition for a case and a population ----------------------------------------------------

# A what-if value for the tests, not the law: an operator entry from 2026-06-20.
LONGER_NOTICE = ParameterValue("technopark.extension_notice_wd", D(2026, 6, 20), 15,
                               Citation("001", "36", note="what-if"), set_by="operator")


def test_p36_counts_the_days_in_force_when_participation_ends_not_on_the_filing_date():
    parameters = Parameters.from_source().with_values([LONGER_NOTICE])
    verdict = EXTENSION.evaluate({"filed_on": D(2026, 6, 10), "participation_end": END}, parameters=parameters)
    assert failed_ids(verdict) == {"001.p36"}
    assert verdict.failed[0].details["days"] == 15 and verdict.failed[0].details["last_day"] == D(2026, 6, 9)
    used = {p.name: p for p in verdict.parameters_read}
    assert (used["technopark.extension_notice_wd"].value, used["technopark.extension_notice_wd"].start) == (
        15, D(2026, 6, 20))
    assert extension(D(2026, 6, 10)).outcome == "eligible"  # ten working days: in time


def test_extension_populations_agree_with_their_cases():
    ends = (END, D(2026, 7, 31), D(2022, 9, 20))
    cases = [({"filed_on": D(2026, 6, day), "participation_end": end}, D(2026, 6, day))
             for day in range(1, 31) for end in ends]
    cases += [({"filed_on": D(2022, 9, 1), "participation_end": D(2022, 9, 20)}, D(2022, 9, 1))]  # not in force
    day_off = WorkingCalendar([DayTransfer(D(2026, 6, 22), False, Citation("general", "", note="decree"))])
    parameters = Parameters.from_source().with_values([LONGER_NOTICE])
    assert assert_population_agrees(EXTENSION, cases) == {"eligible", "not_eligible", "not_in_force"}
    assert assert_population_agrees(EXTENSION, cases, calendar=day_off, parameters=parameters) == {
        "eligible", "not_eligible", "not_in_force"}


def test_populations_of_the_other_procedures_agree_with_their_cases():
    services_cases = [(services(**p.values[0]), D(2026, 6, 10)) for p in SERVICES_CASES]
    services_cases += [(services(project__name=" \t\u2003"), D(2026, 6, 10)),
                       (services(**SERVICES_CASES[-1].values[0]), D(2022, 9, 1))]
    assert assert_population_agrees(SERVICES_APPLICATION, services_cases) == {
        "eligible", "not_eligible", "not_in_force"}
    commission = [({"members": p.values[0]}, D(2026, 6, 1)) for p in COMMISSION_CASES]
    assert assert_population_agrees(COMMISSION_COMPOSITION, commission) == {"eligible", "not_eligible"}
    changes = [(p.values[0], D(2026, 6, 1)) for p in ACTIVITY_CHANGE_CASES]
    assert assert_population_agrees(ACTIVITY_CHANGE, changes) == {"eligible", "not_eligible"}
    grounds = [({"grounds": g}, D(2026, 6, 1)) for g in (["39(1)"], ["39(3)", "39(4)"], ["39(2)", "39(7)"])]
    assert assert_population_agrees(EARLY_TERMINATION, grounds) == {"eligible", "not_eligible"}
