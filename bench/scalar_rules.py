"""Deciding one case: the time of a procedure's verdict on one application, per kind of case.

    .venv/bin/python bench/scalar_rules.py [--rounds 60] [--case technopark --case p2020-3a ...]

Each case is one of the shipped examples (`examples/technopark`, `examples/productivity2020`)
decided through its procedure, as the pre-check API and casework do: `procedure.evaluate` on the
facts as a mapping (validation, the graph check, the rules over the one-row frame, the texts).
The yardstick is the time pydantic alone takes to validate the same facts, measured in the same
run and interleaved with the case, round by round, so that both see the same load of the machine:
the figure to compare between runs is the ratio, not the milliseconds. It also prints the verdict
on facts already validated ("parsed"), and the CPU time of the verdict (all threads of the process,
against the CPU time of validating), which a machine busy with other work disturbs less than the
wall clock.

Times are the median of `--rounds` rounds of `--calls` calls each, after a warm-up that compiles
the rules of the case's epoch (as the first case of a process does). It asserts nothing about timing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

EXAMPLES = ROOT / "examples"
P2020 = ("3a_training", "3b_experts", "4a_diagnostics", "5b_efficiency", "2b_feasibility", "1_leasing",
         "7_cluster_strategy")


def _example(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"), parse_float=Decimal)


def cases() -> dict[str, tuple[object, dict]]:
    """Name -> (procedure, facts as a mapping)."""
    from techpolicy.law.acts.act001_technopark.participation import TECHNOPARK
    from techpolicy.law.acts.act001_technopark.precheck import PRECHECK
    from techpolicy.law.acts.act004_productivity2020.programme import PRODUCTIVITY2020

    technopark = _example(EXAMPLES / "technopark" / "eligible.json")
    precheck = {key: technopark[key] for key in ("application_date", "applicant", "ownership")}
    precheck["documents"] = {"tax_debt": technopark["documents"]["tax_debt"]}
    found: dict[str, tuple[object, dict]] = {
        "technopark": (TECHNOPARK, technopark),
        "technopark-state-owned": (TECHNOPARK, _example(EXAMPLES / "technopark" / "state_owned.json")),
        "technopark-precheck": (PRECHECK, precheck),
    }
    for name in P2020:
        example = _example(EXAMPLES / "productivity2020" / f"{name}.json")
        found[f"p2020-{name.split('_')[0]}"] = (PRODUCTIVITY2020, example)
    return found


def _per_call(fn: Callable[[], object], calls: int) -> tuple[float, float]:
    """Milliseconds per call: wall clock, and CPU time of the whole process (every thread of the
    polars pool included), which a busy machine disturbs less."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(calls):
        fn()
    return (time.perf_counter() - wall) / calls * 1000, (time.process_time() - cpu) / calls * 1000


def measure(procedure, data: dict, rounds: int, calls: int) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) milliseconds per call of the baseline and of each step, interleaved round
    by round."""
    from techpolicy.law.facts import parse_facts

    facts = procedure.parse(data)
    steps: dict[str, Callable[[], object]] = {
        "validate": lambda: parse_facts(procedure.facts, data),
        "verdict": lambda: procedure.evaluate(data),
        "verdict_parsed": lambda: procedure.evaluate(facts),
    }
    for fn in steps.values():  # warm-up: the epoch's rules are compiled here
        fn()
        fn()
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in steps}
    for _ in range(rounds):
        for name, fn in steps.items():
            times[name].append(_per_call(fn, calls))
    return {name: (statistics.median(w for w, _ in values), statistics.median(c for _, c in values))
            for name, values in times.items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--calls", type=int, default=5)
    parser.add_argument("--case", action="append", help="a case name (default: all)")
    args = parser.parse_args(argv)

    import polars as pl

    available = cases()
    chosen = args.case or list(available)
    print(f"polars {pl.__version__}, Python {sys.version.split()[0]}; median of {args.rounds} rounds "
          f"x {args.calls} calls; ratio = time / time of validating the same facts with pydantic")
    print(f"{'case':24s} {'validate':>9s} {'verdict':>9s} {'ratio':>6s} {'parsed':>9s} {'ratio':>6s} "
          f"{'cpu':>9s} {'ratio':>6s}")
    for name in chosen:
        procedure, data = available[name]
        t = measure(procedure, data, args.rounds, args.calls)
        (base, base_cpu), (verdict, verdict_cpu), (parsed, _) = t["validate"], t["verdict"], t["verdict_parsed"]
        print(f"{name:24s} {base:6.3f} ms {verdict:6.3f} ms {verdict / base:5.0f}x {parsed:6.3f} ms "
              f"{parsed / base:5.0f}x {verdict_cpu:6.3f} ms {verdict_cpu / max(base_cpu, 1e-6):5.0f}x")


if __name__ == "__main__":
    main()
