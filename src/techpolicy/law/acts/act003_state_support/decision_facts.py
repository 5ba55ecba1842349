"""What the facts of every decision on a support measure of act 003 share, innovation grants
included: who applies (a subject of industrial-innovative activity, article 1(3)-(4)), when, what
is being decided, and at a decision the criteria of article 20(6) it rests on.

`stage` is "application" (may the measure be given at all) or "decision" (the decision itself: also
the criteria of article 20(6) and what the measure's article asks of a decision). The law of the
decision date applies, or of the filing date while there is no decision yet.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, model_validator

from ...facts import objection
from .award_criteria import AwardBasis
from .common import LawFacts
from .values import Day, Name


class Applicant(BaseModel):
    """A subject of industrial-innovative activity (article 1(3)-(4)): a natural or legal person
    carrying out that activity."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["legal_entity", "natural_person"]
    name: Name
    activity: Annotated[str, Field(max_length=2_000, description="the industrial-innovative activity carried out")] = ""
    industrial_enterprise: StrictBool = Field(False, description="an industrial enterprise (article 27(2), indent 2)")


class DecisionFacts(LawFacts):
    model_config = ConfigDict(extra="forbid")

    stage: Literal["application", "decision"] = "application"
    filed_on: Day
    decided_on: Day | None = Field(None, description="the date of the decision (its law applies)")
    applicant: Applicant
    other_regime: Literal["agro_industrial", "special_economic_zone", "investment"] | None = Field(
        None, description="article 20(3)-(5): the subject is in the agro-industrial complex, works in a special "
        "economic zone, or the support is of investment activity")
    sectoral_programme: Annotated[str, Field(max_length=500, description=(
        "article 20(1): the sectoral programme that provides the type and level of support (at decision)"))] = ""
    award_basis: AwardBasis | None = Field(None, description="the criteria of article 20(6) the decision rests on")

    @model_validator(mode="after")
    def _dates(self) -> DecisionFacts:
        if self.decided_on is not None and self.decided_on < self.filed_on:
            raise objection("decided_before_filed", "the decision date {decided} is before the filing date {filed}",
                            decided=self.decided_on.isoformat(), filed=self.filed_on.isoformat())
        return self

    def decision_date(self) -> dt.date:
        return self.decided_on or self.filed_on
