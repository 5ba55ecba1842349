"""How an application for an innovation grant reads on its case page (casework.kit.presentation):
the call, the applicant (article 1(3)-(4)), the project and its costs (article 27(1)-(2)) and the
trainees of a type 3 grant, labelled by the application form's own fields."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from techpolicy.casework.kit.presentation import Presentation, Section
from techpolicy.casework.steps import current_language
from techpolicy.law.acts.act003_state_support.grant_types import BY_ID

from . import forms, workflows


def _type_name(code: str) -> str:
    grant_type = BY_ID.get(code)
    return grant_type.name[current_language()] if grant_type else code


APPLICATION = Presentation(
    workflows=(workflows.GRANT.id,),
    bundle=forms.APPLICATION,
    sections=(
        Section(forms.SECTIONS[0][1], "", form="call", keys=("call", "grant_type"),
                fields={"grant_type": _("Grant type")}, show={"grant_type": _type_name}),
        Section(forms.SECTIONS[1][1], "applicant", form="applicant"),
        Section(forms.SECTIONS[2][1], "", form="project",
                keys=("direction", "planned_costs", "requested", "own_production_process")),
        Section(forms.SECTIONS[3][1], "trainees", kind="table", form="trainees", optional=True),
    ),
)
