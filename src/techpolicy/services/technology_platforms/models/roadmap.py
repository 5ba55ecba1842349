"""The road map of the sector's technological development formed within a platform (p.24(7)), as
a versioned document: each version has stages and, in them, items (a technology, a milestone with
its due date, the responsible participant, a status). The item schema is the system's own: the seed
gives no content, form or horizon of a road map.

A published version never changes: its stages and items refuse to be saved or deleted, and the
version's own fields are set once when it is published. A change is a new draft version, copied
from the latest published one; a platform has at most one draft at a time (a constraint)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .platform import Participant, Platform

MAX_NAME = 500
MAX_NOTE = 5_000


class ImmutableVersion(RuntimeError):
    """A published road-map version (or one of its stages or items) was to be changed."""


class RoadMapVersion(models.Model):
    DRAFT, PUBLISHED = "draft", "published"
    STATUSES = [(DRAFT, _("draft")), (PUBLISHED, _("published"))]

    platform = models.ForeignKey(Platform, verbose_name=_("platform"), on_delete=models.PROTECT,
                                 related_name="road_map_versions")
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, default=DRAFT)
    note = models.TextField(_("what changed"), max_length=MAX_NOTE, blank=True)
    # p.6(6): forecasting builds the information base for road maps; a version may cite a study.
    forecast_study = models.ForeignKey("studies.Study", null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="+", verbose_name=_("forecast study cited"))
    based_on = models.ForeignKey("self", verbose_name=_("based on version"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("published by"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    # The date whose list of key technologies the items were checked against when published.
    key_list_on = models.DateField(_("key technologies list as of"), null=True, blank=True)

    class Meta:
        ordering = ["platform", "-number"]
        verbose_name = _("road-map version")
        verbose_name_plural = _("road-map versions")
        constraints = [
            models.UniqueConstraint(fields=["platform", "number"], name="tp_one_road_map_number"),
            models.UniqueConstraint(fields=["platform"], condition=Q(status="draft"), name="tp_one_road_map_draft"),
            models.CheckConstraint(condition=Q(status="draft") | Q(published_at__isnull=False),
                                   name="tp_published_has_date"),
        ]

    def __str__(self) -> str:
        return f"{self.platform} v{self.number}"

    def save(self, *args, **kwargs):
        # Publishing is one conditional update (`roadmap.publish`); afterwards nothing is saved.
        _refuse_if_published(self.pk)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        _refuse_if_published(self.pk)
        return super().delete(*args, **kwargs)

    @property
    def published(self) -> bool:
        return self.status == self.PUBLISHED


def _refuse_if_published(version_id: int | None) -> None:
    # Read from the database, not from a cached instance: a version published by someone else in
    # the meantime is published for this write too.
    published = RoadMapVersion.objects.filter(pk=version_id, status=RoadMapVersion.PUBLISHED)
    if version_id is not None and published.exists():
        raise ImmutableVersion("a published road-map version does not change; edit a new draft version")


class RoadMapStage(models.Model):
    version = models.ForeignKey(RoadMapVersion, on_delete=models.PROTECT, related_name="stages")
    order = models.PositiveSmallIntegerField(_("order"))
    name = models.CharField(_("stage"), max_length=MAX_NAME)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))

    class Meta:
        verbose_name = _("road-map stage")
        verbose_name_plural = _("road-map stages")
        ordering = ["version", "order"]
        constraints = [
            models.UniqueConstraint(fields=["version", "order"], name="tp_one_stage_order"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="tp_stage_period"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        _refuse_if_published(self.version_id)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        _refuse_if_published(self.version_id)
        return super().delete(*args, **kwargs)


class RoadMapItem(models.Model):
    PLANNED, IN_PROGRESS, DONE = "planned", "in_progress", "done"
    STATUSES = [(PLANNED, _("planned")), (IN_PROGRESS, _("in progress")), (DONE, _("done"))]

    stage = models.ForeignKey(RoadMapStage, on_delete=models.PROTECT, related_name="items")
    order = models.PositiveSmallIntegerField(_("order"))
    technology_code = models.CharField(_("technology code"), max_length=40)
    technology_name = models.CharField(_("technology"), max_length=MAX_NAME)
    milestone = models.CharField(_("milestone"), max_length=MAX_NAME)
    due_on = models.DateField(_("due on"))
    responsible = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="road_map_items",
                                    verbose_name=_("responsible participant"))
    status = models.CharField(_("status"), max_length=12, choices=STATUSES, default=PLANNED)
    # Set when the version is published: was the technology on the list of key technologies in force
    # on `version.key_list_on`? A technology not on it is a warning, not a refusal.
    on_key_list = models.BooleanField(null=True, editable=False)

    class Meta:
        verbose_name = _("road-map item")
        verbose_name_plural = _("road-map items")
        ordering = ["stage", "order"]
        constraints = [models.UniqueConstraint(fields=["stage", "order"], name="tp_one_item_order")]

    def __str__(self) -> str:
        return self.milestone

    def save(self, *args, **kwargs):
        _refuse_if_published(self.stage.version_id if self.stage_id else None)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        _refuse_if_published(self.stage.version_id)
        return super().delete(*args, **kwargs)
