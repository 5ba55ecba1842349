"""The kinds of value the facts of act 003 are made of: money in tenge with tiyn (never a float),
dates and financial years within the law's possible life, bounded names and references."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from ...facts import objection

MAX_AMOUNT = Decimal("1e15")  # tenge; far above any budget, far below where Decimal sums lose tiyn
FIRST_YEAR, LAST_YEAR = 2009, 2100  # the law cannot have been published before 2009 (common.EARLIEST)


def _not_float(value: Any) -> Any:
    # A binary float cannot hold every tiyn: money comes as a string, an integer or a Decimal.
    if isinstance(value, float):
        raise objection("float_amount", "an amount is written as a string or an exact decimal, not a float")
    return value


Amount = Annotated[Decimal, BeforeValidator(_not_float),
                   Field(gt=0, le=MAX_AMOUNT, max_digits=18, decimal_places=2, description="tenge with tiyn, above 0")]
Share = Annotated[Decimal, BeforeValidator(_not_float),
                  Field(ge=0, le=MAX_AMOUNT, max_digits=18, decimal_places=2, description="tenge with tiyn")]
Year = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR, description="financial year (calendar year)")]
Name = Annotated[str, Field(min_length=1, max_length=200)]
Ref = Annotated[str, Field(min_length=1, max_length=100)]
Day = Annotated[dt.date, Field(ge=dt.date(FIRST_YEAR, 1, 1), le=dt.date(LAST_YEAR + 1, 12, 31))]
Evidence = Annotated[str, Field(min_length=1, max_length=4_000)]
Code = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9._-]+$")]
Country = Annotated[str, Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 code, e.g. KZ, DE")]
