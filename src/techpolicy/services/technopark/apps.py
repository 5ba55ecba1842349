from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TechnoparkConfig(AppConfig):
    name = "techpolicy.services.technopark"
    label = "technopark"
    verbose_name = _("Astana Hub technopark")

    def ready(self):
        from . import certificate_file, workflows  # noqa: F401  (register the workflows and the certificate file)
