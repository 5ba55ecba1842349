"""Reading the sectors and technology directions the authorized body maintains (`models.Sector`,
`models.Direction`): their names in a language, and choices for forms. The seed names no sectors,
so an unknown code is shown as it is rather than refused here."""

from __future__ import annotations

from django.utils.translation import get_language

from .models import Direction, Sector

LANGS = ("kk", "ru", "en")


def _lang(lang: str | None) -> str:
    lang = (lang or get_language() or "kk")[:2]
    return lang if lang in LANGS else "kk"


def _names(model, lang: str | None) -> dict[str, str]:
    return dict(model.objects.order_by("code").values_list("code", f"name_{_lang(lang)}"))


def _label(model, code: str, lang: str | None) -> str:
    item = model.objects.filter(code=code).first()
    return item.name(_lang(lang)) if item else code


def sector_names(lang: str | None = None) -> dict[str, str]:
    """Every sector's name in `lang`, by code."""
    return _names(Sector, lang)


def direction_names(lang: str | None = None) -> dict[str, str]:
    """Every technology direction's name in `lang`, by code."""
    return _names(Direction, lang)


def sector_label(code: str, lang: str | None = None) -> str:
    """The sector's name in `lang` (the code itself for a code not in the list)."""
    return _label(Sector, code, lang)


def direction_label(code: str, lang: str | None = None) -> str:
    """The technology direction's name in `lang` (the code itself for a code not in the list)."""
    return _label(Direction, code, lang)


def text_kk(model, code: str) -> str:
    """"name (code)" in Kazakh, unique by the code: how the law layer's facts name a sector or a
    direction (it compares them as text)."""
    item = model.objects.filter(code=code).first()
    return f"{item.name_kk} ({code})" if item else str(code)


def direction_choices(lang: str | None = None) -> list[tuple[str, str]]:
    """(code, "sector — direction") of every direction, for a select."""
    lang = _lang(lang)
    return [(d.code, f"{d.sector.name(lang)} — {d.name(lang)}")
            for d in Direction.objects.select_related("sector").order_by("sector__code", "code")]
