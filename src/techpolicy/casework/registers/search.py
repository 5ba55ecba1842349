"""The text a register searches: each entry keeps its name, identifiers and searchable columns in one
column folded to one case and spacing (`search_text`), so a search is a substring match on it.

Folding in Python, not in the database, is what makes the search the same on both databases:
SQLite folds the case of ASCII letters only (Kazakh "Ә" and "ә" would differ there), PostgreSQL
folds all. The substring match is served by a trigram index on PostgreSQL (pg_trgm GIN, made by
the migration); on SQLite it reads the one folded column.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from django.db.models import Q

from .declaration import Register

MAX_QUERY = 100  # longer search words are cut to this (a name is at most 300 characters)


def fold(text: str) -> str:
    """`"  ӘДЕМІ   Ғылым "` -> `"әдемі ғылым"`: compatibility forms unified, case folded, spaces
    collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _words(value: Any) -> Iterable[str]:
    if value is None:
        return ()
    if isinstance(value, list | tuple):
        return (str(v) for v in value)
    return (str(value),)


def search_text(register: Register, name: str, bin: str, data: Mapping[str, Any]) -> str:
    """What an entry is found by: its name, BIN and the register's searchable data columns."""
    parts = [name, bin]
    for column in register.columns:
        if column.searchable and column.in_data:
            parts.extend(_words(data.get(column.key)))
    return fold(" ".join(p for p in parts if p))


def query_text(raw: str | None) -> str:
    """A search as typed, folded and cut to MAX_QUERY characters."""
    return fold((raw or "")[: MAX_QUERY * 4])[:MAX_QUERY].strip()


def matches(q: str) -> Q:
    """Entries (or their past states) whose text contains the folded search `q`."""
    return Q(search_text__contains=fold(q))
