"""Batch trend fitting (seed 000, paragraph 8(1)) against a straightforward per-series loop.

    .venv/bin/python bench/forecast_trends.py [--series 10000] [--years 20] [--seed 0] [--check 200]

Synthetic annual series (fixed seed): about a third each of straight lines, exponentials and logistic
S-curves with random parameters and 1-10 % multiplicative noise. Both sides fit the linear,
exponential and logistic trends to every series and choose the smallest AICc:

(a) `techpolicy.forecasting.trends_batch.fit_trends_batch`, all series at once;
(b) a plain loop as an analyst would write it: statsmodels OLS for the line, scipy.optimize.curve_fit
    for the exponential (started from the log-linear fit) and for the logistic (one start: ceiling
    1.5 x the maximum, rate 0.5, midpoint in the middle of the period), AICc computed per fit.

It times both in the same run (CPU via time.process_time, wall via time.perf_counter), prints both,
the ratio (the aim of issue 11: at least 50x) and how often the two choose the same model (the aim:
at least 99 % of the series) (overall, and where the loop's AICc gap
between its best and second-best trend is clear, > 2). For information it also compares the batch
with `trends.fit_trends` (six logistic starts, bounded: the batch's reference) on the first --check
series. It asserts nothing about timing.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import scipy
import statsmodels
import statsmodels.api as sm
from scipy import optimize, special

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from techpolicy.forecasting.trends import MODELS, fit_trends  # noqa: E402
from techpolicy.forecasting.trends_batch import fit_trends_batch  # noqa: E402


def synthetic(series: int, years: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(values (series, years), index into MODELS of the shape that generated each series)."""
    rng = np.random.default_rng(seed)
    t = np.arange(years, dtype=float)
    shape = rng.integers(0, 3, series)
    a, b = rng.uniform(5, 50, series), rng.uniform(-1, 3, series)
    level, growth = rng.uniform(1, 20, series), rng.uniform(0.03, 0.2, series)
    k, r, mid = rng.uniform(50, 200, series), rng.uniform(0.2, 1.0, series), rng.uniform(3, years - 3, series)
    curves = np.select(
        [shape[:, None] == 0, shape[:, None] == 1],
        [a[:, None] + b[:, None] * t, level[:, None] * np.exp(growth[:, None] * t)],
        k[:, None] * special.expit(r[:, None] * (t - mid[:, None])),
    )
    noise = rng.normal(0, 1, (series, years)) * rng.uniform(0.01, 0.1, (series, 1))
    return np.abs(curves * (1 + noise)), shape


def timed(fn):
    cpu, wall = time.process_time(), time.perf_counter()
    result = fn()
    return result, time.process_time() - cpu, time.perf_counter() - wall


def aicc(sse: float, n: int, params: int) -> float:
    k = params + 1
    return n * np.log(sse / n) + 2 * k + 2 * k * (k + 1) / (n - k - 1)


def exponential(t, a, b):
    return a * np.exp(b * t)


def logistic(t, k, r, m):
    return k / (1 + np.exp(-r * (t - m)))


def plain_loop(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The straightforward version, one series and one model at a time: (chosen index, AICc gap to the next)."""
    n = values.shape[1]
    t = np.arange(n, dtype=float)
    design = sm.add_constant(t)
    chosen, gap = np.full(len(values), -1), np.full(len(values), np.inf)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # overflow in exp and "covariance could not be estimated"
        for i, y in enumerate(values):
            scores = {"linear": aicc(sm.OLS(y, design).fit().ssr, n, 2)}
            if (y > 0).all():
                slope, intercept = np.polyfit(t, np.log(y), 1)
                try:
                    p, _ = optimize.curve_fit(exponential, t, y, p0=(np.exp(intercept), slope), maxfev=10000)
                    scores["exponential"] = aicc(float(((y - exponential(t, *p)) ** 2).sum()), n, 2)
                except (RuntimeError, ValueError):
                    pass
            if (y >= 0).all() and y.max() > 0:
                try:
                    p, _ = optimize.curve_fit(logistic, t, y, p0=(1.5 * y.max(), 0.5, t.mean()), maxfev=10000)
                    scores["logistic"] = aicc(float(((y - logistic(t, *p)) ** 2).sum()), n, 3)
                except (RuntimeError, ValueError):
                    pass
            ranked = sorted((score, MODELS.index(model)) for model, score in scores.items() if np.isfinite(score))
            chosen[i] = ranked[0][1]
            if len(ranked) > 1:
                gap[i] = ranked[1][0] - ranked[0][0]
    return chosen, gap


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--series", type=int, default=10000)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--check", type=int, default=200, help="series compared with trends.fit_trends (0: none)")
    args = parser.parse_args(argv)

    values, shape = synthetic(args.series, args.years, args.seed)
    years = np.arange(2000, 2000 + args.years)
    print(f"python {platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__}, "
          f"statsmodels {statsmodels.__version__}, {platform.machine()}")
    print(f"series: {args.series:,} x {args.years} years; generated as "
          + ", ".join(f"{model} {int((shape == i).sum()):,}" for i, model in enumerate(MODELS)))

    fit_trends_batch(years, values[:50])  # warm-up of the code paths (not of the data)
    batch, cpu_batch, wall_batch = timed(lambda: fit_trends_batch(years, values))
    (loop, gap), cpu_loop, wall_loop = timed(lambda: plain_loop(values))
    same = batch.chosen == loop
    clear = gap > 2

    print(f"trends_batch (numpy, all series at once): CPU {cpu_batch:.2f} s, wall {wall_batch:.2f} s")
    print(f"plain loop (statsmodels OLS, curve_fit):   CPU {cpu_loop:.2f} s, wall {wall_loop:.2f} s")
    print(f"ratio loop / batch:                        CPU {cpu_loop / cpu_batch:.1f}x, "
          f"wall {wall_loop / wall_batch:.1f}x (aim: at least 50x)")
    print(f"same chosen model:                         {same.mean():.2%} of all series (aim: at least 99 %), "
          f"{same[clear].mean():.2%} of the {int(clear.sum()):,} where the loop's AICc gap is > 2")
    print(f"generating shape recovered:                batch {(batch.chosen == shape).mean():.2%}, "
          f"loop {(loop == shape).mean():.2%}")
    flagged = batch.applicable & ~batch.converged
    print("batch fits flagged as not converged:       "
          + ", ".join(f"{model} {int(flagged[:, i].sum())}" for i, model in enumerate(MODELS)))

    if args.check:
        count = min(args.check, args.series)
        reference, cpu_ref, _ = timed(lambda: [fit_trends(years, row).chosen.model for row in values[:count]])
        agree = np.mean(batch.chosen_models[:count] == np.array(reference, dtype=object))
        label = f"trends.fit_trends on the first {count}:"
        print(f"{label:<43}same chosen model {agree:.2%}; "
              f"CPU {cpu_ref:.2f} s ({1000 * cpu_ref / count:.1f} ms per series)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
