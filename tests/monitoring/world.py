"""A throwaway plan owner and a stored plan for the monitoring pages' and dashboard's tests
(000.p38.a2, 000.ttp.monitor): the owner grants by username, so each persona's rights are visible."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from techpolicy.monitoring import indicators as core
from techpolicy.monitoring import models, owners, store
from techpolicy.monitoring import obligations as plan_core

KIND = "testowner"
READERS = {"enterer", "approver", "approver2", "reader"}
ENTERERS = {"enterer", "approver"}
APPROVERS = {"approver", "approver2"}
ADOPTED = dt.date(2025, 12, 24)
AMENDED = dt.date(2027, 3, 1)
NAMES = {"kk": "Көрсеткіш", "ru": "Показатель", "en": "Indicator"}


def _named(names):
    return lambda user, plan: getattr(user, "username", "") in names


OWNER = owners.OwnerKind(kind=KIND, label="Test owner", may_read=_named(READERS),
                         public=lambda plan: plan.owner_ref.startswith("PUB"), may_enter=_named(ENTERERS),
                         may_approve=_named(APPROVERS), owner_url=lambda plan: "/kk/")


def register_owner(monkeypatch):
    """The throwaway owner, registered for one test only (`monkeypatch` takes it away after)."""
    monkeypatch.setitem(owners._OWNERS, KIND, OWNER)
    return OWNER


def make_plan(ref="P-1", kind=KIND) -> models.Plan:
    return models.Plan.objects.create(owner_kind=kind, owner_ref=ref, name_kk="Бағдарлама", name_ru="Программа",
                                      name_en="Programme", first_year=2026, last_year=2030)


def core_indicator(code="I1", kind="cumulative", direction="higher_is_better", targets=None) -> core.Indicator:
    if targets is None:  # 000.p38.a2: interim values, 2027 amended, one final value in the last year
        targets = [(2026, "10", "interim", ADOPTED), (2027, "20", "interim", ADOPTED),
                   (2027, "25", "interim", AMENDED), (2028, "40", "interim", ADOPTED),
                   (2030, "80", "final", ADOPTED)]
    return core.Indicator(code=code, name=NAMES, unit="units", direction=direction, kind=kind, base_year=2025,
                          base_value=Decimal("3"), targets=[
                              {"year": y, "value": Decimal(v), "stage": s, "act": "000", "paragraph": "p.38",
                               "effective": eff} for y, v, s, eff in targets])


def entered(code, year, value, evidence="Letter No. 1"):
    return core.Actual(indicator=code, year=year, value=Decimal(value),
                       provenance={"kind": "entered", "evidence": evidence})


def approved(row, year, value, submitter, approver):
    actual = store.save_actual(row, entered(row.code, year, value), submitter)
    return store.approve(store.submit(actual, submitter), approver)


def item(number="1", from_year=2026, to_year=2030, month=12) -> plan_core.Item:
    return plan_core.Item(number=number, name=NAMES, form="information", executors=[{"name": "Ministry"}],
                          funding={"volume": "not_required"},
                          deadline={"kind": "yearly", "from_year": from_year, "to_year": to_year, "month": month})
