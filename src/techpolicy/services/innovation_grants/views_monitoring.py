"""The operator's monitoring of the grantees' reports across all grants (law 003 article 27;
003.a27.p4: the reports' terms are the Government's rules' matter, `grants.report_term`, not set by
the source, so each due date is the agreement's). Counts of reports due and overdue, the list filtered
by state and overdue, searched by case number or grantee, 50 a page, and the filtered list as CSV.
Reports are scheduled, submitted, accepted and returned by the grant workflow's actions on the case
page, so every change is in the case's log; this page only reads."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from techpolicy.accounts.roles import has_role
from techpolicy.casework import law_context
from techpolicy.casework.kit.terms import parameter_row
from techpolicy.casework.models import Case
from techpolicy.casework.permissions import is_owner
from techpolicy.site.spreadsheet import csv_lines

from . import reports
from .models import Report
from .roles import GRANT_OPERATOR
from .workflows import GRANT

PAGE = 50
CSV_COLUMNS = ("case", "agreement", "grantee", "report", "period_end", "term_days", "due_source", "due_on", "state",
               "overdue", "submitted_on", "late")


def _filters(request) -> dict:
    """The filters of the query string, each bounded; anything else is ignored, never an error."""
    state = str(request.GET.get("state", ""))[:20]
    return {"state": state if state in dict(Report.STATES) else "", "overdue": request.GET.get("overdue") == "1",
            "q": reports.clean_query(request.GET.get("q", ""))}


def _row(report: Report, today) -> dict:
    case = report.agreement.case
    return {"report": report, "case": case, "overdue": report.is_overdue(today),
            "state": _("overdue") if report.is_overdue(today) else report.get_state_display(),
            "source": report.get_due_source_display()}


def _csv_lines(rows: Iterable[Report], today) -> Iterable[str]:
    def values(r: Report) -> tuple:
        case = r.agreement.case
        return (case.number, r.agreement.number, case.organisation.name, r.seq, r.period_end.isoformat(),
                r.term_days, r.due_source, r.due_on.isoformat(), r.state, "yes" if r.is_overdue(today) else "no",
                r.submitted_on.isoformat() if r.submitted_on else "", "yes" if r.late else "no")

    return csv_lines(CSV_COLUMNS, (values(r) for r in rows))


@login_required
@require_safe
def monitoring_page(request):
    if not has_role(request.user, GRANT_OPERATOR):
        raise PermissionDenied(_("This page is for the operator of innovation grants."))
    today, filters = law_context.today(), _filters(request)
    rows = reports.listing(filters["state"], filters["overdue"], filters["q"], today)
    if request.GET.get("format") == "csv":
        answer = StreamingHttpResponse(_csv_lines(rows.iterator(chunk_size=2000), today),
                                       content_type="text/csv; charset=utf-8")
        answer["Content-Disposition"] = f'attachment; filename="grant-reports-{today.isoformat()}.csv"'
        return answer
    page = Paginator(rows, PAGE).get_page(str(request.GET.get("page", ""))[:12])
    kept = {k: v for k, v in (("state", filters["state"]), ("overdue", "1" if filters["overdue"] else ""),
                              ("q", filters["q"])) if v}
    return render(request, "innovation_grants/monitoring.html", {
        "page": page, "rows": [_row(r, today) for r in page], "filters": filters, "states": Report.STATES,
        "counts": reports.counts(today), "today": today, "term": parameter_row(reports.TERM_PARAMETER, today),
        "query": urlencode(kept) + "&" if kept else "", "csv_query": urlencode({**kept, "format": "csv"}),
        "max_query": reports.MAX_QUERY,
    })


@login_required
@require_safe
def case_reports(request, number: str):
    """One grant's reports with their due dates, for the grantee and the operator."""
    case = get_object_or_404(Case, number=str(number)[:40], workflow=GRANT.id)
    if not (is_owner(request.user, case) or has_role(request.user, GRANT_OPERATOR)):
        raise PermissionDenied(_("This page is for the grantee and the operator of innovation grants."))
    today = law_context.today()
    found = Report.objects.filter(agreement__case=case).select_related("agreement__case__organisation")
    return render(request, "innovation_grants/case_reports.html", {
        "case": case, "rows": [_row(r, today) for r in found.order_by("seq")]})
