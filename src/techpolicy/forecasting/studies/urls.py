from django.urls import include, path

from . import views_study

app_name = "studies"

urlpatterns = [
    path("", include("techpolicy.forecasting.studies.urls_expert")),
    path("", include("techpolicy.forecasting.studies.urls_evidence")),
    path("", include("techpolicy.forecasting.studies.urls_discussion")),
    path("", views_study.study_list, name="list"),
    path("new/", views_study.study_create, name="create"),
    path("<str:number>/", views_study.study_detail, name="detail"),
    path("<str:number>/edit/", views_study.study_edit, name="edit"),
    path("<str:number>/stage/", views_study.stage_action, name="stage_action"),
    path("<str:number>/plan/", views_study.plan, name="plan"),
    path("<str:number>/experts/", views_study.experts, name="experts"),
    path("<str:number>/technologies/", views_study.technologies, name="technologies"),
]
