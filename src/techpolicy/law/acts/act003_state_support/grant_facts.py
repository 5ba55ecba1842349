"""The facts of an innovation grant (article 27, with article 1(3), 1(4) and 1(8)): who applies, for
which type and direction, the planned costs and the part asked for, the type's own facts, the
expertise and, at award, the criteria of article 20(6) the award rests on.

`stage` (`decision_facts`) says what is being decided: "application" (may this be granted at all:
type, direction, share, the type's own facts) or "decision", the award (also the expertise and the
award basis). The law of the decision date applies (003.a27.p1: the direction must be on the list
in force on the decision date).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from .decision_facts import DecisionFacts
from .grant_types import GrantTypeId
from .values import Amount, Code, Country, Name

MAX_TRAINEES = 500
MAX_EXPERTS = 50


class Trainee(BaseModel):
    """A person to be trained abroad under a type 3 grant (article 27(2)(3))."""

    model_config = ConfigDict(extra="forbid")

    name: Name
    staff_category: Literal["engineering_technical", "other"]
    employer_industrial_enterprise: StrictBool = Field(description="employed by an industrial enterprise")
    country: Country = Field(description="where the training takes place")


class ExpertOnPanel(BaseModel):
    """An expert of the independent economic and technological expertise (article 27(2), indent 3)."""

    model_config = ConfigDict(extra="forbid")

    name: Name
    country: Country = Field(description="country of the expert: KZ is domestic, any other foreign")
    independence_declared: StrictBool = Field(description="the independence declaration is signed")
    economic_conclusion: StrictBool = False
    technological_conclusion: StrictBool = False


class GrantFacts(DecisionFacts):
    grant_type: GrantTypeId
    direction: Code = Field(description="the code of the priority direction of innovation grants")
    planned_costs: Amount = Field(description="the planned costs of the project, tenge")
    requested: Amount = Field(description="the part of the planned costs the grant is to reimburse, tenge")
    own_production_process: StrictBool | None = Field(
        None, description="type 2: the research improves the enterprise's own production processes")
    trainees: Annotated[list[Trainee], Field(default_factory=list, max_length=MAX_TRAINEES)]
    experts: Annotated[list[ExpertOnPanel], Field(default_factory=list, max_length=MAX_EXPERTS)]
