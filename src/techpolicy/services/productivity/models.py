"""Agreements and aftercare of the "Productivity 2020" programme (seed 004, section 5.4).

- `ReimbursementAgreement` — "Шығындардың бір бөлігін өтеу туралы келісім" (5.4, mechanism of
  instruments 2–5, paragraphs 6, 8–10): the amount accepted with its calculation, the signing
  date, the consent to statistics two years before and after, and its status. Instruments 7 and
  8 are paid on the operator's decision without an agreement in the seed; their reimbursement is
  kept in the same record with `form = decision` so one ledger serves every payment.
- `PaymentLedgerEntry` — payments and returns of funds, append-only; the balance is computed
  from the ledger, never stored.
- `InformationRequest` — the operator's request for progress information when the target
  indicator is not met (paragraph 9(2)).
- `ProductivityReport` — labour productivity before and after, with the verdict on the
  obligation to raise it (mechanism of instrument 1, paragraph 7).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _

from techpolicy.casework.models.case import AppendOnlyModel

TIYN = Decimal("0.01")


class ReimbursementAgreement(models.Model):
    FORM_AGREEMENT = "agreement"  # instruments 2–5: agreement signed by both sides (5.4 p.6, p.8)
    FORM_DECISION = "decision"  # instruments 7 and 8: paid on the operator's decision (no agreement in the seed)
    FORM_CHOICES = [(FORM_AGREEMENT, _("agreement")), (FORM_DECISION, _("operator's decision"))]

    STATUS_DECIDED, STATUS_AWAITING, STATUS_ACTIVE, STATUS_TERMINATED, STATUS_CLOSED = (
        "decided", "awaiting_signature", "active", "terminated", "closed")
    STATUS_CHOICES = [
        (STATUS_DECIDED, _("decided: the notice with the agreement is to be sent")),
        (STATUS_AWAITING, _("awaiting the applicant's signature")),
        (STATUS_ACTIVE, _("active")),
        (STATUS_TERMINATED, _("terminated for breach")),
        (STATUS_CLOSED, _("closed")),
    ]

    case = models.OneToOneField("casework.Case", verbose_name=_("case"), on_delete=models.PROTECT,
                                related_name="reimbursement")
    number = models.CharField(_("agreement number"), max_length=60, blank=True)
    form = models.CharField(_("form"), max_length=10, choices=FORM_CHOICES, default=FORM_AGREEMENT)
    instrument = models.CharField(_("instrument"), max_length=4, db_index=True)
    programme_year = models.PositiveSmallIntegerField(
        _("programme year"), db_index=True, help_text=_("The year of the application date."))
    amount = models.DecimalField(_("amount accepted, KZT"), max_digits=16, decimal_places=2)
    calculation = models.JSONField(_("calculation"),
                                   help_text=_("The calculation the amount rests on (Reimbursement.as_dict())."))
    sent_on = models.DateField(_("sent to the applicant on"), null=True, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    statistics_consent = models.BooleanField(
        _("consent to obtain statistics for 2 years before and 2 years after (p. 9(4))"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=STATUS_CHOICES, default=STATUS_DECIDED, db_index=True)
    terminated_on = models.DateField(_("terminated on"), null=True, blank=True)
    termination_reason = models.TextField(_("reason for termination"), blank=True)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("reimbursement agreement")
        verbose_name_plural = _("reimbursement agreements")
        constraints = [models.CheckConstraint(condition=Q(amount__gte=0), name="agreement_amount_not_negative")]

    def __str__(self) -> str:
        return self.number or f"{self.case.number}"

    def total(self, kind: str) -> Decimal:
        total = self.ledger.filter(kind=kind).aggregate(total=Sum("amount"))["total"] or Decimal("0")
        return total.quantize(TIYN)  # some databases drop the scale of a sum

    @property
    def paid(self) -> Decimal:
        return self.total(PaymentLedgerEntry.KIND_PAYMENT)

    @property
    def returned(self) -> Decimal:
        return self.total(PaymentLedgerEntry.KIND_CLAWBACK)

    @property
    def balance(self) -> Decimal:
        """What the applicant holds: payments less returns, from the ledger."""
        return self.paid - self.returned

    def statistics_period(self) -> tuple | None:
        """Paragraph 9(4): the applicant's statistics from 2 years before to 2 years after the signed
        agreement reached the operator (the signing date stands for that day)."""
        if not (self.statistics_consent and self.signed_on):
            return None
        from .law import statistics_period

        return statistics_period(self.signed_on)


class PaymentLedgerEntry(AppendOnlyModel):
    """A payment to the applicant or a return of funds to the programme; never changed or deleted."""

    append_only_name = "payment ledger"

    KIND_PAYMENT, KIND_CLAWBACK = "payment", "clawback"
    KIND_CHOICES = [(KIND_PAYMENT, _("payment")), (KIND_CLAWBACK, _("return of funds"))]

    agreement = models.ForeignKey(ReimbursementAgreement, verbose_name=_("agreement"), on_delete=models.PROTECT,
                                  related_name="ledger")
    kind = models.CharField(_("kind"), max_length=10, choices=KIND_CHOICES)
    amount = models.DecimalField(_("amount, KZT"), max_digits=16, decimal_places=2)
    on_date = models.DateField(_("date"))
    reference = models.CharField(_("payment order or reference"), max_length=120)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["on_date", "pk"]
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="ledger_amount_positive")]


class InformationRequest(models.Model):
    """Paragraph 9(2): the operator asks how the instrument is carried out when the target
    indicator is not reached; the applicant answers."""

    agreement = models.ForeignKey(ReimbursementAgreement, verbose_name=_("agreement"), on_delete=models.PROTECT,
                                  related_name="requests")
    text = models.TextField(_("request"))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.PROTECT,
                                     related_name="+")
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("answered by"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("information request")
        verbose_name_plural = _("information requests")
        ordering = ["requested_at", "pk"]


class ProductivityReport(models.Model):
    """Labour productivity before and after support, and whether the obligation to raise it
    (1.5 times, the programme's target indicator) is met."""

    case = models.ForeignKey("casework.Case", verbose_name=_("case"), on_delete=models.PROTECT,
                             related_name="productivity_reports")
    period = models.CharField(_("reporting period"), max_length=40)
    before = models.DecimalField(_("labour productivity before"), max_digits=18, decimal_places=2)
    after = models.DecimalField(_("labour productivity after"), max_digits=18, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    obligation_met = models.BooleanField(_("obligation met"), null=True)
    verdict = models.JSONField(_("verdict"), default=dict, blank=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reported by"), on_delete=models.PROTECT,
                                    related_name="+")
    reported_at = models.DateTimeField(_("reported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("productivity report")
        verbose_name_plural = _("productivity reports")
        ordering = ["-reported_at", "-pk"]
        constraints = [models.CheckConstraint(condition=Q(before__gt=0) & Q(after__gte=0),
                                              name="productivity_values_valid")]
