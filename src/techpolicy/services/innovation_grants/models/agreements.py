"""The grant agreement between the operator and the grantee, after the award (law 003 article 27;
its form is the Government's rules' matter, article 27(4), not in the source): drafted by the
operator, locked by the first signature (its text and amount cannot change after that: the text's
digest is kept and checked), signed by both parties; then the tranches paid against the award's
commitment in the fund ledger."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

MAX_TEXT = 50_000


class Agreement(models.Model):
    case = models.OneToOneField("casework.Case", verbose_name=_("application"), on_delete=models.PROTECT,
                                related_name="grant_agreement")
    number = models.CharField(_("agreement number"), max_length=60, unique=True)
    amount = models.DecimalField(_("grant amount, tenge"), max_digits=18, decimal_places=2)
    text = models.TextField(_("terms of the agreement"), max_length=MAX_TEXT)
    text_digest = models.CharField(_("digest of the terms"), max_length=64)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("drafted by"), on_delete=models.PROTECT,
                                   related_name="+")
    drafted_at = models.DateTimeField(_("drafted at"), auto_now_add=True)
    grantee_signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("signed for the grantee by"),
                                          null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    grantee_signed_at = models.DateTimeField(_("signed by the grantee at"), null=True, blank=True)
    operator_signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("signed for the operator by"),
                                           null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    operator_signed_at = models.DateTimeField(_("signed by the operator at"), null=True, blank=True)
    # The day the agreement signed by both took effect, as the system counts days (`law_context.today`).
    in_force_on = models.DateField(_("in force from"), null=True, blank=True)

    class Meta:
        verbose_name = _("grant agreement")
        verbose_name_plural = _("grant agreements")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="grants_agreement_amount_positive"),
            # The operator signs an agreement the grantee has signed: two parties, in that order.
            models.CheckConstraint(condition=Q(operator_signed_at__isnull=True) | Q(grantee_signed_at__isnull=False),
                                   name="grants_agreement_grantee_signs_first"),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def signed(self) -> bool:
        return self.grantee_signed_at is not None and self.operator_signed_at is not None


class Tranche(models.Model):
    """A payment of the grant under the agreement, written to the fund ledger as a payment."""

    agreement = models.ForeignKey(Agreement, verbose_name=_("agreement"), on_delete=models.PROTECT,
                                  related_name="tranches")
    seq = models.PositiveSmallIntegerField(_("tranche number"))
    amount = models.DecimalField(_("amount, tenge"), max_digits=18, decimal_places=2)
    paid_on = models.DateField(_("paid on"))
    ledger_seq = models.PositiveIntegerField(_("fund ledger entry"), unique=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"),
                                    on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["agreement", "seq"]
        verbose_name = _("tranche")
        verbose_name_plural = _("tranches")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "seq"], name="grants_one_tranche_per_number"),
            models.CheckConstraint(condition=Q(amount__gt=0) & Q(seq__gte=1), name="grants_tranche_positive"),
        ]



