"""The innovation-grants service's declaration in the service registry (law 003 article 27, with the
applications for the other support measures of articles 21-33): its pages, menu entries, roles,
workflows, register of awards, procedures and demo world.
`apps.InnovationGrantsConfig.ready()` registers it."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from techpolicy.accounts.roles import has_role
from techpolicy.casework.registry import Link, Role, Service, applicants
from techpolicy.law.acts.act003_state_support.measures import PROCEDURES as MEASURE_PROCEDURES

from . import measure_cases, presentation, views_measure_apply, workflows
from .register import AWARDS
from .roles import GRANT_EXPERT, LABELS


def is_expert(user) -> bool:
    return has_role(user, GRANT_EXPERT)


SERVICE = Service(
    key="innovation-grants",
    url_namespace="innovation_grants",
    name=_("Innovation grants"),
    summary=_("Innovation grants of the Law on state support of industrial-innovative activity: calls, "
              "applications, the independent expertise, the award, the agreement and the fund."),
    start="innovation_grants:index",
    urls="techpolicy.services.innovation_grants.urls",
    navigation=(Link(_("Innovation grants"), "innovation_grants:index"),
                Link(_("My expertise"), "innovation_grants:reviews", audience=is_expert)),
    home=(Link(_("Open"), "innovation_grants:index"),
          Link(_("Register"), "innovation_grants:register", style="secondary")),
    registers_links=(Link(_("Register of innovation grants awarded"), "innovation_grants:register"),),
    apply=(Link(_("Apply for an innovation grant"), "innovation_grants:apply", audience=applicants,
                style="secondary"),),
    workflows=(*workflows.ALL, measure_cases.MEASURE),
    roles=tuple(Role(name, label) for name, label in LABELS.items()),
    registers=(AWARDS,),
    api="techpolicy.services.innovation_grants.api:router",
    procedures=("innovation-grant", *(p.name for p in MEASURE_PROCEDURES.values())),

    demo="techpolicy.services.innovation_grants.demo:load",
    order=50,
    application=(presentation.APPLICATION, views_measure_apply.APPLICATION),
)
