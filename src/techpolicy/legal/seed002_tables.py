"""Seed 002's reference tables (13.1 of the requirements), read from `seed002/tables.yaml`: Table 1
(technological level, l.119–342), Table 2 (regional science space 2024, l.493–782), the region
typology, the expected results 2035, the passport, the STP activity types and the infrastructure's
funding sources. The HSTC priorities, the science-city criteria and the salary supplements are the
law layer's (act002_science_territories, params/002.yaml).

Table 2 does not add up everywhere (DE-002-4): `per_worker_gaps()` and `sum_gaps()` report where,
with the seed's figure and the recomputed one; the data is kept as the seed gives it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Annotated, Literal

from pydantic import Field

from techpolicy.monitoring.common import Code, Model, Text, Year

from .seed002 import Line, Lines, SeedNumber, parse_number, read_data_file

# Tables (Table 1, Table 2, lists)


class Place(Model):
    """A country, region or city: its name as the seed writes it, and in English."""

    kk: Text
    en: Text


class Table1Row(Model):
    country: Place
    lines: Lines
    values: Annotated[dict[Year, SeedNumber | None], Field(min_length=4, max_length=4)]


class Table1Indicator(Model):
    code: Code
    name: Annotated[dict[Literal["kk", "en"], Text], Field(min_length=2)]
    unit: Text
    line: Line
    rows: Annotated[list[Table1Row], Field(min_length=6, max_length=6)]


class Table1(Model):
    title_kk: Text
    lines: Lines
    years: list[Year]
    source: Text
    source_line: Line
    indicators: Annotated[list[Table1Indicator], Field(min_length=3, max_length=3)]


class Column(Model):
    unit: Text
    line: Line


class Table2Row(Model):
    region: Place
    kind: Literal["country", "region", "city"]
    lines: Lines
    grp: SeedNumber
    rnd_expenditure: SeedNumber
    rnd_personnel: SeedNumber
    per_worker: SeedNumber
    researchers_per_million: SeedNumber


class Table2(Model):
    title_kk: Text
    year: Year
    lines: Lines
    columns: dict[Literal["grp", "rnd_expenditure", "rnd_personnel", "per_worker", "researchers_per_million"], Column]
    rows: Annotated[list[Table2Row], Field(min_length=21, max_length=21)]


class Member(Model):
    as_written: Text
    en: Text


class RegionType(Model):
    code: Code
    name: Annotated[dict[Literal["ru", "en"], Text], Field(min_length=2)]
    members: Annotated[list[Member], Field(min_length=1, max_length=20)]


class Typology(Model):
    line: Line
    types: Annotated[list[RegionType], Field(min_length=4, max_length=4)]
    untyped: list[dict[Literal["en"], Text]]


class ExpectedResult(Model):
    code: Code
    line: Line
    as_written: Text
    value: SeedNumber
    unit: Text
    base_year: Year | None = None
    base_value: SeedNumber | None = None
    name: Annotated[dict[Literal["kk", "en"], Text], Field(min_length=2)]


class ExpectedResults(Model):
    year: Year
    lines: Lines
    items: Annotated[list[ExpectedResult], Field(min_length=2, max_length=2)]


class PassportRow(Model):
    number: Annotated[int, Field(ge=1, le=5)]
    lines: Lines
    field: Literal["name", "basis", "developer", "implementers", "period"]
    value_kk: Text | Annotated[list[Text], Field(min_length=1, max_length=20)]


class Passport(Model):
    lines: Lines
    rows: Annotated[list[PassportRow], Field(min_length=5, max_length=5)]


class Listed(Model):
    """One item of a numbered list of the seed ("1) ..."), with its rule id where it is a criterion."""

    number: Annotated[int, Field(ge=1, le=20)]
    line: Line
    name: Annotated[dict[Literal["kk", "en"], Text], Field(min_length=2)]
    rule: Code | None = None


class NumberedList(Model):
    lines: Lines
    items: Annotated[list[Listed], Field(min_length=1, max_length=20)]


class FundingSourceEntry(Model):
    code: Literal["business_sector", "ppp", "extra_budgetary"]
    as_written: Text


class InfrastructureRow(Model):
    code: Code
    lines: Lines
    infrastructure: Annotated[dict[Literal["kk", "en"], Text], Field(min_length=2)]
    sources: Annotated[list[FundingSourceEntry], Field(min_length=1, max_length=5)]


class InfrastructureFunding(Model):
    lines: Lines
    rows: Annotated[list[InfrastructureRow], Field(min_length=5, max_length=5)]


class TablesFile(Model):
    act: Literal["002"]
    table1: Table1
    table2: Table2
    region_typology: Typology
    expected_results: ExpectedResults
    passport: Passport
    stp_activity_types: NumberedList
    infrastructure_funding: InfrastructureFunding


@cache
def tables_file() -> TablesFile:
    return TablesFile.model_validate(read_data_file("tables.yaml"))


class PerWorkerGap(Model):
    """A Table 2 row whose per-worker expenditure is not R&D expenditure / personnel."""

    region: str
    lines: list[int]
    given: Decimal
    recomputed: Decimal


def per_worker_gaps(table: Table2 | None = None) -> list[PerWorkerGap]:
    """Table 2 (l.493–782): expenditure (bn KZT) × 1000 / personnel, in mln KZT per worker, rounded
    half up to the decimals the seed gives; every row where it differs from the stated figure."""
    table = table or tables_file().table2
    gaps = []
    for row in table.rows:
        given = parse_number(row.per_worker)
        exact = parse_number(row.rnd_expenditure) * 1000 / parse_number(row.rnd_personnel)
        recomputed = exact.quantize(Decimal(1).scaleb(given.as_tuple().exponent), rounding=ROUND_HALF_UP)
        if recomputed != given:
            gaps.append(PerWorkerGap(region=row.region.kk, lines=row.lines, given=given, recomputed=recomputed))
    return gaps


class SumGap(Model):
    """A Table 2 column whose regions and cities do not add up to the country's row."""

    column: str
    stated: Decimal
    summed: Decimal


ADDITIVE_COLUMNS = ("grp", "rnd_expenditure", "rnd_personnel")  # per worker and per million are ratios


def sum_gaps(table: Table2 | None = None) -> list[SumGap]:
    """Table 2: the sum of the 17 regions and 3 cities against the country's row, per additive column."""
    table = table or tables_file().table2
    (country,) = [row for row in table.rows if row.kind == "country"]
    parts = [row for row in table.rows if row.kind != "country"]
    gaps = []
    for column in ADDITIVE_COLUMNS:
        stated = parse_number(getattr(country, column))
        summed = sum((parse_number(getattr(row, column)) for row in parts), Decimal(0))
        if summed != stated:
            gaps.append(SumGap(column=column, stated=stated, summed=summed))
    return gaps
