from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetenceCentresConfig(AppConfig):
    name = "techpolicy.services.competence_centres"
    label = "competence_centres"
    verbose_name = _("Sectoral technology competence centres")

    def ready(self):
        from techpolicy.casework.registry import register_service

        from . import service

        register_service(service.SERVICE)
