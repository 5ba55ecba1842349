"""Commission voting: composition check input, votes, and the decision the settings yield."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from .models import Case, Commission, CommissionMember, Vote


@dataclass(frozen=True)
class Tally:
    members: int
    votes_for: int
    votes_against: int
    abstentions: int
    quorum: int
    majority: str
    round: int

    @property
    def cast(self) -> int:
        return self.votes_for + self.votes_against + self.abstentions

    @property
    def quorum_met(self) -> bool:
        return self.cast >= self.quorum

    @property
    def approved(self) -> bool:
        if self.majority == Commission.MAJORITY_ABSOLUTE:
            return self.votes_for * 2 > self.members
        if self.majority == Commission.MAJORITY_TWO_THIRDS:
            return self.votes_for * 3 >= self.cast * 2 and self.cast > 0
        return self.votes_for * 2 > self.cast

    def as_dict(self) -> dict:
        return {
            "members": self.members, "for": self.votes_for, "against": self.votes_against,
            "abstain": self.abstentions, "cast": self.cast, "quorum": self.quorum,
            "quorum_met": self.quorum_met, "majority": self.majority, "approved": self.approved,
            "round": self.round,
        }


def agenda_round(case: Case) -> int:
    """How many times the case has been put on the commission's agenda (1 the first time)."""
    return max(case.transitions.filter(to_state="commission").count(), 1)


def tally(case: Case, commission: Commission) -> Tally:
    round_ = agenda_round(case)
    votes = Vote.objects.filter(case=case, round=round_, member__commission=commission)
    counts = {value: votes.filter(value=value).count() for value, _label in Vote.CHOICES}
    return Tally(
        members=commission.members.filter(active=True).count(),
        votes_for=counts[Vote.VOTE_FOR],
        votes_against=counts[Vote.VOTE_AGAINST],
        abstentions=counts[Vote.VOTE_ABSTAIN],
        quorum=commission.quorum,
        majority=commission.majority,
        round=round_,
    )


class VoteError(Exception):
    pass


def cast_vote(case: Case, commission: Commission, user, value: str, reason: str) -> Vote:
    if case.state != "commission":
        raise VoteError(_("The case is not on the commission's agenda."))
    member = CommissionMember.objects.filter(commission=commission, user=user, active=True).first()
    if member is None:
        raise VoteError(_("You are not an active member of this commission."))
    if value not in dict(Vote.CHOICES):
        raise VoteError(_("Choose for, against or abstain."))
    if not reason.strip():
        raise VoteError(_("Give the reason for your vote."))
    try:
        with transaction.atomic():
            return Vote.objects.create(
                case=case, member=member, round=agenda_round(case), value=value, reason=reason.strip()
            )
    except IntegrityError:
        raise VoteError(_("You have already voted on this case in this round.")) from None


def member_facts(commission: Commission) -> list[dict]:
    """The members as facts for the composition rule (paragraph 13)."""
    return [
        {
            "name": m.full_name,
            "state_body_representative": m.state_body_representative,
            "it_qualified": m.qualified_it_specialist,
            "ict_experience_years": m.ict_experience_years,
            "international_expert": m.international_expert,
        }
        for m in commission.members.filter(active=True)
    ]
