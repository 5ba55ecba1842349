"""Issue 9: a workflow names its commission; agenda states are flagged (`State(agenda=True)`), never
recognised by their id; the commission of a case is the one its workflow names, and membership is
checked per commission: a member of one commission neither lists, opens nor votes on the cases of
another (the technopark's selection commission, 001 p.13, beside an HSTC-like reviewing body,
000 p.28)."""

import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.accounts.roles import COMMISSION
from techpolicy.casework.commissions import agenda_round, commission_of, on_agenda
from techpolicy.casework.engine import fire
from techpolicy.casework.models import Vote
from techpolicy.casework.workflow import DRAFT, Action, State, Workflow
from techpolicy.services.technopark.workflows import ACTIVITY_CHANGE, PARTICIPATION, TERMINATION
from tests import factories
from tests.casework import commission_support as hstc

pytestmark = pytest.mark.django_db


def en(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


def test_issue9_agenda_states_are_the_flagged_ones():
    assert {w.id: w.agenda_states() for w in (PARTICIPATION, ACTIVITY_CHANGE, TERMINATION)} == {
        w.id: frozenset({"commission"}) for w in (PARTICIPATION, ACTIVITY_CHANGE, TERMINATION)}
    assert hstc.CONSIDERATION.agenda_states() == frozenset({"hstc"})


def test_issue9_a_state_named_commission_is_no_agenda_without_the_flag():
    workflow = Workflow(id="test.named", name="t", case_prefix="T", initial="draft",
                        states=(DRAFT, State("commission", "c", "c", COMMISSION)),
                        actions=(Action("send", ("draft",), "commission", "secretariat", "send"),))
    assert workflow.agenda_states() == frozenset()


def test_issue9_a_workflow_with_an_agenda_names_its_commission():
    with pytest.raises(ValueError, match="names its commission"):
        Workflow(id="test.agenda", name="t", case_prefix="T", initial="draft",
                 states=(DRAFT, State("hstc", "c", "c", COMMISSION, agenda=True)),
                 actions=(Action("send", ("draft",), "hstc", "secretariat", "send"),))


def test_issue9_a_case_enters_the_agenda_by_an_action_not_at_creation():
    with pytest.raises(ValueError, match="not created there"):
        Workflow(id="test.initial", name="t", case_prefix="T", initial="hstc", commission="x",
                 states=(State("hstc", "c", "c", COMMISSION, agenda=True), State("done", "d", "d", "", final=True)),
                 actions=(Action("close", ("hstc",), "done", "secretariat", "close"),))


@pytest.fixture
def two_commissions(monkeypatch, owner, secretariat, commission):
    """The technopark's agenda case and an HSTC agenda case, each with its own commission."""
    hstc.registered(monkeypatch)
    _body, reviewers = hstc.make_hstc()
    tp_case = factories.drive_participation(factories.make_participation_case(owner), "commission", owner,
                                            secretariat)
    other_owner = factories.make_applicant()
    hstc_case = hstc.on_hstc_agenda(other_owner, secretariat)
    return {"tp": (tp_case, commission[1]), "hstc": (hstc_case, reviewers)}


def test_issue9_the_commission_of_a_case_is_its_workflows(two_commissions):
    tp_case, _ = two_commissions["tp"]
    hstc_case, _ = two_commissions["hstc"]
    assert commission_of(tp_case).key == "technopark-selection"
    assert commission_of(hstc_case).key == hstc.HSTC_KEY
    assert on_agenda(tp_case) and on_agenda(hstc_case)


@pytest.mark.parametrize(("mine", "theirs"), [("tp", "hstc"), ("hstc", "tp")])
def test_issue9_a_member_sees_and_votes_only_on_the_cases_of_their_own_commission(
        client, two_commissions, mine, theirs, messages_of):
    own_case, members = two_commissions[mine]
    foreign_case, _ = two_commissions[theirs]
    client.force_login(members[0])
    listed = [row["case"].number for row in client.get(en("casework:agenda")).context["rows"]]
    assert listed == [own_case.number]
    assert client.get(en("casework:detail", foreign_case.number)).status_code == 403
    answer = client.post(en("casework:vote", foreign_case.number), {"value": "for", "reason": "x"})
    assert answer.status_code == 403
    assert client.post(en("casework:recuse", foreign_case.number), {"reason": "x"}).status_code == 403
    assert not Vote.objects.filter(case=foreign_case).exists()
    answer = client.post(en("casework:vote", own_case.number), {"value": "for", "reason": "Sound."})
    assert messages_of(answer) == ["Your vote was recorded."]


def test_issue9_a_member_of_both_commissions_votes_on_both(client, two_commissions, messages_of):
    from techpolicy.casework.models import Commission, CommissionMember

    tp_case, tp_members = two_commissions["tp"]
    hstc_case, _ = two_commissions["hstc"]
    user = tp_members[0]
    # Added to the HSTC after its round opened: sees the case, but is not on that round's roll.
    CommissionMember.objects.create(commission=Commission.objects.get(key=hstc.HSTC_KEY), user=user,
                                    full_name="Both")
    client.force_login(user)
    assert client.get(en("casework:detail", hstc_case.number)).status_code == 200
    answer = client.post(en("casework:vote", hstc_case.number), {"value": "for", "reason": "x"}, follow=True)
    assert [str(m) for m in answer.context["messages"]] == [
        "You were not among the members entitled to vote when this round opened."]
    answer = client.post(en("casework:vote", tp_case.number), {"value": "for", "reason": "x"})
    assert messages_of(answer) == ["Your vote was recorded."]


def test_issue9_agenda_round_counts_the_entries_into_the_agenda_states(monkeypatch, owner, secretariat):
    hstc.registered(monkeypatch)
    _body, reviewers = hstc.make_hstc(members=3, quorum_kind="count", quorum_count=2)
    case = hstc.on_hstc_agenda(owner, secretariat)
    assert agenda_round(case) == 1
    factories.cast_votes(case, reviewers[:2], ["for", "for"])
    case = fire(case, "recommend", secretariat)
    assert (case.state, agenda_round(case)) == ("recommended", 1)
    case = fire(case, "back_to_hstc", secretariat)
    assert (case.state, agenda_round(case)) == ("hstc", 2)
    assert case.voting_roll.filter(round=2).count() == 3
