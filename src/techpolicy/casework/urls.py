from django.urls import path

from . import views, views_files

app_name = "casework"
urlpatterns = [
    path("", views.my_cases, name="my_cases"),
    path("queue/", views.queue, name="queue"),
    path("agenda/", views.agenda, name="agenda"),
    path("files/<uuid:pk>/", views_files.file_status, name="file_status"),
    path("files/<uuid:pk>/download/", views_files.file_download, name="file_download"),
    path("<str:number>/", views.case_detail, name="detail"),
    path("<str:number>/act/<str:action>/", views.fire_action, name="fire"),
    path("<str:number>/documents/", views.upload_document, name="upload"),
    path("<str:number>/vote/", views.vote, name="vote"),
    path("documents/<int:pk>/", views.download_document, name="download"),
]
