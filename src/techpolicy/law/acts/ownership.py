"""State share of an applicant under paragraph 7(4) of the Astana Hub rules.

Paragraph 7(4) refuses a legal entity "fifty or more per cent of whose shares belong directly or
indirectly to the state, national managing holdings, national holdings and national companies or
their subsidiaries". The method used here, stated in every verdict:

- a holder of one of the state kinds (`STATE_KINDS`) counts as 100 % state;
- any other holder's state share is the sum over its own shareholders of share × that holder's
  state share (so along one chain of ownership the shares multiply);
- the applicant's state share is that sum over its direct shareholders.

Equivalently: multiplicative along each ownership chain, summed over chains. The chains that
carry state ownership are listed with their products so the figure can be checked by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..facts import InvalidFacts
from .technopark_facts import STATE_KINDS, Entity, Ownership, Shareholding

METHOD = "multiplicative along each ownership chain, summed over chains"
HUNDRED = Decimal(100)


def percent_text(value: Decimal) -> str:
    """`Decimal("30.000")` -> "30", `Decimal("49.99")` -> "49.99"."""
    return format(value.normalize(), "f")


@dataclass(frozen=True)
class Chain:
    """One chain from a state-kind holder down to the applicant."""

    path: tuple[str, ...]  # display names, from the state-kind holder to the applicant
    shares: tuple[Decimal, ...]  # share of each link, in per cent, in the same order
    product: Decimal  # per cent of the applicant held through this chain

    def text(self) -> str:
        links = " × ".join(f"{percent_text(s)} %" for s in self.shares)
        return f"{' → '.join(self.path)}: {links} = {percent_text(self.product)} %"

    def as_dict(self) -> dict:
        return {
            "path": list(self.path),
            "shares": [percent_text(s) for s in self.shares],
            "product": percent_text(self.product),
            "text": self.text(),
        }


@dataclass(frozen=True)
class StateShare:
    total: Decimal
    chains: tuple[Chain, ...]  # largest product first
    method: str = METHOD

    def decisive(self, threshold: Decimal) -> tuple[Chain, ...]:
        """The fewest chains (largest first) whose products together reach `threshold`."""
        picked: list[Chain] = []
        running = Decimal(0)
        for chain in self.chains:
            if running >= threshold:
                break
            picked.append(chain)
            running += chain.product
        return tuple(picked) if running >= threshold else ()


def _holding_field(prefix: str, owner: int | None, index: int) -> str:
    if owner is None:
        return f"{prefix}.shareholders[{index}].holder"
    return f"{prefix}.entities[{owner}].shareholders[{index}].holder"


def _invalid(field: str, message: str) -> InvalidFacts:
    return InvalidFacts([{"field": field, "message": message}])


def validate_ownership(ownership: Ownership, prefix: str = "ownership") -> None:
    """Raise `InvalidFacts` naming the field for duplicate ids, unknown holders and loops.

    (Shares over 100 % are already refused by the facts model.)"""
    index: dict[str, int] = {}
    for i, entity in enumerate(ownership.entities):
        if entity.id in index:
            raise _invalid(f"{prefix}.entities[{i}].id", f"duplicate entity id {entity.id!r}")
        index[entity.id] = i

    def check_known(owner: int | None, holdings: list[Shareholding]) -> None:
        for j, holding in enumerate(holdings):
            if holding.holder not in index:
                message = f"holder {holding.holder!r} is not listed in {prefix}.entities"
                raise _invalid(_holding_field(prefix, owner, j), message)

    check_known(None, ownership.shareholders)
    for i, entity in enumerate(ownership.entities):
        check_known(i, entity.shareholders)

    # Depth-first search for a loop; `stack` is the path of ids being explored.
    done: set[str] = set()

    def visit(entity_id: str, stack: list[str]) -> None:
        if entity_id in done:
            return
        owner = index[entity_id]
        stack.append(entity_id)
        for j, holding in enumerate(ownership.entities[owner].shareholders):
            if holding.holder in stack:
                loop = [*stack[stack.index(holding.holder) :], holding.holder]
                message = "ownership loop: " + " → ".join(loop)
                raise _invalid(_holding_field(prefix, owner, j), message)
            visit(holding.holder, stack)
        stack.pop()
        done.add(entity_id)

    for entity in ownership.entities:
        visit(entity.id, [])


def state_share(ownership: Ownership, applicant: str = "applicant") -> StateShare:
    """The applicant's direct-or-indirect state share, with the chains that carry it.

    Call `validate_ownership` first (an unknown holder or a loop raises here as well).
    """
    validate_ownership(ownership)
    entities: dict[str, Entity] = {e.id: e for e in ownership.entities}

    def label(entity: Entity) -> str:
        return entity.name or entity.id

    def chains_of(entity_id: str) -> list[tuple[tuple[str, ...], tuple[Decimal, ...]]]:
        """Chains from a state-kind holder down to `entity_id` (path, link shares)."""
        entity = entities[entity_id]
        if entity.kind in STATE_KINDS:
            return [((label(entity),), ())]
        found = []
        for holding in entity.shareholders:
            for path, shares in chains_of(holding.holder):
                found.append(((*path, label(entity)), (*shares, holding.share)))
        return found

    chains = []
    for holding in ownership.shareholders:
        for path, shares in chains_of(holding.holder):
            links = (*shares, holding.share)
            product = HUNDRED
            for share in links:
                product = product * share / HUNDRED
            chains.append(Chain((*path, applicant), links, product))
    chains.sort(key=lambda c: c.product, reverse=True)
    return StateShare(sum((c.product for c in chains), Decimal(0)), tuple(chains))
