"""The pre-check of 001 p.7(4) on "diamond ladders" of growing depth (finding 1 of issue 8).

    .venv/bin/python bench/ownership_ladder.py [--layers 4,8,12,16,20,24,32,48,64] [--chain 1200] [--repeat 5]

A ladder has two entities per layer, each held 50/50 by both entities of the next layer, the top
layer the state: 2^layers ownership chains, all of them state-owned. For each ladder, a straight
chain of `--chain` entities, and a one-shareholder application (the baseline), it posts the
pre-check through the Django test client, in process, with debug off: the API
(POST /api/v1/technopark/precheck, the facts as JSON) and the web form (/kk/technopark/precheck/,
the same graph as rows "HOLDER holds SHARE % of OWNED"). It prints the status, the median time of
`--repeat` requests, the response size and the time relative to the baseline of the same door in
the same run. The database is a SQLite file in a temporary directory (or DATABASE_URL), migrated
first; the pre-check writes nothing. It asserts nothing about timing.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

BASELINE = {"shareholders": [{"holder": "founder", "share": "100"}],
            "entities": [{"id": "founder", "kind": "natural_person"}]}


def configure(data_dir: str) -> None:
    """Production-like settings before Django starts: debug off, a random key, the test client's host."""
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "techpolicy.site.settings",
        "TECHPOLICY_DATA_DIR": data_dir,
        "TECHPOLICY_DEBUG": "0",
        "TECHPOLICY_SECRET_KEY": secrets.token_urlsafe(50),
        "TECHPOLICY_ALLOWED_HOSTS": "testserver",
        # Every request of the benchmark is an anonymous write from one address.
        "TECHPOLICY_ANON_WRITES_PER_MINUTE": "1000000",
    })


def form_data(rows) -> dict:
    from django.utils import timezone

    today = timezone.localdate()
    data = {"a-name": "Ladder LLP", "a-legal_form": "legal_entity", "a-resident": "on", "a-activity_types": ["S-01"],
            "o-TOTAL_FORMS": str(len(rows)), "o-INITIAL_FORMS": "0", "t-application_date": today.isoformat(),
            "t-tax_issued_on": today.isoformat(), "t-tax_debt_kzt": "0"}
    for n, (holder, kind, share, owned) in enumerate(rows):
        data |= {f"o-{n}-holder": holder, f"o-{n}-kind": kind, f"o-{n}-share": share, f"o-{n}-owned": owned}
    return data


def measure(send, repeat: int) -> tuple[int, float, int, str]:
    """(status, median seconds, response bytes, note) of `repeat` calls of `send`."""
    times, response = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        response = send()
        times.append(time.perf_counter() - started)
    note = ""
    if response["Content-Type"].startswith("application/json"):
        body = response.json()
        if "rules" in body:
            rule = next(r for r in body["rules"] if r["rule"] == "001.p7.4")
            details = rule["details"]
            note = f"p7(4) {rule['status']}, share {details['share']} %, {details['chain_count']} chains"
        else:
            note = f"{body['detail'][0]['field']}: {body['detail'][0]['message']}"[:70]
    elif response.status_code == 200:
        page = response.content.decode()
        note = "verdict shown" if 'data-testid="verdict"' in page else "form errors shown"
    return response.status_code, statistics.median(times), len(response.content), note


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--layers", default="4,8,12,16,20,24,32,48,64", help="ladder depths, comma-separated")
    parser.add_argument("--chain", type=int, default=1200, help="entities of the straight chain")
    parser.add_argument("--repeat", type=int, default=5, help="requests per measurement (the median is shown)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="ownership-bench-") as data_dir:
        configure(data_dir)
        import django

        django.setup()
        logging.disable(logging.CRITICAL)  # each refused request would log its traceback
        from django.conf import settings
        from django.core.management import call_command
        from django.test import Client

        from tests.ownership_graphs import application, chain, form_rows, ladder

        call_command("migrate", verbosity=0)
        client = Client()

        def api(ownership):
            body = json.dumps(application(ownership))
            return lambda: client.post("/api/v1/technopark/precheck?lang=kk", data=body,
                                       content_type="application/json", secure=True)

        def web(ownership):
            data = form_data(form_rows(ownership))
            return lambda: client.post("/kk/technopark/precheck/", data, secure=True)

        graphs = [("one shareholder (baseline)", BASELINE)]
        graphs += [(f"ladder, {n} layers", ladder(int(n))) for n in args.layers.split(",")]
        graphs.append((f"chain of {args.chain}", chain(args.chain)))
        for door in (api, web):  # warm up: the first requests load templates, translations, parameters
            measure(door(BASELINE), 3)

        print(f"python {platform.python_version()}, {platform.machine()}, database "
              f"{settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}, debug {settings.DEBUG}, "
              f"limits: {settings.TECHPOLICY_OWNERSHIP_MAX_ENTITIES} entities, depth "
              f"{settings.TECHPOLICY_OWNERSHIP_MAX_DEPTH}; median of {args.repeat}")
        header = f"{'graph':<28} {'entities':>8} {'door':<4} {'status':>6} {'ms':>8} {'× base':>7} {'kB':>7}  note"
        print(header)
        print("-" * len(header))
        base: dict[str, float] = {}
        for name, ownership in graphs:
            for door in (api, web):
                status, seconds, size, note = measure(door(ownership), args.repeat)
                base.setdefault(door.__name__, seconds)
                print(f"{name:<28} {len(ownership['entities']):>8} {door.__name__:<4} {status:>6} "
                      f"{seconds * 1000:>8.1f} {seconds / base[door.__name__]:>7.1f} {size / 1024:>7.1f}  {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
