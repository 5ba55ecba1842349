"""Payments and returns of funds under a reimbursement (seed 004, 5.4, mechanism of instruments
2–5, paragraphs 9(3) and 10; mechanisms of instruments 7 and 8, paragraphs 9 and 8).

The ledger is append-only; what the applicant holds is computed from it. These functions run
inside the workflow transition that pays or terminates (the engine holds the case's lock and
checks its version), so two operators cannot pay twice."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils.translation import gettext as _

from .models import PaymentLedgerEntry, ReimbursementAgreement


class LedgerError(ValueError):
    """A ledger entry that may not be written; the message says why."""


def can_pay(agreement: ReimbursementAgreement | None) -> tuple[bool, str]:
    if agreement is None:
        return False, _("There is no reimbursement to pay on this case.")
    if agreement.status != ReimbursementAgreement.STATUS_ACTIVE:
        return False, _("Only an agreement in force is paid (its status is: %(status)s).") % {
            "status": agreement.get_status_display()}
    if agreement.paid > 0:
        return False, _("The reimbursement has already been paid (%(amount)s KZT).") % {"amount": agreement.paid}
    return True, ""


def pay(agreement: ReimbursementAgreement, on_date: dt.date, reference: str, user) -> PaymentLedgerEntry:
    """Pay the amount accepted in the agreement, once."""
    ok, why = can_pay(agreement)
    if not ok:
        raise LedgerError(why)
    return PaymentLedgerEntry.objects.create(
        agreement=agreement, kind=PaymentLedgerEntry.KIND_PAYMENT, amount=agreement.amount, on_date=on_date,
        reference=reference, recorded_by=user)


def terminate(agreement: ReimbursementAgreement, on_date: dt.date, reason: str, reference: str,
              user) -> PaymentLedgerEntry | None:
    """Paragraph 9(3): on breach the agreement is terminated and the money paid is returned: a
    return entry equal to the balance paid, after which the balance is zero."""
    if agreement.status != ReimbursementAgreement.STATUS_ACTIVE:
        raise LedgerError(_("Only an agreement in force can be terminated."))
    balance = agreement.balance
    agreement.status = ReimbursementAgreement.STATUS_TERMINATED
    agreement.terminated_on = on_date
    agreement.termination_reason = reason
    agreement.save(update_fields=["status", "terminated_on", "termination_reason"])
    if balance <= Decimal("0"):
        return None
    return PaymentLedgerEntry.objects.create(
        agreement=agreement, kind=PaymentLedgerEntry.KIND_CLAWBACK, amount=balance, on_date=on_date,
        reference=reference, recorded_by=user)
