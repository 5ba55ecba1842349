"""How many rows a register's list has, without counting the whole table on every request.

A count is kept in the cache (Django's `cache`) under the register's last change (the id and the
write time of its newest history event: every entry, change and removal writes one), the SQL of the
filtered list (which holds its filters, its status date and its as-of date) and nothing else. So a
count is exact: any change of the register, and the next day (statuses change with the date), leads
to a new key and a fresh count; only repeated requests of the same list between two changes read
it from the cache. Reading the last change is one step down an index (register, id).
"""

from __future__ import annotations

import hashlib

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


def count(register: Register | str, rows: QuerySet) -> int:
    """The number of `rows` (a filtered list of the register), from the cache when the register has
    not changed since it was counted."""
    key = register.key if isinstance(register, Register) else register
    try:
        sql, params = rows.query.sql_with_params()
    except EmptyResultSet:  # a filter that matches nothing (a search without words): no query at all
        return 0
    digest = hashlib.sha256(repr((sql, params)).encode()).hexdigest()[:32]
    cache_key = f"{PREFIX}:{key}:{last_change(key)}:{digest}"
    found = cache.get(cache_key)
    if found is None:
        found = rows.count()
        cache.set(cache_key, found, TIMEOUT)
    return found
