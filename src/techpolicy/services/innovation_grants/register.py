"""The public register of innovation grants awarded (law 003 article 3(3)(1)-(2): equal access,
publicity and transparency of support; article 14(6): the operator ensures access to information on
the projects carried out), declared for the generic register facility (`casework.registers`): its
page, CSV/JSON export and API serve it. One entry per award, entered by the grant commission's
decision (article 27(1)); it publishes the recipient, the grant type, the direction, the amount and
the date, and nothing personal beyond the recipient's name."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from techpolicy.casework.registers import CODES, CONTAINS, DATE, ENTER, MONEY, STATUS, Basis, Column, Register
from techpolicy.law.acts.act003_state_support.grant_types import BY_ID, GRANT_TYPES
from techpolicy.law.citation import Citation

REGISTER_KEY = "innovation-grants.awards"
AWARD = Citation("003", "1", article="27")
DECISION_KIND = "award"


def type_code(type_id: str) -> str:
    """A grant type as the register shows and filters it: its sub-paragraph of article 27(2), "1" to
    "7" (the internal id is not for readers; the name stands beside the number)."""
    return BY_ID[type_id].citation.sub


def type_names(on: dt.date, lang: str) -> dict[str, str]:
    return {t.citation.sub: t.name[lang] for t in GRANT_TYPES}


def direction_names(on: dt.date, lang: str) -> dict[str, str]:
    from . import directions
    from .models import DirectionsVersion

    listed = directions.in_force(DirectionsVersion.PRIORITY_DIRECTIONS, on).items
    return {code: names.get(lang, code) for code, names in listed.items()}


AWARDS = Register(
    key=REGISTER_KEY,
    title=_("Register of innovation grants awarded"),
    summary=_("Innovation grants awarded under article 27 of the Law on state support of industrial-innovative "
              "activity: recipient, grant type, priority direction, amount and date of the award."),
    columns=(
        Column("name", _("Recipient")),
        Column("grant_type", _("Grant type (article 27(2))"), render=CODES, filter=CONTAINS, names=type_names),
        Column("direction", _("Priority direction"), render=CODES, filter=CONTAINS, names=direction_names),
        Column("amount", _("Amount of the grant"), render=MONEY),
        Column("call", _("Call"), searchable=True),
        Column("valid_from", _("Date of the award"), render=DATE),
        Column("status", _("Status"), render=STATUS),
    ),
    bases=(Basis(ENTER, AWARD, DECISION_KIND, _("award of an innovation grant")),),
    # Equal access and publicity and transparency of support (article 3(3)(1)-(2)); the operator gives
    # access to information on the projects carried out (article 14(6)).
    publication=(Citation("003", "3", "1", article="3"), Citation("003", "3", "2", article="3"),
                 Citation("003", "6", article="14")),
    natural_key=("case",),
    found=ngettext_lazy("%(n)s grant found", "%(n)s grants found", "n"),
    empty=_("No grants match the search."),
    export_name="innovation-grants",
)
