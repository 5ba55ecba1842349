from django.urls import path

from techpolicy.casework.registers.views import register_page

from . import views, views_ledger, views_measures, views_panel, views_whatif
from .register import REGISTER_KEY

app_name = "innovation_grants"

urlpatterns = [
    path("", views.index, name="index"),
    path("apply/", views.apply, name="apply"),
    path("ledger/", views_ledger.ledger_page, name="ledger"),
    path("measures/", views_measures.measures_page, name="measures"),
    path("register/", register_page, {"key": REGISTER_KEY}, name="register"),
    path("cases/<str:number>/edit/", views.edit, name="edit"),
    path("cases/<str:number>/panel/", views_panel.panel_page, name="panel"),
    path("calls/<str:number>/assign/", views_panel.assign_call, name="assign"),
    path("calls/<str:number>/what-if/", views_whatif.what_if, name="what_if"),
    path("runs/<int:pk>/", views_panel.run_page, name="run"),
    path("reviews/", views_panel.my_reviews, name="reviews"),
]
