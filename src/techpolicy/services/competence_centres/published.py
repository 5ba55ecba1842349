"""What the competence-centre service publishes to other services (X.link.cc: the technology
platforms read it for p.23 and p.26, the targeted programmes for p.31). Other apps use only these
functions, never this app's tables.

Sectors and directions are codes of the vocabulary the authorized body maintains; `sector_label`
and `direction_label` name them.
"""

from __future__ import annotations

import datetime as dt
import json

from django.db import connection
from django.db.models import Q, QuerySet

from techpolicy.casework import law_context
from techpolicy.casework.models import RegisterEntry
from techpolicy.casework.registers import as_of

from .models import StateBodyProfile, SupervisedDirection
from .register import DESIGNATED, REGISTER_KEY
from .vocabulary import direction_label, direction_names, sector_label, sector_names

__all__ = [
    "DESIGNATED",
    "REGISTER_KEY",
    "designated_centre",
    "designated_centres",
    "direction_label",
    "direction_names",
    "entry_direction",
    "entry_sector",
    "is_state_body",
    "state_body_kind",
    "study_centres",
    "sector_label",
    "sector_names",
    "supervised_directions",
]

ACTIVE = RegisterEntry.STATUS_ACTIVE


def is_state_body(organisation) -> bool:
    """Whether the organisation is recorded as a state body or a local executive body (p.19, p.27)."""
    if organisation is None or getattr(organisation, "pk", None) is None:
        return False
    return StateBodyProfile.objects.filter(organisation=organisation).exists()


def state_body_kind(organisation) -> str | None:
    """"state_body", "local_executive_body", or None for an organisation that is neither."""
    if organisation is None or getattr(organisation, "pk", None) is None:
        return None
    return StateBodyProfile.objects.filter(organisation=organisation).values_list("kind", flat=True).first()


def supervised_directions(organisation, on: dt.date) -> list[tuple[str, str]]:
    """The (sector, direction) codes the state body or local executive body supervises on `on`
    (p.19, p.27); empty for any other organisation."""
    if organisation is None or getattr(organisation, "pk", None) is None:
        return []
    rows = (SupervisedDirection.objects.filter(body__organisation=organisation, valid_from__lte=on)
            .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))
            .values_list("direction__sector__code", "direction__code")
            .order_by("direction__sector__code", "direction__code").distinct())
    return list(rows)


def _first(value) -> str:
    return value[0] if isinstance(value, list | tuple) and value else (value or "")


def entry_sector(entry) -> str:
    """The sector code of a register entry (or of one of its history events)."""
    return _first((entry.data or {}).get("sector"))


def entry_direction(entry) -> str:
    """The technology direction code of a register entry (or of one of its history events)."""
    return _first((entry.data or {}).get("direction"))


def _in_sector(sector: str | None) -> Q:
    """Entries of one sector. The sector is kept as a one-code list, so that the generic register
    names it; SQLite reads the list as JSON text, so the code is matched with its quotes."""
    if not sector:
        return Q()
    if connection.features.supports_json_field_contains:
        return Q(data__sector__contains=[sector])
    return Q(data__sector__icontains=json.dumps(sector, ensure_ascii=False))


def designated_centres(on: dt.date | None = None, sector: str | None = None) -> QuerySet:
    """The register entries of the centres designated on `on` (today by default), optionally in one
    sector; ordered by name. Each entry's `data` holds sector, direction, state_body,
    decision_number, review; `organisation` is the centre."""
    today = law_context.today()
    if on is None or on >= today:
        current = (Q(valid_until__isnull=True) | Q(valid_until__gte=on or today))
        return (RegisterEntry.objects.filter(register=REGISTER_KEY, status=ACTIVE).filter(current)
                .filter(_in_sector(sector)).select_related("organisation").order_by("name", "pk"))
    standing = (as_of(REGISTER_KEY, on).filter(status=ACTIVE)
                .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on)).filter(_in_sector(sector)))
    return (RegisterEntry.objects.filter(pk__in=standing.values("entry_id"))
            .select_related("organisation").order_by("name", "pk"))


def designated_centre(organisation, sector: str | None = None, on: dt.date | None = None):
    """The register entry that designates `organisation` as a competence centre on `on` (today by
    default), in `sector` if given; None when it is not designated (p.23, p.26, p.31)."""
    if organisation is None or getattr(organisation, "pk", None) is None:
        return None
    return designated_centres(on, sector).filter(organisation=organisation).first()


def study_centres(study) -> QuerySet:
    """The register entries of the competence centres taking part in a forecast study (p.5)."""
    from .models import StudyParticipation

    ids = StudyParticipation.objects.filter(study=study).values("entry_id")
    return RegisterEntry.objects.filter(pk__in=ids).order_by("name", "pk")
