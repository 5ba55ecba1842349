"""000.ttp.monitor (the actual per indicator per year against that year's target, reached or not with
the gap, history kept) and 000.p38.a2 (interim and final values): `monitoring.dashboard` answers with
the core's own status on the same stored rows, so a second copy of a rule would show as a difference."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from techpolicy.monitoring import dashboard, store
from techpolicy.monitoring import indicators as core
from techpolicy.monitoring.projection import project
from tests import factories
from tests.monitoring.world import AMENDED, approved, core_indicator, entered, item, make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return factories.make_user("enterer"), factories.make_user("approver2")


def test_000_ttp_monitor_rows_are_the_cores_status_year_by_year(people):
    """Each year's row is `indicators.status` on the stored indicator: target in force on the day (the
    amendment of 2027 counts from its date), the total to date, the exact gap and the outcome."""
    enterer, approver = people
    plan = make_plan()
    row = store.save_indicator(plan, core_indicator())
    approved(row, 2026, "12.5", enterer, approver)
    approved(row, 2027, "9.25", enterer, approver)
    store.save_actual(row, entered("I1", 2028, "1"), enterer)  # a draft: shown, not counted
    for on in (dt.date(2027, 2, 1), dt.date(2027, 6, 1)):
        board = dashboard.indicator_board(row, on)
        assert [y.year for y in board.years] == [2026, 2027, 2028, 2029, 2030]
        for y in board.years:
            assert y.status == store.status_of(row, y.year, on)
        year_2027 = board.years[1]
        expected_target = Decimal("25") if on >= AMENDED else Decimal("20")
        assert year_2027.target.value == expected_target and year_2027.amended
        assert year_2027.status.gap == Decimal("12.5") + Decimal("9.25") - expected_target  # exact
        assert board.years[2].actual.state == "draft" and board.years[2].status.outcome == "no_actual"
        assert board.latest.year == 2027
        assert [y.year for y in board.pending] == [2028]


def test_000_ttp_monitor_projection_is_the_projection_of_the_stored_rows(people):
    enterer, approver = people
    plan = make_plan()
    row = store.save_indicator(plan, core_indicator(kind="per_period"))
    for year, value in ((2026, "8"), (2027, "15"), (2028, "21"), (2029, "30")):
        approved(row, year, value, enterer, approver)
    on = dt.date(2030, 1, 10)
    board = dashboard.indicator_board(row, on)
    expected = project(store.indicator_model(row), store.actuals_of(row), 2030, on)
    assert board.projection == expected
    assert board.years[-1].projected == expected.at_final


def test_000_ttp_monitor_summary_behind_verdicts_and_overdue(people):
    """The summary names the indicators behind target in their latest approved year, counts the
    projection verdicts, and lists the obligations overdue on the day (`obligations.timeliness`)."""
    enterer, approver = people
    plan = make_plan()
    behind = store.save_indicator(plan, core_indicator("A"))
    ahead = store.save_indicator(plan, core_indicator("B"))
    store.save_indicator(plan, core_indicator("C"))  # no figure yet: neither behind nor ahead
    approved(behind, 2026, "9.999999", enterer, approver)  # target 10
    approved(ahead, 2026, "10", enterer, approver)
    store.expand_into(plan, [item("1"), item("2", month=6)])
    on = dt.date(2027, 7, 15)
    board = dashboard.plan_board(plan, on)
    assert board.summary.behind == ("A",)
    assert sum(board.summary.verdicts.values()) == 3
    assert board.summary.verdicts == {"not_enough_data": 3}  # one year of figures: no trend
    expected = [o for o in plan.obligations.all() if store.timeliness_of(o, on).timeliness == "overdue"]
    assert board.summary.overdue_count == len(expected) == 3  # 1:2026, 2:2026, 2:2027 (June)
    assert {o.row.key for o in board.summary.overdue} == {o.key for o in expected}
    done = plan.obligations.get(key="1:2026")
    done.done_on = dt.date(2027, 1, 5)
    done.save()
    assert dashboard.plan_board(plan, on).summary.overdue_count == 2


def test_000_ttp_monitor_obligation_rows_filter_by_year_and_overdue():
    plan = make_plan()
    store.expand_into(plan, [item("1")])
    on = dt.date(2028, 3, 1)
    assert [o.row.key for o in dashboard.obligation_rows(plan, on, year=2027)] == ["1:2027"]
    assert [o.row.key for o in dashboard.obligation_rows(plan, on, overdue_only=True)] == ["1:2026", "1:2027"]
    every = dashboard.obligation_rows(plan, on)
    assert [o.timeliness for o in every] == [store.timeliness_of(o.row, on) for o in every]


def test_000_p38_a2_target_history_keeps_the_amended_value():
    plan = make_plan()
    row = store.save_indicator(plan, core_indicator())
    board = dashboard.indicator_board(row, dt.date(2028, 1, 1))
    history = board.years[1].history
    assert [t.value for t in history] == [Decimal("20"), Decimal("25")]
    assert history == tuple(core_indicator().target_history(2027))
    assert isinstance(board.years[1].status, core.Status)


def test_000_ttp_monitor_chart_carries_targets_actuals_projection_and_final_target(people):
    """The chart's data: the targets in force, the approved totals, the projection with its interval
    from the last observed value, the final target flagged; its table in the page's language."""
    from techpolicy.monitoring.charts import indicator_chart

    enterer, approver = people
    row = store.save_indicator(make_plan(), core_indicator(kind="per_period"))
    for year, value in ((2026, "8.5"), (2027, "15"), (2028, "21"), (2029, "30")):
        approved(row, year, value, enterer, approver)
    board = dashboard.indicator_board(row, dt.date(2029, 6, 1))
    chart = indicator_chart(board, "en")
    records = chart.spec["data"]["values"]
    by_series: dict[str, list] = {}
    for record in records:
        by_series.setdefault(record["series"], []).append(record)
    assert len(chart.spec["layer"]) == 5
    targets = [r for r in by_series["Target"] if r["final"]]
    assert [(r["year"], r["value"]) for r in targets] == [(2030, 80.0)]
    assert [r["value"] for r in by_series["Approved actual"]] == [8.5, 15.0, 21.0, 30.0]
    projected = by_series["Projection (95% interval)"]
    assert projected[0] == {"year": 2029, "series": "Projection (95% interval)", "value": 30.0, "low": 30.0,
                            "high": 30.0}
    final = board.projection.at_final
    assert projected[-1]["low"] == final.low and projected[-1]["high"] == final.high
    assert chart.rows[0][:3] == ["2026", "10", "8.5"]
    assert indicator_chart(board, "kk").rows[0][:3] == ["2026", "10", "8,5"]


def test_000_ttp_monitor_latest_compared_year_skips_a_year_without_target(people):
    """A year with an approved figure but no target in force is neither behind nor ahead: the summary
    judges the latest year the core could compare."""
    enterer, approver = people
    row = store.save_indicator(make_plan(), core_indicator(kind="per_period"))
    approved(row, 2026, "9", enterer, approver)  # target 10: behind
    approved(row, 2029, "99", enterer, approver)  # no target for 2029
    board = dashboard.indicator_board(row, dt.date(2030, 1, 1))
    assert board.years[3].status.outcome == "no_target"
    assert board.latest.year == 2026 and board.behind
    assert dashboard.latest_gap(board) == Decimal("-1")
