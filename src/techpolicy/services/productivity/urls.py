from django.urls import path

from . import aftercare, monitoring, views, whatif

app_name = "productivity"
urlpatterns = [
    path("", views.index, name="index"),
    path("calculator/", views.calculator, name="calculator"),
    path("apply/", views.apply, name="apply"),
    path("instrument-6/", views.instrument_6, name="instrument_6"),
    path("monitoring/", monitoring.page, name="monitoring"),
    path("what-if/", whatif.page, name="what_if"),
    path("cases/<str:number>/edit/", views.edit_application, name="edit"),
    path("cases/<str:number>/aftercare/", aftercare.aftercare, name="aftercare"),
    path("cases/<str:number>/aftercare/act/<str:action>/", aftercare.act, name="act"),
    path("cases/<str:number>/aftercare/requests/", aftercare.add_request, name="request"),
    path("cases/<str:number>/aftercare/requests/<int:pk>/answer/", aftercare.answer_request, name="answer"),
    path("cases/<str:number>/aftercare/reports/", aftercare.add_report, name="report"),
]
