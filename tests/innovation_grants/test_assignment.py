"""The assignment of grant applications to experts, requirement 003.a27.p2.a3 ("003 a.27(2) third
indent": the independent economic and technological expertise is carried out by domestic and
foreign experts; reading R-F2: every panel has at least one domestic and at least one foreign
expert), with the hard conflicts of interest computed from data.

No database: the modules under test import nothing from Django."""

from __future__ import annotations

import json
import random

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from techpolicy.services.innovation_grants.assignment import (
    CITATION,
    PROBLEMS,
    REQUIREMENT,
    VIOLATIONS,
    Assignment,
    affinity,
    check,
    greedy,
    solve,
)
from techpolicy.services.innovation_grants.conflicts import (
    REASON_ORDER,
    REASONS,
    ApplicationProfile,
    ExpertProfile,
    ExpertTie,
    conflict,
    conflicted_pairs,
)

ORG, OTHER_ORG = 100, 200
PERSON = 7


def expert(id, country="KZ", fields=("A",), capacity=5, **kw) -> ExpertProfile:
    return ExpertProfile(id=id, country=country, fields=frozenset(fields), capacity=capacity, **kw)


def app(id, fields=("A",), panel=2, dom=1, foreign=1, org=None, person=None) -> ApplicationProfile:
    return ApplicationProfile(id=id, organisation_id=org, applicant_person_id=person, fields=frozenset(fields),
                              panel_size=panel, min_domestic=dom, min_foreign=foreign)


def test_requirement_and_citation_are_the_articles():
    """003.a27.p2.a3, "003 a.27(2) third indent": the evidence names the requirement it serves."""
    assert REQUIREMENT == "003.a27.p2.a3"
    assert CITATION == "003 a.27(2) third indent"
    result = solve([expert(1), expert(2, "DE")], [app(1)])
    assert result.evidence()["requirement"] == REQUIREMENT
    assert result.evidence()["citation"] == CITATION


# --- conflicts (003.a27.p2.a3: the expertise must be independent) ------------------------------


@pytest.mark.parametrize(("profile", "reason"), [
    (expert(1, ties=(ExpertTie(ORG, "employee"),)), "employee"),
    (expert(1, ties=(ExpertTie(ORG, "owner"),)), "owner"),
    (expert(1, ties=(ExpertTie(ORG, "founder"),)), "founder"),
    (expert(1, organisation_id=ORG), "same_organisation"),
    (expert(1, person_id=PERSON), "own_application"),
    (expert(1, declared_organisations=frozenset({ORG})), "declared_interest"),
    (expert(1, declared_applications=frozenset({1})), "declared_interest"),
], ids=["employee", "owner", "founder", "same_organisation", "own_application", "declared_org", "declared_app"])
def test_each_kind_of_conflict(profile, reason):
    """003.a27.p2.a3 (003 a.27(2) third indent): each link of the expert to the applicant is a hard
    conflict with its reason, found both pairwise and through the index."""
    application = app(1, org=ORG, person=PERSON)
    assert conflict(profile, application) == reason
    assert conflicted_pairs([profile], [application]) == {(1, 1): reason}
    # The same expert has no conflict with an application of another organisation and applicant.
    unrelated = app(2, org=OTHER_ORG, person=PERSON + 1)
    assert conflict(profile, unrelated) is None
    assert conflicted_pairs([profile], [unrelated]) == {}


def test_no_link_no_conflict():
    assert conflict(expert(1, organisation_id=OTHER_ORG, person_id=1), app(1, org=ORG, person=2)) is None
    # An application without an organisation or applicant is not matched through a missing id.
    assert conflict(expert(1), app(1)) is None


def test_first_reason_wins_and_index_agrees_with_pairwise():
    """Several links at once: the reason is the first of REASON_ORDER, whichever index found it."""
    profile = expert(1, organisation_id=ORG, person_id=PERSON,
                     ties=(ExpertTie(ORG, "founder"), ExpertTie(ORG, "owner")),
                     declared_organisations=frozenset({ORG}))
    application = app(1, org=ORG, person=PERSON)
    assert conflict(profile, application) == "owner"
    assert conflicted_pairs([profile], [application]) == {(1, 1): "owner"}


def test_declared_organisation_covers_all_its_applications():
    profile = expert(1, declared_organisations=frozenset({ORG}))
    apps = [app(1, org=ORG), app(2, org=ORG), app(3, org=OTHER_ORG)]
    assert conflicted_pairs([profile], apps) == {(1, 1): "declared_interest", (2, 1): "declared_interest"}


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.integers(min_value=0, max_value=10_000))
def test_index_equals_pairwise_on_random_pools(seed):
    """`conflicted_pairs` (indexed) finds exactly the pairs `conflict` finds pair by pair."""
    experts, apps = random_pool(random.Random(seed), n_apps=12, n_experts=9, orgs=4)
    pairwise = {(a.id, e.id): r for a in apps for e in experts if (r := conflict(e, a)) is not None}
    assert conflicted_pairs(experts, apps) == pairwise


def test_reason_labels_in_three_languages():
    assert set(REASONS) == set(REASON_ORDER)
    for table in (REASONS, PROBLEMS, VIOLATIONS):
        for labels in table.values():
            assert set(labels) == {"kk", "ru", "en"} and all(labels.values())
    # Kazakh and Russian labels are not English copies.
    assert all(labels["kk"] != labels["en"] and labels["ru"] != labels["en"] for labels in REASONS.values())


def test_profiles_refuse_nonsense():
    with pytest.raises(ValueError):
        ExpertTie(ORG, "friend")
    with pytest.raises(ValueError):
        expert(1, country="kaz")
    with pytest.raises(ValueError):
        expert(1, capacity=-1)
    with pytest.raises(ValueError):
        app(1, panel=2, dom=2, foreign=1)
    with pytest.raises(ValueError):
        solve([expert(1), expert(1, "DE")], [app(1)])


# --- affinity --------------------------------------------------------------------------------


def test_affinity_is_jaccard():
    assert affinity(expert(1, fields=("A", "B")), app(1, fields=("B", "C"))) == pytest.approx(1 / 3)
    assert affinity(expert(1, fields=("A",)), app(1, fields=("A",))) == 1.0
    assert affinity(expert(1, fields=("A",)), app(1, fields=("B",))) == 0.0
    assert affinity(expert(1, fields=()), app(1, fields=())) == 0.0
    # A generalist listing everything does not beat a specialist on the specialist's field.
    generalist = expert(1, fields=tuple("ABCDEFGH"))
    specialist = expert(2, fields=("A",))
    assert affinity(specialist, app(1, fields=("A",))) > affinity(generalist, app(1, fields=("A",)))


# --- the solver ------------------------------------------------------------------------------


def random_pool(rng: random.Random, n_apps: int, n_experts: int, orgs: int = 6, panel: int = 3,
                capacity: tuple[int, int] = (0, 4), foreign_share: float = 0.35):
    fields = [f"F{i}" for i in range(8)]
    apps = [ApplicationProfile(id=i + 1, organisation_id=rng.randrange(orgs) if rng.random() < 0.9 else None,
                               applicant_person_id=rng.randrange(n_experts + 5) if rng.random() < 0.3 else None,
                               fields=frozenset(rng.sample(fields, rng.randint(0, 3))), panel_size=panel,
                               min_domestic=rng.randint(0, 1), min_foreign=rng.randint(0, 1))
            for i in range(n_apps)]
    experts = []
    for j in range(n_experts):
        ties = tuple(ExpertTie(rng.randrange(orgs), rng.choice(("employee", "owner", "founder")))
                     for _ in range(rng.randint(0, 1)))
        experts.append(ExpertProfile(
            id=j + 1, country=rng.choice(("DE", "US", "KR")) if rng.random() < foreign_share else "KZ",
            fields=frozenset(rng.sample(fields, rng.randint(0, 4))), capacity=rng.randint(*capacity),
            organisation_id=rng.randrange(orgs) if rng.random() < 0.3 else None,
            person_id=j if rng.random() < 0.5 else None, ties=ties,
            declared_organisations=frozenset({rng.randrange(orgs)}) if rng.random() < 0.2 else frozenset(),
            declared_applications=frozenset({rng.randint(1, n_apps)}) if rng.random() < 0.2 else frozenset()))
    return experts, apps


def assert_valid(result: Assignment, experts, apps):
    conflicts = conflicted_pairs(experts, apps)
    assert check(result, experts, apps, conflicts) == []
    # No seat ever on a conflicted pair, and no expert without capacity seated.
    by_expert = {e.id: e for e in experts}
    assert not any(seat in conflicts for seat in result.seats)
    assert all(by_expert[e].capacity > 0 for _, e in result.seats)


def test_small_instance_is_optimal_and_valid():
    """003.a27.p2.a3 (003 a.27(2) third indent): each panel gets one domestic and one foreign
    expert, the best-matching ones, and the conflicted expert is left out."""
    experts = [expert(1, fields=("A",)), expert(2, fields=("B",)), expert(3, "DE", fields=("A",)),
               expert(4, "FR", fields=("B",)), expert(5, fields=("A",), organisation_id=ORG)]
    apps = [app(1, fields=("A",), org=ORG), app(2, fields=("B",))]
    result = solve(experts, apps)
    assert result.status == "optimal"
    assert result.panels() == {1: [1, 3], 2: [2, 4]}
    assert result.objective == pytest.approx(4.0)
    assert_valid(result, experts, apps)


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=100_000), st.integers(min_value=1, max_value=7),
       st.integers(min_value=2, max_value=9))
def test_milp_is_valid_and_never_worse_than_greedy(seed, n_apps, n_experts):
    """003.a27.p2.a3: on random pools every answer satisfies every constraint; whenever greedy fills
    every panel (so its seats are a feasible point of the model), the MILP is feasible too and its
    objective is at least greedy's; and when the MILP is infeasible, greedy leaves panels short."""
    experts, apps = random_pool(random.Random(seed), n_apps, n_experts, capacity=(0, 5))
    exact = solve(experts, apps, time_limit=10.0, mip_rel_gap=0.0)
    baseline = greedy(experts, apps)
    assert_valid(exact, experts, apps)
    assert_valid(baseline, experts, apps)
    assert exact.status in ("optimal", "infeasible")
    if baseline.status == "feasible":
        assert exact.status == "optimal"
        assert exact.objective >= baseline.objective - 1e-9
    if exact.status == "infeasible":
        assert baseline.short and exact.problems
    json.dumps(exact.evidence())
    json.dumps(baseline.evidence())


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.integers(min_value=0, max_value=100_000), st.integers(min_value=1, max_value=4))
def test_pruned_model_is_valid_and_its_certificate_is_right(seed, top_k):
    """Pruning to each application's best candidates (then pricing the left-out pairs back in)
    gives a valid assignment whose objective never exceeds the exact optimum; when it claims
    "optimal" (certified by the relaxation's duals) it equals the exact optimum; it never turns a
    feasible instance into "infeasible"."""
    experts, apps = random_pool(random.Random(seed), 6, 12, capacity=(1, 3))
    exact = solve(experts, apps, mip_rel_gap=0.0)
    pruned = solve(experts, apps, mip_rel_gap=0.0, top_k=top_k)
    assert_valid(pruned, experts, apps)
    assert (exact.status == "infeasible") == (pruned.status == "infeasible")
    if exact.status == "optimal":
        assert pruned.status in ("optimal", "feasible")
        assert pruned.objective <= exact.objective + 1e-9
        if pruned.status == "optimal":
            assert pruned.objective == pytest.approx(exact.objective, rel=1e-7, abs=1e-9)
            model = pruned.inputs.model
            assert model.get("certified") is True or model.get("pruned_model_infeasible") is True


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.integers(min_value=0, max_value=100_000), st.floats(min_value=-2.0, max_value=2.0))
def test_lagrangian_bound_holds_for_any_duals(seed, scale):
    """The certificate of the pruned model rests on this bound alone: whatever the duals (even
    nonsense ones of the wrong sign), it is at least the exact optimum over all the pairs."""
    from techpolicy.services.innovation_grants import assignment as module

    experts, apps = random_pool(random.Random(seed), 5, 10, capacity=(1, 4))
    exact = solve(experts, apps, mip_rel_gap=0.0)
    if exact.status != "optimal":
        return
    candidates = module._candidates(experts, apps, conflicted_pairs(experts, apps))
    rng = random.Random(seed + 1)
    duals = np.array([scale * rng.uniform(-1.0, 1.0) for _ in range(3 * len(apps) + len(experts))])
    reduced = module._reduced_costs(apps, candidates, duals)
    assert module._lagrangian_bound(experts, apps, candidates, duals, reduced) >= exact.objective - 1e-9


def test_pricing_adds_back_the_pair_pruning_dropped():
    """Panels of one, no minimums, capacity 1. With top_k=1 each application keeps its best
    candidate and the best of each group: expert 1 and foreign expert 3 for both. The pruned optimum
    is 2/3 (application 1 takes expert 1); the exact one is 1/2 + 1/3 (application 1 takes expert 2,
    application 2 expert 1). Pricing finds the dropped pair (1, 2), adds it back and certifies it."""
    experts = [expert(1, fields=("A", "B", "X"), capacity=1), expert(2, fields=("A", "B", "C", "D"), capacity=1),
               expert(3, "DE", fields=("A", "C", "D"), capacity=1)]
    apps = [app(1, fields=("A", "B"), panel=1, dom=0, foreign=0), app(2, fields=("X",), panel=1, dom=0, foreign=0)]
    exact = solve(experts, apps, mip_rel_gap=0.0)
    assert exact.objective == pytest.approx(1 / 2 + 1 / 3)
    pruned = solve(experts, apps, mip_rel_gap=0.0, top_k=1)
    model = pruned.inputs.model
    assert model["pairs_pruned_first"] == 2 and model["pairs_added_back"] >= 1
    assert pruned.status == "optimal" and model["certified"] is True
    assert pruned.objective == pytest.approx(exact.objective)
    assert pruned.panels() == {1: [2], 2: [1]}
    assert_valid(pruned, experts, apps)


def test_greedy_fails_where_milp_succeeds():
    """Greedy gives application 1 (fewest candidates) both foreign experts, the second for its free
    seat because she matches best; application 2 then has no foreign expert left. The MILP seats the
    weaker domestic expert on application 1 and covers both panels (R-F2)."""
    experts = [expert(1, fields=("Z",), capacity=1), expert(2, fields=("Z",), capacity=1),
               expert(3, "DE", fields=("X",), capacity=1), expert(4, "US", fields=("X", "Y"), capacity=1)]
    apps = [app(1, fields=("X",), panel=2, dom=0, foreign=1, org=ORG),
            app(2, fields=("Y",), panel=1, dom=0, foreign=1)]
    experts[1] = expert(2, fields=("Z",), capacity=1, organisation_id=ORG)  # fewer candidates for application 1
    baseline = greedy(experts, apps)
    assert baseline.status == "partial"
    assert baseline.short == (2,)
    assert baseline.panels() == {1: [3, 4]}
    assert [p.code for p in baseline.problems] == ["panel_short"]
    assert "0 foreign" in baseline.problems[0].message("en")
    assert_valid(baseline, experts, apps)

    exact = solve(experts, apps)
    assert exact.status == "optimal"
    assert exact.short == ()
    assert {k: sorted(v) for k, v in exact.panels().items()} == {1: [1, 3], 2: [4]}
    assert_valid(exact, experts, apps)


def test_infeasible_names_the_applications_and_reasons():
    """003.a27.p2.a3 (003 a.27(2) third indent): with no foreign expert free of conflict for
    application 2, the instance is infeasible and the answer says which application and why, before
    any solver runs."""
    experts = [expert(1), expert(2), expert(3, "DE", organisation_id=ORG), expert(4, "DE", capacity=0)]
    apps = [app(1, panel=2), app(2, panel=3, org=ORG)]
    result = solve(experts, apps)
    assert result.status == "infeasible"
    assert result.seats == () and result.objective is None
    assert set(result.short) == {1, 2}
    codes = {(p.code, p.application) for p in result.problems}
    assert ("too_few_foreign", 2) in codes
    assert ("too_few_candidates", 2) in codes  # 1, 2 only: 3 conflicted, 4 has no capacity
    assert ("foreign_capacity_short", None) not in codes  # expert 3 can take both foreign minimums in total
    problem = next(p for p in result.problems if p.code == "too_few_foreign")
    assert problem.message("en") == "Application 2: 0 foreign experts without a conflict, at least 1 needed."
    assert "2 өтінім" in problem.message("kk") and "Заявка 2" in problem.message("ru")
    evidence = result.evidence()
    assert evidence["result"]["status"] == "infeasible"
    assert evidence["forbidden"] == {"count": 1, "by_reason": {"same_organisation": 1},
                                     "pairs": [{"application": 2, "expert": 3, "reason": "same_organisation"}],
                                     "not_shown": 0}
    assert check(result, experts, apps, conflicted_pairs(experts, apps)) == []


def test_infeasible_by_capacity_in_total():
    experts = [expert(1, capacity=1), expert(2, "DE", capacity=1)]
    apps = [app(1), app(2)]
    result = solve(experts, apps)
    assert result.status == "infeasible"
    assert {p.code for p in result.problems} == {"capacity_short", "domestic_capacity_short",
                                                 "foreign_capacity_short"}


def test_infeasible_found_by_the_solver_when_counts_pass():
    """Each application alone has candidates, but the one foreign expert free for both can take only
    one: the counts pass and HiGHS proves there is no assignment."""
    experts = [expert(1, capacity=2), expert(2, capacity=2), expert(3, "DE", capacity=1),
               expert(4, "DE", capacity=5, organisation_id=ORG)]
    apps = [app(1, org=ORG), app(2, org=ORG)]
    result = solve(experts, apps)
    assert result.status == "infeasible"
    assert [p.code for p in result.problems] == ["solver_infeasible"]


def test_capacity_zero_expert_is_never_seated():
    experts = [expert(1, fields=("A",), capacity=0), expert(2, fields=("B",)), expert(3, "DE", fields=("A",)),
               expert(4, "DE", fields=("B",), capacity=0)]
    apps = [app(1, fields=("A",)), app(2, fields=("A",))]
    for result in (solve(experts, apps), greedy(experts, apps)):
        assert all(e not in (1, 4) for _, e in result.seats)
        assert_valid(result, experts, apps)
    assert solve(experts, apps).panels() == {1: [2, 3], 2: [2, 3]}


def test_check_reports_each_violation():
    """`check` is what the service trusts before saving: it must catch each broken constraint."""
    experts = [expert(1, capacity=1), expert(2, "DE", capacity=1), expert(3, organisation_id=ORG)]
    apps = [app(1, org=ORG), app(2)]
    conflicts = conflicted_pairs(experts, apps)

    def codes(seats, short=(), status="feasible", objective=None):
        return {v.code for v in check(Assignment(status, objective, seats, short, 0.0), experts, apps, conflicts)}

    assert codes(((1, 1), (1, 2)), short=(2,), status="partial") == set()
    assert "conflict" in codes(((1, 3), (1, 2)), short=(2,), status="partial")
    assert "over_capacity" in codes(((1, 1), (1, 2), (2, 1), (2, 2)))
    assert "panel_size" in codes(((1, 1), (1, 2), (2, 1)))
    assert "min_foreign" in codes(((1, 1), (1, 2), (2, 1), (2, 3)), status="partial")
    assert "duplicate_seat" in codes(((1, 1), (1, 1)), short=(2,), status="partial")
    assert "unknown_expert" in codes(((1, 9),), short=(1, 2), status="partial")
    assert "status" in codes(((1, 1), (1, 2)), short=(2,), status="feasible")
    assert "short_mismatch" in codes(((1, 1), (1, 2)), short=(1, 2), status="partial")
    assert "objective" in codes(((1, 1), (1, 2)), short=(2,), status="partial", objective=5.0)


def test_evidence_is_json_and_bounded_counts_complete():
    experts, apps = random_pool(random.Random(3), 5, 10, capacity=(2, 4))
    result = solve(experts, apps)
    evidence = json.loads(json.dumps(result.evidence()))
    assert evidence["experts_count"] == 10 and evidence["applications_count"] == 5
    assert evidence["forbidden"]["count"] == len(conflicted_pairs(experts, apps))
    assert evidence["options"]["time_limit"] == 30.0
    assert {"id", "country", "capacity", "fields"} <= set(evidence["experts"][0])
    assert {"panel_size", "min_domestic", "min_foreign"} <= set(evidence["applications"][0])
    assert evidence["result"]["seats_count"] == len(result.seats)
