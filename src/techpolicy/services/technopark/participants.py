"""The list of technopark participants (paragraphs 20-21; "қатысушылар тізімі"), declared as a public
register: what paragraph 21 publishes, and the decisions that enter (p.20), change (p.9-1 activity
types, p.36 extension) and remove (p.41 early termination) a participant. The generic register
facility (`casework.registers`) serves its page, export and API; this module adds only what is the
technopark's own: the names of the priority ICT activity types, and the list's reading for the
technopark's own API.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from techpolicy.casework.documents_pdf import activity_name
from techpolicy.casework.registers import (
    CERTIFICATE,
    CHANGE,
    CODES,
    CONTAINS,
    DATE,
    END,
    ENTER,
    STATUS,
    Basis,
    Column,
    Register,
    effective_status,
)
from techpolicy.casework.registers.queries import STATUSES, listing
from techpolicy.casework.registers.search import MAX_QUERY
from techpolicy.law.citation import Citation

from .law import activity_types

REGISTER = "technopark.participants"
ENTRY = Citation("001", "20")  # entry in the list once the certificate is issued
PUBLICATION = Citation("001", "21")  # the list is published on the technopark's web resource
ACTIVITY_CHANGE = Citation("001", "9-1")
EXTENSION = Citation("001", "36")
TERMINATION = Citation("001", "41")

__all__ = ["ACTIVITY_CHANGE", "ENTRY", "EXTENSION", "MAX_QUERY", "PARTICIPANTS", "REGISTER", "STATUSES",
           "TERMINATION", "activity_names", "effective_status", "participants"]


def activity_names(on: dt.date, lang: str) -> dict[str, str]:
    """The priority ICT activity types in force on `on`, by code, named in `lang`."""
    return {code: activity_name(entry, lang) for code, entry in activity_types(on).items()}


PARTICIPANTS = Register(
    key=REGISTER,
    title=_("List of technopark participants"),
    summary=_("Participants of the Astana Hub international technology park, published under paragraph 21 of "
              "the Rules of activity of the technopark."),
    columns=(
        Column("name", _("Name")),
        Column("bin", _("BIN")),
        Column("activity_types", _("Priority ICT activity types"), render=CODES, filter=CONTAINS,
               filter_label=_("Priority ICT activity type"), param="activity_type", names=activity_names),
        Column("valid_from", _("Participation from"), render=DATE),
        Column("valid_until", _("Participation until"), render=DATE),
        Column("certificate_number", _("Certificate"), render=CERTIFICATE),
        Column("status", _("Status"), render=STATUS),
    ),
    bases=(
        Basis(ENTER, ENTRY, "admission", _("entry in the list of participants")),
        Basis(CHANGE, ACTIVITY_CHANGE, "activity_change", _("change of the priority ICT activity types")),
        Basis(CHANGE, EXTENSION, "extension", _("extension of participation")),
        Basis(END, TERMINATION, "termination", _("early termination of participation")),
    ),
    publication=(PUBLICATION,),
    natural_key=("organisation",),
    found=ngettext_lazy("%(n)s participant found", "%(n)s participants found", "n"),
    empty=_("No participants match the search."),
)


def participants(params: Mapping[str, Any]) -> QuerySet:
    """Today's published rows matching `params` (q, status, activity_type), ordered by name."""
    return listing(PARTICIPANTS, params).rows
