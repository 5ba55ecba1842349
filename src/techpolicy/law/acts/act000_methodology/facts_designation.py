"""Facts of the two designation questions of act 000: a sectoral technology competence centre
("салалық технологиялық құзырет орталығы", chapter 3) and the coordinator of organising a
technology platform ("технологиялық платформаларды ұйымдастыру үйлестірушісі", chapter 4).

Every model forbids unknown fields and bounds every list and string, so oversized input is
refused while it is read. A fact that cannot be true (activity that starts after the check, a
competence centre that is a natural person) is a validation error naming the field; a fact that
is legally insufficient (no memorandum, no commitments document) is for the rules to say.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator

# --- input bounds (generous ceilings, not law) ----------------------------------------------------
MAX_NAME = 500
MAX_REFERENCE = 1_000  # a document reference: number, date, register entry or URL
MAX_TEXT = 20_000
MAX_STAFF = 1_000
MAX_DIRECTIONS = 200  # directions one proposer supervises
MAX_MEMORANDA = 500
MAX_FUNDING_SOURCES = 50

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_NAME)]
Reference = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_REFERENCE)]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
Money = Annotated[Decimal, Field(ge=0, max_digits=20, decimal_places=2, description="tenge")]

# p.18 and p.26 name science organisations, higher and/or postgraduate education organisations,
# business associations and sector development institutions "including" (inclusive list) among
# legal entities; the last two kinds are not legal entities and are refused.
OrganisationKind = Literal[
    "science_org",
    "hei",
    "business_association",
    "development_institution",
    "other_legal_entity",
    "natural_person",
    "individual_entrepreneur",
]
LEGAL_ENTITY_KINDS = frozenset(
    {"science_org", "hei", "business_association", "development_institution", "other_legal_entity"}
)
# p.17(2), in the paragraph's order.
CompetenceArea = Literal["programme_documents", "analytical_studies", "technology_assessment", "technical_regulation"]
# p.19 and p.27: state bodies and local executive bodies submit proposals; "other" is a proposer
# the rules refuse (a ministry's subordinate organisation, a company), not invalid input.
ProposerKind = Literal["state_body", "local_executive_body", "other"]
# p.25(3): the key leaders of the direction the memoranda are concluded with.
CounterpartyKind = Literal["legal_entity", "hei", "science_org", "association"]


class Facts(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Organisation(Facts):
    """A candidate competence centre (p.18) or platform coordinator (p.26)."""

    name: Name
    bin: str | None = Field(default=None, pattern=r"^\d{12}$", description="business id, 12 digits")
    kind: OrganisationKind


class MaterialBase(Facts):
    """The material-technical base, including the necessary infrastructure (p.17(3), p.25(4))."""

    available: bool
    description: Text = ""


class FundingSource(Facts):
    """A source of financing (p.22, p.30): recorded, never a ground of refusal."""

    kind: Literal["own", "attracted"]
    description: Text = ""


class Proposal(Facts):
    """A proposal of a state body or local executive body to the authorized body (p.19, p.27)."""

    proposer: Name
    proposer_kind: ProposerKind
    supervised_directions: list[Name] = Field(
        min_length=1, max_length=MAX_DIRECTIONS, description="technology directions the proposer supervises"
    )
    submitted_on: dt.date | None = None


# --- chapter 3: a competence centre ----------------------------------------------------------------


class Experience(Facts):
    """When the organisation began its activity in the sector by the direction (p.17(1))."""

    started_on: dt.date
    evidence: Reference


class StaffMember(Facts):
    """An employee and the areas of p.17(2) in which the evidence shows their competence."""

    name: Name
    areas: list[CompetenceArea] = Field(min_length=1, max_length=4)
    evidence: Reference

    @field_validator("areas")
    @classmethod
    def _distinct(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("an area is listed twice")
        return value


class OwnFunds(Facts):
    available: bool
    amount_kzt: Money | None = None


class CompetenceCentreFacts(Facts):
    """An organisation's candidacy as a sectoral technology competence centre (p.17-19)."""

    organisation: Organisation
    sector: Name
    direction: Name  # the technology direction of the designation
    experience: Experience
    staff: list[StaffMember] = Field(default_factory=list, max_length=MAX_STAFF)
    own_funds: OwnFunds
    material_base: MaterialBase
    funding_sources: list[FundingSource] = Field(default_factory=list, max_length=MAX_FUNDING_SOURCES)
    proposal: Proposal | None = Field(default=None, description="p.19; null while the initiator applies alone")
    checked_on: dt.date = Field(description="date of the check; the law of this date applies")

    @field_validator("checked_on")
    @classmethod
    def _after_start(cls, value: dt.date, info: ValidationInfo) -> dt.date:
        experience = info.data.get("experience")
        if experience is not None and experience.started_on > value:
            raise ValueError(f"checked_on ({value}) is before experience.started_on ({experience.started_on})")
        return value


# --- chapter 4: a platform coordinator -------------------------------------------------------------


class Memorandum(Facts):
    """A cooperation agreement (memorandum) with a key leader of the direction (p.25(3))."""

    counterparty: Name
    kind: CounterpartyKind
    signed_on: dt.date
    reference: Reference | None = None


class Coordinator(Facts):
    """The coordinator a platform proposal names (p.27), with the facts of p.25 and p.26."""

    organisation: Organisation
    is_competence_centre: bool = Field(
        default=False, description="designated as a sectoral competence centre (filled from the register)"
    )
    competence_centre_entry: Reference | None = Field(default=None, description="the register entry, if any")
    competence_evidence: Reference | None = Field(
        default=None, description="p.25(1): technological competence and sector-specific knowledge"
    )
    interaction_started_on: dt.date = Field(
        description="p.25(2): when it began organising interaction with the direction's stakeholders"
    )
    interaction_evidence: Reference
    memoranda: list[Memorandum] = Field(default_factory=list, max_length=MAX_MEMORANDA)
    material_base: MaterialBase
    commitments_document: Reference | None = Field(
        default=None, description="p.25(5): the recorded commitments (form not set by the source)"
    )

    @field_validator("is_competence_centre")
    @classmethod
    def _centre_is_legal_entity(cls, value: bool, info: ValidationInfo) -> bool:
        organisation = info.data.get("organisation")
        if value and organisation is not None and organisation.kind not in LEGAL_ENTITY_KINDS:
            raise ValueError(f"a competence centre is a legal entity (p.18), not {organisation.kind}")
        return value


class PlatformProposal(Proposal):
    """A proposal to organise a technology platform; it must name its coordinator (p.27)."""

    sector: Name
    direction: Name
    platform_name: Name
    coordinator: Coordinator


class PlatformCoordinatorFacts(Facts):
    proposal: PlatformProposal
    funding_sources: list[FundingSource] = Field(default_factory=list, max_length=MAX_FUNDING_SOURCES)
    checked_on: dt.date = Field(description="date of the check; the law of this date applies")

    @field_validator("checked_on")
    @classmethod
    def _after_start(cls, value: dt.date, info: ValidationInfo) -> dt.date:
        proposal = info.data.get("proposal")
        started = proposal.coordinator.interaction_started_on if proposal is not None else None
        if started is not None and started > value:
            raise ValueError(f"checked_on ({value}) is before proposal.coordinator.interaction_started_on ({started})")
        return value
