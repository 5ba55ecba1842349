"""Rounds of voting: a case's n-th time on its commission's agenda, and the roll of the members
entitled to vote in it.

A round opens when the case enters an agenda state (`State.agenda`) of its workflow; the engine
then calls `open_round`, which records the commission's active members in `VotingRoll`. The
commission is always the one the case's workflow names (`Workflow.commission`), never a user's.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Case, Commission, CommissionMember, VotingRoll
from ..workflow import Workflow, get


class VoteError(Exception):
    """A vote, a recusal or a round that cannot be taken; the message says why, in the user's language."""


def workflow_of(case: Case) -> Workflow | None:
    try:
        return get(case.workflow)
    except KeyError:  # a workflow no longer declared has no agenda
        return None


def commission_of(case_or_workflow: Case | Workflow | str) -> Commission | None:
    """The commission bound to the workflow of a case (or to a workflow or its id), or None."""
    if isinstance(case_or_workflow, Case):
        workflow = workflow_of(case_or_workflow)
    elif isinstance(case_or_workflow, Workflow):
        workflow = case_or_workflow
    else:
        try:
            workflow = get(case_or_workflow)
        except KeyError:
            workflow = None
    if workflow is None or not workflow.commission:
        return None
    return Commission.objects.filter(key=workflow.commission).first()


def on_agenda(case: Case) -> bool:
    """The case is in one of its workflow's agenda states now."""
    workflow = workflow_of(case)
    return workflow is not None and case.state in workflow.agenda_states()


def was_on_agenda(case: Case) -> bool:
    workflow = workflow_of(case)
    return workflow is not None and case.transitions.filter(to_state__in=workflow.agenda_states()).exists()


def agenda_round(case: Case) -> int:
    """How many times the case has been put on its commission's agenda (0: never). The current
    round while it is on the agenda, the last one after it left."""
    workflow = workflow_of(case)
    if workflow is None:
        return 0
    return case.transitions.filter(to_state__in=workflow.agenda_states()).count()


def open_round(case: Case, workflow: Workflow) -> int:
    """Record who may vote in the round that opens now; called by the engine inside the transaction
    that put the case on the agenda, after the transition is logged. Returns the round.

    The roll is the commission's active members at this moment. A member added later does not vote
    in this round, and a member deactivated later keeps the right to vote in it: the round is
    decided by the body as it stood when the question was put to it, so that changing the
    membership while votes are being cast cannot move the quorum base or the majority of a
    question already before the commission (the next round takes the membership of its day)."""
    commission = commission_of(workflow)
    if commission is None:
        raise VoteError(_("The commission of this procedure has not been set up yet."))
    members = list(CommissionMember.objects.filter(commission=commission, active=True).order_by("pk"))
    if not members:
        raise VoteError(_("The commission has no active members to vote."))
    round_ = agenda_round(case)
    now = timezone.now()
    VotingRoll.objects.bulk_create(
        [VotingRoll(case=case, round=round_, member=member, opened_at=now) for member in members])
    return round_


def roll(case: Case, round_: int | None = None):
    """The roll of a round (the current one by default), with the members."""
    round_ = agenda_round(case) if round_ is None else round_
    return VotingRoll.objects.filter(case=case, round=round_).select_related("member").order_by("member__full_name")


def roll_entry(case: Case, user, round_: int | None = None) -> VotingRoll | None:
    """The user's place on the roll of a round (the current one by default), or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    round_ = agenda_round(case) if round_ is None else round_
    return VotingRoll.objects.filter(case=case, round=round_, member__user=user).select_related("member").first()


def on_any_roll(case: Case, user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and VotingRoll.objects.filter(
        case=case, member__user=user).exists()
