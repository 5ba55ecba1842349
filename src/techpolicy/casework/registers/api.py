"""/api/v1/registers/: every declared register, readable without signing in.

GET /                        the registers: columns, filters, the paragraphs that enter, change and
                             remove entries, the duty to publish (or why published)
GET /<key>/entries           the published list: search, status, the register's own filters, as_of
                             (the register as it stood on a past date), limit/offset
GET /<key>/entries/{id}      one entry with its history (each change, its paragraph and date)

Each register gets its own two operations, so the schema documents its own filters; the routes are
made when the API is built, from the registers the services declared. (No postponed annotations
here: ninja reads each operation's query schema, made per register, from its annotation.)
"""

import datetime as dt
from typing import Annotated, Any, Literal

from django.http import Http404, HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view
from pydantic import AfterValidator, create_model
from pydantic_core import PydanticCustomError

from techpolicy.api.common import Id, Lang, Page, SafeText
from techpolicy.law.citation import Citation

from .. import law_context
from ..models import RegisterEntry
from ..steps import current_language
from . import answers, keyset
from .declaration import Register, registers
from .history import effective_status, history
from .queries import MAX_FILTER, STATUSES, listing, published
from .search import MAX_QUERY

router = Router(tags=["registers"])
Status = Literal["active", "expired", "terminated"]


class CitationOut(Schema):
    ref: str = Field(description='compact citation, e.g. "001 p.20"')
    text: str


class ColumnOut(Schema):
    key: str
    label: str
    render: str
    filter: str = Field(description='"" (none), "contains" (one code of a list) or "exact"')
    param: str = Field(description="the query parameter of its filter")
    searchable: bool


class BasisDeclarationOut(Schema):
    event: Literal["enter", "change", "end"]
    citation: CitationOut
    decision_kind: str
    label: str


class RegisterOut(Schema):
    key: str
    title: str
    summary: str
    columns: list[ColumnOut]
    bases: list[BasisDeclarationOut]
    publication: list[CitationOut] = Field(description="the paragraphs that oblige publication")
    published_by_design: str = Field(description="why it is published, where no paragraph obliges it")
    natural_key: list[str]


class BasisOut(Schema):
    citation: str
    text: str
    on: dt.date | None = Field(description="the date the change took effect")


class EntryOut(Schema):
    id: int
    name: str
    bin: str
    status: Status
    valid_from: dt.date | None
    valid_until: dt.date | None
    certificate_number: str
    data: dict[str, Any] = Field(description="the register's own columns, by column key")
    basis: BasisOut


class EntryPage(Schema):
    items: list[EntryOut]
    count: int = Field(description="how many entries match the filters (all pages): exact, counted again after "
                       "every change of the register")
    as_of: dt.date | None = Field(description="the date the list stood on; none for today's list")
    next: str | None = Field(description="the address of the next page (keyset: after this page's last entry); "
                             "none on the last page")
    previous: str | None = Field(description="the address of the previous page (keyset: before this page's first "
                                 "entry); none on the first page")


class Cursor(Schema):
    """Keyset pagination: the page after or before an entry, as the `next` and `previous` addresses
    give it; as fast deep in a long list as on its first page. Instead of `offset`."""

    after: SafeText = Field("", max_length=keyset.MAX_CURSOR, description="a cursor from `next`")
    before: SafeText = Field("", max_length=keyset.MAX_CURSOR, description="a cursor from `previous`")


class EventOut(Schema):
    kind: Literal["entered", "changed", "ended"]
    on: dt.date
    basis: BasisOut
    decision_kind: str
    name: str
    bin: str
    status: Literal["active", "expired", "terminated"]
    valid_from: dt.date | None
    valid_until: dt.date | None
    certificate_number: str
    data: dict[str, Any]


class EntryDetailOut(EntryOut):
    entered_on: dt.date
    ended_on: dt.date | None
    history: list[EventOut]


def _citation(ref: str, lang: str) -> dict[str, str]:
    return {"ref": ref, "text": Citation.parse(ref).text(lang) if ref else ""}


def _register_out(register: Register, lang: str) -> dict[str, Any]:
    return {
        "key": register.key, "title": str(register.title), "summary": str(register.summary),
        "columns": [{"key": c.key, "label": str(c.label), "render": c.render, "filter": c.filter,
                     "param": c.query_param if c.filter else "", "searchable": c.searchable or not c.in_data}
                    for c in register.columns],
        "bases": [{"event": b.event, "citation": _citation(b.citation.ref, lang), "decision_kind": b.decision_kind,
                   "label": str(b.label)} for b in register.bases],
        "publication": [_citation(c.ref, lang) for c in register.publication],
        "published_by_design": str(register.published_by_design), "natural_key": list(register.natural_key),
    }


def _data(register: Register, data: dict | None) -> dict[str, Any]:
    return {k: v for k, v in (data or {}).items() if k in register.data_keys}


def _basis(ref: str, on: dt.date | None, lang: str) -> dict[str, Any]:
    return {"citation": ref, "text": _citation(ref, lang)["text"], "on": on}


def _entry_out(register: Register, row: dict, on: dt.date, lang: str) -> dict[str, Any]:
    item = published(register, row, on)
    return {"id": row["entry_id"], "name": row["name"], "bin": row["bin"],
            "status": effective_status(row["status"], row["valid_until"], on),
            "valid_from": row["valid_from"], "valid_until": row["valid_until"],
            "certificate_number": row["certificate_number"] or "", "data": _data(register, item),
            "basis": _basis(row["basis_citation"], row["basis_on"], lang)}


def _state(register: Register, published_state, on: dt.date) -> dict[str, Any]:
    """What an entry, or one of its past states, publishes; its status as it read on `on`."""
    certificate = published_state.certificate
    return {"name": published_state.name, "bin": published_state.bin,
            "status": effective_status(published_state.status, published_state.valid_until, on),
            "valid_from": published_state.valid_from, "valid_until": published_state.valid_until,
            "certificate_number": certificate.number if certificate else "",
            "data": _data(register, published_state.data)}


def _up_to_today(value: dt.date | None) -> dt.date | None:
    if value is not None and value > law_context.today():
        raise PydanticCustomError("future_date", _("The register's history ends today: give a date up to today."))
    return value


AsOf = Annotated[dt.date | None, AfterValidator(_up_to_today)]


def _query_schema(register: Register) -> type[Schema]:
    name = "".join(part.title() for part in register.key.replace("-", ".").split("."))
    fields: dict[str, Any] = {
        "q": (SafeText, Field("", max_length=MAX_QUERY, description=str(register.search_label))),
        "status": (Literal[STATUSES], "active"),  # type: ignore[valid-type]
        "as_of": (AsOf, Field(None, description="the register as it stood on this date (up to today)")),
    }
    for column in register.filters:
        fields[column.query_param] = (SafeText, Field("", max_length=MAX_FILTER,
                                                      description=str(column.filter_label or column.label)))
    return create_model(f"{name}Query", __base__=Schema, **fields)


def _address(request: HttpRequest, name: str, cursor: str | None) -> str | None:
    """This list's address with the cursor `name` (after or before) instead of any offset or cursor."""
    if cursor is None:
        return None
    query = request.GET.copy()
    for param in ("offset", keyset.AFTER, keyset.BEFORE):
        query.pop(param, None)
    query[name] = cursor
    return f"{request.path}?{query.urlencode()}"


def _add_routes(register: Register) -> None:
    slug = register.key.replace(".", "_").replace("-", "_")
    query_schema = _query_schema(register)

    @router.get(f"/{register.key}/entries", response=EntryPage, auth=None, operation_id=f"registers_{slug}_entries",
                summary=f"{register.key}: the published list (or as of a date)")
    @decorate_view(answers.kept_api_list(register.key))  # the same answer for every client until the list changes
    def entries(request: HttpRequest, filters: Query[query_schema], page: Query[Page], cursor: Query[Cursor],
                lang: Lang | None = None):
        params = {k: v for k, v in filters.dict().items() if v not in (None, "")}
        if params.get("as_of"):
            params["as_of"] = params["as_of"].isoformat()
        with translation.override(lang or translation.get_language()):
            found = listing(register, params)
            language = current_language()
            rows = keyset.page(found.rows, found.key, page.limit, after=cursor.after, before=cursor.before,
                               offset=page.offset, fetch=found.fetch)
            return {"items": [_entry_out(register, row, found.on, language) for row in rows.rows],
                    "count": found.count(), "as_of": found.as_of,
                    "next": _address(request, keyset.AFTER, rows.next),
                    "previous": _address(request, keyset.BEFORE, rows.previous)}

    @router.get(f"/{register.key}/entries/{{entry_id}}", response=EntryDetailOut, auth=None,
                operation_id=f"registers_{slug}_entry", summary=f"{register.key}: one entry and its history")
    def entry(request: HttpRequest, entry_id: Id, lang: Lang | None = None):
        found = RegisterEntry.objects.filter(register=register.key, pk=entry_id).select_related("certificate").first()
        if found is None:
            raise Http404("no such entry")
        with translation.override(lang or translation.get_language()):
            language = current_language()
            events = [{"kind": e.kind, "on": e.on, "basis": _basis(e.citation, e.on, language),
                       "decision_kind": e.decision.kind if e.decision_id else "", **_state(register, e, e.on)}
                      for e in history(found)]
            return {"id": found.pk, **_state(register, found, law_context.today()),
                    "basis": _basis(found.basis_citation, found.basis_on, language), "entered_on": found.entered_on,
                    "ended_on": found.ended_on, "history": events}


@router.get("/", response=list[RegisterOut], auth=None, summary="The public registers and what each publishes")
def register_list(request: HttpRequest, lang: Lang | None = None):
    with translation.override(lang or translation.get_language()):
        language = current_language()
        return [_register_out(r, language) for r in registers()]


for _register in registers():
    _add_routes(_register)
