"""Scoring a call's applications by its weighted criteria, the aggregation of the experts' scores
(mean, median or total, a setting of the call: the Government's rules of granting, 003.a27.p4, are
not in the source), the ranking within the type's allotment (003.a27.p3.a3) and the what-if that
lists whose outcome changes. Pure: no database."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from techpolicy.services.innovation_grants.scoring import CriterionSpec, Scored, Setting, evaluate, rank, replay

NOVELTY = CriterionSpec("novelty", Decimal("0.6"), 10, required=True, required_min=5)
TEAM = CriterionSpec("team", Decimal("0.4"), 10)
CRITERIA = (NOVELTY, TEAM)


def app(id_, requested, *panel):
    return Scored(id_, Decimal(requested), {n: dict(zip(("novelty", "team"), s, strict=True))
                                            for n, s in enumerate(panel)})


def test_the_score_is_the_weighted_share_of_the_scale_and_the_same_for_mean_and_total():
    a = app(1, "100", (8, 6), (6, 10))
    mean, _ = evaluate(a, CRITERIA, Setting("mean"))
    total, _ = evaluate(a, CRITERIA, Setting("total"))
    assert mean == total == Decimal("74.00")  # 0.6 * 0.7 + 0.4 * 0.8
    median_score, _ = evaluate(app(2, "100", (2, 5), (9, 5), (10, 5)), CRITERIA, Setting("median"))
    assert median_score == Decimal("74.00")  # novelty median 9: 0.6 * 0.9 + 0.4 * 0.5


def test_a_required_criterion_below_its_passing_score_refuses_whatever_the_total():
    score, reasons = evaluate(app(1, "100", (4, 10), (4, 10)), CRITERIA, Setting("mean"))
    assert score == Decimal("64.00") and reasons == ["required:novelty"]
    # The median of (2, 9, 10) passes where the mean 7 would too; the mean of (1, 1, 10) = 4 does not.
    assert evaluate(app(2, "1", (1, 5), (1, 5), (10, 5)), CRITERIA, Setting("median"))[1] == ["required:novelty"]
    assert evaluate(app(3, "1"), CRITERIA, Setting())[0] is None


def test_ranking_funds_the_best_while_the_types_allotment_lasts_and_the_what_if_says_who_changes():
    apps = [app(1, "60", (9, 9), (9, 9)), app(2, "50", (7, 7), (8, 8)), app(3, "30", (10, 2), (2, 2))]
    now = Setting("mean", budget=Decimal("100"))
    outcomes = {o.id: o for o in rank(apps, CRITERIA, now)}
    assert (outcomes[1].funded, outcomes[2].funded) == (True, False) and outcomes[2].reasons == ("budget",)
    assert outcomes[3].recommended and outcomes[3].funded  # 30 still fits after 60
    # With the median the third application's novelty is 6, with the mean 6 as well; with a threshold
    # of 60 it drops, and the second is funded in its place.
    _before, _after, changes = replay(apps, CRITERIA, now, Setting("mean", threshold=Decimal("60"),
                                                                   budget=Decimal("110")))
    assert {(c.id, c.before.funded, c.after.funded) for c in changes} == {(2, False, True), (3, True, False)}
    assert "threshold" in next(c.after.reasons for c in changes if c.id == 3)


def test_an_unknown_aggregation_is_refused():
    with pytest.raises(ValueError):
        Setting("max")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 10**6), st.lists(st.tuples(st.integers(0, 10), st.integers(0, 10)),
                                                           min_size=1, max_size=4)), max_size=12),
       st.sampled_from(["mean", "median", "total"]), st.integers(0, 3 * 10**6))
def test_funded_applications_never_exceed_the_allotment_and_outrank_the_unfunded(raw, method, budget):
    apps = [app(n, str(req), *panel) for n, (req, panel) in enumerate(raw)]
    outcomes = rank(apps, CRITERIA, Setting(method, budget=Decimal(budget)))
    funded = [o for o in outcomes if o.funded]
    assert sum(a.requested for a in apps if a.id in {o.id for o in funded}) <= budget
    assert all(0 <= o.score <= 100 for o in outcomes if o.score is not None)
    assert all(o.recommended for o in funded)
    requested = {a.id: a.requested for a in apps}
    for passed_over in (o for o in outcomes if o.recommended and not o.funded):
        # Passed over only because the money left at its turn was less than it asks for.
        above = sum(requested[o.id] for o in funded if o.rank < passed_over.rank)
        assert above + requested[passed_over.id] > budget
