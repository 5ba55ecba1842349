"""The register of organised technology platforms, declared for the generic register facility
(`casework.registers`), whose page, export and API serve it.

Keyed by (sector, technology direction, platform): p.29 allows several platforms in a sector for
different technology directions. An entry is made by the decision that organises a platform after
the HSTC's consideration (p.27-28, reading R-B2). The seed gives no ground for ending or changing an
entry, so no END or CHANGE basis is declared. Sector and direction are codes of the competence-centre
service's vocabulary, each kept as a one-code list so the generic register names and filters them.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from techpolicy.casework.registers import CODES, CONTAINS, DATE, ENTER, STATUS, Basis, Column, Register
from techpolicy.law.citation import Citation
from techpolicy.services.competence_centres import published as centres

REGISTER_KEY = "technology-platforms.organised"
ORGANISATION = Citation("000", "27")  # the proposal the decision answers
HSTC_CONSIDERATION = Citation("000", "28")
DECISION_KIND = "organisation"


def sector_names(on: dt.date, lang: str) -> dict[str, str]:
    return centres.sector_names(lang)


def direction_names(on: dt.date, lang: str) -> dict[str, str]:
    return centres.direction_names(lang)


ORGANISED = Register(
    key=REGISTER_KEY,
    title=_("Register of technology platforms"),
    summary=_("Technology platforms organised on the proposal of state bodies and local executive bodies after "
              "the consideration of the Higher Scientific and Technical Commission (paragraphs 27-29 of the "
              "Methodology of technology forecasting), by sector and technology direction."),
    columns=(
        Column("name", _("Technology platform")),
        Column("sector", _("Sector"), render=CODES, filter=CONTAINS, names=sector_names),
        Column("direction", _("Technology direction"), render=CODES, filter=CONTAINS, names=direction_names),
        Column("coordinator", _("Coordinator"), searchable=True),
        Column("proposer", _("Proposed by"), searchable=True),
        Column("decision_number", _("Decision number"), searchable=True),
        Column("valid_from", _("Decision date"), render=DATE),
        Column("status", _("Status"), render=STATUS),
    ),
    bases=(Basis(ENTER, ORGANISATION, DECISION_KIND, _("organisation of the technology platform")),),
    published_by_design=_("The Methodology imposes no duty to publish this register; the system publishes it by "
                          "design, so that anyone can see which platforms are organised, who coordinates them and "
                          "on which decision."),
    natural_key=("sector", "direction", "name"),
    search_label=_("Platform, coordinator or decision"),
    found=ngettext_lazy("%(n)s technology platform found", "%(n)s technology platforms found", "n"),
    empty=_("No technology platforms match the search."),
    export_name="technology-platforms",
)
