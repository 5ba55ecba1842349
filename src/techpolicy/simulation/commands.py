"""The `techpolicy simulate` and `techpolicy generate` commands (registered in `techpolicy.cli`).

    techpolicy simulate productivity2020 APPLICANTS.(csv|parquet) [--set PARAM=VALUE ...] [--on DATE]
                        [--out FILE.(csv|parquet)] [--json] [--method auto|scalar|batch]
    techpolicy generate productivity2020 N OUT.(csv|parquet) [--seed S] [--start DATE] [--end DATE]

Invalid input (an unknown parameter or a malformed value in --set, an unreadable file, a missing
column, a ragged CSV, a bad date) exits with 2 and `{"error": ..., "field": ...}` on stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

PROGRAMMES = ("productivity2020",)
TABLE_SUFFIXES = (".csv", ".parquet", ".pq")


def _input_error(message: str, field: str | None, **extra):
    from techpolicy.cli import InputError  # late: techpolicy.cli imports this module

    return InputError(message, field, **extra)


def _date(text: str | None, field: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _input_error(f"invalid date {text!r}: expected YYYY-MM-DD", field) from None


def _table_path(text: str, field: str) -> str:
    if Path(text).suffix.lower() not in TABLE_SUFFIXES:
        raise _input_error(f"{text}: expected a .csv or .parquet file", field)
    return text


def _changes(items: list[str] | None) -> dict[str, str]:
    changes: dict[str, str] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise _input_error(f"--set {item!r}: expected PARAM=VALUE", "--set")
        changes[name.strip()] = value.strip()
    return changes


def _simulate(args: argparse.Namespace) -> int:
    from techpolicy.law.parameters import Parameters

    from .population import PopulationError, read_population
    from .report import render, write_results
    from .runner import ReformError, reform_parameters, simulate

    on = _date(args.on, "--on")
    out = _table_path(args.out, "--out") if args.out else None
    changes = _changes(args.set)
    baseline = Parameters.from_source()
    try:
        reform = reform_parameters(baseline, changes)
    except ReformError as exc:
        raise _input_error(str(exc), "--set", parameter=exc.parameter) from None
    try:
        population = read_population(args.population)
    except PopulationError as exc:
        raise _input_error(str(exc), exc.column or "APPLICANTS") from None
    result = simulate(population, baseline, reform, on=on, progress=sys.stderr.isatty(), method=args.method,
                      changes=changes)
    comparison = result.compare()
    if out:
        write_results(comparison, out)
    if args.json:
        print(json.dumps(comparison.as_dict(), indent=2, ensure_ascii=False, default=str))
    else:
        print(render(comparison))
        if out:
            print(f"\nPer-application results: {out}")
    return 0


def _generate(args: argparse.Namespace) -> int:
    from .generator import DEFAULT_END, DEFAULT_START, generate
    from .population import write_population

    try:
        n = int(args.n)
        seed = int(args.seed)
    except ValueError:
        raise _input_error(f"invalid integer in N={args.n!r} or --seed={args.seed!r}", "N") from None
    if n < 0:
        raise _input_error("N must be 0 or more", "N")
    out = _table_path(args.out, "OUT")
    start = _date(args.start, "--start") or DEFAULT_START
    end = _date(args.end, "--end") or DEFAULT_END
    if end < start:
        raise _input_error(f"--end {end} is before --start {start}", "--end")
    frame = generate(n, seed=seed, start=start, end=end)
    try:
        write_population(frame, out)
    except OSError as exc:
        raise _input_error(f"cannot write {out}: {exc}", "OUT") from None
    print(json.dumps({"written": out, "applications": frame.height, "seed": seed}))
    return 0


def add_commands(commands: argparse._SubParsersAction) -> None:
    simulate = commands.add_parser(
        "simulate", help="what-if: a population of applications under the baseline and a reform, side by side"
    )
    simulate.add_argument("programme", choices=PROGRAMMES)
    simulate.add_argument("population", metavar="APPLICANTS", help="applications, .csv or .parquet")
    simulate.add_argument("--set", action="append", metavar="PARAM=VALUE",
                          help="reform: a parameter's new value on every date (repeatable)")
    simulate.add_argument("--on", help="date whose parameters apply (default: each application's date)")
    simulate.add_argument("--out", help="write per-application results to .csv or .parquet")
    simulate.add_argument("--json", action="store_true", help="print JSON instead of the table")
    simulate.add_argument("--method", choices=("auto", "scalar", "batch"), default="auto",
                          help="scalar: assess row by row; batch: the rules over whole columns (the default)")
    simulate.set_defaults(handler=_simulate)

    generate = commands.add_parser("generate", help="write a synthetic population of applications")
    generate.add_argument("programme", choices=PROGRAMMES)
    generate.add_argument("n", metavar="N", help="number of applications")
    generate.add_argument("out", metavar="OUT", help=".csv or .parquet")
    generate.add_argument("--seed", default="0")
    generate.add_argument("--start", help="first application date (default 2015-04-01)")
    generate.add_argument("--end", help="last application date (default 2016-09-30)")
    generate.set_defaults(handler=_generate)
