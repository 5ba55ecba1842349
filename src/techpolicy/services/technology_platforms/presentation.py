"""How a proposal to organise a technology platform reads on its case page
(casework.kit.presentation): the proposer and the platform (p.27), its coordinator with the
criteria of p.25-26 and the memoranda of p.25(3), the planned participants (p.23) and the funding
sources (p.30), labelled by the proposal form's own fields."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from techpolicy.casework.kit.presentation import Presentation, Section
from techpolicy.services.competence_centres.vocabulary import direction_label, sector_label

from . import forms, workflows

PROPOSAL = Presentation(
    workflows=(workflows.ORGANISATION.id,),
    # The directions the proposer supervises are the form's choices: the case's organisation's.
    bundle=lambda case: forms.ProposalForms(case.organisation),
    sections=(
        Section(_("The platform (p. 27)"), "proposal", form="proposal", skip=("coordinator",),
                fields={"proposer": _("Proposed by"), "proposer_kind": _("The proposer is"),
                        "supervised_directions": _("Directions the proposer supervises"),
                        "sector": _("Sector")},
                show={"sector": lambda code: sector_label(code), "direction": lambda code: direction_label(code),
                      "supervised_directions": lambda codes: ", ".join(direction_label(c) for c in codes or ()),
                      "proposer_kind": lambda kind: str(PROPOSER_KINDS.get(kind, kind))}),
        Section(_("Coordinator (p. 25-27)"), "proposal.coordinator", form="coordinator", skip=("memoranda",),
                fields={"organisation": _("Coordinator"), "organisation.name": "name", "organisation.bin": "bin",
                        "organisation.kind": "kind", "material_base": _("Material-technical base (p. 25(4))"),
                        "material_base.available": "material_base",
                        "material_base.description": "material_base_description"}),
        Section(_("Memoranda with key leaders of the direction (p. 25(3))"), "proposal.coordinator.memoranda",
                kind="table", form="memoranda", fields={"counterparty": _("Counterparty")}),
        Section(_("Planned participants (p. 23)"), "planned_participants", kind="table", form="participants",
                fields={"name": _("Participant")}),
        Section(_("Funding sources (p. 30)"), "funding_sources", kind="table", form="funding"),
    ),
)

PROPOSER_KINDS = {"state_body": _("a state body"), "local_executive_body": _("a local executive body"),
                  "other": _("another organisation")}
