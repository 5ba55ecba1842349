"""Technology forecasting's declaration in the service registry (seed 000, chapter 2): its pages
(under /forecasting/, URL namespace "studies"), menu entries for analysts and experts, the expert
role, procedures, API and demo study. `apps.StudiesConfig.ready()` registers it."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from techpolicy.accounts.roles import EXPERT, has_role
from techpolicy.casework.registry import Link, Role, Service

from .access import can_manage


def analysts(user) -> bool:
    """Those who run studies (paragraphs 3 and 5; `access.can_manage`)."""
    return can_manage(user)[0]


def experts(user) -> bool:
    """Domestic and foreign experts answering a study (paragraphs 5 and 10(1))."""
    return has_role(user, EXPERT)


SERVICE = Service(
    key="forecasting",
    url_namespace="studies",
    name=_("Technology forecasting"),
    summary=_("Forecast studies with domestic and foreign experts: Delphi rounds, trends and cycles, key "
              "technologies, public discussion and the report to the HSTC."),
    start="studies:list",
    urls="techpolicy.forecasting.studies.urls",
    navigation=(Link(_("Key technologies"), "studies:key_technologies"),
                Link(_("Forecast studies"), "studies:list", audience=analysts),
                Link(_("My questionnaires"), "studies:my_studies", audience=experts)),
    home=(Link(_("Forecast studies"), "studies:list"),
          Link(_("Key technologies in force"), "studies:key_technologies", style="secondary")),
    roles=(Role(EXPERT, _("Forecasting expert")),),
    procedures=("forecasting-main-stage", "forecasting-priority-direction"),
    api="techpolicy.api.forecasting:router",
    demo="techpolicy.forecasting.studies.demo:load",
    order=30,
)
