"""The text a register searches. Each entry (and each past state of it) keeps its name, identifiers
and searchable columns folded to one case and spacing (`search_text`), and the same text cut into
words (`search_words`: the runs of Unicode letters and digits, joined by single spaces).

What a search matches: every word of the search must be the beginning of a word of the entry,
in any order; a word typed in full matches that word, "көкж" matches "Көкжиек", "1234" matches a
BIN that begins with it. Punctuation is not searched (a search of "%" alone finds nothing), and
a part from the middle of a word is not a match. Folding and cutting into words happen here, in
Python, for both the entries and the search, so the answers are the same on both databases
(SQLite by itself folds the case of ASCII letters only). Each database serves the match from a
text index, made by the migrations:
- SQLite: an FTS5 table with the `unicode61` tokenizer over `search_words`, kept in step by
  triggers; the search is a prefix query of each word (`"word"*`);
- PostgreSQL: a `pg_trgm` GIN index on `search_words`; the search is, for each word, "the text
  begins with it, or contains it after a space", which the trigram index serves.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from .declaration import Register

MAX_QUERY = 100  # longer search words are cut to this (a name is at most 300 characters)
MAX_WORDS = 8  # the words of a search that are matched; further ones are ignored
# The SQLite text index of a table is the table `<table>_fts` (see the migration that creates it).
FTS_SUFFIX = "_fts"


def fold(text: str) -> str:
    """`"  ӘДЕМІ   Ғылым "` -> `"әдемі ғылым"`: compatibility forms unified, case folded, spaces
    collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _is_word_character(character: str) -> bool:
    # The token characters of FTS5's unicode61 tokenizer by default: letters, digits, private use.
    category = unicodedata.category(character)
    return category[0] in "LN" or category == "Co"


def words(text: str) -> list[str]:
    """`"«Әдемі-Ғылым» 100% ЖШС"` -> `["әдемі", "ғылым", "100", "жшс"]`: the folded text cut at
    every character that is not a letter or a digit."""
    folded = fold(text)
    return "".join(c if _is_word_character(c) else " " for c in folded).split()


def _values(value: Any) -> Iterable[str]:
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
            parts.extend(_values(data.get(column.key)))
    return fold(" ".join(p for p in parts if p))


def search_words(text: str) -> str:
    """The words of a folded search text as the text index reads them (`search_words`)."""
    return " ".join(words(text))


def query_text(raw: str | None) -> str:
    """A search as typed, folded and cut to MAX_QUERY characters."""
    return fold((raw or "")[: MAX_QUERY * 4])[:MAX_QUERY].strip()


def query_words(q: str) -> list[str]:
    """The words of a search that are matched: distinct, in order, at most MAX_WORDS."""
    return list(dict.fromkeys(words(q)))[:MAX_WORDS]


def _fts_query(found: list[str]) -> str:
    # Each word as a quoted FTS5 string (quotes doubled), a prefix query, all of them required.
    return " AND ".join('"' + w.replace('"', '""') + '"*' for w in found)


def matches(q: str, model=None) -> Q:
    """Entries (or, with `model=RegisterEvent`, their past states) matching the search `q`: each of
    its words begins a word of theirs. A search without a letter or a digit matches nothing."""
    from ..models import RegisterEntry

    model = model or RegisterEntry
    found = query_words(q)
    if not found:
        return Q(pk__in=[])
    if connection.vendor == "sqlite":
        table = connection.ops.quote_name(model._meta.db_table + FTS_SUFFIX)
        rows = RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [_fts_query(found)])
        return Q(pk__in=rows)
    condition = Q()
    for word in found:
        condition &= Q(search_words__startswith=word) | Q(search_words__contains=" " + word)
    return condition


def matching_entries(q: str):
    """The ids of the entries matching `q`, for a model that refers to its register entry (a
    platform's `entry`): `Platform.objects.filter(entry__in=matching_entries(q))`, so that every
    register is searched the same way and through its text index."""
    from ..models import RegisterEntry

    return RegisterEntry.objects.filter(matches(q)).values("pk")
