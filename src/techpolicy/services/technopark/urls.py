from django.urls import path

from . import public, views

app_name = "technopark"
urlpatterns = [
    path("", views.index, name="index"),
    path("precheck/", views.precheck, name="precheck"),
    path("apply/", views.apply, name="apply"),
    path("cases/<str:number>/edit/", views.edit_application, name="edit"),
    path("cases/<str:number>/follow-up/<str:kind>/", views.start_follow_up, name="follow_up"),
    path("participants/", public.register_list, name="register"),
    path("participants/export.<str:fmt>", public.register_export, name="register_export"),
    path("verify/", public.verify, name="verify"),
    path("certificates/<str:number>.pdf", public.certificate_pdf, name="certificate_pdf"),
]
