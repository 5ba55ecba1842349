"""The "Productivity 2020" programme's declaration in the service registry (seed 004): its pages,
workflows, staff roles, procedure, API and demo world. `apps.ProductivityConfig.ready()`
registers it."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from techpolicy.accounts.roles import LEASING_OPERATOR, OPERATOR
from techpolicy.casework.registry import Link, Role, Service

from . import presentation, workflows

SERVICE = Service(
    key="productivity",
    name=_("“Productivity 2020” programme"),
    summary=_("Partial reimbursement of costs of raising labour productivity and long-term leasing "
              "(2015–2016, repealed)."),
    start="productivity:index",
    urls="techpolicy.services.productivity.urls",
    home=(Link(_("Open"), "productivity:index"),
          Link(_("Reimbursement calculator"), "productivity:calculator", style="secondary")),
    workflows=workflows.ALL,
    roles=(Role(OPERATOR, _("Programme operator (KIDI)")), Role(LEASING_OPERATOR, _("Leasing operator (KDB-Leasing)"))),
    # A stored verdict is a law-layer verdict like any other: the technopark's partial renders it
    # (the case page has always shown the programme's verdicts with it).
    procedures=("productivity2020",),
    api="techpolicy.api.productivity:router",
    demo="techpolicy.services.productivity.demo:load",
    order=20,
    application=(presentation.PROGRAMME,),
)
