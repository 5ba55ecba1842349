"""Permissions on the programme's cases return (allowed, reason) for the personas of the
architecture — the applicant who owns the case, another applicant, staff — where staff are the
roles the workflow names (seed 004, 5.4): the programme operator (KIDI) and, for instrument 1,
KDB-Leasing. The technopark secretariat handles the technopark's cases, not these."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from techpolicy.casework.engine import available_actions
from techpolicy.casework.permissions import can_fire, can_view
from techpolicy.services.productivity.workflows import DIRECT, LEASING
from tests import factories
from tests.productivity.helpers import DIRECT_PATH, drive, leasing, training

pytestmark = pytest.mark.django_db


def allowed(permission) -> bool:
    ok, reason = permission
    assert ok or reason.strip()  # a refusal always says why
    return ok


@pytest.fixture
def case(owner):
    return factories.make_productivity_case(owner, training(owner))


def test_can_view_by_persona(case, owner, other_applicant, operator, leasing_operator, secretariat):
    assert allowed(can_view(owner, case))
    assert allowed(can_view(operator, case))
    assert allowed(can_view(factories.make_administrator(), case))
    assert not allowed(can_view(other_applicant, case))
    assert not allowed(can_view(secretariat, case))  # the technopark's staff
    assert not allowed(can_view(leasing_operator, case))  # instruments 2-5 are not KDB-Leasing's
    assert not allowed(can_view(AnonymousUser(), case))


def test_kdb_leasing_sees_leasing_cases(owner, leasing_operator, operator):
    case = factories.make_productivity_case(owner, leasing(owner))
    assert allowed(can_view(leasing_operator, case))
    assert allowed(can_view(operator, case))


def test_the_operator_does_not_see_technopark_cases(draft_case, operator):
    assert not allowed(can_view(operator, draft_case))


def test_owner_only_and_operator_only_actions(case, owner, other_applicant, operator, secretariat):
    submit, confirm = DIRECT.action("submit"), DIRECT.action("confirm_complete")
    assert allowed(can_fire(owner, case, submit))
    assert not allowed(can_fire(other_applicant, case, submit))
    assert not allowed(can_fire(operator, case, submit))
    assert allowed(can_fire(operator, case, confirm))
    assert not allowed(can_fire(owner, case, confirm))
    assert not allowed(can_fire(secretariat, case, confirm))


def test_leasing_decisions_are_kdb_leasings_and_the_confirmation_the_operators(owner, operator, leasing_operator):
    case = factories.make_productivity_case(owner, leasing(owner))
    assert allowed(can_fire(leasing_operator, case, LEASING.action("approve_leasing")))
    assert not allowed(can_fire(operator, case, LEASING.action("approve_leasing")))
    assert allowed(can_fire(operator, case, LEASING.action("confirm")))
    assert not allowed(can_fire(leasing_operator, case, LEASING.action("confirm")))


def test_available_actions_follow_the_persona(case, owner, other_applicant, operator):
    assert {a.id for a in available_actions(case, owner)} == {"submit", "withdraw"}
    assert available_actions(case, operator) == []
    assert available_actions(case, other_applicant) == []


def test_the_queue_lists_each_staff_role_its_own_procedures(client, case, owner, operator, secretariat, draft_case):
    from techpolicy.casework.engine import fire

    fire(case, "submit", owner)
    fire(draft_case, "submit", draft_case.created_by)
    client.force_login(operator)
    listed = [row["case"].number for row in client.get(reverse("casework:queue")).context["rows"]]
    assert listed == [case.number]
    client.force_login(secretariat)
    listed = [row["case"].number for row in client.get(reverse("casework:queue")).context["rows"]]
    assert listed == [draft_case.number]


@pytest.mark.parametrize(("persona", "status"), [
    ("owner", 200), ("operator", 200), ("other_applicant", 403), ("secretariat", 403)])
def test_aftercare_page_by_persona(client, request, owner, operator, persona, status):
    case = drive(factories.make_productivity_case(owner, training(owner)), DIRECT_PATH, owner, operator)
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("productivity:aftercare", args=[case.number])).status_code == status


def test_aftercare_page_asks_an_anonymous_visitor_to_sign_in(client, case):
    response = client.get(reverse("productivity:aftercare", args=[case.number]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_only_the_operator_may_pay_from_the_aftercare_page(client, owner, operator, messages_of):
    from tests.productivity.helpers import PAID, path_to

    case = drive(factories.make_productivity_case(owner, training(owner)), path_to("payment_due"), owner, operator)
    client.force_login(owner)
    response = client.post(reverse("productivity:act", args=[case.number, "pay"]), {"version": case.version, **PAID})
    assert "programme_operator" in messages_of(response)[0]
    case.refresh_from_db()
    assert case.state == "payment_due"


# --- the fourth persona: staff of the other services (issue 8, finding 5) --------------------------

@pytest.fixture(params=["secretariat", "commission_member", "analyst"])
def other_service_staff(request, db):
    """The technopark's secretariat or a member of its selection commission, or an analyst."""
    from techpolicy.accounts.roles import ANALYST

    if request.param == "commission_member":
        return factories.make_selection_commission()[1][0]
    if request.param == "analyst":
        return factories.make_user(roles=[ANALYST])
    return factories.make_secretariat()


def test_finding5_staff_of_other_services_neither_see_nor_act(client, owner, operator, other_service_staff):
    case = drive(factories.make_productivity_case(owner, training(owner)), DIRECT_PATH, owner, operator)
    assert not allowed(can_view(other_service_staff, case))
    assert not allowed(can_fire(other_service_staff, case, DIRECT.action("close")))
    assert available_actions(case, other_service_staff) == []
    client.force_login(other_service_staff)
    assert client.get(reverse("casework:detail", args=[case.number])).status_code == 403
    assert client.get(reverse("productivity:aftercare", args=[case.number])).status_code == 403
    assert client.post(reverse("productivity:act", args=[case.number, "close"]),
                       {"version": case.version}).status_code == 403
    state = case.state
    case.refresh_from_db()
    assert case.state == state
