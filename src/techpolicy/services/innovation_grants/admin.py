"""Versions of the lists of directions are read here; they are put in force only through
`directions.publish`, which checks the forecasting results they rest on (article 19(1))."""

from django.contrib import admin

from techpolicy.casework.admin import ReadOnlyAdmin

from .models import DirectionsVersion


@admin.register(DirectionsVersion)
class DirectionsVersionAdmin(ReadOnlyAdmin):
    list_display = ("kind", "valid_from", "decision", "forecast_from", "forecast_study")
    list_filter = ("kind",)
    search_fields = ("decision", "recommendation", "forecast_study")
