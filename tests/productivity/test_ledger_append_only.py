"""The payment ledger is append-only, like the transition log (architecture, casework): payments and
returns of funds (seed 004, section 5.4, mechanism of instruments 2-5, p.9(3), p.10) are never
changed or deleted, one by one or in bulk."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from techpolicy.casework.models.case import AppendOnlyError
from techpolicy.services.productivity.models import PaymentLedgerEntry, ReimbursementAgreement
from tests import factories
from tests.productivity.helpers import DIRECT_PATH, drive, training

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(owner, operator):
    case = drive(factories.make_productivity_case(owner, training(owner)), DIRECT_PATH, owner, operator)
    return PaymentLedgerEntry.objects.get(agreement__case=case)


def test_an_entry_cannot_be_changed(entry):
    entry.amount = Decimal("1")
    with pytest.raises(AppendOnlyError, match="payment ledger is append-only"):
        entry.save()
    entry.refresh_from_db()
    assert entry.amount == Decimal("1200000.00")


def test_an_entry_cannot_be_deleted(entry):
    with pytest.raises(AppendOnlyError):
        entry.delete()
    assert PaymentLedgerEntry.objects.filter(pk=entry.pk).exists()


def test_bulk_update_and_delete_are_refused(entry):
    with pytest.raises(AppendOnlyError):
        PaymentLedgerEntry.objects.filter(pk=entry.pk).update(amount=Decimal("1"))
    with pytest.raises(AppendOnlyError):
        PaymentLedgerEntry.objects.all().delete()
    assert PaymentLedgerEntry.objects.get(pk=entry.pk).amount == Decimal("1200000.00")


@pytest.mark.parametrize("amount", [Decimal("0"), Decimal("-5")])
def test_an_entry_of_no_or_negative_amount_is_refused_by_the_database(entry, amount):
    with pytest.raises(IntegrityError), transaction.atomic():
        PaymentLedgerEntry.objects.create(agreement=entry.agreement, kind="payment", amount=amount,
                                          on_date=entry.on_date, reference="X", recorded_by=entry.recorded_by)


def test_the_agreement_cannot_be_deleted_while_it_has_entries(entry):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        ReimbursementAgreement.objects.get(pk=entry.agreement_id).delete()
