"""Working with a platform's road map (p.24(7)): a draft version is started from the latest
published one, its stages and items are edited, and it is published once, for good.

Every change takes the version's row lock and checks it is still a draft, so a form posted after a
colleague published the version is refused; publishing itself is one conditional update (draft ->
published), which lets exactly one of twenty simultaneous requests publish. Sizes are bounded."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from techpolicy.casework import law_context

from . import keytech
from .models import Participant, Platform, RoadMapItem, RoadMapStage, RoadMapVersion

MAX_STAGES = 50
MAX_ITEMS = 500  # items of one version
STATUSES = dict(RoadMapItem.STATUSES)


class RoadMapError(Exception):
    """A change of the road map that is refused; the message says why, in the user's language."""


def published_versions(platform: Platform):
    return platform.road_map_versions.filter(status=RoadMapVersion.PUBLISHED).order_by("-number")


def current(platform: Platform) -> RoadMapVersion | None:
    """The road map in force: the latest published version."""
    return published_versions(platform).first()


def draft_of(platform: Platform) -> RoadMapVersion | None:
    return platform.road_map_versions.filter(status=RoadMapVersion.DRAFT).first()


def start_draft(platform: Platform, user) -> RoadMapVersion:
    """The platform's draft version: the one being edited, or a new one copied from the latest
    published version (stages, items and their statuses), numbered after the last version."""
    existing = draft_of(platform)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            Platform.objects.select_for_update().filter(pk=platform.pk).first()
            base = current(platform)
            number = (platform.road_map_versions.aggregate(n=Max("number"))["n"] or 0) + 1
            draft = RoadMapVersion.objects.create(platform=platform, number=number, based_on=base, created_by=user,
                                                  forecast_study=base.forecast_study if base else None)
            if base is not None:
                _copy(base, draft)
            return draft
    except IntegrityError:  # a colleague started the draft at the same moment: edit that one
        existing = draft_of(platform)
        if existing is None:
            raise
        return existing


def _copy(source: RoadMapVersion, target: RoadMapVersion) -> None:
    for stage in source.stages.prefetch_related("items"):
        copy = RoadMapStage.objects.create(version=target, order=stage.order, name=stage.name,
                                           starts_on=stage.starts_on, ends_on=stage.ends_on)
        for item in stage.items.all():
            RoadMapItem.objects.create(stage=copy, order=item.order, technology_code=item.technology_code,
                                       technology_name=item.technology_name, milestone=item.milestone,
                                       due_on=item.due_on, responsible=item.responsible, status=item.status)


def _locked_draft(version: RoadMapVersion) -> RoadMapVersion:
    locked = RoadMapVersion.objects.select_for_update().get(pk=version.pk)
    if locked.status != RoadMapVersion.DRAFT:
        raise RoadMapError(_("Version %(number)s is published and no longer changes; edit a new draft version.")
                           % {"number": locked.number})
    return locked


def set_details(version: RoadMapVersion, note: str, study=None) -> None:
    with transaction.atomic():
        locked = _locked_draft(version)
        locked.note, locked.forecast_study = note.strip(), study
        locked.save(update_fields=["note", "forecast_study"])


def add_stage(version: RoadMapVersion, name: str, starts_on: dt.date, ends_on: dt.date) -> RoadMapStage:
    if ends_on < starts_on:
        raise RoadMapError(_("A stage cannot end before it starts."))
    with transaction.atomic():
        locked = _locked_draft(version)
        if locked.stages.count() >= MAX_STAGES:
            raise RoadMapError(_("A road map has at most %(max)s stages.") % {"max": MAX_STAGES})
        order = (locked.stages.aggregate(n=Max("order"))["n"] or 0) + 1
        return RoadMapStage.objects.create(version=locked, order=order, name=name.strip(), starts_on=starts_on,
                                           ends_on=ends_on)


def delete_stage(version: RoadMapVersion, stage_id: int) -> None:
    with transaction.atomic():
        locked = _locked_draft(version)
        stage = locked.stages.filter(pk=stage_id).first()
        if stage is None:
            raise RoadMapError(_("That stage is not in this version."))
        for item in stage.items.all():
            item.delete()
        stage.delete()


def add_item(version: RoadMapVersion, *, stage_id: int, technology_code: str, technology_name: str, milestone: str,
             due_on: dt.date, responsible_id: int, status: str = RoadMapItem.PLANNED) -> RoadMapItem:
    """An item of a stage: its due date lies in the stage's period and its responsible is one of the
    platform's participants."""
    if status not in STATUSES:
        raise RoadMapError(_("Choose the item's status from the list."))
    with transaction.atomic():
        locked = _locked_draft(version)
        stage = locked.stages.filter(pk=stage_id).first()
        if stage is None:
            raise RoadMapError(_("That stage is not in this version."))
        if not stage.starts_on <= due_on <= stage.ends_on:
            raise RoadMapError(_("The due date lies outside the stage's period (%(start)s – %(end)s).")
                               % {"start": stage.starts_on.isoformat(), "end": stage.ends_on.isoformat()})
        responsible = Participant.objects.filter(pk=responsible_id, platform_id=locked.platform_id).first()
        if responsible is None:
            raise RoadMapError(_("The responsible must be a participant of the platform."))
        if RoadMapItem.objects.filter(stage__version=locked).count() >= MAX_ITEMS:
            raise RoadMapError(_("A road-map version has at most %(max)s items.") % {"max": MAX_ITEMS})
        order = (stage.items.aggregate(n=Max("order"))["n"] or 0) + 1
        return RoadMapItem.objects.create(
            stage=stage, order=order, technology_code=technology_code.strip(), technology_name=technology_name.strip(),
            milestone=milestone.strip(), due_on=due_on, responsible=responsible, status=status)


def set_item_status(version: RoadMapVersion, item_id: int, status: str) -> None:
    """Implementation tracking: a draft version carries the items' current statuses."""
    if status not in STATUSES:
        raise RoadMapError(_("Choose the item's status from the list."))
    with transaction.atomic():
        locked = _locked_draft(version)
        item = RoadMapItem.objects.filter(pk=item_id, stage__version=locked).first()
        if item is None:
            raise RoadMapError(_("That item is not in this version."))
        item.status = status
        item.save(update_fields=["status"])


def delete_item(version: RoadMapVersion, item_id: int) -> None:
    with transaction.atomic():
        locked = _locked_draft(version)
        item = RoadMapItem.objects.filter(pk=item_id, stage__version=locked).first()
        if item is None:
            raise RoadMapError(_("That item is not in this version."))
        item.delete()


def key_list_date(version: RoadMapVersion) -> dt.date:
    """The date whose key technologies a version is read against: its publication, or today for a draft."""
    return version.key_list_on or law_context.today()


def items_with_check(version: RoadMapVersion) -> list[dict]:
    """The version's stages, each with its items and whether each technology is on the key list of
    the version's date (stored for a published version, computed for a draft)."""
    listed = None if version.published else keytech.in_force(key_list_date(version))
    stages = []
    for stage in version.stages.prefetch_related("items__responsible"):
        items = []
        for item in stage.items.all():
            on_list = item.on_key_list if listed is None else item.technology_code in listed
            items.append({"item": item, "on_key_list": on_list})
        stages.append({"stage": stage, "items": items})
    return stages


def publish(version: RoadMapVersion, user) -> RoadMapVersion:
    """Publish a draft: its items are checked against the key technologies in force today, and it
    becomes the platform's current road map, never to change again."""
    with transaction.atomic():
        locked = _locked_draft(version)
        items = RoadMapItem.objects.filter(stage__version=locked)
        if not locked.stages.exists() or not items.exists():
            raise RoadMapError(_("A road map is published with at least one stage and one item."))
        today = law_context.today()
        listed = keytech.in_force(today)
        on_list = [item.pk for item in items if item.technology_code in listed]
        # Before the status changes: afterwards the items no longer take writes.
        items.update(on_key_list=False)
        RoadMapItem.objects.filter(pk__in=on_list).update(on_key_list=True)
        updated = RoadMapVersion.objects.filter(pk=locked.pk, status=RoadMapVersion.DRAFT).update(
            status=RoadMapVersion.PUBLISHED, published_at=timezone.now(), published_by=user, key_list_on=today)
        if not updated:  # SQLite, where the row lock is a no-op: the update decides
            raise RoadMapError(_("Version %(number)s is published and no longer changes; edit a new draft version.")
                               % {"number": locked.number})
    locked.refresh_from_db()
    return locked
