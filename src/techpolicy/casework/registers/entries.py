"""Entering, changing and removing register entries: the only writers of `RegisterEntry`. Each
helper checks the paragraph against the register's declaration, updates the entry's current state
with the basis of the change and appends the event with the state it leaves (`RegisterEvent`), in
one transaction, so the history always answers for the present too.

Workflow effects call them with the date the decision takes effect and the decision itself:

    entry = enter(PARTICIPANTS, on=today, citation="001 p.20", decision=admission, name=..., ...)
    change(entry, on=today, citation="001 p.36", decision=extension, valid_until=new_end)
    end(entry, on=today, citation="001 p.41", decision=termination, note={"grounds": [...]})
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from techpolicy.law.citation import Citation

from .. import law_context
from ..engine import WorkflowError
from ..models import Certificate, Decision, RegisterEntry, RegisterEvent
from ..steps import current_language
from .declaration import CHANGE, END, ENTER, Basis, Register, get
from .search import search_text, search_words

PUBLISHED = ("name", "bin", "data", "certificate", "valid_from", "valid_until", "status", "search_text",
             "search_words")
CHANGEABLE = frozenset({"name", "bin", "data", "certificate", "valid_from", "valid_until"})
ACTIVE, TERMINATED, EXPIRED = RegisterEntry.STATUS_ACTIVE, RegisterEntry.STATUS_TERMINATED, RegisterEntry.STATUS_EXPIRED


class DuplicateEntry(WorkflowError):
    """The register already holds a current entry with the same natural key; `existing` is it."""

    def __init__(self, existing: RegisterEntry, basis: Basis):
        self.existing = existing
        super().__init__(_("“%(name)s” is already on the register (%(citation)s); nothing was entered.")
                         % {"name": existing.name, "citation": basis.citation.text(current_language())})


def _register(register: Register | str) -> Register:
    return register if isinstance(register, Register) else get(register)


def _checked_data(register: Register, data: Mapping[str, Any] | None) -> dict[str, Any]:
    data = dict(data or {})
    unknown = sorted(set(data) - register.data_keys)
    if unknown:
        raise ValueError(f"register {register.key!r} publishes no columns {unknown}")
    return data


def _checked_date(on: dt.date, entry: RegisterEntry | None = None) -> None:
    # The current state is what is in force today: a change dated later would show before it
    # takes effect, one dated before the last change would reorder the history behind it.
    if on > law_context.today():
        raise ValueError("a register change is recorded on or after the date it takes effect")
    if entry is not None and entry.basis_on is not None and on < entry.basis_on:
        raise ValueError(f"the entry's last change took effect on {entry.basis_on}; a later one cannot precede it")


def _basis(register: Register, event: str, citation: Citation | str, decision: Decision | None) -> Basis:
    basis = register.basis(event, citation)
    if decision is not None and basis.decision_kind and decision.kind != basis.decision_kind:
        raise ValueError(f"{basis.citation.ref} is applied by a {basis.decision_kind!r} decision, "
                         f"not {decision.kind!r}")
    return basis


def natural_key(register: Register, values: Mapping[str, Any]) -> str:
    """The entry's natural key as text: its parts joined by "|" (an organisation or case by id)."""
    parts = []
    for name in register.natural_key:
        value = values.get(name)
        if name in ("organisation", "case") and value is not None and not isinstance(value, int | str):
            value = value.pk
        elif name not in values:
            value = (values.get("data") or {}).get(name)
        parts.append("" if value is None else str(value))
    return "|".join(parts)


def current(register: Register | str, key: str, on: dt.date | None = None):
    """The register's entries with natural key `key` that are current on `on` (today by default)."""
    register = _register(register)
    on = on or law_context.today()
    return RegisterEntry.objects.filter(register=register.key, key=key, status=ACTIVE).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=on))


def _record(entry: RegisterEntry, register: Register, kind: str, on: dt.date, basis: Basis,
            decision: Decision | None, note: Mapping[str, Any] | None) -> RegisterEntry:
    entry.search_text = search_text(register, entry.name, entry.bin, entry.data)
    entry.search_words = search_words(entry.search_text)
    entry.basis_citation, entry.basis_decision, entry.basis_on = basis.citation.ref, decision, on
    entry.save()
    RegisterEvent.objects.create(entry=entry, register=register.key, kind=kind, on=on, citation=basis.citation.ref,
                                 decision=decision, note=dict(note or {}),
                                 **{field: getattr(entry, field) for field in PUBLISHED})
    return entry


def enter(register: Register | str, *, on: dt.date, citation: Citation | str, name: str,
          decision: Decision | None = None, bin: str = "", data: Mapping[str, Any] | None = None,
          organisation=None, case=None, certificate: Certificate | None = None,
          valid_from: dt.date | None = None, valid_until: dt.date | None = None,
          note: Mapping[str, Any] | None = None) -> RegisterEntry:
    """Enter a new entry on `on` by a decision applying `citation` (one the register declares for
    entering). Raises DuplicateEntry when an entry with the same natural key is current that day."""
    register = _register(register)
    basis = _basis(register, ENTER, citation, decision)
    _checked_date(on)
    data = _checked_data(register, data)
    key = natural_key(register, {"organisation": organisation, "case": case, "name": name, "bin": bin,
                                 "data": data})
    with transaction.atomic():
        existing = current(register, key, on).first() if key.strip("|") else None
        if existing is not None:
            raise DuplicateEntry(existing, basis)
        entry = RegisterEntry(register=register.key, key=key, organisation=organisation, case=case,
                              certificate=certificate, name=name, bin=bin or "", data=data, entered_on=on,
                              valid_from=valid_from, valid_until=valid_until, status=ACTIVE)
        return _record(entry, register, RegisterEvent.ENTERED, on, basis, decision, note)


def change(entry: RegisterEntry, *, on: dt.date, citation: Citation | str, decision: Decision | None = None,
           note: Mapping[str, Any] | None = None, **changes: Any) -> RegisterEntry:
    """Change what an entry publishes (`changes`: name, bin, certificate, valid_from, valid_until, or
    `data` with the columns to replace) on `on` by a decision applying `citation`."""
    register = _register(entry.register)
    basis = _basis(register, CHANGE, citation, decision)
    unknown = sorted(set(changes) - CHANGEABLE)
    if unknown:
        raise ValueError(f"a register change cannot set {unknown}")
    if entry.status != ACTIVE:
        raise ValueError("an entry that was removed from the register is not changed")
    _checked_date(on, entry)
    if "data" in changes:
        changes["data"] = {**entry.data, **_checked_data(register, changes["data"])}
    with transaction.atomic():
        for field, value in changes.items():
            setattr(entry, field, value)
        return _record(entry, register, RegisterEvent.CHANGED, on, basis, decision, note)


def end(entry: RegisterEntry, *, on: dt.date, citation: Citation | str, decision: Decision | None = None,
        status: str = TERMINATED, note: Mapping[str, Any] | None = None) -> RegisterEntry:
    """Remove an entry from the register on `on` by a decision applying `citation`: terminated early
    (the default) or expired."""
    register = _register(entry.register)
    basis = _basis(register, END, citation, decision)
    if status not in (TERMINATED, EXPIRED):
        raise ValueError(f"an entry ends as terminated or expired, not {status!r}")
    if entry.status != ACTIVE:
        raise ValueError("the entry was already removed from the register")
    _checked_date(on, entry)
    with transaction.atomic():
        entry.status, entry.ended_on = status, on
        return _record(entry, register, RegisterEvent.ENDED, on, basis, decision, note)
