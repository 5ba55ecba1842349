"""The law layer as administrators have extended it: shipped parameters and calendar plus the
entries kept in the database. Built per call (cheap), never cached across requests."""

import datetime as dt

from django.utils import timezone

from techpolicy.law.calendar import DayTransfer, WorkingCalendar
from techpolicy.law.citation import Citation
from techpolicy.law.parameters import Parameters, ParameterValue

from .models import DayTransferEntry, ParameterEntry, ReferenceItem


def parameters() -> Parameters:
    entries = [
        ParameterValue(
            name=e.name,
            start=e.start,
            value=e.value,
            citation=Citation("general", "", note=e.citation),
            source=e.citation,
            set_by="operator",
        )
        for e in ParameterEntry.objects.all()
    ]
    return Parameters.from_source().with_values(entries) if entries else Parameters.from_source()


def calendar() -> WorkingCalendar:
    return WorkingCalendar(
        DayTransfer(e.day, e.working, Citation("general", "", note=e.decree), e.decree)
        for e in DayTransferEntry.objects.all()
    )


def reference_list(list_key: str, on: dt.date | None = None) -> dict[str, dict]:
    """Items of a reference list in force on a date, keyed by code."""
    items = ReferenceItem.objects.filter(list_key=list_key)
    if on is not None:
        items = items.exclude(valid_from__gt=on).exclude(valid_until__lte=on)
    # Plain values, not model instances: every pre-check reads a list, and building the instances
    # cost more than the query.
    return {
        code: {"name": {"kk": kk, "ru": ru, "en": en}, "sample": sample, "source": source}
        for code, kk, ru, en, sample, source in items.order_by("list_key", "code").values_list(
            "code", "name_kk", "name_ru", "name_en", "sample", "source")
    }


def today() -> dt.date:
    """Today's date in Kazakhstan: deadlines are counted in local days."""
    return timezone.localdate()
