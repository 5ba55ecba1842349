"""An organised technology platform and what is recorded about it afterwards: its participants by
the roles of p.23, its activities by the list of p.24, the single vision agreed with the participants
(p.24(2)) and its funding sources (p.30)."""

from __future__ import annotations

import unicodedata

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from techpolicy.law.acts.act000_methodology.designation_lists import PLATFORM_ACTIVITIES, PLATFORM_PARTICIPANT_ROLES

MAX_TEXT = 5_000  # a description, a vision document's text is MAX_VISION
MAX_VISION = 20_000
ROLE_CODES = [(item.code, item.code) for item in PLATFORM_PARTICIPANT_ROLES]
ACTIVITY_CODES = [(item.code, item.code) for item in PLATFORM_ACTIVITIES]
COORDINATOR = "coordinator"
COMPETENCE_CENTRE = "competence_centre"


def name_key(name: str) -> str:
    """A name compared without case or extra spaces (NFKC, like the registers' search)."""
    return " ".join(unicodedata.normalize("NFKC", name or "").casefold().split())


class Platform(models.Model):
    """A platform organised by a decision after the HSTC's consideration, linked to its register
    entry (the published record) and to the case that organised it."""

    entry = models.OneToOneField("casework.RegisterEntry", verbose_name=_("register entry"), on_delete=models.PROTECT,
                                 related_name="technology_platform")
    case = models.OneToOneField("casework.Case", verbose_name=_("case"), on_delete=models.PROTECT,
                                related_name="technology_platform")
    name = models.CharField(_("name"), max_length=500)
    sector = models.CharField(_("sector"), max_length=40)
    direction = models.CharField(_("technology direction"), max_length=40)
    proposer = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("proposed by"))
    coordinator = models.ForeignKey("accounts.Organisation", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("coordinator"))
    coordinator_name = models.CharField(_("coordinator"), max_length=500)
    coordinator_bin = models.CharField(_("coordinator's BIN"), max_length=12, blank=True)
    organised_on = models.DateField(_("organised on"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("technology platform")
        verbose_name_plural = _("technology platforms")

    def __str__(self) -> str:
        return self.name


class Participant(models.Model):
    """A participant of the platform in one of the roles of p.23. A competence centre is a centre
    designated for the platform's sector (its register entry is kept)."""

    platform = models.ForeignKey(Platform, verbose_name=_("platform"), on_delete=models.PROTECT,
                                 related_name="participants")
    role = models.CharField(_("role"), max_length=20, choices=ROLE_CODES)
    name = models.CharField(_("organisation"), max_length=500)
    name_key = models.CharField(_("name for comparison"), max_length=500, editable=False)
    bin = models.CharField(_("BIN"), max_length=12, blank=True)
    organisation = models.ForeignKey("accounts.Organisation", verbose_name=_("organisation in the system"), null=True,
                                     blank=True, on_delete=models.PROTECT, related_name="+")
    centre_entry = models.ForeignKey("casework.RegisterEntry", verbose_name=_("competence centre's register entry"),
                                     null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    joined_on = models.DateField(_("joined on"))
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("added by"), on_delete=models.PROTECT,
                                 related_name="+")
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        ordering = ["platform", "role", "name", "pk"]
        verbose_name = _("platform participant")
        verbose_name_plural = _("platform participants")
        constraints = [
            models.UniqueConstraint(fields=["platform", "role", "name_key"], name="tp_one_participant_per_role"),
            models.UniqueConstraint(fields=["platform"], condition=Q(role=COORDINATOR), name="tp_one_coordinator"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = name_key(self.name)
        super().save(*args, **kwargs)


class Activity(models.Model):
    """A record of the platform's activity, classified by the list of p.24(1)-(8)."""

    platform = models.ForeignKey(Platform, on_delete=models.PROTECT, related_name="activities")
    activity = models.CharField(_("activity"), max_length=30, choices=ACTIVITY_CODES)
    on = models.DateField(_("date"))
    description = models.TextField(_("description"), max_length=MAX_TEXT)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-on", "-pk"]
        verbose_name = _("platform activity")
        verbose_name_plural = _("platform activities")


class Vision(models.Model):
    """A version of the single vision of the technological development agreed with the participants
    (p.24(2)); a new text is a new version, and agreements are given to a version."""

    platform = models.ForeignKey(Platform, on_delete=models.PROTECT, related_name="visions")
    number = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("single vision"), max_length=MAX_VISION)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("single vision version")
        verbose_name_plural = _("single vision versions")
        ordering = ["platform", "-number"]
        constraints = [models.UniqueConstraint(fields=["platform", "number"], name="tp_one_vision_number")]


class VisionAgreement(models.Model):
    """A participant's agreement with a version of the single vision (p.24(2)): who and when."""

    vision = models.ForeignKey(Vision, on_delete=models.PROTECT, related_name="agreements")
    participant = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="agreements")
    agreed_on = models.DateField(_("agreed on"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("agreement with the single vision")
        verbose_name_plural = _("agreements with the single vision")
        ordering = ["participant__name", "pk"]
        constraints = [models.UniqueConstraint(fields=["vision", "participant"], name="tp_one_agreement")]


class FundingSource(models.Model):
    """A source of the platform's financing (p.30: it may be financed from attracted funds);
    recorded, never a ground of refusal."""

    ATTRACTED, OWN = "attracted", "own"
    KINDS = [(ATTRACTED, _("attracted funds")), (OWN, _("own funds"))]

    platform = models.ForeignKey(Platform, on_delete=models.PROTECT, related_name="funding_sources")
    kind = models.CharField(_("kind"), max_length=10, choices=KINDS)
    description = models.CharField(_("description"), max_length=1000)
    amount_kzt = models.DecimalField(_("amount, tenge"), max_digits=18, decimal_places=2, null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("funding source")
        verbose_name_plural = _("funding sources")
        ordering = ["pk"]
