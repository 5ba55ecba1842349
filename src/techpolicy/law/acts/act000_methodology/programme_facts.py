"""Facts of a targeted technology programme document ("нысаналы технологиялық бағдарлама", act 000
chapter 5, paragraphs 31-44): the draft a sectoral competence centre submits, as a structured
document the rules of `targeted_programmes` read element by element.

The six sections of paragraph 34 are optional models: a section left out is for paragraph 34 to
refuse by name, not invalid input. Inside a section the texts and lists may be empty for the same
reason (paragraph 35 names an empty passport field). What cannot be true of any document is
invalid input naming the field: two goals with one code (the rules could not say which is meant),
a period that ends before it starts, a financial resource counted in anything but tenge.

Elements carry short codes ("G1", "T3", "I2", "M4", "R1", "D1"): the rules name an offending
element by its code. Every list and string is bounded; money is an exact decimal, never a float.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

# --- input bounds (generous ceilings, not law) ----------------------------------------------------
MAX_NAME = 500
MAX_TEXT = 20_000
MAX_SHORT_TEXT = 2_000
MAX_DOCUMENTS = 50  # State Planning System documents a programme implements
MAX_GOALS = 50
MAX_TASKS = 200
MAX_INDICATORS = 50  # per goal
MAX_INDICATOR_VALUES = 50  # per indicator: one a year
MAX_MEASURES = 1_000
MAX_RESOURCES = 500
MAX_PARTICIPANTS = 500
MAX_TECHNOLOGIES = 200
MAX_REFS = 20  # codes one element cites (documents of a goal, goals of a task, resources of a measure)
MAX_RESPONSIBLE = 20
MAX_BODIES = 50
MAX_FINANCING_SOURCES = 50
MAX_ANALYSIS_INDICATORS = 200

Code = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$")]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_NAME)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_SHORT_TEXT)]
# A text the document may leave blank: stripped here, so the rules test an empty string.
Blank = Annotated[str, StringConstraints(strip_whitespace=True, max_length=MAX_NAME)]
BlankText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=MAX_TEXT)]
Year = Annotated[int, Field(ge=1990, le=2100)]
Money = Annotated[Decimal, Field(ge=0, max_digits=20, decimal_places=2, description="tenge")]
Quantity = Annotated[Decimal, Field(ge=0, max_digits=20, decimal_places=2)]
Figure = Annotated[Decimal, Field(max_digits=24, decimal_places=6)]  # an indicator's value, may be negative

# p.33(3): the subjects whose interaction the programme organises, in the sub-paragraph's order.
ParticipantKind = Literal["state", "business", "education", "science"]
PARTICIPANT_KINDS: tuple[str, ...] = ("state", "business", "education", "science")
# p.38 fourth indent: "мемлекеттік және жеке ұйымдар".
ResponsibleKind = Literal["state", "private"]
# p.33(6): the three kinds of resources, in the sub-paragraph's order.
ResourceKind = Literal["financial", "labour", "material"]
RESOURCE_KINDS: tuple[str, ...] = ("financial", "labour", "material")
# p.35(7) and p.44: attracted funds are an admitted source of financing.
FinancingKind = Literal["republican_budget", "local_budget", "attracted", "own", "other"]


class Facts(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _repeated(codes: Iterable[str]) -> list[str]:
    return sorted(code for code, n in Counter(codes).items() if n > 1)


def _distinct(codes: Iterable[str], what: str) -> None:
    twice = _repeated(codes)
    if twice:
        raise ValueError(f"{what} codes must be distinct; repeated: {', '.join(twice[:20])}")


# --- who --------------------------------------------------------------------------------------------


class Developer(Facts):
    """The competence centre developing the programme (p.31), as group A's register shows it: the
    caller fills the entry and the sector and direction of the designation from the register."""

    name: Name
    competence_centre_entry: Name | None = Field(
        default=None, description="register entry of its designation as a sectoral competence centre; null if none"
    )
    designated_sector: Name | None = None
    designated_direction: Name | None = None


class Participant(Facts):
    """A subject taking part in the programme (p.33(3))."""

    name: Name
    kind: ParticipantKind


class Responsible(Facts):
    """An organisation responsible for reaching a goal, task or indicator (p.38 fourth indent)."""

    name: Name
    kind: ResponsibleKind


class PlanningDocument(Facts):
    """A document of the State Planning System the programme implements (p.33(1), p.38 first indent)."""

    code: Code
    title: Name
    level: Blank = ""
    item: Blank = Field(default="", description="the item (direction, task) of the document implemented")


class Technology(Facts):
    """A prospective technology the programme develops (p.33(2)); `key_technology` is its code on the
    list of key technologies in force (000 p.13(1)), null if it is not on it."""

    name: Name
    key_technology: Name | None = None


# --- section 1: passport (p.35) ---------------------------------------------------------------------


class Period(Facts):
    """The implementation period (p.35(6)), in calendar years, both included."""

    start_year: Year
    end_year: Year

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end_year < self.start_year:
            raise ValueError(f"end_year ({self.end_year}) is before start_year ({self.start_year})")
        return self


class FinancingSource(Facts):
    """A source of financing and its amount (p.35(7)); "attracted" funds are admitted (p.44)."""

    kind: FinancingKind
    name: Name
    amount_kzt: Money


class Passport(Facts):
    """Section 1, "Паспорт (негізгі параметрлер)": the main parameters of p.35(1)-(7)."""

    name: Blank = ""
    basis: BlankText = ""
    developer_body: Blank = Field(default="", description="the state body responsible for developing the document")
    implementing_bodies: list[Name] = Field(default_factory=list, max_length=MAX_BODIES)
    goal: BlankText = ""
    tasks: list[ShortText] = Field(default_factory=list, max_length=MAX_TASKS)
    period: Period | None = None
    financing_sources: list[FinancingSource] = Field(default_factory=list, max_length=MAX_FINANCING_SOURCES)
    financing_volume_kzt: Money | None = None


# --- sections 2 and 3: introduction (p.36), analysis (p.37) -------------------------------------------


class Introduction(Facts):
    """Section 2: the justification of the need for the programme (p.36)."""

    justification: BlankText = ""


class NumericIndicator(Facts):
    """A digital indicator describing the current situation (p.37(1))."""

    name: Name
    value: Figure
    unit: Name
    year: Year


class CurrentState(Facts):
    """The assessment of the current state of the field (p.37(1)), element by element."""

    indicators: list[NumericIndicator] = Field(default_factory=list, max_length=MAX_ANALYSIS_INDICATORS)
    problems: BlankText = ""
    constraints: BlankText = ""
    potential: BlankText = ""
    key_players: BlankText = ""
    world_experience: BlankText = ""
    strengths_weaknesses: BlankText = ""
    prospects_threats: BlankText = ""
    trends: BlankText = Field(default="", description="trends and prerequisites drawn from the analysis")


class PolicyAnalysis(Facts):
    """The analysis of the state policy in force in the field (p.37(2))."""

    normative_base: BlankText = ""
    practice: BlankText = ""
    results: BlankText = ""


class Analysis(Facts):
    """Section 3: world trends, the current situation, the priority sub-direction (p.34(3), p.37)."""

    world_trends: BlankText = ""
    current_state: CurrentState = Field(default_factory=CurrentState)
    policy: PolicyAnalysis = Field(default_factory=PolicyAnalysis)
    priority_subdirection: Blank = ""


# --- section 4: goals and tasks (p.38) ----------------------------------------------------------------


class IndicatorValue(Facts):
    """An interim or the final value of a target indicator, for its year (p.38 second indent)."""

    year: Year
    value: Figure
    kind: Literal["interim", "final"]


class Baseline(Facts):
    """The value an indicator starts from: not required by the source (reading R-C5)."""

    year: Year
    value: Figure


class Indicator(Facts):
    code: Code
    name: Name
    unit: Blank = ""
    direction: Literal["higher", "lower"] | None = Field(default=None, description="which value is better")
    # The act does not say whether an indicator's values add up over the years; the monitoring of an
    # approved programme needs to know (a count of things done adds up, a share does not).
    accumulation: Literal["cumulative", "per_period"] = Field(
        default="per_period", description="cumulative: the years' values add up; per_period: each year alone")
    baseline: Baseline | None = None
    values: list[IndicatorValue] = Field(default_factory=list, max_length=MAX_INDICATOR_VALUES)
    responsible: list[Responsible] = Field(default_factory=list, max_length=MAX_RESPONSIBLE)


class Goal(Facts):
    code: Code
    title: ShortText
    documents: list[Code] = Field(default_factory=list, max_length=MAX_REFS,
                                  description="codes of the State Planning System documents the goal rests on")
    indicators: list[Indicator] = Field(default_factory=list, max_length=MAX_INDICATORS)
    responsible: list[Responsible] = Field(default_factory=list, max_length=MAX_RESPONSIBLE)


class Task(Facts):
    code: Code
    title: ShortText
    goals: list[Code] = Field(default_factory=list, max_length=MAX_REFS, description="the goal it serves: one")
    responsible: list[Responsible] = Field(default_factory=list, max_length=MAX_RESPONSIBLE)


class GoalsAndTasks(Facts):
    """Section 4, "Мақсаттары, міндеттері"."""

    goals: list[Goal] = Field(default_factory=list, max_length=MAX_GOALS)
    tasks: list[Task] = Field(default_factory=list, max_length=MAX_TASKS)

    @model_validator(mode="after")
    def _codes(self) -> GoalsAndTasks:
        _distinct((g.code for g in self.goals), "goal")
        _distinct((t.code for t in self.tasks), "task")
        _distinct((i.code for g in self.goals for i in g.indicators), "indicator")
        return self


# --- section 5: directions and measures (p.39) --------------------------------------------------------


class Measure(Facts):
    code: Code
    title: ShortText
    goal: Code | None = None
    task: Code | None = Field(default=None, description="the task it solves, if it serves one (of its goal)")
    executor: Blank = ""
    deadline: dt.date | None = None
    resources: list[Code] = Field(default_factory=list, max_length=MAX_REFS,
                                  description="codes of the required resources it uses")


class ActionPlan(Facts):
    """Section 5: the main directions, the ways of reaching the goals and the measures."""

    directions: list[ShortText] = Field(default_factory=list, max_length=MAX_GOALS)
    measures: list[Measure] = Field(default_factory=list, max_length=MAX_MEASURES)

    @field_validator("measures")
    @classmethod
    def _codes(cls, value: list[Measure]) -> list[Measure]:
        _distinct((m.code for m in value), "measure")
        return value


# --- section 6: required resources (p.40, p.33(6)) -----------------------------------------------------


class Resource(Facts):
    code: Code
    kind: ResourceKind
    description: Name
    amount: Quantity = Field(description="in tenge for a financial resource")
    unit: Name = "KZT"
    source: Blank = Field(default="", description="the source that provides it")

    @model_validator(mode="after")
    def _tenge(self) -> Resource:
        if self.kind == "financial" and self.unit != "KZT":
            raise ValueError(f"a financial resource is counted in tenge (KZT), not {self.unit!r}")
        return self


class RequiredResources(Facts):
    """Section 6, "Қажетті ресурстар"."""

    items: list[Resource] = Field(default_factory=list, max_length=MAX_RESOURCES)

    @field_validator("items")
    @classmethod
    def _codes(cls, value: list[Resource]) -> list[Resource]:
        _distinct((r.code for r in value), "resource")
        return value


# --- the programme ------------------------------------------------------------------------------------


class ProgrammeFacts(Facts):
    """A draft targeted technology programme as the supervising state body reviews it (p.31-44)."""

    sector: Name
    direction: Name = Field(description="the technology direction of the programme (p.41)")
    developer: Developer
    state_planning_documents: list[PlanningDocument] = Field(default_factory=list, max_length=MAX_DOCUMENTS)
    technological_tasks: list[ShortText] = Field(
        default_factory=list, max_length=MAX_TASKS,
        description="p.33(2): technological tasks of the enterprises (sectors) the programme solves")
    technologies: list[Technology] = Field(default_factory=list, max_length=MAX_TECHNOLOGIES)
    participants: list[Participant] = Field(default_factory=list, max_length=MAX_PARTICIPANTS)
    target_consumers: BlankText = Field(default="", description="p.33(4): the target group of consumers")
    passport: Passport | None = None
    introduction: Introduction | None = None
    analysis: Analysis | None = None
    goals_and_tasks: GoalsAndTasks | None = None
    action_plan: ActionPlan | None = None
    resources: RequiredResources | None = None
    demo: bool = Field(default=False, description="a fictional example, not a real programme")
    checked_on: dt.date = Field(description="date of the review; the law of this date applies")

    @field_validator("state_planning_documents")
    @classmethod
    def _codes(cls, value: list[PlanningDocument]) -> list[PlanningDocument]:
        _distinct((d.code for d in value), "document")
        return value
