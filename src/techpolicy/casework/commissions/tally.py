"""The count of a round: who was entitled, who recused, who took part, how they voted, and what the
commission's regulations (majority and quorum, `Commission`) make of it.

Taking part: a member on the roll who voted (for, against or abstaining) in the round, or who was
recorded present at a held meeting whose agenda holds the case in that round. A member who recused
takes no part and is left out of the quorum base (the roll less the recused).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Case, Commission, Meeting, MeetingAttendance, Recusal, Vote, VotingRoll
from .rounds import agenda_round, commission_of


@dataclass(frozen=True)
class Tally:
    round: int
    entitled: int  # on the roll of the round
    recused: int
    participants: int
    votes_for: int
    votes_against: int
    abstentions: int
    majority: str  # Commission.MAJORITY_*, "" while the regulations do not say
    quorum_kind: str  # Commission.QUORUM_*, "" while the regulations do not say
    quorum_count: int | None = None

    @property
    def members(self) -> int:
        return self.entitled

    @property
    def base(self) -> int:
        """The quorum base: the members entitled to vote, less those who recused."""
        return self.entitled - self.recused

    @property
    def cast(self) -> int:
        return self.votes_for + self.votes_against + self.abstentions

    @property
    def regulations_set(self) -> bool:
        if not self.majority or not self.quorum_kind:
            return False
        return self.quorum_kind != Commission.QUORUM_COUNT or bool(self.quorum_count)

    @property
    def quorum(self) -> int | None:
        """How many members must take part; None while the regulations do not say."""
        if not self.regulations_set:
            return None
        if self.quorum_kind == Commission.QUORUM_COUNT:
            return self.quorum_count
        # At least half / two thirds of the base, rounded up; never fewer than one member.
        if self.quorum_kind == Commission.QUORUM_HALF:
            return max(-(-self.base // 2), 1)
        return max(-(-self.base * 2 // 3), 1)

    @property
    def quorum_met(self) -> bool:
        required = self.quorum
        return required is not None and self.base > 0 and self.participants >= required

    @property
    def approved(self) -> bool:
        """The votes carry the proposal under the commission's majority rule."""
        if self.majority == Commission.MAJORITY_ABSOLUTE:
            return self.votes_for * 2 > self.base
        if self.majority == Commission.MAJORITY_TWO_THIRDS:
            return self.cast > 0 and self.votes_for * 3 >= self.cast * 2
        if self.majority == Commission.MAJORITY_SIMPLE:
            return self.votes_for * 2 > self.cast
        return False

    def as_dict(self) -> dict:
        return {
            "round": self.round, "members": self.entitled, "entitled": self.entitled, "recused": self.recused,
            "base": self.base, "participants": self.participants, "for": self.votes_for,
            "against": self.votes_against, "abstain": self.abstentions, "cast": self.cast,
            "quorum_kind": self.quorum_kind, "quorum": self.quorum, "quorum_met": self.quorum_met,
            "majority": self.majority, "approved": self.approved,
        }


def tally(case: Case, commission: Commission | None = None, round_: int | None = None) -> Tally:
    """The count of a round of the case (the current one by default) under the regulations of the
    case's commission."""
    commission = commission or commission_of(case)
    round_ = agenda_round(case) if round_ is None else round_
    on_roll = set(VotingRoll.objects.filter(case=case, round=round_).values_list("member_id", flat=True))
    recused = set(Recusal.objects.filter(case=case, round=round_, member_id__in=on_roll)
                  .values_list("member_id", flat=True))
    votes = dict(Vote.objects.filter(case=case, round=round_, member_id__in=on_roll - recused)
                 .values_list("member_id", "value"))
    present = set(MeetingAttendance.objects.filter(
        meeting__status__in=(Meeting.HELD, Meeting.CLOSED), meeting__items__case=case,
        meeting__items__round=round_, member_id__in=on_roll).values_list("member_id", flat=True))
    values = list(votes.values())
    return Tally(
        round=round_,
        entitled=len(on_roll),
        recused=len(recused),
        participants=len((set(votes) | present) - recused),
        votes_for=values.count(Vote.VOTE_FOR),
        votes_against=values.count(Vote.VOTE_AGAINST),
        abstentions=values.count(Vote.VOTE_ABSTAIN),
        majority=commission.majority if commission else "",
        quorum_kind=commission.quorum_kind if commission else "",
        quorum_count=commission.quorum_count if commission else None,
    )
