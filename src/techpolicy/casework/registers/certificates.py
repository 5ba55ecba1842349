"""Certificates of every service: numbered per kind prefix and year ("<prefix>-2026-000001", through
`casework.numbering`, never max()+1), and verified in public by their number. A kind is declared by
its service (`registry.CertificateKind`: key, prefix, title, paragraph, verification page).

Verification tells whether a certificate is valid and shows only what the certificate itself
prints: holder, BIN, kind and validity dates; it never raises for what a person typed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import law_context, registry
from ..models import Certificate, RegisterEntry
from ..numbering import last_in_use, next_sequence
from ..steps import current_language

MAX_INPUT = 60
DIGITS = 6  # the counter may outgrow them: up to nine digits are read

# People type numbers from paper: spaces, dashes of every kind and Cyrillic letters that look like
# the Latin ones of a prefix (on a Kazakh or Russian keyboard).
_TRANSLATE = str.maketrans({
    **{c: latin for cyrillic, latin in zip("АВЕКМНОРСТУХ", "ABEKMHOPCTYX", strict=True)
       for c in (cyrillic, cyrillic.lower())},
    **dict.fromkeys("‐‑‒–—―−_", "-"),
})
_SPACES = re.compile(r"\s+")

VALID, NOT_YET_VALID, EXPIRED = "valid", "not_yet_valid", "expired"
REVOKED, TERMINATED = "revoked", "terminated"
NOT_FOUND, MALFORMED, EMPTY = "not_found", "malformed", "empty"

STATUS_LABELS = {
    VALID: gettext_lazy("Valid"),
    NOT_YET_VALID: gettext_lazy("Valid, but the period it covers has not started yet"),
    EXPIRED: gettext_lazy("Expired"),
    REVOKED: gettext_lazy("Revoked"),
    TERMINATED: gettext_lazy("No longer valid: the holder was removed from the register early"),
    NOT_FOUND: gettext_lazy("No certificate with this number was issued"),
    MALFORMED: gettext_lazy("This is not a certificate number"),
    EMPTY: gettext_lazy("Enter a certificate number"),
}


def _kind(key: str) -> registry.CertificateKind:
    kind = registry.certificate_kind(key)
    if kind is None:
        raise ValueError(f"no service declares the certificate kind {key!r}")
    return kind


def format_number(prefix: str, year: int, sequence: int) -> str:
    return f"{prefix}-{year}-{sequence:0{DIGITS}d}"


def next_number(kind: registry.CertificateKind, year: int) -> str:
    """The next number of the kind's prefix in `year`; call it inside the creating transaction."""

    def in_use() -> int:
        numbers = Certificate.objects.filter(number__startswith=f"{kind.prefix}-{year}-")
        return last_in_use(numbers.values_list("number", flat=True))

    sequence = next_sequence(kind.prefix, year, in_use=in_use,
                             taken=lambda n: Certificate.objects.filter(number=format_number(kind.prefix, year, n))
                             .exists())
    return format_number(kind.prefix, year, sequence)


def issue(kind_key: str, *, case, issued_on: dt.date, valid_from: dt.date, valid_until: dt.date,
          organisation=None, **fields) -> Certificate:
    """Issue a certificate of a declared kind with the next number of its prefix and year."""
    kind = _kind(kind_key)
    with transaction.atomic():
        return Certificate.objects.create(
            number=next_number(kind, issued_on.year), kind=kind.key, case=case,
            organisation=organisation or case.organisation, issued_on=issued_on, valid_from=valid_from,
            valid_until=valid_until, **fields)


def kind_label(key: str, lang: str | None = None) -> str:
    """"<title> (<paragraph>)" in the language, e.g. the registration certificate and its paragraph."""
    kind = registry.certificate_kind(key)
    if kind is None:
        return key
    lang = lang or current_language()
    title = kind.title.get(lang) or kind.title.get("en") or key
    return f"{title} ({kind.citation.text(lang)})" if kind.citation is not None else title


def normalise_number(raw: str | None) -> str:
    """`" ah - c-2026-000001 "` -> `"AH-C-2026-000001"`."""
    return _SPACES.sub("", (raw or "")[:MAX_INPUT]).translate(_TRANSLATE).upper()


def number_pattern(kinds: Iterable[registry.CertificateKind]) -> re.Pattern:
    prefixes = "|".join(re.escape(k.prefix) for k in sorted(kinds, key=lambda k: -len(k.prefix)))
    return re.compile(rf"^(?:{prefixes})-\d{{4}}-\d{{{DIGITS},9}}$")


def example_number(kind: registry.CertificateKind, year: int | None = None) -> str:
    return format_number(kind.prefix, year or law_context.today().year, 123)


def malformed_help(kinds: Iterable[registry.CertificateKind]) -> str:
    examples = ", ".join(f"{example_number(k)} ({kind_label(k.key)})" for k in kinds)
    return _("A certificate number looks like %(examples)s.") % {"examples": examples}


@dataclass(frozen=True)
class VerificationResult:
    number: str  # as normalised; the raw input is never echoed back
    status: str
    holder: str = ""
    bin: str = ""
    kind: str = ""
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None

    @property
    def found(self) -> bool:
        return self.status not in (NOT_FOUND, MALFORMED, EMPTY)

    @property
    def is_valid(self) -> bool:
        return self.status == VALID

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind) if self.kind else ""

    def as_dict(self) -> dict:
        return {"number": self.number, "status": self.status, "status_label": self.status_label,
                "valid": self.is_valid, "holder": self.holder, "bin": self.bin, "kind": self.kind,
                "kind_label": self.kind_label, "valid_from": self.valid_from, "valid_until": self.valid_until}


def register_entry_of(certificate: Certificate) -> RegisterEntry | None:
    """The register entry the certificate belongs to: the one that publishes it, or the entry of its
    case, or of the case a follow-up case (e.g. an extension) concerns."""
    case_ids = [certificate.case_id] + ([certificate.case.parent_id] if certificate.case.parent_id else [])
    return (RegisterEntry.objects.filter(Q(certificate_id=certificate.pk) | Q(case_id__in=case_ids))
            .only("status", "ended_on", "name").order_by("-pk").first())


def certificate_status(certificate: Certificate, entry: RegisterEntry | None, on: dt.date) -> str:
    if certificate.revoked_on and certificate.revoked_on <= on:
        return REVOKED
    ended = entry is not None and entry.status == RegisterEntry.STATUS_TERMINATED
    if ended and (entry.ended_on is None or (entry.ended_on <= on and entry.ended_on <= certificate.valid_until)):
        return TERMINATED
    if certificate.valid_until < on:
        return EXPIRED
    if certificate.valid_from > on:
        return NOT_YET_VALID
    return VALID


def verify_certificate(raw: str | None, kinds: Iterable[registry.CertificateKind], on: dt.date | None = None,
                       ) -> VerificationResult:
    """Look up a certificate of one of `kinds` by the number a person typed."""
    kinds = tuple(kinds)
    number = normalise_number(raw)
    if not number:
        return VerificationResult(number="", status=EMPTY)
    if not kinds or not number_pattern(kinds).match(number):
        return VerificationResult(number=number, status=MALFORMED)
    certificate = (
        Certificate.objects.select_related("organisation", "case")
        .only("number", "kind", "valid_from", "valid_until", "revoked_on", "case_id", "case__parent_id",
              "organisation__name", "organisation__bin")
        .filter(number=number, kind__in=[k.key for k in kinds]).first())
    if certificate is None:
        return VerificationResult(number=number, status=NOT_FOUND)
    return VerificationResult(
        number=certificate.number,
        status=certificate_status(certificate, register_entry_of(certificate), on or law_context.today()),
        holder=certificate.organisation.name, bin=certificate.organisation.bin or "", kind=certificate.kind,
        valid_from=certificate.valid_from, valid_until=certificate.valid_until)


def declared_kinds() -> tuple[registry.CertificateKind, ...]:
    return tuple(k for s in registry.services() for k in s.certificate_kinds)


def kinds_verified_at(url_name: str) -> tuple[registry.CertificateKind, ...]:
    """The certificate kinds whose public verification page is `url_name`."""
    return tuple(k for k in declared_kinds() if k.verify_url == url_name)
