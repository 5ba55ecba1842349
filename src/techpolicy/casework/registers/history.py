"""Questions about the past, answered from the entries' append-only history (`RegisterEvent`):
"was X on the register on date D, and on what basis?" (`entry_as_of`, `standing`) and "what did
the register hold on date D?" (`as_of`, a queryset the list's filters apply to unchanged).

The date asked about is the date changes took effect (`RegisterEvent.on`), not the date they were
written down: a decision recorded today that ends an entry today answers "on the register" for
yesterday.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import connection
from django.db.models import DateField, Exists, F, Func, OuterRef, Q, QuerySet

from techpolicy.law.citation import Citation

from ..models import RegisterEntry, RegisterEvent
from .declaration import Register

ACTIVE, EXPIRED = RegisterEntry.STATUS_ACTIVE, RegisterEntry.STATUS_EXPIRED


def _latest(events: QuerySet, on: dt.date) -> QuerySet:
    """Of `events`, the last one on or before `on` of each entry (ties on a day go to the later write)."""
    later = RegisterEvent.objects.filter(entry_id=OuterRef("entry_id"), on__lte=on).filter(
        Q(on__gt=OuterRef("on")) | Q(on=OuterRef("on"), pk__gt=OuterRef("pk")))
    return _on_or_before(events, on).filter(~Exists(later))


def _on_or_before(events: QuerySet, on: dt.date) -> QuerySet:
    """`events.filter(on__lte=on)`, on SQLite written as `+on <= ...` (the same comparison, SQLite's
    unary + changes no value) so that it uses no index of the date: without statistics (Django
    gathers none) SQLite would walk the dates and sort every state before giving the first page,
    instead of walking the list in its order (index register, name, entry)."""
    if connection.vendor != "sqlite":
        return events.filter(on__lte=on)
    return events.alias(on_unindexed=Func(F("on"), template="+%(expressions)s", output_field=DateField())).filter(
        on_unindexed__lte=on)


def as_of(register: Register | str, on: dt.date) -> QuerySet:
    """The state of every entry the register had entered by `on`, as it stood that day: one event per
    entry (removed entries included, with their status), filtered like the entries themselves."""
    key = register.key if isinstance(register, Register) else register
    return _latest(RegisterEvent.objects.filter(register=key), on)


def effective_status(status: str, valid_until: dt.date | None, on: dt.date) -> str:
    """An active entry whose period ended is shown as expired even before anyone marks it so."""
    if status == ACTIVE and valid_until is not None and valid_until < on:
        return EXPIRED
    return status


@dataclass(frozen=True)
class Standing:
    """Whether an entry was on its register on a date, and the event that decides it."""

    on: dt.date
    event: RegisterEvent | None  # None: not yet entered on that date

    @property
    def status(self) -> str:
        """"absent" before the entry; otherwise its status that day (active, expired, terminated)."""
        if self.event is None:
            return "absent"
        return effective_status(self.event.status, self.event.valid_until, self.on)

    @property
    def on_register(self) -> bool:
        return self.status == ACTIVE

    @property
    def basis(self) -> Citation | None:
        """The paragraph of the last change on or before the date."""
        return Citation.parse(self.event.citation) if self.event is not None else None

    @property
    def basis_on(self) -> dt.date | None:
        return self.event.on if self.event is not None else None

    @property
    def decision(self):
        return self.event.decision if self.event is not None else None


def entry_as_of(entry: RegisterEntry, on: dt.date) -> Standing:
    """Was `entry` on its register on `on`, and on what basis?"""
    event = _latest(RegisterEvent.objects.filter(entry=entry), on).select_related("decision").first()
    return Standing(on=on, event=event)


def standing(register: Register | str, key: str, on: dt.date) -> Standing:
    """The same question asked by natural key (e.g. an organisation's id): the entry with that key
    that stood best on `on` (on the register before any removed one)."""
    register_key = register.key if isinstance(register, Register) else register
    answers = [entry_as_of(entry, on) for entry in RegisterEntry.objects.filter(register=register_key, key=key)]
    answers = [a for a in answers if a.event is not None] or [Standing(on=on, event=None)]
    return max(answers, key=lambda a: (a.on_register, a.basis_on or dt.date.min))


def history(entry: RegisterEntry) -> QuerySet:
    """Every change of the entry, oldest first."""
    return entry.events.order_by("on", "pk").select_related("decision", "certificate")
