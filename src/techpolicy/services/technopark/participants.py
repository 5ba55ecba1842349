"""The published list of technopark participants (paragraphs 20-21; "қатысушылар тізімі"):
the filters shared by the web page, its CSV/JSON export and the API.

The list must stay fast with a hundred thousand entries: rows are read as plain values (only
the published columns; the certificate number by a correlated subquery, which `count()` drops,
so counting reads the register table alone), filters use indexed columns where they can.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import connection
from django.db.models import OuterRef, Q, QuerySet, Subquery

from techpolicy.casework import law_context
from techpolicy.casework.models import Certificate, RegisterEntry

from .steps import REGISTER

ACTIVE, EXPIRED, TERMINATED, ALL = (
    RegisterEntry.STATUS_ACTIVE,
    RegisterEntry.STATUS_EXPIRED,
    RegisterEntry.STATUS_TERMINATED,
    "all",
)
STATUSES = (ACTIVE, EXPIRED, TERMINATED, ALL)
MAX_QUERY = 100

# What is published, and nothing more (paragraph 21).
COLUMNS = (
    "pk",
    "name",
    "bin",
    "activity_types",
    "valid_from",
    "valid_until",
    "status",
)


@dataclass(frozen=True)
class ParticipantFilter:
    q: str = ""
    status: str = ACTIVE
    activity_type: str = ""

    @classmethod
    def from_params(cls, params: Mapping[str, str | None]) -> ParticipantFilter:
        """Tolerant reading of query parameters: unknown values fall back to the defaults."""
        status = (params.get("status") or ACTIVE).strip().lower()
        return cls(
            q=" ".join((params.get("q") or "").split())[:MAX_QUERY],
            status=status if status in STATUSES else ACTIVE,
            activity_type=(params.get("activity_type") or "").strip()[:40],
        )


def _name_contains(q: str) -> Q:
    """Case-insensitive search in names. SQLite folds case for ASCII letters only, so there a
    Kazakh or Russian word is also tried in the usual capitalisations (PostgreSQL folds all)."""
    if connection.vendor != "sqlite" or q.isascii():
        return Q(name__icontains=q)
    condition = Q()
    for variant in dict.fromkeys((q, q.lower(), q.upper(), q.capitalize(), q.title())):
        condition |= Q(name__icontains=variant)
    return condition


def _status_filter(status: str, on: dt.date) -> Q:
    # An active entry whose period ended is shown as expired even before a clerk marks it so.
    if status == ACTIVE:
        return Q(status=ACTIVE, valid_until__gte=on)
    if status == EXPIRED:
        return Q(status=EXPIRED) | Q(status=ACTIVE, valid_until__lt=on)
    if status == TERMINATED:
        return Q(status=TERMINATED)
    return Q()


def _activity_filter(code: str) -> Q:
    if connection.features.supports_json_field_contains:
        return Q(activity_types__contains=[code])
    # SQLite keeps the list as JSON text: match the code with its quotes, as json.dumps writes
    # it, so that "S-0" does not match "S-01".
    return Q(activity_types__icontains=json.dumps(code))


def participants(filters: ParticipantFilter, on: dt.date | None = None) -> QuerySet:
    """Published rows matching the filters, ordered by name, as dicts of COLUMNS."""
    on = on or law_context.today()
    rows = RegisterEntry.objects.filter(register=REGISTER).filter(_status_filter(filters.status, on))
    if filters.q:
        search = _name_contains(filters.q)
        if filters.q.isdigit():
            search |= Q(bin__startswith=filters.q)
        rows = rows.filter(search)
    if filters.activity_type:
        rows = rows.filter(_activity_filter(filters.activity_type))
    number = Certificate.objects.filter(pk=OuterRef("certificate_id")).values("number")[:1]
    return rows.order_by("name", "pk").values(*COLUMNS, certificate_number=Subquery(number))


def effective_status(row: Mapping, on: dt.date) -> str:
    if row["status"] == ACTIVE and row["valid_until"] < on:
        return EXPIRED
    return row["status"]


def published(row: Mapping, on: dt.date) -> dict:
    """A row as the register publishes it (export and API)."""
    return {
        "name": row["name"],
        "bin": row["bin"],
        "activity_types": list(row["activity_types"] or []),
        "valid_from": row["valid_from"],
        "valid_until": row["valid_until"],
        "status": effective_status(row, on),
        "certificate_number": row["certificate_number"] or "",
    }


def json_default(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def to_json(row: Mapping) -> str:
    return json.dumps(row, ensure_ascii=False, default=json_default)
