"""Commissions bound to workflows by data ("комиссия").

- `rounds`: the commission of a case (its workflow's `Workflow.commission`), its rounds on the agenda
  (`State.agenda`) and the roll of the members entitled to vote, recorded when a round opens;
- `tally`: the count of a round under the commission's majority and quorum;
- `voting`: votes and recusals (conflicts of interest) of the members on the roll;
- `composition`: the members' qualifications judged by a law-layer procedure;
- `meetings` and `minutes`: meetings with their agenda, attendance and minutes (PDF).

The decision kit (guards, the approve / refuse and recommend / do-not-recommend pairs, the effects
that record a `Decision` or a `Recommendation`) is `casework.decisions`.
"""

from .rounds import VoteError, agenda_round, commission_of, on_agenda, open_round, roll, roll_entry
from .tally import Tally, tally
from .voting import cast_vote, declare_recusal

__all__ = [
    "Tally",
    "VoteError",
    "agenda_round",
    "cast_vote",
    "commission_of",
    "declare_recusal",
    "on_agenda",
    "open_round",
    "roll",
    "roll_entry",
    "tally",
]
