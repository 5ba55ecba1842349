"""Whole answers of a register's public list, the page and the API's list, kept in the cache under
the register's last change (`counts.last_change`), so that repeated requests between two changes
cost a look-up instead of building the page.

An answer is kept under everything it is made of: the request's path and query (which hold the
language of a page, its filters, its as-of date, its page or cursor and its size), the active
language, the date statuses are judged on, the register's last change and whatever else the caller
names (a page's date and code names, read from the reference lists administrators maintain). Any
change of the register, the next day or a change of a reference list leads to a new key and a
fresh answer, as for the counts; TIMEOUT only bounds the cache's size.

A page is kept only for a visitor who has not signed in and has no message waiting: for everyone
else it shows their name, their menu or their messages. The one part that is not the same for every
such visitor, the CSRF token, is rendered as a placeholder that is replaced with the request's own
token on every answer (`page_response`), so a kept page never hands one visitor's token to another,
and the request gets its CSRF cookie as a rendered page gives it.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

from .. import law_context
from . import counts

TIMEOUT = counts.TIMEOUT
PREFIX = "registers:answer"
# Where a kept page has its CSRF token. Random, and kept with the page, so no visitor can put it in
# a page (say, as a search) to have it replaced, and a page kept by another process is filled in
# with the placeholder it was rendered with.
PLACEHOLDER = "csrf" + secrets.token_hex(16)


def reusable(request: HttpRequest) -> bool:
    """Whether the page of this request is the same for every visitor: one who has not signed in
    and has no message waiting (reading the messages does not mark them as seen)."""
    return not request.user.is_authenticated and not len(get_messages(request))


def key(kind: str, register: str, request: HttpRequest, *parts: Any) -> str:
    """The cache key of an answer of `kind` ("page", "api") of the register `register`: the request,
    today, the register's last change and `parts`, whatever else the answer is made of."""
    made_of = repr((request.get_full_path(), get_language(), law_context.today().isoformat(),
                    counts.last_change(register), parts))
    return f"{PREFIX}:{kind}:{register}:{hashlib.sha256(made_of.encode()).hexdigest()}"


def page_response(request: HttpRequest, kept: tuple[str, str]) -> HttpResponse:
    """A kept page, (placeholder, HTML), as the answer to `request`, with the request's CSRF token."""
    placeholder, html = kept
    return HttpResponse(html.replace(placeholder, get_token(request)))


def page(cache_key: str, render: Callable[[str], str]) -> tuple[str, str]:
    """The kept page under `cache_key`, or `render(placeholder)` (the page's HTML with the placeholder
    as its CSRF token), kept."""
    kept = cache.get(cache_key)
    if kept is None:
        kept = (PLACEHOLDER, render(PLACEHOLDER))
        cache.set(cache_key, kept, TIMEOUT)
    return kept


def kept_api_list(register: str) -> Callable:
    """A decorator of an API operation's run (`ninja.decorators.decorate_view`) that keeps its
    successful answers under the register's last change; any other answer (an error, a refusal)
    is made afresh every time. Only for a list that is public and the same for every client: an
    operation without sign-in and without throttles of its own (a kept answer skips its checks)."""

    def decorate(run: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(run)
        def kept(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            cache_key = key("api", register, request)
            found = cache.get(cache_key)
            if found is not None:
                content, content_type = found
                return HttpResponse(content, content_type=content_type)
            response = run(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming and not response.cookies:
                cache.set(cache_key, (response.content, response["Content-Type"]), TIMEOUT)
            return response

        return kept

    return decorate
