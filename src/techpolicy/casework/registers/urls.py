"""/<lang>/registers/: the public registers every service declares, and certificate verification."""

from django.urls import path

from . import views

app_name = "registers"
urlpatterns = [
    path("", views.register_index, name="index"),
    path("verify/", views.verify, name="verify"),
    path("<str:key>/", views.register_page, name="page"),
    path("<str:key>/export.<str:fmt>", views.register_export, name="export"),
]
