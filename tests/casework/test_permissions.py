"""Permission checks return (allowed, reason) (architecture, casework) for the three personas —
the applicant who owns the case, another applicant, the secretariat — plus a member of the
selection commission (seed 001 p.13) and an anonymous visitor."""

import pytest
from django.contrib.auth.models import AnonymousUser

from techpolicy.casework.engine import available_actions, fire
from techpolicy.casework.permissions import can_download, can_fire, can_view, can_vote
from techpolicy.services.technopark.workflows import PARTICIPATION
from tests import factories

pytestmark = pytest.mark.django_db

SUBMIT = PARTICIPATION.action("submit")  # owner only
TAKE = PARTICIPATION.action("take_for_review")  # secretariat only


def assert_refused(permission):
    allowed, reason = permission
    assert allowed is False
    assert isinstance(reason, str) and reason.strip()


def assert_allowed(permission):
    assert permission == (True, "")


@pytest.fixture
def member(commission):
    return commission[1][0]


def test_can_view_by_persona(draft_case, owner, other_applicant, secretariat, member):
    assert_allowed(can_view(owner, draft_case))
    assert_allowed(can_view(secretariat, draft_case))
    assert_allowed(can_view(factories.make_administrator(), draft_case))
    assert_refused(can_view(other_applicant, draft_case))
    assert_refused(can_view(member, draft_case))
    assert_refused(can_view(AnonymousUser(), draft_case))


def test_p13_commission_member_sees_a_case_once_it_was_on_the_agenda(draft_case, owner, secretariat, member):
    case = fire(fire(draft_case, "submit", owner), "take_for_review", secretariat)
    assert_refused(can_view(member, case))
    case = fire(case, "send_to_commission", secretariat)
    assert_allowed(can_view(member, case))


def test_a_colleague_of_the_owner_sees_the_case(draft_case, owner):
    colleague = factories.make_user(organisation=owner.organisation)
    assert_allowed(can_view(colleague, draft_case))


def test_owner_only_action(draft_case, owner, other_applicant, secretariat):
    assert_allowed(can_fire(owner, draft_case, SUBMIT))
    assert_refused(can_fire(other_applicant, draft_case, SUBMIT))
    assert_refused(can_fire(secretariat, draft_case, SUBMIT))
    assert_refused(can_fire(AnonymousUser(), draft_case, SUBMIT))


def test_secretariat_only_action(draft_case, owner, other_applicant, secretariat, member):
    assert_allowed(can_fire(secretariat, draft_case, TAKE))
    assert_allowed(can_fire(factories.make_administrator(), draft_case, TAKE))
    refused = can_fire(owner, draft_case, TAKE)
    assert_refused(refused)
    assert "secretariat" in refused[1]
    assert_refused(can_fire(other_applicant, draft_case, TAKE))
    assert_refused(can_fire(member, draft_case, TAKE))
    assert_refused(can_fire(AnonymousUser(), draft_case, TAKE))


def test_available_actions_follow_the_persona(draft_case, owner, other_applicant, secretariat):
    assert {a.id for a in available_actions(draft_case, owner)} == {"submit", "withdraw"}
    assert available_actions(draft_case, secretariat) == []
    assert available_actions(draft_case, other_applicant) == []
    case = fire(draft_case, "submit", owner)
    assert {a.id for a in available_actions(case, secretariat)} == {"take_for_review"}
    assert available_actions(case, owner) == []


def test_p13_can_vote_only_members_and_only_on_the_agenda(draft_case, owner, secretariat, member):
    assert_refused(can_vote(member, draft_case))
    case = fire(fire(fire(draft_case, "submit", owner), "take_for_review", secretariat), "send_to_commission",
                secretariat)
    assert_allowed(can_vote(member, case))
    assert_refused(can_vote(secretariat, case))
    assert_refused(can_vote(owner, case))
    assert_refused(can_vote(AnonymousUser(), case))


def test_can_download_follows_the_case(draft_case, owner, other_applicant, secretariat, member):
    document = draft_case.documents.first()
    assert_allowed(can_download(owner, document))
    assert_allowed(can_download(secretariat, document))
    assert_refused(can_download(other_applicant, document))
    assert_refused(can_download(member, document))
    assert_refused(can_download(AnonymousUser(), document))


# --- the fourth persona: staff of the other services (issue 8, finding 5) --------------------------

@pytest.fixture(params=["operator", "leasing_operator", "analyst"])
def other_service_staff(request, db):
    """An employee of KIDI, of KDB-Leasing ("Productivity 2020") or an analyst: staff, but not of
    the technopark."""
    from techpolicy.accounts.roles import ANALYST

    return {"operator": factories.make_operator, "leasing_operator": factories.make_leasing_operator,
            "analyst": lambda: factories.make_user(roles=[ANALYST])}[request.param]()


def test_finding5_staff_of_other_services_neither_see_nor_act(draft_case, owner, secretariat, member,
                                                               other_service_staff):
    assert_refused(can_view(other_service_staff, draft_case))
    assert_refused(can_download(other_service_staff, draft_case.documents.first()))
    case = fire(draft_case, "submit", owner)
    assert_refused(can_fire(other_service_staff, case, TAKE))
    assert available_actions(case, other_service_staff) == []
    case = fire(fire(case, "take_for_review", secretariat), "send_to_commission", secretariat)
    assert_refused(can_view(other_service_staff, case))
    assert_refused(can_vote(other_service_staff, case))
