"""Agreements and their ledger are read-only here: they change only through the workflow engine
(payments, returns of funds, termination), so the admin can never rewrite a payment."""

from django.contrib import admin

from techpolicy.casework.admin import ReadOnlyAdmin

from .models import InformationRequest, PaymentLedgerEntry, ProductivityReport, ReimbursementAgreement


class LedgerInline(admin.TabularInline):
    model = PaymentLedgerEntry
    fields = ("on_date", "kind", "amount", "reference", "recorded_by")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ReimbursementAgreement)
class ReimbursementAgreementAdmin(ReadOnlyAdmin):
    list_display = ("case", "number", "instrument", "programme_year", "amount", "status", "signed_on")
    list_filter = ("status", "instrument", "programme_year")
    search_fields = ("case__number", "number", "case__organisation__name")
    inlines = [LedgerInline]


@admin.register(PaymentLedgerEntry)
class PaymentLedgerEntryAdmin(ReadOnlyAdmin):
    list_display = ("agreement", "on_date", "kind", "amount", "reference", "recorded_by")
    list_filter = ("kind",)


admin.site.register(InformationRequest, ReadOnlyAdmin)
admin.site.register(ProductivityReport, ReadOnlyAdmin)
