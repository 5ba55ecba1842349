"""Twenty identical requests at the same moment (issue 8, findings 2-4), as a busy office or a double
click sends them: real threads, each with its own database connection and its own signed-in client,
released together by a barrier.

Not on SQLite's default test database (`concurrent_writers`): it is an in-memory database with a shared
cache, where a second writer is refused with "database table is locked" instead of waiting. With a
file-based SQLite test database (DATABASES["default"]["TEST"]["NAME"] set to a file) they run there
too, as the embedded deployment serves them; finding 3 is staged in tests/site/test_sqlite_file_writers.py."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import pytest
from django.contrib.messages import get_messages
from django.db import connection, connections
from django.test import Client
from django.utils import translation

N = 20

_sqlite_test_name = connection.settings_dict.get("TEST", {}).get("NAME") or ":memory:"
_in_memory = connection.vendor == "sqlite" and (_sqlite_test_name == ":memory:" or "mode=memory" in _sqlite_test_name)
concurrent_writers = pytest.mark.skipif(_in_memory, reason="twenty writers at once need PostgreSQL or a SQLite file")


def race(test):
    """Mark a race test: its threads see committed data only (transaction=True), on a database that
    lets a writer wait for another."""
    return concurrent_writers(pytest.mark.django_db(transaction=True)(test))


def at_once(call, n: int = N) -> list:
    """`call(i)` in n threads released together; each outcome is its result or the exception it raised
    (a server error inside a request is raised by the test client, so it shows here)."""
    start = threading.Barrier(n)
    outcomes: list = [None] * n

    def run(i):
        try:
            with translation.override("en"):
                start.wait()
                outcomes[i] = call(i)
        except Exception as exc:  # noqa: BLE001  (kept as the outcome for the test to assert on)
            outcomes[i] = exc
        finally:
            connections.close_all()  # this thread's connection, so the test database can be dropped

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


@dataclass
class Answer:
    """What one request got back: its status, where it redirected to, and the messages it queued."""

    status: int
    location: str
    messages: list[tuple[str, str]] = field(default_factory=list)
    page: str = ""  # the body of a page rendered again (a form with its errors); "" for a redirect

    def said(self, level: str) -> list[str]:
        return [text for tag, text in self.messages if tag == level]


def signed_in(user) -> Client:
    """A browser signed in as `user`; an anonymous one for None."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def posts_at_once(requests) -> list[Answer | Exception]:
    """Each (user, url, body) POSTed from its own browser (signed in as the user, anonymous for None),
    all at the same moment. A body
    may be a callable giving a fresh dict per request (an uploaded file object is read once)."""
    clients = [signed_in(user) for user, _url, _body in requests]  # signed in first: only the POSTs race

    def post(i):
        _user, url, body = requests[i]
        response = clients[i].post(url, body() if callable(body) else body)
        # Not response.context: the client collects every template rendered in the process, by any
        # thread, so under a race it would mix the pages of other requests into this one.
        return Answer(response.status_code, response.get("Location", ""),
                      [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)],
                      response.content.decode() if response.status_code == 200 else "")

    return at_once(post, len(requests))


def post_at_once(user, url: str, body=None, n: int = N) -> list[Answer | Exception]:
    """The same POST by the same user from n browsers at once."""
    return posts_at_once([(user, url, body if body is not None else {})] * n)


def no_server_errors(outcomes) -> list[Answer]:
    """Every request answered (no exception, no 5xx); the answers."""
    failed = [o for o in outcomes if isinstance(o, Exception) or o is None or o.status >= 500]
    assert not failed, failed[:3]
    return outcomes
