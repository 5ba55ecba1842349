"""Act 003, article 27(3): the entries of the fund ledger of innovation grants — the current account
of the national operator for technological development ("технологиялық дамыту жөніндегі ұлттық
оператор") and the money allocated to the authorized body for grants that passes through it.

An entry is one fact written to the append-only ledger, validated here (pydantic, bounded sizes);
whether the law allows it is decided by `fund.step`. Money is Decimal tenge with two places
(tiyn), never a float. Each entry of a financial year names the year; a financial year is the
calendar year (reading R-F3: the parameter `grants.financial_year` is not set by the source
document, the Budget Code makes it the calendar year).

Kinds:
- `account_opened` (003.a27.p3.a1): the current account in a resident second-tier bank, with the
  contract between the authorized body and the national operator;
- `transfer_in` (003.a27.p3.a1): money allocated to the authorized body for grants, transferred in
  full under that contract;
- `allocation` (003.a27.p3.a3): the year's total distributed among the grant types, a dated table;
- `commitment` (award of a grant), `payment` (against a commitment), `misuse_return` (a grantee
  returns misused money, which becomes available again);
- `year_close` (003.a27.p3.a2): the closing balance opens the next year, earmarked for grants;
- `return_to_budget`, `other_spending`: kinds the law refuses, kept so a refusal can be recorded
  and explained (003.a27.p3.a2).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, StrictBool

from ...facts import InvalidFacts, parse_facts
from .grant_types import GRANT_TYPE_IDS, GrantTypeId
from .values import Amount, Day, Name, Ref, Share, Year

MAX_ENTRIES = 100_000


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    on: Day = Field(description="the day the entry took place")
    reference: Ref | None = Field(default=None, description="e.g. the payment order's number")


class _YearEntry(_Entry):
    financial_year: Year


class AccountOpened(_Entry):
    """The current account opened for the national operator (003.a27.p3.a1)."""

    kind: Literal["account_opened"]
    bank: Name
    bank_resident: StrictBool = Field(description="the bank is a resident of the Republic of Kazakhstan")
    second_tier_bank: StrictBool = Field(description="the bank is a second-tier bank")
    contract_no: Ref = Field(description="the contract between the authorized body and the national operator")
    contract_date: Day


class TransferIn(_YearEntry):
    """Money allocated to the authorized body for grants, transferred under the contract; `allocated`
    is what was allocated, so that "in full" can be checked (003.a27.p3.a1)."""

    kind: Literal["transfer_in"]
    amount: Amount
    allocated: Amount = Field(description="the amount allocated to the authorized body for grants")
    contract_no: Ref


class Allocation(_YearEntry):
    """The year's total distributed among the grant types (003.a27.p3.a3); a later table of the same
    year replaces the earlier one."""

    kind: Literal["allocation"]
    shares: dict[GrantTypeId, Share] = Field(max_length=len(GRANT_TYPE_IDS))


class Commitment(_YearEntry):
    """A grant awarded: its amount is committed against the type's allocation."""

    kind: Literal["commitment"]
    grant_type: GrantTypeId
    amount: Amount
    award_ref: Ref


class Payment(_YearEntry):
    """A grant payment against an award's commitment."""

    kind: Literal["payment"]
    award_ref: Ref
    amount: Amount


class MisuseReturn(_YearEntry):
    """Money of an award returned by the grantee (misused), available again for its grant type."""

    kind: Literal["misuse_return"]
    award_ref: Ref
    amount: Amount


class YearClose(_YearEntry):
    """The end of a financial year: the balance on the account opens the next year (003.a27.p3.a2)."""

    kind: Literal["year_close"]


class ReturnToBudget(_YearEntry):
    """A return of the balance to the state budget: the law refuses it (003.a27.p3.a2)."""

    kind: Literal["return_to_budget"]
    amount: Amount


class OtherSpending(_YearEntry):
    """Spending on anything but grants: the law refuses it (003.a27.p3.a2)."""

    kind: Literal["other_spending"]
    amount: Amount
    purpose: Name


Entry = Annotated[
    AccountOpened | TransferIn | Allocation | Commitment | Payment | MisuseReturn | YearClose
    | ReturnToBudget | OtherSpending,
    Field(discriminator="kind"),
]
KINDS: tuple[str, ...] = (
    "account_opened", "transfer_in", "allocation", "commitment", "payment", "misuse_return", "year_close",
    "return_to_budget", "other_spending",
)


class Ledger(RootModel[list[Entry]]):
    """The ledger as a JSON list of entries, in the order they were written."""

    root: list[Entry] = Field(max_length=MAX_ENTRIES)


def parse_entry(data: Any) -> Entry:
    """One entry, or `InvalidFacts` naming the bad field (for a page or API that adds one entry)."""
    return parse_facts(Ledger, [data]).root[0]


def parse_ledger(data: Any) -> list[Entry]:
    """The entries of a ledger, or `InvalidFacts` naming each bad field ("[3].amount")."""
    if isinstance(data, list) and len(data) > MAX_ENTRIES:
        # Refused before the walk over every string: the bound is the first thing checked.
        raise InvalidFacts([{"field": "(root)", "message": f"at most {MAX_ENTRIES} entries", "code": "too_long",
                             "params": {"max_length": MAX_ENTRIES}}])
    return parse_facts(Ledger, data).root
