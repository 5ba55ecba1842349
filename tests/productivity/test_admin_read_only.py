"""Agreements and the payment ledger are read-only in the administration (architecture: the log
and the ledger change only through the workflow engine; seed 004, 5.4 p.9(3), p.10)."""

import pytest
from django.urls import reverse

from techpolicy.services.productivity.models import PaymentLedgerEntry
from tests import factories
from tests.productivity.helpers import DIRECT_PATH, drive, training

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(factories.make_user(is_staff=True, is_superuser=True))
    return client


def test_an_administrator_reads_but_cannot_change_the_ledger(admin_client, owner, operator):
    case = drive(factories.make_productivity_case(owner, training(owner)), DIRECT_PATH, owner, operator)
    entry = PaymentLedgerEntry.objects.get(agreement__case=case)
    assert admin_client.get(reverse("admin:productivity_paymentledgerentry_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:productivity_reimbursementagreement_change",
                                    args=[entry.agreement_id])).status_code == 200
    assert admin_client.get(reverse("admin:productivity_paymentledgerentry_add")).status_code == 403
    response = admin_client.post(reverse("admin:productivity_paymentledgerentry_delete", args=[entry.pk]),
                                 {"post": "yes"})
    assert response.status_code == 403
    assert PaymentLedgerEntry.objects.filter(pk=entry.pk).exists()
