from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TargetedProgrammesConfig(AppConfig):
    name = "techpolicy.services.targeted_programmes"
    label = "targeted_programmes"
    verbose_name = _("Targeted technology programmes")

    def ready(self):
        from techpolicy.casework.registry import register_service
        from techpolicy.monitoring.owners import register_owner

        from . import monitoring, service

        register_service(service.SERVICE)
        register_owner(monitoring.OWNER)
