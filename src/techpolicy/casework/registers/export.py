"""The whole filtered list of a register as CSV or JSON, streamed in chunks so a list of any length
is sent without being held in memory. CSV cells go through `site.spreadsheet` (never a formula,
with the byte-order mark spreadsheet programs need for Kazakh letters); list columns are joined
with "; ". An as-of export adds the basis of each row: the paragraph and the date it took effect.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.http import StreamingHttpResponse

from techpolicy.site import spreadsheet

from .queries import Listing, published

FORMATS = ("csv", "json")
CHUNK = 2000


def items(listing: Listing) -> Iterator[dict[str, Any]]:
    """The published rows of the listing, with their basis when it is an as-of list."""
    for row in listing.rows.iterator(chunk_size=CHUNK):
        item = published(listing.register, row, listing.on)
        if listing.as_of is not None:
            item["basis"], item["basis_on"] = row["basis_citation"], row["basis_on"]
        yield item


def header(listing: Listing) -> list[str]:
    columns = [c.key for c in listing.register.columns]
    return columns + (["basis", "basis_on"] if listing.as_of is not None else [])


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def csv_lines(listing: Listing) -> Iterable[str]:
    names = header(listing)
    return spreadsheet.csv_lines(names, ([_cell(item[name]) for name in names] for item in items(listing)))


def json_default(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def json_chunks(listing: Listing) -> Iterable[str]:
    yield "["
    separator = ""
    for item in items(listing):
        yield separator + json.dumps(item, ensure_ascii=False, default=json_default)
        separator = ","
    yield "]"


def response(listing: Listing, fmt: str, status: str) -> StreamingHttpResponse:
    """The streamed download, named after the register, its status filter and the date it shows."""
    if fmt == "csv":
        answer = StreamingHttpResponse(csv_lines(listing), content_type="text/csv; charset=utf-8")
    else:
        answer = StreamingHttpResponse(json_chunks(listing), content_type="application/json; charset=utf-8")
    filename = f"{listing.register.file_stem}-{status}-{listing.on.isoformat()}.{fmt}"
    answer["Content-Disposition"] = f'attachment; filename="{filename}"'
    return answer
