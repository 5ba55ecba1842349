"""The monitoring rows are read-only here: targets are amended by new rows, actuals change state only
through the core's approval order (`store.approve`), obligations only by expanding the plan again
(`store.expand_into`), reports only through `reporting` (a submission is made once, by its reporter),
so the admin can never bypass a rule of the core."""

from django.contrib import admin

from techpolicy.casework.admin import ReadOnlyAdmin

from .models import Actual, Indicator, Obligation, Plan, Report, Target


@admin.register(Plan)
class PlanAdmin(ReadOnlyAdmin):
    list_display = ("owner_kind", "owner_ref", "name_en", "first_year", "last_year")
    list_filter = ("owner_kind",)
    search_fields = ("owner_ref", "name_kk", "name_ru", "name_en")


@admin.register(Indicator)
class IndicatorAdmin(ReadOnlyAdmin):
    list_display = ("plan", "code", "name_en", "unit", "direction", "kind", "base_year")
    list_filter = ("direction", "kind")
    search_fields = ("code", "plan__owner_ref")


@admin.register(Target)
class TargetAdmin(ReadOnlyAdmin):
    list_display = ("indicator", "year", "value", "stage", "act", "paragraph", "effective")
    list_filter = ("stage",)
    search_fields = ("indicator__code",)


@admin.register(Actual)
class ActualAdmin(ReadOnlyAdmin):
    list_display = ("indicator", "year", "value", "provenance", "state", "approved_by", "approved_at")
    list_filter = ("state", "provenance")
    search_fields = ("indicator__code",)


@admin.register(Obligation)
class ObligationAdmin(ReadOnlyAdmin):
    list_display = ("plan", "key", "due", "precision", "done_on")
    list_filter = ("precision",)
    search_fields = ("key", "plan__owner_ref")


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = ("plan", "reporter", "year", "due", "state", "submitted_at")
    list_filter = ("state", "year")
    search_fields = ("plan__owner_ref", "reporter__name")
