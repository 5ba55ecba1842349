from django.urls import path

from techpolicy.casework.registers.views import register_page

from . import (
    views,
    views_calls,
    views_ledger,
    views_measure_apply,
    views_measures,
    views_monitoring,
    views_panel,
    views_whatif,
)
from .register import REGISTER_KEY

app_name = "innovation_grants"

urlpatterns = [
    path("", views.index, name="index"),
    path("apply/", views.apply, name="apply"),
    path("ledger/", views_ledger.ledger_page, name="ledger"),
    path("monitoring/", views_monitoring.monitoring_page, name="monitoring"),
    path("operator/calls/", views_calls.call_list, name="calls"),
    path("operator/calls/new/", views_calls.call_new, name="call_new"),
    path("operator/calls/<str:number>/edit/", views_calls.call_edit, name="call_edit"),
    path("operator/calls/<str:number>/publish/", views_calls.call_publish, name="call_publish"),
    path("measures/", views_measures.measures_page, name="measures"),
    path("measures/<str:measure>/apply/", views_measure_apply.apply, name="measure_apply"),
    path("measures/cases/<str:number>/edit/", views_measure_apply.edit, name="measure_edit"),
    path("register/", register_page, {"key": REGISTER_KEY}, name="register"),
    path("cases/<str:number>/edit/", views.edit, name="edit"),
    path("cases/<str:number>/panel/", views_panel.panel_page, name="panel"),
    path("cases/<str:number>/reports/", views_monitoring.case_reports, name="case_reports"),
    path("calls/<str:number>/assign/", views_panel.assign_call, name="assign"),
    path("calls/<str:number>/what-if/", views_whatif.what_if, name="what_if"),
    path("runs/<int:pk>/", views_panel.run_page, name="run"),
    path("reviews/", views_panel.my_reviews, name="reviews"),
]
