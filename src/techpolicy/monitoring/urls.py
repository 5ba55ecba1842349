"""The monitoring pages, under /<language>/monitoring/ (site.urls). A plan is named by its owner's kind
and reference (`models.Plan`), so an owner's page links to its plan without knowing a row id."""

from django.urls import path

from . import urls_reports, views

app_name = "monitoring"

PLAN = "plans/<str:kind>/<str:ref>/"

urlpatterns = [
    path(PLAN, views.plan_dashboard, name="plan"),
    path("public/<str:kind>/<str:ref>/", views.public_dashboard, name="public_plan"),
    path(PLAN + "indicators/<str:code>/", views.indicator_detail, name="indicator"),
    path(PLAN + "indicators/<str:code>/enter/", views.enter_actual, name="enter_actual"),
    path(PLAN + "indicators/<str:code>/<int:year>/submit/", views.submit_actual, name="submit_actual"),
    path(PLAN + "indicators/<str:code>/<int:year>/approve/", views.approve_actual, name="approve_actual"),
    path(PLAN + "obligations/", views.obligation_list, name="obligations"),
    path(PLAN + "obligations/<int:pk>/done/", views.obligation_done, name="obligation_done"),
    *urls_reports.urlpatterns,  # the plan's reports (views_reports)
]
