"""The assignment of innovation-grant applications to experts (003.a27.p2.a3, "003 a.27(2) third
indent": domestic and foreign experts; reading R-F2: at least one of each on a panel).

    .venv/bin/python bench/grant_assignment.py [--applications 2000] [--experts 500] [--panel 3]
        [--conflicts 0.05] [--seed 1] [--time-limit 60] [--top-k 10] [--no-exact] [--gap -1]

It generates a random pool: fields from 40 direction codes (an expert lists 2 to 5, an application
1 to 3), 30 % foreign experts, capacities 10 to 20 (so the total comfortably exceeds panel x
applications), and about `--conflicts` of all pairs conflicted through ties (employee, owner,
founder), the expert's own organisation, own applications and declared interests. Then, in the same
process, it runs the greedy baseline and the exact MILP (every candidate pair a variable), then the
MILP pruned to each application's `--top-k` best candidates, once as it is and once with the
left-out pairs priced back in (which can certify the exact optimum; 0 skips both); `--gap G` passes
mip_rel_gap=G to HiGHS. It prints the times, objectives, the ratio MILP / greedy and the panels
short in each; every result is verified with `check`. The MILP of the last lines is the service's
model (priced top-k; the exact one with `--top-k 0`), and the exact model is its reference
(`--no-exact` skips it: it takes about a minute at full size). It asserts nothing about timing.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src")]

from techpolicy.services.innovation_grants.assignment import check, greedy, solve  # noqa: E402
from techpolicy.services.innovation_grants.conflicts import (  # noqa: E402
    ApplicationProfile,
    ExpertProfile,
    ExpertTie,
    conflicted_pairs,
)

DIRECTIONS = [f"D{n:02d}" for n in range(1, 41)]
FOREIGN = ["DE", "FR", "US", "GB", "KR", "JP", "CN", "TR", "IT", "FI", "SG", "IL"]


def generate(args: argparse.Namespace) -> tuple[list[ExpertProfile], list[ApplicationProfile]]:
    rng = random.Random(args.seed)
    n_orgs = max(1, args.applications // 3)
    # The people who apply in their own name are numbered after the experts' person ids.
    applications = []
    for i in range(args.applications):
        applications.append(ApplicationProfile(
            id=i + 1, organisation_id=rng.randrange(n_orgs) + 1,
            applicant_person_id=(10_000 + i) if rng.random() < 0.9 else None,
            fields=frozenset(rng.sample(DIRECTIONS, rng.randint(1, 3))),
            panel_size=args.panel, min_domestic=1, min_foreign=1))
    by_org: dict[int, list[int]] = {}
    for a in applications:
        by_org.setdefault(a.organisation_id, []).append(a.id)
    # Some experts are themselves applicants: their person id appears on an application.
    own_of = dict(enumerate(rng.sample(range(len(applications)), min(len(applications), args.experts // 10))))
    experts = []
    target = args.conflicts * args.applications
    for j in range(args.experts):
        person = j + 1
        if j in own_of:
            i = own_of[j]
            a = applications[i]
            applications[i] = ApplicationProfile(a.id, a.organisation_id, person, a.fields, a.panel_size,
                                                 a.min_domestic, a.min_foreign)
        organisation = rng.randrange(n_orgs) + 1
        covered = len(by_org.get(organisation, ()))
        ties, declared_orgs, declared_apps = [], set(), set()
        kinds = ["employee", "owner", "founder"]
        while covered < target:
            roll = rng.random()
            org = rng.randrange(n_orgs) + 1
            if roll < 0.3:
                ties.append(ExpertTie(org, rng.choice(kinds)))
                covered += len(by_org.get(org, ()))
            elif roll < 0.8:
                declared_orgs.add(org)
                covered += len(by_org.get(org, ()))
            else:
                declared_apps.add(rng.randrange(args.applications) + 1)
                covered += 1
        experts.append(ExpertProfile(
            id=j + 1, country=rng.choice(FOREIGN) if rng.random() < 0.3 else "KZ",
            fields=frozenset(rng.sample(DIRECTIONS, rng.randint(2, 5))),
            capacity=rng.randint(10, 20), organisation_id=organisation, person_id=person, ties=tuple(ties),
            declared_organisations=frozenset(declared_orgs), declared_applications=frozenset(declared_apps)))
    return experts, applications


def report(name: str, result, experts, applications, conflicts) -> None:
    violations = check(result, experts, applications, conflicts)
    objective = "-" if result.objective is None else f"{result.objective:.3f}"
    print(f"{name}: status {result.status}, objective {objective}, seats {len(result.seats)}, "
          f"panels short {len(result.short)}, time {result.seconds:.2f} s, violations {len(violations)}")
    model = result.inputs.model if result.inputs else {}
    if "variables" in model:
        print(f"  model: {model['variables']} variables, {model['constraints']} constraints, "
              f"{model['nonzeros']} nonzeros, {model.get('pruned_pairs', 0)} pairs pruned, "
              f"gap {model.get('mip_gap')}, bound {model.get('dual_bound')}")
    for problem in result.problems[:5]:
        print("  " + problem.message("en"))
    for violation in violations[:5]:
        print(f"  VIOLATION {violation}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--applications", type=int, default=2000)
    parser.add_argument("--experts", type=int, default=500)
    parser.add_argument("--panel", type=int, default=3)
    parser.add_argument("--conflicts", type=float, default=0.05, help="share of conflicted pairs (about)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--top-k", type=int, default=10,
                        help="also solve pruned to K candidates per application, with and without pricing (0: no)")
    parser.add_argument("--no-exact", action="store_true",
                        help="skip the exact model (every pair a variable), which takes about a minute at full size")
    parser.add_argument("--gap", type=float, default=-1.0, help="mip_rel_gap for HiGHS (<0: its default)")
    args = parser.parse_args()

    started = time.perf_counter()
    experts, applications = generate(args)
    print(f"pool: {len(applications)} applications, {len(experts)} experts "
          f"({sum(not e.domestic for e in experts)} foreign), capacity {sum(e.capacity for e in experts)} "
          f"for {sum(a.panel_size for a in applications)} seats; generated in {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    conflicts = conflicted_pairs(experts, applications)
    pairs = len(experts) * len(applications)
    print(f"conflicts: {len(conflicts)} pairs ({len(conflicts) / max(1, pairs):.1%} of {pairs}) "
          f"in {time.perf_counter() - started:.3f} s")
    gap = None if args.gap < 0 else args.gap

    baseline = greedy(experts, applications, conflicts=conflicts)
    report("greedy", baseline, experts, applications, conflicts)
    exact = None
    if not args.no_exact or not args.top_k:
        exact = solve(experts, applications, args.time_limit, mip_rel_gap=gap, conflicts=conflicts)
        report("exact MILP (every pair a variable)", exact, experts, applications, conflicts)
    milp = exact
    if args.top_k:
        k = args.top_k
        pruned = solve(experts, applications, args.time_limit, mip_rel_gap=gap, top_k=k, price=False,
                       conflicts=conflicts)
        report(f"MILP top-{k}, not priced", pruned, experts, applications, conflicts)
        milp = solve(experts, applications, args.time_limit, mip_rel_gap=gap, top_k=k, conflicts=conflicts)
        report(f"MILP top-{k}, priced (the service's model)", milp, experts, applications, conflicts)
        model = milp.inputs.model
        print(f"  pricing: {model['pricing_rounds']} rounds, {model['pairs_added_back']} pairs added back, "
              f"upper bound over all pairs {model['upper_bound']}, certified {model.get('certified')}")
        if exact is not None and exact.objective is not None and milp.objective is not None:
            print(f"exact MILP: objective {exact.objective:.3f} ({exact.status}) in {exact.seconds:.2f} s; "
                  f"the service's model reaches {milp.objective / exact.objective:.4f} of it")
    if milp.objective is not None and baseline.objective:
        print(f"objective ratio (MILP / greedy): {milp.objective / baseline.objective:.3f}")
    print(f"panels short: greedy {len(baseline.short)}, MILP {len(milp.short)}")
    print(f"MILP time: {milp.seconds:.2f} s (target under 10 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
