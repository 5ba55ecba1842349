"""Shared input types of the monitoring core: bounded years, exact numbers, short texts, names.

The source documents set none of these bounds: they are limits of the system, so that no input file
can make a command run for minutes or an answer lose exactness.

* Years lie in 1900..2100, the range the forecasting engine (`forecasting.limits`) accepts too, so a
  monitored series can be handed to the trend engine as it is.
* A value has at most 20 digits, 6 of them after the point. A sum over every year of the range
  (201 values) then has at most 23 digits, inside the 28 of Python's default decimal context: every
  sum and gap is exact, never rounded.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

MIN_YEAR = 1900
MAX_YEAR = 2100
MAX_TEXT = 500  # a name, a unit, an act's paragraph, an evidence reference
MAX_QUERY = 4000  # a register query recorded with a computed actual

Year = Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR)]
Value = Annotated[Decimal, Field(max_digits=20, decimal_places=6, allow_inf_nan=False)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT)]
Code = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64,
                                        pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]


def gettext_noop(message: str) -> str:
    """Marks a label for translation without importing Django (makemessages finds the name);
    the interfaces translate it when they show it."""
    return message


class Model(BaseModel):
    """Input models refuse unknown keys (a misspelt field is an error, not a silent default) and are
    immutable: a state change is a new object (`model_copy`), the old one stays as history."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Names(Model):
    """A name in the three languages of the system; Kazakh is the authoritative one."""

    kk: Text
    ru: Text
    en: Text
