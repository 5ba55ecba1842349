"""Delphi aggregation (seed 000, paragraph 8(2) Foresight) against a straightforward pandas loop.

    .venv/bin/python bench/forecast_delphi.py [--experts 5000] [--technologies 1000] [--rounds 3] [--seed 0]

Synthetic answers (fixed seed): Likert importance 1..5 per expert, technology and round, with
about 10% "no answer" and experts drifting towards the round-1 median between rounds. It times
`techpolicy.forecasting.delphi.summarize` (median, quartiles, IQR, relative IQR, CV, n per
technology and round) and a plain `groupby` loop in pandas computing the same statistics in the
same run (CPU time via time.process_time, wall time via time.perf_counter), checks that both agree
(allclose) and prints both times and the ratio. For information it also times the sort-based path
(fractional answers), the competence-weighted aggregation and the round-to-round change. It
asserts nothing about timing.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from techpolicy.forecasting.delphi import StopRule, round_changes, summarize, verdicts  # noqa: E402

STATS = ("n", "median", "q1", "q3", "iqr", "rel_iqr", "cv")


def synthetic(rounds: int, experts: int, technologies: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    centre = rng.uniform(1.5, 4.5, technologies)
    values = np.empty((rounds, experts, technologies))
    spread = 1.2
    for r in range(rounds):
        values[r] = np.clip(np.rint(centre + rng.normal(0.0, spread, (experts, technologies))), 1, 5)
        spread *= 0.7  # answers converge between rounds
    values[rng.random(values.shape) < 0.1] = np.nan
    competence = rng.integers(1, 11, (1, experts, 1)).astype(float)
    return values, competence


def timed(fn):
    cpu, wall = time.process_time(), time.perf_counter()
    result = fn()
    return result, time.process_time() - cpu, time.perf_counter() - wall


def pandas_loop(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """The straightforward version: one group per (round, technology), statistics one by one."""
    rows = []
    for (r, t), group in frame.groupby(["round", "technology"], sort=True):
        v = group["value"].dropna()
        median, q1, q3 = v.median(), v.quantile(0.25), v.quantile(0.75)
        std, mean = v.std(), v.mean()
        rows.append((r, t, len(v), median, q1, q3, q3 - q1, (q3 - q1) / median, std / mean))
    out = pd.DataFrame(rows, columns=["round", "technology", *STATS])
    shape = (frame["round"].max() + 1, frame["technology"].max() + 1)
    return {name: out[name].to_numpy(dtype=float).reshape(shape) for name in STATS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--experts", type=int, default=5000)
    parser.add_argument("--technologies", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    values, competence = synthetic(args.rounds, args.experts, args.technologies, args.seed)
    r, e, t = np.meshgrid(np.arange(args.rounds), np.arange(args.experts), np.arange(args.technologies),
                          indexing="ij")
    frame = pd.DataFrame({"round": r.ravel(), "expert": e.ravel(), "technology": t.ravel(),
                          "value": values.ravel()})
    print(f"python {platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}, "
          f"{platform.machine()}")
    print(f"answers: {args.rounds} rounds x {args.experts} experts x {args.technologies} technologies "
          f"= {values.size:,} cells, {int(np.isnan(values).sum()):,} without an answer")

    summarize(values[:, :50, :50])  # warm-up of the code paths (not of the data)
    summary, cpu_np, wall_np = timed(lambda: summarize(values))
    reference, cpu_pd, wall_pd = timed(lambda: pandas_loop(frame))
    agree = all(
        np.allclose(np.asarray(getattr(summary, name), dtype=float), reference[name], equal_nan=True)
        for name in STATS
    )
    fractional = values * 1.1  # off the unit grid: forces the sort-based path
    _, cpu_sort, wall_sort = timed(lambda: summarize(fractional))
    _, cpu_w, wall_w = timed(lambda: summarize(values, competence))
    _, cpu_ch, wall_ch = timed(lambda: round_changes(values, summary))
    example_rule = StopRule(max_iqr=1.0, max_median_shift=0.5)  # an EXAMPLE only: each study sets its own

    def whole():
        s = summarize(values)
        return round_changes(values, s), verdicts(s, example_rule)

    _, cpu_all, wall_all = timed(whole)

    print(f"numpy summarize (integer answers, counting): CPU {cpu_np:.3f} s, wall {wall_np:.3f} s")
    print(f"pandas groupby loop:                         CPU {cpu_pd:.3f} s, wall {wall_pd:.3f} s")
    print(f"ratio pandas / numpy:                        CPU {cpu_pd / cpu_np:.1f}x, wall {wall_pd / wall_np:.1f}x")
    print(f"results agree (allclose, {', '.join(STATS)}): {agree}")
    print(f"numpy summarize (fractional answers, sort):  CPU {cpu_sort:.3f} s, wall {wall_sort:.3f} s")
    print(f"numpy summarize, competence-weighted:        CPU {cpu_w:.3f} s, wall {wall_w:.3f} s")
    print(f"round-to-round change:                       CPU {cpu_ch:.3f} s, wall {wall_ch:.3f} s")
    print(f"whole (summary + change + example verdicts): CPU {cpu_all:.3f} s, wall {wall_all:.3f} s")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
