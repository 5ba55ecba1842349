"""The monitoring core as a Django app: `models` stores what the pure-Python core takes as input,
`store` converts rows to the core's models and back. Only those two modules import Django, so the
core (`indicators`, `obligations`, `commands`) stays importable without it (000.p38.a2, 000.ttp.monitor)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "techpolicy.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring of indicators and obligations")
