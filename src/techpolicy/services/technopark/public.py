"""Public pages of the technopark: its list of participants (paragraph 21) with the export, and the
verification of its certificates (paragraphs 18 and 36), as thin routes to the generic register
pages; and the certificate PDF for those who may see the case."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from techpolicy.casework.jobs import download, request_file
from techpolicy.casework.models import Certificate
from techpolicy.casework.permissions import can_view
from techpolicy.casework.registers import views as registers
from techpolicy.casework.steps import current_language

from . import certificate_file
from .participants import REGISTER
from .verification import VERIFY_URL, normalise_number


def register_list(request):
    """Paragraph 21: the list of participants published on the technopark's web resource."""
    return registers.register_page(request, key=REGISTER)


def register_export(request, fmt: str):
    """Paragraph 21: the whole filtered list as CSV or JSON, streamed."""
    return registers.register_export(request, key=REGISTER, fmt=fmt)


def verify(request):
    """Public verification of a certificate by its number (paragraphs 18 and 36)."""
    return registers.verify(request, url_name=VERIFY_URL)


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
