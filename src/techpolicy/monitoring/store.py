"""Between the rows of `models` and the core's pydantic models (000.p38.a2, 000.ttp.monitor).

Every answer is the core's: a status is `indicators.status` on the models read from the rows, an
approval is `indicators.approve` on them, the obligations are `obligations.expand_plan`'s. This module
only reads and writes rows, so the rules exist once. What goes in is a core model, already validated
by pydantic; what the core checks across rows (a target after the base year, no two targets of a year
from one day) is checked by building the core model with the new row before saving it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

from . import indicators as core
from . import models
from . import obligations as plan_core
from .common import Names

# SQLite keeps a decimal column as a REAL, exact to 15 significant digits; the core's values have up to
# 20 (`common.Value`). On SQLite a longer value is refused rather than silently rounded; PostgreSQL's
# numeric(20, 6) holds every one of them exactly.
SQLITE_EXACT_DIGITS = 15

_OBLIGATION_FIELDS = ("item", "period", "year", "starts", "due", "precision", "form", "executors",
                      "funding_volume", "funding_source")


def _exact(value: Decimal) -> Decimal:
    if connection.vendor == "sqlite" and len(value.normalize().as_tuple().digits) > SQLITE_EXACT_DIGITS:
        raise ValueError(f"{value} has more than {SQLITE_EXACT_DIGITS} significant digits, which SQLite does not "
                         "store exactly; use PostgreSQL for such values")
    return value


# Indicators and targets


def _target_model(row: models.Target) -> core.Target:
    return core.Target(year=row.year, value=row.value, stage=row.stage, act=row.act, paragraph=row.paragraph,
                       effective=row.effective)


def indicator_model(indicator: models.Indicator) -> core.Indicator:
    """The core's indicator with every target ever stored for it (the amended ones too: the core
    chooses the one in force on a date)."""
    return core.Indicator(
        code=indicator.code, name=Names(kk=indicator.name_kk, ru=indicator.name_ru, en=indicator.name_en),
        unit=indicator.unit, direction=indicator.direction, kind=indicator.kind, base_year=indicator.base_year,
        base_value=indicator.base_value,
        targets=[_target_model(t) for t in indicator.targets.order_by("year", "effective")])


@transaction.atomic
def save_indicator(plan: models.Plan, indicator: core.Indicator) -> models.Indicator:
    """Store a new indicator of `plan` with its targets (a second one with the same code is refused
    by the database's unique constraint)."""
    row = models.Indicator.objects.create(
        plan=plan, code=indicator.code, name_kk=indicator.name.kk, name_ru=indicator.name.ru,
        name_en=indicator.name.en, unit=indicator.unit, direction=indicator.direction, kind=indicator.kind,
        base_year=indicator.base_year, base_value=_exact(indicator.base_value))
    models.Target.objects.bulk_create(_target_row(row, t) for t in indicator.targets)
    return row


def _target_row(indicator: models.Indicator, target: core.Target) -> models.Target:
    return models.Target(indicator=indicator, year=target.year, value=_exact(target.value), stage=target.stage,
                         act=target.act, paragraph=target.paragraph, effective=target.effective)


@transaction.atomic
def amend(indicator: models.Indicator, target: core.Target) -> models.Target:
    """Add a target set by an amending act: a new row, the older targets stay as history. The core
    refuses a year not after the base year or a second target of the year from the same day."""
    models.Indicator.objects.select_for_update().filter(pk=indicator.pk).first()
    current = indicator_model(indicator)
    core.Indicator.model_validate({**current.model_dump(), "targets": [*current.targets, target]})  # raises
    row = _target_row(indicator, target)
    row.save()
    return row


# Actuals and their approval


def actual_model(row: models.Actual, code: str) -> core.Actual:
    provenance: dict
    if row.provenance == "entered":
        provenance = {"kind": "entered", "evidence": row.evidence,
                      "entered_by": row.entered_by.get_username() if row.entered_by_id else None}
    else:
        provenance = {"kind": "computed", "source_register": row.source_register, "query": row.query,
                      "computed_at": row.computed_at}
    return core.Actual(indicator=code, year=row.year, value=row.value, provenance=provenance, state=row.state)


def actuals_of(indicator: models.Indicator) -> list[core.Actual]:
    """Every stored actual of the indicator, in any state, by year (the core counts the approved)."""
    rows = indicator.actuals.select_related("entered_by").order_by("year")
    return [actual_model(row, indicator.code) for row in rows]


def status_of(indicator: models.Indicator, year: int, on: dt.date) -> core.Status:
    """000.ttp.monitor: the core's status of the stored indicator for `year`, targets in force on `on`."""
    return core.status(indicator_model(indicator), actuals_of(indicator), year, on)


@transaction.atomic
def save_actual(indicator: models.Indicator, actual: core.Actual, actor=None) -> models.Actual:
    """Store the draft actual of a year, or replace the year's draft (a correction replaces the figure,
    it does not add one). A submitted or approved figure is not replaced here: it has been attested."""
    if actual.indicator != indicator.code:
        raise core.ApprovalError(f"the actual is of {actual.indicator}, not of {indicator.code}")
    if actual.state != "draft":
        raise core.ApprovalError(f"{actual.indicator} {actual.year}: a stored actual starts as a draft")
    if actual.year <= indicator.base_year:
        raise ValueError(f"year {actual.year} is not after the base year {indicator.base_year}")
    existing = indicator.actuals.select_for_update().filter(year=actual.year).first()
    if existing is not None and existing.state != "draft":
        raise core.ApprovalError(f"{actual.indicator} {actual.year}: the {existing.state} figure is not replaced")
    row = existing or models.Actual(indicator=indicator, year=actual.year)
    source = actual.provenance
    row.value, row.provenance, row.state = _exact(actual.value), source.kind, "draft"
    if isinstance(source, core.Entered):
        row.evidence, row.source_register, row.query, row.computed_at = source.evidence, "", "", None
    else:
        row.evidence, row.source_register, row.query = "", source.source_register, source.query
        row.computed_at = source.computed_at
    row.entered_by = actor
    row.save()
    return row


def _advance(actual: models.Actual, decide, actor, by: str, at: str) -> models.Actual:
    """Apply the core's decision `decide(indicator, actual, others)` to the stored row. The
    indicator's row is locked first, so two approvals of one indicator are decided one after the
    other; the update is conditional on the state read, so a row changed meanwhile is not overwritten."""
    with transaction.atomic():
        indicator = models.Indicator.objects.select_for_update().get(pk=actual.indicator_id)
        model = indicator_model(indicator)
        everything = actuals_of(indicator)
        current = next((a for a in everything if a.year == actual.year), None)
        if current is None:
            raise core.ApprovalError(f"{indicator.code} {actual.year}: no stored actual")
        decided = decide(model, current, everything)
        now = timezone.now()
        changed = models.Actual.objects.filter(pk=actual.pk, state=current.state).update(
            state=decided.state, **{by: actor, at: now})
        if changed != 1:
            raise core.ApprovalError(f"{indicator.code} {actual.year}: the figure changed meanwhile; reload it")
    actual.refresh_from_db()
    return actual


def submit(actual: models.Actual, actor) -> models.Actual:
    """draft → submitted, by the core's rule (`indicators.submit`)."""
    return _advance(actual, lambda _model, current, _others: core.submit(current), actor,
                    "submitted_by", "submitted_at")


def approve(actual: models.Actual, actor) -> models.Actual:
    """submitted → approved, by the core's order rule (`indicators.approve`: a draft is refused, and for
    a cumulative indicator an earlier year not yet approved); a refusal raises `ApprovalError`."""
    return _advance(actual, core.approve, actor, "approved_by", "approved_at")


# Obligations


def obligation_model(row: models.Obligation) -> plan_core.Obligation:
    funding = {"volume": row.funding_volume, "source": row.funding_source or None}
    return plan_core.Obligation(key=row.key, item=row.item, period=row.period, year=row.year, starts=row.starts,
                                due=row.due, precision=row.precision, form=row.form, executors=row.executors,
                                funding=funding)


def _obligation_fields(obligation: plan_core.Obligation) -> dict:
    return {"item": obligation.item, "period": obligation.period, "year": obligation.year,
            "starts": obligation.starts, "due": obligation.due, "precision": obligation.precision,
            "form": obligation.form, "executors": [e.model_dump(mode="json") for e in obligation.executors],
            "funding_volume": obligation.funding.volume, "funding_source": obligation.funding.source or ""}


@dataclass(frozen=True)
class Expansion:
    created: list[str]  # keys stored now
    updated: list[str]  # keys whose item changed (due date, form, executors, funding); completion kept


@transaction.atomic
def expand_into(plan: models.Plan, items: Iterable[plan_core.Item], year: int | None = None) -> Expansion:
    """Expand the plan's items with the core (`obligations.expand_plan`, of `year`'s periods when
    given) and store one row per obligation under its key. Running it again stores nothing new; an
    item whose deadline, form, executors or funding changed updates its rows and keeps their
    completion. Rows of items no longer in `items` are left as they are (their history stays)."""
    expanded = plan_core.expand_plan(items, year)
    existing = {row.key: row for row in plan.obligations.filter(key__in=[o.key for o in expanded])}
    new, changed = [], []
    for obligation in expanded:
        fields = _obligation_fields(obligation)
        row = existing.get(obligation.key)
        if row is None:
            new.append(models.Obligation(plan=plan, key=obligation.key, **fields))
        elif any(getattr(row, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(row, name, value)
            changed.append(row)
    # ignore_conflicts: a concurrent expansion that stored a key first wins; nothing is stored twice.
    models.Obligation.objects.bulk_create(new, ignore_conflicts=True)
    models.Obligation.objects.bulk_update(changed, _OBLIGATION_FIELDS)
    return Expansion(created=[row.key for row in new], updated=[row.key for row in changed])


def timeliness_of(obligation: models.Obligation, on: dt.date) -> plan_core.Timeliness:
    """The core's timeliness of the stored obligation on `on`, from its completion date."""
    return plan_core.timeliness(obligation_model(obligation), obligation.done_on, on)


def mark_done(obligation: models.Obligation, done_on: dt.date, evidence: str) -> bool:
    """Record the obligation's completion on `done_on` with its evidence; True if this call recorded it.

    The first completion date is kept: timeliness is counted from the first submission
    (`obligations.submitted_on`), so a later copy must not make a late obligation timely, nor a timely
    one late. One conditional UPDATE (only while no date is stored) is the guard, so of two concurrent
    completions exactly one is recorded and the other answers False."""
    return models.Obligation.objects.filter(pk=obligation.pk, done_on__isnull=True).update(
        done_on=done_on, evidence=evidence) == 1
