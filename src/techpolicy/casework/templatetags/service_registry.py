"""Template filters that ask the service registry, so the generic case pages name no service."""

from django import template
from django.urls import reverse

from techpolicy.casework.registry import certificate_kind

register = template.Library()


@register.filter
def certificate_pdf_url(certificate) -> str:
    """The address of a certificate's PDF, as its kind declares it ("" when the kind has none)."""
    kind = certificate_kind(certificate.kind)
    return reverse(kind.pdf_url, args=[certificate.number]) if kind and kind.pdf_url else ""
