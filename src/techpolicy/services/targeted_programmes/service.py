"""The targeted-programme service's declaration in the service registry (seed 000 chapter 5): its
pages, menu entries, workflow, procedure, API and demo world. `apps.TargetedProgrammesConfig.ready()`
registers it (and the owner of its monitoring plans)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from techpolicy.casework.registry import Link, Service

from . import workflows
from .checks import PROCEDURE


def developers(user) -> bool:
    """Users of an organisation the competence-centre register names (p.31); others may draft too,
    and paragraph 31 refuses the submission, naming the register."""
    return bool(getattr(user, "is_authenticated", False)) and getattr(user, "organisation_id", None) is not None


SERVICE = Service(
    key="targeted-programmes",
    url_namespace="targeted_programmes",
    name=_("Targeted technology programmes"),
    summary=_("Programmes drafted by sectoral competence centres, reviewed and agreed by the supervising state "
              "body, considered by the HSTC and approved, then monitored against their target indicators."),
    start="targeted_programmes:index",
    urls="techpolicy.services.targeted_programmes.urls",
    navigation=(Link(_("Targeted programmes"), "targeted_programmes:index"),),
    home=(Link(_("Open"), "targeted_programmes:index"),
          Link(_("Approved programmes"), "targeted_programmes:approved", style="secondary")),
    registers_links=(Link(_("Approved targeted technology programmes"), "targeted_programmes:approved"),),
    apply=(Link(_("Draft a targeted technology programme"), "targeted_programmes:apply", audience=developers,
                style="secondary"),),
    workflows=workflows.ALL,
    procedures=(PROCEDURE,),
    api="techpolicy.services.targeted_programmes.api:router",
    demo="techpolicy.services.targeted_programmes.demo:load",
    order=45,
)
