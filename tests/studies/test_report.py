"""The report to the HSTC (000 p.12(1), 12(2), 12(4)) built from a study's records: the demo study is
driven through the real services (two Delphi rounds, three series, a correction, a published draft
with a public comment), then downloaded as PDF and DOCX."""

import io

import docx
import pytest
from django.utils import translation

from techpolicy.forecasting.studies import demo
from techpolicy.forecasting.studies.models import Study
from techpolicy.forecasting.studies.report_data import report_data
from tests import factories
from tests.forecasting.report.pdftext import page_texts


@pytest.fixture
def demo_study(db, run_tasks):
    demo.load()
    run_tasks()  # the demo's invitations, so that the tests count only their own tasks
    return Study.objects.get(title=demo.TITLE)


def test_p12_report_data_follows_the_records(demo_study):
    data = report_data(demo_study, "en")
    assert [k.code for k in data.key_technologies] == ["AG-01", "AG-04", "AG-02"]  # the draft's order
    assert {"weighted_sum", "topsis"} <= set(data.key_technologies[0].scores)
    assert data.key_technologies[0].name == "Precision farming"
    assert len(data.trends) == 3
    drones = next(t for t in data.trends if t.technology_code == "AG-02")
    (correction,) = drones.corrections
    assert correction.year == 2030 and correction.corrected == pytest.approx(correction.fitted * 0.8, rel=1e-3)
    assert [r.label for r in data.delphi[0].rounds] == [1, 2]
    assert data.consensus.rounds == (1, 2)
    assert len(data.radar) == 5
    assert data.discussion.comments == 1 and data.discussion.answered == 0
    assert data.meta.is_draft and data.meta.version == 1


def _content(response) -> bytes:
    return b"".join(response.streaming_content)


def test_p12_4_report_downloads_as_pdf_and_docx_in_the_page_language(client, demo_study, run_tasks):
    # Rendered by the worker (issue 8, background work): first the status page, then the file.
    client.force_login(Study.objects.get(pk=demo_study.pk).created_by)
    pdf_url = f"/kk/forecasting/{demo_study.number}/report/?format=pdf"
    word_url = f"/ru/forecasting/{demo_study.number}/report/?format=docx"
    for url in (pdf_url, word_url):
        waiting = client.get(url)
        assert waiting.status_code == 302 and "/cases/files/" in waiting["Location"]
    assert client.get(waiting["Location"]).context["job"].status == "pending"
    assert run_tasks() == 2
    pdf = client.get(pdf_url)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == f'attachment; filename="{demo_study.number}-hstc-report-kk.pdf"'
    text = " ".join(page_texts(_content(pdf)))
    assert demo.TITLE in text and "Дәлме-дәл егіншілік" in text and "ЖҒТК" in text
    word = client.get(word_url)
    assert word.status_code == 200
    document = docx.Document(io.BytesIO(_content(word)))
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert "Точное земледелие" in cells


def test_p12_4_the_report_key_changes_with_the_studys_data(demo_study):
    from techpolicy.forecasting.studies.models import Comment
    from techpolicy.forecasting.studies.views_report import report_key

    keys = {report_key(demo_study, "kk", "pdf")}
    assert report_key(demo_study, "kk", "pdf") in keys  # asked again, nothing changed: the same file
    assert report_key(demo_study, "ru", "pdf") not in keys
    Comment.objects.filter(draft__study=demo_study).update(resolution="accepted", response="Thank you.")
    keys.add(report_key(demo_study, "kk", "pdf"))
    demo_study.technologies.filter(code="AG-01").update(name_kk="Дәл егіншілік")
    keys.add(report_key(demo_study, "kk", "pdf"))
    Study.objects.filter(pk=demo_study.pk).update(version=demo_study.version + 1)
    keys.add(report_key(Study.objects.get(pk=demo_study.pk), "kk", "pdf"))
    assert len(keys) == 4


def test_p12_2_anyone_may_have_the_report_of_a_published_draft(client, demo_study, run_tasks):
    url = f"/en/forecasting/{demo_study.number}/report/?format=docx"
    waiting = client.get(url)
    assert waiting.status_code == 302
    status = client.get(waiting["Location"])
    assert status.status_code == 200 and status.context["job"].status == "pending"
    run_tasks()
    assert client.get(url)["Content-Disposition"].endswith('-hstc-report-en.docx"')


def test_report_of_a_study_without_a_draft_is_for_analysts_only(client, db):
    from tests.studies.conftest import make_study

    analyst = factories.make_user(roles=["analyst"])
    study = make_study(analyst)
    assert client.get(f"/en/forecasting/{study.number}/report/").status_code == 403
    client.force_login(analyst)
    assert client.get(f"/en/forecasting/{study.number}/report/?format=odt").status_code == 400
    translation.deactivate()


def test_p9_the_pure_report_knows_every_stage_a_study_can_be_in():
    # forecasting.report imports no Django, so it keeps its own list; a stage added to the model
    # and not to the report would make every report of such a study fail.
    from techpolicy.forecasting.report.data import STAGES as REPORT_STAGES
    from techpolicy.forecasting.studies.models.study import STAGES

    assert tuple(key for key, _label in STAGES) == REPORT_STAGES
