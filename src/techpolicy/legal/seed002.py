"""Seed 002's reference data (Government Resolution No. 1134 of 24.12.2025, the Concept of science
concentration territories 2026–2035), read from the files of `seed002/` beside this module and
handed out as the monitoring core's models.

* `indicators()`: the six target indicators of §6 (002.s6.i1–i6, l.1100–1110) as `indicators.Indicator`,
  each target set by act "002", its paragraph, in force from the Resolution's date (res. p.5, l.19).
* `plan_items()`: the 25 items of the action plan (002.s7.ap, l.1127–1615) as `obligations.Item`.
* `series_disagreements()`: where the action plan's copy of a series differs from §6's (002.s6.kpi).
* `seed002_tables`: the reference tables (Table 1, Table 2, lists) and Table 2's reported gaps.

Every entry of the files cites its seed lines; the tests check those lines against the seed. The
files ship with the package and are small; they are still read with a size bound and validated, so
that an edited file fails here with the field named instead of somewhere downstream.

The data files live in the directory `seed002/`, which has no `__init__.py`: an import of
`techpolicy.legal.seed002` finds this module (a module takes precedence over a namespace directory).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Annotated, Literal

import yaml
from pydantic import Field, model_validator

from techpolicy.monitoring.common import Code, Model, Names, Text, Year
from techpolicy.monitoring.indicators import Direction, Indicator, Kind, Target
from techpolicy.monitoring.obligations import Deadline, Executor, FundingSource, FundingVolume, Item
from techpolicy.monitoring.obligations import Funding as CoreFunding

ACT = "002"
MAX_FILE_BYTES = 1_000_000  # the three files are under 60 kB
SEED_LINES = 1809  # the seed's last line: a citation past it cites nothing
OWNER_KIND = "science_territories"
OWNER_REF = "002-concept-2026-2035"
FIRST_YEAR, LAST_YEAR = 2026, 2035  # passport item 5 (l.100–102)
PLAN_NAMES = Names(
    kk="Ғылымды шоғырландыру аумақтарын құрудың және дамытудың 2026 – 2035 жылдарға арналған тұжырымдамасы",
    ru="Концепция создания и развития территорий концентрации науки на 2026–2035 годы",
    en="Concept of creating and developing science concentration territories for 2026–2035",
)

Line = Annotated[int, Field(ge=1, le=SEED_LINES)]
Lines = Annotated[list[Line], Field(min_length=1, max_length=2)]
SeedNumber = Annotated[str, Field(pattern=r"^-?\d{1,3}(?: \d{3})*(?:,\d+)?$|^-?\d+(?:,\d+)?$", max_length=30)]


def parse_number(text: str) -> Decimal:
    """A number as the seed writes it: "134 251,9" → 134251.9, "-0,44" → -0.44."""
    if not re.fullmatch(r"-?\d[\d ]*(?:,\d+)?", text.strip()):
        raise ValueError(f"not a number as the seed writes one: {text!r}")
    return Decimal(text.strip().replace(" ", "").replace(",", "."))


def read_data_file(name: str) -> dict:
    path = resources.files("techpolicy.legal").joinpath("seed002").joinpath(name)
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        raise ValueError(f"seed002/{name} is larger than {MAX_FILE_BYTES} bytes")
    data = yaml.safe_load(raw.decode("utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"seed002/{name} is not a mapping")
    return data


# Indicators (§6 and the plan's copies)


class Series(Model):
    """One copy of a series as the seed states it: base year and value, each year's target."""

    lines: Lines
    base: Annotated[dict[Year, SeedNumber], Field(min_length=1, max_length=1)]
    targets: Annotated[dict[Year, SeedNumber], Field(min_length=1, max_length=50)]

    def values(self) -> dict[int, Decimal]:
        return {year: parse_number(v) for year, v in {**self.base, **self.targets}.items()}


class IndicatorEntry(Model):
    code: Code
    number: Annotated[int, Field(ge=1, le=6)]
    paragraph: Text
    plan_direction: Annotated[int, Field(ge=1, le=4)]
    name: Names
    key_words: Annotated[list[Text], Field(min_length=1, max_length=5)]
    unit: Text
    direction: Direction
    kind: Kind
    concept: Series  # §6, l.1100–1110: the series that sets the targets
    plan: Series  # the action plan's copy under its direction


class IndicatorFile(Model):
    act: Literal["002"]
    effective: dt.date
    effective_lines: Lines
    final_year: Year
    indicators: Annotated[list[IndicatorEntry], Field(min_length=6, max_length=6)]

    @model_validator(mode="after")
    def _unique(self) -> IndicatorFile:
        if len({i.code for i in self.indicators}) != len(self.indicators):
            raise ValueError("two indicators with one code")
        return self


@cache
def indicator_file() -> IndicatorFile:
    return IndicatorFile.model_validate(read_data_file("indicators.yaml"))


def _indicator(entry: IndicatorEntry, data: IndicatorFile) -> Indicator:
    (base_year, base_value), = entry.concept.base.items()
    targets = [Target(year=year, value=parse_number(value), stage="final" if year == data.final_year else "interim",
                      act=ACT, paragraph=entry.paragraph, effective=data.effective)
               for year, value in sorted(entry.concept.targets.items())]
    return Indicator(code=entry.code, name=entry.name, unit=entry.unit, direction=entry.direction, kind=entry.kind,
                     base_year=base_year, base_value=parse_number(base_value), targets=targets)


def indicators() -> list[Indicator]:
    """002.s6.i1–i6: the six indicators with the targets of §6 (the plan's copies are checked, not used)."""
    data = indicator_file()
    return [_indicator(entry, data) for entry in data.indicators]


class SeriesGap(Model):
    """A year where the plan's copy of a series differs from §6 (or is missing from one of them)."""

    indicator: str
    year: int
    concept: Decimal | None
    concept_lines: list[int]
    plan: Decimal | None
    plan_lines: list[int]


def series_disagreements(data: IndicatorFile | None = None) -> list[SeriesGap]:
    """002.s6.kpi: every year where the two copies of a series differ, by indicator and year."""
    data = data or indicator_file()
    gaps: list[SeriesGap] = []
    for entry in data.indicators:
        concept, plan = entry.concept.values(), entry.plan.values()
        for year in sorted(concept.keys() | plan.keys()):
            if concept.get(year) != plan.get(year):
                gaps.append(SeriesGap(indicator=entry.code, year=year, concept=concept.get(year),
                                      concept_lines=entry.concept.lines, plan=plan.get(year),
                                      plan_lines=entry.plan.lines))
    return gaps


# The action plan (§7)


class FundingEntry(Model):
    volume: FundingVolume
    source: FundingSource | None = None
    volume_text: Text  # the seed's words, looked for in the item's lines
    source_text: Text | None = None

    @model_validator(mode="after")
    def _source_with_text(self) -> FundingEntry:
        if (self.source is None) != (self.source_text is None):
            raise ValueError("a funding source goes with the seed's words for it")
        if (self.volume == "not_required") != (self.source is None):
            raise ValueError("funding that is not required has no source; any other has one")
        return self


class ExecutorEntry(Model):
    name: Text
    by_agreement: bool = False
    as_written: Text | None = None  # the seed's own spelling, when it differs from `name`


class PlanItem(Model):
    number: Code
    lines: Annotated[list[Line], Field(min_length=2, max_length=2)]
    plan_direction: Annotated[int, Field(ge=1, le=4)]
    indicators: Annotated[list[Code], Field(min_length=1, max_length=6)]
    name: Names
    form: Names
    deadline: Deadline
    deadline_text: Text
    executors: Annotated[list[ExecutorEntry], Field(min_length=1, max_length=20)]
    funding: FundingEntry


class PlanFile(Model):
    act: Literal["002"]
    items: Annotated[list[PlanItem], Field(min_length=25, max_length=25)]


@cache
def plan_file() -> PlanFile:
    return PlanFile.model_validate(read_data_file("action_plan.yaml"))


def plan_items() -> list[Item]:
    """002.s7.ap: the 25 items as the core's items. The completion form is the seed's Kazakh wording,
    the authoritative one (the file holds the Russian and English too)."""
    return [Item(number=entry.number, name=entry.name, form=entry.form.kk,
                 executors=[Executor(name=e.name, by_agreement=e.by_agreement) for e in entry.executors],
                 funding=CoreFunding(volume=entry.funding.volume, source=entry.funding.source),
                 deadline=entry.deadline, indicators=entry.indicators)
            for entry in plan_file().items]
