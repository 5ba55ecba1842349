"""The targeted technology programme document (seed 000 chapter 5, p.34-40) as PDF and DOCX files:
the blocks of `document` laid out by the shared renderers of `techpolicy.documents`.

The footer names the programme, its status and version; a draft carries the draft mark across
every PDF page, so a printed draft is never mistaken for the approved programme (p.43).
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from techpolicy.documents.docx import blocks_docx
from techpolicy.documents.languages import check_language
from techpolicy.documents.pdf import blocks_pdf

from .document import programme_blocks, programme_title


def _meta(facts: dict, lang: str, status: str, version: int | None) -> dict[str, str]:
    facts = facts if isinstance(facts, dict) else {}
    with translation.override(lang):
        title = programme_title(facts)
        developer = facts.get("developer")
        author = developer.get("name") if isinstance(developer, dict) else None
        parts = [title, status] + ([_("version %(version)s") % {"version": version}] if version is not None else [])
        return {"title": title, "author": author if isinstance(author, str) else "",
                "footer": " · ".join(p for p in parts if p), "subject": _("Targeted technology programme")}


def programme_pdf(facts: dict, lang: str, *, status: str = "", version: int | None = None,
                  draft: bool = False) -> bytes:
    """The programme document in `lang` ("kk", "ru" or "en"; ValueError for another) as PDF bytes.
    `status` (in `lang`) and `version` go into the footer; `draft` marks every page."""
    check_language(lang)
    with translation.override(lang):
        watermark = _("DRAFT") if draft else ""
    return blocks_pdf(programme_blocks(facts, lang=lang, status=status, version=version), lang=lang,
                      watermark=watermark, **_meta(facts, lang, status, version))


def programme_docx(facts: dict, lang: str, *, status: str = "", version: int | None = None) -> bytes:
    """The programme document in `lang` ("kk", "ru" or "en"; ValueError for another) as DOCX bytes,
    for editing; `version` (at least 1) is the document's revision."""
    check_language(lang)
    return blocks_docx(programme_blocks(facts, lang=lang, status=status, version=version), lang=lang,
                       revision=version or 1, **_meta(facts, lang, status, version))
