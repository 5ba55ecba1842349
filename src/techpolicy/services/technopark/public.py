"""Public pages of the technopark: the list of participants (paragraph 21) with its export, the
verification of certificates, and the certificate PDF for those who may see the case."""

from __future__ import annotations

import csv
import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseForbidden, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from techpolicy.casework import law_context
from techpolicy.casework.documents_pdf import activity_name
from techpolicy.casework.jobs import download, request_file
from techpolicy.casework.models import Certificate, RegisterEntry
from techpolicy.casework.permissions import can_view
from techpolicy.casework.steps import current_language
from techpolicy.site.spreadsheet import BOM, spreadsheet_cell

from . import certificate_file
from . import participants as register
from .law import activity_types
from .verification import MALFORMED, MALFORMED_HELP, normalise_number, verify_certificate

PAGE_SIZE = 25
EXPORT_CHUNK = 2000
CSV_HEADER = (
    "name",
    "bin",
    "activity_types",
    "valid_from",
    "valid_until",
    "status",
    "certificate_number",
)


def _activity_names(on: dt.date, lang: str) -> dict[str, str]:
    return {code: activity_name(entry, lang) for code, entry in activity_types(on).items()}


@require_safe
def register_list(request):
    """Paragraph 21: the list of participants published on the technopark's web resource."""
    on = law_context.today()
    filters = register.ParticipantFilter.from_params(request.GET)
    page = Paginator(register.participants(filters, on), PAGE_SIZE).get_page(request.GET.get("page"))
    names = _activity_names(on, current_language())
    status_labels = dict(RegisterEntry.STATUS_CHOICES)
    rows = []
    for row in page.object_list:
        status = register.effective_status(row, on)
        rows.append(
            {
                **row,
                "status": status,
                "status_label": status_labels.get(status, status),
                "activities": [(code, names.get(code, "")) for code in row["activity_types"] or []],
            }
        )
    return render(
        request,
        "technopark/register.html",
        {
            "page": page,
            "rows": rows,
            "filters": filters,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            "statuses": [(s, status_labels[s]) for s in (register.ACTIVE, register.EXPIRED, register.TERMINATED)],
            "activity_types": sorted(names.items()),
            "on": on,
        },
    )


class _Echo:
    """csv.writer writes into this and gets the line back, so rows can be streamed."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(rows, on: dt.date):
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow(CSV_HEADER)
    for row in rows:
        item = register.published(row, on)
        item["activity_types"] = "; ".join(item["activity_types"])
        yield writer.writerow([spreadsheet_cell(item[column]) for column in CSV_HEADER])


def _json_items(rows, on: dt.date):
    yield "["
    separator = ""
    for row in rows:
        yield separator + register.to_json(register.published(row, on))
        separator = ","
    yield "]"


@require_safe
def register_export(request, fmt: str):
    """Paragraph 21: the whole filtered list as CSV or JSON, streamed."""
    if fmt not in ("csv", "json"):
        raise Http404("unknown export format")
    on = law_context.today()
    filters = register.ParticipantFilter.from_params(request.GET)
    rows = register.participants(filters, on).iterator(chunk_size=EXPORT_CHUNK)
    if fmt == "csv":
        response = StreamingHttpResponse(_csv_lines(rows, on), content_type="text/csv; charset=utf-8")
    else:
        response = StreamingHttpResponse(_json_items(rows, on), content_type="application/json; charset=utf-8")
    filename = f"technopark-participants-{filters.status}-{on.isoformat()}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def verify(request):
    """Public verification of a certificate by its number (paragraphs 18 and 36)."""
    raw = request.GET.get("number")
    result = verify_certificate(raw) if raw is not None else None
    return render(
        request,
        "technopark/verify.html",
        {
            "number": normalise_number(raw) if raw is not None else "",
            "result": result,
            "malformed_help": MALFORMED_HELP if result is not None and result.status == MALFORMED else "",
        },
    )


@login_required
@require_safe
def certificate_pdf(request, number: str):
    """The certificate as a PDF, for the owning organisation, the secretariat and administrators
    (the same check as the generated file's kind, made here before any job is created)."""
    certificate = get_object_or_404(
        Certificate.objects.select_related("organisation", "case"), number=normalise_number(number)
    )
    allowed, reason = can_view(request.user, certificate.case)
    if not allowed:
        return HttpResponseForbidden(reason, content_type="text/plain; charset=utf-8")
    lang = request.GET.get("lang") or current_language()
    lang = lang if lang in certificate_file.LANGUAGES else "kk"
    # Rendered by a worker: the file itself once it is ready, its status page until then.
    job = request_file(certificate_file.CERTIFICATE.name, certificate_file.key(certificate, lang), certificate.number,
                       lang, user=request.user)
    return download(job)
