"""The certificate PDF (paragraph 18; paragraph 36 for an extension) as a generated file: a worker
renders it (`casework.jobs`), and it is served to those who may see the case."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from techpolicy.casework.jobs import FileKind, Rendered, RenderError, digest, register
from techpolicy.casework.models import Certificate
from techpolicy.casework.permissions import can_view

from .certificate_pdf import render_certificate
from .law import activity_types

LANGUAGES = ("kk", "ru", "en")
GONE = gettext_noop("The certificate is no longer in the register.")


def _certificate(number: str) -> Certificate | None:
    return Certificate.objects.select_related("organisation", "case").filter(number=number).first()


def key(certificate: Certificate, lang: str) -> str:
    """The certificate, its language and everything printed on it: a revocation or a corrected
    holder name gives a new file."""
    organisation = certificate.organisation
    printed = digest(certificate.kind, certificate.issued_on, certificate.valid_from, certificate.valid_until,
                     certificate.revoked_on, certificate.activity_types, organisation.name, organisation.bin,
                     settings.TECHPOLICY_PUBLIC_URL)
    return f"certificate:{certificate.number}:{lang}:{printed}"


def render(number: str, lang: str) -> Rendered:
    certificate = _certificate(number)
    if certificate is None:
        raise RenderError(GONE)
    pdf = render_certificate(certificate, lang, activity_names=activity_types(certificate.issued_on))
    return Rendered(pdf, "application/pdf", f"{certificate.number}-{lang}.pdf")


def check(user, job) -> tuple[bool, str]:
    """Whoever may see the case may have its certificate (casework.permissions.can_view)."""
    certificate = _certificate(job.args[0])
    if certificate is None:
        return False, gettext(GONE)
    return can_view(user, certificate.case)


def _case_page(job, user) -> str:
    certificate = _certificate(job.args[0])
    return reverse("casework:detail", args=[certificate.case.number]) if certificate else ""


CERTIFICATE = register(FileKind("certificate", _("Certificate (PDF)"), render, check, back=_case_page))
