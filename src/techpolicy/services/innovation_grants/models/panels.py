"""The expertise of an application (article 27(2), third indent): the panel's seats, the run of
the optimal assignment that proposed them (the solver's inputs and result kept as the evidence),
each expert's independence declaration or recusal, the economic and the technological conclusion,
and the scores on the call's criteria."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .calls import Call, Criterion
from .experts import Expert

MAX_CONCLUSION = 20_000


class AssignmentRun(models.Model):
    """One run of the assignment over a call's applications: what the solver was given and what it
    answered (`assignment.Assignment.as_evidence`), so the panels can be explained later."""

    call = models.ForeignKey(Call, verbose_name=_("call"), on_delete=models.PROTECT, related_name="assignment_runs")
    evidence = models.JSONField(_("solver's inputs and result"))
    status = models.CharField(_("solver status"), max_length=20)
    objective = models.FloatField(_("total affinity"), null=True, blank=True)
    run_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("run by"), on_delete=models.PROTECT,
                               related_name="+")
    run_at = models.DateTimeField(_("run at"), auto_now_add=True)

    class Meta:
        ordering = ["-run_at"]
        verbose_name = _("assignment run")
        verbose_name_plural = _("assignment runs")


class Seat(models.Model):
    """An expert's seat on an application's panel. A seat proposed by a run names it; a seat placed
    or removed by staff against the run carries the reason. A recused seat stays, closed, so the
    history shows who left and why."""

    ASSIGNED, DECLARED, RECUSED, CONCLUDED, REMOVED = "assigned", "declared", "recused", "concluded", "removed"
    STATES = [(ASSIGNED, _("assigned: the independence declaration is awaited")),
              (DECLARED, _("independence declared: the conclusions are awaited")),
              (RECUSED, _("recused for a conflict of interest")), (CONCLUDED, _("conclusions given")),
              (REMOVED, _("removed by staff"))]
    OPEN = (ASSIGNED, DECLARED, CONCLUDED)

    case = models.ForeignKey("casework.Case", verbose_name=_("application"), on_delete=models.PROTECT,
                             related_name="grant_seats")
    expert = models.ForeignKey(Expert, verbose_name=_("expert"), on_delete=models.PROTECT, related_name="seats")
    run = models.ForeignKey(AssignmentRun, verbose_name=_("assignment run"), null=True, blank=True,
                            on_delete=models.PROTECT, related_name="seats")
    override_reason = models.TextField(_("reason for departing from the assignment"), max_length=2_000, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=STATES, default=ASSIGNED)
    declared_at = models.DateTimeField(_("independence declared at"), null=True, blank=True)
    recusal_reason = models.TextField(_("reason for the recusal"), max_length=2_000, blank=True)
    removal_reason = models.TextField(_("reason for the removal"), max_length=2_000, blank=True)
    placed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("placed by"), on_delete=models.PROTECT,
                                  related_name="+")
    placed_at = models.DateTimeField(_("placed at"), auto_now_add=True)

    class Meta:
        ordering = ["case", "placed_at", "pk"]
        verbose_name = _("seat on an expertise panel")
        verbose_name_plural = _("seats on expertise panels")
        constraints = [
            # One open seat per expert and application, decided by the database under a race.
            models.UniqueConstraint(fields=["case", "expert"], condition=Q(state__in=("assigned", "declared",
                                                                                       "concluded")),
                                    name="grants_one_open_seat_per_expert"),
            # A seat staff placed against the run says why.
            models.CheckConstraint(condition=Q(run__isnull=False) | ~Q(override_reason=""),
                                   name="grants_manual_seat_has_a_reason"),
            models.CheckConstraint(condition=~Q(state="recused") | ~Q(recusal_reason=""),
                                   name="grants_recusal_has_a_reason"),
            models.CheckConstraint(condition=~Q(state="removed") | ~Q(removal_reason=""),
                                   name="grants_removal_has_a_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}/{self.expert_id}"


class Conclusion(models.Model):
    """The economic or the technological conclusion of one expert on one application."""

    ECONOMIC, TECHNOLOGICAL = "economic", "technological"
    KINDS = [(ECONOMIC, _("economic conclusion")), (TECHNOLOGICAL, _("technological conclusion"))]

    seat = models.ForeignKey(Seat, verbose_name=_("seat"), on_delete=models.PROTECT, related_name="conclusions")
    kind = models.CharField(_("conclusion"), max_length=14, choices=KINDS)
    text = models.TextField(_("text"), max_length=MAX_CONCLUSION)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("expert's conclusion")
        verbose_name_plural = _("experts' conclusions")
        constraints = [models.UniqueConstraint(fields=["seat", "kind"], name="grants_one_conclusion_of_a_kind")]


class Score(models.Model):
    """One expert's score of one application on one criterion of its call."""

    seat = models.ForeignKey(Seat, verbose_name=_("seat"), on_delete=models.PROTECT, related_name="scores")
    criterion = models.ForeignKey(Criterion, verbose_name=_("criterion"), on_delete=models.PROTECT,
                                  related_name="scores")
    value = models.PositiveSmallIntegerField(_("score"))
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [models.UniqueConstraint(fields=["seat", "criterion"], name="grants_one_score_per_criterion")]
