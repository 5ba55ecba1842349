"""Files made in the background (issue 8, background work): one job per key, made once by the
worker through the real database task backend, shown on one status page in the reader's language
("being prepared", "ready — download", "failed — try again") and downloaded as an attachment under
the name the service built, after the check its kind registered."""

import datetime as dt
import threading

import pytest
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks_db.models import DBTaskResult

from techpolicy.casework import jobs
from techpolicy.casework.models import GeneratedFile
from techpolicy.casework.tasks import render_file
from tests import factories

from .background_support import CRASHES, NOTE, REFUSAL, RENDERS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_counters():
    RENDERS.clear()
    CRASHES["left"] = 0


@pytest.fixture
def reader(client):
    user = factories.make_user(username="reader")
    client.force_login(user)
    return user


def ask(text="Hello", outcome="ok", user=None) -> GeneratedFile:
    return jobs.request_file(NOTE.name, f"test-note:{text}:{outcome}", text, "reader", outcome, user=user)


def render_tasks():
    return DBTaskResult.objects.filter(task_path=render_file.module_path)


def status(client, job, lang="en", **headers):
    return client.get(f"/{lang}/cases/files/{job.pk}/", headers=headers)


def test_asking_twice_for_one_key_makes_one_job_and_one_task(reader, run_tasks):
    first, second = ask(user=reader), ask(user=reader)
    assert first.pk == second.pk and first.requested_by == reader
    assert render_tasks().count() == 1
    assert first.task_result_id == str(render_tasks().get().pk)
    assert run_tasks() == 1
    assert ask().status == GeneratedFile.READY
    assert run_tasks() == 0 and RENDERS == ["Hello"]


def test_a_second_run_of_the_task_finds_the_file_ready_and_does_nothing(reader, run_tasks, settings, tmp_path):
    job = ask()
    render_file.enqueue(str(job.pk))  # as if a worker died after storing and the task was handed on
    assert run_tasks() == 2
    assert RENDERS == ["Hello"]
    job.refresh_from_db()
    stored = [p for p in (tmp_path / "media" / "generated").rglob("*") if p.is_file()]
    assert [p.read_bytes() for p in stored] == [b"Hello"]
    assert jobs.run_job(str(job.pk)) == "nothing to do"


def test_the_status_page_in_each_state_in_the_readers_language(client, reader, run_tasks):
    CRASHES["left"] = 1
    job = ask()
    with translation.override("en"):
        pending = status(client, job).content.decode()
        assert "Being prepared…" in pending and 'http-equiv="refresh"' in pending
        run_tasks(expect_failures=True)
        failed = status(client, job).content.decode()
        assert gettext(jobs.FAILED) in failed and "Try again" in failed
        assert "http-equiv" not in failed
        # Try again: queued anew, and this time the renderer works.
        assert client.post(f"/en/cases/files/{job.pk}/").status_code == 302
        assert status(client, job).context["job"].status == GeneratedFile.PENDING
        run_tasks()
        ready = status(client, job).content.decode()
    assert "Ready" in ready and f"/en/cases/files/{job.pk}/download/" in ready
    assert GeneratedFile.objects.get(pk=job.pk).attempts == 2


def test_a_refusal_is_shown_in_the_readers_language(client, reader, run_tasks):
    job = ask(outcome="refuse")
    run_tasks()
    job.refresh_from_db()
    assert job.status == GeneratedFile.FAILED and job.error == REFUSAL  # stored in English
    with translation.override("ru"):
        shown = gettext(REFUSAL)
    assert shown != REFUSAL and shown in status(client, job, lang="ru").content.decode()


def test_htmx_polls_the_partial_while_the_file_is_being_prepared(client, reader, run_tasks):
    job = ask()
    partial = status(client, job, HX_Request="true").content.decode()
    assert "<html" not in partial
    assert 'hx-trigger="every 2s"' in partial and f'hx-get="{jobs.status_url(job)}"' in partial
    run_tasks()
    ready = status(client, job, HX_Request="true").content.decode()
    assert "hx-trigger" not in ready and 'data-status="ready"' in ready


def test_the_download_is_an_attachment_under_the_built_name(client, reader, run_tasks):
    job = ask()
    download = reverse("casework:file_download", args=[job.pk])
    assert client.get(download)["Location"] == jobs.status_url(job)  # not ready yet
    run_tasks()
    response = client.get(download)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="note-reader.txt"'
    assert response["Content-Type"] == "text/plain"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == b"Hello"


def test_the_kinds_check_decides_who_sees_the_file(client, run_tasks):
    job = ask()
    run_tasks()
    download = reverse("casework:file_download", args=[job.pk])
    anonymous = client.get(download)
    assert anonymous.status_code == 302 and reverse("login") in anonymous["Location"]
    client.force_login(factories.make_user(username="someone-else"))
    refused = client.get(download)
    assert refused.status_code == 403 and b"Hello" not in refused.content
    assert client.post(jobs.status_url(job)).status_code == 403  # nor may they queue it again
    unknown = "00000000-0000-0000-0000-000000000000"
    assert client.get(reverse("casework:file_status", args=[unknown])).status_code == 404


def test_a_pending_job_whose_task_ended_without_it_is_offered_again(client, reader):
    job = ask()
    # e.g. a worker stopped by force before it could put the task back
    DBTaskResult.objects.filter(pk=job.task_result_id).update(status="FAILED")
    page = status(client, job)
    assert page.context["job"].status == GeneratedFile.FAILED
    assert page.context["error"] == jobs.INTERRUPTED


def test_a_file_gone_from_storage_is_made_anew_on_request(client, reader, run_tasks):
    job = ask()
    run_tasks()
    job.refresh_from_db()
    job.file.storage.delete(job.file.name)
    assert client.get(reverse("casework:file_download", args=[job.pk]))["Location"] == jobs.status_url(job)
    job.refresh_from_db()
    assert job.status == GeneratedFile.FAILED and job.error == jobs.MISSING
    client.post(jobs.status_url(job))
    run_tasks()
    assert client.get(reverse("casework:file_download", args=[job.pk])).status_code == 200


def test_old_files_are_pruned_with_their_job(reader, run_tasks, settings):
    old, new = ask("old"), ask("new")
    run_tasks()
    old.refresh_from_db()
    GeneratedFile.objects.filter(pk=old.pk).update(finished_at=timezone.now() - dt.timedelta(days=31))
    assert jobs.prune() == 1
    assert not old.file.storage.exists(old.file.name)
    assert list(GeneratedFile.objects.values_list("pk", flat=True)) == [new.pk]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are staged on PostgreSQL only")
def test_twenty_requests_for_one_key_at_once_make_one_job_and_one_task():
    start = threading.Barrier(20)
    outcomes = []

    def one():
        try:
            start.wait()
            outcomes.append(ask("race").pk)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(outcomes) == 20 and len(set(outcomes)) == 1
    assert GeneratedFile.objects.count() == 1 and render_tasks().count() == 1
