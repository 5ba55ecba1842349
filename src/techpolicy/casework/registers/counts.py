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
from django.db import connection
from django.db.models import QuerySet

from ..models import RegisterEvent
from .declaration import Register

TIMEOUT = 600  # seconds a count is kept: a bound on the cache's size, not on its correctness
PREFIX = "registers:count"


def _newest_sql() -> str:
    """The SQL of `last_change`, made once per database: it runs on every request of a list, and
    building it through the ORM cost more than the database's work."""
    quote, meta = connection.ops.quote_name, RegisterEvent._meta
    pk, recorded, register = (quote(meta.get_field(name).column) for name in ("id", "recorded_at", "register"))
    return (f"SELECT {pk}, {recorded} FROM {quote(meta.db_table)} "  # noqa: S608 (names from the model, value bound)
            f"WHERE {register} = %s ORDER BY {pk} DESC LIMIT 1")


_NEWEST: dict[str, str] = {}


def last_change(register: Register | str) -> str:
    """The register's newest history event, as text (empty for a register without entries): its
    id and its write time as the database gives it (the same text for the same event)."""
    key = register.key if isinstance(register, Register) else register
    sql = _NEWEST.get(connection.vendor)
    if sql is None:
        sql = _NEWEST[connection.vendor] = _newest_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, [key])
        newest = cursor.fetchone()
    if newest is None:
        return ""
    pk, recorded = newest  # a datetime, or on SQLite its text: either way no spaces, as cache keys want
    return f"{pk}@{recorded.isoformat() if hasattr(recorded, 'isoformat') else str(recorded).replace(' ', 'T')}"


def identity(rows: QuerySet) -> str | None:
    """What a list is, for the keys of its answers: a digest of its SQL and parameters (None for a
    filter that matches nothing, such as a search without words, which makes no query at all)."""
    try:
        sql, params = rows.query.sql_with_params()
    except EmptyResultSet:
        return None
    return hashlib.sha256(repr((sql, params)).encode()).hexdigest()[:32]


def _cached(register: Register | str, kind: str, digest: str | None, compute: Callable[[], Any], empty: Any,
            changed: str | None) -> Any:
    if digest is None:
        return empty
    key = register.key if isinstance(register, Register) else register
    cache_key = f"{PREFIX}{kind}:{key}:{last_change(key) if changed is None else changed}:{digest}"
    found = cache.get(cache_key)
    if found is None:
        found = compute()
        cache.set(cache_key, found, TIMEOUT)
    return found


def count(register: Register | str, rows: QuerySet, digest: str | None = "", *, changed: str | None = None) -> int:
    """The number of `rows` (a filtered list of the register), from the cache when the register has
    not changed since it was counted. `digest`: the list's `identity`, when the caller has it;
    `changed`: the register's `last_change`, when the caller has read it for this answer."""
    return _cached(register, "", identity(rows) if digest == "" else digest, rows.count, 0, changed)


def page(register: Register | str, rows: QuerySet, digest: str | None = "", *,
         changed: str | None = None) -> list[dict[str, Any]]:
    """The rows of `rows`, a page of the register's list (a sliced queryset of values), from the
    cache when the register has not changed since they were read. `digest`: the page's identity,
    when the caller has it (the list's `identity` and where the page is in it); `changed`: as for
    `count`."""
    return _cached(register, ":rows", identity(rows) if digest == "" else digest, lambda: list(rows), [], changed)
