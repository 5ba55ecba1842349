"""URL patterns of the evidence pages (series, trends, cycles; ranking, scenarios, SWOT), included by studies.urls."""

from django.urls import path

from . import views_evidence

urlpatterns = [
    path("<str:number>/series/", views_evidence.series_list, name="series"),
    path("<str:number>/series/<int:pk>/", views_evidence.series_detail, name="series_detail"),
    path("<str:number>/analysis/", views_evidence.analysis_page, name="analysis"),
    path("<str:number>/analysis/settings/", views_evidence.analysis_settings, name="analysis_settings"),
]
