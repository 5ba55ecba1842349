"""The grantee's reports under the grant agreement (law 003 article 27; the reporting and its terms
are the Government's rules' matter, article 27(4), parameter `grants.report_term`, which the source
does not set). The operator schedules each report from the agreement: the end of the reporting
period and the term in working days the agreement gives (or the due date it gives directly); the
grantee submits it, the operator accepts it or returns it with a reason. One row per agreement and
report number, kept by the database; every change is an action of the grant workflow, so the case's
log is the audit trail."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

MAX_REPORT_TEXT = 20_000
MAX_REASON = 2_000


class Report(models.Model):
    SCHEDULED, SUBMITTED, ACCEPTED, RETURNED = "scheduled", "submitted", "accepted", "returned"
    STATES = (
        (SCHEDULED, _("scheduled: awaiting the grantee")),
        (SUBMITTED, _("submitted: awaiting the operator")),
        (ACCEPTED, _("accepted")),
        (RETURNED, _("returned to the grantee")),
    )
    # The grantee owes the report in these states: past its due date it is overdue.
    AWAITING = (SCHEDULED, RETURNED)
    # Where the due date came from: the agreement's term, the agreement's date, or the Government's rules
    # (`grants.report_term`, once an administrator enters the value the rules set).
    AGREEMENT_TERM, AGREEMENT_DATE, RULES_TERM = "agreement_term", "agreement_date", "rules_term"
    SOURCES = (
        (AGREEMENT_TERM, _("term in working days given by the agreement")),
        (AGREEMENT_DATE, _("due date given by the agreement")),
        (RULES_TERM, _("term of the Government's rules (article 27(4))")),
    )

    agreement = models.ForeignKey("innovation_grants.Agreement", verbose_name=_("agreement"),
                                  on_delete=models.PROTECT, related_name="reports")
    seq = models.PositiveSmallIntegerField(_("report number"))
    period_end = models.DateField(_("reporting period ends on"))
    term_days = models.PositiveSmallIntegerField(_("term, working days"), null=True, blank=True)
    due_source = models.CharField(_("due date set by"), max_length=20, choices=SOURCES)
    due_on = models.DateField(_("due on"))
    state = models.CharField(_("state"), max_length=20, choices=STATES, default=SCHEDULED)
    text = models.TextField(_("report"), max_length=MAX_REPORT_TEXT, blank=True)
    document = models.ForeignKey("casework.Document", verbose_name=_("document"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    return_reason = models.TextField(_("reason for returning"), max_length=MAX_REASON, blank=True)
    scheduled_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("scheduled by"),
                                     on_delete=models.PROTECT, related_name="+")
    scheduled_at = models.DateTimeField(_("scheduled at"), auto_now_add=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), null=True,
                                     blank=True, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    # Kept on the report, not only in the log: a report submitted after its due date stays late.
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), null=True,
                                    blank=True, on_delete=models.PROTECT, related_name="+")
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "agreement", "seq"]
        verbose_name = _("grantee's report")
        verbose_name_plural = _("grantee's reports")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "seq"], name="grants_one_report_per_number"),
            models.CheckConstraint(condition=Q(seq__gte=1), name="grants_report_number_positive"),
            models.CheckConstraint(condition=Q(due_on__gte=F("period_end")), name="grants_report_due_after_period"),
            models.CheckConstraint(condition=Q(state__in=["scheduled", "submitted", "accepted", "returned"]),
                                   name="grants_report_state_known"),
        ]
        indexes = [models.Index(fields=["state", "due_on"], name="grants_report_state_due")]

    def __str__(self) -> str:
        return f"{self.agreement_id}/{self.seq}"

    def is_overdue(self, today: dt.date) -> bool:
        """Owed by the grantee (scheduled or returned) and past its due date."""
        return self.state in self.AWAITING and self.due_on < today

    @property
    def late(self) -> bool:
        """Submitted after its due date (the timeliness the monitoring keeps)."""
        return self.submitted_on is not None and self.submitted_on > self.due_on
