"""The server under test: a fresh database, `migrate` and `load_demo`, waitress and the task
worker as subprocesses on 127.0.0.1, all with debug off and a random secret key."""

from __future__ import annotations

import os
import re
import secrets
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent.parent
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
POSTGRES_DATABASE = "techpolicy_hostile"


def environment(database: str, data_dir: Path) -> dict[str, str]:
    """The production-like settings of the run: debug off, plain HTTP on loopback (so no SSL
    redirect, secure cookies or HSTS), throttles high enough that the races measure the races."""
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update({
        "DJANGO_SETTINGS_MODULE": "techpolicy.site.settings",
        "TECHPOLICY_DATA_DIR": str(data_dir),
        "TECHPOLICY_DEBUG": "0",
        "TECHPOLICY_SECRET_KEY": secrets.token_urlsafe(50),
        "TECHPOLICY_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "TECHPOLICY_SSL_REDIRECT": "0",
        "TECHPOLICY_SECURE_COOKIES": "0",
        "TECHPOLICY_HSTS_SECONDS": "0",
        "TECHPOLICY_ANON_WRITES_PER_MINUTE": "100000",
        "TECHPOLICY_LOGIN_FAILURE_LIMIT": "1000",
        "TECHPOLICY_LOG_LEVEL": "ERROR",
    })
    if database == "postgres":
        env["DATABASE_URL"] = f"{POSTGRES_SERVER}/{POSTGRES_DATABASE}"
    return env


def recreate_postgres() -> None:
    """Drop and re-create the throwaway database (never one anybody else uses)."""
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True, connect_timeout=10) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{POSTGRES_DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{POSTGRES_DATABASE}"')


def manage(env: dict, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout, check=False)


def prepare(database: str, env: dict) -> None:
    if database == "postgres":
        recreate_postgres()
    for command in (("migrate", "--noinput"), ("load_demo",)):
        started = time.perf_counter()
        done = manage(env, *command)
        if done.returncode != 0:
            sys.exit(f"manage.py {' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
        print(f"  manage.py {command[0]}: {time.perf_counter() - started:.1f} s", flush=True)


def has_command(env: dict, name: str) -> bool:
    listing = manage(env, "help", "--commands", timeout=120)
    return name in listing.stdout.split()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Server:
    """waitress (8 threads) and, when the command exists, the task worker; stopped on exit."""

    def __init__(self, env: dict, data_dir: Path, threads: int = 8):
        self.env, self.data_dir, self.threads = env, data_dir, threads
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.processes: list[tuple[str, subprocess.Popen]] = []
        self.worker = False

    def _spawn(self, name: str, command: list[str]) -> subprocess.Popen:
        log = (self.data_dir / f"{name}.log").open("ab")
        process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        self.processes.append((name, process))
        return process

    def __enter__(self) -> Server:
        web = self._spawn("server", [str(BIN / "waitress-serve"), f"--listen={HOST}:{self.port}",
                                     f"--threads={self.threads}", "techpolicy.site.wsgi:application"])
        if has_command(self.env, "run_worker"):
            self._spawn("worker", [sys.executable, str(ROOT / "manage.py"), "run_worker"])
            self.worker = True
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if web.poll() is not None:
                self.__exit__(None, None, None)
                sys.exit(f"the server exited with {web.returncode}; see {self.data_dir / 'server.log'}")
            try:
                requests.get(f"{self.url}/kk/", timeout=5)
                return self
            except requests.RequestException:
                time.sleep(0.3)
        self.__exit__(None, None, None)
        sys.exit(f"the server did not answer within 60 s; see {self.data_dir / 'server.log'}")

    def __exit__(self, *_exc) -> None:
        for _name, process in self.processes:
            process.terminate()
        for _name, process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=15)

    def server_errors_logged(self) -> Counter:
        """The 500s in the server's log by path and exception: Django logs "Internal Server Error:
        PATH" and the traceback for each unhandled exception."""
        log = self.data_dir / "server.log"
        text = log.read_text(errors="replace") if log.exists() else ""
        parts = re.split(r"^(?:Internal Server Error:|Exception while serving) (\S+)$", text, flags=re.M)
        return Counter(f"{path} {_exception(body)}" for path, body in zip(parts[1::2], parts[2::2], strict=True))


def _exception(body: str) -> str:
    """The last exception of the traceback that follows a log line, through chained causes."""
    lines, last, i = body.splitlines(), "", 0
    while i < len(lines):
        if not lines[i].startswith("Traceback (most recent call last):"):
            i += 1
            continue
        i += 1
        while i < len(lines) and (not lines[i].strip() or lines[i].startswith(" ")):
            i += 1
        last = lines[i][:140] if i < len(lines) else last
        i += 1
        while i < len(lines) and not lines[i].strip():
            i += 1
        if i >= len(lines) or not lines[i].startswith(("The above exception", "During handling")):
            break
    return f"({last})" if last else ""


def check_deploy(env: dict) -> str:
    done = manage(env, "check", "--deploy", timeout=300)
    return (done.stdout + done.stderr).strip() + f"\n(exit status {done.returncode})"
