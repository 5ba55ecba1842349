"""The priority directions of science approved by the Higher Scientific and Technical Commission
(ЖҒТК, HSTC), as dated reference lists: criterion 3 of science-city status reads "priority
scientific directions" as the HSTC list in force on the date (reading R-E2).

The seed holds the list for 2025-2027 (l.417-431); it is shipped as the default. A caller passes
the lists it keeps as `references={"hstc_priorities": {code: {"name": ..., "from": "YYYY-MM-DD",
"until": "YYYY-MM-DD"}}}` ("until" inclusive; an entry without dates is taken as in force on every
date, the caller's list being the one in force). The lists are bounded and their dates checked:
a malformed list is invalid input naming the entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import polars as pl

from ...facts import InvalidFacts
from ...rules import Messages

HSTC_PRIORITIES = "hstc_priorities"  # the reference list criterion 3 reads
MAX_ENTRIES = 500
LIST_2025_2027 = (dt.date(2025, 1, 1), dt.date(2027, 12, 31))

_SEED: dict[str, Messages] = {
    "ecology": {
        "kk": "экология, қоршаған орта және табиғатты ұтымды пайдалану",
        "ru": "экология, окружающая среда и рациональное природопользование",
        "en": "ecology, environment and rational use of natural resources",
    },
    "energy_materials_transport": {
        "kk": "энергия, озық материалдар және көлік",
        "ru": "энергия, передовые материалы и транспорт",
        "en": "energy, advanced materials and transport",
    },
    "manufacturing_digital_space": {
        "kk": "озық өндіріс, цифрлық және ғарыштық технологиялар",
        "ru": "передовое производство, цифровые и космические технологии",
        "en": "advanced manufacturing, digital and space technologies",
    },
    "intellectual_potential": {
        "kk": "елдің зияткерлік әлеуеті",
        "ru": "интеллектуальный потенциал страны",
        "en": "the country's intellectual potential",
    },
    "life_and_health": {
        "kk": "өмір және денсаулық туралы ғылым",
        "ru": "науки о жизни и здоровье",
        "en": "life and health sciences",
    },
    "agro_industrial": {
        "kk": "агроөнеркәсіптік кешенді тұрақты дамыту",
        "ru": "устойчивое развитие агропромышленного комплекса",
        "en": "sustainable development of the agro-industrial complex",
    },
    "security_defence": {
        "kk": "ұлттық қауіпсіздік және қорғаныс, биологиялық қауіпсіздік",
        "ru": "национальная безопасность и оборона, биологическая безопасность",
        "en": "national security and defence, biological safety",
    },
}


def seed_list() -> dict[str, dict[str, Any]]:
    """The HSTC priorities for 2025-2027 as the seed gives them (l.419-431, in the list's order)."""
    start, until = LIST_2025_2027
    return {code: {"name": dict(name), "from": start.isoformat(), "until": until.isoformat(),
                   "source": "002 s.2, l.417-431"} for code, name in _SEED.items()}


def _date(value: Any, field: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InvalidFacts([{"field": field, "message": "expected a date YYYY-MM-DD"}]) from None


def periods(listed: Mapping[str, Any] | list | tuple) -> dict[tuple[dt.date | None, dt.date | None], list[str]]:
    """The codes of `listed` by the period they are in force ((from, until), inclusive; None open).
    A plain list of codes is a list without dates."""
    if isinstance(listed, list | tuple):
        listed = dict.fromkeys(map(str, listed), {})
    if not isinstance(listed, Mapping):
        raise InvalidFacts([{"field": f"references.{HSTC_PRIORITIES}", "message": "expected {code: entry}"}])
    if len(listed) > MAX_ENTRIES:
        raise InvalidFacts([{"field": f"references.{HSTC_PRIORITIES}",
                             "message": f"at most {MAX_ENTRIES} priority directions"}])
    found: dict[tuple[dt.date | None, dt.date | None], list[str]] = {}
    for code, entry in listed.items():
        entry = entry if isinstance(entry, Mapping) else {}
        where = f"references.{HSTC_PRIORITIES}.{str(code)[:50]}"
        span = (_date(entry.get("from"), f"{where}.from"), _date(entry.get("until"), f"{where}.until"))
        found.setdefault(span, []).append(str(code))
    return found


def in_force_on(listed: Mapping[str, Any], on: dt.date) -> list[str]:
    """The codes of `listed` in force on `on`."""
    return [code for (start, until), codes in periods(listed).items()
            if (start is None or start <= on) and (until is None or on <= until) for code in codes]


def listed_expr(on: pl.Expr, listed: Mapping[str, Any], holds: Any) -> pl.Expr:
    """Whether `holds(codes)` (an expression over the facts) is true for the codes in force on each
    row's date `on`: one term per period of the lists, so each row reads the list of its own date."""
    terms = []
    for (start, until), codes in periods(listed).items():
        when = pl.lit(True)
        if start is not None:
            when = when & (on >= pl.lit(start))
        if until is not None:
            when = when & (on <= pl.lit(until))
        terms.append(when & holds(codes))
    return pl.any_horizontal(terms) if terms else pl.lit(False)


def label(listed: Mapping[str, Any] | list | tuple, code: str, lang: str) -> str:
    """The name of `code` in `lang` as the list gives it (a text or a {lang: text} mapping)."""
    entry = listed.get(code) if isinstance(listed, Mapping) else None
    name = entry.get("name") if isinstance(entry, Mapping) else None
    if isinstance(name, Mapping):
        return str(name.get(lang) or name.get("en") or code)
    return str(name) if name else code
