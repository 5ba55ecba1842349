"""The register of designated sectoral technology competence centres (000.register, derived from
p.19-21), declared for the generic register facility (`casework.registers`): its page, export and
API serve it. Keyed by (sector, technology direction, centre), since p.21 allows several centres in
a sector for different directions; a second centre for the same pair is flagged for review
(reading R-A2), never refused.

Entered by the designation decision of a state body (p.20). The seed gives no ground for ending a
designation and no term (`tp.cc.designation_term` is not set), so no END basis is declared: an entry
cannot be removed by the system until the source gives one.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, override

from techpolicy.casework.registers import CODES, CONTAINS, DATE, ENTER, STATUS, Basis, Column, Register
from techpolicy.law.citation import Citation

REGISTER_KEY = "competence-centres.designated"
DESIGNATION = Citation("000", "20")
DECISION_KIND = "designation"
SAME_PAIR = "R-A2"  # the review flag's code: the reading of p.21 it applies (shown on the register)


def sector_names(on: dt.date, lang: str) -> dict[str, str]:
    from .vocabulary import sector_names as names

    return names(lang)


def direction_names(on: dt.date, lang: str) -> dict[str, str]:
    from .vocabulary import direction_names as names

    return names(lang)


def review_names(on: dt.date, lang: str) -> dict[str, str]:
    with override(lang):
        return {SAME_PAIR: str(_("another centre is designated for the same sector and direction (p.21): "
                                 "for review"))}


DESIGNATED = Register(
    key=REGISTER_KEY,
    title=_("Register of designated sectoral technology competence centres"),
    summary=_("Competence centres designated by state bodies under paragraph 20 of the Methodology of "
              "technology forecasting, by sector and technology direction (paragraph 21)."),
    columns=(
        Column("sector", _("Sector"), render=CODES, filter=CONTAINS, names=sector_names),
        Column("direction", _("Technology direction"), render=CODES, filter=CONTAINS, names=direction_names),
        Column("name", _("Competence centre")),
        Column("bin", _("BIN")),
        Column("state_body", _("Designating state body"), searchable=True),
        Column("decision_number", _("Decision number"), searchable=True),
        Column("valid_from", _("Decision date"), render=DATE),
        Column("status", _("Status"), render=STATUS),
        Column("review", _("Review"), render=CODES, filter=CONTAINS, filter_label=_("Flagged for review"),
               names=review_names),
    ),
    bases=(Basis(ENTER, DESIGNATION, DECISION_KIND, _("designation as a competence centre")),),
    published_by_design=_("The Methodology imposes no duty to publish this register; the system publishes it "
                          "by design, so that anyone can see which centres are designated, by whom and on "
                          "which decision."),
    natural_key=("sector", "direction", "organisation"),
    found=ngettext_lazy("%(n)s competence centre found", "%(n)s competence centres found", "n"),
    empty=_("No competence centres match the search."),
    export_name="competence-centres",
)
