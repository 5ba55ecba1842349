"""Issue 8, finding 5: the staff of one service never act in another.

Every staff role of every service — the technopark secretariat (seed 001), the programme operator
KIDI and the leasing operator KDB-Leasing (seed 004, 5.4), the policy analyst and the forecasting
expert (seed 000), a member of the technopark's selection commission (001 p.13) and a member of
another commission — tries the pages and POST actions of the cases it does not handle: the case
page, every action of the workflow, upload, download, the follow-ups of a participant (termination
included, p.41), the programme's aftercare pages, the work queue and the what-if page, the agenda
and the vote. Each is refused (403, or a refusal that changes nothing). The owner, other applicant
and staff personas of each service stay in their own modules; this is the fourth persona.
"""

import pytest
from django.urls import reverse

from techpolicy.accounts.roles import ANALYST, COMMISSION, EXPERT
from techpolicy.casework.models import Case, Commission, CommissionMember, Vote
from techpolicy.casework.permissions import is_case_staff
from techpolicy.casework.uploads import store
from techpolicy.casework.workflow import get
from techpolicy.services.productivity.models import InformationRequest, ProductivityReport
from techpolicy.services.technopark.demo import demo_pdf
from tests import factories
from tests.productivity.helpers import leasing, training

pytestmark = pytest.mark.django_db

PERSONAS = ("secretariat", "operator", "leasing_operator", "analyst", "expert", "technopark_member", "other_member")
CASES = ("tp_agenda", "tp_registered", "p20_direct", "p20_leasing")
# The cases each persona handles as staff; every other (persona, case) pair is another service's.
HANDLES = {
    "secretariat": {"tp_agenda", "tp_registered"},
    "operator": {"p20_direct", "p20_leasing"},
    "leasing_operator": {"p20_leasing"},  # instrument 1 only (5.4); the direct route is KIDI's
}
# A commission member sees (only) the cases that were on their own commission's agenda (p.13).
SEES = {"technopark_member": {"tp_agenda"}}
FOREIGN = [(p, c) for p in PERSONAS for c in CASES if c not in HANDLES.get(p, set()) | SEES.get(p, set())]


def _member_of(commission) -> object:
    user = factories.make_commission_member_user()
    CommissionMember.objects.create(commission=commission, user=user, full_name=f"Member {user.username}",
                                    qualifications=factories.p13_qualifications(years="5"))
    return user


@pytest.fixture
def world(owner):
    """The personas and one case of each kind, each with a document."""
    _commission, voters = factories.make_selection_commission()
    other = Commission.objects.create(key="other-commission", name="Another commission (test)", quorum_kind="count",
                                      quorum_count=1, majority="simple")
    people = {
        "owner": owner,
        "secretariat": factories.make_secretariat(),
        "operator": factories.make_operator(),
        "leasing_operator": factories.make_leasing_operator(),
        "analyst": factories.make_user(roles=[ANALYST]),
        "expert": factories.make_user(roles=[EXPERT]),
        "technopark_member": voters[0],
        "other_member": _member_of(other),
    }
    agenda = factories.drive_participation(factories.make_participation_case(owner), "commission", owner,
                                           people["secretariat"])
    _user, registered, _certificate, _entry = factories.make_participant()
    direct = factories.drive_productivity(factories.make_productivity_case(owner, training(owner)),
                                          [("submit", {})], owner, people["operator"])
    leased = factories.make_productivity_case(owner, leasing(owner))
    for case in (registered, direct, leased):
        attach_document(case)
    cases = {"tp_agenda": agenda, "tp_registered": registered, "p20_direct": direct, "p20_leasing": leased}
    return people, cases


def attach_document(case: Case) -> None:
    """A document the case was submitted with. A registered participant's case is closed to uploads
    (its state is final), so the document is stored while the case is briefly shown as a draft."""
    state = case.state
    Case.objects.filter(pk=case.pk).update(state="draft")
    store(case, "charter_registration", demo_pdf("charter"), case.created_by)
    Case.objects.filter(pk=case.pk).update(state=state)


def _snapshot(case: Case) -> tuple:
    case.refresh_from_db()
    return case.state, case.version, case.transitions.count(), case.documents.count(), case.children.count()


def _as(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize(("persona", "case_key"), FOREIGN)
def test_finding5_staff_of_another_service_get_403_on_the_case(client, world, persona, case_key):
    people, cases = world
    case, client = cases[case_key], _as(client, people[persona])
    before = _snapshot(case)
    assert client.get(reverse("casework:detail", args=[case.number])).status_code == 403
    for action in get(case.workflow).actions:  # every action of the table, whatever the state
        response = client.post(reverse("casework:fire", args=[case.number, action.id]),
                               {"version": case.version, "reason": "test"})
        assert response.status_code == 403, action.id
    pdf = demo_pdf("x")
    response = client.post(reverse("casework:upload", args=[case.number]), {"kind": "business_plan", "file": pdf})
    assert response.status_code == 403
    document = case.documents.first()
    assert client.get(reverse("casework:download", args=[document.pk])).status_code == 403
    assert client.post(reverse("casework:vote", args=[case.number]),
                       {"value": "for", "reason": "test"}).status_code == 403
    assert _snapshot(case) == before
    assert not Vote.objects.filter(case=case).exists()


def test_finding5_a_commission_member_sees_the_agenda_case_but_acts_on_nothing(client, world):
    people, cases = world
    case, client = cases["tp_agenda"], _as(client, people["technopark_member"])
    before = _snapshot(case)
    assert client.get(reverse("casework:detail", args=[case.number])).status_code == 200
    assert client.get(reverse("casework:download", args=[case.documents.first().pk])).status_code == 200
    for action in get(case.workflow).actions:
        response = client.post(reverse("casework:fire", args=[case.number, action.id]), {"version": case.version})
        assert response.status_code == 302, action.id  # back to the case page with the refusal
    pdf = demo_pdf("x")
    assert client.post(reverse("casework:upload", args=[case.number]),
                       {"kind": "business_plan", "file": pdf}).status_code == 403
    assert _snapshot(case) == before


def test_finding5_a_programme_operator_on_the_commission_is_no_technopark_staff(client, world):
    """A KIDI employee who also sits on the selection commission sees the agenda case as a member:
    without the staff-facing names, the votes of colleagues or the upload a staff member has."""
    from django.contrib.auth.models import Group

    from techpolicy.accounts.roles import OPERATOR

    people, cases = world
    case, user = cases["tp_agenda"], people["technopark_member"]
    user.groups.add(Group.objects.get_or_create(name=OPERATOR)[0])
    client = _as(client, user)
    response = client.get(reverse("casework:detail", args=[case.number]))
    assert response.status_code == 200
    assert (response.context["staff"], response.context["votes"], response.context["tally"]) == (False, None, None)
    pdf = demo_pdf("x")
    assert client.post(reverse("casework:upload", args=[case.number]),
                       {"kind": "business_plan", "file": pdf}).status_code == 403


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "secretariat"])
@pytest.mark.parametrize("kind", ["termination", "activity_change", "extension", "services"])
def test_finding5_only_the_technoparks_staff_open_a_termination_and_only_the_owner_the_rest(
        client, world, persona, kind):
    """Paragraph 41: the technopark brings early termination to the commission; 9-1, 36 and 48 are
    the participant's own applications. KIDI and KDB-Leasing opened terminations before the fix."""
    people, cases = world
    parent, client = cases["tp_registered"], _as(client, people[persona])
    url = reverse("technopark:follow_up", args=[parent.number, kind])
    count = Case.objects.count()
    assert client.get(url).status_code == 403
    assert client.post(url, {"grounds": ["39(1)"], "explanation": "test", "new_activity_types": ["S-01"]}
                       ).status_code == 403
    assert Case.objects.count() == count


def test_finding5_the_secretariat_still_opens_a_termination(client, world):
    """The fix must not lock out the staff the table names (a check that cannot fail proves nothing)."""
    people, cases = world
    parent, client = cases["tp_registered"], _as(client, people["secretariat"])
    response = client.post(reverse("technopark:follow_up", args=[parent.number, "termination"]),
                           {"grounds": ["39(1)"], "explanation": "Facts of the case."})
    assert response.status_code == 302
    assert parent.children.get().workflow == "technopark.termination"


AFTERCARE_FOREIGN = [(p, c) for p, c in FOREIGN if c.startswith("p20_")]


@pytest.mark.parametrize(("persona", "case_key"), AFTERCARE_FOREIGN)
def test_finding5_aftercare_pages_and_posts_are_403(client, world, persona, case_key):
    people, cases = world
    case, client = cases[case_key], _as(client, people[persona])
    before = _snapshot(case)
    assert client.get(reverse("productivity:aftercare", args=[case.number])).status_code == 403
    for action in ("pay", "terminate", "close"):
        assert client.post(reverse("productivity:act", args=[case.number, action]),
                           {"version": case.version}).status_code == 403
    assert client.post(reverse("productivity:request", args=[case.number]), {"text": "?"}).status_code == 403
    assert client.post(reverse("productivity:report", args=[case.number]),
                       {"period": "2016", "before": "1", "after": "2"}).status_code == 403
    assert _snapshot(case) == before
    assert not InformationRequest.objects.exists() and not ProductivityReport.objects.exists()


# What each persona's work queue may list: the workflows it handles (prefixes); None: no queue (403).
QUEUE = {"secretariat": ("technopark.",), "operator": ("productivity.",), "leasing_operator": ("productivity.leasing",)}


@pytest.mark.parametrize("persona", PERSONAS)
def test_finding5_the_work_queue_lists_only_the_personas_own_workflows(client, world, persona):
    people, cases = world
    client = _as(client, people[persona])
    response = client.get(reverse("casework:queue"))
    allowed = QUEUE.get(persona)
    assert is_case_staff(people[persona]) is (allowed is not None)  # the "Work queue" link
    if allowed is None:
        assert response.status_code == 403
        return
    listed = {row["case"].number for row in response.context["rows"]}
    own = {cases[c].number for c in HANDLES[persona]} - {cases["tp_registered"].number}  # registered: closed
    assert own <= listed  # a queue that lists nothing would pass the next assertion vacuously
    assert all(row["case"].workflow.startswith(allowed) for row in response.context["rows"])
    for workflow in ("technopark.participation", "productivity.direct", "productivity.leasing"):
        rows = client.get(reverse("casework:queue"), {"workflow": workflow}).context["rows"]
        assert all(row["case"].workflow.startswith(allowed) for row in rows)


@pytest.mark.parametrize(("persona", "status"), [
    ("secretariat", 403), ("leasing_operator", 403), ("expert", 403), ("technopark_member", 403),
    ("other_member", 403), ("operator", 200), ("analyst", 200)])
def test_finding5_the_what_if_page_is_the_programme_operators_and_the_analysts(client, world, persona, status):
    people, _cases = world
    assert _as(client, people[persona]).get(reverse("productivity:what_if")).status_code == status


def test_finding5_p13_the_agenda_and_the_vote_belong_to_the_bound_commission(client, world):
    """The technopark's workflows name their commission (COMMISSION_KEY); a member of another one
    neither lists, opens nor votes on the technopark's agenda."""
    people, cases = world
    case = cases["tp_agenda"]
    listed = _as(client, people["technopark_member"]).get(reverse("casework:agenda")).context["rows"]
    assert [row["case"].number for row in listed] == [case.number]
    assert _as(client, people["other_member"]).get(reverse("casework:agenda")).context["rows"] == []
    response = client.post(reverse("casework:vote", args=[case.number]), {"value": "for", "reason": "test"})
    assert response.status_code == 403
    assert not Vote.objects.filter(case=case).exists()


@pytest.mark.parametrize("persona", ["secretariat", "operator", "leasing_operator", "expert", "technopark_member",
                                     "other_member"])
def test_finding5_forecast_studies_are_the_analysts(client, world, persona):
    """Seed 000 p.3 and 5: analysts run the studies; the staff of the case services do not."""
    from tests.studies.conftest import make_study

    people, _cases = world
    study = make_study(people["analyst"])
    client = _as(client, people[persona])
    for name, args in (("studies:list", []), ("studies:create", []), ("studies:detail", [study.number]),
                       ("studies:edit", [study.number])):
        assert client.get(reverse(name, args=args)).status_code == 403, name
    stage = study.stage
    assert client.post(reverse("studies:stage_action", args=[study.number]),
                       {"action": "start", "version": study.version}).status_code == 403
    study.refresh_from_db()
    assert study.stage == stage


def test_finding5_a_workflow_with_an_agenda_must_name_its_commission():
    from techpolicy.casework.workflow import DRAFT, Action, State, Workflow

    with pytest.raises(ValueError, match="commission"):
        Workflow(id="test.agenda", name="t", case_prefix="T", initial="draft",
                 states=(DRAFT, State("commission", "c", "c", COMMISSION, agenda=True)),
                 actions=(Action("send", ("draft",), "commission", "secretariat", "send"),))
