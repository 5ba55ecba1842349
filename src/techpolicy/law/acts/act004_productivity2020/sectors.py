"""The priority sectors of the "Productivity 2020" programme (act 004, Annex) by OKED code.

OKED ("Экономикалық қызметтің жалпы жіктеуіші", ОКЭД) is hierarchical: division "62", group
"62.0", class "62.01", subclass "62.01.1". A code is in a priority sector when it equals a code of
the Annex or lies under it: "62.01" is under "62"; "09.10" is under "09.1" and under "09". Codes are
compared by their place in that hierarchy, never by string prefix alone, so "62.01" is not under
"6" (which is not a code) and "10.1" is not under "11.07".
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources

import polars as pl
import yaml

from ...citation import Citation
from ...rules import Messages
from .facts import OKED_PATTERN

_OKED = re.compile(OKED_PATTERN)


def oked_ancestors(code: str) -> tuple[str, ...]:
    """The code and every level above it, broadest first: "62.01.1" -> ("62", "62.0", "62.01",
    "62.01.1"). Raises ValueError for a string that is not an OKED code ("091", "6")."""
    if not _OKED.match(code):
        raise ValueError(f"{code!r} is not an OKED code (e.g. 62, 09.1, 62.01, 62.01.1)")
    levels = [code[:2]]
    if len(code) >= 4:
        levels.append(code[:4])  # group "62.0"
    if len(code) >= 5:
        levels.append(code[:5])  # class "62.01"
    if len(code) == 7:
        levels.append(code)  # subclass "62.01.1"
    return tuple(levels)


def is_under(code: str, listed: str) -> bool:
    """`code` equals `listed` or lies under it in the OKED hierarchy (both must be OKED codes)."""
    oked_ancestors(listed)
    return listed in oked_ancestors(code)


@dataclass(frozen=True)
class SectorCode:
    code: str
    name: Messages
    sector_id: str
    sector_name: Messages

    def as_dict(self, lang: str | None = None) -> dict:
        def pick(messages: Messages):
            return messages.get(lang, "") if lang else dict(messages)

        return {
            "code": self.code,
            "name": pick(self.name),
            "sector": self.sector_id,
            "sector_name": pick(self.sector_name),
        }


@dataclass(frozen=True)
class PrioritySectors:
    """The Annex: listed codes (code -> entry), its source and citation."""

    codes: Mapping[str, SectorCode]
    source: str
    citation: Citation

    def match(self, code: str) -> SectorCode | None:
        """The most specific listed code `code` lies under, or None."""
        for level in reversed(oked_ancestors(code)):
            if level in self.codes:
                return self.codes[level]
        return None

    def is_priority(self, code: str) -> bool:
        return self.match(code) is not None

    def matches(self, codes: Iterable[str]) -> dict[str, SectorCode | None]:
        return {code: self.match(code) for code in codes}

    def contains(self, code: pl.Expr) -> pl.Expr:
        """`is_priority` over a column of OKED codes: a level of the code (`oked_ancestors`: the
        first 2, 4, 5 or all 7 characters) is listed. Each level is compared with the listed codes of
        its length: the first n characters of a shorter code are the whole code, which no listed code
        of n characters equals, so no test of the code's length is needed."""
        by_length: dict[int, list[str]] = {}
        for listed in sorted(self.codes):
            by_length.setdefault(len(listed), []).append(listed)
        levels = [code.str.slice(0, n).is_in(listed) for n, listed in sorted(by_length.items())]
        return functools.reduce(operator.or_, levels) if levels else code.is_in([])


def load_sectors(data: Mapping) -> PrioritySectors:
    """Build the list from data shaped like `productivity2020_priority_sectors.yaml`."""
    codes: dict[str, SectorCode] = {}
    for sector in data["sectors"]:
        for entry in sector["codes"]:
            code = str(entry["code"])
            oked_ancestors(code)  # refuse a malformed code in the list itself
            if code in codes:
                raise ValueError(f"OKED code {code} is listed twice")
            codes[code] = SectorCode(code, dict(entry["name"]), sector["id"], dict(sector["name"]))
    return PrioritySectors(codes, data.get("source", ""), Citation.parse(data["citation"]))


@functools.cache
def priority_sectors() -> PrioritySectors:
    """The Annex as shipped with the package."""
    path = resources.files("techpolicy.legal").joinpath("productivity2020_priority_sectors.yaml")
    return load_sectors(yaml.safe_load(path.read_text("utf-8")))
