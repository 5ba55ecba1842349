"""The technology-platform service's declaration in the service registry (seed 000 chapter 4): its
pages, menu entries, workflow, roles, register, procedure, API and demo world.
`apps.TechnologyPlatformsConfig.ready()` registers it."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from techpolicy.casework.registry import Link, Role, Service

from . import presentation, workflows
from .checks import PROCEDURE
from .register import ORGANISED
from .roles import HSTC_SECRETARY


def proposers(user) -> bool:
    """Users of a state body or a local executive body (p.27), who propose platforms."""
    from techpolicy.services.competence_centres.published import is_state_body

    return bool(getattr(user, "is_authenticated", False)) and is_state_body(getattr(user, "organisation", None))


REGISTER = Link(_("Register of technology platforms"), "technology_platforms:register")

SERVICE = Service(
    key="technology-platforms",
    url_namespace="technology_platforms",
    name=_("Technology platforms"),
    summary=_("Proposals of state bodies to organise technology platforms, their consideration by the authorized "
              "body and the HSTC, the register of platforms and their road maps."),
    start="technology_platforms:index",
    urls="techpolicy.services.technology_platforms.urls",
    navigation=(Link(_("Technology platforms"), "technology_platforms:index"),),
    home=(Link(_("Open"), "technology_platforms:index"), Link(_("Register"), "technology_platforms:register",
                                                           style="secondary")),
    registers_links=(REGISTER,),
    apply=(Link(_("Propose a technology platform"), "technology_platforms:apply", audience=proposers),),
    workflows=workflows.ALL,
    # "state_body" and "authorized_body" are the competence-centre service's roles (it labels them);
    # this workflow's table names the authorized body too, so it is staff here as well.
    roles=(Role(HSTC_SECRETARY, _("Working body of the HSTC")),),
    verdict_template="technology_platforms/_verdict.html",
    registers=(ORGANISED,),
    procedures=(PROCEDURE,),
    api="techpolicy.services.technology_platforms.api:router",
    demo="techpolicy.services.technology_platforms.demo:load",
    order=40,
    application=(presentation.PROPOSAL,),
)
