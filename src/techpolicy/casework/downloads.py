"""The name and type a stored document is served under (issue 8, finding 12).

The client's file name is never echoed back: a PDF uploaded as `invoice.html` or `photo.exe` would
otherwise reach the next reader under an extension their system opens with another program. The
name is built from what the system knows: the case number, the document kind and the type sniffed
from the file's first bytes at upload (`casework.uploads.sniff`). The original name stays in the
record and is shown, escaped, on the case page as information only.
"""

from __future__ import annotations

import re

# The extension of each type `uploads.sniff` accepts; anything else is served as opaque bytes.
EXTENSIONS = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg"}
OPAQUE = ("application/octet-stream", "bin")
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
MAX_PART = 60  # a kind is at most 60 characters (Document.kind); a case number far less


def _part(text: str, fallback: str) -> str:
    """ASCII letters, digits, '-' and '_' only: safe in a header and on every file system."""
    cleaned = _UNSAFE.sub("-", text or "").strip("-")[:MAX_PART]
    return cleaned or fallback


def download_headers(document) -> tuple[str, str]:
    """(file name, content type) to serve `document` as an attachment, e.g. ("AH-2026-00042-business_plan.pdf",
    "application/pdf")."""
    if document.content_type in EXTENSIONS:
        content_type, extension = document.content_type, EXTENSIONS[document.content_type]
    else:
        content_type, extension = OPAQUE
    # Versions after the first say so, so two downloaded versions of one kind never overwrite each other.
    version = getattr(document, "version", 1) or 1
    suffix = f"-v{version}" if version > 1 else ""
    name = f"{_part(document.case.number, 'case')}-{_part(document.kind, 'document')}{suffix}.{extension}"
    return name, content_type
