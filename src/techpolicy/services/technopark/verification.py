"""Public verification of technopark certificates (paragraphs 18 and 36): the generic lookup of
`casework.registers.certificates` over the technopark's two kinds, used by its page and its API."""

from __future__ import annotations

import datetime as dt

from django.utils.functional import lazy

from techpolicy.casework.registers import certificates
from techpolicy.casework.registers.certificates import (
    EMPTY,
    EXPIRED,
    MALFORMED,
    NOT_FOUND,
    NOT_YET_VALID,
    REVOKED,
    TERMINATED,
    VALID,
    VerificationResult,
    normalise_number,
)

from .service import EXTENSION, REGISTRATION

KINDS = (REGISTRATION, EXTENSION)
VERIFY_URL = "technopark:verify"
# What a certificate number looks like, in the language of whoever reads it.
MALFORMED_HELP = lazy(lambda: certificates.malformed_help(KINDS), str)()

__all__ = ["EMPTY", "EXPIRED", "KINDS", "MALFORMED", "MALFORMED_HELP", "NOT_FOUND", "NOT_YET_VALID", "REVOKED",
           "TERMINATED", "VALID", "VERIFY_URL", "VerificationResult", "normalise_number", "verify_certificate"]


def verify_certificate(raw: str | None, on: dt.date | None = None) -> VerificationResult:
    """Look a technopark certificate up by the number a person typed; never raises for bad input."""
    return certificates.verify_certificate(raw, KINDS, on)
