"""Casework records shared by every service: cases and their log, documents, commissions,
decisions, contracts, certificates, register entries, and the reference data administrators keep."""

from .background import GeneratedFile, WorkerHeartbeat
from .case import Case, Remark, Transition
from .commission import Commission, CommissionMember, Decision, Recommendation, Recusal, Vote, VotingRoll
from .documents import Document
from .events import CaseEvent
from .meeting import Meeting, MeetingAttendance, MeetingItem
from .reference import DayTransferEntry, Notification, ParameterEntry, ReferenceItem
from .register import Certificate, Contract, RegisterEntry, RegisterEvent

__all__ = [
    "Case",
    "CaseEvent",
    "Certificate",
    "Commission",
    "CommissionMember",
    "Contract",
    "DayTransferEntry",
    "Decision",
    "Document",
    "GeneratedFile",
    "Meeting",
    "MeetingAttendance",
    "MeetingItem",
    "Notification",
    "ParameterEntry",
    "Recommendation",
    "Recusal",
    "ReferenceItem",
    "RegisterEntry",
    "RegisterEvent",
    "Remark",
    "Transition",
    "Vote",
    "VotingRoll",
    "WorkerHeartbeat",
]
