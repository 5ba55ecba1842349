from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InnovationGrantsConfig(AppConfig):
    name = "techpolicy.services.innovation_grants"
    label = "innovation_grants"
    verbose_name = _("Innovation grants")

    def ready(self):
        from techpolicy.casework.registry import register_service

        from . import service

        register_service(service.SERVICE)
