"""The demo programme driven through the real workflow (000 p.31-43): submitted, returned with
remarks and answered by version 2, reviewed, agreed (p.42), recommended by the HSTC and approved by
the state body's decision (p.43, after the HSTC: reading R-C4); its monitoring plan holds the target
indicators with their interim and final values (000.p38.a2) and the measures as obligations (p.39),
with two years of approved actuals: one indicator behind, one measure overdue (000.ttp.monitor)."""

from __future__ import annotations

import datetime as dt

import pytest

from techpolicy.casework import law_context
from techpolicy.casework.models import Case
from techpolicy.monitoring import dashboard, store
from techpolicy.services.competence_centres import demo as centres_demo
from techpolicy.services.targeted_programmes import demo
from techpolicy.services.targeted_programmes.monitoring import plan_of
from techpolicy.services.technology_platforms import demo as platforms_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    centres_demo.load()
    platforms_demo.load()
    return demo.load()


def test_000_p43_the_demo_programme_is_approved_after_the_hstc_with_two_versions(loaded):
    case = Case.objects.get(workflow="targeted_programmes.programme")
    assert case.state == "approved", loaded
    assert list(case.ttp_versions.values_list("number", "reason")) == [(1, "submitted"), (2, "resubmitted")]
    assert case.recommendations.get().outcome == "recommend"
    approval = case.decisions.get(kind="approval")
    assert approval.basis == ["000 p.43"]
    assert case.ttp_agreements.count() == 2 and case.ttp_comments.count() == 1
    assert demo.load() == ["targeted-programme demo data already loaded"]


def test_000_p38_a2_the_plan_has_one_indicator_behind_and_one_measure_overdue(loaded):
    case = Case.objects.get(workflow="targeted_programmes.programme")
    plan = plan_of(case)
    today = law_context.today()
    capacity, cost = plan.indicators.get(code="I1"), plan.indicators.get(code="I2")
    assert capacity.kind == "cumulative" and cost.direction == "lower_is_better"
    behind = store.status_of(capacity, 2026, today)
    assert (behind.value, behind.target.value, behind.gap, behind.outcome) == (3.5, 5, -1.5, "not_reached")
    ahead = store.status_of(cost, 2026, today)  # 3050 tenge/kg against 3100: lower is better
    assert (ahead.gap, ahead.outcome) == (50, "reached")
    overdue = [o.item for o in plan.obligations.all() if o.done_on is None and o.due < today]
    assert overdue == ["M2"] and plan.obligations.get(item="M1").done_on == dt.date(2025, 12, 20)
    assert dashboard.overdue_count(plan, today) == 1
