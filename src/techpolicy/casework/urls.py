from django.urls import path

from . import views, views_application, views_documents, views_files, views_meetings, views_votes

app_name = "casework"
urlpatterns = [
    path("", views.my_cases, name="my_cases"),
    path("queue/", views.queue, name="queue"),
    path("agenda/", views_votes.agenda, name="agenda"),
    path("commissions/<slug:key>/meetings/", views_meetings.meeting_list, name="meetings"),
    path("commissions/<slug:key>/meetings/<int:number>/", views_meetings.meeting_detail, name="meeting"),
    path("commissions/<slug:key>/meetings/<int:number>/close/", views_meetings.meeting_close, name="meeting_close"),
    path("commissions/<slug:key>/meetings/<int:number>/minutes.pdf", views_meetings.minutes_pdf, name="minutes_pdf"),
    path("commissions/<slug:key>/meetings/<int:number>/<slug:what>/", views_meetings.meeting_change,
         name="meeting_change"),
    path("files/<uuid:pk>/", views_files.file_status, name="file_status"),
    path("files/<uuid:pk>/download/", views_files.file_download, name="file_download"),
    path("<str:number>/", views.case_detail, name="detail"),
    path("<str:number>/application/", views_application.application_page, name="application"),
    path("<str:number>/application.pdf", views_application.application_document, name="application_pdf"),
    path("<str:number>/act/<str:action>/", views.fire_action, name="fire"),
    path("<str:number>/documents/", views.upload_document, name="upload"),
    path("<str:number>/documents/<str:kind>/versions/", views_documents.document_versions, name="document_versions"),
    path("<str:number>/vote/", views_votes.vote, name="vote"),
    path("<str:number>/recuse/", views_votes.recuse, name="recuse"),
    path("documents/<int:pk>/", views.download_document, name="download"),
]
