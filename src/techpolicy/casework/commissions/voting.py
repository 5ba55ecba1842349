"""Votes and recusals of the members on a round's roll.

Each runs in one transaction under a row lock on the case, so a vote, a recusal and the decision
that reads the tally follow one another: twenty posts of one member at once leave one record, and
a vote cannot slip in between the tally a decision rests on and the decision itself.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ..models import Case, Recusal, Vote
from ..models.commission import REASON_MAX
from ..permissions import can_recuse, can_vote
from .rounds import VoteError, agenda_round, roll_entry


def _reason(text: str, missing: str) -> str:
    reason = (text or "").strip()
    if not reason:
        raise VoteError(missing)
    if len(reason) > REASON_MAX:
        raise VoteError(_("The reason is too long: at most %(max)s characters.") % {"max": REASON_MAX})
    return reason


def cast_vote(case: Case, user, value: str, reason: str) -> Vote:
    """The user's vote in the current round of the case. Raises VoteError with the reason."""
    with transaction.atomic():
        current = Case.objects.select_for_update().get(pk=case.pk)
        allowed, why = can_vote(user, current)
        if not allowed:
            raise VoteError(why)
        if value not in dict(Vote.CHOICES):
            raise VoteError(_("Choose for, against or abstain."))
        reason = _reason(reason, _("Give the reason for your vote."))
        round_ = agenda_round(current)
        member = roll_entry(current, user, round_).member
        if Vote.objects.filter(case=current, member=member, round=round_).exists():
            raise VoteError(_("You have already voted on this case in this round."))
        try:
            with transaction.atomic():
                return Vote.objects.create(case=current, member=member, round=round_, value=value, reason=reason)
        except IntegrityError:  # the constraint, where row locks are no-ops (SQLite)
            raise VoteError(_("You have already voted on this case in this round.")) from None


def declare_recusal(case: Case, user, reason: str) -> Recusal:
    """The user declares a conflict of interest with the applicant of the case in the current round:
    they take no part in it from now on. Raises VoteError with the reason."""
    with transaction.atomic():
        current = Case.objects.select_for_update().get(pk=case.pk)
        allowed, why = can_recuse(user, current)
        if not allowed:
            raise VoteError(why)
        reason = _reason(reason, _("Give the reason for the conflict of interest."))
        round_ = agenda_round(current)
        member = roll_entry(current, user, round_).member
        try:
            with transaction.atomic():
                return Recusal.objects.create(case=current, member=member, round=round_, reason=reason)
        except IntegrityError:
            raise VoteError(_("You have already declared a conflict of interest in this round.")) from None
