"""Casework records shared by every service: cases and their log, documents, commissions,
decisions, contracts, certificates, register entries, and the reference data administrators keep."""

from .background import GeneratedFile, WorkerHeartbeat
from .case import Case, Remark, Transition
from .commission import Commission, CommissionMember, Decision, Vote
from .documents import Document
from .reference import DayTransferEntry, Notification, ParameterEntry, ReferenceItem
from .register import Certificate, Contract, RegisterEntry

__all__ = [
    "Case",
    "Certificate",
    "Commission",
    "CommissionMember",
    "Contract",
    "DayTransferEntry",
    "Decision",
    "Document",
    "GeneratedFile",
    "Notification",
    "ParameterEntry",
    "ReferenceItem",
    "RegisterEntry",
    "Remark",
    "Transition",
    "Vote",
    "WorkerHeartbeat",
]
