"""Public verification of technopark certificates (paragraphs 18 and 36): one lookup used by the
web page and the API. It tells whether a certificate is valid and shows only what the
certificate itself prints: holder, BIN, kind and validity dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from techpolicy.casework import law_context
from techpolicy.casework.models import Certificate, RegisterEntry

from .steps import REGISTER

# Numbers are issued as AH-C-2026-000001 (registration) or AH-E-2026-000001 (extension), see
# steps._certificate_number; the counter may outgrow six digits.
NUMBER_PATTERN = re.compile(r"^AH-[CE]-\d{4}-\d{6,9}$")
MAX_INPUT = 60

# People type numbers from paper: spaces, dashes of every kind and Cyrillic look-alikes of the
# Latin letters (А Н С Е on a Kazakh or Russian keyboard).
_TRANSLATE = str.maketrans(
    {
        "А": "A",
        "Н": "H",
        "С": "C",
        "Е": "E",
        "а": "A",
        "н": "H",
        "с": "C",
        "е": "E",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
        "_": "-",
    }
)
_SPACES = re.compile(r"\s+")

VALID, NOT_YET_VALID, EXPIRED = "valid", "not_yet_valid", "expired"
REVOKED, TERMINATED = "revoked", "terminated"
NOT_FOUND, MALFORMED, EMPTY = "not_found", "malformed", "empty"

STATUS_LABELS = {
    VALID: _("Valid"),
    NOT_YET_VALID: _("Valid, but the period it covers has not started yet"),
    EXPIRED: _("Expired"),
    REVOKED: _("Revoked"),
    TERMINATED: _("Participation terminated early"),
    NOT_FOUND: _("No certificate with this number was issued"),
    MALFORMED: _("This is not a certificate number"),
    EMPTY: _("Enter a certificate number"),
}
MALFORMED_HELP = _("A certificate number looks like AH-C-2026-000123 (registration) or AH-E-2026-000045 (extension).")
KIND_LABELS = {
    Certificate.KIND_REGISTRATION: _("Registration certificate (paragraph 18)"),
    Certificate.KIND_EXTENSION: _("Extension certificate (paragraph 36)"),
}


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
        return str(KIND_LABELS.get(self.kind, self.kind))

    def as_dict(self) -> dict:
        return {
            "number": self.number,
            "status": self.status,
            "status_label": self.status_label,
            "valid": self.is_valid,
            "holder": self.holder,
            "bin": self.bin,
            "kind": self.kind,
            "kind_label": self.kind_label if self.kind else "",
            "valid_from": self.valid_from,
            "valid_until": self.valid_until,
        }


def normalise_number(raw: str | None) -> str:
    """`" ah - c-2026-000001 "` -> `"AH-C-2026-000001"`."""
    return _SPACES.sub("", (raw or "")[:MAX_INPUT]).translate(_TRANSLATE).upper()


def is_well_formed(number: str) -> bool:
    return bool(NUMBER_PATTERN.match(number))


def _participation_entry(certificate: Certificate) -> RegisterEntry | None:
    """The register entry of the participation the certificate belongs to: the registration's
    case holds the entry; an extension is a follow-up case whose parent holds it."""
    case_ids = [certificate.case_id]
    if certificate.case.parent_id:
        case_ids.append(certificate.case.parent_id)
    return (
        RegisterEntry.objects.filter(register=REGISTER)
        .filter(Q(certificate_id=certificate.pk) | Q(case_id__in=case_ids))
        .only("status", "ended_on", "name")
        .order_by("-pk")
        .first()
    )


def certificate_status(certificate: Certificate, entry: RegisterEntry | None, on: dt.date) -> str:
    if certificate.revoked_on and certificate.revoked_on <= on:
        return REVOKED
    if (
        entry is not None
        and entry.status == RegisterEntry.STATUS_TERMINATED
        and (entry.ended_on is None or entry.ended_on <= on)
        and (entry.ended_on is None or entry.ended_on <= certificate.valid_until)
    ):
        return TERMINATED
    if certificate.valid_until < on:
        return EXPIRED
    if certificate.valid_from > on:
        return NOT_YET_VALID
    return VALID


def verify_certificate(raw: str | None, on: dt.date | None = None) -> VerificationResult:
    """Look a certificate up by the number a person typed; never raises for bad input."""
    number = normalise_number(raw)
    if not number:
        return VerificationResult(number="", status=EMPTY)
    if not is_well_formed(number):
        return VerificationResult(number=number, status=MALFORMED)
    certificate = (
        Certificate.objects.select_related("organisation", "case")
        .only(
            "number",
            "kind",
            "valid_from",
            "valid_until",
            "revoked_on",
            "case_id",
            "case__parent_id",
            "organisation__name",
            "organisation__bin",
        )
        .filter(number=number)
        .first()
    )
    if certificate is None:
        return VerificationResult(number=number, status=NOT_FOUND)
    entry = _participation_entry(certificate)
    return VerificationResult(
        number=certificate.number,
        status=certificate_status(certificate, entry, on or law_context.today()),
        holder=certificate.organisation.name,
        bin=certificate.organisation.bin or "",
        kind=certificate.kind,
        valid_from=certificate.valid_from,
        valid_until=certificate.valid_until,
    )
