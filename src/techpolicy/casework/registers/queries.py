"""The published list of a register, as the page, the export and the API read it: the filters
(django-filter, built from the register's columns), the as-of date, and rows as plain values.

Rows are read as values of the published columns only (the certificate by correlated subqueries,
which `count()` drops, so counting reads the register table alone); the current list filters the
entries, the as-of list the history (`history.as_of`), with the same filters, since both hold the
same published fields. Reading of the query string is tolerant: an unknown status, a page size
out of range or an over-long search fall back to the defaults or are cut; only a malformed or
future as-of date is reported, because answering with today's list would mislead.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import django_filters
from django import forms
from django.db import connection
from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from .. import law_context
from ..models import Certificate, RegisterEntry
from . import counts
from .declaration import CONTAINS, Column, Register
from .history import as_of as history_as_of
from .history import effective_status
from .search import MAX_QUERY, matches, query_text

ACTIVE, EXPIRED, TERMINATED, ALL = (RegisterEntry.STATUS_ACTIVE, RegisterEntry.STATUS_EXPIRED,
                                    RegisterEntry.STATUS_TERMINATED, "all")
STATUSES = (ACTIVE, EXPIRED, TERMINATED, ALL)
PAGE_SIZES = (25, 50, 100)
MAX_FILTER = 40  # a code or a value of a filter
FIELDS = ("name", "bin", "data", "valid_from", "valid_until", "status")


class SearchField(forms.CharField):
    """The search words, folded and cut to MAX_QUERY characters instead of refused."""

    def to_python(self, value):
        return query_text(super().to_python(value))


class BoundedField(forms.CharField):
    def to_python(self, value):
        return super().to_python(value).strip()[:MAX_FILTER]


class SearchFilter(django_filters.CharFilter):
    field_class = SearchField


class ValueFilter(django_filters.CharFilter):
    field_class = BoundedField


def _status(status: str, on: dt.date) -> Q:
    current = Q(valid_until__isnull=True) | Q(valid_until__gte=on)
    if status == EXPIRED:
        return Q(status=EXPIRED) | (Q(status=ACTIVE) & ~current)
    if status == TERMINATED:
        return Q(status=TERMINATED)
    if status == ALL:
        return Q()
    return Q(status=ACTIVE) & current


def _contains(key: str, code: str) -> Q:
    if connection.features.supports_json_field_contains:
        return Q(**{f"data__{key}__contains": [code]})
    # SQLite reads the list as its JSON text: match the code with its quotes, as JSON writes it,
    # so that "S-0" does not match "S-01".
    return Q(**{f"data__{key}__icontains": json.dumps(code, ensure_ascii=False)})


class RegisterFilter(django_filters.FilterSet):
    """Search and status of every register; `filterset_for` adds the register's own column filters."""

    q = SearchFilter(method="search")
    status = ValueFilter(method="by_status")

    class Meta:
        model = RegisterEntry
        fields: list[str] = []

    def __init__(self, data=None, queryset=None, *, on: dt.date, **kwargs):
        self.on = on
        super().__init__(data, queryset, **kwargs)

    def search(self, queryset, name, value):
        return queryset.filter(matches(value, queryset.model)) if value else queryset

    def by_status(self, queryset, name, value):
        return queryset.filter(_status(value if value in STATUSES else ACTIVE, self.on))


def _column_filter(column: Column) -> django_filters.Filter:
    if column.filter == CONTAINS:
        return ValueFilter(method=lambda queryset, name, value: queryset.filter(_contains(column.key, value)))
    return ValueFilter(field_name=f"data__{column.key}" if column.in_data else column.key, lookup_expr="exact")


_FILTERSETS: dict[str, tuple[Register, type[RegisterFilter]]] = {}


def filterset_for(register: Register) -> type[RegisterFilter]:
    """The FilterSet of a register, made once per declaration."""
    made = _FILTERSETS.get(register.key)
    if made is None or made[0] is not register:
        filters = {column.query_param: _column_filter(column) for column in register.filters}
        name = "".join(part.title() for part in register.key.replace("-", ".").split(".")) + "Filter"
        made = _FILTERSETS[register.key] = (register, type(name, (RegisterFilter,), filters))
    return made[1]


class Options(forms.Form):
    as_of = forms.DateField(required=False, input_formats=["%Y-%m-%d"])

    def __init__(self, *args, today: dt.date, **kwargs):
        self.today = today
        super().__init__(*args, **kwargs)

    def clean_as_of(self):
        value = self.cleaned_data.get("as_of")
        if value is not None and value > self.today:
            raise forms.ValidationError(_("The register's history ends today: give a date up to %(today)s.")
                                        % {"today": self.today.strftime("%d.%m.%Y")})
        return value


def page_size(raw: str | None) -> int:
    return int(raw) if raw in {str(n) for n in PAGE_SIZES} else PAGE_SIZES[0]


@dataclass
class Listing:
    register: Register
    on: dt.date  # the date statuses are judged on: the as-of date, or today
    as_of: dt.date | None
    rows: QuerySet  # dicts of the published fields, ordered by name and then `key`
    values: dict[str, str]  # the filters as understood, for the form
    key: str = "pk"  # the entry's id in `rows`' query: "pk" (the entries) or "entry_id" (the history)
    errors: list[str] = field(default_factory=list)

    def count(self) -> int:
        """How many rows match: exact, from the cache while the register has not changed."""
        return counts.count(self.register, self.rows, self.identity, changed=self.last_change)

    def fetch(self, rows: QuerySet, where: tuple) -> list[dict[str, Any]]:
        """The rows of a page of this list (`rows`, a slice of `self.rows`; `where`, what that slice
        is: `keyset.page`), from the cache while the register has not changed."""
        digest = None if self.identity is None else hashlib.sha256(f"{self.identity}:{where!r}".encode()).hexdigest()
        return counts.page(self.register, rows, digest, changed=self.last_change)

    @cached_property
    def identity(self) -> str | None:
        return counts.identity(self.rows)

    @cached_property
    def last_change(self) -> str:
        """The register's last change, read once for the count and the page of one answer."""
        return counts.last_change(self.register)


def _certificate(attribute: str) -> Subquery:
    return Subquery(Certificate.objects.filter(pk=OuterRef("certificate_id")).order_by().values(attribute)[:1])


def _with_defaults(params: Mapping[str, Any]) -> dict[str, str]:
    data = {name: params.get(name) or "" for name in params}
    data["status"] = data.get("status", "").strip().lower() or ACTIVE
    return data


def _as_of(params: Mapping[str, Any], today: dt.date) -> tuple[dt.date | None, list[str]]:
    """The as-of date of the query parameters (None: today's list) and why it is refused, if it is."""
    options = Options({"as_of": params.get("as_of") or ""}, today=today)
    errors = [str(e) for e in options.errors.get("as_of", [])]
    return (options.cleaned_data.get("as_of") if options.is_valid() else None), errors


def listing_date(params: Mapping[str, Any], today: dt.date | None = None) -> dt.date:
    """The date the list of these query parameters judges statuses on (`Listing.on`), without
    building the list."""
    today = today or law_context.today()
    return (_as_of(params, today)[0] if params.get("as_of") else None) or today


def listing(register: Register, params: Mapping[str, Any], today: dt.date | None = None) -> Listing:
    """The register's rows matching the query parameters (q, status, as_of, the column filters)."""
    today = today or law_context.today()
    on_date, errors = _as_of(params, today)
    on = on_date or today
    if on_date is None:
        base = RegisterEntry.objects.filter(register=register.key)
        fields, columns, order = FIELDS + ("basis_citation", "basis_on"), {"entry_id": F("pk")}, ("name", "pk")
    else:  # the events keep the basis of the change they record under their own names
        base = history_as_of(register, on_date)
        fields, columns = FIELDS + ("entry_id",), {"basis_citation": F("citation"), "basis_on": F("on")}
        order = ("name", "entry_id")
    filters = filterset_for(register)(_with_defaults(params), queryset=base, on=on)
    rows = filters.qs.order_by(*order).values(*fields, **columns, certificate_number=_certificate("number"),
                                              certificate_kind=_certificate("kind"))
    cleaned = filters.form.cleaned_data if filters.form.is_valid() else {}
    values = {name: str(cleaned.get(name) or "") for name in filters.filters}
    values["status"] = values["status"] if values["status"] in STATUSES else ACTIVE
    return Listing(register=register, on=on, as_of=on_date, rows=rows, values=values, errors=errors, key=order[1])


def published(register: Register, row: Mapping[str, Any], on: dt.date) -> dict[str, Any]:
    """A row as the register publishes it (export and API): its columns by key, in order."""
    item: dict[str, Any] = {}
    data = row["data"] or {}
    for column in register.columns:
        if column.key == "status":
            value = effective_status(row["status"], row["valid_until"], on)
        elif column.key == "certificate_number":
            value = row["certificate_number"] or ""
        elif column.in_data:
            value = data.get(column.key)
            value = list(value) if isinstance(value, list | tuple) else value
        else:
            value = row[column.key]
        item[column.key] = value
    return item


__all__ = ["MAX_QUERY", "PAGE_SIZES", "STATUSES", "Listing", "filterset_for", "listing", "listing_date",
           "page_size", "published"]
