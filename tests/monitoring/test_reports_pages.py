"""The report pages: a plan's reports with their timeliness, writing and submitting (002.res.p2.3), the
documents in kk, ru and en, the published version of a public plan (002.res.p3), the owner's
permissions (`monitoring.owners`) and hostile input (no answer is a server error)."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.monitoring import models, reporting

from .test_reports import NARRATIVE, RESTRICTED, make_world, submitted_at

pytestmark = pytest.mark.django_db

DAY = dt.date(2028, 4, 11)  # ten days after 1 April 2028, the due day of the 2027 information


@pytest.fixture(autouse=True)
def _english():
    """The English pages (/en/...): the assertions read their words."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setattr("techpolicy.monitoring.views_reports.today", lambda: DAY)


@pytest.fixture
def world():
    return make_world()


def as_user(client, user):
    client.force_login(user)
    return client


def list_url(plan):
    return reverse("monitoring:report_list", args=[plan.owner_kind, plan.owner_ref])


def document_url(report, lang="kk", fmt="pdf", name="report_download"):
    return reverse(f"monitoring:{name}", args=[report.pk, lang, fmt])


def test_002_res_p2_3_the_list_shows_each_report_overdue_on_the_day(client, world):
    page = as_user(client, world.reader).get(list_url(world.plan), HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Akimat of Abai region" in text and "2028-04-01" in text
    assert "Overdue" in text and "10 days late" in text


def test_owners_another_organisation_may_not_read_write_or_download(client, world):
    """Permissions are the owner's (`owners`): a user of another organisation is refused with 403."""
    outsider = as_user(client, world.outsider)
    assert outsider.get(list_url(world.plan)).status_code == 403
    assert outsider.get(reverse("monitoring:report_edit", args=[world.report.pk])).status_code == 403
    assert outsider.post(reverse("monitoring:report_edit", args=[world.report.pk]),
                         {"narrative": "forged"}).status_code == 403
    assert outsider.post(reverse("monitoring:report_submit", args=[world.report.pk]),
                         {"confirm": "yes"}).status_code == 403
    assert outsider.get(document_url(world.report)).status_code == 403
    world.report.refresh_from_db()
    assert (world.report.narrative, world.report.state) == ("", "draft")


def test_owners_the_reader_may_not_write_another_organisations_report(client, world):
    reader = as_user(client, world.reader)
    assert reader.get(reverse("monitoring:report_edit", args=[world.report.pk])).status_code == 403


def test_signing_in_is_asked_before_writing(client, world):
    response = client.get(reverse("monitoring:report_edit", args=[world.report.pk]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_002_res_p2_3_the_reporter_writes_confirms_and_submits_once(client, world):
    reporter = as_user(client, world.reporter)
    edit = reverse("monitoring:report_edit", args=[world.report.pk])
    submit = reverse("monitoring:report_submit", args=[world.report.pk])
    assert reporter.get(edit).status_code == 200
    saved = reporter.post(edit, {"narrative": NARRATIVE, "restricted": RESTRICTED, "submit": "1"})
    assert saved.status_code == 302 and saved["Location"] == submit
    confirmation = reporter.get(submit, HTTP_ACCEPT_LANGUAGE="en")
    assert confirmation.status_code == 200 and "cannot be undone" in confirmation.content.decode()
    reporter.post(submit, {})  # no confirmation ticked: nothing happens
    world.report.refresh_from_db()
    assert world.report.state == "draft"
    assert reporter.post(submit, {"confirm": "yes"}).status_code == 302
    world.report.refresh_from_db()
    assert (world.report.state, world.report.submitted_by) == ("submitted", world.reporter)
    first = world.report.submitted_at
    again = reporter.post(submit, {"confirm": "yes"}, follow=True)
    assert again.status_code == 200
    assert reporter.post(edit, {"narrative": "rewritten"}).status_code == 302  # back to the list
    world.report.refresh_from_db()
    assert (world.report.submitted_at, world.report.narrative) == (first, NARRATIVE)
    submitted_at(world.report, DAY)  # the clock of the test: submitted on 11 April, after 1 April
    listed = as_user(client, world.reader).get(list_url(world.plan), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Submitted late" in listed and "10 days late" in listed


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_reader_downloads_pdf_and_docx_in_each_language(client, world, lang):
    reporting.save_draft(world.report, NARRATIVE, RESTRICTED)
    reader = as_user(client, world.reader)
    pdf = reader.get(document_url(world.report, lang, "pdf"))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF") and f"-{lang}.pdf" in pdf["Content-Disposition"]
    word = reader.get(document_url(world.report, lang, "docx"))
    assert word.status_code == 200
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs)
    assert RESTRICTED in text  # the full version, for the plan's reader


def test_the_reporter_downloads_its_own_report_and_the_version_to_publish(client, world):
    reporting.save_draft(world.report, NARRATIVE, RESTRICTED)
    reporter = as_user(client, world.reporter)
    full = reporter.get(document_url(world.report, "ru", "docx"))
    public = reporter.get(document_url(world.report, "ru", "docx") + "?public=1")
    assert full.status_code == public.status_code == 200
    assert RESTRICTED in _docx(full.content) and RESTRICTED not in _docx(public.content)


def _docx(content: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)


def test_002_res_p3_a_public_plans_submitted_report_is_published_without_restricted_information(client):
    world = make_world("PUB-SCT-002")
    published = document_url(world.report, "kk", "docx", name="report_public")
    reporting.save_draft(world.report, NARRATIVE, RESTRICTED)
    assert client.get(published).status_code == 404  # a draft is not published
    reporting.submit(world.report, world.reporter)
    response = client.get(published)  # anyone, not signed in
    assert response.status_code == 200
    text = _docx(response.content)
    assert "технопарк іске қосылды" in text and RESTRICTED not in text
    assert client.get(document_url(world.report, "kk", "docx")).status_code == 403  # the full one is not public
    listed = client.get(list_url(world.plan)).content.decode()
    assert published in listed and document_url(world.report, "kk", "docx") not in listed


def test_002_res_p3_a_plan_that_is_not_public_publishes_nothing(client, world):
    reporting.submit(reporting.save_draft(world.report, NARRATIVE), world.reporter)
    assert client.get(document_url(world.report, "en", "pdf", name="report_public")).status_code == 404
    assert client.get(list_url(world.plan)).status_code == 403


def test_hostile_a_huge_narrative_is_answered_with_its_limit_not_a_server_error(client, world):
    reporter = as_user(client, world.reporter)
    edit = reverse("monitoring:report_edit", args=[world.report.pk])
    response = reporter.post(edit, {"narrative": "ә" * (models.MAX_NARRATIVE + 1)}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert f"at most {models.MAX_NARRATIVE:,}".replace(",", "") in response.content.decode().replace(",", "")
    null = reporter.post(edit, {"narrative": "a\x00b"})
    assert null.status_code == 400
    world.report.refresh_from_db()
    assert world.report.narrative == ""


def test_hostile_unknown_language_format_report_or_plan_is_not_found(client, world):
    reader = as_user(client, world.reader)
    base = document_url(world.report, "kk", "pdf")
    assert reader.get(base.replace("/kk/", "/de/")).status_code == 404
    assert reader.get(base.replace("/pdf/", "/exe/")).status_code == 404
    assert reader.get(base.replace(f"/{world.report.pk}/", "/999999999999999999/")).status_code == 404
    assert reader.get(list_url(world.plan).replace(world.plan.owner_ref, "x" * 300)).status_code == 404
    assert reader.post(list_url(world.plan)).status_code == 405
