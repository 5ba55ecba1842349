"""Issue 8, finding 3: on a file-based SQLite database (the embedded deployment), transactions that read
and then write failed with "database is locked" when they ran at the same moment (up to 13 of 20
requests). The settings begin every transaction IMMEDIATE, with a busy timeout, so writers queue.

Staged in a child process started with DATABASE_URL naming a temporary SQLite file, so it reads the
very DATABASES the settings build for SQLite (the test database of the suite is in memory, or is
PostgreSQL). Threads each run read-then-write transactions on one counter row; with the settings
every one succeeds and no increment is lost. The same script with the transaction mode set back to
DEFERRED (SQLite's default) shows the finding: some transactions fail with "database is locked"."""

import json
import os
import subprocess
import sys

import pytest

WRITERS, ROUNDS = 8, 5

SCRIPT = r"""
import json, sys, threading, time
import django
django.setup()
from django.conf import settings
from django.db import OperationalError, connection, connections, transaction

mode, writers, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
options = settings.DATABASES["default"]["OPTIONS"]
if mode != "settings":
    options["transaction_mode"] = mode  # before the first connection is opened
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)")
    cursor.execute("INSERT INTO counter VALUES (1, 0)")
connections.close_all()
start, errors = threading.Barrier(writers), []

def writer():
    start.wait()
    for _ in range(rounds):
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT n FROM counter WHERE id = 1")
                n = cursor.fetchone()[0]
                time.sleep(0.01)  # the time a request spends between its read and its write
                cursor.execute("UPDATE counter SET n = %s WHERE id = 1", [n + 1])
        except OperationalError as exc:
            errors.append(str(exc))
    connections.close_all()

threads = [threading.Thread(target=writer) for _ in range(writers)]
for t in threads: t.start()
for t in threads: t.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT n FROM counter WHERE id = 1")
    n = cursor.fetchone()[0]
print(json.dumps({"errors": errors, "n": n, "options": {k: options.get(k) for k in ("transaction_mode", "timeout")}}))
"""


def run(tmp_path, mode: str) -> dict:
    env = os.environ | {"DATABASE_URL": f"sqlite:///{tmp_path / 'race.sqlite3'}",
                        "DJANGO_SETTINGS_MODULE": "techpolicy.site.settings"}
    done = subprocess.run([sys.executable, "-c", SCRIPT, mode, str(WRITERS), str(ROUNDS)], env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_finding3_with_the_settings_concurrent_read_then_write_transactions_queue_and_all_succeed(tmp_path):
    result = run(tmp_path, "settings")
    assert result["options"]["transaction_mode"] == "IMMEDIATE" and result["options"]["timeout"] >= 1
    assert result["errors"] == []
    assert result["n"] == WRITERS * ROUNDS  # every increment counted, none lost


@pytest.mark.parametrize("mode", ["DEFERRED"])
def test_finding3_deferred_transactions_fail_with_database_is_locked(tmp_path, mode):
    """The finding itself, so that the test above is known to test something: with SQLite's default
    mode the readers cannot all upgrade to writers, and SQLite refuses some at once (no busy wait)."""
    result = run(tmp_path, mode)
    assert result["errors"] and all("database is locked" in e for e in result["errors"])
    assert result["n"] == WRITERS * ROUNDS - len(result["errors"])  # the data stays consistent
