"""Dated parameters: every number the law sets, looked up by the date it applies to.

A parameter file (``params/<act>.yaml``) maps a parameter name to its description, unit, type and
a list of values, each with the date it takes effect and its own citation. Values are looked up
by date, never by year alone, because some (the MCI among them) have changed mid-year.

A value of ``null`` means the source document does not set it. Looking it up raises
`ParameterNotSet`, so no caller can silently invent a number; operators may set it later
through `Parameters.with_values` (the casework keeps such administrator entries in its database).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

import yaml

from .citation import Citation

_CONVERTERS = {
    "decimal": lambda v: Decimal(str(v)),
    "int": int,
    "bool": bool,
    "date": lambda v: v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v)),
    "text": str,
}


class ParameterError(LookupError):
    """Base of the lookup errors; carries the parameter name and date."""

    def __init__(self, name: str, on: dt.date, message: str):
        super().__init__(message)
        self.name = name
        self.on = on


class ParameterNotSet(ParameterError):
    """The source document does not set this value: nothing may be invented in its place."""


class ParameterNotInForce(ParameterError):
    """No value of the parameter is in force on the date asked for."""


@dataclass(frozen=True)
class ParameterValue:
    name: str
    start: dt.date
    value: Any
    citation: Citation
    source: str = ""
    unit: str = ""
    end: dt.date | None = None  # exclusive; None while no later value exists
    set_by: str = "source"  # "source" (the legal text) or "operator" (an administrator entry)

    @property
    def is_set(self) -> bool:
        return self.value is not None

    def as_dict(self, lang: str = "en") -> dict:
        value = self.value
        if isinstance(value, Decimal | dt.date):
            value = str(value)
        return {
            "name": self.name,
            "value": value,
            "unit": self.unit,
            "from": self.start.isoformat(),
            "until": self.end.isoformat() if self.end else None,
            "citation": self.citation.as_dict(lang),
            "source": self.source,
            "set_by": self.set_by,
        }


@dataclass(frozen=True)
class ParameterDefinition:
    name: str
    description: dict[str, str]
    unit: str
    type: str
    values: tuple[ParameterValue, ...] = field(default=())

    def value_on(self, on: dt.date) -> ParameterValue:
        current = None
        for candidate in self.values:  # kept sorted by start date
            if candidate.start <= on:
                current = candidate
        if current is None:
            raise ParameterNotInForce(self.name, on, f"parameter {self.name!r} has no value in force on {on}")
        if not current.is_set:
            raise ParameterNotSet(
                self.name, on, f"parameter {self.name!r} is not set by the source document ({current.citation.ref})"
            )
        return current


def _sorted_with_ends(values: Iterable[ParameterValue]) -> tuple[ParameterValue, ...]:
    ordered = sorted(values, key=lambda v: v.start)
    return tuple(
        replace(v, end=ordered[i + 1].start if i + 1 < len(ordered) else None)
        for i, v in enumerate(ordered)
    )


def _parse_file(act: str, data: dict) -> dict[str, ParameterDefinition]:
    definitions = {}
    for name, spec in data.items():
        kind = spec.get("type", "decimal")
        convert = _CONVERTERS[kind]
        values = []
        for entry in spec["values"]:
            citation = Citation.parse(entry.get("citation") or {"act": act, "paragraph": ""})
            raw = entry.get("value")
            values.append(
                ParameterValue(
                    name=name,
                    start=entry["from"],
                    value=None if raw is None else convert(raw),
                    citation=citation,
                    source=entry.get("source", ""),
                    unit=spec.get("unit", ""),
                )
            )
        definitions[name] = ParameterDefinition(
            name=name,
            description=spec.get("description", {}),
            unit=spec.get("unit", ""),
            type=kind,
            values=_sorted_with_ends(values),
        )
    return definitions


class Parameters:
    """An immutable set of parameter definitions; `with_values` returns a changed copy."""

    def __init__(self, definitions: dict[str, ParameterDefinition]):
        self._definitions = definitions

    @classmethod
    @cache
    def from_source(cls) -> Parameters:
        """The parameters as the legal documents set them (the shipped YAML files)."""
        definitions: dict[str, ParameterDefinition] = {}
        for entry in sorted(resources.files("techpolicy.law").joinpath("params").iterdir(), key=str):
            if entry.name.endswith(".yaml"):
                act = entry.name.removesuffix(".yaml")
                definitions.update(_parse_file(act, yaml.safe_load(entry.read_text("utf-8")) or {}))
        return cls(definitions)

    def names(self) -> list[str]:
        return sorted(self._definitions)

    def fingerprint(self) -> tuple:
        """What the values are, as a key: two objects with the same values have the same one (the
        rules compiled under one serve the other)."""
        found = self.__dict__.get("_fingerprint")
        if found is None:
            found = self.__dict__["_fingerprint"] = tuple(
                (name, tuple((v.start, repr(v.value), v.set_by) for v in d.values))
                for name, d in sorted(self._definitions.items()))
        return found

    def definition(self, name: str) -> ParameterDefinition:
        try:
            return self._definitions[name]
        except KeyError:
            raise KeyError(f"unknown parameter {name!r}") from None

    def get_citation(self, name: str) -> Citation:
        """The citation of the parameter's latest value (used for operator entries)."""
        values = self.definition(name).values
        return values[-1].citation if values else Citation("general", "")

    def get(self, name: str, on: dt.date) -> ParameterValue:
        return self.definition(name).value_on(on)

    def value(self, name: str, on: dt.date) -> Any:
        return self.get(name, on).value

    def with_values(self, entries: Iterable[ParameterValue]) -> Parameters:
        """A copy with extra dated values (administrator entries or what-if reforms).

        An entry with the same start date as an existing value replaces it.
        """
        definitions = dict(self._definitions)
        for entry in entries:
            base = self.definition(entry.name)
            convert = _CONVERTERS[base.type]
            entry = replace(
                entry,
                unit=base.unit,
                value=None if entry.value is None else convert(entry.value),
            )
            kept = [v for v in definitions[entry.name].values if v.start != entry.start]
            definitions[entry.name] = replace(base, values=_sorted_with_ends([*kept, entry]))
        return Parameters(definitions)
