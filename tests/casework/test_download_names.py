"""Issue 8, finding 12: a download never keeps the client's file name. A PDF uploaded as
`invoice.html` or `photo.exe` is served as an attachment named from the case number, the document
kind (seed 001 p.9: the business plan) and the type sniffed at upload, with nosniff; the original
name is shown, escaped, on the case page as information only."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from techpolicy.casework.downloads import download_headers
from techpolicy.casework.models import Document
from techpolicy.services.technopark.demo import demo_pdf
from tests import factories

pytestmark = pytest.mark.django_db

def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "PNG")
    return buffer.getvalue()


PNG = _png()


def _upload(client, owner, case, name: str, content: bytes, declared: str) -> Document:
    client.force_login(owner)
    response = client.post(reverse("casework:upload", args=[case.number]),
                           {"kind": "business_plan", "file": SimpleUploadedFile(name, content, content_type=declared)})
    assert response.status_code == 302
    return Document.objects.get(case=case, kind="business_plan", superseded=False)


@pytest.fixture
def empty_case(owner):
    return factories.make_participation_case(owner, documents=False)


def _pdf() -> bytes:
    return demo_pdf("business plan").read()


@pytest.mark.parametrize(("name", "declared"), [("invoice.html", "text/html"),
                                               ("photo.exe", "application/x-msdownload")])
def test_finding12_p9_a_pdf_under_a_foreign_name_downloads_as_case_kind_pdf(client, owner, empty_case, name, declared):
    document = _upload(client, owner, empty_case, name, _pdf(), declared)
    assert document.original_name == name  # kept in the record
    response = client.get(reverse("casework:download", args=[document.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{empty_case.number}-business_plan.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_finding12_the_extension_follows_the_sniffed_type(client, owner, empty_case):
    document = _upload(client, owner, empty_case, "scan.pdf", PNG, "application/pdf")
    response = client.get(reverse("casework:download", args=[document.pk]))
    assert response["Content-Disposition"] == f'attachment; filename="{empty_case.number}-business_plan.png"'
    assert response["Content-Type"] == "image/png"


def test_finding12_the_original_name_is_shown_escaped_on_the_case_page(client, owner, empty_case):
    document = _upload(client, owner, empty_case, "<img src=x onerror=alert(1)>.html", _pdf(), "text/html")
    assert document.original_name == "<img src=x onerror=alert(1)>.html"
    page = client.get(reverse("casework:detail", args=[empty_case.number])).content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;.html" in page
    assert "<img src=x" not in page


@pytest.mark.parametrize(("kind", "content_type", "expected"), [
    ("business_plan", "application/pdf", ("AH-2026-00001-business_plan.pdf", "application/pdf")),
    ('a"b\r\nc/../ä', "image/jpeg", ("AH-2026-00001-a-b-c.jpg", "image/jpeg")),
    ("", "text/html", ("AH-2026-00001-document.bin", "application/octet-stream")),  # a type never sniffed
])
def test_finding12_names_are_ascii_and_header_safe(kind, content_type, expected):
    """A kind or type stored before validation (or by an older version) cannot break the header."""
    case = type("C", (), {"number": "AH-2026-00001"})()
    document = type("D", (), {"case": case, "kind": kind, "content_type": content_type})()
    assert download_headers(document) == expected
