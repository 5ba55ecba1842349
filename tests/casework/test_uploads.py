"""Documents attached to an application (seed 001 p.9: business plan, tax-debt information, place
of activity, ...): size and type limits, content sniffing, and bad uploads refused with a message
instead of an error page."""

import hashlib
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image
from pypdf import PdfWriter

from techpolicy.casework.engine import fire
from techpolicy.casework.models import Document
from techpolicy.casework.uploads import UploadError, store
from techpolicy.services.technopark.demo import demo_pdf
from tests import factories

pytestmark = pytest.mark.django_db

def _image(image_format: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, image_format)
    return buffer.getvalue()


def _pdf_of(size: int) -> bytes:
    """A real one-page PDF padded after its end to exactly `size` bytes."""
    buffer = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.write(buffer)
    return buffer.getvalue().ljust(size, b"\n")


PNG = _image("PNG")
JPEG = _image("JPEG")


@pytest.fixture
def empty_case(owner):
    return factories.make_participation_case(owner, documents=False)


def upload(client, user, case, file=None, kind="business_plan"):
    client.force_login(user)
    with translation.override("en"):
        url = reverse("casework:upload", args=[case.number])
    data = {} if kind is None else {"kind": kind}
    if file is not None:
        data["file"] = file
    response = client.post(url, data)
    assert response.status_code == 302  # never an error page
    return response


def test_p9_2_pdf_business_plan_is_stored_outside_the_repository(client, empty_case, owner, settings,
                                                                  messages_of):
    pdf = demo_pdf("business plan")
    content = pdf.read()
    pdf.seek(0)
    response = upload(client, owner, empty_case, pdf)
    assert messages_of(response) == ["The document was attached."]
    document = Document.objects.get(case=empty_case)
    assert (document.kind, document.content_type, document.size) == ("business_plan", "application/pdf",
                                                                     len(content))
    assert document.original_name == "business plan.pdf"
    assert document.sha256 == hashlib.sha256(content).hexdigest()
    stored = Path(document.file.path)
    assert stored.is_relative_to(Path(settings.MEDIA_ROOT))
    assert stored.read_bytes() == content
    assert stored.name != "business plan.pdf" and stored.suffix == ".pdf"


@pytest.mark.parametrize(("content", "content_type"), [(PNG, "image/png"), (JPEG, "image/jpeg")])
def test_p9_4_images_are_accepted_by_their_bytes(client, empty_case, owner, content, content_type):
    file = SimpleUploadedFile("lease.bin", content, content_type="application/octet-stream")
    upload(client, owner, empty_case, file, kind="place_of_activity")
    assert Document.objects.get(case=empty_case).content_type == content_type


def test_file_named_pdf_whose_bytes_are_not_pdf_is_refused(client, empty_case, owner, messages_of):
    file = SimpleUploadedFile("plan.pdf", b"MZ\x90\x00 this is an executable", content_type="application/pdf")
    response = upload(client, owner, empty_case, file)
    assert messages_of(response) == ["Only PDF, PNG and JPEG files are accepted; this file is none of them."]
    assert not Document.objects.exists()


def test_empty_file_is_refused(client, empty_case, owner, messages_of):
    response = upload(client, owner, empty_case, SimpleUploadedFile("plan.pdf", b"", content_type="application/pdf"))
    assert messages_of(response) == ["The file is empty."]
    assert not Document.objects.exists()


def test_oversized_file_is_refused_with_the_limit(client, empty_case, owner, settings, messages_of):
    settings.TECHPOLICY_MAX_UPLOAD_BYTES = 1000
    file = SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n" + b"0" * 5000, content_type="application/pdf")
    response = upload(client, owner, empty_case, file)
    [message] = messages_of(response)
    assert "limit" in message
    assert "1000 bytes" in message.replace("\xa0", " ")
    assert not Document.objects.exists()


def test_store_itself_refuses_an_oversized_file(empty_case, owner, settings):
    settings.TECHPOLICY_MAX_UPLOAD_BYTES = 1000
    file = SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n" + b"0" * 5000, content_type="application/pdf")
    with translation.override("en"), pytest.raises(UploadError, match="limit"):
        store(empty_case, "business_plan", file, owner)
    assert not Document.objects.exists()


def test_file_exactly_at_the_limit_is_accepted(client, empty_case, owner, settings):
    settings.TECHPOLICY_MAX_UPLOAD_BYTES = 1000
    file = SimpleUploadedFile("plan.pdf", _pdf_of(1000), content_type="application/pdf")
    upload(client, owner, empty_case, file)
    assert Document.objects.get(case=empty_case).size == 1000


@pytest.mark.parametrize("kind", [None, "", "passport"])
def test_missing_or_unknown_kind_is_refused(client, empty_case, owner, kind, messages_of):
    response = upload(client, owner, empty_case, demo_pdf("plan"), kind=kind)
    assert messages_of(response) == ["Choose what kind of document this is."]
    assert not Document.objects.exists()


def test_missing_file_is_refused(client, empty_case, owner, messages_of):
    response = upload(client, owner, empty_case, None)
    assert messages_of(response) == ["Choose a file to upload."]


def test_a_new_version_supersedes_the_old_one(client, empty_case, owner):
    upload(client, owner, empty_case, demo_pdf("v1"))
    upload(client, owner, empty_case, demo_pdf("v2"))
    versions = Document.objects.filter(case=empty_case, kind="business_plan").order_by("pk")
    assert [(d.original_name, d.superseded) for d in versions] == [("v1.pdf", True), ("v2.pdf", False)]


def test_another_applicant_cannot_attach(client, empty_case, other_applicant):
    client.force_login(other_applicant)
    response = client.post(reverse("casework:upload", args=[empty_case.number]),
                           {"kind": "business_plan", "file": demo_pdf("x")})
    assert response.status_code == 403
    assert not Document.objects.exists()


def test_closed_case_takes_no_documents(client, empty_case, owner, messages_of):
    fire(empty_case, "withdraw", owner)
    response = upload(client, owner, empty_case, demo_pdf("late"))
    assert messages_of(response) == ["The case is closed; documents can no longer be attached."]
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_finding2_an_upload_racing_the_withdrawal_is_refused_under_the_case_lock(empty_case, owner):
    """The page checked the case open; the applicant withdrew it in another tab before the file was
    stored: the state read again under the case's row lock refuses the upload, and nothing is kept."""
    page_view = type(empty_case).objects.get(pk=empty_case.pk)  # the case as the upload page read it
    fire(empty_case, "withdraw", owner)
    with translation.override("en"), pytest.raises(UploadError, match="The case is closed"):
        store(page_view, "business_plan", demo_pdf("plan"), owner)
    assert not Document.objects.filter(case=empty_case).exists()
