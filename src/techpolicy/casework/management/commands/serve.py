"""`manage.py serve [addrport]`: the development web server and the background worker in one
command (`make run`). Both run as child processes in process groups of their own, so that stopping
reaches runserver's auto-reloading child too; when one of them stops (Ctrl-C, SIGTERM, or either
exits), the other is stopped with it. Production runs the two separately (docs/ARCHITECTURE.md)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence

from django.core.management.base import BaseCommand

STOP_SECONDS = 30  # the worker finishes the task it is running (a report takes seconds), then exits
POLL_SECONDS = 0.5


def _interrupt(signum, frame):
    raise KeyboardInterrupt


PUBLIC_URL = "TECHPOLICY_PUBLIC_URL"


def served_url(addrport: str) -> str:
    """The address `runserver addrport` answers on, as a browser (or a phone scanning a certificate's
    QR code) would write it: "8010" and "0.0.0.0:8010" -> http://127.0.0.1:8010, "[::]:8010" ->
    http://[::1]:8010, "example.kz:8010" -> http://example.kz:8010."""
    host, _, port = addrport.rpartition(":")
    if not port.isdigit():
        host, port = addrport, "8000"
    host = {"": "127.0.0.1", "0": "127.0.0.1", "0.0.0.0": "127.0.0.1", "[::]": "[::1]", "::": "[::1]"}.get(host, host)
    return f"http://{host}:{port}"


def environment(addrport: str, base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of the web server and the worker: links on printed documents and in e-mail
    follow the served address unless TECHPOLICY_PUBLIC_URL is configured."""
    env = dict(os.environ if base is None else base)
    if not env.get(PUBLIC_URL, "").strip():
        env[PUBLIC_URL] = served_url(addrport)
    return env


def run_together(commands: dict[str, Sequence[str]], write=print, env: dict[str, str] | None = None) -> int:
    """Start every command; return when one of them has stopped or on Ctrl-C/SIGTERM, after
    stopping the others. The exit status: 0 when stopped on request, else the first one's status."""
    # Both handled explicitly: a shell that starts a job in the background leaves SIGINT ignored.
    previous = {number: signal.signal(number, _interrupt) for number in (signal.SIGINT, signal.SIGTERM)}
    processes: dict[str, subprocess.Popen] = {}
    status = 0
    try:
        for name, command in commands.items():
            processes[name] = subprocess.Popen(list(command), start_new_session=True, env=env)
        while all(p.poll() is None for p in processes.values()):
            time.sleep(POLL_SECONDS)
        name, stopped = next((n, p) for n, p in processes.items() if p.poll() is not None)
        status = stopped.returncode or 0
        write(f"{name} stopped (exit status {stopped.returncode}); stopping the others")
    except KeyboardInterrupt:
        write("stopping")
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        _stop(processes.values())
    return status


def _stop(processes) -> None:
    running = [p for p in processes if p.poll() is None]
    for process in running:
        _signal_group(process, signal.SIGTERM)
    deadline = time.monotonic() + STOP_SECONDS
    for process in running:
        try:
            process.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            _signal_group(process, signal.SIGKILL)
            process.wait()


def _signal_group(process: subprocess.Popen, number: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # the whole group has gone already
        os.killpg(process.pid, number)


class Command(BaseCommand):
    help = "Run the development web server and the background worker together; Ctrl-C stops both."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport: str, **options):
        # Started as `python -m django` with this process's environment (DJANGO_SETTINGS_MODULE included).
        django = [sys.executable, "-m", "django"]
        # The worker without its auto-reloader: a reloading worker stopped mid-task lingers in the
        # reloader's loop. After changing task code, restart `make run`.
        commands = {"worker": [*django, "run_worker", "--no-reload"], "web server": [*django, "runserver", addrport]}
        status = run_together(commands, write=self.stdout.write, env=environment(addrport))
        if status:
            sys.exit(status)
