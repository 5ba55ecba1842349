"""Bad input on the programme's action forms (seed 004, section 5.4): a double submit, two operators
paying at once, dates in the wrong order, a stale agreement page, a repeated application form.
Each ends in a clear message, never a 500, and nothing is paid or logged twice."""

import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.casework.models import Case
from techpolicy.services.productivity.models import PaymentLedgerEntry
from tests import factories
from tests.productivity.helpers import PAID, drive, logged, path_to, training

pytestmark = pytest.mark.django_db

CHANGED = ("The case was changed by someone else while you were working on it. "
           "Reload the page to see its current state; nothing was changed by your request.")


def post(client, user, url, data):
    client.force_login(user)
    return client.post(url, data)


def fire_url(case, action) -> str:
    with translation.override("en"):
        return reverse("casework:fire", args=[case.number, action])


def pay_url(case) -> str:
    with translation.override("en"):
        return reverse("productivity:act", args=[case.number, "pay"])


def test_p1_duplicate_submit_is_refused_and_logged_once(client, owner, messages_of):
    case = factories.make_productivity_case(owner, training(owner))
    form = {"version": case.version}
    first = post(client, owner, fire_url(case, "submit"), form)
    client.get(first["Location"])  # the applicant sees the result, then presses the button again
    response = post(client, owner, fire_url(case, "submit"), form)
    assert messages_of(response) == [CHANGED]
    case.refresh_from_db()
    assert (case.state, logged(case)) == ("submitted", ["create", "submit"])


def test_p10_two_operators_paying_at_once_pay_once(client, owner, operator, messages_of):
    case = drive(factories.make_productivity_case(owner, training(owner)), path_to("payment_due"), owner, operator)
    form = {"version": case.version, **PAID}  # both loaded the agreement page before either pressed
    post(client, operator, pay_url(case), form)
    client.logout()
    response = post(client, factories.make_operator(), pay_url(case), {**form, "reference": "PO-other"})
    assert messages_of(response) == [CHANGED]
    [entry] = PaymentLedgerEntry.objects.filter(agreement__case=case)
    assert (entry.reference, entry.recorded_by) == (PAID["reference"], operator)


def test_p10_a_payment_dated_before_the_signing_is_refused_on_the_agreement_page(client, owner, operator,
                                                                                 messages_of):
    case = drive(factories.make_productivity_case(owner, training(owner)), path_to("payment_due"), owner, operator)
    response = post(client, operator, pay_url(case), {"version": case.version, "paid_on": "2015-10-01",
                                                      "reference": "PO-1"})
    assert response.status_code == 302
    [message] = messages_of(response)
    assert "cannot be before 2015-10-05" in message
    assert not PaymentLedgerEntry.objects.filter(agreement__case=case).exists()


@pytest.mark.parametrize("version", ["abc", "", "1.5"])
def test_a_malformed_version_never_breaks_the_agreement_page(client, owner, operator, version):
    case = drive(factories.make_productivity_case(owner, training(owner)), path_to("payment_due"), owner, operator)
    response = post(client, operator, pay_url(case), {"version": version, **PAID})
    assert response.status_code == 302
    case.refresh_from_db()
    assert PaymentLedgerEntry.objects.filter(agreement__case=case).count() == (1 if case.state == "paid" else 0)


@pytest.mark.parametrize("action", ["approve", "no_such_action", "submit"])
def test_only_ledger_actions_are_taken_on_the_agreement_page(client, owner, operator, action):
    case = drive(factories.make_productivity_case(owner, training(owner)), path_to("compliance_review"), owner,
                 operator)
    with translation.override("en"):
        url = reverse("productivity:act", args=[case.number, action])
    assert post(client, operator, url, {"version": case.version}).status_code == 404
    case.refresh_from_db()
    assert case.state == "compliance_review"


def test_p8_a_signing_date_in_the_wrong_order_is_refused_on_the_case_page(client, owner, operator, messages_of):
    case = drive(factories.make_productivity_case(owner, training(owner)), path_to("agreement_sent"), owner,
                 operator)
    response = post(client, owner, fire_url(case, "return_signed"), {
        "version": case.version, "signed_on": "2015-09-01", "statistics_consent": "on"})
    assert "cannot be before 2015-09-15" in messages_of(response)[0]
    case.refresh_from_db()
    assert case.state == "agreement_sent"


def test_the_application_form_posted_twice_makes_one_draft(client, owner):
    from tests.productivity.test_application_views import application_form

    client.force_login(owner)
    with translation.override("en"):
        url = reverse("productivity:apply")
    first = client.post(url, application_form())
    second = client.post(url, application_form())
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Case.objects.filter(organisation=owner.organisation).count() == 1
