"""The pages of a plan's reports: the list with each report's timeliness, writing the narrative,
submitting it (once, after a confirmation: it cannot be undone), and the documents in kk, ru or en.

Who may do what is the plan owner's answer (`owners`): `may_read` for the list and the full documents,
`may_report` for writing and submitting, and only the report of the user's own organisation. A public
plan's submitted reports can be downloaded by anyone in their public version, without the
restricted-access information (002 res. p.3, 002.res.p3).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from techpolicy.casework.law_context import today
from techpolicy.documents import CONTENT_TYPES

from . import models, owners, report_document, reporting
from .obligations import TIMELINESS_LABELS

LANGUAGES = (("kk", "Қазақша"), ("ru", "Русский"), ("en", "English"))  # each named in itself
MAX_LISTED = 2000  # reports on one page: 7 reporters × 10 years of seed 002 is 70


class ReportForm(forms.Form):
    narrative = forms.CharField(label=gettext_lazy("Information on progress"), required=False,
                                max_length=models.MAX_NARRATIVE, strip=True,
                                widget=forms.Textarea(attrs={"rows": 18}))
    restricted = forms.CharField(label=gettext_lazy("Restricted-access information (never published)"),
                                 required=False, max_length=models.MAX_RESTRICTED, strip=True,
                                 widget=forms.Textarea(attrs={"rows": 6}))


def may_read_full(user, plan: models.Plan) -> bool:
    """The full reports, restricted-access information included: the owner's readers only (a public
    plan's visitors get the public version)."""
    return owners.owner_of(plan).may_read(user, plan)


def may_write(user, report: models.Report) -> bool:
    """The owner lets the user report on the plan, and the report is their own organisation's."""
    return (user.is_authenticated and user.organisation_id is not None and user.organisation_id == report.reporter_id
            and owners.owner_of(report.plan).may_report(user, report.plan))


def _published(report: models.Report) -> bool:
    return report.state == "submitted" and owners.owner_of(report.plan).public(report.plan)


def _report(pk: int) -> models.Report:
    return get_object_or_404(models.Report.objects.select_related("plan", "reporter", "submitted_by"), pk=pk)


def _to_list(report: models.Report):
    return redirect("monitoring:report_list", kind=report.plan.owner_kind, ref=report.plan.owner_ref)


def _writable(request, pk: int) -> models.Report:
    report = _report(pk)
    if not may_write(request.user, report):
        raise PermissionDenied(_("Only the reporting organisation writes and submits its report."))
    return report


@require_http_methods(["GET"])
def report_list(request, kind: str, ref: str):
    """The plan's reports by year with their timeliness today; a public visitor sees the submitted ones."""
    plan_row = get_object_or_404(models.Plan, owner_kind=kind[:20], owner_ref=ref[:models.CODE_MAX])
    if not owners.may_read(request.user, plan_row):
        raise PermissionDenied(_("You may not read this plan's reports."))
    full = may_read_full(request.user, plan_row)
    rows = plan_row.reports.select_related("reporter").order_by("-year", "reporter__name")
    if not full:
        rows = rows.filter(state="submitted")
    on = today()
    reports = []
    for report in rows[:MAX_LISTED]:
        report.plan = plan_row  # one plan for every row, not a query each
        timeliness = reporting.timeliness_of(report, on)
        reports.append({"report": report, "timeliness": timeliness,
                        "timeliness_label": _(TIMELINESS_LABELS[timeliness.timeliness]),
                        "writable": may_write(request.user, report), "published": _published(report)})
    return render(request, "monitoring/reports/list.html", {
        "plan": plan_row, "name": report_document.plan_name(plan_row, request.LANGUAGE_CODE
                                                            if request.LANGUAGE_CODE in ("kk", "ru", "en") else "en"),
        "reports": reports, "full": full, "languages": LANGUAGES, "on": on,
        "owner_url": owners.owner_of(plan_row).owner_url(plan_row)})


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request, pk: int):
    """Write or correct the narrative of a report not yet submitted."""
    report = _writable(request, pk)
    if report.state != "draft":
        messages.info(request, _("The report has been submitted and can no longer be changed."))
        return _to_list(report)
    form = ReportForm(request.POST or None, initial={"narrative": report.narrative, "restricted": report.restricted})
    if request.method == "POST" and form.is_valid():
        try:
            reporting.save_draft(report, form.cleaned_data["narrative"], form.cleaned_data["restricted"])
        except reporting.ReportError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The report is saved. It is not submitted yet."))
            if "submit" in request.POST:
                return redirect("monitoring:report_submit", pk=report.pk)
            return redirect("monitoring:report_edit", pk=report.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "monitoring/reports/edit.html", {"report": report, "form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def report_submit(request, pk: int):
    """Submitting cannot be undone: a page asks to confirm; the POST with the confirmation submits."""
    report = _writable(request, pk)
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            messages.error(request, _("Tick the confirmation to submit the report."))
            return redirect("monitoring:report_submit", pk=report.pk)
        try:
            reporting.submit(report, request.user)
        except reporting.ReportError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The report is submitted."))
        return _to_list(report)
    if report.state != "draft":
        messages.info(request, _("The report has already been submitted."))
        return _to_list(report)
    timeliness = reporting.timeliness_of(report, today())
    return render(request, "monitoring/reports/submit.html", {
        "report": report, "timeliness_label": _(TIMELINESS_LABELS[timeliness.timeliness]),
        "timeliness": timeliness})


def _document(report: models.Report, lang: str, fmt: str, public: bool) -> HttpResponse:
    make = report_document.report_pdf if fmt == "pdf" else report_document.report_docx
    response = HttpResponse(make(report, lang=lang, public=public, on=today()), content_type=CONTENT_TYPES[fmt])
    name = report_document.file_name(report, lang, fmt, public)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store" if not public else "public, max-age=300"
    return response


@require_http_methods(["GET"])
def report_download(request, pk: int, lang: str, fmt: str):
    """The full report for the plan's readers and its own reporter; `?public=1` gives the version
    that would be published."""
    report = _report(pk)
    if not (may_read_full(request.user, report.plan) or may_write(request.user, report)):
        raise PermissionDenied(_("You may not read this report."))
    return _document(report, lang, fmt, public=request.GET.get("public") == "1")


@require_http_methods(["GET"])
def report_public(request, pk: int, lang: str, fmt: str):
    """The published version of a submitted report of a public plan, for anyone (002.res.p3)."""
    report = _report(pk)
    if not _published(report):
        raise Http404(_("This report is not published."))
    return _document(report, lang, fmt, public=True)
