"""How many rows a register's list has, and the rows of one of its pages, without reading the
table on every request.

A count, or a page's rows, is kept in the cache (Django's `cache`) under the register's last change
(the id and the write time of its newest history event: every entry, change and removal writes one),
the SQL of the filtered list or page (which holds its filters, its status date, its as-of date, its
cursor or offset and its size) and nothing else. So an answer is exact: any change of the register,
and the next day (statuses change with the date), leads to a new key and a fresh answer; only
repeated requests of the same list between two changes read it from the cache. Reading the last
change is one step down an index (register, id). A page is worth keeping: a search for a common
word can make the database read thousands of entries to order them by name.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db.models import QuerySet

from ..models import RegisterEvent
from .declaration import Register

TIMEOUT = 600  # seconds a count is kept: a bound on the cache's size, not on its correctness
PREFIX = "registers:count"


def last_change(register: Register | str) -> str:
    """The register's newest history event, as text (empty for a register without entries)."""
    key = register.key if isinstance(register, Register) else register
    newest = (RegisterEvent.objects.filter(register=key).order_by("-pk").values_list("pk", "recorded_at").first())
    return "" if newest is None else f"{newest[0]}@{newest[1].isoformat()}"


def identity(rows: QuerySet) -> str | None:
    """What a list is, for the keys of its answers: a digest of its SQL and parameters (None for a
    filter that matches nothing, such as a search without words, which makes no query at all)."""
    try:
        sql, params = rows.query.sql_with_params()
    except EmptyResultSet:
        return None
    return hashlib.sha256(repr((sql, params)).encode()).hexdigest()[:32]


def _cached(register: Register | str, kind: str, digest: str | None, compute: Callable[[], Any], empty: Any) -> Any:
    if digest is None:
        return empty
    key = register.key if isinstance(register, Register) else register
    cache_key = f"{PREFIX}{kind}:{key}:{last_change(key)}:{digest}"
    found = cache.get(cache_key)
    if found is None:
        found = compute()
        cache.set(cache_key, found, TIMEOUT)
    return found


def count(register: Register | str, rows: QuerySet, digest: str | None = "") -> int:
    """The number of `rows` (a filtered list of the register), from the cache when the register has
    not changed since it was counted. `digest`: the list's `identity`, when the caller has it."""
    return _cached(register, "", identity(rows) if digest == "" else digest, rows.count, 0)


def page(register: Register | str, rows: QuerySet, digest: str | None = "") -> list[dict[str, Any]]:
    """The rows of `rows`, a page of the register's list (a sliced queryset of values), from the
    cache when the register has not changed since they were read. `digest`: the page's identity,
    when the caller has it (the list's `identity` and where the page is in it)."""
    return _cached(register, ":rows", identity(rows) if digest == "" else digest, lambda: list(rows), [])
