"""000.p38.a2 and 000.ttp.monitor stored: indicators with amended targets, actuals and their approval,
obligations under the core's key, kept in the database and answered by the core (`monitoring.store`).

Every expected answer is the core's own on the same models, so a second copy of a rule in the store
would show as a difference."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from typing import get_args

import pytest
from django.db import DataError, IntegrityError, transaction
from pydantic import ValidationError

from techpolicy.monitoring import indicators as core
from techpolicy.monitoring import models, store
from techpolicy.monitoring import obligations as plan_core
from tests import factories

pytestmark = pytest.mark.django_db

NAMES = {"kk": "Көрсеткіш", "ru": "Показатель", "en": "Indicator"}
ADOPTED = dt.date(2025, 12, 24)  # Resolution No. 1134 (002.res.p1)
AMENDED = dt.date(2027, 3, 1)


def plan(ref="TTP-2026-0001"):
    return models.Plan.objects.create(owner_kind="ttp", owner_ref=ref, name_kk="Бағдарлама", name_ru="Программа",
                                      name_en="Programme", first_year=2026, last_year=2035)


def indicator(code="I4", direction="higher_is_better", kind="cumulative", base="31", targets=None):
    if targets is None:  # 2027 amended upwards from AMENDED on; 2028 final
        targets = [(2026, "10", "interim", ADOPTED), (2027, "20", "interim", ADOPTED),
                   (2027, "25", "interim", AMENDED), (2028, "40", "final", ADOPTED)]
    return core.Indicator(code=code, name=NAMES, unit="bn KZT", direction=direction, kind=kind, base_year=2025,
                          base_value=Decimal(base), targets=[
                              {"year": y, "value": Decimal(v), "stage": s, "act": "002", "paragraph": "s6.i4",
                               "effective": eff} for y, v, s, eff in targets])


def entered(code, year, value):
    return core.Actual(indicator=code, year=year, value=Decimal(value),
                       provenance={"kind": "entered", "evidence": f"letter {year}"})


def approved(row, year, value, actor):
    actual = store.save_actual(row, entered(row.code, year, value), actor)
    return store.approve(store.submit(actual, actor), actor)


def test_000_p38_a2_indicator_with_amended_targets_round_trips():
    """000.p38.a2: interim and final values and an amendment read back as the same core indicator; the
    core then picks the 2027 target in force on each date (the amendment's history kept)."""
    original = indicator()
    row = store.save_indicator(plan(), original)
    back = store.indicator_model(models.Indicator.objects.get(pk=row.pk))
    assert back == original
    assert back.target(2027, dt.date(2027, 2, 28)).value == Decimal(20)
    assert back.target(2027, AMENDED).value == Decimal(25)
    assert [t.value for t in back.target_history(2027)] == [Decimal(20), Decimal(25)]


def test_000_p38_a2_amendment_is_a_new_row_and_the_core_refuses_a_same_day_copy():
    row = store.save_indicator(plan(), indicator(targets=[(2026, "10", "interim", ADOPTED)]))
    amendment = core.Target(year=2026, value=Decimal(12), stage="interim", act="Order 5", paragraph="p.1",
                            effective=AMENDED)
    store.amend(row, amendment)
    assert store.indicator_model(row).target(2026, AMENDED) == amendment
    with pytest.raises(ValidationError, match="two targets for 2026"):
        store.amend(row, amendment.model_copy(update={"value": Decimal(13)}))
    with pytest.raises(ValidationError, match="not after the base year"):
        store.amend(row, amendment.model_copy(update={"year": 2025}))
    assert row.targets.count() == 2


@pytest.mark.parametrize("year, on", [(2026, dt.date(2026, 12, 31)), (2027, dt.date(2027, 1, 1)),
                                      (2027, AMENDED), (2028, dt.date(2030, 1, 1)), (2029, dt.date(2030, 1, 1))])
def test_000_ttp_monitor_status_from_rows_equals_the_cores_status(year, on):
    """000.ttp.monitor: the stored status is `indicators.status` on the same models, for a cumulative
    series with a missing year (2027 has only a draft) and an amended target."""
    actor = factories.make_user()
    row = store.save_indicator(plan(), indicator())
    approved(row, 2026, "12", actor)
    store.save_actual(row, entered("I4", 2027, "9"), actor)  # a draft: not counted
    model_actuals = [entered("I4", 2026, "12").model_copy(update={"state": "approved"}),
                     entered("I4", 2027, "9")]
    expected = core.status(indicator(), model_actuals, year, on)
    got = store.status_of(row, year, on)
    assert got.model_dump(exclude={"target"}) == expected.model_dump(exclude={"target"})
    assert got.target == expected.target


def test_000_ttp_monitor_cumulative_total_from_rows():
    """000.ttp.monitor: the total to date adds the approved years after the base year (12 + 9 + 20)."""
    actor = factories.make_user()
    row = store.save_indicator(plan(), indicator())
    for year, value in ((2026, "12"), (2027, "9"), (2028, "20")):
        approved(row, year, value, actor)
    status = store.status_of(row, 2028, dt.date(2030, 1, 1))
    assert status == core.status(indicator(), store.actuals_of(row), 2028, dt.date(2030, 1, 1))
    assert (status.outcome, status.value, status.gap) == ("reached", Decimal(41), Decimal(1))


def test_000_ttp_monitor_lower_is_better_rank_from_rows():
    """002.s6.i2: a GII place, lower is better: place 28 against the target 30 is ahead by 2."""
    actor = factories.make_user()
    rank = indicator("I2", "lower_is_better", "per_period", targets=[(2026, "30", "interim", ADOPTED),
                                                                      (2027, "29", "final", ADOPTED)])
    row = store.save_indicator(plan(), rank)
    approved(row, 2026, "28", actor)
    approved(row, 2027, "31", actor)
    ahead = store.status_of(row, 2026, dt.date(2030, 1, 1))
    behind = store.status_of(row, 2027, dt.date(2030, 1, 1))
    assert (ahead.outcome, ahead.gap, ahead.direction) == ("reached", Decimal(2), "lower_is_better")
    assert (behind.outcome, behind.gap) == ("not_reached", Decimal(-2))


def test_000_ttp_monitor_approval_order_is_the_cores():
    """000.ttp.monitor (indicators: approval): a draft cannot be approved, and a cumulative year is
    refused while an earlier year is unapproved; the refusal is the core's ApprovalError, nothing saved."""
    actor = factories.make_user()
    row = store.save_indicator(plan(), indicator())
    first = store.save_actual(row, entered("I4", 2026, "12"), actor)
    second = store.submit(store.save_actual(row, entered("I4", 2027, "9"), actor), actor)
    with pytest.raises(core.ApprovalError, match="submit it first"):
        store.approve(first, actor)
    with pytest.raises(core.ApprovalError, match=r"approve the earlier years first \(2026\)"):
        store.approve(second, actor)
    second.refresh_from_db()
    assert (second.state, second.approved_by, second.approved_at) == ("submitted", None, None)
    store.approve(store.submit(first, actor), actor)
    done = store.approve(second, actor)
    assert (done.state, done.approved_by) == ("approved", actor)
    with pytest.raises(core.ApprovalError, match="already approved"):
        store.approve(done, actor)
    with pytest.raises(core.ApprovalError, match="not replaced"):
        store.save_actual(row, entered("I4", 2027, "10"), actor)


def test_000_ttp_monitor_computed_actual_keeps_its_query():
    row = store.save_indicator(plan(), indicator())
    computed = core.Actual(indicator="I4", year=2026, value=Decimal("1.5"), provenance={
        "kind": "computed", "source_register": "grants", "query": "sum(amount) where year = 2026"})
    store.save_actual(row, computed)
    assert store.actuals_of(row) == [computed]
    with pytest.raises(ValueError, match="not after the base year"):
        store.save_actual(row, computed.model_copy(update={"year": 2025}))


def test_000_ttp_monitor_database_refuses_two_actuals_of_a_year_and_unknown_states():
    row = store.save_indicator(plan(), indicator())
    store.save_actual(row, entered("I4", 2026, "1"))
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Actual.objects.create(indicator=row, year=2026, value=2, provenance="entered", evidence="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Actual.objects.create(indicator=row, year=2027, value=2, provenance="entered", evidence="x",
                                     state="final")
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Actual.objects.create(indicator=row, year=2028, value=2, provenance="computed", evidence="x")
    # Past common.Value's 20 digits: SQLite's check constraint or PostgreSQL's numeric(20, 6) refuses it.
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        models.Target.objects.create(indicator=row, year=2026, value=Decimal(10) ** 15, stage="interim", act="a",
                                     paragraph="p", effective=ADOPTED)


# 002.s7.ap: item 7 "December 2027–2035" (nine obligations) and a one-off in Q1 2027.
ITEMS = [
    plan_core.Item(number="7", name=NAMES, form="information to the Government",
                   executors=[{"name": "MSHE"}, {"name": "AAE", "by_agreement": True}],
                   funding={"volume": "within_provided_funds", "source": "republican_budget"},
                   deadline={"kind": "yearly", "from_year": 2027, "to_year": 2035, "month": 12}),
    plan_core.Item(number="3", name=NAMES, form="report", executors=[{"name": "MSHE"}],
                   funding={"volume": "not_required"}, deadline={"kind": "quarter", "year": 2027, "quarter": 1}),
]


def test_002_s7_ap_expansion_twice_stores_once():
    """000.ttp.monitor / 002.s7.ap: the core's obligations stored under their key; a second run stores
    nothing new and the rows read back as the core's obligations."""
    owner = plan()
    first = store.expand_into(owner, ITEMS)
    assert sorted(first.created) == sorted(o.key for o in plan_core.expand_plan(ITEMS))
    assert len(first.created) == 10
    again = store.expand_into(owner, ITEMS)
    assert (again.created, again.updated) == ([], [])
    assert owner.obligations.count() == 10
    rows = owner.obligations.order_by("due", "key")
    assert [store.obligation_model(r) for r in rows] == plan_core.expand_plan(ITEMS)


def test_002_s7_ap_expansion_of_one_year_then_all_and_a_changed_item_keeps_completion():
    owner = plan()
    assert sorted(store.expand_into(owner, ITEMS, 2027).created) == ["3:2027-Q1", "7:2027"]
    assert len(store.expand_into(owner, ITEMS).created) == 8
    row = owner.obligations.get(key="7:2027")
    row.done_on = dt.date(2027, 12, 20)
    row.save()
    changed = [ITEMS[0].model_copy(update={"form": "report to the Government"}), ITEMS[1]]
    result = store.expand_into(owner, changed)
    assert (result.created, len(result.updated)) == ([], 9)
    row.refresh_from_db()
    assert (row.form, row.done_on) == ("report to the Government", dt.date(2027, 12, 20))
    assert store.timeliness_of(row, dt.date(2028, 1, 10)).timeliness == "on_time"
    late = owner.obligations.get(key="3:2027-Q1")
    assert store.timeliness_of(late, dt.date(2027, 4, 1)).timeliness == "overdue"


def test_002_s7_ap_the_second_completion_keeps_the_first_date():
    """002.s7.ap: timeliness counts from the first completion (`obligations.submitted_on`), so a second
    completion with an earlier, timely date neither replaces the late date nor its evidence."""
    owner = plan()
    store.expand_into(owner, ITEMS, 2027)
    row = owner.obligations.get(key="3:2027-Q1")
    late_day = row.due + dt.timedelta(days=10)
    assert store.mark_done(row, late_day, "letter No. 1") is True
    assert store.mark_done(row, row.due - dt.timedelta(days=5), "letter No. 2") is False
    row.refresh_from_db()
    assert (row.done_on, row.evidence) == (late_day, "letter No. 1")
    assert store.timeliness_of(row, late_day).timeliness == "late"


def test_002_s7_ap_the_database_enforces_the_key():
    """The unique (plan, key) is the database's: a direct duplicate insert raises IntegrityError."""
    owner = plan()
    store.expand_into(owner, ITEMS)
    row = owner.obligations.get(key="7:2027")
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Obligation.objects.create(plan=owner, key=row.key, item=row.item, period=row.period, year=row.year,
                                         starts=row.starts, due=row.due, precision=row.precision, form=row.form,
                                         funding_volume=row.funding_volume)
    other = plan("TTP-2026-0002")  # the same key under another plan is another obligation
    assert len(store.expand_into(other, ITEMS).created) == 10


def test_000_ttp_monitor_one_plan_per_owner():
    plan()
    with pytest.raises(IntegrityError), transaction.atomic():
        plan()


def test_000_ttp_monitor_choices_are_the_cores_enums():
    """The database's enums are the core's Literals (no second list that could drift)."""
    def values(choices):
        return {value for value, _label in choices}

    assert values(models.DIRECTIONS) == set(get_args(core.Direction))
    assert values(models.KINDS) == set(get_args(core.Kind))
    assert values(models.STAGES) == set(get_args(core.Stage))
    assert values(models.STATES) == set(get_args(core.State))
    assert values(models.PROVENANCES) == {"entered", "computed"}
    assert values(models.PRECISIONS) == set(get_args(plan_core.Precision))
    assert values(models.FUNDING_VOLUMES) == set(get_args(plan_core.FundingVolume))
    assert values(models.FUNDING_SOURCES) == set(get_args(plan_core.FundingSource))


def test_000_ttp_monitor_core_stays_importable_without_django():
    code = ("import sys; import techpolicy.monitoring.indicators, techpolicy.monitoring.obligations, "
            "techpolicy.monitoring.commands; assert not [m for m in sys.modules if m.startswith('django')]")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


def test_000_ttp_monitor_a_value_is_stored_exactly_or_refused():
    """common.Value (20 digits, 6 after the point, sums exact): PostgreSQL keeps every such value; SQLite
    keeps 15 significant digits, so a longer value is refused there instead of rounded."""
    from django.db import connection

    long_value = Decimal("12345678901234.123456")
    wide = indicator(targets=[(2026, "12345678901234.123456", "final", ADOPTED)])
    owner = plan()
    if connection.vendor == "sqlite":
        with pytest.raises(ValueError, match="significant digits"):
            store.save_indicator(owner, wide)
        assert not models.Indicator.objects.exists()
        short = indicator(targets=[(2026, "123456789.123456", "final", ADOPTED)])
        assert store.indicator_model(store.save_indicator(owner, short)) == short
    else:
        row = store.save_indicator(owner, wide)
        assert store.indicator_model(models.Indicator.objects.get(pk=row.pk)).targets[0].value == long_value


@pytest.mark.parametrize("name", ["plan", "indicator", "target", "actual", "obligation"])
def test_000_ttp_monitor_admin_shows_the_rows_read_only(client, name):
    """The admin lists the stored rows but cannot add, change or delete them (the core's rules would
    be bypassed): its add page is refused."""
    from techpolicy.accounts.models import User

    owner = plan()
    store.save_actual(store.save_indicator(owner, indicator()), entered("I4", 2026, "1"))
    store.expand_into(owner, ITEMS)
    client.force_login(User.objects.create_superuser("monitoring-admin"))
    assert client.get(f"/en/admin/monitoring/{name}/").status_code == 200
    assert client.get(f"/en/admin/monitoring/{name}/add/").status_code == 403
