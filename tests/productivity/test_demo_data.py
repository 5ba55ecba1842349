"""The demo command also drives fictional applicants of the "Productivity 2020" programme (seed 004)
through its real workflows, dated inside the programme's period (2015-06-17 .. 2016): one
reimbursement paid, one agreement terminated with the money returned, one application under review;
the KIDI operator signs in as `kidi`. It may run twice."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from techpolicy.accounts.models import User
from techpolicy.accounts.roles import OPERATOR, has_role
from techpolicy.casework.models import Case
from techpolicy.services.productivity.models import PaymentLedgerEntry, ReimbursementAgreement

pytestmark = pytest.mark.django_db


def test_demo_cases_reach_their_states_and_a_second_run_adds_nothing(client):
    call_command("load_demo", verbosity=0)
    cases = Case.objects.filter(workflow__startswith="productivity.")
    assert dict(cases.values_list("organisation__name", "state")) == {
        "Qarmet Precision LLP": "paid",
        "Saryarka Textiles LLP": "terminated",
        "Ertis Food LLP": "nce_review",
    }
    paid = ReimbursementAgreement.objects.get(case__organisation__name="Qarmet Precision LLP")
    assert (paid.amount, paid.balance, paid.status) == (Decimal("1200000.00"), Decimal("1200000.00"), "active")
    returned = ReimbursementAgreement.objects.get(case__organisation__name="Saryarka Textiles LLP")
    assert (returned.paid, returned.returned, returned.balance) == (Decimal("8000000.00"), Decimal("8000000.00"), 0)
    assert PaymentLedgerEntry.objects.filter(kind="clawback").count() == 1
    call_command("load_demo", verbosity=0)
    assert cases.count() == 3


def test_demo_dates_lie_in_the_programmes_period():
    call_command("load_demo", verbosity=0)
    start, end = dt.date(2015, 6, 17), dt.date(2016, 7, 3)
    for case in Case.objects.filter(workflow__startswith="productivity."):
        assert start <= dt.date.fromisoformat(case.facts["application_date"]) < end
        assert case.verdict["on"] == case.facts["application_date"]  # evaluated on the application date
    for entry in PaymentLedgerEntry.objects.all():
        assert start <= entry.on_date < end


def test_the_kidi_operator_sees_the_programmes_queue(client):
    call_command("load_demo", verbosity=0)
    kidi = User.objects.get(username="kidi")
    assert has_role(kidi, OPERATOR)
    client.force_login(kidi)
    rows = client.get(reverse("casework:queue")).context["rows"]
    assert {row["case"].workflow.split(".")[0] for row in rows} == {"productivity"}
