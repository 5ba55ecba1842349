"""Certificates per service with their own kinds and numbering (issue 9, part 1, item 3): each kind
the service declares (seed 001 p.18 registration, requirement 001.p18; p.36 extension, 001.p36)
has its prefix, and numbers run per prefix and year through the shared counter
(`casework.numbering`), never max()+1; verification is one generic page for every kind."""

import datetime as dt

import pytest
from django.utils import timezone

from techpolicy.casework.models import Certificate
from techpolicy.casework.registers import certificates
from techpolicy.services.technopark.service import EXTENSION, REGISTRATION
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _issue(kind, case, issued_on=None):
    issued_on = issued_on or TODAY()
    return certificates.issue(kind.key, case=case, issued_on=issued_on, valid_from=issued_on,
                              valid_until=issued_on + dt.timedelta(days=365), activity_types=["S-01"])


@pytest.fixture
def case():
    owner = factories.make_applicant()
    return factories.make_case(owner.organisation, owner, state="registered")


def test_001_p18_p36_each_kind_numbers_by_its_own_prefix_and_year(case):
    year = TODAY().year
    numbers = [_issue(k, case).number for k in (REGISTRATION, REGISTRATION, EXTENSION, REGISTRATION)]
    assert numbers == [f"AH-C-{year}-000001", f"AH-C-{year}-000002", f"AH-E-{year}-000001", f"AH-C-{year}-000003"]
    assert _issue(REGISTRATION, case, dt.date(year + 1, 1, 5)).number == f"AH-C-{year + 1}-000001"
    assert {c.kind for c in Certificate.objects.all()} == {"technopark.registration", "technopark.extension"}


def test_001_p18_numbers_given_before_the_counter_are_continued_and_skipped(case):
    year = TODAY().year
    factories.make_certificate(case, number=f"AH-C-{year}-000041")  # imported before the counter existed
    assert _issue(REGISTRATION, case).number == f"AH-C-{year}-000042"
    factories.make_certificate(case, number=f"AH-C-{year}-000043")  # written past the counter
    assert _issue(REGISTRATION, case).number == f"AH-C-{year}-000044"


def test_a_kind_no_service_declares_is_refused(case):
    with pytest.raises(ValueError, match="no service declares"):
        certificates.issue("nobody.kind", case=case, issued_on=TODAY(), valid_from=TODAY(), valid_until=TODAY())


@pytest.mark.parametrize(("lang", "label"), [
    ("kk", "Технопарк қатысушысын тіркеу туралы куәлік"),
    ("ru", "Свидетельство о регистрации участника технопарка"),
    ("en", "Certificate of registration as a technopark participant (Astana Hub"),
])
def test_001_p18_the_kind_is_named_with_its_paragraph_in_three_languages(lang, label):
    text = certificates.kind_label(REGISTRATION.key, lang)
    assert text.startswith(label) and "18" in text


def test_001_p18_the_generic_verification_page_knows_every_declared_kind(client, case):
    registration, extension = _issue(REGISTRATION, case), _issue(EXTENSION, case)
    for certificate in (registration, extension):
        response = client.get("/en/registers/verify/", {"number": certificate.number.lower()})
        assert response.status_code == 200
        assert response.context["result"].status == "valid"
        assert response.context["result"].kind == certificate.kind
    page = client.get("/en/registers/verify/", {"number": "AH-X-2026-000001"})
    assert page.context["result"].status == "malformed"
    assert "AH-C-" in page.context["malformed_help"] and "AH-E-" in page.context["malformed_help"]


def test_001_p18_the_technoparks_page_verifies_only_its_own_kinds(client, case):
    certificate = _issue(REGISTRATION, case)
    response = client.get("/en/technopark/verify/", {"number": certificate.number})
    assert response.context["result"].status == "valid"
    assert response.context["kinds"] == [certificates.kind_label(k.key, "en") for k in (REGISTRATION, EXTENSION)]
