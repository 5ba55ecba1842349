"""Files made in the background (certificates, reports, what-if results), shared by every
service.

A service declares a `FileKind`: how to render the file and who may have it. A page asks for a
file with `request_file(kind, key, *args)`: the first request for a key creates the job and queues
its task in the same transaction; every later request for that key finds the same row. The task
(`casework.tasks.render_file`) renders, stores the file under MEDIA_ROOT and marks the job ready;
run twice (a worker died and the task was handed on), the second run finds it ready and stops.
The casework status and download views serve every kind alike, after the kind's check."""

from __future__ import annotations

import contextvars
import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.http import FileResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_noop

from .models import GeneratedFile

logger = logging.getLogger(__name__)

# Stored in English and translated when shown (`GeneratedFile.error`), so each reader sees their language.
FAILED = gettext_noop("The file could not be prepared. Try again; if it fails again, tell the administrator.")
INTERRUPTED = gettext_noop("Preparing the file was interrupted. Try again.")
MISSING = gettext_noop("The prepared file is no longer there. Try again to prepare it anew.")
UNKNOWN_KIND = gettext_noop("This kind of file is no longer made.")


@dataclass(frozen=True)
class Rendered:
    content: bytes
    content_type: str
    download_name: str  # built by the service from what the file is, never from user input


class RenderError(Exception):
    """A failure the reader can act on; `message` is an English text marked with gettext_noop."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class FileKind:
    name: str
    title: Any  # a lazy translation: the heading of the status page
    render: Callable[..., Rendered]  # called by the worker with the job's args
    check: Callable[[Any, GeneratedFile], tuple[bool, str]]  # (allowed, reason) for the user and job
    back: Callable[[GeneratedFile, Any], str] | None = None  # the page the file belongs to, for the user
    result_template: str = ""  # shown with the download link once ready
    result_context: Callable[[GeneratedFile, bytes], dict] | None = None  # from the job and its content


_KINDS: dict[str, FileKind] = {}


def register(kind: FileKind) -> FileKind:
    """Declare a kind; called when the service's app loads, in the web processes and the workers."""
    _KINDS[kind.name] = kind
    return kind


def kind_of(job: GeneratedFile) -> FileKind | None:
    return _KINDS.get(job.kind)


def digest(*parts) -> str:
    """A short fingerprint of the data a file is made from, for its key."""
    text = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def request_file(kind: str, key: str, *args, user=None) -> GeneratedFile:
    """The job for `key`, created and queued when it does not exist yet. Race-safe: two requests at
    once both try to insert, the unique key lets one through and the other reads the winner's row."""
    if kind not in _KINDS:
        raise KeyError(f"unknown file kind {kind!r}")
    if len(key) > GeneratedFile._meta.get_field("key").max_length:
        raise ValueError(f"file key too long: {key!r}")
    existing = GeneratedFile.objects.filter(key=key).first()
    if existing is not None:
        return existing
    requested_by = user if getattr(user, "is_authenticated", False) else None
    try:
        with transaction.atomic():
            job = GeneratedFile.objects.create(key=key, kind=kind, args=list(args), requested_by=requested_by)
            _queue(job)
    except IntegrityError:
        return GeneratedFile.objects.get(key=key)
    return job


def _queue(job: GeneratedFile) -> None:
    from .tasks import enqueue_with_transaction, render_file

    result = enqueue_with_transaction(render_file, str(job.pk))
    job.task_result_id = result.id if result is not None else ""
    job.save(update_fields=["task_result_id"])


def retry(job: GeneratedFile) -> GeneratedFile:
    """Queue a failed job again ("try again"); a job that is pending or ready is left as it is."""
    with transaction.atomic():
        locked = GeneratedFile.objects.select_for_update().get(pk=job.pk)
        if locked.status == GeneratedFile.FAILED:
            locked.status, locked.error, locked.finished_at = GeneratedFile.PENDING, "", None
            locked.save(update_fields=["status", "error", "finished_at"])
            _queue(locked)
        return locked


def refresh(job: GeneratedFile) -> GeneratedFile:
    """A pending job whose task has finished without making the file (e.g. stopped by force before
    this code ran) is failed, so the reader is offered "try again" instead of waiting for ever."""
    if job.status != GeneratedFile.PENDING or not job.task_result_id:
        return job
    from django_tasks_db.models import DBTaskResult

    task = DBTaskResult.objects.filter(pk=job.task_result_id).only("status").first()
    if task is None or task.status in ("SUCCESSFUL", "FAILED"):
        GeneratedFile.objects.filter(pk=job.pk, status=GeneratedFile.PENDING,
                                     task_result_id=job.task_result_id).update(
            status=GeneratedFile.FAILED, error=INTERRUPTED, finished_at=timezone.now())
        job.refresh_from_db()
    return job


# The task result of the job the worker is rendering, for `progress`.
_RENDERING: contextvars.ContextVar[str] = contextvars.ContextVar("rendering", default="")


def progress(done: int, total: int, step: str = "") -> None:
    """Called by a render function as it goes (`step` an English text marked with gettext_noop):
    how far it is, noted on the row of the running task, whose return value holds it until the
    worker writes the task's result over it. Outside a running job it does nothing."""
    from django_tasks_db.models import DBTaskResult

    task_id = _RENDERING.get()
    if task_id:
        DBTaskResult.objects.filter(pk=task_id, status="RUNNING").update(
            return_value={"progress": {"done": int(done), "total": int(total), "step": str(step)}})


def progress_of(job: GeneratedFile) -> dict[str, Any] | None:
    """The progress a pending job's running task has noted: done, total, percent and the step's
    English text; None while the task waits or has noted nothing."""
    if job.status != GeneratedFile.PENDING or not job.task_result_id:
        return None
    from django_tasks_db.models import DBTaskResult

    value = (DBTaskResult.objects.filter(pk=job.task_result_id, status="RUNNING")
             .values_list("return_value", flat=True).first())
    noted = value.get("progress") if isinstance(value, dict) else None
    if not isinstance(noted, dict):
        return None
    done, total = noted.get("done"), noted.get("total")
    if not (isinstance(done, int) and isinstance(total, int) and 0 <= done <= total and total > 0):
        return None
    return {"done": done, "total": total, "percent": round(100 * done / total), "step": str(noted.get("step", ""))}


def run_job(job_id: str) -> str:
    """Render and store the file of one job (the body of the task); idempotent."""
    job = GeneratedFile.objects.filter(pk=job_id).first()
    if job is None or job.status != GeneratedFile.PENDING:
        return "nothing to do"
    kind = kind_of(job)
    if kind is None:
        _fail(job_id, UNKNOWN_KIND)
        return "failed"
    GeneratedFile.objects.filter(pk=job_id).update(attempts=job.attempts + 1)
    rendering = _RENDERING.set(job.task_result_id)
    try:
        rendered = kind.render(*job.args)
    except RenderError as refused:
        _fail(job_id, refused.message)
        return "failed"
    except Exception:
        _fail(job_id, FAILED)
        raise  # the task result keeps the traceback for the operators
    finally:
        _RENDERING.reset(rendering)
    return _store(job, rendered)


def _store(job: GeneratedFile, rendered: Rendered) -> str:
    field = GeneratedFile._meta.get_field("file")
    # Written before the row is marked, so a ready row always has its file; a second run that
    # lost the race removes its own copy.
    name = field.storage.save(field.generate_filename(job, f"{job.pk}"), ContentFile(rendered.content))
    with transaction.atomic():
        locked = GeneratedFile.objects.select_for_update().get(pk=job.pk)
        if locked.status == GeneratedFile.READY:
            field.storage.delete(name)
            return "already ready"
        locked.file.name = name
        locked.content_type = rendered.content_type
        locked.download_name = rendered.download_name
        locked.status, locked.error, locked.finished_at = GeneratedFile.READY, "", timezone.now()
        locked.save(update_fields=["file", "content_type", "download_name", "status", "error", "finished_at"])
    return "ready"


def _fail(job_id: str, message: str) -> None:
    GeneratedFile.objects.filter(pk=job_id, status=GeneratedFile.PENDING).update(
        status=GeneratedFile.FAILED, error=message, finished_at=timezone.now())


def read(job: GeneratedFile) -> bytes | None:
    """The stored content of a ready job, or None when the file has gone (the job is then failed)."""
    if job.status != GeneratedFile.READY:
        return None
    try:
        with job.file.open("rb") as handle:
            return handle.read()
    except (FileNotFoundError, ValueError):
        _missing(job)
        return None


def _missing(job: GeneratedFile) -> None:
    logger.warning("generated file %s (%s) is missing from storage", job.pk, job.key)
    GeneratedFile.objects.filter(pk=job.pk).update(status=GeneratedFile.FAILED, error=MISSING)
    job.refresh_from_db()


def status_url(job: GeneratedFile) -> str:
    return reverse("casework:file_status", args=[job.pk])


def download(job: GeneratedFile):
    """The file as an attachment under the name the service built, or the status page while it is
    not ready (or has gone missing)."""
    if job.status == GeneratedFile.READY:
        try:
            handle = job.file.open("rb")
        except (FileNotFoundError, ValueError):
            _missing(job)
        else:
            response = FileResponse(handle, as_attachment=True, filename=job.download_name,
                                    content_type=job.content_type)
            response["Cache-Control"] = "private, no-store"
            return response
    return HttpResponseRedirect(status_url(job))


def prune(now: dt.datetime | None = None) -> int:
    """Remove jobs finished more than TECHPOLICY_GENERATED_FILE_DAYS ago, with their files: keys
    change with the data, so old files would otherwise pile up. The next request makes them anew."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.TECHPOLICY_GENERATED_FILE_DAYS)
    removed = 0
    for job in GeneratedFile.objects.filter(finished_at__lt=cutoff).iterator():
        if job.file:
            job.file.storage.delete(job.file.name)
        job.delete()
        removed += 1
    return removed
