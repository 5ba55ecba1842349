"""Facts of the Astana Hub technopark rules (act 001), validated before any rule reads them.

Every model forbids unknown fields, keeps shares and money as `Decimal` (never float), and
turns an impossible fact (a period that ends before it starts, shares summing over 100 %) into
a validation error naming the field. Which facts are legally *insufficient* (a missing document,
a blank business-plan item) is for the rules to say, with their citation.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_DOWN, Decimal, localcontext
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, computed_field, field_validator

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

# --- input bounds --------------------------------------------------------------------------------
# Sizes an application can reach at all, so that oversized input is refused while it is read,
# before any rule works on it. They are generous ceilings, not law; the ownership graph has
# tighter limits that are system settings (`ownership.OwnershipLimits`, checked after reading).
MAX_ENTITIES = 10_000  # ceiling of ownership.entities; the system limit (default 1000) is lower
MAX_SHAREHOLDERS = 200  # holdings of one entity, or direct shareholders of the applicant
MAX_SHARE_DECIMALS = 10  # a share of 33.3333333333 % is fine; 1E-100000 % is not a share
MAX_ACTIVITY_TYPES = 100
MAX_PROJECTS = 50  # the web form stops adding project blocks at 50 as well
MAX_LIST = 100  # commission members, grounds of termination
MAX_ID = 200  # an entity's id and name; the web form's holder names are at most 200 characters
MAX_NAME = 500
MAX_SHORT_TEXT = 1_000  # contacts, stage names, URLs
MAX_TEXT = 20_000  # one Annex 3 item or answer of the application for services, about ten pages

Percent = Annotated[
    Decimal,
    Field(gt=0, le=100, decimal_places=MAX_SHARE_DECIMALS, description="per cent, 0 < share <= 100"),
]
Money = Annotated[Decimal, Field(ge=0, max_digits=20, description="tenge")]
Code = Annotated[str, Field(min_length=1, max_length=40)]
Annex3Item = Annotated[int, Field(ge=1, le=15)]
Name = Annotated[str, Field(max_length=MAX_NAME)]
ShortText = Annotated[str, Field(max_length=MAX_SHORT_TEXT)]
Text = Annotated[str, Field(max_length=MAX_TEXT)]


class Facts(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- paragraph 7(4): ownership -----------------------------------------------------------------


class Shareholding(Facts):
    holder: str = Field(min_length=1, max_length=MAX_ID, description="id of an entity listed in ownership.entities")
    share: Percent


def _at_most_100(holdings: list[Shareholding]) -> list[Shareholding]:
    total = sum((h.share for h in holdings), Decimal(0))
    if total > 100:
        raise ValueError(f"shareholdings sum to {total} %, more than 100 %")
    return holdings


class Entity(Facts):
    """A holder in the ownership graph (p.7(4)); `shareholders` are *its* owners."""

    id: str = Field(min_length=1, max_length=MAX_ID)
    kind: EntityKind
    name: str = Field("", max_length=MAX_ID)
    shareholders: list[Shareholding] = Field(default_factory=list, max_length=MAX_SHAREHOLDERS)

    @field_validator("shareholders")
    @classmethod
    def _shares(cls, value: list[Shareholding]) -> list[Shareholding]:
        return _at_most_100(value)


class Ownership(Facts):
    """Direct owners of the applicant and every entity further up the chains (p.7(4))."""

    shareholders: list[Shareholding] = Field(min_length=1, max_length=MAX_SHAREHOLDERS)
    entities: list[Entity] = Field(default_factory=list, max_length=MAX_ENTITIES)

    @field_validator("shareholders")
    @classmethod
    def _shares(cls, value: list[Shareholding]) -> list[Shareholding]:
        return _at_most_100(value)

    # A derived fact: the state share is a sum over the chains of the ownership graph, which no
    # column expression computes. It is cut (towards zero) to the decimals of a fact column, which
    # keeps its comparison with a threshold of at most as many decimals exact: share < threshold
    # exactly when the cut share < threshold.
    @computed_field(repr=False)  # type: ignore[prop-decorator]
    @property
    def state_share(self) -> Decimal:
        """Per cent of the applicant held directly or indirectly by state-kind holders (p.7(4)),
        cut to `columnar.SCALE` decimals. Raises `InvalidFacts` for a graph with a loop or an
        unlisted holder (a procedure validates the graph before any rule reads it)."""
        from ...columnar import SCALE
        from .ownership import state_share_total

        with localcontext() as exact:
            exact.prec = 40  # a share is at most 100: 3 digits before the point, SCALE after
            return state_share_total(self).quantize(Decimal(1).scaleb(-SCALE), rounding=ROUND_DOWN)


# --- paragraph 7: the applicant ---------------------------------------------------------------


class Applicant(Facts):
    name: str = Field(min_length=1, max_length=MAX_NAME)
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
        min_length=1,
        max_length=MAX_ACTIVITY_TYPES,
        description="codes of the priority ICT activity types applied for (p.7(7))",
    )


# --- paragraph 9 and Annex 3: documents --------------------------------------------------------


class Project(Facts):
    activity_type: Code
    items: dict[Annex3Item, Text] = Field(
        default_factory=dict, description="Annex 3 item number (1-15) -> the text given"
    )


class BusinessPlan(Facts):
    projects: list[Project] = Field(default_factory=list, max_length=MAX_PROJECTS)


class TaxDebtInfo(Facts):
    """Information on (the absence of) debts recorded by the tax authorities (p.9(3), p.48(7))."""

    issued_on: dt.date
    debt_kzt: Money


class PlaceOfActivity(Facts):
    kind: Literal["lease", "free_use", "trust_management", "notarised_consent"]
    provided: bool


class PlannedStaff(Facts):
    residents: int = Field(ge=0, le=10_000_000)
    non_residents: int = Field(ge=0, le=10_000_000)
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
    current_activity_types: list[Code] = Field(default_factory=list, max_length=MAX_ACTIVITY_TYPES)
    new_activity_types: list[Code] = Field(min_length=1, max_length=MAX_ACTIVITY_TYPES)
    business_plan: BusinessPlan | None = Field(description="null when not attached")


class CommissionMemberFacts(Facts):
    """A member of the selection commission (p.13) — "іріктеу жөніндегі комиссия"."""

    name: str = Field(min_length=1, max_length=MAX_NAME)
    state_body_representative: bool
    it_qualified: bool = Field(description="has the appropriate qualification in IT")
    ict_experience_years: Decimal = Field(ge=0, le=100)
    international_expert: bool


class CommissionFacts(Facts):
    members: list[CommissionMemberFacts] = Field(min_length=1, max_length=MAX_LIST)


_GROUND = re.compile(r"^(?:39\()?(\d{1,2})\)?$")


class EarlyTerminationFacts(Facts):
    """Grounds of paragraph 39 (not in the seed) given for early termination (p.41)."""

    grounds: list[Annotated[str, Field(max_length=20)]] = Field(
        min_length=1, max_length=MAX_LIST, description='sub-paragraphs of p.39, e.g. "39(1)"'
    )

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
    name: Name
    direction: ShortText
    description: Text
    expected_results: Text


class Contacts(Facts):  # p.48(2)
    phone: ShortText
    email: ShortText
    city: ShortText
    country: ShortText


class Readiness(Facts):  # p.48(3)
    stage: ShortText
    technologies: Text
    problem: Text
    business_model: Text
    lifetime: ShortText


class Team(Facts):  # p.48(4)
    participants: int = Field(ge=0, le=1_000_000)
    involvement: Text


class Needs(Facts):  # p.48(6)
    needs: Text
    expected_from_technopark: Text


class ServicesApplicationFacts(Facts):
    """An electronic application for the technopark's services (p.48)."""

    application_date: dt.date
    project: ServiceProject
    contacts: Contacts
    readiness: Readiness
    team: Team
    presentation_url: ShortText  # p.48(5)
    needs: Needs
    registered_taxpayer: bool = Field(description="registered under Tax Code art. 74 (p.48(7))")
    tax_debt: TaxDebtInfo | None = Field(description="p.48(7); null when not attached")
