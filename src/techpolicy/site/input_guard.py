"""Control characters are refused in what a page request carries: its path, its query and its form
fields (issue 8, finding 8).

A page or export that searches with `q=%00` failed on PostgreSQL, which cannot hold NUL in text,
and a streamed export had already sent its first lines when the query failed, so the download
was cut short with a 200. Many views read `request.GET` and `request.POST` directly (search words,
reasons, filters), so the check is made once, here, before any view runs: the request is answered
with a 400 page that says why, in the user's language. The characters are those of `law.text`.

The REST API is left to its own schema, which refuses the same characters with 422 in its
documented error shape, naming the field (`api.common.SafeText`). Uploaded files are not text
fields and are not read here.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from techpolicy.law.text import forbidden_character

API_PREFIX = "/api/"  # site.urls mounts the API there


def offending_part(request: HttpRequest) -> str | None:
    """What carries a forbidden character: "path", a query parameter or a form field, or None."""
    if forbidden_character(request.path) is not None:
        return "path"
    sources = [request.GET]
    if request.method == "POST" and request.content_type in ("application/x-www-form-urlencoded",
                                                             "multipart/form-data"):
        sources.append(request.POST)
    for source in sources:
        for name, values in source.lists():
            if forbidden_character(name) is not None:
                return "?"
            if any(forbidden_character(value) is not None for value in values):
                return name
    return None


class RefuseControlCharacters:
    """Middleware: a page request carrying a control character gets a 400 page, never a view."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX) and (part := offending_part(request)) is not None:
            message = _("The request contains a control character (in “%(part)s”), which is not allowed. Remove "
                        "it and try again.") % {"part": part}
            return render(request, "refused_input.html", {"message": message}, status=400)
        return self.get_response(request)
