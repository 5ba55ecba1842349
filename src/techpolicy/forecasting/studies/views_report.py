"""The report to the HSTC (000 p.12(4)) as PDF or DOCX, in the page's language.

Rendering takes seconds and matplotlib is not thread-safe, so a worker makes the report
(`casework.jobs`, one task at a time per worker process); the page answers with the file once it
is ready and with its status page until then. The file's key names the state of every record the
report is made from, so any change of the study's data gives a new report."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Q
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from techpolicy.casework.jobs import (
    FileKind,
    Rendered,
    RenderError,
    digest,
    download,
    progress,
    register,
    request_file,
)
from techpolicy.casework.law_context import today
from techpolicy.casework.steps import current_language
from techpolicy.documents import CONTENT_TYPES

from .access import can_manage
from .discussion import latest_draft
from .models import Answer, Comment, ForecastCorrection, IndicatorSeries, Round, Study

GONE = gettext_noop("The study no longer exists.")
READING = gettext_noop("Reading the study's records")
DRAWING = gettext_noop("Drawing the charts and tables of each section")
LAYING_OUT = gettext_noop("Laying out the pages")


def may_read(user, study: Study) -> tuple[bool, str]:
    """Analysts may have the report at any stage; once a draft is published for public discussion
    (paragraph 12(2)) anyone may, since the draft is public anyway."""
    if can_manage(user)[0] or study.drafts.exists():
        return True, ""
    return False, _("The report is public once the draft results are published for discussion.")


def _aggregate(queryset, *extra) -> dict:
    return queryset.aggregate(n=Count("pk"), last=Max("pk"), **{f"x{i}": e for i, e in enumerate(extra)})


def data_state(study: Study, draft) -> str:
    """A fingerprint of what the report reads: the study's own row (its version and settings), the
    candidate technologies, the drafts, the Delphi rounds and answers, the series and corrections,
    the public comments and their responses, and the date the report is made on. A few aggregate
    queries, so asking for the report costs little until a worker makes it. `draft` is the latest
    draft version (or None), read once by the caller."""
    return digest(
        study.version, study.updated_at, study.stage, today(),
        list(study.technologies.order_by("pk").values_list("code", "name_kk", "name_ru", "name_en", "sector")),
        draft.number if draft else 0,
        list(Round.objects.filter(study=study).order_by("number").values_list("number", "closes_on", "closed_at")),
        _aggregate(Answer.objects.filter(response__round__study=study)),
        _aggregate(IndicatorSeries.objects.filter(study=study), Max("imported_at")),
        _aggregate(ForecastCorrection.objects.filter(series__study=study)),
        _aggregate(Comment.objects.filter(draft__study=study), Max("responded_at"), Max("moderated_at"),
                   Count("pk", filter=~Q(resolution=""))),
    )


def report_key(study: Study, lang: str, fmt: str) -> str:
    draft = latest_draft(study)
    return (f"forecast-report:{study.number}:v{study.version}:d{draft.number if draft else 0}:"
            f"{data_state(study, draft)}:{lang}:{fmt}")


def render(number: str, lang: str, fmt: str) -> Rendered:
    from techpolicy.forecasting.report import render_docx, render_pdf  # matplotlib: in the worker only
    from techpolicy.forecasting.report.sections import SECTIONS

    from .report_data import report_data

    study = Study.objects.filter(number=number).first()
    if study is None:
        raise RenderError(GONE)
    make = render_pdf if fmt == "pdf" else render_docx
    name = f"{study.number}-hstc-report-{lang}.{fmt}"
    # The steps the status page shows: reading the records, each section drawn, the pages laid out.
    steps = len(SECTIONS) + 2
    progress(0, steps, READING)
    data = report_data(study, lang)
    progress(1, steps, DRAWING)
    content = make(data, lang, lambda done, total: progress(1 + done, steps, DRAWING if done < total else LAYING_OUT))
    return Rendered(content, CONTENT_TYPES[fmt], name)


def check(user, job) -> tuple[bool, str]:
    study = Study.objects.filter(number=job.args[0]).first()
    if study is None:
        return False, _(GONE)
    return may_read(user, study)


def _study_page(job, user) -> str:
    """The study's page for its analysts, the public discussion for everyone else."""
    return reverse("studies:detail" if can_manage(user)[0] else "studies:discussion", args=[job.args[0]])


REPORT = register(FileKind("forecast-report", gettext_lazy("HSTC report"), render, check, back=_study_page))


def report(request, number):
    study = get_object_or_404(Study, number=number)
    allowed, reason = may_read(request.user, study)
    if not allowed:
        raise PermissionDenied(reason)
    fmt = request.GET.get("format", "pdf")
    if fmt not in CONTENT_TYPES:
        return HttpResponseBadRequest(_("Unknown format: choose pdf or docx."))
    lang = current_language()
    job = request_file(REPORT.name, report_key(study, lang, fmt), study.number, lang, fmt, user=request.user)
    return download(job)
