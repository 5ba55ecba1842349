"""Load seed 002's Concept (Resolution No. 1134 of 24.12.2025) into monitoring: one plan owned by
("science_territories", "002-concept-2026-2035") with the six target indicators of §6 (002.s6.i1–i6)
and the obligations of the 25-item action plan (002.s7.ap), from the files `techpolicy.legal.seed002`
reads and validates.

Idempotent: a second run finds every row as the files describe it and changes nothing (it says so).
A changed file updates what it may: the plan's names, an indicator's names, unit, direction, kind and
base, targets of a year or date not yet stored, obligations through `store.expand_into` (completion
kept). A stored target is never edited (an amendment is a new target, `indicators` module), so a file
that gives another value for a stored year and date is refused, and nothing of the run is kept.

Output is for the operator and in English, like Django's own commands (which run untranslated).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from techpolicy.legal import seed002
from techpolicy.monitoring import indicators as core
from techpolicy.monitoring import models, store

_INDICATOR_FIELDS = ("name_kk", "name_ru", "name_en", "unit", "direction", "kind", "base_year", "base_value")


@dataclass
class Summary:
    plan: str = "unchanged"  # created / updated / unchanged
    indicators: dict[str, list[str]] = field(default_factory=lambda: {"created": [], "updated": [], "unchanged": []})
    targets_added: int = 0
    obligations_created: int = 0
    obligations_updated: int = 0
    obligations_total: int = 0

    @property
    def changed(self) -> bool:
        return (self.plan != "unchanged" or bool(self.indicators["created"] or self.indicators["updated"])
                or bool(self.obligations_created or self.obligations_updated))


def _plan(summary: Summary) -> models.Plan:
    names = seed002.PLAN_NAMES
    wanted = {"name_kk": names.kk, "name_ru": names.ru, "name_en": names.en,
              "first_year": seed002.FIRST_YEAR, "last_year": seed002.LAST_YEAR}
    plan, created = models.Plan.objects.select_for_update().get_or_create(
        owner_kind=seed002.OWNER_KIND, owner_ref=seed002.OWNER_REF, defaults=wanted)
    if created:
        summary.plan = "created"
    elif any(getattr(plan, name) != value for name, value in wanted.items()):
        for name, value in wanted.items():
            setattr(plan, name, value)
        plan.save()
        summary.plan = "updated"
    return plan


def _indicator_fields(indicator: core.Indicator) -> dict:
    return {"name_kk": indicator.name.kk, "name_ru": indicator.name.ru, "name_en": indicator.name.en,
            "unit": indicator.unit, "direction": indicator.direction, "kind": indicator.kind,
            "base_year": indicator.base_year, "base_value": indicator.base_value}


def _sync_indicator(plan: models.Plan, indicator: core.Indicator, summary: Summary) -> None:
    row = plan.indicators.filter(code=indicator.code).first()
    if row is None:
        store.save_indicator(plan, indicator)
        summary.indicators["created"].append(indicator.code)
        return
    stored = store.indicator_model(row)
    if stored == indicator:
        summary.indicators["unchanged"].append(indicator.code)
        return
    wanted = _indicator_fields(indicator)
    if any(getattr(row, name) != value for name, value in wanted.items()):
        for name, value in wanted.items():
            setattr(row, name, value)
        row.save(update_fields=list(_INDICATOR_FIELDS))
    have = {(t.year, t.effective): t for t in stored.targets}
    for target in indicator.targets:
        old = have.get((target.year, target.effective))
        if old is None:
            store.amend(row, target)
            summary.targets_added += 1
        elif old != target:
            raise CommandError(f"{indicator.code} {target.year}: the stored target of {target.effective} is "
                               f"{old.value} ({old.stage}), the file says {target.value} ({target.stage}); "
                               "a target is not edited, an amending act adds one with its own date")
    summary.indicators["updated"].append(indicator.code)


@transaction.atomic
def load() -> Summary:
    """Create or update the plan, its indicators and its obligations; returns what was done."""
    summary = Summary()
    plan = _plan(summary)
    for indicator in seed002.indicators():
        _sync_indicator(plan, indicator, summary)
    items = seed002.plan_items()
    expansion = store.expand_into(plan, items)
    summary.obligations_created = len(expansion.created)
    summary.obligations_updated = len(expansion.updated)
    summary.obligations_total = plan.obligations.count()
    return summary


class Command(BaseCommand):
    help = ("Load seed 002 (the Concept of science concentration territories 2026–2035): its plan, the six "
            "target indicators and the action plan's obligations. Running it again changes nothing.")

    def handle(self, *args, **options):
        try:
            summary = load()
        except ValueError as exc:  # a file that does not validate (pydantic's errors are ValueErrors)
            raise CommandError(f"seed 002 data is invalid: {exc}") from None
        ref = f"{seed002.OWNER_KIND}:{seed002.OWNER_REF}"
        done = summary.indicators
        self.stdout.write(f"plan {ref}: {summary.plan}")
        self.stdout.write(f"indicators: {len(done['created'])} created, {len(done['updated'])} updated, "
                          f"{len(done['unchanged'])} unchanged; targets added to stored indicators: "
                          f"{summary.targets_added}")
        self.stdout.write(f"obligations: {summary.obligations_created} created, {summary.obligations_updated} "
                          f"updated, {summary.obligations_total} stored for the plan")
        if not summary.changed:
            self.stdout.write("nothing changed: seed 002 was already loaded as the files describe it")
