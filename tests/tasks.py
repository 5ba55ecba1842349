"""Running queued background tasks in a test, through the real database backend: the worker of
`manage.py run_worker` (casework.worker.LeasedWorker) in batch mode, in this process and on the
test's own database connection, until the queue is empty."""

from __future__ import annotations

import threading
from unittest import mock

from django.db import connections
from django_tasks_db.models import DBTaskResult

from techpolicy.casework.worker import LeasedWorker

WORKER_ID = "test-worker"


def batch_worker(**options) -> LeasedWorker:
    """The worker of `run_worker --batch` on every queue, beating from its own loop (no thread)."""
    return LeasedWorker(**{"queue_names": ["*"], "interval": 0, "batch": True, "backend_name": "default",
                           "startup_delay": False, "max_tasks": None, "worker_id": WORKER_ID,
                           "excluded_queue_names": [], "heartbeat_thread": False, **options})


def keeping_the_test_connection():
    """Between tasks the worker drops connections that look stale; inside a test's transaction the
    connection is not in autocommit, which that check takes for stale and would close mid-test."""
    return mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections")


def run_queued(*, expect_failures: bool = False) -> int:
    """Run every ready task; the number run. A task that fails raises here (with its traceback)
    unless `expect_failures`, so a broken task cannot pass as "nothing happened"."""
    before = set(DBTaskResult.objects.failed().values_list("pk", flat=True))
    worker = batch_worker()
    with keeping_the_test_connection():
        worker.run()
    failed = DBTaskResult.objects.failed().exclude(pk__in=before)
    if failed.exists() and not expect_failures:
        raise AssertionError("background task failed:\n" + "\n".join(f.traceback for f in failed))
    return worker._run_tasks


def run_queued_beside(**options) -> int:
    """`run_queued` on a thread of its own, joined before it returns: for a test whose own thread
    may not touch the database (Playwright's sync API keeps an event loop on it). The worker uses a
    connection of its own, closed afterwards; call it while the browser waits on no page that asks
    the server for anything, since SQLite's shared in-memory test database refuses a second writer."""
    outcome: dict = {}

    def work():
        try:
            outcome["ran"] = run_queued(**options)
        except BaseException as exc:  # handed to the test's thread
            outcome["error"] = exc
        finally:
            connections.close_all()

    thread = threading.Thread(target=work, name="test-worker")
    thread.start()
    thread.join(timeout=600)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["ran"]
