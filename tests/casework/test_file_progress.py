"""Issue 10, item 9: a file being prepared shows its progress. The render function notes its steps
(`jobs.progress`) on the running task's row; the status page (polled by HTMX) shows the figure and
the step in the reader's language, and nothing once the file is ready."""

import pytest
from django.urls import reverse

from techpolicy.casework import jobs
from techpolicy.casework.models import GeneratedFile
from tests import factories

from .progress_support import LOOK, SEEN, STEPS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh():
    SEEN.clear()
    LOOK.clear()
    yield
    LOOK.clear()


def test_issue10_item9_the_status_page_shows_the_steps_the_worker_notes(client, run_tasks):
    """Issue 10, item 9: while the worker renders, the polled partial shows "n of 3 steps", in Kazakh."""
    client.force_login(factories.make_user(username="reader"))
    job = jobs.request_file(STEPS.name, "test-steps:1", "x")
    url = reverse("casework:file_status", args=[job.pk]).replace("/en/", "/kk/")

    def look():
        job_now = GeneratedFile.objects.get(pk=job.pk)
        html = client.get(url, HTTP_HX_REQUEST="true").content.decode()
        return jobs.progress_of(job_now), html

    LOOK["look"] = look
    assert jobs.progress_of(job) is None  # queued, not started: nothing to show yet
    assert run_tasks() == 1
    noted = [p for p, _ in SEEN]
    assert [(p["done"], p["total"], p["percent"]) for p in noted] == [(0, 3, 0), (1, 3, 33), (2, 3, 67)]
    html = SEEN[1][1]
    assert 'data-testid="file-progress"' in html and '<progress value="1" max="3"' in html
    assert "Орындалған қадамдар: 1 / 3 (33 %)" in html and "Беттер беттелуде" in html
    assert 'hx-trigger="every 2s"' in html  # still polled
    job.refresh_from_db()
    assert job.status == GeneratedFile.READY and jobs.progress_of(job) is None
    assert "file-progress" not in client.get(url, HTTP_HX_REQUEST="true").content.decode()


def test_issue10_item9_progress_outside_a_job_or_malformed_is_ignored(run_tasks):
    """Issue 10, item 9: a render function called outside the worker notes nothing; a task row with
    a value that is no progress shows none."""
    jobs.progress(1, 2, "x")  # no job is being rendered: nothing happens, nothing fails
    job = jobs.request_file(STEPS.name, "test-steps:2", "x")
    from django_tasks_db.models import DBTaskResult

    for value in ({"progress": {"done": 5, "total": 3}}, {"progress": "half"}, [1, 2], None):
        DBTaskResult.objects.filter(pk=job.task_result_id).update(status="RUNNING", return_value=value)
        assert jobs.progress_of(job) is None, value


def test_issue10_item9_the_hstc_report_notes_a_step_per_section(monkeypatch):
    """Issue 10, item 9: the report's render notes reading, each section drawn, and the layout."""
    from techpolicy.forecasting.report.sections import SECTIONS
    from techpolicy.forecasting.studies import demo, views_report
    from techpolicy.forecasting.studies.models import Study

    demo.load()
    study = Study.objects.get(title=demo.TITLE)
    noted = []
    monkeypatch.setattr(views_report, "progress", lambda done, total, step: noted.append((done, total, step)))
    rendered = views_report.render(study.number, "kk", "docx")
    assert rendered.content
    steps = len(SECTIONS) + 2
    assert [d for d, _, _ in noted] == list(range(steps))
    assert {t for _, t, _ in noted} == {steps}
    assert noted[0][2] == views_report.READING and noted[-1][2] == views_report.LAYING_OUT
