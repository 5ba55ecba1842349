"""The competence-centre service's own records.

Reference data the authorized body maintains in the admin: the vocabulary of sectors and technology
directions a designation is made for (the seed names none, so the list is the operator's, with its
source), and which organisations are state bodies or local executive bodies and which directions
each supervises on which dates (p.19: a proposal is made "in the directions it supervises").
Case records: the national institute's methodological comments (p.21) and the competence centres
taking part in a forecast study (p.5).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

MAX_COMMENT = 5_000
CODE = RegexValidator(r"^[A-Za-z0-9._-]{1,40}$", _("A code is up to 40 letters, digits, dots, hyphens or underscores."))


class Named(models.Model):
    """A vocabulary item named in the three languages, with the document it comes from."""

    code = models.CharField(_("code"), max_length=40, validators=[CODE],
                            help_text=_("Letters, digits, dots, hyphens or underscores, e.g. 05.03."))
    name_kk = models.CharField(_("name (Kazakh)"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    source = models.CharField(_("source"), max_length=500, blank=True,
                              help_text=_("The document the item is taken from."))

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name()

    def name(self, lang: str | None = None) -> str:
        lang = (lang or get_language() or "kk")[:2]
        return getattr(self, f"name_{lang}", "") or self.name_kk


class Sector(Named):
    """A sector (салa) of the economy a competence centre may be designated for."""

    class Meta:
        ordering = ["code"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        constraints = [models.UniqueConstraint(fields=["code"], name="cc_sector_code_unique")]


class Direction(Named):
    """A technology direction (технологиялық бағыт) within a sector (p.17(1), p.21). Its code is
    unique across sectors, so the register can name it alone."""

    sector = models.ForeignKey(Sector, on_delete=models.PROTECT, related_name="directions",
                               verbose_name=_("sector"))

    class Meta:
        ordering = ["sector__code", "code"]
        verbose_name = _("technology direction")
        verbose_name_plural = _("technology directions")
        constraints = [models.UniqueConstraint(fields=["code"], name="cc_direction_code_unique")]


class StateBodyProfile(models.Model):
    """An organisation acting as a state body or a local executive body (p.19, p.27)."""

    STATE_BODY, LOCAL_EXECUTIVE_BODY = "state_body", "local_executive_body"
    KINDS = [(STATE_BODY, _("state body")), (LOCAL_EXECUTIVE_BODY, _("local executive body"))]

    organisation = models.OneToOneField("accounts.Organisation", on_delete=models.PROTECT,
                                        related_name="state_body_profile", verbose_name=_("organisation"))
    kind = models.CharField(_("kind"), max_length=24, choices=KINDS)

    class Meta:
        verbose_name = _("state body")
        verbose_name_plural = _("state bodies")

    def __str__(self) -> str:
        return str(self.organisation)


class SupervisedDirection(models.Model):
    """A technology direction a state body supervises, from and until a date (both inclusive), on
    the basis of the act that gives it the competence."""

    body = models.ForeignKey(StateBodyProfile, on_delete=models.CASCADE, related_name="directions",
                             verbose_name=_("state body"))
    direction = models.ForeignKey(Direction, on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("technology direction"))
    valid_from = models.DateField(_("supervised from"))
    valid_until = models.DateField(_("supervised until"), null=True, blank=True)
    basis = models.CharField(_("basis"), max_length=500, help_text=_("The act that gives the competence."))

    class Meta:
        ordering = ["direction__sector__code", "direction__code", "valid_from"]
        verbose_name = _("supervised direction")
        verbose_name_plural = _("supervised directions")
        constraints = [
            models.CheckConstraint(condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                                   name="cc_supervised_period"),
        ]

    def __str__(self) -> str:
        return f"{self.body}: {self.direction}"

    def clean(self) -> None:
        if self.valid_until is not None and self.valid_from and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("The end of supervision cannot precede its start.")})


class MethodologicalComment(models.Model):
    """A methodological comment of the national institute on a designation case (p.21)."""

    case = models.ForeignKey("casework.Case", verbose_name=_("case"), on_delete=models.PROTECT,
                             related_name="cc_comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT,
                               related_name="+")
    text = models.TextField(_("comment"), max_length=MAX_COMMENT)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("methodological comment")
        verbose_name_plural = _("methodological comments")


class StudyParticipation(models.Model):
    """A designated competence centre taking part in a forecast study (p.5: forecasting is carried
    out with the participation of the centres of the relevant sectors)."""

    study = models.ForeignKey("studies.Study", on_delete=models.PROTECT, related_name="+")
    entry = models.ForeignKey("casework.RegisterEntry", on_delete=models.PROTECT, related_name="+")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["study", "pk"]
        verbose_name = _("competence centre in a study")
        verbose_name_plural = _("competence centres in studies")
        constraints = [models.UniqueConstraint(fields=["study", "entry"], name="cc_study_participation_unique")]


class Proposal(models.Model):
    """The proposal of a state body or local executive body to the authorized body to designate
    the candidate (p.19): who proposed it, for which case, and when it was submitted. Kept apart
    from the case's facts, which the candidate may still correct after remarks."""

    case = models.OneToOneField("casework.Case", verbose_name=_("case"), on_delete=models.PROTECT,
                                related_name="cc_proposal")
    state_body = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("state body"))
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), on_delete=models.PROTECT,
                                    related_name="+")
    submitted_on = models.DateField(_("submitted on"))
    # The (sector, direction) codes the body supervised on that day, as the rule of p.19 read them.
    supervised = models.JSONField(_("directions supervised"), default=list)

    class Meta:
        verbose_name = _("proposal of a state body")
        verbose_name_plural = _("proposals of state bodies")
