"""The technopark's law layer as the casework sees it: the activity-type list administrators
maintain, the system limits of the ownership graph and the date of the extension notice. The
procedures themselves are asked through `checks` (casework.kit.checks)."""

import datetime as dt

from django.conf import settings

from techpolicy.casework import law_context
from techpolicy.law.acts.act001_technopark import terms
from techpolicy.law.acts.act001_technopark.common import sample_activity_types
from techpolicy.law.acts.act001_technopark.facts import MAX_ENTITIES
from techpolicy.law.acts.act001_technopark.ownership import OwnershipLimits

ACTIVITY_TYPES = "technopark.activity_types"


def activity_types(on: dt.date | None = None) -> dict[str, dict]:
    """The priority ICT activity types in the database, or the shipped sample when none is loaded."""
    return law_context.reference_list(ACTIVITY_TYPES, on) or sample_activity_types()


def ownership_limits() -> OwnershipLimits:
    """The system limits of the ownership graph (settings TECHPOLICY_OWNERSHIP_MAX_ENTITIES and
    _MAX_DEPTH). The facts model reads at most `MAX_ENTITIES` entities whatever the setting says."""
    return OwnershipLimits(max_entities=min(settings.TECHPOLICY_OWNERSHIP_MAX_ENTITIES, MAX_ENTITIES),
                           max_depth=settings.TECHPOLICY_OWNERSHIP_MAX_DEPTH)


def extension_last_day(participation_end: dt.date):
    return terms.EXTENSION_NOTICE.due(participation_end, law_context.parameters(), law_context.calendar())
