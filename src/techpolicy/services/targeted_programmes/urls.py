from django.urls import path

from . import views, views_import, views_programme, views_public

app_name = "targeted_programmes"

urlpatterns = [
    path("", views.index, name="index"),
    path("apply/", views.apply, name="apply"),
    path("import/", views_import.import_programme, name="import"),
    path("approved/", views_public.programmes, name="approved"),
    path("approved/<str:number>/", views_public.progress, name="progress"),
    path("approved/<str:number>/<str:lang>.<str:kind>", views_programme.public_download, name="public_download"),
    path("cases/<str:number>/", views_programme.programme, name="programme"),
    path("cases/<str:number>/edit/", views.edit, name="edit"),
    path("cases/<str:number>/comment/", views_programme.comment, name="comment"),
    path("cases/<str:number>/agreement/", views_programme.agreement, name="agreement"),
    path("cases/<str:number>/<str:lang>.<str:kind>", views_programme.download, name="download"),
]
