"""The technologies of a road map against the list of key (priority) technologies in force
(000 p.13(1), X.link.forecast), read from the forecasting service's published function. A
technology not on the list is a warning, never a refusal (the reading R-C2 applies to road maps
as it does to targeted programmes)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from techpolicy.forecasting.studies import key_technologies


@dataclass(frozen=True)
class KeyList:
    """The list in force on a date: codes and their names."""

    on: dt.date
    names: dict[str, dict[str, str]]  # code -> {kk, ru, en}

    def __contains__(self, code: str) -> bool:
        return code.strip().casefold() in self._codes

    @property
    def _codes(self) -> set[str]:
        return {code.casefold() for code in self.names}

    def name(self, code: str, lang: str) -> str:
        for known, names in self.names.items():
            if known.casefold() == code.strip().casefold():
                return names.get(lang) or names.get("en") or ""
        return ""

    def choices(self, lang: str) -> list[tuple[str, str]]:
        return [(code, names.get(lang) or names.get("en") or code) for code, names in sorted(self.names.items())]


def in_force(on: dt.date) -> KeyList:
    """The key technologies in force on `on` (empty before the first list is approved)."""
    rows = key_technologies.in_force(on)
    return KeyList(on, {row["code"]: {"kk": row["name_kk"], "ru": row["name_ru"], "en": row["name_en"]}
                        for row in rows})
