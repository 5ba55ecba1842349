from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StudiesConfig(AppConfig):
    name = "techpolicy.forecasting.studies"
    label = "studies"
    verbose_name = _("Technology forecasting")

    def ready(self):
        from techpolicy.casework.registry import register_service

        from . import service, views_report  # noqa: F401  (registers the report's file kind, for the workers too)

        register_service(service.SERVICE)
