"""The generic case page renders the programme's actions with their inputs from the workflow table
(seed 004, section 5.4): the applicant's signed copy with its date and consent (p.8, p.9(4)), the
operator's agreement number (p.6), the documents the programme asks for (p.11-16), and the link to
the agreement page."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests import factories
from tests.productivity.helpers import drive, path_to, training

pytestmark = pytest.mark.django_db


def url(name, case) -> str:
    with translation.override("en"):
        return reverse(name, args=[case.number])


def page(client, user, case) -> str:
    client.force_login(user)
    return client.get(url("casework:detail", case)).content.decode()


def test_p8_the_applicant_signs_with_a_date_and_the_consent(client, owner, operator):
    case = drive(factories.make_productivity_case(owner, training(owner)), path_to("agreement_sent"), owner,
                 operator)
    html = page(client, owner, case)
    assert 'data-action="return_signed"' in html
    assert 'type="date" name="signed_on" required' in html
    assert 'type="checkbox" name="statistics_consent" required' in html
    assert url("productivity:aftercare", case) in html


def test_p6_the_operator_sends_the_agreement_with_its_number(client, owner, operator):
    case = drive(factories.make_productivity_case(owner, training(owner)), path_to("approved"), owner, operator)
    html = page(client, operator, case)
    assert 'data-action="send_agreement"' in html
    assert 'name="number"' in html
    assert "004, s. 5.4, p. 6, mechanism of instruments 2-5" in html  # the citation as the reader's language writes it
    assert 'data-action="return_signed"' not in html


def test_p11_the_upload_form_offers_the_programmes_documents(client, owner):
    case = factories.make_productivity_case(owner, training(owner))
    html = page(client, owner, case)
    assert 'value="acceptance_act"' in html and 'value="payment_orders"' in html
    assert 'value="business_plan"' not in html  # the technopark's list is not offered here
    assert url("productivity:edit", case) in html


def test_p11_a_programme_document_is_attached(client, owner):
    from techpolicy.services.technopark.demo import demo_pdf

    case = factories.make_productivity_case(owner, training(owner))
    client.force_login(owner)
    client.post(url("casework:upload", case), {"kind": "acceptance_act",
                      "file": demo_pdf("act")})
    assert case.documents.filter(kind="acceptance_act").exists()
