"""URL patterns of the draft results, their public discussion (000 p.12) and the list of key
technologies (p.13(1)), included by studies.urls before the study's own patterns."""

from django.urls import path

from . import views_discussion as views
from .views_report import report

urlpatterns = [
    path("key-technologies/", views.key_technologies_page, name="key_technologies"),
    path("<str:number>/drafts/", views.drafts, name="drafts"),
    path("<str:number>/discussion/", views.public_discussion, name="discussion"),
    path("<str:number>/discussion/<int:version>/", views.public_discussion, name="discussion_version"),
    path("<str:number>/report/", report, name="report"),
]
