"""URL patterns of the Delphi pages (paragraph 8(2)), included by studies.urls before `<number>/`."""

from django.urls import path

from . import views_expert

urlpatterns = [
    path("invitation/<uuid:token>/", views_expert.invitation, name="invitation"),
    path("expert/", views_expert.my_studies, name="my_studies"),
    path("<str:number>/rounds/", views_expert.rounds, name="rounds"),
    path("<str:number>/rounds/<int:round_number>/", views_expert.round_results, name="round_results"),
    path("<str:number>/rounds/<int:round_number>/answer/", views_expert.questionnaire_page, name="questionnaire"),
]
