"""The JSON body of an API request, read one way for every endpoint: the endpoints that read the body
themselves (`json_object`) and those that declare a body schema (ninja's parser, `JSONBodyParser`).

What a body must be, checked in this order, each refusal in the `Errors` shape:
- at most `TECHPOLICY_API_MAX_BODY_BYTES` long by its declared length, else 413 before it is read;
- not empty, else 400;
- sent as `application/json` (UTF-8), else 415: a cross-site HTML form or a `text/plain` fetch
  cannot set that type without the browser asking the server first (CORS), so no other web page
  can post in a visitor's name (issue 8, finding 10);
- valid UTF-8 JSON, else 400;
- nested at most `TECHPOLICY_API_MAX_JSON_DEPTH` arrays and objects deep, else 422: Python's JSON
  decoder recurses once per level and fails at about a thousand (finding 6), so the depth is
  measured before decoding, by a scan that never recurses.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.parser import Parser

JSON = "application/json"
# A JSON string: quote, then any run of characters other than quote and backslash, each escape
# taken as a pair. Written without nested alternation so the engine matches it in linear time.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKETS = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class RejectedBody(Exception):
    """A body refused before it reached the endpoint; rendered by the API's error handlers."""

    def __init__(self, status: int, field: str, message: str):
        super().__init__(message)
        self.status, self.field, self.message = status, field, message


def nesting_depth(text: str) -> int:
    """How deep arrays and objects are nested in a JSON text (brackets inside strings do not count).

    Linear in the length of the text, without recursion: strings are cut out, everything but the
    brackets is dropped, and the running sum of +1 (open) and -1 (close) gives the depth. For a text
    that is not valid JSON the figure may be too high, never too low for the part a decoder reads."""
    brackets = _BRACKETS.sub("", _STRING.sub("", text))
    return max(accumulate(_STEP[b] for b in brackets), default=0)


def content_type_error(request: HttpRequest) -> str | None:
    """Why the body's declared type is not accepted, or None for UTF-8 JSON."""
    media_type = (request.content_type or "").strip().lower()
    charset = (request.content_params or {}).get("charset", "utf-8").strip().lower()
    if media_type == JSON and charset in ("utf-8", "utf8"):
        return None
    return _("The body must be sent as %(type)s (UTF-8), not as %(given)s.") % {
        "type": JSON, "given": request.META.get("CONTENT_TYPE") or _("no content type")}


def read_json(request: HttpRequest) -> Any:
    """The decoded JSON body of `request`, or RejectedBody saying why it is refused. An empty body
    (nothing a cross-site form could plant) is told so before its type is looked at."""
    limit = settings.TECHPOLICY_API_MAX_BODY_BYTES
    too_large = RejectedBody(413, "(body)", _("The body is larger than %(limit)d bytes.") % {"limit": limit})
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit:  # refused before a byte of it is read
        raise too_large
    body = request.body
    if not body:
        raise RejectedBody(400, "(body)", _("The body is not valid JSON: it is empty."))
    if (error := content_type_error(request)) is not None:
        raise RejectedBody(415, "(body)", error)
    if len(body) > limit:
        raise too_large
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise RejectedBody(400, "(body)", _("The body is not valid JSON: it is not UTF-8 text.")) from None
    depth, max_depth = nesting_depth(text), settings.TECHPOLICY_API_MAX_JSON_DEPTH
    if depth > max_depth:
        raise RejectedBody(422, "(body)", _(
            "The body nests arrays and objects %(depth)d levels deep; at most %(limit)d are accepted.")
            % {"depth": depth, "limit": max_depth})
    try:
        return json.loads(text)
    except ValueError as exc:  # JSONDecodeError, or a number beyond Python's digit limit
        raise RejectedBody(400, "(body)", _("The body is not valid JSON: %(error)s") % {"error": exc}) from None


def json_object(request: HttpRequest) -> dict:
    """The body as a JSON object (the facts of a law-layer request), or RejectedBody."""
    data = read_json(request)
    if not isinstance(data, dict):
        raise RejectedBody(422, "(root)", _("The body must be a JSON object."))
    return data


class JSONBodyParser(Parser):
    """ninja's body parser with the same checks, for endpoints that declare a body schema. ninja
    turns any parser error into a 400 "Cannot parse request body" raised from it; the API's error
    handler answers with the RejectedBody it was raised from (see `api.contract`)."""

    def parse_body(self, request: HttpRequest) -> Any:
        return read_json(request)
