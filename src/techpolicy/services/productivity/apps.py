from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProductivityConfig(AppConfig):
    name = "techpolicy.services.productivity"
    label = "productivity"
    verbose_name = _("“Productivity 2020” programme")

    def ready(self):
        from techpolicy.casework.registry import register_service

        from . import service, whatif  # noqa: F401  (the programme's workflows and the what-if job register)

        register_service(service.SERVICE)
