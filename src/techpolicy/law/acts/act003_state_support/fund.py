"""Act 003, article 27(3): the fund ledger of innovation grants on the national operator's current
account ("ағымдағы шот"), as an append-only list of entries (`fund_entries`) and the balances they
leave, per financial year and grant type.

One step decides an entry: `step(state, entry)` returns the `Refusal` (the rule of `fund_rules`,
with its requirement id and citation) or the state with the entry recorded. The command line
replays a whole ledger with it (`replay`); a page that writes one entry builds the state from the
stored entries and asks the same step first, so the rules are written once.

Money per financial year Y (a calendar year, reading R-F3) and grant type t:
- the year opens with the balance carried from Y-1 (`carried_in`, 003.a27.p3.a2) and the unpaid
  commitments of earlier years by type (`brought_forward`), which that balance already holds;
- the total to distribute is `received + carried_in - brought_forward`, and the year's allocation
  table must add up to it exactly, every type listed (003.a27.p3.a3); a commitment or a payment on
  a year whose table does not add up is refused (a later transfer asks for a new table);
- `available[t] = allocated[t] + returned[t] - committed[t] >= 0` (a commitment beyond it is refused;
  money a grantee returns as misused is available again), and an award's payments never exceed its
  commitment;
- at the close `carried_out = carried_in + received + returned - paid` (the account's balance), which
  is `available + unpaid commitments` while the table adds up, and opens Y+1 earmarked for grants:
  it is never returned to the budget nor spent on anything but grant payments (003.a27.p3.a2).
An entry in a closed year is refused, and so is one of a later year while an earlier one is open.

Each step does a constant amount of work (the types are seven), so a ledger is checked in time
linear in its entries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ... import units
from ...citation import LANGUAGES
from ...parameters import Parameters
from ...rules import Context, Messages
from . import fund_rules as r
from .common import LAW_IN_FORCE
from .fund_entries import (
    AccountOpened,
    Allocation,
    Commitment,
    Entry,
    MisuseReturn,
    OtherSpending,
    Payment,
    ReturnToBudget,
    TransferIn,
    YearClose,
)
from .grant_types import GRANT_TYPE_IDS

ZERO = Decimal("0.00")


@dataclass
class TypeBalance:
    """One grant type in one financial year (tenge)."""

    allocated: Decimal = ZERO
    brought_forward: Decimal = ZERO  # unpaid commitments of earlier years when the year opened
    committed: Decimal = ZERO  # commitments made in the year
    paid: Decimal = ZERO  # payments in the year, on awards of any year
    returned: Decimal = ZERO  # misused money returned by grantees in the year

    @property
    def available(self) -> Decimal:
        return self.allocated + self.returned - self.committed

    @property
    def carried_out(self) -> Decimal:
        """What of the type's money is not paid out: available plus its unpaid commitments."""
        return self.allocated + self.brought_forward + self.returned - self.paid

    def as_dict(self) -> dict[str, str]:
        names = ("allocated", "brought_forward", "committed", "paid", "returned", "available", "carried_out")
        return {name: f"{getattr(self, name):.2f}" for name in names}


def _types() -> dict[str, TypeBalance]:
    return {t: TypeBalance() for t in GRANT_TYPE_IDS}


@dataclass
class YearBalance:
    """One financial year of the account."""

    year: int
    carried_in: Decimal = ZERO
    received: Decimal = ZERO
    allocated_on: dt.date | None = None  # the date of the table in force; None: no table yet
    types: dict[str, TypeBalance] = field(default_factory=_types)
    closed_on: dt.date | None = None
    carried_out: Decimal | None = None  # set at the close

    def total(self, name: str) -> Decimal:
        return sum((getattr(t, name) for t in self.types.values()), ZERO)

    @property
    def to_distribute(self) -> Decimal:
        """What the year's allocation table must add up to (003.a27.p3.a3)."""
        return self.received + self.carried_in - self.total("brought_forward")

    @property
    def adds_up(self) -> bool:
        if self.allocated_on is None:
            return self.to_distribute == ZERO
        return self.total("allocated") == self.to_distribute

    @property
    def balance(self) -> Decimal:
        """The money on the account for this year: what a close carries over."""
        return self.carried_in + self.received + self.total("returned") - self.total("paid")

    @property
    def available(self) -> Decimal:
        """Money not yet committed (whether or not the table distributes it all)."""
        return self.to_distribute + self.total("returned") - self.total("committed")

    def as_dict(self) -> dict[str, Any]:
        return {
            "financial_year": self.year,
            "closed_on": self.closed_on.isoformat() if self.closed_on else None,
            "carried_in": f"{self.carried_in:.2f}",
            "received": f"{self.received:.2f}",
            "brought_forward": f"{self.total('brought_forward'):.2f}",
            "to_distribute": f"{self.to_distribute:.2f}",
            "allocated": f"{self.total('allocated'):.2f}",
            "allocated_on": self.allocated_on.isoformat() if self.allocated_on else None,
            "allocation_adds_up": self.adds_up,
            "committed": f"{self.total('committed'):.2f}",
            "paid": f"{self.total('paid'):.2f}",
            "returned": f"{self.total('returned'):.2f}",
            "available": f"{self.available:.2f}",
            "balance": f"{self.balance:.2f}",
            "carried_out": None if self.carried_out is None else f"{self.carried_out:.2f}",
            "types": {t: b.as_dict() for t, b in self.types.items()},
        }


@dataclass
class Award:
    """A grant's commitment and what has been paid and returned on it."""

    grant_type: str
    year: int
    committed: Decimal
    paid: Decimal = ZERO
    returned: Decimal = ZERO


@dataclass
class LedgerState:
    """What the entries recorded so far leave. `parameters`: those of the law layer (the caller's,
    with the administrators' values, or the shipped ones)."""

    parameters: Parameters | None = None
    account: AccountOpened | None = None
    years: dict[int, YearBalance] = field(default_factory=dict)
    open_year: int | None = None
    awards: dict[str, Award] = field(default_factory=dict)
    unpaid: dict[str, Decimal] = field(default_factory=lambda: dict.fromkeys(GRANT_TYPE_IDS, ZERO))
    recorded: int = 0
    # Day -> None when the law is in force on it, else its period in force (a cache of `_in_force`).
    not_in_force: dict[dt.date, dict[str, Any] | None] = field(default_factory=dict)

    def year(self, year: int) -> YearBalance:
        """The year's balance as it stands (a year not opened yet reads as empty)."""
        return self.years.get(year) or YearBalance(year)


def _in_force(state: LedgerState, entry: Entry, index: int) -> r.Refusal | None:
    # Entries share their days: the law's status is looked up once per day.
    if (period := state.not_in_force.get(entry.on, False)) is False:
        ctx = Context(entry.on, state.parameters or Parameters.from_source(), None)  # type: ignore[arg-type]
        in_force = LAW_IN_FORCE.status(entry.on, ctx)[0] == "in_force"
        end = LAW_IN_FORCE.end_on(ctx)[0]
        period = None if in_force else {"start": LAW_IN_FORCE.start_on(ctx)[0], "end": end or "…"}
        state.not_in_force[entry.on] = period
    if period is None:
        return None
    return r.Refusal(index, entry.kind, r.NOT_IN_FORCE, {"on": entry.on, **period})


def _year_order(state: LedgerState, entry: Entry, index: int) -> r.Refusal | None:
    year = entry.financial_year  # type: ignore[union-attr]
    if isinstance(entry, YearClose):
        if entry.on < dt.date(year, 12, 31):
            return r.Refusal(index, entry.kind, r.EARLY_CLOSE, {"year": year, "on": entry.on})
    elif entry.on.year != year:
        return r.Refusal(index, entry.kind, r.YEAR_DATE, {"year": year, "on": entry.on})
    if state.open_year is not None and year < state.open_year:
        return r.Refusal(index, entry.kind, r.CLOSED, {"year": year})
    if state.open_year is not None and year > state.open_year:
        return r.Refusal(index, entry.kind, r.PREVIOUS_OPEN, {"year": year, "open_year": state.open_year})
    return None


def _unallocated(y: YearBalance, entry: Entry, index: int) -> r.Refusal | None:
    if y.adds_up:
        return None
    return r.Refusal(index, entry.kind, r.UNALLOCATED, {"year": y.year, "allocated": y.total("allocated"),
                                                        "available": y.to_distribute})


def _transfer(state: LedgerState, entry: TransferIn, index: int) -> r.Refusal | None:
    if state.account is None:
        return r.Refusal(index, entry.kind, r.NO_ACCOUNT)
    if entry.contract_no != state.account.contract_no:
        return r.Refusal(index, entry.kind, r.CONTRACT, {"contract_no": entry.contract_no,
                                                         "account_contract": state.account.contract_no})
    if entry.amount != entry.allocated:
        return r.Refusal(index, entry.kind, r.IN_FULL, {"amount": entry.amount, "allocated": entry.allocated})
    return None


def _allocation(y: YearBalance, entry: Allocation, index: int) -> r.Refusal | None:
    missing = [t for t in GRANT_TYPE_IDS if t not in entry.shares]
    if missing:
        return r.Refusal(index, entry.kind, r.ALL_TYPES, {"missing": missing})
    total = sum(entry.shares.values(), ZERO)
    if total != y.to_distribute:
        return r.Refusal(index, entry.kind, r.ALLOCATION_SUM, {
            "year": y.year, "allocated": total, "available": y.to_distribute, "received": y.received,
            "carried_in": y.carried_in, "brought_forward": y.total("brought_forward")})
    for t in GRANT_TYPE_IDS:
        b = y.types[t]
        if entry.shares[t] + b.returned < b.committed:
            return r.Refusal(index, entry.kind, r.BELOW_COMMITTED, {
                "year": y.year, "grant_type": t, "share": entry.shares[t], "committed": b.committed,
                "returned": b.returned})
    return None


def _commitment(state: LedgerState, y: YearBalance, entry: Commitment, index: int) -> r.Refusal | None:
    if (award := state.awards.get(entry.award_ref)) is not None:
        return r.Refusal(index, entry.kind, r.DUPLICATE_AWARD, {"award_ref": entry.award_ref, "year": award.year})
    if (refusal := _unallocated(y, entry, index)) is not None:
        return refusal
    available = y.types[entry.grant_type].available
    if entry.amount > available:
        return r.Refusal(index, entry.kind, r.OVER_COMMITMENT, {
            "year": y.year, "grant_type": entry.grant_type, "available": available, "amount": entry.amount})
    return None


def _payment(state: LedgerState, y: YearBalance, entry: Payment, index: int) -> r.Refusal | None:
    award = state.awards.get(entry.award_ref)
    if award is None:
        return r.Refusal(index, entry.kind, r.UNKNOWN_AWARD, {"award_ref": entry.award_ref})
    if (refusal := _unallocated(y, entry, index)) is not None:
        return refusal
    outstanding = award.committed - award.paid
    if entry.amount > outstanding:
        return r.Refusal(index, entry.kind, r.BEYOND_COMMITMENT, {
            "award_ref": entry.award_ref, "amount": entry.amount, "outstanding": outstanding})
    return None


def _misuse_return(state: LedgerState, entry: MisuseReturn, index: int) -> r.Refusal | None:
    award = state.awards.get(entry.award_ref)
    if award is None:
        return r.Refusal(index, entry.kind, r.UNKNOWN_AWARD, {"award_ref": entry.award_ref})
    returnable = award.paid - award.returned
    if entry.amount > returnable:
        return r.Refusal(index, entry.kind, r.BEYOND_PAID, {
            "award_ref": entry.award_ref, "amount": entry.amount, "returnable": returnable})
    return None


def check(state: LedgerState, entry: Entry, index: int | None = None) -> r.Refusal | None:
    """The refusal of `entry` after the entries `state` holds, or None if the law allows it. Reads
    the state and changes none of its balances (only the cache of the law's status by day).
    `index`: the entry's position in the ledger (default: the next one)."""
    index = state.recorded if index is None else index
    if (refusal := _in_force(state, entry, index)) is not None:
        return refusal
    if isinstance(entry, AccountOpened):
        if state.account is not None:
            return r.Refusal(index, entry.kind, r.ONE_ACCOUNT, {"contract_no": state.account.contract_no})
        if not (entry.bank_resident and entry.second_tier_bank):
            return r.Refusal(index, entry.kind, r.BANK, {"bank": entry.bank})
        return None
    # Refused whatever the year: the balance belongs to grants (003.a27.p3.a2).
    if isinstance(entry, ReturnToBudget):
        return r.Refusal(index, entry.kind, r.RETURN_TO_BUDGET, {"amount": entry.amount})
    if isinstance(entry, OtherSpending):
        return r.Refusal(index, entry.kind, r.OTHER_SPENDING, {"amount": entry.amount, "purpose": entry.purpose})
    if (refusal := _year_order(state, entry, index)) is not None:
        return refusal
    y = state.year(entry.financial_year)
    if isinstance(entry, TransferIn):
        return _transfer(state, entry, index)
    if isinstance(entry, Allocation):
        return _allocation(y, entry, index)
    if isinstance(entry, Commitment):
        return _commitment(state, y, entry, index)
    if isinstance(entry, Payment):
        return _payment(state, y, entry, index)
    if isinstance(entry, MisuseReturn):
        return _misuse_return(state, entry, index)
    return None  # YearClose: the order of years is all it asks


def _record(state: LedgerState, entry: Entry) -> None:
    """Write an allowed entry into the state."""
    state.recorded += 1
    if isinstance(entry, AccountOpened):
        state.account = entry
        return
    year = entry.financial_year  # type: ignore[union-attr]
    y = state.years.setdefault(year, YearBalance(year))
    state.open_year = year
    if isinstance(entry, TransferIn):
        y.received += entry.amount
    elif isinstance(entry, Allocation):
        y.allocated_on = entry.on
        for t, share in entry.shares.items():
            y.types[t].allocated = share
    elif isinstance(entry, Commitment):
        state.awards[entry.award_ref] = Award(entry.grant_type, year, entry.amount)
        y.types[entry.grant_type].committed += entry.amount
        state.unpaid[entry.grant_type] += entry.amount
    elif isinstance(entry, Payment):
        award = state.awards[entry.award_ref]
        award.paid += entry.amount
        y.types[award.grant_type].paid += entry.amount
        state.unpaid[award.grant_type] -= entry.amount
    elif isinstance(entry, MisuseReturn):
        award = state.awards[entry.award_ref]
        award.returned += entry.amount
        y.types[award.grant_type].returned += entry.amount
    elif isinstance(entry, YearClose):
        y.closed_on = entry.on
        y.carried_out = y.balance
        following = YearBalance(year + 1, carried_in=y.carried_out)
        for t, unpaid in state.unpaid.items():
            following.types[t].brought_forward = unpaid
        state.years[year + 1] = following
        state.open_year = year + 1


def step(state: LedgerState, entry: Entry, index: int | None = None) -> r.Refusal | LedgerState:
    """The refusal of `entry`, or `state` with the entry recorded (changed in place and returned, so
    a ledger is replayed in linear time; a caller that must keep the old state replays again)."""
    refusal = check(state, entry, index)
    if refusal is not None:
        return refusal
    _record(state, entry)
    return state


@dataclass(frozen=True)
class LedgerResult:
    state: LedgerState
    refusals: tuple[r.Refusal, ...]
    notes: tuple[Messages, ...]

    @property
    def allowed(self) -> bool:
        return not self.refusals


def _notes(parameters: Parameters, entries: list[Entry]) -> tuple[Messages, ...]:
    notes = [r.FINANCIAL_YEAR_NOTE]
    if entries:
        first = min(e.on for e in entries)
        start, unset = LAW_IN_FORCE.start_on(Context(first, parameters, None))  # type: ignore[arg-type]
        if unset is not None:
            notes.append({lang: r.START_NOTE[lang].format(parameter=unset, earliest=units.date(start, lang))
                          for lang in LANGUAGES})
    return tuple(notes)


def replay(entries: Iterable[Entry], parameters: Parameters | None = None) -> LedgerResult:
    """Every entry decided in order; a refused entry is reported and left out of the balances, and
    the entries after it are decided without it."""
    parameters = parameters or Parameters.from_source()
    state = LedgerState(parameters=parameters)
    refusals: list[r.Refusal] = []
    listed = list(entries)
    for index, entry in enumerate(listed):
        outcome = step(state, entry, index)
        if isinstance(outcome, r.Refusal):
            refusals.append(outcome)
    return LedgerResult(state, tuple(refusals), _notes(parameters, listed))


def balances(entries: Iterable[Entry], parameters: Parameters | None = None) -> dict[int, YearBalance]:
    """Per financial year: received, carried in, allocated, committed, paid, returned, available and
    carried out, in total and per grant type (the allowed entries only)."""
    return replay(entries, parameters).state.years
