"""The report to the HSTC (000 p.12(4)) as PDF or DOCX, in the page's language."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from techpolicy.casework.steps import current_language
from techpolicy.forecasting.report import render_docx, render_pdf

from .access import can_manage
from .models import Study
from .report_data import report_data

FORMATS = {
    "pdf": (render_pdf, "application/pdf"),
    "docx": (render_docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
}


def report(request, number):
    """Analysts may download the report at any stage; once a draft is published for public discussion
    (paragraph 12(2)) anyone may, since the draft is public anyway."""
    study = get_object_or_404(Study, number=number)
    if not can_manage(request.user)[0] and not study.drafts.exists():
        raise PermissionDenied(_("The report is public once the draft results are published for discussion."))
    kind = request.GET.get("format", "pdf")
    if kind not in FORMATS:
        return HttpResponseBadRequest(_("Unknown format: choose pdf or docx."))
    lang = current_language()
    render, content_type = FORMATS[kind]
    response = HttpResponse(render(report_data(study, lang), lang), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{study.number}-hstc-report-{lang}.{kind}"'
    return response
