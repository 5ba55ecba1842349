"""Instrument 1, long-term leasing (seed 004, section 5.4, mechanism of instrument 1, paragraphs
1-7): the project passport, the operator's written confirmation within 5 working days, the
application to KDB-Leasing with the investment-project plan, KDB-Leasing's expertise under its own
rules (no term in the programme), its notice within 5 working days of its decision, the finance
lease contract and the tripartite monitoring agreement."""

import datetime as dt

import pytest

from techpolicy.casework import law_context
from techpolicy.casework.engine import fire
from techpolicy.casework.models import Decision, Remark
from tests import factories
from tests.productivity.helpers import drive, leasing, logged, refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(owner):
    return factories.make_productivity_case(owner, leasing(owner))


def confirmed(case, owner, operator):
    return drive(case, (("submit_passport", {}), ("confirm", {})), owner, operator)


def test_p1_p2_passport_is_checked_against_the_criteria_and_confirmed_in_five_working_days(draft, owner, operator):
    assert draft.workflow == "productivity.leasing"
    case = fire(draft, "submit_passport", owner)
    assert case.state == "passport_received"
    assert case.due_on == law_context.calendar().add(law_context.today(), 5)
    assert case.due_rule["citation"] == "004 s.5.4 p.2 [mechanism of instrument 1]"
    case = fire(case, "confirm", operator)
    assert case.state == "confirmed"
    assert case.facts["applicant"]["kidi_confirmation"] is True  # 5.1(1): now a fact of the application
    assert Decision.objects.get(case=case).kind == "leasing_confirmation"


@pytest.mark.parametrize(
    ("change", "paragraph"),
    [
        (lambda f: f["leasing"].update(project_oked="47.11"), "section 5.1"),  # not a priority sector
        (lambda f: f["leasing"].update(own_cash_kzt="10000000"), "section 5.3"),  # less than 15 % in cash
        (lambda f: f["leasing"].update(object_cost_kzt="100000000", own_cash_kzt="20000000"), "section 5.3"),
    ],
)
def test_p1_a_passport_failing_the_criteria_is_not_sent(owner, change, paragraph):
    facts = leasing(owner)
    change(facts)
    reason = refused(factories.make_productivity_case(owner, facts), "submit_passport", owner)
    assert paragraph in reason


def test_p2_the_operator_may_refuse_the_confirmation_with_reasons(draft, owner, operator):
    case = fire(draft, "submit_passport", owner)
    assert "reason" in refused(case, "refuse_confirmation", operator)
    case = fire(case, "refuse_confirmation", operator, reason="The passport omits the project's OKED.")
    assert case.state == "not_confirmed"
    assert Remark.objects.get(case=case).text == "The passport omits the project's OKED."


def test_p3_kdb_leasing_decides_on_its_own_rules_without_a_term_in_the_programme(draft, owner, operator):
    case = fire(confirmed(draft, owner, operator), "submit_cpip", owner)
    assert case.state == "leasing_expertise"
    assert case.due_rule is None


def test_p3_only_kdb_leasing_records_its_decision(draft, owner, operator, leasing_operator):
    case = fire(confirmed(draft, owner, operator), "submit_cpip", owner)
    assert "leasing_operator" in refused(case, "approve_leasing", operator, payload={"decided_on": "2016-03-04"})
    case = fire(case, "approve_leasing", leasing_operator, payload={"decided_on": "2016-03-04"})
    assert case.state == "leasing_approved"


def test_p5_notice_within_five_working_days_of_the_decision_counting_the_decreed_transfer(
    draft, owner, operator, leasing_operator
):
    case = fire(confirmed(draft, owner, operator), "submit_cpip", owner)
    case = fire(case, "approve_leasing", leasing_operator, payload={"decided_on": "2016-03-04"})
    # Saturday 5 March 2016 was a working day (transferred from Monday 7 March); 8 March a holiday.
    assert case.due_on == dt.date(2016, 3, 14)
    assert (case.due_rule["citation"], case.due_rule["from"]) == (
        "004 s.5.4 p.5 [mechanism of instrument 1]",
        "2016-03-04",
    )


def test_p4_p6_lease_contract_then_tripartite_monitoring_agreement(draft, owner, operator, leasing_operator):
    case = fire(confirmed(draft, owner, operator), "submit_cpip", owner)
    steps = (
        ("approve_leasing", {"decided_on": "2016-03-04"}),
        ("notify_decision", {}),
        ("sign_lease", {"number": "L-2016-11", "signed_on": "2016-03-10"}),
        ("sign_monitoring", {"number": "M-2016-11", "signed_on": "2016-03-15"}),
    )
    case = drive(case, steps, owner, leasing_operator)
    assert case.state == "monitoring"
    case = fire(case, "close", operator)
    assert case.state == "closed"
    assert logged(case) == [
        "create",
        "submit_passport",
        "confirm",
        "submit_cpip",
        "approve_leasing",
        "notify_decision",
        "sign_lease",
        "sign_monitoring",
        "close",
    ]


@pytest.mark.parametrize(
    ("action", "payload", "why"),
    [
        ("sign_lease", {"number": "", "signed_on": "2016-03-10"}, "number of the finance lease"),
        ("sign_lease", {"number": "L-1", "signed_on": "2016-03-01"}, "cannot be before 2016-03-04"),
    ],
)
def test_p4_lease_contract_needs_its_number_and_a_date_after_the_decision(
    draft, owner, operator, leasing_operator, action, payload, why
):
    case = fire(confirmed(draft, owner, operator), "submit_cpip", owner)
    case = drive(
        case, (("approve_leasing", {"decided_on": "2016-03-04"}), ("notify_decision", {})), owner, leasing_operator
    )
    assert why in refused(case, action, leasing_operator, payload=payload)


def test_p6_monitoring_agreement_not_before_the_lease(draft, owner, operator, leasing_operator):
    case = fire(confirmed(draft, owner, operator), "submit_cpip", owner)
    case = drive(
        case,
        (
            ("approve_leasing", {"decided_on": "2016-03-04"}),
            ("notify_decision", {}),
            ("sign_lease", {"number": "L-1", "signed_on": "2016-03-10"}),
        ),
        owner,
        leasing_operator,
    )
    assert "cannot be before 2016-03-10" in refused(
        case, "sign_monitoring", leasing_operator, payload={"number": "M-1", "signed_on": "2016-03-09"}
    )


def test_p3_p5_negative_decision_is_notified_within_five_working_days(draft, owner, operator, leasing_operator):
    case = fire(confirmed(draft, owner, operator), "submit_cpip", owner)
    case = fire(
        case,
        "refuse_leasing",
        leasing_operator,
        reason="The CPIP's cash-flow model is incomplete.",
        payload={"decided_on": "2016-03-04"},
    )
    assert (case.state, case.due_on) == ("leasing_refused", dt.date(2016, 3, 14))
    case = fire(case, "notify_refusal", leasing_operator)
    assert case.state == "leasing_refusal_notified"
