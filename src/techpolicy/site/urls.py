from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from techpolicy.api.urls import api

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("techpolicy.site.page_urls")),
    path("cases/", include("techpolicy.casework.urls")),
    path("technopark/", include("techpolicy.services.technopark.urls")),
    path("productivity/", include("techpolicy.services.productivity.urls")),
    path("forecasting/", include("techpolicy.forecasting.studies.urls")),
    prefix_default_language=True,
)
