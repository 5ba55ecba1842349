"""Calls for innovation grants: one grant type of article 27(2) each, with open and close dates,
the expertise panel it needs (article 27(2), third indent) and the weighted criteria its experts
score (the scoring is the Government's rules' matter, article 27(4): every call sets its own, and
the call's page says so)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from techpolicy.law.acts.act003_state_support.grant_types import EXPERTISE_EXEMPT, GRANT_TYPE_IDS

GRANT_TYPE_CODES = [(code, code) for code in GRANT_TYPE_IDS]  # the names come from the law layer, per language
MAX_PANEL = 15


class Call(models.Model):
    """A call for one grant type. Applications are accepted from `opens_on` to `closes_on` inclusive."""

    MEAN, MEDIAN, TOTAL = "mean", "median", "total"
    AGGREGATIONS = [(MEAN, _("mean of the experts' scores")), (MEDIAN, _("median of the experts' scores")),
                    (TOTAL, _("total of the experts' scores"))]

    number = models.CharField(_("call number"), max_length=32, unique=True)
    grant_type = models.CharField(_("grant type"), max_length=40, choices=GRANT_TYPE_CODES)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300)
    title_ru = models.CharField(_("title (Russian)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    opens_on = models.DateField(_("applications from"))
    closes_on = models.DateField(_("applications until"))
    panel_size = models.PositiveSmallIntegerField(
        _("experts per application"), validators=[MaxValueValidator(MAX_PANEL)],
        help_text=_("At least one domestic and one foreign expert (article 27(2), third indent)."))
    domestic_min = models.PositiveSmallIntegerField(_("domestic experts, at least"), default=1)
    foreign_min = models.PositiveSmallIntegerField(_("foreign experts, at least"), default=1)
    aggregation = models.CharField(_("aggregation of scores"), max_length=8, choices=AGGREGATIONS, default=MEAN)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-opens_on", "number"]
        verbose_name = _("call for innovation grants")
        verbose_name_plural = _("calls for innovation grants")
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=F("opens_on")), name="grants_call_closes_after_opening"),
            # R-F2: at least one domestic and one foreign expert, and room for both on the panel; a
            # grant for patenting is given without the expertise (article 27(2), third indent): no panel.
            models.CheckConstraint(condition=(Q(domestic_min__gte=1, foreign_min__gte=1)
                                              & Q(panel_size__gte=F("domestic_min") + F("foreign_min")))
                                   | Q(grant_type__in=sorted(EXPERTISE_EXEMPT), panel_size=0, domestic_min=0,
                                       foreign_min=0),
                                   name="grants_call_panel_holds_its_minima"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title_en}"

    def title(self, lang: str) -> str:
        return getattr(self, f"title_{lang}", "") or self.title_en

    def clean(self) -> None:
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("A call closes on or after the day it opens.")})
        if self.needs_no_panel():
            return
        if (self.domestic_min or 0) < 1 or (self.foreign_min or 0) < 1:
            raise ValidationError({"panel_size": _("At least one domestic and one foreign expert (article 27(2), "
                                                   "third indent).")})
        if (self.panel_size or 0) < (self.domestic_min or 0) + (self.foreign_min or 0):
            raise ValidationError({"panel_size": _("The panel must hold the domestic and the foreign experts it "
                                                   "requires.")})

    def needs_no_panel(self) -> bool:
        """A call for patenting in international patent organisations, without a panel (article 27(2),
        third indent: those grants are given without the expertise)."""
        return self.grant_type in EXPERTISE_EXEMPT and self.panel_size == 0

    def is_open(self, on) -> bool:
        return self.published_at is not None and self.opens_on <= on <= self.closes_on


class Criterion(models.Model):
    """A criterion the experts of a call score, with its weight and whether it is required (an
    application scored below the minimum of a required criterion is not recommended)."""

    call = models.ForeignKey(Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField(_("code"), max_length=40)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    weight = models.DecimalField(_("weight"), max_digits=6, decimal_places=3,
                                 validators=[MinValueValidator(0), MaxValueValidator(1000)])
    required = models.BooleanField(_("required"), default=False)
    scale_max = models.PositiveSmallIntegerField(_("highest score"), default=10,
                                                 validators=[MinValueValidator(1), MaxValueValidator(100)])
    required_min = models.PositiveSmallIntegerField(_("lowest passing score of a required criterion"), default=0)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["call", "order", "code"]
        verbose_name = _("criterion of a call")
        verbose_name_plural = _("criteria of a call")
        constraints = [
            models.UniqueConstraint(fields=["call", "code"], name="grants_criterion_code_unique"),
            models.CheckConstraint(condition=Q(required_min__lte=F("scale_max")),
                                   name="grants_criterion_minimum_on_its_scale"),
        ]

    def __str__(self) -> str:
        return self.code

    def name(self, lang: str) -> str:
        return getattr(self, f"name_{lang}", "") or self.name_en
