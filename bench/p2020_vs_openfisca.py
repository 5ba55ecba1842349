"""TechPolicy's "Productivity 2020" rules against an OpenFisca package of the same instruments.

    .venv/bin/python bench/p2020_vs_openfisca.py                 # 10 000 checked, 1 000 000 timed
    .venv/bin/python bench/p2020_vs_openfisca.py --check 2000 --time 50000

1. Check: the same synthetic applications of instruments 3a, 4a and 5b (`generate` with that mix;
   each application its own enterprise, since the OpenFisca package keeps no state across
   applications) through our batch path, our scalar path and `bench/openfisca_p2020`. Prints the
   number of amounts that differ (to the tiyn) and stops with exit code 1 if there is any.
2. Time: both on `--time` applications in one run; prints applications per second and the ratio.
   Ours is `simulation.batch.run_batch`: the facts checked column by column, the eligibility rules
   of the law layer and the exclusion rules of the cost lines compiled to polars expressions (the
   same definitions that decide one case), and the share and cap arithmetic compiled from
   INSTRUMENTS in exact integer columns. OpenFisca's is building the simulation, setting the inputs
   and calculating `reimbursement`. For each side the bench reports the peak resident memory while
   it ran (sampled).
3. If ours is slower, prints where its time goes, step by step, on the same applications.
   The last line is the throughput ratio, ours over OpenFisca's (above 1: ours is faster).

What each side keeps: ours, per application, the outcome, eligibility, amount and the reasons (the
failed rules of the verdict, or the exclusion and cap rules that cut the amount; the full verdict
with kk/ru/en texts, citations and parameter values is one `assess` away). OpenFisca keeps the
arrays of the variables it computed (eligible, reimbursement_3a, ...): no reasons, no citations.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path

import numpy as np
import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from openfisca_core.simulation_builder import SimulationBuilder  # noqa: E402
from openfisca_p2020 import P2020TaxBenefitSystem  # noqa: E402

from techpolicy.law.parameters import Parameters  # noqa: E402
from techpolicy.simulation import batch  # noqa: E402
from techpolicy.simulation.generator import generate  # noqa: E402
from techpolicy.simulation.runner import run_scalar  # noqa: E402

MIX = {"3a": 0.4, "4a": 0.3, "5b": 0.3}
PERIOD = "2016"
TEXT = {"instrument": "instrument", "oked": "oked", "enterprise_size": "enterprise_size",
        "executor_service": "executor_service", "travel_mode": "travel_mode", "travel_class": "travel_class",
        "training_kind": "training_kind"}
NUMBER = {"executor_experience_years": "executor_experience_years", "fee_per_person_kzt": "fee_per_person",
          "travel_kzt": "travel_per_trip", "accommodation_kzt": "accommodation", "cost_kzt": "cost"}
INTEGER = {"executor_past_projects": "executor_past_projects", "stay_nights": "stay_nights",
           "prior_persons_this_year": "prior_persons_this_year"}
FLAG = {"financed_by_other_programme": "financed_by_other_programme",
        "executor_licence_required": "executor_licence_required", "executor_licence_held": "executor_licence_held"}
DATE = {"application_date": "application_date", "activity_since": "activity_since", "incurred_on": "incurred_on"}


def population(n: int, seed: int) -> pl.DataFrame:
    frame = generate(n, seed=seed, mix=MIX)
    return frame.with_columns(("C" + pl.col("application_id")).alias("applicant_id"))


def openfisca_inputs(frame: pl.DataFrame) -> dict[str, np.ndarray]:
    inputs = {target: frame[c].fill_null("").to_numpy().astype(object) for c, target in TEXT.items()}
    inputs |= {target: frame[c].cast(pl.Float64).fill_null(0.0).to_numpy() for c, target in NUMBER.items()}
    inputs |= {target: frame[c].fill_null(0).to_numpy().astype(np.int32) for c, target in INTEGER.items()}
    inputs |= {target: frame[c].fill_null(False).to_numpy().astype(bool) for c, target in FLAG.items()}
    inputs |= {target: frame[c].to_numpy().astype("datetime64[D]") for c, target in DATE.items()}
    inputs["room_single_standard"] = frame["room_single_standard"].fill_null(True).to_numpy().astype(bool)
    inputs["persons_count"] = frame["persons"].fill_null("").str.split(";").list.len().to_numpy().astype(np.int32)
    inputs["persons_count"] = np.where(frame["persons"].is_null().to_numpy(), 0, inputs["persons_count"])
    return inputs


def run_openfisca(system: P2020TaxBenefitSystem, inputs: dict[str, np.ndarray]) -> np.ndarray:
    count = len(inputs["instrument"])
    simulation = SimulationBuilder().build_default_simulation(system, count)
    for name, values in inputs.items():
        simulation.set_input(name, PERIOD, values)
    return simulation.calculate("reimbursement", PERIOD)


def tiyn_of(amounts) -> np.ndarray:
    return np.array([int(Decimal(a) * 100) for a in amounts], dtype=np.int64)


def check(n: int, seed: int, parameters: Parameters, system: P2020TaxBenefitSystem) -> int:
    frame = population(n, seed)
    ours = batch.run_batch(frame, parameters)
    scalar = run_scalar(frame, parameters)
    theirs = run_openfisca(system, openfisca_inputs(frame))
    ours_tiyn, scalar_tiyn = tiyn_of(ours["amount"].to_list()), tiyn_of(scalar["amount"].to_list())
    theirs_tiyn = np.floor(theirs * 100 + 0.5).astype(np.int64)
    vs_openfisca = np.flatnonzero(ours_tiyn != theirs_tiyn)
    vs_scalar = np.flatnonzero(ours_tiyn != scalar_tiyn) if ours.equals(scalar) is False else np.array([], int)
    granted = int((ours["outcome"] == "granted").sum())
    print(f"check: {n} applications ({granted} granted, total {ours['amount'].sum()} KZT)")
    print(f"  mismatches batch vs OpenFisca: {len(vs_openfisca)}")
    print(f"  mismatches batch vs scalar (outcome, amount or reasons): {0 if ours.equals(scalar) else 'some'}"
          f" (amounts: {len(vs_scalar)})")
    for k in vs_openfisca[:5]:
        row = frame.row(int(k), named=True)
        print(f"    {row['application_id']} {row['instrument']}: ours {ours['amount'][int(k)]} "
              f"({ours['reasons'][int(k)]}), OpenFisca {theirs[k]:.2f}")
    return len(vs_openfisca) + (0 if ours.equals(scalar) else max(1, len(vs_scalar)))


def _resident_mib(pid: int) -> float:
    """Resident memory of a process and its children (the worker processes), from /proc."""
    total = 0.0
    try:
        with open(f"/proc/{pid}/status") as status:
            total = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as children:
                total += sum(_resident_mib(int(child)) for child in children.read().split())
    except (OSError, StopIteration):
        pass
    return total


def measured(work):
    """`work()` here, timed, with the peak resident memory of this process and its worker processes
    while it ran (sampled every 20 ms by a thread; forking a process for it would not do, since
    polars' thread pool does not survive a fork). Returns (result, seconds, peak MiB, MiB before)."""
    before = _resident_mib(os.getpid())
    peak = [before]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.02):
            peak[0] = max(peak[0], _resident_mib(os.getpid()))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.perf_counter()
    try:
        result = work()
    finally:
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
    return result, seconds, max(peak[0], _resident_mib(os.getpid())), before


def profile(frame: pl.DataFrame, parameters: Parameters) -> None:
    """Where our time goes, step by step (the steps of `run_batch`; polars does the work in native
    code, where a Python profiler sees nothing)."""
    steps = {}
    started = time.perf_counter()
    prepared = batch.prepare(frame, None)
    steps["facts checked, lines built (prepare)"] = time.perf_counter() - started
    started = time.perf_counter()
    cut = batch.cut_lines(prepared.lines, parameters)
    steps[f"exclusion rules over {prepared.lines.height:,} lines (cut_lines)"] = time.perf_counter() - started
    started = time.perf_counter()
    batch.eligibility(prepared.frame, parameters, None)
    steps["eligibility rules (part of decide)"] = time.perf_counter() - started
    started = time.perf_counter()
    batch.decide(prepared, cut, parameters)
    steps["eligibility, shares, caps, reasons (decide)"] = time.perf_counter() - started
    print(f"\nwhere our time goes on {frame.height:,} applications, step by step:")
    for step, seconds in steps.items():
        print(f"  {seconds:6.2f} s  {step}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", type=int, default=10_000, help="applications compared (default 10 000)")
    parser.add_argument("--time", type=int, default=1_000_000, help="applications timed (default 1 000 000)")
    parser.add_argument("--seed", type=int, default=2020)
    args = parser.parse_args(argv)
    parameters = Parameters.from_source()
    system = P2020TaxBenefitSystem()
    mismatches = check(args.check, args.seed, parameters, system)
    if mismatches:
        print("amounts differ: stopping")
        return 1
    started = time.perf_counter()
    frame = population(args.time, args.seed + 1)
    print(f"\ntime: {args.time} applications generated in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    inputs = openfisca_inputs(frame)
    converted = time.perf_counter()
    theirs, openfisca_seconds, openfisca_mib, base = measured(lambda: run_openfisca(system, inputs))
    print(f"  OpenFisca: {openfisca_seconds:.2f} s ({args.time / openfisca_seconds:,.0f} applications/s), "
          f"peak memory {openfisca_mib:,.0f} MiB ({base:,.0f} before), plus {converted - started:.2f} s turning "
          "the columns into its input arrays")
    ours, ours_seconds, ours_mib, base = measured(lambda: batch.run_batch(frame, parameters))
    print(f"  ours (batch path, {os.cpu_count()} cores): {ours_seconds:.2f} s "
          f"({args.time / ours_seconds:,.0f} applications/s), peak memory {ours_mib:,.0f} MiB ({base:,.0f} before), "
          "every application with its outcome, amount and the ids of the rules that refused or cut it")
    ratio = ours_seconds / openfisca_seconds
    print(f"  ratio: ours takes {ratio:.1f}x OpenFisca's time" if ratio >= 1
          else f"  ratio: ours is {1 / ratio:.1f}x faster than OpenFisca")
    gap = tiyn_of(ours["amount"].to_list()) - np.floor(theirs * 100 + 0.5).astype(np.int64)
    print(f"  amounts equal on {int((gap == 0).sum())} of {args.time} timed applications; largest gap "
          f"{int(np.abs(gap).max()) if len(gap) else 0} tiyn")
    for k in np.flatnonzero(gap)[:3]:
        print(f"    {frame['application_id'][int(k)]} {frame['instrument'][int(k)]}: ours {ours['amount'][int(k)]}, "
              f"OpenFisca {theirs[k]:.4f}")
    if ratio > 1:
        profile(frame, parameters)
    print(f"throughput ratio (ours / OpenFisca): {openfisca_seconds / ours_seconds:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
