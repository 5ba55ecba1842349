"""Load benchmark of the technopark's public pages and API with a large list of participants.

    .venv/bin/python bench/technopark_load.py [--participants 100000] [--seconds 10] [--concurrency 8]
                                              [--postgres]

For each database (a throwaway SQLite file in a temporary directory; then PostgreSQL, either the
database named by DATABASE_URL or, with --postgres, a throwaway database `techpolicy_bench` on
127.0.0.1:5432 created and dropped by the script), each in a process of its own, it
migrates the database, bulk-creates N registered participants
(organisation, case in state "registered", certificate, entry in the list of participants),
starts the real WSGI application in a server on 127.0.0.1 (waitress when it is installed,
otherwise Django's runserver --noreload), and runs a bounded load against each target: a fixed
duration at a fixed concurrency, threads with http.client, 127.0.0.1 only. It prints requests
per second, p50/p95 latency, errors, and each target's figures relative to a trivial view
measured in the same run, and at the end the table of issue 11 (each target's requests per
second relative to the trivial view, against its goal) for every database. It asserts nothing
about timing. See bench/README.md.
"""

from __future__ import annotations

import argparse
import http.client
import importlib.util
import io
import json
import os
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
SEARCH_WORD = "Көкжиек"  # in about one name in twelve; a Kazakh word is the slowest search on SQLite
WORDS = ["Көкжиек", "Altyn", "Steppe", "Nomad", "Qazaq", "Тұлпар", "Сұңқар", "Байтерек",
         "Alatau", "Zhibek", "Ертіс", "Orda"]
MIDDLE = "Nomad"  # a keyset page after the names before it: about half the list lies before it
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
POSTGRES_BENCH = "techpolicy_bench"
# Issue 11: requests per second relative to the trivial view, the figure before it and the goal.
GOALS = [
    ("register page, first page", "register page, first page", 0.041, 0.5),
    ("register page, search", "register page, name search (Kazakh word)", 0.017, 0.3),
    ("register JSON API, first 50", "register JSON API, first 50", 0.074, 0.5),
    ("pre-check API POST", "pre-check API", 0.209, 0.5),
]
SUFFIXES = ["Tech", "Data", "Systems", "Cloud", "AI", "Soft", "Lab", "Digital"]
LEGAL_FORMS = ["ЖШС", "LLP", "АҚ"]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=100_000, help="participants to create")
    parser.add_argument("--seconds", type=float, default=10.0, help="measured duration per target")
    parser.add_argument("--concurrency", type=int, default=8, help="client threads per target")
    parser.add_argument("--batch", type=int, default=5_000, help="rows per bulk_create batch")
    parser.add_argument("--server", choices=("auto", "waitress", "runserver"), default="auto",
                        help="auto: waitress when installed, else Django's runserver --noreload")
    parser.add_argument("--threads", type=int, default=8, help="server threads (waitress only)")
    parser.add_argument("--reuse", action="store_true",
                        help="PostgreSQL: use the participants already in the database, add none")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary SQLite directory and the throwaway PostgreSQL database")
    parser.add_argument("--postgres", action="store_true",
                        help=f"also measure on PostgreSQL: a throwaway database {POSTGRES_BENCH} on "
                        f"{POSTGRES_SERVER.split('@')[1]}, created now and dropped at the end")
    parser.add_argument("--only", choices=("sqlite", "postgresql"), help=argparse.SUPPRESS)  # one database
    parser.add_argument("--results", help=argparse.SUPPRESS)  # where --only writes its ratios
    return parser.parse_args()


# --- the database -----------------------------------------------------------------------------


def setup_django(data_dir: Path) -> None:
    """Environment for this process and the server subprocess, then django.setup()."""
    os.environ["TECHPOLICY_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "techpolicy.site.settings")
    os.environ["TECHPOLICY_DEBUG"] = "0"  # production-like: no debug pages, no query log
    os.environ["TECHPOLICY_ALLOWED_HOSTS"] = HOST
    os.environ.setdefault("TECHPOLICY_SECRET_KEY", "bench-only-" + os.urandom(16).hex())
    os.environ["TECHPOLICY_LOG_LEVEL"] = "ERROR"
    # The server speaks plain HTTP on loopback: the production HTTPS redirect would answer every page 301.
    os.environ["TECHPOLICY_SSL_REDIRECT"] = "0"
    # All requests come from one address: the limit on anonymous writes (30 a minute by default)
    # would refuse nearly every pre-check. Each pre-check still takes its counter's write.
    os.environ["TECHPOLICY_ANON_WRITES_PER_MINUTE"] = "100000000"
    import django

    django.setup()


def _batches(total: int, size: int):
    for start in range(0, total, size):
        yield range(start, min(start + size, total))


def seed(count: int, batch: int) -> dict:
    """Bulk-create `count` registered participants; returns what the targets need."""
    import datetime as dt

    from django.db import transaction
    from django.utils import timezone

    from techpolicy.accounts.models import Organisation, User
    from techpolicy.casework import law_context
    from techpolicy.casework.models import Case, Certificate, RegisterEntry, RegisterEvent
    from techpolicy.casework.registers import natural_key
    from techpolicy.casework.registers.search import search_text, search_words
    from techpolicy.services.technopark.law import activity_types
    from techpolicy.services.technopark.participants import ENTRY, PARTICIPANTS, REGISTER, TERMINATION
    from techpolicy.services.technopark.service import REGISTRATION
    from techpolicy.services.technopark.workflows import PARTICIPATION

    today = law_context.today()
    now = timezone.now()
    codes = sorted(activity_types(today))
    owner, _ = User.objects.get_or_create(username="bench-applicant")
    rng = random.Random(20260101)
    for rows in _batches(count, batch):
        with transaction.atomic():
            plans = []
            for i in rows:
                name = (f"{rng.choice(WORDS)} {rng.choice(SUFFIXES)} {i:06d} "
                        f"{rng.choice(LEGAL_FORMS)}")
                start = today - dt.timedelta(days=rng.randrange(0, 3 * 365))
                until = start + dt.timedelta(days=3 * 365)
                roll = rng.random()  # 80 % active, 10 % lapsed, 10 % terminated early
                if roll < 0.10:
                    start, until = start - dt.timedelta(days=4 * 365), until - dt.timedelta(days=4 * 365)
                status = (RegisterEntry.STATUS_TERMINATED if roll > 0.90
                          else RegisterEntry.STATUS_ACTIVE)
                types = rng.sample(codes, k=rng.randint(1, min(3, len(codes))))
                plans.append((i, name, start, until, status, types))
            organisations = Organisation.objects.bulk_create(
                Organisation(name=name, bin=f"9{i:011d}", city="Астана")
                for i, name, *_ in plans)
            cases = Case.objects.bulk_create(
                Case(number=f"AH-BENCH-{i:07d}", workflow=PARTICIPATION.id, title=name,
                     organisation=org, created_by=owner, state="registered", state_entered_at=now,
                     submitted_on=start)
                for (i, name, start, *_), org in zip(plans, organisations, strict=True))
            certificates = Certificate.objects.bulk_create(
                Certificate(number=f"{REGISTRATION.prefix}-{start.year}-{i:06d}", kind=REGISTRATION.key, case=case,
                            organisation=org, issued_on=start, valid_from=start, valid_until=until,
                            activity_types=types)
                for (i, _n, start, until, _s, types), case, org
                in zip(plans, cases, organisations, strict=True))
            # What casework.registers.enter/end write, in bulk: the entry, its entering (p.20) and,
            # for a terminated one, its removal today (p.41).
            entries = RegisterEntry.objects.bulk_create(
                RegisterEntry(register=REGISTER, key=natural_key(PARTICIPANTS, {"organisation": org}),
                              organisation=org, case=case, certificate=cert, name=name, bin=org.bin,
                              data={"activity_types": types}, entered_on=start, valid_from=start, valid_until=until,
                              status=status,
                              search_text=(text := search_text(PARTICIPANTS, name, org.bin,
                                                               {"activity_types": types})),
                              search_words=search_words(text),
                              ended_on=today if status == RegisterEntry.STATUS_TERMINATED else None,
                              basis_citation=(TERMINATION if status == RegisterEntry.STATUS_TERMINATED
                                              else ENTRY).ref,
                              basis_on=today if status == RegisterEntry.STATUS_TERMINATED else start)
                for (_i, name, start, until, status, types), org, case, cert
                in zip(plans, organisations, cases, certificates, strict=True))
            published = ("name", "bin", "data", "certificate_id", "valid_from", "valid_until", "search_text",
                         "search_words")
            events = [RegisterEvent(entry=e, register=REGISTER, kind=RegisterEvent.ENTERED, on=e.entered_on,
                                    citation=ENTRY.ref, status=RegisterEntry.STATUS_ACTIVE,
                                    **{f: getattr(e, f) for f in published}) for e in entries]
            events += [RegisterEvent(entry=e, register=REGISTER, kind=RegisterEvent.ENDED, on=today,
                                     citation=TERMINATION.ref, status=e.status, **{f: getattr(e, f) for f in published})
                       for e in entries if e.status == RegisterEntry.STATUS_TERMINATED]
            RegisterEvent.objects.bulk_create(events)
        done = rows.stop
        if done % (batch * 4) == 0 or done == count:
            print(f"  {done:>9,} / {count:,} participants", flush=True)
    return {"activity": codes[0], "today": today}


def prepare_database(args) -> dict:
    from django.core.management import call_command
    from django.db import connection

    from techpolicy.casework import law_context
    from techpolicy.casework.models import RegisterEntry
    from techpolicy.services.technopark.law import activity_types
    from techpolicy.services.technopark.participants import REGISTER

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("import_activity_types", stdout=io.StringIO())
    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']}), "
          f"migrated in {time.perf_counter() - started:.1f} s")
    existing = RegisterEntry.objects.filter(register=REGISTER).count()
    if existing and not args.reuse:
        sys.exit(f"the database already holds {existing:,} participants: point DATABASE_URL at "
                 "an empty throwaway database, or pass --reuse to measure with those")
    if args.reuse:
        today = law_context.today()
        print(f"reusing {existing:,} participants already in the database")
        return {"activity": sorted(activity_types(today))[0], "today": today}
    started = time.perf_counter()
    print(f"seeding {args.participants:,} participants in batches of {args.batch:,} ...", flush=True)
    context = seed(args.participants, args.batch)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    elapsed = time.perf_counter() - started
    print(f"seeded {args.participants:,} participants (4 rows each) in {elapsed:.1f} s "
          f"({args.participants / elapsed:,.0f} participants/s)")
    return context


# --- the server -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def server_command(kind: str, port: int, threads: int) -> tuple[str, list[str]]:
    has_waitress = importlib.util.find_spec("waitress") is not None
    if kind == "waitress" and not has_waitress:
        sys.exit("waitress is not installed; use --server runserver")
    if kind == "waitress" or (kind == "auto" and has_waitress):
        return f"waitress ({threads} threads)", [
            sys.executable, "-m", "waitress", f"--listen={HOST}:{port}", f"--threads={threads}",
            "techpolicy.site.wsgi:application"]
    return "Django runserver --noreload (a thread per request)", [
        sys.executable, str(ROOT / "manage.py"), "runserver", "--noreload", "--skip-checks",
        f"{HOST}:{port}"]


def start_server(command: list[str], port: int, log: Path) -> subprocess.Popen:
    handle = log.open("wb")
    process = subprocess.Popen(command, cwd=ROOT, env=os.environ.copy(), stdout=handle,
                               stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"the server exited with {process.returncode}; see {log}")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/i18n/setlang/")
            connection.getresponse().read()
            connection.close()
            return process
        except OSError:
            time.sleep(0.2)
    stop_server(process)
    sys.exit(f"the server did not answer within 60 s; see {log}")


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# --- the load ---------------------------------------------------------------------------------


@dataclass
class Target:
    name: str
    method: str
    path: str
    body: bytes | None = None
    headers: dict = field(default_factory=dict)


@dataclass
class Result:
    target: Target
    elapsed: float
    latencies: list[float]
    errors: list[str]

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.elapsed

    def percentile(self, p: int) -> float:
        if len(self.latencies) < 2:
            return self.latencies[0] if self.latencies else float("nan")
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[p - 1]


def send(port: int, target: Target) -> tuple[int, bytes]:
    """One request on a new connection ("Connection: close").

    Not keep-alive on purpose: runserver writes a response in several small segments, and on a
    kept-alive connection Nagle's algorithm on the server meets the client's delayed ACK, so
    every request waits about 40 ms for nothing and every target looks alike."""
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        connection.request(target.method, target.path, body=target.body,
                           headers={"Connection": "close", **target.headers})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def run_load(target: Target, port: int, seconds: float, concurrency: int) -> Result:
    latencies: list[float] = []
    errors: list[str] = []
    barrier = threading.Barrier(concurrency + 1)
    deadline = [0.0]

    def worker() -> None:
        mine: list[float] = []
        barrier.wait()
        while (started := time.perf_counter()) < deadline[0]:
            try:
                status, _body = send(port, target)
            except (OSError, http.client.HTTPException) as exc:
                errors.append(type(exc).__name__)
                continue
            if 200 <= status < 400:
                mine.append(time.perf_counter() - started)
            else:
                errors.append(f"HTTP {status}")
        latencies.extend(mine)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    begin = time.perf_counter()
    deadline[0] = begin + seconds
    barrier.wait()
    for thread in threads:
        thread.join()
    return Result(target, time.perf_counter() - begin, latencies, errors)


def check(target: Target, port: int) -> str:
    """One unmeasured request per target: what it answers, so the figures measure real work."""
    status, body = send(port, target)
    note = f"HTTP {status}, {len(body) / 1024:.1f} kB"
    if target.path.startswith("/api/v1/technopark/participants"):
        note += f", count={json.loads(body).get('count')}"
    elif target.path.startswith("/api/v1/technopark/precheck"):
        note += f", outcome={json.loads(body).get('outcome')}"
    return note


def warm_up(target: Target, port: int, concurrency: int) -> None:
    run_load(target, port, seconds=1.0, concurrency=concurrency)


def targets(context: dict) -> list[Target]:
    from techpolicy.casework.registers import keyset
    from techpolicy.services.technopark.demo import participation_facts

    facts = participation_facts("Bench Precheck LLP", "991231000001", context["activity"],
                                context["today"])
    search = urllib.parse.urlencode({"q": SEARCH_WORD})
    year_ago = context["today"].replace(year=context["today"].year - 1)
    return [
        Target("trivial view: GET /i18n/setlang/ (302, no DB)", "GET", "/i18n/setlang/"),
        Target("register page, first page", "GET", "/kk/technopark/participants/"),
        Target(f"register page, search q={SEARCH_WORD}", "GET",
               f"/kk/technopark/participants/?{search}"),
        Target("register JSON API, first 50", "GET", "/api/v1/technopark/participants?limit=50"),
        Target("register page as of a year ago (history)", "GET",
               f"/kk/registers/technopark.participants/?as_of={year_ago.isoformat()}"),
        Target("register API as of a year ago, first 50", "GET",
               f"/api/v1/registers/technopark.participants/entries?limit=50&as_of={year_ago.isoformat()}"),
        Target("register API as of a year ago, keyset page mid-list", "GET",
               f"/api/v1/registers/technopark.participants/entries?limit=50&as_of={year_ago.isoformat()}"
               f"&after={keyset.encode(MIDDLE, 1)}"),
        Target("pre-check API POST", "POST", "/api/v1/technopark/precheck?lang=kk",
               json.dumps(facts).encode(), {"Content-Type": "application/json"}),
    ]


def report(results: list[Result], args, server: str) -> None:
    trivial = results[0]
    print()
    print(f"load: {args.seconds:g} s per target, {args.concurrency} client threads, "
          f"server: {server}")
    header = (f"{'target':<48} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7} "
              f"{'req/s ÷ trivial':>16} {'p50 × trivial':>14}")
    print(header)
    print("-" * len(header))
    for result in results:
        p50, p95 = result.percentile(50) * 1000, result.percentile(95) * 1000
        ratio_rps = result.rps / trivial.rps if trivial.rps else float("nan")
        ratio_p50 = p50 / (trivial.percentile(50) * 1000)
        print(f"{result.target.name[:48]:<48} {result.rps:>8.1f} {p50:>8.1f} {p95:>8.1f} "
              f"{len(result.errors):>7} {ratio_rps:>16.3f} {ratio_p50:>14.1f}")
    for result in results:
        if result.errors:
            kinds = {e: result.errors.count(e) for e in sorted(set(result.errors))}
            print(f"errors of {result.target.name}: {kinds}")


def ratios(results: list[Result]) -> dict[str, float]:
    """Each target's requests per second relative to the trivial view, by target name."""
    trivial = results[0].rps
    return {r.target.name: (r.rps / trivial if trivial else float("nan")) for r in results}


def goal_table(database: str, measured: dict[str, float]) -> None:
    """The table of issue 11 for one database: the figure before, this run's, the goal."""
    print(f"\n{database}: requests per second relative to the trivial view on the same server")
    header = f"{'target':<44} {'issue 11':>9} {'now':>7} {'goal':>7}  met"
    print(header)
    print("-" * len(header))
    for prefix, label, before, goal in GOALS:
        now = next((v for name, v in measured.items() if name.startswith(prefix)), float("nan"))
        met = "yes" if now >= goal else "no"
        print(f"{label:<44} {before:>8.3f}× {now:>6.3f}× {'≥ ' + format(goal, 'g'):>6}×  {met}")


def measure(args) -> dict[str, float]:
    """The whole run on the database this process is configured for; returns the ratios."""
    temporary = None
    if os.environ.get("DATABASE_URL"):
        data_dir = Path(tempfile.mkdtemp(prefix="techpolicy-bench-"))  # uploads and logs only
    else:
        temporary = data_dir = Path(tempfile.mkdtemp(prefix="techpolicy-bench-"))
    setup_django(data_dir)
    import django

    print(f"TechPolicy KZ load benchmark · Python {platform.python_version()} · Django "
          f"{django.get_version()} · {os.cpu_count()} CPUs · data dir {data_dir}")
    context = prepare_database(args)
    from django.db import connections

    connections.close_all()  # the server process has its own connections

    port = free_port()
    server, command = server_command(args.server, port, args.threads)
    log = data_dir / "server.log"
    process = start_server(command, port, log)
    try:
        print(f"server: {server} on http://{HOST}:{port}/ (log: {log})")
        results = []
        for target in targets(context):
            print(f"  {target.name}: {check(target, port)}", flush=True)
            warm_up(target, port, args.concurrency)
            results.append(run_load(target, port, args.seconds, args.concurrency))
    finally:
        stop_server(process)
    report(results, args, server)
    if temporary is not None and not args.keep:
        shutil.rmtree(temporary, ignore_errors=True)
    elif temporary is not None:
        print(f"kept {temporary}")
    return ratios(results)


def _postgres(statement: str) -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def run_child(args, database: str, env: dict[str, str]) -> dict[str, float] | None:
    """One database's run in a process of its own (Django is configured once per process)."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        results = Path(handle.name)
    command = [sys.executable, __file__, "--only", database, "--results", str(results)]
    for name in ("participants", "seconds", "concurrency", "batch", "server", "threads"):
        command += [f"--{name}", str(getattr(args, name))]
    command += [flag for flag, on in (("--reuse", args.reuse), ("--keep", args.keep)) if on]
    print(f"\n===== {database} =====", flush=True)
    finished = subprocess.run(command, env=env, check=False)
    measured = json.loads(results.read_text() or "null") if finished.returncode == 0 else None
    results.unlink(missing_ok=True)
    return measured


def main() -> None:
    args = parse_args()
    if args.only:
        measured = measure(args)
        if args.results:
            Path(args.results).write_text(json.dumps(measured))
        return
    runs: dict[str, dict[str, float] | None] = {}
    sqlite_env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    runs["SQLite"] = run_child(args, "sqlite", sqlite_env)
    url = os.environ.get("DATABASE_URL")
    if args.postgres and not url:
        _postgres(f"DROP DATABASE IF EXISTS {POSTGRES_BENCH}")
        _postgres(f"CREATE DATABASE {POSTGRES_BENCH}")
        url = f"{POSTGRES_SERVER}/{POSTGRES_BENCH}"
        try:
            runs["PostgreSQL"] = run_child(args, "postgresql", {**os.environ, "DATABASE_URL": url})
        finally:
            if not args.keep:
                _postgres(f"DROP DATABASE IF EXISTS {POSTGRES_BENCH} WITH (FORCE)")
    elif url:
        runs["PostgreSQL"] = run_child(args, "postgresql", dict(os.environ))
    print(f"\nissue 11 targets · {args.participants:,} participants · {args.concurrency} client threads · "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for database, measured in runs.items():
        if measured is None:
            print(f"\n{database}: the run failed (see above)")
        else:
            goal_table(database, measured)


if __name__ == "__main__":
    main()
