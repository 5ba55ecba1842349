"""Issue 10, item 6: uploads keep their versions, every upload and every edit of the application is
in the case history, and a file is accepted only if it opens as what it claims to be (a PDF with at
least one page and no password, a PNG or JPEG an image library reads). Refusals are told in the
user's language, on the case page beside the file field."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image
from pypdf import PdfWriter

from techpolicy.casework.models import CaseEvent, Document
from techpolicy.casework.uploads import UploadError, store
from techpolicy.services.technopark.demo import demo_pdf
from tests import factories
from tests.technopark.test_application_views import edit_data

pytestmark = pytest.mark.django_db


def url(name, *args, lang="en") -> str:
    with translation.override(lang):
        return reverse(name, args=args)


def upload(client, case, file, kind="business_plan", lang="en"):
    response = client.post(url("casework:upload", case.number, lang=lang), {"kind": kind, "file": file})
    assert response.status_code == 302  # back to the case page, never an error page
    return response


def downloaded(client, document) -> bytes:
    response = client.get(url("casework:download", document.pk))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def pdf_bytes(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def image_bytes(image_format: str, size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, image_format)
    return buffer.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A small, well-formed PNG whose header claims `width` × `height` pixels: a decompression bomb
    in miniature, which must be refused from its header, before any pixel is decoded."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
            + chunk(b"IEND", b""))


@pytest.fixture
def case(owner):
    return factories.make_participation_case(owner, documents=False)


@pytest.fixture
def signed_in(client, owner):
    client.force_login(owner)
    return client


# --- versions --------------------------------------------------------------------------------------

def test_a_second_upload_keeps_the_first_as_version_1_and_both_download(signed_in, case, other_applicant, client):
    first, second = demo_pdf("plan v1"), demo_pdf("plan v2")
    first_bytes, second_bytes = first.read(), second.read()
    first.seek(0), second.seek(0)
    upload(signed_in, case, first)
    upload(signed_in, case, second)
    v1, v2 = Document.objects.filter(case=case, kind="business_plan").order_by("version")
    assert [(d.version, d.superseded, d.original_name) for d in (v1, v2)] == [
        (1, True, "plan v1.pdf"), (2, False, "plan v2.pdf")]
    assert downloaded(signed_in, v1) == first_bytes
    assert downloaded(signed_in, v2) == second_bytes
    assert signed_in.get(url("casework:download", v2.pk))["Content-Disposition"].endswith(
        f'filename="{case.number}-business_plan-v2.pdf"')
    # The old version is guarded like the case: another applicant may not read it.
    client.force_login(other_applicant)
    assert client.get(url("casework:download", v1.pk)).status_code == 403
    assert client.get(url("casework:document_versions", case.number, "business_plan")).status_code == 403


def test_the_case_page_shows_the_current_version_and_links_the_earlier_ones(signed_in, owner, case):
    for title in ("a", "b", "c"):
        upload(signed_in, case, demo_pdf(title))
    page = signed_in.get(url("casework:detail", case.number, lang="kk")).content.decode()
    documents = page.split('data-testid="documents"')[1].split("</table>")[0]
    assert "c.pdf" in documents and "a.pdf" not in documents and "b.pdf" not in documents
    versions_url = url("casework:document_versions", case.number, "business_plan", lang="kk")
    assert versions_url in documents and "2 бұрынғы нұсқа" in documents

    listing = signed_in.get(versions_url)
    assert listing.status_code == 200
    table = listing.content.decode().split('data-testid="document-versions"')[1]
    assert table.index("c.pdf") < table.index("b.pdf") < table.index("a.pdf")  # the newest first
    for document in Document.objects.filter(case=case):
        assert url("casework:download", document.pk, lang="kk") in table
    assert table.count(owner.get_full_name() or owner.username) == 3
    assert "ағымдағы" in table  # the current one is marked, in Kazakh


def test_versions_of_a_kind_never_uploaded_are_not_found(signed_in, case):
    assert signed_in.get(url("casework:document_versions", case.number, "business_plan")).status_code == 404


# --- the history -----------------------------------------------------------------------------------

def test_the_history_shows_uploads_and_edits_with_actor_in_time_order_in_kazakh(signed_in, owner, case):
    upload(signed_in, case, demo_pdf("plan v1"))
    data = edit_data(signed_in, case, **{"d-residents": "40"})
    assert signed_in.post(url("technopark:edit", case.number), data).status_code == 302
    upload(signed_in, case, demo_pdf("plan v2"))

    edit = CaseEvent.objects.get(case=case, kind=CaseEvent.FACTS_EDITED)
    assert edit.actor == owner and "documents" in edit.detail["changed"]
    page = signed_in.get(url("casework:detail", case.number, lang="kk")).content.decode()
    history = page.split('data-testid="history"')[1].split("</table>")[0]
    created, first, edited, second = (history.index(text) for text in (
        "Іс құрылды", "plan v1.pdf", "Өтінім өзгертілді", "plan v2.pdf"))
    assert created < first < edited < second
    assert history.count("Құжат тіркелді") == 2 and "2-нұсқа" in history
    assert history.count(owner.get_full_name() or owner.username) == 4  # creation, two uploads, the edit


def test_a_refused_upload_leaves_no_trace_in_the_history(signed_in, case):
    upload(signed_in, case, SimpleUploadedFile("x.pdf", b"%PDF-1.4\n%test", content_type="application/pdf"))
    assert not CaseEvent.objects.filter(case=case).exists()


def test_an_edit_through_the_engine_is_logged_with_who_made_it(owner, case):
    from techpolicy.casework.engine import save_facts

    save_facts(case, case.facts | {"note": "x"}, case.version, ("draft",), actor=owner)
    [event] = CaseEvent.objects.filter(case=case)
    assert (event.kind, event.actor, event.detail) == (CaseEvent.FACTS_EDITED, owner,
                                                        {"version": 2, "changed": ["note"]})


# --- what is accepted ------------------------------------------------------------------------------

REFUSED_PDFS = {
    "a 14-byte stub": (b"%PDF-1.4\n%test", "Бұл PDF ашылмайды"),
    "HTML named .pdf": (b"<!DOCTYPE html><html><body>plan</body></html>",
                        "Тек PDF, PNG және JPEG"),
    "an encrypted PDF": (None, "құпиясөзбен немесе шифрлаумен қорғалған"),
    "a PDF of no pages": (pdf_bytes(PdfWriter()), "Бұл PDF-те бірде-бір бет жоқ."),
    "a PDF cut in half": (demo_pdf("plan").read()[:400], "Бұл PDF ашылмайды"),
}


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret", algorithm="RC4-128")
    return pdf_bytes(writer)


@pytest.mark.parametrize("what", list(REFUSED_PDFS))
def test_files_that_do_not_open_as_pdf_are_refused_in_kazakh_beside_the_field(signed_in, case, messages_of, what):
    content, kazakh = REFUSED_PDFS[what]
    content = encrypted_pdf() if content is None else content
    with translation.override("kk"):
        response = upload(signed_in, case, SimpleUploadedFile("plan.pdf", content, content_type="application/pdf"),
                          lang="kk")
        [message] = messages_of(response)
    assert kazakh in message
    assert not Document.objects.filter(case=case).exists()
    page = signed_in.get(url("casework:detail", case.number, lang="kk")).content.decode()
    inline = page.split('data-testid="upload-error"')[1].split("</ul>")[0]
    assert kazakh in inline  # beside the file field, which points to it
    assert 'aria-describedby="doc-file-error"' in page


def test_the_refusal_messages_exist_in_russian_too(case, owner):
    with translation.override("ru"), pytest.raises(UploadError, match="не открывается"):
        store(case, "business_plan", SimpleUploadedFile("x.pdf", b"%PDF-1.4\n%test"), owner)
    with translation.override("ru"), pytest.raises(UploadError, match="паролем"):
        store(case, "business_plan", SimpleUploadedFile("x.pdf", encrypted_pdf()), owner)


def test_a_real_pdf_passes(signed_in, case, messages_of):
    response = upload(signed_in, case, demo_pdf("business plan"))
    assert messages_of(response) == ["The document was attached."]
    assert Document.objects.get(case=case).version == 1


@pytest.mark.parametrize(("image_format", "content_type"), [("PNG", "image/png"), ("JPEG", "image/jpeg")])
def test_real_images_pass(signed_in, case, image_format, content_type):
    upload(signed_in, case, SimpleUploadedFile("lease.bin", image_bytes(image_format)), kind="place_of_activity")
    assert Document.objects.get(case=case).content_type == content_type


@pytest.mark.parametrize(("content", "kazakh"), [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "Бұл сурет ашылмайды"),  # the signature alone
    (image_bytes("PNG")[:-20], "Бұл сурет ашылмайды"),  # its last chunks cut off
    (b"\xff\xd8\xff\xe0" + b"\x00" * 64, "Бұл сурет ашылмайды"),
    (image_bytes("JPEG", (400, 300))[:300], "Бұл сурет ашылмайды"),  # the scan stopped early
    (png_claiming(100_000, 100_000), "пиксель тым көп"),
])
def test_images_that_do_not_open_or_claim_too_many_pixels_are_refused(signed_in, case, messages_of, content, kazakh):
    with translation.override("kk"):
        response = upload(signed_in, case, SimpleUploadedFile("lease.png", content), kind="place_of_activity",
                          lang="kk")
        [message] = messages_of(response)
    assert kazakh in message
    assert not Document.objects.filter(case=case).exists()
