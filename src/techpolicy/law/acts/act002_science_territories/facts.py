"""Facts of the pre-assessments of act 002, section 5: a settlement proposed for science-city status
(criteria 1-4, l.986-994, and the agreements of l.982) and a budget funding of a science-technology
park's management company (l.968).

Criterion 1 counts the scientific workers (ғылыми қызметкерлер) of accredited organisations, not
their whole staff (l.1032, digest erratum DE-002-3): each organisation gives both, and a count of
scientific workers above its staff is invalid input. Every list and string is bounded; shares are
exact decimals, never floats.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

MAX_NAME = 500
MAX_ORGANISATIONS = 2_000
MAX_EVIDENCE = 100
MAX_PEOPLE = 100_000_000  # above the country's population: a ceiling, not law

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_NAME)]
Code = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$")]
People = Annotated[int, Field(ge=0, le=MAX_PEOPLE)]
Percent = Annotated[Decimal, Field(ge=0, le=100, max_digits=7, decimal_places=4)]


class Facts(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Settlement(Facts):
    """The settlement (елді мекен) the status would be given to (l.980)."""

    name: Name
    region: Name
    kato_code: Code | None = None


class EmployedPopulation(Facts):
    """The settlement's employed population (жұмысқа орналастырылған халқы, l.1032): the source does
    not say where the figure comes from (`sct.science_city.population_source_rule`), so the facts
    name the source and the date of the figure, and the verdict shows them."""

    count: Annotated[int, Field(ge=1, le=MAX_PEOPLE)]
    source: Name
    as_of: dt.date


class Organisation(Facts):
    """A subject of scientific and/or scientific-technical activity in the settlement."""

    name: Name
    accredited: bool
    accreditation_certificate: Name | None = None
    staff: People = Field(description="all employees")
    scientific_workers: People = Field(description="scientific workers (ғылыми қызметкерлер) among the staff")
    science_intensive_products: bool = Field(
        default=False, description="develops and produces domestic science-concentration products (criterion 3)")
    priority_direction: Code | None = Field(
        default=None, description="code of its direction on the HSTC list of priority scientific directions")

    @model_validator(mode="after")
    def _workers_among_staff(self) -> Organisation:
        if self.scientific_workers > self.staff:
            raise ValueError("scientific_workers cannot exceed staff")
        return self


class Evidence(Facts):
    """A criterion without a threshold (2 and 4): whether it is met and what shows it."""

    present: bool
    evidence: list[Name] = Field(default_factory=list, max_length=MAX_EVIDENCE)


class Agreement(Facts):
    """The agreement of a body with the proposal of the authorized body in the field of science (l.982)."""

    body: Name
    agreed: bool
    on: dt.date | None = None


class ScienceCityFacts(Facts):
    """A settlement proposed for science-city status, as the pre-assessment reads it."""

    checked_on: dt.date
    settlement: Settlement
    employed_population: EmployedPopulation
    organisations: list[Organisation] = Field(max_length=MAX_ORGANISATIONS)
    infrastructure: Evidence
    clusters_and_investment: Evidence
    sectoral_body_agreement: Agreement | None = None
    local_executive_body_agreement: Agreement | None = None


# l.968: the management company's sources of financing in the mixed model.
FundingSource = Literal["service_income", "infrastructure_rent", "borrowed_funds", "charter_capital", "budget"]


class Park(Facts):
    name: Name
    state_share_percent: Percent = Field(description="the state's participation in the park, per cent")


class ParkFundingFacts(Facts):
    """A funding of a science-technology park's management company by one source of l.968."""

    checked_on: dt.date
    park: Park
    management_company: Name
    source: FundingSource
