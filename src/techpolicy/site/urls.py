from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from techpolicy.api.urls import api
from techpolicy.casework.registry import services


def service_patterns() -> list[URLPattern | URLResolver]:
    """Each declared service's pages under /<language>/<key>/, in its URL namespace."""
    return [path(f"{s.key}/", include((s.urls, s.namespace))) for s in services() if s.urls]


urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("techpolicy.site.page_urls")),
    path("cases/", include("techpolicy.casework.urls")),
    path("registers/", include("techpolicy.casework.registers.urls")),
    path("monitoring/", include("techpolicy.monitoring.urls")),
    *service_patterns(),
    prefix_default_language=True,
)
