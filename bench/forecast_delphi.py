"""Delphi aggregation (seed 000, paragraph 8(2) Foresight) against a straightforward pandas loop.

    .venv/bin/python bench/forecast_delphi.py [--experts 50000] [--technologies 1000] [--rounds 3] [--seed 0]

Synthetic answers (fixed seed): Likert importance 1..5 per expert, technology and round, with
about 10% "no answer" and experts drifting towards the round-1 median between rounds. The default
size is 50 000 experts x 1 000 technologies x 3 rounds = 150 million answer cells (``--experts 5000``
gives the earlier size of 15 million). The answers are held as float32 (NaN for no answer), which
holds the integers 1..5 exactly; the pandas table is the long format one row per answer cell, keys
as int8/int32/int16 and the value as float64.

It times `techpolicy.forecasting.delphi.summarize` (median, quartiles, IQR, relative IQR, CV, n per
technology and round) and a plain `groupby` loop in pandas computing the same statistics in the
same run, each on the whole data (CPU time via time.process_time, wall time via
time.perf_counter), checks that both agree (n, median, quartiles and IQR exactly equal; relative
IQR and CV allclose) and prints both times and the ratio. For information it also times the
same answers as float64, the sort-based path (fractional answers), the competence-weighted
aggregation and the round-to-round change. Peak memory is measured with tracemalloc in a separate,
untimed run of each (tracing slows Python code, so it is kept out of the timings): the peak of
memory allocated during the call, above its inputs. The peak resident set of the whole process
(resource.getrusage ru_maxrss) is printed too. It asserts nothing about timing.
"""

from __future__ import annotations

import argparse
import platform
import resource
import sys
import time
import tracemalloc
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from techpolicy.forecasting.delphi import StopRule, round_changes, summarize, verdicts  # noqa: E402

STATS = ("n", "median", "q1", "q3", "iqr", "rel_iqr", "cv")
EXACT = ("n", "median", "q1", "q3", "iqr")  # order statistics of integer answers: equal to the last bit
MB = 1024 * 1024


def synthetic(rounds: int, experts: int, technologies: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Answers shaped (rounds, experts, technologies) as float32, and competence (1, experts, 1)."""
    rng = np.random.default_rng(seed)
    centre = rng.uniform(1.5, 4.5, technologies)
    values = np.empty((rounds, experts, technologies), dtype=np.float32)
    spread = 1.2
    for r in range(rounds):
        values[r] = np.clip(np.rint(centre + rng.normal(0.0, spread, (experts, technologies))), 1, 5)
        spread *= 0.7  # answers converge between rounds
    for r in range(rounds):  # round by round: the same random stream as one draw over the whole array
        values[r][rng.random((experts, technologies)) < 0.1] = np.nan
    competence = rng.integers(1, 11, (1, experts, 1)).astype(float)
    return values, competence


def long_table(values: np.ndarray) -> pd.DataFrame:
    """One row per (round, expert, technology) cell, as a CSV of the answers would give."""
    rounds, experts, technologies = values.shape
    cells = experts * technologies
    return pd.DataFrame({
        "round": np.repeat(np.arange(rounds, dtype=np.int8), cells),
        "expert": np.tile(np.repeat(np.arange(experts, dtype=np.int32), technologies), rounds),
        "technology": np.tile(np.arange(technologies, dtype=np.int16), rounds * experts),
        "value": values.ravel().astype(np.float64),
    })


def timed(fn):
    cpu, wall = time.process_time(), time.perf_counter()
    result = fn()
    return result, time.process_time() - cpu, time.perf_counter() - wall


def traced_peak(fn) -> float:
    """Peak memory allocated during fn() above what existed before (tracemalloc), in MiB."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / MB
    finally:
        tracemalloc.stop()


def pandas_loop(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """The straightforward version: one group per (round, technology), statistics one by one."""
    rows = []
    for (r, t), group in frame.groupby(["round", "technology"], sort=True):
        v = group["value"].dropna()
        median, q1, q3 = v.median(), v.quantile(0.25), v.quantile(0.75)
        std, mean = v.std(), v.mean()
        rows.append((r, t, len(v), median, q1, q3, q3 - q1, (q3 - q1) / median, std / mean))
    out = pd.DataFrame(rows, columns=["round", "technology", *STATS])
    shape = (int(frame["round"].max()) + 1, int(frame["technology"].max()) + 1)
    return {name: out[name].to_numpy(dtype=float).reshape(shape) for name in STATS}


def max_relative_difference(a: np.ndarray, b: np.ndarray) -> float:
    both = np.isfinite(a) & np.isfinite(b)
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = np.abs(a[both] - b[both]) / np.maximum(np.abs(b[both]), np.finfo(float).tiny)
    return float(rel.max()) if rel.size else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--experts", type=int, default=50_000)
    parser.add_argument("--technologies", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    values, competence = synthetic(args.rounds, args.experts, args.technologies, args.seed)
    frame = long_table(values)
    print(f"python {platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}, "
          f"{platform.machine()}")
    print(f"answers: {args.rounds} rounds x {args.experts} experts x {args.technologies} technologies "
          f"= {values.size:,} cells, {int(np.isnan(values).sum()):,} without an answer")
    print(f"inputs: answers array {values.nbytes / MB:,.0f} MiB ({values.dtype}), "
          f"pandas table {frame.memory_usage(index=False).sum() / MB:,.0f} MiB")

    summarize(values[:, :50, :50])  # warm-up of the code paths (not of the data)
    summary, cpu_np, wall_np = timed(lambda: summarize(values))
    reference, cpu_pd, wall_pd = timed(lambda: pandas_loop(frame))
    ours = {name: np.asarray(getattr(summary, name), dtype=float) for name in STATS}
    exact = all(np.array_equal(ours[name], reference[name], equal_nan=True) for name in EXACT)
    close = all(np.allclose(ours[name], reference[name], equal_nan=True) for name in STATS)
    worst = max(max_relative_difference(ours[name], reference[name]) for name in STATS)

    as_float64 = values.astype(np.float64)  # the same answers without the float32 saving
    _, cpu_64, wall_64 = timed(partial(summarize, as_float64))
    del as_float64
    fractional = values * np.float32(1.1)  # off the unit grid: forces the sort-based path
    _, cpu_sort, wall_sort = timed(partial(summarize, fractional))
    del fractional
    _, cpu_w, wall_w = timed(lambda: summarize(values, competence))
    _, cpu_ch, wall_ch = timed(lambda: round_changes(values, summary))
    example_rule = StopRule(max_iqr=1.0, max_median_shift=0.5)  # an EXAMPLE only: each study sets its own

    def whole():
        s = summarize(values)
        return round_changes(values, s), verdicts(s, example_rule)

    _, cpu_all, wall_all = timed(whole)

    print(f"numpy summarize (float64 answers, counting): CPU {cpu_64:.3f} s, wall {wall_64:.3f} s")
    print(f"numpy summarize (fractional answers, sort):  CPU {cpu_sort:.3f} s, wall {wall_sort:.3f} s")
    print(f"numpy summarize, competence-weighted:        CPU {cpu_w:.3f} s, wall {wall_w:.3f} s")
    print(f"round-to-round change:                       CPU {cpu_ch:.3f} s, wall {wall_ch:.3f} s")
    print(f"whole (summary + change + example verdicts): CPU {cpu_all:.3f} s, wall {wall_all:.3f} s")
    print(f"results identical ({', '.join(EXACT)}): {exact}")
    print(f"results agree (allclose, {', '.join(STATS)}): {close}; largest relative difference {worst:.1e}")

    peak_np = traced_peak(lambda: summarize(values))
    peak_pd = traced_peak(lambda: pandas_loop(frame))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux

    print(f"numpy summarize (integer answers, counting): CPU {cpu_np:.3f} s, wall {wall_np:.3f} s")
    print(f"pandas groupby loop:                         CPU {cpu_pd:.3f} s, wall {wall_pd:.3f} s")
    print(f"ratio pandas / numpy:                        CPU {cpu_pd / cpu_np:.1f}x, wall {wall_pd / wall_np:.1f}x")
    print(f"peak memory above the inputs (tracemalloc):  numpy {peak_np:,.1f} MiB, pandas {peak_pd:,.1f} MiB")
    print(f"peak resident set of this process (ru_maxrss, inputs included): {rss:,.0f} MiB")
    return 0 if exact and close else 1


if __name__ == "__main__":
    sys.exit(main())
