"""The status page and the download of every generated file (`casework.jobs`), whatever service
made it: the file's kind decides who may see it."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from . import jobs
from .models import GeneratedFile


def _job_for(request, pk) -> tuple[GeneratedFile, jobs.FileKind]:
    """The job and its kind when the kind's check lets the user see it. Raises PermissionDenied
    (with the check's reason) for a signed-in user, `SignInFirst` for an anonymous one."""
    job = get_object_or_404(GeneratedFile, pk=pk)
    kind = jobs.kind_of(job)
    if kind is None:
        raise Http404("unknown kind of file")
    allowed, reason = kind.check(request.user, job)
    if allowed:
        return job, kind
    if not request.user.is_authenticated:
        raise SignInFirst
    raise PermissionDenied(reason)


class SignInFirst(Exception):
    """An anonymous reader was refused: the sign-in page may let them through."""


def file_context(job: GeneratedFile, kind: jobs.FileKind) -> dict:
    """What the status partial shows: the state in the reader's language, the download once ready,
    the kind's own result (e.g. the what-if tables), or the reason it failed and "try again"."""
    job = jobs.refresh(job)
    context = {"kind": kind}
    if job.status == GeneratedFile.READY and kind.result_template:
        content = jobs.read(job)  # None when the file has gone: the job is failed then
        if content is not None:
            context["result_template"] = kind.result_template
            context.update(kind.result_context(job, content) if kind.result_context else {})
    noted = jobs.progress_of(job)
    if noted:
        noted["step"] = _(noted["step"]) if noted["step"] else ""
    context.update(job=job, status_url=jobs.status_url(job), error=_(job.error) if job.error else "", progress=noted)
    return context


@require_http_methods(["GET", "HEAD", "POST"])
def file_status(request, pk):
    """GET: the job's state (the partial alone for HTMX polling); POST: try a failed job again."""
    try:
        job, kind = _job_for(request, pk)
    except SignInFirst:
        return redirect_to_login(request.get_full_path())
    if request.method == "POST":
        jobs.retry(job)
        return redirect(jobs.status_url(job))
    context = file_context(job, kind)
    if request.headers.get("HX-Request"):
        return render(request, "casework/_generated_file.html", context)
    context["back_url"] = kind.back(job, request.user) if kind.back else ""
    return render(request, "casework/generated_file.html", context)


@require_safe
def file_download(request, pk):
    try:
        job, _kind = _job_for(request, pk)
    except SignInFirst:
        return redirect_to_login(request.get_full_path())
    return jobs.download(job)
