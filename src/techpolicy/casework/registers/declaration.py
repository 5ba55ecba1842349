"""A public register declared as data ("тізілім"): what it publishes (its columns), which decisions
and paragraphs enter, change and remove an entry, the paragraph that makes it public (or why it is
published when the source imposes no such duty), and the natural key of an entry.

A service lists its registers in `Service.registers`; `registers()` and `get()` find them there, so
the generic page, export and API serve every declared register without naming one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from techpolicy.law.citation import Citation

from .. import registry

# How a column is shown.
# MONEY: tenge kept as a decimal string in the entry's data, written with the unit in the page's language.
TEXT, DATE, CODES, STATUS, CERTIFICATE, MONEY = "text", "date", "codes", "status", "certificate", "money"
RENDERS = (TEXT, DATE, CODES, STATUS, CERTIFICATE, MONEY)
# Its filter: one code of a list of codes, or one value.
CONTAINS, EXACT = "contains", "exact"
# The columns every entry has; any other column key is a key of the entry's `data`.
ENTRY_COLUMNS = ("name", "bin", "valid_from", "valid_until", "status", "certificate_number")
# What can make up an entry's natural key besides its columns.
KEY_FIELDS = ("organisation", "case", "name", "bin")
# The events a decision can cause.
ENTER, CHANGE, END = "enter", "change", "end"

# Names of codes or choices on a date, in a language: {code: name}.
Names = Callable[[dt.date, str], dict[str, str]]


class UnknownRegister(KeyError):
    """No service declares a register with this key."""


class UndeclaredBasis(ValueError):
    """An entry was to be entered, changed or removed on a paragraph its register does not declare
    for that event: what a register records, and on what basis, is part of its declaration."""


@dataclass(frozen=True)
class Column:
    """One published column: `key` is an entry column (ENTRY_COLUMNS) or a key of the entry's data."""

    key: str
    label: Any  # lazy translation
    render: str = TEXT
    filter: str = ""  # "" (none), CONTAINS (list columns) or EXACT
    filter_label: Any = None  # the filter's label, when it differs from the column's
    param: str = ""  # the query parameter of the filter (default: the key)
    searchable: bool = False  # a data column whose text the search reads (name and BIN always are)
    names: Names | None = None  # names of the codes (CODES) or the filter's choices

    def __post_init__(self) -> None:
        if self.render not in RENDERS:
            raise ValueError(f"column {self.key!r}: unknown render {self.render!r}")
        if self.filter not in ("", CONTAINS, EXACT):
            raise ValueError(f"column {self.key!r}: unknown filter {self.filter!r}")

    @property
    def in_data(self) -> bool:
        return self.key not in ENTRY_COLUMNS

    @property
    def query_param(self) -> str:
        return self.param or self.key


@dataclass(frozen=True)
class Basis:
    """A decision that enters, changes or removes an entry (`event`), the paragraph it applies and
    the kind of `Decision` that records it."""

    event: str  # ENTER | CHANGE | END
    citation: Citation
    decision_kind: str = ""
    label: Any = ""  # what the change is, e.g. "extension of participation"

    def __post_init__(self) -> None:
        if self.event not in (ENTER, CHANGE, END):
            raise ValueError(f"unknown register event {self.event!r}")


@dataclass(frozen=True)
class Register:
    """A public register. `publication` cites the paragraph that obliges publication; where the
    source imposes none, `published_by_design` says why the system publishes it anyway."""

    key: str  # "<service>.<register>", stored in RegisterEntry.register
    title: Any
    summary: Any  # one sentence under the title
    columns: tuple[Column, ...]
    bases: tuple[Basis, ...]
    publication: tuple[Citation, ...] = ()
    published_by_design: Any = ""
    natural_key: tuple[str, ...] = ("organisation",)  # KEY_FIELDS or column keys
    search_label: Any = _("Name or BIN")
    found: Any = ngettext_lazy("%(n)s entry found", "%(n)s entries found", "n")
    empty: Any = _("No entries match the search.")
    export_name: str = ""  # stem of the export's file name (default: the key with dashes)

    def __post_init__(self) -> None:
        if not self.publication and not self.published_by_design:
            raise ValueError(f"register {self.key!r}: cite the duty to publish it or say why it is published")
        if not any(b.event == ENTER for b in self.bases):
            raise ValueError(f"register {self.key!r}: declare the decision that enters an entry")
        keys = {c.key for c in self.columns}
        unknown = [k for k in self.natural_key if k not in KEY_FIELDS and k not in keys]
        if unknown:
            raise ValueError(f"register {self.key!r}: natural key names unknown fields {unknown}")
        params = [c.query_param for c in self.filters]
        if len(params) != len(set(params)) or {"q", "status", "as_of", "page", "per_page"} & set(params):
            raise ValueError(f"register {self.key!r}: filter parameters must be unique and not reserved")

    @property
    def filters(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.filter)

    @property
    def data_keys(self) -> frozenset[str]:
        return frozenset(c.key for c in self.columns if c.in_data)

    @property
    def file_stem(self) -> str:
        return self.export_name or self.key.replace(".", "-")

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)

    def basis(self, event: str, citation: Citation | str) -> Basis:
        """The declared basis of `event` on `citation` (a Citation or its compact ref)."""
        ref = citation.ref if isinstance(citation, Citation) else str(citation)
        found = next((b for b in self.bases if b.event == event and b.citation.ref == ref), None)
        if found is None:
            declared = ", ".join(b.citation.ref for b in self.bases if b.event == event) or "none"
            raise UndeclaredBasis(f"register {self.key!r} declares no {event} on {ref} (declared: {declared})")
        return found

    def bases_for(self, event: str) -> tuple[Basis, ...]:
        return tuple(b for b in self.bases if b.event == event)


def registers() -> list[Register]:
    """Every register the declared services publish, in the services' order."""
    return [r for service in registry.services() for r in service.registers]


def get(key: str) -> Register:
    found = next((r for r in registers() if r.key == key), None)
    if found is None:
        raise UnknownRegister(key)
    return found
