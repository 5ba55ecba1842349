from django.urls import path, register_converter

from techpolicy.casework.registers.views import register_export, register_page

from . import views, views_manage, views_platform, views_roadmap
from .register import REGISTER_KEY


class Number:
    """A record's id or a version number in a path: at most nine digits, so that an impossible number
    is a page that does not exist (404), never a lookup the database cannot take."""

    regex = "[0-9]{1,9}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(Number, "tp_number")

app_name = "technology_platforms"
ROAD_MAP = "platforms/<tp_number:pk>/road-map/"
urlpatterns = [
    path("", views.index, name="index"),
    path("apply/", views.apply, name="apply"),
    path("cases/<str:number>/edit/", views.edit, name="edit"),
    path("register/", register_page, {"key": REGISTER_KEY}, name="register"),
    path("register/export.<str:fmt>", register_export, {"key": REGISTER_KEY}, name="register_export"),
    path("platforms/<tp_number:pk>/", views_platform.platform_page, name="platform"),
    path("platforms/<tp_number:pk>/manage/", views_manage.manage, name="manage"),
    path(ROAD_MAP, views_platform.road_map_history, name="road_map_history"),
    path(ROAD_MAP + "new/", views_roadmap.new_draft, name="road_map_new"),
    path(ROAD_MAP + "<tp_number:number>/", views_platform.road_map_version, name="road_map_version"),
    path(ROAD_MAP + "<tp_number:number>/publish/", views_roadmap.publish, name="road_map_publish"),
    path(ROAD_MAP + "<tp_number:number>/<slug:what>/", views_roadmap.change, name="road_map_change"),
]
