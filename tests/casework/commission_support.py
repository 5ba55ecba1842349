"""A second commission-bound workflow for the tests of the commission machinery: a reviewing body
in the manner of the HSTC considering a state body's initiative (seed 000 p.28, requirement
"000.p28"), whose result is a recommendation, while the decision is recorded by the deciding body's
staff afterwards. It is registered only for the test that asks for it (`registered`)."""

from __future__ import annotations

from techpolicy.accounts.roles import COMMISSION, SECRETARIAT
from techpolicy.casework import workflow as workflows
from techpolicy.casework.decisions import recommendation_actions, record_decision
from techpolicy.casework.engine import create_case, fire
from techpolicy.casework.models import Commission, CommissionMember
from techpolicy.casework.workflow import DRAFT, OWNER, Action, State, Workflow
from techpolicy.law.citation import Citation
from tests import factories

HSTC_KEY = "test-hstc"
P28 = Citation("000", "28")

CONSIDERATION = Workflow(
    id="test.hstc_consideration",
    name="HSTC consideration (test)",
    case_prefix="TST-H",
    initial="draft",
    commission=HSTC_KEY,
    states=(
        DRAFT,
        State("received", "Received", "Received", SECRETARIAT),
        State("hstc", "HSTC consideration", "Under consideration", COMMISSION, agenda=True),
        State("recommended", "Recommended", "Recommended", SECRETARIAT),
        State("not_recommended", "Not recommended", "Not recommended", SECRETARIAT),
        State("organised", "Organised", "Organised", "", final=True),
        State("refused", "Refused", "Refused", "", final=True),
    ),
    actions=(
        Action("submit", ("draft",), "received", OWNER, "Submit"),
        Action("send_to_hstc", ("received",), "hstc", SECRETARIAT, "Send to the HSTC", citation=P28),
        *recommendation_actions("hstc", "recommended", "not_recommended", P28, role=SECRETARIAT),
        Action("back_to_hstc", ("recommended", "not_recommended"), "hstc", SECRETARIAT, "Consider again"),
        Action("decide_organised", ("recommended",), "organised", SECRETARIAT, "Register as organised",
               effect=record_decision("platform", "approved", ["000 p.28"], votes=False), citation=P28),
        Action("decide_refused", ("recommended", "not_recommended"), "refused", SECRETARIAT, "Refuse",
               effect=record_decision("platform", "refused", ["000 p.28"], votes=False), citation=P28),
    ),
)


def registered(monkeypatch) -> Workflow:
    """Declare the test workflow for one test (the registry is restored afterwards)."""
    monkeypatch.setitem(workflows._REGISTRY, CONSIDERATION.id, CONSIDERATION)
    return CONSIDERATION


def make_hstc(members: int = 4, majority: str = "simple", quorum_kind: str = "two_thirds",
              quorum_count: int | None = None):
    """The reviewing commission with `members` active members; returns (commission, [users])."""
    commission = Commission.objects.create(key=HSTC_KEY, name="Жоғары ғылыми-техникалық комиссия (test)",
                                           majority=majority, quorum_kind=quorum_kind, quorum_count=quorum_count)
    users = []
    for _n in range(members):
        user = factories.make_commission_member_user()
        CommissionMember.objects.create(commission=commission, user=user, full_name=f"Мүше {user.username}")
        users.append(user)
    return commission, users


def on_hstc_agenda(owner, secretariat):
    """A case of the test workflow put on the HSTC's agenda (voting open)."""
    case = create_case(CONSIDERATION, owner.organisation, owner, title="Platform initiative")
    return fire(fire(case, "submit", owner), "send_to_hstc", secretariat)
