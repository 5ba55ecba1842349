"""How an initiative to designate a competence centre reads on its case page
(casework.kit.presentation): the initiator (p.18), sector, direction and state body (p.17(1),
p.19), experience, staff competences (p.17(2)), own funds and material base (p.17(3)) and the
sources of financing (p.22), labelled by the initiative form's own fields."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from techpolicy.casework.kit.presentation import Presentation, Section

from . import forms, workflows
from .vocabulary import direction_label, sector_label

INITIATIVE = Presentation(
    workflows=(workflows.DESIGNATION.id,),
    bundle=forms.INITIATIVE,
    sections=(
        Section(forms.SECTIONS[0][1], "organisation", form="candidate"),
        Section(forms.SECTIONS[1][1], "", form="designation", keys=("sector", "direction", "state_body"),
                fields={"sector": _("Sector")},
                show={"sector": lambda code: sector_label(code), "direction": lambda code: direction_label(code)}),
        Section(forms.SECTIONS[2][1], "experience", form="experience"),
        Section(forms.SECTIONS[3][1], "staff", kind="table", form="staff"),
        Section(_("Own funds (p.17(3))"), "own_funds", form="resources",
                fields={"available": "own_funds"}),
        Section(_("Material-technical base (p.17(3))"), "material_base", form="resources",
                fields={"available": "material_base", "description": "base_description"}),
        Section(forms.SECTIONS[5][1], "funding_sources", kind="table", form="funding"),
    ),
)
