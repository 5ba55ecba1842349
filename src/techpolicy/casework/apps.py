from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "techpolicy.casework"
    label = "casework"
    verbose_name = _("Casework")

    def ready(self):
        from .commissions import minutes  # noqa: F401  (register the minutes file kind, in web and worker processes)
