"""Facts of the "Productivity 2020" programme (act 004), validated before any rule reads them.

Every model forbids unknown fields, keeps money as `Decimal` in tenge (never float), and names
the paragraph each fact serves. A fact that only some instruments need is optional in the model;
`require_instrument_facts` then refuses its absence for those instruments with an error naming
the field (a missing fact is never read as False).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from ...facts import InvalidFacts, objection

Instrument = Literal["1", "2a", "2b", "3a", "3b", "4a", "4b", "5a", "5b", "6", "7", "8"]
# The upper bound only rejects absurd input (e.g. 1e308) with the field named, before any arithmetic.
Money = Annotated[Decimal, Field(ge=0, le=Decimal("1e15"), description="tenge")]
# OKED (ЭҚЖЖ / ОКЭД): division "62", group "62.0", class "62.01", subclass "62.01.1".
OKED_PATTERN = r"^\d{2}(\.\d(\d(\.\d)?)?)?$"
Oked = Annotated[str, Field(pattern=OKED_PATTERN, description='OKED code, e.g. "62", "09.1", "62.01"')]
Id = Annotated[str, Field(min_length=1)]

CostKind = Literal[
    "cpip_development",  # 5.3 instrument 2, 1)
    "feasibility_study",  # 5.3 instrument 2, 2)
    "feasibility_expertise",  # 5.3 instrument 2, 2)
    "training_fee",  # 5.3 instrument 3, costs reimbursed 1): the provider's fee
    "travel",  # 5.3 instrument 3, costs reimbursed 2): one trip there and back
    "accommodation",  # 5.3 instrument 3, costs reimbursed 3)
    "per_diem",  # 5.3 instrument 3, costs reimbursed 3): excluded ("тәуліктік шығындардан басқа")
    "expert_fee",  # 5.3 instrument 3, 2): the foreign expert's fee (ЕТҚ)
    "technical_diagnostics",  # 5.3 instrument 4, 1)
    "technology_improvement",  # 5.3 instrument 4, 2): consulting, design, engineering firms
    "efficiency_plan_development",  # 5.3 instrument 5, 1)
    "efficiency_plan_implementation",  # 5.3 instrument 5, 2)
    "cluster_strategy",  # 5.3 instrument 7
    "cluster_strategy_implementation",  # 5.3 instrument 8
    "other",
]
PERSONAL_KINDS = frozenset({"travel", "accommodation", "per_diem"})

ExecutorService = Literal[
    "cpip",  # 5.2: CPIP for leasing
    "feasibility_study",  # 5.2: feasibility study of an industrialization-map project
    "feasibility_expertise",  # 5.2: its non-departmental expertise
    "training_education",  # 5.2: training by education and science organisations
    "training_specialised",  # 5.2: specialised organisations arranging internships or training
    "internship_host",  # 5.2: scientific-industrial or industrial enterprise hosting an internship
    "best_practice_expert",  # 5.2: introducing best production practice through experts
    "tech_improvement",  # 5.2: improving technological processes
    "efficiency",  # 5.2: raising production efficiency
    "other",  # instruments whose executors the seed sets no criteria for (7, 8)
]
Accreditation = Literal["accredited_expert_organisation", "certified_expert", "state_expert_organisation"]


class Facts(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Applicant(Facts):
    """The applicant ("өтінім беруші"): an entrepreneur applying for an instrument (section 2, 3))."""

    name: str = Field(min_length=1)
    bin: str | None = Field(default=None, pattern=r"^\d{12}$", description="business id, 12 digits")
    oked_codes: list[Oked] = Field(
        min_length=1, description="OKED codes of the activity carried out (5.1(2), 5.1(3); the Annex)"
    )
    activity_since: dt.date | None = Field(
        default=None,
        description="since when the activity under oked_codes is carried out (5.1(2) feasibility studies, "
        "5.1(3): at least 1 year); required for instruments 2b, 3a-5b",
    )
    enterprise_size: Literal["sme", "large"] | None = Field(
        default=None,
        description="small/medium or large enterprise (5.3 instrument 4, 1)); an input because the seed "
        "does not define the sizes; required for instrument 4a",
    )
    industrialization_map: Literal["republican", "regional", "none"] | None = Field(
        default=None,
        description="the project is on the republican or regional industrialization map (5.1(2)); "
        "required for instrument 2b",
    )
    positive_expertise: bool | None = Field(
        default=None,
        description="positive conclusion of the comprehensive non-departmental expertise of the construction "
        "feasibility study by an accredited expert organisation, certified expert or state expert "
        "organisation (5.1(2)); required for instrument 2b",
    )
    kidi_confirmation: bool | None = Field(
        default=None,
        description="written positive confirmation of the programme operator (KIDI) (5.1(1); 5.4 mechanism "
        "of instrument 1, p.2); required for instrument 1",
    )
    cpip_approved_by_kdb_leasing: bool | None = Field(
        default=None,
        description="a CPIP approved for financing by the leasing operator KDB-Leasing (5.1(2)); "
        "required for instrument 2a",
    )
    cluster_stage1_winner: bool | None = Field(
        default=None, description="winner of stage 1 of the cluster competition (5.1(4)); required for 7"
    )
    cluster_stage2_winner: bool | None = Field(
        default=None, description="winner of stage 2 of the cluster competition (5.1(4)); required for 8"
    )


class Executor(Facts):
    """An executor ("орындаушы") engaged by the applicant (section 2, 5); criteria of 5.2."""

    id: Id
    name: str = ""
    service: ExecutorService
    experience_years: Decimal = Field(ge=0, description="years of experience in the field of the service (5.2)")
    past_projects: int = Field(
        default=0,
        ge=0,
        description="works or projects carried out before in the field (5.2); for a feasibility-study "
        "executor: projects that received a positive non-departmental expertise",
    )
    licence_required: bool = Field(
        default=False, description="the law requires a licence or permit for the service (5.2)"
    )
    licence_held: bool = Field(default=False, description="the executor holds that licence or permit (5.2)")
    accreditation: Accreditation | None = Field(
        default=None, description="status of an executor of the feasibility-study expertise (5.2)"
    )


class CostLine(Facts):
    """One cost the applicant asks to have partly reimbursed (5.3; documents of 5.4 p.11-16)."""

    id: Id
    kind: CostKind
    amount_kzt: Money
    incurred_on: dt.date = Field(description="date the cost was incurred (paid); the look-back windows of 5.3")
    executor: str | None = Field(default=None, description="id of the executor paid, if any")
    financed_by_other_budget_programme: bool = Field(
        default=False,
        description="financed from republican or local budgets under another programme document (5.1, last "
        "paragraph: not reimbursed)",
    )
    employees: list[Id] = Field(
        default_factory=list,
        validate_default=True,
        description="employees trained (instrument 3a); a fee of a group sent under one contract is split "
        "equally among them (5.3 instrument 3, costs reimbursed 1)); travel, accommodation and per diem "
        "name the one person who travelled",
    )
    specialist: str | None = Field(
        default=None,
        validate_default=True,
        description="the foreign specialist paid (instrument 3b, 5.3 instrument 3, 2))",
    )
    months: Decimal | None = Field(
        default=None,
        gt=0,
        validate_default=True,
        description="months of the specialist's work paid by an expert_fee line; only whole calendar "
        "months are reimbursed (5.3 instrument 3, 2))",
    )
    training_kind: Literal["course", "internship"] | None = Field(
        default=None,
        validate_default=True,
        description="courses and seminars, or an internship (5.3 instrument 3): sets the accommodation limit",
    )
    stay_from: dt.date | None = Field(
        default=None, validate_default=True, description="accommodation: first night (check-in)"
    )
    stay_to: dt.date | None = Field(
        default=None, validate_default=True, description="accommodation: check-out day (nights = stay_to - stay_from)"
    )
    room_single_standard: bool = Field(
        default=True,
        description="accommodation in a single standard-class room (5.4 mechanism of instruments 2-5, p.13(12))",
    )
    travel_mode: Literal["rail", "air", "road", "water"] | None = Field(
        default=None, validate_default=True, description="travel (5.4 mechanism of instruments 2-5, p.13(11))"
    )
    travel_class: (
        Literal["coupe", "sleeper_two_berth", "fast_train_tourist", "fast_train_business", "economy", "business",
                "first", "local_fare"]
        | None
    ) = Field(
        default=None,
        validate_default=True,
        description="rail: coupe; air: economy; road and water: local_fare (p.13(11))",
    )
    direction: Literal["outbound", "return"] | None = Field(
        default=None, validate_default=True, description="travel: to the destination or back to the workplace"
    )

    @field_validator("employees")
    @classmethod
    def _employees(cls, value: list[str], info: ValidationInfo) -> list[str]:
        kind = info.data.get("kind")
        if kind == "training_fee" and not value:
            raise objection("p2020_training_needs_employees", "a training_fee line names the employees it trains")
        if len(set(value)) != len(value):
            raise objection("p2020_employee_twice", "an employee is named twice")
        if kind in PERSONAL_KINDS and len(value) > 1:
            raise objection("p2020_one_person", "a {kind} line names one person", kind=kind)
        return value

    @field_validator("specialist")
    @classmethod
    def _specialist(cls, value: str | None, info: ValidationInfo) -> str | None:
        kind = info.data.get("kind")
        if kind == "expert_fee" and not value:
            raise objection("p2020_expert_needs_specialist", "an expert_fee line names the specialist paid")
        if kind in PERSONAL_KINDS and value and info.data.get("employees"):
            raise objection("p2020_employee_or_specialist",
                            "a {kind} line names one person: an employee or a specialist", kind=kind)
        if kind in PERSONAL_KINDS and not value and not info.data.get("employees"):
            raise objection("p2020_needs_person", "a {kind} line names the person (employees: [id] or specialist: id)",
                            kind=kind)
        return value

    @field_validator("months")
    @classmethod
    def _months(cls, value: Decimal | None, info: ValidationInfo) -> Decimal | None:
        if info.data.get("kind") == "expert_fee" and value is None:
            raise objection("p2020_expert_needs_months", "an expert_fee line gives the months of work it pays")
        return value

    @field_validator("training_kind")
    @classmethod
    def _training_kind(cls, value: str | None, info: ValidationInfo) -> str | None:
        kind = info.data.get("kind")
        if value is None and (kind == "training_fee" or (kind == "accommodation" and info.data.get("employees"))):
            raise objection("p2020_needs_training_kind",
                            "course or internship: required for training fees and an employee's accommodation")
        return value

    @field_validator("stay_from", "stay_to")
    @classmethod
    def _stay(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        if info.data.get("kind") == "accommodation" and info.data.get("employees") and value is None:
            raise objection("p2020_stay_needed", "required for an employee's accommodation")
        start = info.data.get("stay_from")
        if info.field_name == "stay_to" and value and start and value < start:
            raise objection("p2020_stay_order", "stay_to ({end}) is before stay_from ({start})", end=str(value),
                            start=str(start))
        return value

    @field_validator("travel_mode", "travel_class", "direction")
    @classmethod
    def _travel(cls, value: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("kind") == "travel" and value is None:
            raise objection("p2020_travel_needed", "required for travel")
        return value

    def persons(self) -> list[str]:
        return [*self.employees, *([self.specialist] if self.specialist else [])]


class PersonAmount(Facts):
    id: Id
    amount_kzt: Money


class PriorReimbursement(Facts):
    """A reimbursement the enterprise already received under the programme: the per-person caps
    and the employees / specialists per enterprise per year count it (5.3 instrument 3)."""

    instrument: Instrument
    decided_on: dt.date = Field(description="its calendar year is the year it counts in")
    amount_kzt: Money
    persons: list[PersonAmount] = Field(
        default_factory=list, description="employees (3a) or specialists (3b) covered, with the amount for each"
    )


class LeasingFacts(Facts):
    """Instrument 1, long-term leasing by KDB-Leasing (5.1(1), 5.3 instrument 1)."""

    project_oked: Oked = Field(description="OKED of the investment project (5.1(1): priority sector, Annex)")
    object_cost_kzt: Money = Field(description="total cost of the leased object (5.3 instrument 1)")
    own_cash_kzt: Money = Field(description="the applicant's cash participation (at least 15 %)")
    term_years: Decimal = Field(gt=0, description="term of the lease (up to 10 years)")
    rate_percent: Decimal = Field(ge=0, description="interest rate of the finance lease for the applicant (5 %)")
    light_industry: bool = Field(
        description="a light-industry enterprise (lower minimum of 75 m); an input because the seed does not "
        "say which codes are light industry"
    )


class LabourProductivity(Facts):
    """Labour productivity before and after (4.2; 5.4 mechanism of instrument 1, p.7). The seed gives
    no formula, so the two values are inputs computed the same way."""

    before: Decimal = Field(gt=0)
    after: Decimal = Field(ge=0)
    before_year: int | None = None
    after_year: int | None = None


class ProductivityFacts(Facts):
    """An application for an instrument of the "Productivity 2020" programme."""

    application_date: dt.date = Field(description="date the application was filed (validity; look-back windows)")
    instrument: Instrument = Field(description="the instrument applied for (5.3)")
    channel: Literal["direct", "nce"] | None = Field(
        default=None,
        description="instruments 2-5: filed directly with the programme operator or through the National "
        "Chamber of Entrepreneurs (5.4 mechanism of instruments 2-5, p.1); chooses the procedure terms",
    )
    applicant: Applicant
    executors: list[Executor] = Field(default_factory=list, description="executors engaged (5.2)")
    costs: list[CostLine] = Field(default_factory=list, description="costs to reimburse (5.3)")
    construction_installation_cost_kzt: Money | None = Field(
        default=None,
        description="cost of the construction and installation works of the project (5.3 instrument 2, 2): "
        "2 % cap); required for instrument 2b",
    )
    prior_reimbursements: list[PriorReimbursement] = Field(default_factory=list)
    leasing: LeasingFacts | None = Field(default=None, description="instrument 1; required for it")
    labour_productivity: LabourProductivity | None = Field(default=None, description="monitoring (4.2)")

    @model_validator(mode="after")
    def _unique_ids(self) -> ProductivityFacts:
        for name, items in (("costs", self.costs), ("executors", self.executors)):
            seen: set[str] = set()
            for item in items:
                if item.id in seen:
                    raise objection("p2020_id_twice", "{name}: id '{id}' is used twice", name=name, id=item.id)
                seen.add(item.id)
        known = {e.id for e in self.executors}
        for line in self.costs:
            if line.executor is not None and line.executor not in known:
                raise objection("p2020_unknown_executor", "costs: line '{line}' names an unknown executor '{executor}'",
                                line=line.id, executor=line.executor)
        return self


# Facts an instrument cannot be decided without: path -> instruments needing it.
REQUIRED_FACTS: dict[str, frozenset[str]] = {
    "leasing": frozenset({"1"}),
    "applicant.kidi_confirmation": frozenset({"1"}),
    "applicant.cpip_approved_by_kdb_leasing": frozenset({"2a"}),
    "applicant.industrialization_map": frozenset({"2b"}),
    "applicant.positive_expertise": frozenset({"2b"}),
    "construction_installation_cost_kzt": frozenset({"2b"}),
    "applicant.activity_since": frozenset({"2b", "3a", "3b", "4a", "4b", "5a", "5b"}),
    "applicant.enterprise_size": frozenset({"4a"}),
    "applicant.cluster_stage1_winner": frozenset({"7"}),
    "applicant.cluster_stage2_winner": frozenset({"8"}),
}


def _value(facts: ProductivityFacts, path: str) -> object:
    target: object = facts
    for part in path.split("."):
        target = getattr(target, part)
    return target


def require_instrument_facts(facts: ProductivityFacts) -> None:
    """Raise `InvalidFacts` naming every fact the chosen instrument needs but the facts lack."""
    errors = [
        {"field": path, "message": f"Field required for instrument {facts.instrument}", "code": "p2020_required_for",
         "params": {"instrument": facts.instrument}}
        for path, instruments in REQUIRED_FACTS.items()
        if facts.instrument in instruments and _value(facts, path) is None
    ]
    if errors:
        raise InvalidFacts(errors)
