from .agreements import Agreement, Tranche
from .calls import Call, Criterion
from .directions import DirectionsVersion
from .experts import DeclaredInterest, Expert, Tie
from .ledger import LedgerEntry, LedgerHead, LedgerRefusal
from .panels import AssignmentRun, Conclusion, Score, Seat
from .reports import Report as Report

__all__ = ["Agreement", "AssignmentRun", "Call", "Conclusion", "Criterion", "DeclaredInterest", "DirectionsVersion",
           "Expert", "LedgerEntry", "LedgerHead", "LedgerRefusal", "Score", "Seat", "Tie", "Tranche"]
