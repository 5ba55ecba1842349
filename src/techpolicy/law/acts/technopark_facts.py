"""Facts of the Astana Hub technopark rules (act 001), validated before any rule reads them.

Every model forbids unknown fields, keeps shares and money as `Decimal` (never float), and
turns an impossible fact (a period that ends before it starts, shares summing over 100 %) into
a validation error naming the field. Which facts are legally *insufficient* (a missing document,
a blank business-plan item) is for the rules to say, with their citation.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

EntityKind = Literal[
    "state",
    "national_managing_holding",
    "national_holding",
    "national_company",
    "state_subsidiary",
    "legal_entity",
    "natural_person",
    "foreign_entity",
]
# Holders whose whole interest counts as state-owned under paragraph 7(4).
STATE_KINDS = frozenset(
    {
        "state",
        "national_managing_holding",
        "national_holding",
        "national_company",
        "state_subsidiary",
    }
)

Percent = Annotated[Decimal, Field(gt=0, le=100, description="per cent, 0 < share <= 100")]
Money = Annotated[Decimal, Field(ge=0, description="tenge")]
Code = Annotated[str, Field(min_length=1)]
Annex3Item = Annotated[int, Field(ge=1, le=15)]


class Facts(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- paragraph 7(4): ownership -----------------------------------------------------------------


class Shareholding(Facts):
    holder: str = Field(min_length=1, description="id of an entity listed in ownership.entities")
    share: Percent


def _at_most_100(holdings: list[Shareholding]) -> list[Shareholding]:
    total = sum((h.share for h in holdings), Decimal(0))
    if total > 100:
        raise ValueError(f"shareholdings sum to {total} %, more than 100 %")
    return holdings


class Entity(Facts):
    """A holder in the ownership graph (p.7(4)); `shareholders` are *its* owners."""

    id: str = Field(min_length=1)
    kind: EntityKind
    name: str = ""
    shareholders: list[Shareholding] = Field(default_factory=list)

    @field_validator("shareholders")
    @classmethod
    def _shares(cls, value: list[Shareholding]) -> list[Shareholding]:
        return _at_most_100(value)


class Ownership(Facts):
    """Direct owners of the applicant and every entity further up the chains (p.7(4))."""

    shareholders: list[Shareholding] = Field(min_length=1)
    entities: list[Entity] = Field(default_factory=list)

    @field_validator("shareholders")
    @classmethod
    def _shares(cls, value: list[Shareholding]) -> list[Shareholding]:
        return _at_most_100(value)


# --- paragraph 7: the applicant ---------------------------------------------------------------


class Applicant(Facts):
    name: str = Field(min_length=1)
    bin: str | None = Field(default=None, pattern=r"^\d{12}$", description="business id, 12 digits")
    legal_form: Literal["legal_entity", "individual_entrepreneur", "natural_person"]  # p.7(1)
    resident: bool
    has_branches_other_than_representative_offices: bool  # p.7(2)
    implements_investment_priority_project: bool  # p.7(3), Entrepreneurial Code art. 284
    implemented_investment_strategic_project_pre_2015: bool  # p.7(3)
    subsoil_user: bool  # p.7(5)
    sez_participant: bool  # p.7(5)
    excise_payer: bool  # p.7(6), Tax Code art. 461
    activity_types: list[Code] = Field(
        min_length=1, description="codes of the priority ICT activity types applied for (p.7(7))"
    )


# --- paragraph 9 and Annex 3: documents --------------------------------------------------------


class Project(Facts):
    activity_type: Code
    items: dict[Annex3Item, str] = Field(
        default_factory=dict, description="Annex 3 item number (1-15) -> the text given"
    )


class BusinessPlan(Facts):
    projects: list[Project] = Field(default_factory=list)


class TaxDebtInfo(Facts):
    """Information on (the absence of) debts recorded by the tax authorities (p.9(3), p.48(7))."""

    issued_on: dt.date
    debt_kzt: Money


class PlaceOfActivity(Facts):
    kind: Literal["lease", "free_use", "trust_management", "notarised_consent"]
    provided: bool


class PlannedStaff(Facts):
    residents: int = Field(ge=0)
    non_residents: int = Field(ge=0)
    period_from: dt.date
    period_to: dt.date

    @field_validator("period_to")
    @classmethod
    def _ordered(cls, value: dt.date, info: ValidationInfo) -> dt.date:
        start = info.data.get("period_from")
        if start is not None and value < start:
            raise ValueError(f"period_to ({value}) is before period_from ({start})")
        return value


class Documents(Facts):
    registration_certificate: bool  # lead-in of p.9, resident legal entities
    representative_appointed: bool  # p.9(1)
    authority_documents: bool  # p.9(1)
    business_plan: BusinessPlan  # p.9(2), Annex 3
    tax_debt: TaxDebtInfo | None = Field(description="p.9(3); null when not attached")
    place_of_activity: PlaceOfActivity  # p.9(4)
    planned_staff: PlannedStaff | None = Field(description="p.9(5); null when not attached")


class TechnoparkFacts(Facts):
    """An application to register as a participant of the Astana Hub technopark (p.7, p.9)."""

    application_date: dt.date
    applicant: Applicant
    ownership: Ownership
    documents: Documents


# --- later procedures --------------------------------------------------------------------------


class ActivityChangeFacts(Facts):
    """A participant's application to change or add activity types (p.9-1)."""

    received_on: dt.date
    current_activity_types: list[Code] = Field(default_factory=list)
    new_activity_types: list[Code] = Field(min_length=1)
    business_plan: BusinessPlan | None = Field(description="null when not attached")


class CommissionMemberFacts(Facts):
    """A member of the selection commission (p.13) — "іріктеу жөніндегі комиссия"."""

    name: str = Field(min_length=1)
    state_body_representative: bool
    it_qualified: bool = Field(description="has the appropriate qualification in IT")
    ict_experience_years: Decimal = Field(ge=0)
    international_expert: bool


class CommissionFacts(Facts):
    members: list[CommissionMemberFacts] = Field(min_length=1)


_GROUND = re.compile(r"^(?:39\()?(\d{1,2})\)?$")


class EarlyTerminationFacts(Facts):
    """Grounds of paragraph 39 (not in the seed) given for early termination (p.41)."""

    grounds: list[str] = Field(min_length=1, description='sub-paragraphs of p.39, e.g. "39(1)"')

    @field_validator("grounds")
    @classmethod
    def _normalise(cls, value: list[str]) -> list[str]:
        normalised = []
        for ground in value:
            match = _GROUND.match(ground.strip())
            if not match:
                raise ValueError(f'{ground!r} is not a sub-paragraph of paragraph 39 like "39(1)"')
            normalised.append(f"39({int(match.group(1))})")
        return normalised


class ExtensionFacts(Facts):
    """An application to extend participation (p.36)."""

    filed_on: dt.date
    participation_end: dt.date


class ServiceProject(Facts):  # p.48(1)
    name: str
    direction: str
    description: str
    expected_results: str


class Contacts(Facts):  # p.48(2)
    phone: str
    email: str
    city: str
    country: str


class Readiness(Facts):  # p.48(3)
    stage: str
    technologies: str
    problem: str
    business_model: str
    lifetime: str


class Team(Facts):  # p.48(4)
    participants: int = Field(ge=0)
    involvement: str


class Needs(Facts):  # p.48(6)
    needs: str
    expected_from_technopark: str


class ServicesApplicationFacts(Facts):
    """An electronic application for the technopark's services (p.48)."""

    application_date: dt.date
    project: ServiceProject
    contacts: Contacts
    readiness: Readiness
    team: Team
    presentation_url: str  # p.48(5)
    needs: Needs
    registered_taxpayer: bool = Field(description="registered under Tax Code art. 74 (p.48(7))")
    tax_debt: TaxDebtInfo | None = Field(description="p.48(7); null when not attached")
