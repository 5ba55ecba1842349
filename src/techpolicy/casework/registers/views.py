"""Public pages of every declared register: the index, one list page per register (search, filters,
pagination, as-of date with the basis of each row), its CSV/JSON export, and the verification of
certificates. No sign-in; a service mounts thin routes of its own by calling these views with the
register's key (`register_page(request, key="...")`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property
from django.views.decorators.http import require_safe

from techpolicy.law.citation import Citation

from .. import law_context, registry
from ..models import RegisterEntry
from ..steps import current_language
from . import answers, certificates, export, keyset, table
from .declaration import CERTIFICATE, CODES, Column, Register, UnknownRegister, get, registers
from .history import effective_status
from .queries import ACTIVE, EXPIRED, PAGE_SIZES, TERMINATED, Listing, listing, listing_date, page_size

STATUS_LABELS = dict(RegisterEntry.STATUS_CHOICES)
LIST_TEMPLATE = "casework/registers/list.html"


class ListingPaginator(Paginator):
    """Pages of a listing, its total read through the listing's cached count (`counts`)."""

    def __init__(self, found: Listing, per_page: int):
        super().__init__(found.rows, per_page)
        self.listing = found

    @cached_property
    def count(self) -> int:
        return self.listing.count()


def _register(key: str) -> Register:
    try:
        return get(key)
    except UnknownRegister:
        raise Http404("no such register") from None


def _verify_url(kind_key: str | None) -> str:
    kind = registry.certificate_kind(kind_key or "")
    if kind is None or not kind.verify_url:
        return ""
    try:
        return reverse(kind.verify_url)
    except NoReverseMatch:
        return ""


def _cell(column: Column, row: Mapping[str, Any], status: str, names: dict[str, dict[str, str]],
          verify_urls: dict[str, str]) -> dict[str, Any]:
    if column.key == "status":
        return {"status": status, "label": STATUS_LABELS.get(status, status)}
    if column.render == CERTIFICATE:
        kind = row["certificate_kind"] or ""
        if kind not in verify_urls:
            verify_urls[kind] = _verify_url(kind)
        return {"number": row["certificate_number"] or "", "verify": verify_urls[kind]}
    value = (row["data"] or {}).get(column.key) if column.in_data else row[column.key]
    if column.render == CODES:
        known = names.get(column.key, {})
        return {"codes": [(code, known.get(code, "")) for code in value or []]}
    return {"value": value}


def _names(register: Register, on: dt.date, lang: str) -> dict[str, dict[str, str]]:
    """The names of each column's codes or choices on the list's date, read once per page."""
    return {c.key: c.names(on, lang) for c in register.columns if c.names is not None}


def _rows(listing: Listing, rows, names: dict[str, dict[str, str]], lang: str) -> list[dict[str, Any]]:
    register = listing.register
    verify_urls: dict[str, str] = {}
    result = []
    for row in rows:
        status = effective_status(row["status"], row["valid_until"], listing.on)
        basis = Citation.parse(row["basis_citation"]) if row["basis_citation"] else None
        result.append({
            **row,
            "status": status,
            "cells": [(c, _cell(c, row, status, names, verify_urls)) for c in register.columns],
            "basis": basis.text(lang) if basis else "",
        })
    return result


def _filter_fields(found: Listing, names: dict[str, dict[str, str]]) -> list[dict[str, Any]]:
    return [{"param": c.query_param, "label": c.filter_label or c.label, "value": found.values.get(c.query_param, ""),
             "choices": sorted(names[c.key].items()) if c.key in names else None}
            for c in found.register.filters]


@require_safe
def register_index(request: HttpRequest) -> HttpResponse:
    """Every public register the services declare."""
    lang = current_language()
    items = [{"register": r, "publication": [c.text(lang) for c in r.publication]} for r in registers()]
    return render(request, "casework/registers/index.html", {"items": items})


def _link(request: HttpRequest, **changes: str | None) -> str:
    """The address of this list with some query parameters changed (None removes one)."""
    query = request.GET.copy()
    for name, value in changes.items():
        query.pop(name, None)
        if value is not None:
            query[name] = value
    return f"?{query.urlencode()}" if query else request.path


@require_safe
def register_page(request: HttpRequest, key: str) -> HttpResponse:
    """A register's published list, now or as of a date: by page number (`page`), or, following
    its next and previous links, after or before a row (`after`, `before`: keyset pagination, as
    fast on the last page as on the first)."""
    register = _register(key)
    lang = current_language()
    if not answers.reusable(request):
        return render(request, LIST_TEMPLATE, _page_context(request, register, lang))
    # The same page for every visitor who has not signed in: kept under the register's last change,
    # with the code names it shows (the reference lists are not part of the register's history).
    on = listing_date(request.GET)
    names = _names(register, on, lang)
    cache_key = answers.key("page", register.key, request, on, names)
    return answers.page_response(request, answers.page(cache_key, lambda token: render_to_string(
        LIST_TEMPLATE, _page_context(request, register, lang, names) | {"csrf_token": token}, request)))


def _page_context(request: HttpRequest, register: Register, lang: str,
                  names: dict[str, dict[str, str]] | None = None) -> dict[str, Any]:
    """What the list's template shows; `names`, the code names on the list's date, when read already."""
    found = listing(register, request.GET)
    names = _names(register, found.on, lang) if names is None else names
    per_page = page_size(request.GET.get("per_page"))
    paginator = ListingPaginator(found, per_page)
    after, before = request.GET.get(keyset.AFTER), request.GET.get(keyset.BEFORE)
    if keyset.decode(after) or keyset.decode(before):
        page = None
        cursor = keyset.page(found.rows, found.key, per_page, after=after, before=before, fetch=found.fetch)
    else:
        page = paginator.get_page(request.GET.get("page"))
        offset = page.start_index() - 1 if page.paginator.count else 0
        cursor = keyset.page(found.rows, found.key, per_page, offset=offset, fetch=found.fetch)
    number = page.number if page is not None else None  # (a page's truth value would read its rows again)
    rows = _rows(found, cursor.rows, names, lang)
    unpaged = {"page": None, keyset.AFTER: None, keyset.BEFORE: None}
    return {
        "register": register,
        "listing": found,
        "filters": found.values,
        "page": page,
        "rows": rows,
        "table": table.body(register, rows, found.as_of),
        "found": register.found % {"n": paginator.count},
        "page_range": paginator.get_elided_page_range(number or 1, on_each_side=2, on_ends=1),
        "paged": paginator.num_pages > 1,
        "paginator_ellipsis": paginator.ELLIPSIS,
        "current_page": number,
        "next_url": _link(request, **unpaged | {keyset.AFTER: cursor.next}) if cursor.next else "",
        "previous_url": _link(request, **unpaged | {keyset.BEFORE: cursor.previous}) if cursor.previous else "",
        "statuses": [(s, STATUS_LABELS[s]) for s in (ACTIVE, EXPIRED, TERMINATED)],
        "filter_fields": _filter_fields(found, names),
        "publication": [c.text(lang) for c in register.publication],
        "per_page": per_page,
        "page_sizes": PAGE_SIZES,
        "today": law_context.today(),
        "export_csv": reverse("registers:export", args=[register.key, "csv"]),
        "export_json": reverse("registers:export", args=[register.key, "json"]),
        "reset": request.path,
    }


@require_safe
def register_export(request: HttpRequest, key: str, fmt: str) -> HttpResponse:
    """The whole filtered list as CSV or JSON, streamed."""
    register = _register(key)
    if fmt not in export.FORMATS:
        raise Http404("unknown export format")
    found = listing(register, request.GET)
    return export.response(found, fmt, found.values["status"])


@require_safe
def verify(request: HttpRequest, url_name: str = "") -> HttpResponse:
    """Public verification of a certificate by its number: of the kinds whose verification page is
    `url_name` (a service's own route), or of every declared kind (the generic page)."""
    kinds = certificates.kinds_verified_at(url_name) if url_name else certificates.declared_kinds()
    raw = request.GET.get("number")
    result = certificates.verify_certificate(raw, kinds) if raw is not None else None
    return render(request, "casework/registers/verify.html", {
        "number": certificates.normalise_number(raw) if raw is not None else "",
        "result": result,
        "kinds": [certificates.kind_label(k.key) for k in kinds],
        "example": certificates.example_number(kinds[0]) if kinds else "",
        "malformed_help": (certificates.malformed_help(kinds)
                           if result is not None and result.status == certificates.MALFORMED else ""),
    })
