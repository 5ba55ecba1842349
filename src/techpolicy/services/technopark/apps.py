from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TechnoparkConfig(AppConfig):
    name = "techpolicy.services.technopark"
    label = "technopark"
    verbose_name = _("Astana Hub technopark")

    def ready(self):
        from techpolicy.casework.registry import register_service

        from . import certificate_file, service  # noqa: F401  (the workflows and the certificate file register)

        register_service(service.SERVICE)
