from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TechnologyPlatformsConfig(AppConfig):
    name = "techpolicy.services.technology_platforms"
    label = "technology_platforms"
    verbose_name = _("Technology platforms")

    def ready(self):
        from techpolicy.casework.registry import register_service

        from . import service

        register_service(service.SERVICE)
