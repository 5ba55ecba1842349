"""`make run` starts everything with one command (issue 8, background work): `manage.py serve`
runs the web server and the worker side by side, and stopping one stops the other, including the
processes they start themselves (runserver's auto-reloading child)."""

import os
import signal
import sys
import threading
import time
from pathlib import Path
from unittest import mock

from django.core.management import call_command

from techpolicy.casework.management.commands import serve

SLEEPER = "import os, sys, time; open(sys.argv[1], 'w').write(str(os.getpid())); time.sleep(600)"
# A child that starts a grandchild of its own and waits for it, as runserver's reloader does.
PARENT = "import subprocess, sys; subprocess.Popen([sys.executable, '-c', sys.argv[1], sys.argv[2]]).wait()"
# Exits with status 3 once the grandchild has started.
EXIT_WHEN_STARTED = "import os, sys, time\nwhile not os.path.exists(sys.argv[1]): time.sleep(0.05)\nsys.exit(3)"


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")  # a zombie has stopped; only its parent has not looked yet


def pid_in(path: Path) -> int:
    deadline = time.monotonic() + 60
    while not (path.exists() and path.read_text()):
        assert time.monotonic() < deadline, f"{path} never written"
        time.sleep(0.05)
    return int(path.read_text())


def gone(pid: int) -> bool:
    deadline = time.monotonic() + 30
    while alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_when_one_stops_the_other_and_its_children_are_stopped(tmp_path):
    grandchild = tmp_path / "grandchild.pid"
    commands = {"web server": [sys.executable, "-c", PARENT, SLEEPER, str(grandchild)],
                "worker": [sys.executable, "-c", EXIT_WHEN_STARTED, str(grandchild)]}
    said = []
    assert serve.run_together(commands, write=said.append) == 3
    assert said == ["worker stopped (exit status 3); stopping the others"]
    assert gone(pid_in(grandchild))


def test_ctrl_c_or_sigterm_stops_both(tmp_path):
    pids = [tmp_path / "a.pid", tmp_path / "b.pid"]
    commands = {name: [sys.executable, "-c", SLEEPER, str(path)] for name, path in zip("ab", pids, strict=True)}

    def stop_when_started():
        for path in pids:
            pid_in(path)
        os.kill(os.getpid(), number)

    for number in (signal.SIGINT, signal.SIGTERM):  # Ctrl-C, and what a service manager sends
        for path in pids:
            path.unlink(missing_ok=True)
        threading.Thread(target=stop_when_started, daemon=True).start()
        assert serve.run_together(commands, write=lambda text: None) == 0
        assert all(gone(pid_in(path)) for path in pids)
        assert signal.getsignal(number) is not serve._interrupt  # the handler is given back


def test_serve_starts_the_worker_and_the_web_server():
    with mock.patch.object(serve, "run_together", return_value=0) as run:
        call_command("serve", "127.0.0.1:8765")
    commands = run.call_args.args[0]
    assert commands["worker"][-2:] == ["run_worker", "--no-reload"]
    assert commands["web server"][-2:] == ["runserver", "127.0.0.1:8765"]
