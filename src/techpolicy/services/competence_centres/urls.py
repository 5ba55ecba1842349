from django.urls import path

from techpolicy.casework.registers.views import register_page

from . import views, views_case, views_studies
from .register import REGISTER_KEY

app_name = "competence_centres"

urlpatterns = [
    path("", views.index, name="index"),
    path("precheck/", views.precheck, name="precheck"),
    path("apply/", views.apply, name="apply"),
    path("register/", register_page, {"key": REGISTER_KEY}, name="register"),
    path("cases/", views_case.case_list, name="cases"),
    path("cases/<str:number>/", views_case.case_page, name="case"),
    path("cases/<str:number>/edit/", views.edit, name="edit"),
    path("studies/", views_studies.study_lookup, name="study_lookup"),
    path("studies/<str:number>/", views_studies.study_centres, name="study"),
]
