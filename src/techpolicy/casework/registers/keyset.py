"""Keyset (cursor) pagination of a register's list: the page after, or before, a given row.

A list is ordered by name and then by the entry's id, which together are unique, so the row a page
ends with is a position in the list: the next page is "the first N rows after (name, id)", read
straight from the index (register, name, id) of the entries or of their history, however deep the
page is; an offset would make the database step over every earlier row. A cursor is that position
as an opaque URL-safe token (`after=` / `before=`); a token that cannot be read is ignored and the
list starts at its first page, as an unknown page number does.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

MAX_CURSOR = 1_000  # characters of a token: a name is at most 300 characters, quoted and encoded
AFTER, BEFORE = "after", "before"


def encode(name: str, pk: int) -> str:
    raw = json.dumps([name, pk], ensure_ascii=False, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(token: str | None) -> tuple[str, int] | None:
    """The (name, id) of a token, or None for a missing or unreadable one."""
    if not token or len(token) > MAX_CURSOR:
        return None
    try:
        value = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (binascii.Error, ValueError):
        return None
    if (not isinstance(value, list) or len(value) != 2 or not isinstance(value[0], str)
            or not isinstance(value[1], int) or isinstance(value[1], bool) or not 0 < value[1] < 2**63):
        return None
    return value[0], value[1]


@dataclass
class KeysetPage:
    """One page of rows and the cursors of its neighbours (None where there is none)."""

    rows: list[dict[str, Any]]
    next: str | None
    previous: str | None


def _position(row: dict[str, Any]) -> str:
    return encode(row["name"], row["entry_id"])


def page(rows: QuerySet, key: str, size: int, *, after: str | None = None, before: str | None = None,
         offset: int = 0, fetch: Callable[[QuerySet, tuple], list] | None = None) -> KeysetPage:
    """The page of `rows` (values ordered by name and `key`, the entry's id: "pk" or "entry_id")
    after the cursor `after`, before the cursor `before`, or, with neither, at `offset`. `fetch`
    reads a sliced queryset, told where the slice is (`Listing.fetch` reads it through the cache)."""
    fetch = fetch or (lambda sliced, where: list(sliced))
    start = decode(after)
    end = decode(before) if start is None else None
    if start is not None:
        name, pk = start
        found = fetch(rows.filter(Q(name__gt=name) | Q(name=name, **{f"{key}__gt": pk}))[: size + 1],
                      (AFTER, name, pk, size))
        more_after, more_before = len(found) > size, True
        found = found[:size]
    elif end is not None:
        name, pk = end
        backwards = rows.filter(Q(name__lt=name) | Q(name=name, **{f"{key}__lt": pk})).order_by("-name", f"-{key}")
        found = fetch(backwards[: size + 1], (BEFORE, name, pk, size))
        more_after, more_before = True, len(found) > size
        found = found[:size][::-1]
    else:
        found = fetch(rows[offset: offset + size + 1], ("offset", offset, size))
        more_after, more_before = len(found) > size, offset > 0
        found = found[:size]
    if not found:  # past either end: the way back is the first page
        return KeysetPage([], None, None)
    return KeysetPage(found, _position(found[-1]) if more_after else None,
                      _position(found[0]) if more_before else None)
