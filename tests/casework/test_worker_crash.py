"""A worker killed mid-task loses nothing (issue 8, background work): a real `manage.py run_worker`
process is killed with SIGKILL while it sends a notice (the test's mail backend holds the send
until the test releases it); a second worker takes the task over once the first one's heartbeat is
older than the lease, and the notice is mailed exactly once.

PostgreSQL only: the worker processes need the test database, and SQLite's test database is in
the memory of this process. CI runs the suite against PostgreSQL as well."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from techpolicy.casework.models import Notification, WorkerHeartbeat
from techpolicy.casework.notifications import notify

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="worker processes need a database server"),
]

ROOT = Path(__file__).resolve().parents[2]
LEASE_SECONDS = 2
TIMEOUT = 90


def database_url() -> str:
    db = connection.settings_dict  # the test database, once pytest-django has set it up
    user = quote(db["USER"] or "", safe="")
    password = quote(db["PASSWORD"] or "", safe="")
    return f"postgres://{user}:{password}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def start_worker(tmp_path):
    """Start `manage.py run_worker` processes on the test database; all are killed at the end."""
    env = os.environ | {
        "DATABASE_URL": database_url(),
        "TECHPOLICY_DATA_DIR": str(tmp_path / "data"),
        "TECHPOLICY_TASK_LEASE_SECONDS": str(LEASE_SECONDS),
        "TECHPOLICY_EMAIL_BACKEND": "tests.casework.crash_mail.BlockingBackend",
        "TECHPOLICY_TEST_CRASH_DIR": str(tmp_path),
    }
    started = []

    def start(worker_id: str) -> subprocess.Popen:
        log = open(tmp_path / f"{worker_id}.log", "wb")  # noqa: SIM115 (closed below)
        process = subprocess.Popen(
            [sys.executable, "manage.py", "run_worker", "--no-reload", "--no-startup-delay", "--interval=0.1",
             f"--worker-id={worker_id}"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        started.append((process, log))
        return process

    yield start
    for process, log in started:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
        log.close()


def wait_for(condition, what: str, tmp_path: Path):
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            logs = "\n".join(p.read_text(errors="replace")[-2000:] for p in tmp_path.glob("*.log"))
            raise AssertionError(f"timed out waiting for {what}\n{logs}")
        time.sleep(0.1)


def test_a_notice_whose_worker_was_killed_mid_send_is_sent_once_by_another(start_worker, tmp_path):
    notice = notify("expert@example.kz", "kk", "Invitation", "Welcome.")
    task = DBTaskResult.objects.get(args_kwargs__args=[notice.pk])

    first = start_worker("first")
    wait_for(lambda: len(list(tmp_path.glob("sending-*"))) == 1, "the first worker to start sending", tmp_path)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    task.refresh_from_db()
    assert task.status == "RUNNING" and task.worker_ids == ["first"]  # what the stock worker leaves for ever
    assert Notification.objects.get(pk=notice.pk).sent_at is None

    (tmp_path / "release").touch()
    second = start_worker("second")
    wait_for(lambda: DBTaskResult.objects.get(pk=task.pk).status == "SUCCESSFUL", "the task to succeed", tmp_path)
    task.refresh_from_db()
    assert task.worker_ids == ["first", "second"]
    assert len(list(tmp_path.glob("sending-*"))) == 2  # begun twice ...
    assert len(list((tmp_path / "sent").iterdir())) == 1  # ... mailed once
    assert Notification.objects.get(pk=notice.pk).sent_at is not None

    second.send_signal(signal.SIGTERM)  # a graceful stop: the worker removes its heartbeat
    assert second.wait(timeout=30) == 0
    assert not WorkerHeartbeat.objects.exists()
