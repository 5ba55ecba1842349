"""A limit on writes sent without signing in: at most TECHPOLICY_ANON_WRITES_PER_MINUTE POST, PUT,
PATCH and DELETE requests per client network (`site.client.client_network`) in each fixed window of
one minute. Anonymous writes are the sign-in and sign-up forms, the eligibility pre-checks and the
public comments: without a limit one client could fill the database or keep the server busy.

The counter lives in the database (`AnonymousWriteCount`), so every web process and worker counts
against the same limit; a cache such as memcached or Redis, which rate-limit libraries need, is not
part of the embedded deployment. Counting is one conditional UPDATE ... SET count = count + 1
WHERE count < limit, which the database applies atomically, so the limit is exact under
concurrency; the first write of a window inserts the row instead, and deletes the rows of earlier
windows, so the table holds about one row per active client.

A refused request gets 429 with Retry-After (the seconds to the next window): under /api/ as JSON
in the API's error shape, elsewhere as a page in the user's language.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext

from .client import client_network
from .models import AnonymousWriteCount

WINDOW_SECONDS = 60
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
API_PREFIX = "/api/"


def clock() -> float:
    """The current time in seconds (a function, so that tests can move it)."""
    return time.time()


def _count_one(key: str, window: int, limit: int) -> bool:
    """The conditional UPDATE of every counted write, as SQL written once: it runs on every anonymous
    write, and building it through the ORM cost as much as the database's work."""
    table = connection.ops.quote_name(AnonymousWriteCount._meta.db_table)
    count, window_column, key_column = (connection.ops.quote_name(c) for c in ("count", "window", "key"))
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {count} = {count} + 1 "  # noqa: S608 (names from the model, values bound)
                       f"WHERE {key_column} = %s AND {window_column} = %s AND {count} < %s", [key, window, limit])
        return cursor.rowcount > 0


def take(key: str, limit: int, now: float) -> tuple[bool, int]:
    """Count one write for `key` in the window containing `now`; returns (allowed, seconds until
    the window ends). A refused write is not counted."""
    window = int(now // WINDOW_SECONDS)
    retry_after = max(1, math.ceil((window + 1) * WINDOW_SECONDS - now))
    if _count_one(key, window, limit):
        return True, retry_after
    rows = AnonymousWriteCount.objects.filter(key=key, window=window)
    if not rows.exists():
        try:
            with transaction.atomic():
                AnonymousWriteCount.objects.create(key=key, window=window, count=1)
        except IntegrityError:
            pass  # another process opened this window at the same moment: count in its row below
        else:
            AnonymousWriteCount.objects.filter(window__lt=window).delete()
            return True, retry_after
    # The row exists: it is full, or another request committed it after our first UPDATE looked (so a
    # row that exists is no proof that the limit is reached). Count once more in the committed row.
    return bool(rows.filter(count__lt=limit).update(count=F("count") + 1)), retry_after


def refusal(request: HttpRequest, retry_after: int) -> HttpResponse:
    message = gettext("Too many requests were sent from your network address without signing in. "
                      "Please wait a minute and try again, or sign in.")
    if request.path_info.startswith(API_PREFIX):
        response = JsonResponse({"detail": [{"field": "(request)", "message": message}]}, status=429)
    else:
        response = render(request, "429.html", {"message": message}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


class AnonymousWriteThrottle:
    """Middleware; it must come after AuthenticationMiddleware (it asks whether the user signed
    in) and LocaleMiddleware (its page speaks the user's language), and after the middlewares that
    add security headers (its refusal skips every middleware after it)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in WRITE_METHODS and not request.user.is_authenticated:
            allowed, retry_after = take(client_network(request), settings.TECHPOLICY_ANON_WRITES_PER_MINUTE, clock())
            if not allowed:
                return refusal(request, retry_after)
        return self.get_response(request)
