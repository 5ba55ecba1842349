"""The report pages (`views_reports`), to be included in the "monitoring" URL namespace. A plan is named
by its owner's kind and reference, as on the other monitoring pages."""

from django.urls import path, re_path

from . import views_reports

REPORT = r"^reports/(?P<pk>[0-9]{1,18})/"
DOCUMENT = r"(?P<lang>kk|ru|en)/(?P<fmt>pdf|docx)/$"

urlpatterns = [
    path("plans/<str:kind>/<str:ref>/reports/", views_reports.report_list, name="report_list"),
    path("reports/<int:pk>/edit/", views_reports.report_edit, name="report_edit"),
    path("reports/<int:pk>/submit/", views_reports.report_submit, name="report_submit"),
    re_path(REPORT + "document/" + DOCUMENT, views_reports.report_download, name="report_download"),
    re_path(REPORT + "published/" + DOCUMENT, views_reports.report_public, name="report_public"),
]
