"""The competence-centre service's declaration in the service registry (seed 000 chapter 3): its
pages, menu entries, roles, workflow, register, procedure, API and demo world.
`apps.CompetenceCentresConfig.ready()` registers it."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from techpolicy.casework.registry import Link, Role, Service, applicants

from . import presentation, workflows
from .register import DESIGNATED
from .roles import LABELS


def reads_initiatives(user) -> bool:
    """The bodies that handle the designation workflow and the national institute (the list of initiatives)."""
    from .views_case import may_read_all

    return bool(getattr(user, "is_authenticated", False)) and may_read_all(user)


REGISTER = Link(_("Register of competence centres"), "competence_centres:register")
PRECHECK = Link(_("Criteria of a competence centre"), "competence_centres:precheck", style="secondary")

SERVICE = Service(
    key="competence-centres",
    url_namespace="competence_centres",
    name=_("Sectoral technology competence centres"),
    summary=_("Designation of sectoral technology competence centres by state bodies, and the register of "
              "designated centres."),
    start="competence_centres:index",
    urls="techpolicy.services.competence_centres.urls",
    navigation=(Link(_("Competence centres"), "competence_centres:index"),
                Link(_("Initiatives"), "competence_centres:cases", audience=reads_initiatives)),
    home=(Link(_("Open"), "competence_centres:index"), PRECHECK,
          Link(_("Register"), "competence_centres:register", style="secondary")),
    registers_links=(REGISTER,),
    apply=(Link(_("Initiate a designation as a competence centre"), "competence_centres:apply",
                audience=applicants, style="secondary"),),
    workflows=workflows.ALL,
    roles=tuple(Role(name, label) for name, label in LABELS.items()),
    verdict_template="competence_centres/_verdict.html",
    registers=(DESIGNATED,),
    procedures=("competence-centre",),
    api="techpolicy.services.competence_centres.api:router",
    demo="techpolicy.services.competence_centres.demo:load",
    order=30,
    application=(presentation.INITIATIVE,),
)
