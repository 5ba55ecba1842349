"""The system tried as an attacker and a busy office would, on a server with debug off.

    .venv/bin/python bench/hostile_load.py [--database sqlite|postgres|both] [--examples 20]

For each database it creates a fresh one (a SQLite file in a temporary directory; PostgreSQL: the
throwaway database techpolicy_hostile on 127.0.0.1, dropped and re-created), runs `migrate` and
`load_demo` with TECHPOLICY_DEBUG=0 and a random secret key, starts waitress (and the task worker
when `run_worker` exists) on 127.0.0.1, and prints:

1. every state-changing endpoint hit by 20 identical requests at once (a barrier releases the
   threads together): successes, clear refusals, 5xx, and duplicates counted in the database;
2. the pre-check of a 16-layer ownership "diamond ladder" and of a 1,200-entity chain, through the
   API and the web form, against a one-shareholder baseline (time and response size);
3. the API fuzzer (schemathesis) over /api/v1/openapi.json, anonymous and as the signed-in analyst:
   calls made, 5xx answers, failed checks;
4. `manage.py check --deploy` with debug off, a strong key and allowed hosts (production defaults).

It prints figures and asserts nothing. See bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile import server as srv  # noqa: E402 (the package beside this script)

LOOPBACK_ONLY = ("TECHPOLICY_SSL_REDIRECT", "TECHPOLICY_SECURE_COOKIES", "TECHPOLICY_HSTS_SECONDS")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--examples", type=int, default=20, help="fuzzer examples per API operation")
    parser.add_argument("--fuzz-seconds", type=float, default=300, help="bound of each fuzzer run")
    parser.add_argument("--layers", type=int, default=16, help="layers of the ownership ladder")
    parser.add_argument("--chain", type=int, default=1200, help="entities of the straight ownership chain")
    parser.add_argument("--only", default="", help="run only the races whose name contains this text")
    parser.add_argument("--keep", action="store_true", help="keep the data directory (logs, SQLite file)")
    return parser.parse_args()


def section(title: str) -> None:
    print(f"\n== {title} ==", flush=True)


def rss_of(pid: int):
    def rss() -> float:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            return 0.0
        line = next((x for x in status.splitlines() if x.startswith("VmRSS:")), "VmRSS: 0 kB")
        return int(line.split()[1]) / 1024
    return rss


def logged(paths) -> str:
    total = sum(paths.values())
    return f"{total}" + (" (" + ", ".join(f"{p} ×{n}" for p, n in paths.most_common(8)) + ")" if total else "")


def races(base: str, only: str) -> list:
    from hostile import races as r
    from hostile.cases import SCENARIOS
    from hostile.studies import new_study  # noqa: F401 (registers the study and API scenarios)

    sessions = r.Sessions(base)
    outcomes = []
    for name, build in SCENARIOS:
        if only and only not in name:
            continue
        outcome = r.run(name, build, sessions)
        outcomes.append(outcome)
        print(f"  {name}: {dict(outcome.answers) or outcome.skipped}", flush=True)
    return outcomes


def prechecks(base: str, layers: int, chain: int, rss) -> list:
    from hostile import ownership

    from techpolicy.casework import law_context
    from techpolicy.services.technopark.demo import participation_facts

    today = law_context.today()
    facts = participation_facts("Ladder LLP", "991240000002", "S-01", today)
    return ownership.run(base, facts, today, layers, chain, rss)


def fuzzing(base: str, examples: int, seconds: float) -> list:
    from hostile import fuzz
    from hostile.client import Client

    analyst = Client(base).login("analyst")
    cookies = "; ".join(f"{k}={v}" for k, v in analyst.session.cookies.items())
    schema = f"{base}/api/v1/openapi.json"
    results = []
    for label, headers in (("anonymous", {}),
                           ("analyst (session)", {"Cookie": cookies, "X-CSRFToken": analyst.csrf()})):
        started = time.perf_counter()
        results.append(fuzz.run(schema, label, examples, headers, seconds))
        print(f"  fuzzer, {label}: {time.perf_counter() - started:.0f} s", flush=True)
    return results


def one_database(args) -> None:
    data_dir = Path(tempfile.mkdtemp(prefix=f"techpolicy-hostile-{args.database}-"))
    try:
        measure(args, data_dir)
    finally:
        if args.keep:
            print(f"kept {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)


def measure(args, data_dir: Path) -> None:
    env = srv.environment(args.database, data_dir)
    print(f"TechPolicy KZ hostile load · {args.database} · Python {platform.python_version()} · "
          f"{os.cpu_count()} CPUs · data dir {data_dir}", flush=True)
    srv.prepare(args.database, env)
    os.environ.update(env)  # the harness reads the same database through the ORM to count duplicates
    if args.database == "sqlite":
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from hostile import ownership
    from hostile import races as r

    with srv.Server(env, data_dir) as server:
        print(f"server: waitress, 8 threads, {server.url} · worker: "
              f"{'manage.py run_worker' if server.worker else 'none (no run_worker command)'}", flush=True)
        section("races")
        outcomes = races(server.url, args.only)
        errors_after_races = server.server_errors_logged()
        section("ownership pre-checks")
        measured = prechecks(server.url, args.layers, args.chain, rss_of(server.processes[0][1].pid))
        section("fuzzer")
        fuzzed = fuzzing(server.url, args.examples, args.fuzz_seconds) if args.examples > 0 else []
        tracebacks = server.server_errors_logged()
    production = {k: v for k, v in env.items() if k not in LOOPBACK_ONLY}
    deploy = srv.check_deploy(production)

    section(f"results · {args.database}")
    print(f"{r.PARALLEL} identical requests at once per endpoint (dupl.: records beyond what the rule allows; "
          "n/a: nothing stored)")
    print(r.table(outcomes))
    print(f"500s in the server log after the races: {logged(errors_after_races)}")
    print()
    print(ownership.table(measured))
    if fuzzed:
        from hostile import fuzz

        print()
        print(f"fuzzer: schemathesis, --checks all, --max-examples {args.examples}")
        print(fuzz.table(fuzzed))
    print(f"500s in the server log at the end (races, pre-checks, fuzzer): {logged(tracebacks)}")
    print()
    print("manage.py check --deploy (TECHPOLICY_DEBUG=0, random secret key, allowed hosts, production defaults):")
    print(deploy)


def main() -> None:
    args = parse_args()
    if args.database != "both":
        one_database(args)
        return
    for database in ("sqlite", "postgres"):
        command = [sys.executable, __file__, "--database", database, "--examples", str(args.examples),
                   "--fuzz-seconds", str(args.fuzz_seconds), "--layers", str(args.layers),
                   "--chain", str(args.chain), "--only", args.only, *(["--keep"] if args.keep else [])]
        # Each database in its own process: Django is set up once per process, on one database.
        subprocess.run(command, check=False, timeout=3600)
        print(flush=True)


if __name__ == "__main__":
    main()
