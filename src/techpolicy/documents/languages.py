"""The languages a printed document is written in, and the few words the page furniture needs.

No Django here (the renderers are pure), so the page label is kept in kk, ru and en beside the code.
"""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("kk", "ru", "en")
LANGUAGE_TAGS = {"kk": "kk-KZ", "ru": "ru-RU", "en": "en-GB"}
_PAGE = {"kk": "{page}-бет", "ru": "Стр. {page}", "en": "Page {page}"}


def check_language(lang: str) -> str:
    """`lang` if a document can be written in it, else ValueError."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown document language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    return lang


def page_label(lang: str) -> str:
    """The footer's page label in `lang` with a `{page}` placeholder, e.g. "{page}-бет"."""
    return _PAGE[check_language(lang)]
