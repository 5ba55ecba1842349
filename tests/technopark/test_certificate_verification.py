"""Paragraph 18 (registration certificate) and paragraph 36 (extension certificate): anyone can
verify a certificate by its number; only those who may see the case download its PDF, which
carries every Kazakh letter. The PDF is made by the background worker (issue 8, background work):
the first request shows its status page, the worker renders it, and the next request gets it."""

import base64
import contextlib
import datetime as dt
import re
import zlib

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from reportlab.pdfbase import pdfmetrics

from techpolicy.casework.documents_pdf import DocumentBuilder, verification_url
from techpolicy.casework.models import Certificate, GeneratedFile, RegisterEntry
from techpolicy.casework.pdf_fonts import FONT, FONT_BOLD, register_pdf_fonts
from techpolicy.services.technopark.certificate_pdf import render_certificate
from techpolicy.services.technopark.service import REGISTRATION
from techpolicy.services.technopark.verification import normalise_number, verify_certificate
from tests.factories import (
    make_applicant,
    make_case,
    make_certificate,
    make_participant,
    make_secretariat,
)
from tests.forecasting.report.pdftext import page_texts

pytestmark = pytest.mark.django_db

KAZAKH_LETTERS = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"
HOLDER = "«Өрлеу Ғылым Қазақстан Һ Ұлттық Үміт Іңкәр» ЖШС"


def _today() -> dt.date:
    return timezone.localdate()


def _verify(client, number):
    return client.get(reverse("technopark:verify"), {"number": number})


# --- verification ------------------------------------------------------------------------------


def test_paragraph_18_valid_certificate_is_confirmed(client):
    _, _, certificate, _ = make_participant(name=HOLDER, bin="123456789012")
    response = _verify(client, certificate.number)
    assert response.status_code == 200
    result = response.context["result"]
    assert result.status == "valid"
    assert result.holder == HOLDER
    assert result.bin == "123456789012"
    assert result.kind == "technopark.registration"
    assert result.valid_from == certificate.valid_from
    assert result.valid_until == certificate.valid_until
    page = response.content.decode()
    assert HOLDER in page and 'data-status="valid"' in page


def test_paragraph_18_verification_tolerates_spaces_case_and_cyrillic_letters(client):
    _, _, certificate, _ = make_participant(number="AH-C-2026-000042")
    for typed in ("  ah-c-2026-000042 ", "AH - C - 2026 - 000042", "АН–С–2026–000042", "ah_c_2026_000042"):
        assert _verify(client, typed).context["result"].status == "valid", typed
    assert normalise_number(" ah-c-2026-000042\n") == certificate.number


def test_paragraph_18_expired_certificate(client):
    _, _, certificate, _ = make_participant(
        valid_from=_today() - dt.timedelta(days=400), valid_until=_today() - dt.timedelta(days=1)
    )
    assert _verify(client, certificate.number).context["result"].status == "expired"


def test_paragraph_18_certificate_is_valid_on_its_last_day():
    _, _, certificate, _ = make_participant(valid_until=_today())
    assert verify_certificate(certificate.number).status == "valid"
    tomorrow = _today() + dt.timedelta(days=1)
    assert verify_certificate(certificate.number, on=tomorrow).status == "expired"


def test_paragraph_18_revoked_certificate(client):
    _, _, certificate, _ = make_participant(revoked_on=_today() - dt.timedelta(days=2))
    response = _verify(client, certificate.number)
    assert response.context["result"].status == "revoked"
    assert 'data-status="revoked"' in response.content.decode()


def test_paragraph_41_terminated_participation(client):
    _, _, certificate, entry = make_participant(status=RegisterEntry.STATUS_TERMINATED)
    entry.ended_on = _today() - dt.timedelta(days=1)
    entry.save()
    assert _verify(client, certificate.number).context["result"].status == "terminated"


def test_paragraph_36_extension_certificate_of_a_follow_up_case():
    user, case, registration, entry = make_participant(
        valid_from=_today() - dt.timedelta(days=400), valid_until=_today() - dt.timedelta(days=1)
    )
    follow_up = make_case(case.organisation, user, workflow="technopark.extension", parent=case)
    extension = make_certificate(
        follow_up,
        kind="technopark.extension",
        valid_from=registration.valid_until,
        valid_until=_today() + dt.timedelta(days=365),
    )
    result = verify_certificate(extension.number)
    assert (result.status, result.kind) == ("valid", "technopark.extension")
    assert verify_certificate(registration.number).status == "expired"
    entry.status, entry.ended_on = RegisterEntry.STATUS_TERMINATED, _today()
    entry.save()
    assert verify_certificate(extension.number).status == "terminated"


def test_paragraph_18_unknown_number_is_not_found(client):
    make_participant()
    response = _verify(client, "AH-C-2020-999999")
    assert response.status_code == 200
    result = response.context["result"]
    assert result.status == "not_found"
    assert result.holder == "" and result.bin == ""


@pytest.mark.parametrize(
    "typed",
    ["hello", "AH-C-20-1", "'; DROP TABLE casework_certificate; --", "<script>alert(1)</script>", "9" * 500],
)
def test_paragraph_18_malformed_number_gets_a_clear_message(client, typed):
    response = _verify(client, typed)
    assert response.status_code == 200
    assert response.context["result"].status == "malformed"
    assert response.context["malformed_help"]
    assert "<script>alert" not in response.content.decode()


def test_paragraph_18_empty_form_shows_no_result(client):
    response = client.get(reverse("technopark:verify"))
    assert response.status_code == 200
    assert response.context["result"] is None
    assert _verify(client, "   ").context["result"].status == "empty"


def test_paragraph_18_verification_page_shows_nothing_else(client):
    _, _, certificate, _ = make_participant(activity_types=["S-07"])
    certificate.case.facts = {"secret": "TOP-SECRET-FACT"}
    certificate.case.save()
    page = _verify(client, certificate.number).content.decode()
    assert "TOP-SECRET-FACT" not in page
    assert certificate.case.number not in page
    assert "S-07" not in page


# --- the PDF -----------------------------------------------------------------------------------


def _pdf_characters(pdf: bytes) -> set[str]:
    """Characters the PDF's fonts map to Unicode (their ToUnicode CMaps): what a reader extracts."""
    characters = set()
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        data = match.group(1).strip()
        if data.endswith(b"~>"):
            data = base64.a85decode(data[:-2])
        with contextlib.suppress(zlib.error):  # not every stream is compressed
            data = zlib.decompress(data)
        if b"beginbfchar" in data:
            for code in re.findall(rb"<[0-9A-F]{2}> <([0-9A-F]{4})>", data):
                characters.add(chr(int(code, 16)))
    return characters


def test_every_kazakh_letter_has_a_glyph_in_the_document_fonts():
    register_pdf_fonts()
    for font in (FONT, FONT_BOLD):
        face = pdfmetrics.getFont(font).face
        missing = [letter for letter in KAZAKH_LETTERS if ord(letter) not in face.charToGlyph]
        assert missing == [], font


def test_document_builder_embeds_every_kazakh_letter():
    builder = DocumentBuilder("Әріптер", lang="kk", footer="ӘҒҚҢӨҰҮҺІ")
    builder.header(KAZAKH_LETTERS, issuer="Астана Хаб")
    builder.key_values([("Әріптер", KAZAKH_LETTERS)])
    builder.paragraph(f"{KAZAKH_LETTERS} & <не тег>")
    pdf = builder.build()
    assert pdf.startswith(b"%PDF")
    assert b"DejaVuSans" in pdf
    assert set(KAZAKH_LETTERS) <= _pdf_characters(pdf)


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("kk", "Технопарк қатысушысын тіркеу туралы куәлік"),
        ("ru", "Свидетельство о регистрации участника технопарка"),
        ("en", "Certificate of registration as a technopark participant"),
    ],
)
def test_paragraph_18_certificate_pdf_in_three_languages(lang, title):
    _, _, certificate, _ = make_participant(name=HOLDER, bin="123456789012")
    pdf = render_certificate(certificate, lang, activity_names={})
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") >= 1
    assert b"/Count 1" in pdf  # one page
    characters = _pdf_characters(pdf)
    assert set(title) - {" "} <= characters
    assert set("ӨҒҚҺҰҮІңә") <= characters  # the holder's name


def test_paragraph_36_extension_certificate_pdf_has_its_own_title():
    user, case, _, _ = make_participant()
    follow_up = make_case(case.organisation, user, workflow="technopark.extension", parent=case)
    extension = make_certificate(follow_up, kind="technopark.extension")
    characters = _pdf_characters(render_certificate(extension, "kk", activity_names={}))
    assert set("Технопарк қатысушысының қатысу мерзімін ұзарту туралы куәлік") - {" "} <= characters


def test_paragraph_18_certificate_links_to_the_public_verification_page():
    url = verification_url(REGISTRATION, "AH-C-2026-000001", "kk")
    assert url == f"{settings.TECHPOLICY_PUBLIC_URL.rstrip('/')}/kk/technopark/verify/?number=AH-C-2026-000001"


# --- PDF download permissions: owner, another applicant, staff, anonymous ----------------------


@pytest.fixture
def issued():
    owner, _, certificate, _ = make_participant(name=HOLDER)
    return owner, certificate


def _pdf_url(certificate) -> str:
    return reverse("technopark:certificate_pdf", args=[certificate.number])


@pytest.fixture
def download(client, run_tasks):
    """Ask for the certificate, let the worker make it, ask again; the last response."""

    def get(certificate, **params):
        first = client.get(_pdf_url(certificate), params)
        if first.status_code != 302 or "/files/" not in first["Location"]:
            return first
        assert run_tasks() == 1
        return client.get(_pdf_url(certificate), params)

    return get


def _content(response) -> bytes:
    return b"".join(response.streaming_content)


def test_paragraph_18_owner_downloads_the_certificate(client, issued, run_tasks):
    owner, certificate = issued
    client.force_login(owner)
    waiting = client.get(_pdf_url(certificate))
    assert waiting.status_code == 302  # to the status page while the worker renders it
    assert client.get(waiting["Location"]).context["job"].status == "pending"
    assert run_tasks() == 1
    response = client.get(_pdf_url(certificate))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{certificate.number}-kk.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    pdf = _content(response)
    assert pdf.startswith(b"%PDF")
    assert b"DejaVuSans" in pdf
    assert set("ӨҒҚҺҰҮІ") <= _pdf_characters(pdf)


def test_paragraph_18_the_certificate_is_rendered_once_for_every_request(client, issued, download, run_tasks):
    owner, certificate = issued
    client.force_login(owner)
    assert download(certificate).status_code == 200
    assert client.get(_pdf_url(certificate)).status_code == 200
    assert run_tasks() == 0  # nothing queued again


def test_paragraph_18_a_revoked_certificate_gets_a_new_file(client, issued, download):
    owner, certificate = issued
    client.force_login(owner)
    assert "revoked" not in " ".join(page_texts(_content(download(certificate, lang="en"))))
    Certificate.objects.filter(pk=certificate.pk).update(revoked_on=_today())
    after = download(certificate, lang="en")  # a new key, so a new job and a new render
    assert after.status_code == 200
    assert "This certificate was revoked on" in " ".join(page_texts(_content(after)))
    assert GeneratedFile.objects.filter(kind="certificate").count() == 2


def test_paragraph_18_colleague_of_the_owner_downloads_the_certificate(client, issued, download):
    owner, certificate = issued
    client.force_login(make_applicant(owner.organisation))
    assert download(certificate).status_code == 200


def test_paragraph_18_another_applicant_is_refused_with_the_reason(client, issued, download):
    owner, certificate = issued
    client.force_login(make_applicant())
    response = client.get(_pdf_url(certificate))
    assert response.status_code == 403
    assert response.content.decode()  # the reason from casework.permissions.can_view
    assert not response.content.startswith(b"%PDF")
    # Nor through the generated file's own pages, once the owner had it made.
    client.force_login(owner)
    assert download(certificate).status_code == 200
    job = GeneratedFile.objects.get(kind="certificate")
    client.force_login(make_applicant())
    assert client.get(reverse("casework:file_status", args=[job.pk])).status_code == 403
    assert client.get(reverse("casework:file_download", args=[job.pk])).status_code == 403


def test_paragraph_18_secretariat_downloads_the_certificate(client, issued, download):
    _, certificate = issued
    client.force_login(make_secretariat())
    response = download(certificate, lang="ru")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'{certificate.number}-ru.pdf"')
    assert set("Свидетельство") <= _pdf_characters(_content(response))


def test_paragraph_18_anonymous_is_sent_to_sign_in(client, issued):
    _, certificate = issued
    response = client.get(_pdf_url(certificate))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_paragraph_18_pdf_of_an_unknown_certificate_is_404(client, issued):
    owner, _ = issued
    client.force_login(owner)
    assert client.get(reverse("technopark:certificate_pdf", args=["AH-C-1999-000001"])).status_code == 404
