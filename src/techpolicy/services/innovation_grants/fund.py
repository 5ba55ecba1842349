"""Writing the fund ledger of innovation grants (law 003 article 27(3)) in the database, with the
law layer's check as the only check: `record` locks the ledger, replays the stored entries into the
law layer's state (`fund.step`, so no rule is written twice), and stores the entry or the refusal.

Writers wait for one another on the `LedgerHead` row, so two operators who enter the last of a
type's allocation at the same moment cannot both commit it: the second is decided after the first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction

from techpolicy.casework import law_context
from techpolicy.casework.steps import current_language
from techpolicy.law.acts.act003_state_support import fund
from techpolicy.law.acts.act003_state_support.fund_entries import Commitment, Ledger, parse_entry
from techpolicy.law.acts.act003_state_support.fund_rules import Refusal

from .models import LedgerEntry, LedgerHead, LedgerRefusal


@dataclass(frozen=True)
class Outcome:
    """The stored entry, or the refusal (then `refused` is its stored record)."""

    entry: LedgerEntry | None = None
    refusal: Refusal | None = None
    refused: LedgerRefusal | None = None


def refusal_text(refusal: Refusal) -> str:
    """A refusal of the law as the person who asked reads it: "[paragraph] reason", in their language."""
    lang = current_language()
    return f"[{refusal.rule.citation.text(lang)}] {refusal.reason.get(lang, '')}"


def state() -> fund.LedgerState:
    """The law layer's state after every stored entry, in order."""
    current = fund.LedgerState(parameters=law_context.parameters())
    stored = list(LedgerEntry.objects.order_by("seq").values_list("data", flat=True))
    for index, entry in enumerate(Ledger.model_validate(stored).root):
        # Stored entries were allowed when written; replayed in order they are allowed again.
        fund.step(current, entry, index)
    return current


def _columns(entry, current: fund.LedgerState) -> dict[str, Any]:
    award_ref = getattr(entry, "award_ref", "") or ""
    if isinstance(entry, Commitment):
        grant_type = entry.grant_type
    elif award_ref in current.awards:
        grant_type = current.awards[award_ref].grant_type
    else:
        grant_type = ""
    return {"kind": entry.kind, "on": entry.on, "financial_year": getattr(entry, "financial_year", None),
            "grant_type": grant_type, "amount": getattr(entry, "amount", None), "award_ref": award_ref}


def _locked_head() -> LedgerHead:
    """The ledger's one row, locked; made on first use (two first writers: one makes it, both lock it)."""
    try:
        return LedgerHead.objects.select_for_update().get(pk=1)
    except LedgerHead.DoesNotExist:
        try:
            with transaction.atomic():
                LedgerHead.objects.create(pk=1)
        except IntegrityError:
            pass  # the other first writer made it
        return LedgerHead.objects.select_for_update().get(pk=1)


@transaction.atomic
def record(data: Any, actor) -> Outcome:
    """Decide and store one entry (a mapping as `fund_entries` reads it). Raises `InvalidFacts`
    naming the field for a malformed entry; a refusal of the law is stored and returned."""
    entry = parse_entry(data)
    head = _locked_head()
    current = state()
    columns = _columns(entry, current)  # before the step: a payment's type is its award's
    outcome = fund.step(current, entry, head.entries)
    payload = entry.model_dump(mode="json")
    if isinstance(outcome, Refusal):
        refused = LedgerRefusal.objects.create(
            data=payload, rule=outcome.rule.id, citation=outcome.rule.citation.ref,
            details=outcome.as_dict("en")["details"], asked_by=actor)
        return Outcome(refusal=outcome, refused=refused)
    head.entries += 1
    head.save(update_fields=["entries"])
    stored = LedgerEntry.objects.create(seq=head.entries, data=payload, entered_by=actor, **columns)
    return Outcome(entry=stored)


def balances() -> dict[int, fund.YearBalance]:
    """Per financial year and grant type, what the stored entries leave."""
    return state().years
