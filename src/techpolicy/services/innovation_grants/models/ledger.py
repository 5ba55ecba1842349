"""The fund ledger of innovation grants in the database (law 003 article 27(3)): the entries the
law allowed, append-only and numbered without gaps, and the refusals, kept for the record.

Writers are serialised by the row lock on `LedgerHead` (one row), so the law's check
(`fund.step` over the stored entries) and the insert happen as one; the sequence number is unique,
so two writers that both missed the lock could not both succeed. The kinds the law refuses outright
(a return to the budget, spending on anything but grants, 003.a27.p3.a2) cannot be stored at all:
the table's check constraint says so too."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from techpolicy.casework.models.case import AppendOnlyModel
from techpolicy.law.acts.act003_state_support.fund_entries import KINDS

REFUSED_KINDS = ("return_to_budget", "other_spending")
KIND_CHOICES = [(kind, kind) for kind in KINDS]


class LedgerHead(models.Model):
    """The one row writers lock: how many entries the ledger holds."""

    entries = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("fund ledger")
        verbose_name_plural = _("fund ledger")


class LedgerEntry(AppendOnlyModel):
    """An entry the law allowed, as `fund_entries` validated it (`data`), with the columns the
    balance reports filter on."""

    append_only_name = "fund ledger"

    seq = models.PositiveIntegerField(_("number"), unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES)
    on = models.DateField(_("date"))
    financial_year = models.PositiveSmallIntegerField(_("financial year"), null=True, blank=True)
    grant_type = models.CharField(_("grant type"), max_length=40, blank=True)
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=2, null=True, blank=True)
    award_ref = models.CharField(_("award"), max_length=100, blank=True)
    data = models.JSONField(_("entry"))
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("entered by"), on_delete=models.PROTECT,
                                   related_name="+")
    entered_at = models.DateTimeField(_("entered at"), auto_now_add=True)

    class Meta:
        ordering = ["seq"]
        verbose_name = _("fund ledger entry")
        verbose_name_plural = _("fund ledger entries")
        constraints = [
            models.CheckConstraint(condition=~Q(kind__in=REFUSED_KINDS), name="grants_ledger_no_refused_kind"),
            models.CheckConstraint(condition=Q(amount__isnull=True) | Q(amount__gt=0),
                                   name="grants_ledger_amount_positive"),
            # One commitment per award: the award's reference names it.
            models.UniqueConstraint(fields=["award_ref"], condition=Q(kind="commitment"),
                                    name="grants_ledger_one_commitment_per_award"),
            # A financial year closes once (article 27(3)): the database keeps it even if a writer
            # ever came past the ledger's lock.
            models.UniqueConstraint(fields=["financial_year"], condition=Q(kind="year_close"),
                                    name="grants_ledger_one_close_per_year"),
        ]
        indexes = [models.Index(fields=["financial_year", "grant_type"], name="grants_ledger_year_type")]


class LedgerRefusal(AppendOnlyModel):
    """An entry someone asked for and the law refused, with the rule and its citation."""

    append_only_name = "record of refused ledger entries"

    data = models.JSONField(_("entry"))
    rule = models.CharField(_("rule"), max_length=60)
    citation = models.CharField(_("legal basis"), max_length=60)
    details = models.JSONField(_("details"), default=dict)
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("asked by"), on_delete=models.PROTECT,
                                 related_name="+")
    asked_at = models.DateTimeField(_("asked at"), auto_now_add=True)

    class Meta:
        ordering = ["-asked_at"]
        verbose_name = _("refused ledger entry")
        verbose_name_plural = _("refused ledger entries")
