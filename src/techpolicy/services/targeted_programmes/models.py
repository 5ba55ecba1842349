"""A programme case's own records (000 ch.5): the versions of the document as it was submitted and
resubmitted (each answer to remarks is a new version; p.42's review reads the latest), the national
institute's methodological comments (p.32) and the agreements with interested organisations the
state body recorded before submitting its proposals to the HSTC (p.42). The document itself is the
case's facts; the approval is a `casework.Decision` and the monitoring plan a `monitoring.Plan`."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

MAX_COMMENT = 5000
MAX_ANSWER = 5000
MAX_NAME = 500
MAX_REFERENCE = 200


class ProgrammeVersion(models.Model):
    """The document as one submission gave it, with the verdict it was judged by."""

    SUBMITTED, RESUBMITTED = "submitted", "resubmitted"
    REASONS = ((SUBMITTED, _("submitted for review")), (RESUBMITTED, _("resubmitted in answer to remarks")))

    case = models.ForeignKey("casework.Case", verbose_name=_("case"), on_delete=models.PROTECT,
                             related_name="ttp_versions")
    number = models.PositiveIntegerField(_("version"))
    facts = models.JSONField(_("programme document"))
    verdict = models.JSONField(_("verdict"), default=dict)
    reason = models.CharField(_("why this version"), max_length=20, choices=REASONS)
    answer = models.TextField(_("answer to the remarks"), max_length=MAX_ANSWER, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("submitted by"),
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        ordering = ["case", "number"]
        verbose_name = _("programme version")
        verbose_name_plural = _("programme versions")
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="ttp_one_version_per_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="ttp_version_numbered"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} v{self.number}"


class MethodologicalComment(models.Model):
    """A methodological comment of the national institute on a draft programme (p.32), on the version
    it read."""

    case = models.ForeignKey("casework.Case", verbose_name=_("case"), on_delete=models.PROTECT,
                             related_name="ttp_comments")
    version = models.PositiveIntegerField(_("version commented"), null=True, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT,
                               related_name="+")
    text = models.TextField(_("comment"), max_length=MAX_COMMENT)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("methodological comment on a programme")
        verbose_name_plural = _("methodological comments on programmes")


class Agreement(models.Model):
    """The draft's agreement with one interested organisation (p.42), as the state body recorded it.
    The source does not say who the interested organisations are (`tp.ttp.review_term`'s note)."""

    AGREED, WITH_REMARKS, NOT_AGREED = "agreed", "agreed_with_remarks", "not_agreed"
    OUTCOMES = ((AGREED, _("agreed")), (WITH_REMARKS, _("agreed with remarks")), (NOT_AGREED, _("not agreed")))

    case = models.ForeignKey("casework.Case", verbose_name=_("case"), on_delete=models.PROTECT,
                             related_name="ttp_agreements")
    organisation = models.CharField(_("interested organisation"), max_length=MAX_NAME)
    outcome = models.CharField(_("outcome"), max_length=30, choices=OUTCOMES)
    reference = models.CharField(_("letter (number and date)"), max_length=MAX_REFERENCE)
    agreed_on = models.DateField(_("date of the answer"))
    note = models.TextField(_("remarks of the organisation"), max_length=MAX_COMMENT, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"),
                                    on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["case", "agreed_on", "pk"]
        verbose_name = _("agreement with an interested organisation")
        verbose_name_plural = _("agreements with interested organisations")
        constraints = [
            models.UniqueConstraint(fields=["case", "organisation"], name="ttp_one_agreement_per_organisation"),
            models.CheckConstraint(condition=Q(outcome__in=["agreed", "agreed_with_remarks", "not_agreed"]),
                                   name="ttp_agreement_outcome_known"),
            models.CheckConstraint(condition=~Q(organisation="") & ~Q(reference=""), name="ttp_agreement_named"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.organisation}"
