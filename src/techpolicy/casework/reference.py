"""The published way for other apps to replace a dated reference list (casework owns the table)."""

import datetime as dt
from collections.abc import Iterable, Mapping

from django.db import transaction

from .models import ReferenceItem


class ReferenceListError(ValueError):
    """A new version would start on or before the latest version already published."""

    def __init__(self, latest: dt.date):
        super().__init__(f"a version of this list is already in force from {latest.isoformat()}")
        self.latest = latest


@transaction.atomic
def publish_reference_list(
    list_key: str, items: Iterable[Mapping[str, str]], valid_from: dt.date, source: str
) -> list[ReferenceItem]:
    """Put a new version of a list in force from `valid_from`: the items in force then end the day
    before (`valid_until` is exclusive), earlier versions stay for questions "as of" a past date.

    `items` are mappings with `code`, `name_kk`, `name_ru`, `name_en`."""
    current = ReferenceItem.objects.select_for_update().filter(list_key=list_key)
    later = current.filter(valid_from__gte=valid_from).order_by("-valid_from").first()
    if later is not None:
        # History is never rewritten: a version can only follow the latest one.
        raise ReferenceListError(later.valid_from)
    current.exclude(valid_until__lte=valid_from).update(valid_until=valid_from)
    return ReferenceItem.objects.bulk_create(
        ReferenceItem(
            list_key=list_key,
            code=item["code"],
            name_kk=item["name_kk"],
            name_ru=item["name_ru"],
            name_en=item["name_en"],
            source=source,
            valid_from=valid_from,
        )
        for item in items
    )
