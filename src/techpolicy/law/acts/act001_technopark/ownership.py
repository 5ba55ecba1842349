"""State share of an applicant under paragraph 7(4) of the Astana Hub rules.

Paragraph 7(4) refuses a legal entity "fifty or more per cent of whose shares belong directly or
indirectly to the state, national managing holdings, national holdings and national companies or
their subsidiaries". The method used here, stated in every verdict:

- a holder of one of the state kinds (`STATE_KINDS`) counts as 100 % state;
- any other holder's state share is the sum over its own shareholders of share × that holder's
  state share (so along one chain of ownership the shares multiply);
- the applicant's state share is that sum over its direct shareholders.

Equivalently: multiplicative along each ownership chain, summed over chains. The largest chains
that carry state ownership are listed with their products so the figure can be checked by hand,
with the number of all such chains.

How it is computed (finding 1 of the security review: an ownership graph must not be able to make
the server work without end). The number of chains can grow exponentially with the graph (two
entities per layer, each held by both entities of the next layer, doubles them per layer), so
nothing here enumerates them:

- each entity's state share, its largest single chain and its number of chains are computed once,
  holders before the entities they hold (a dynamic programme over the graph, linear in its size);
- the largest chains are found by a best-first search that uses the largest single chain of each
  holder as its exact estimate, so each chain listed costs at most one step per link;
- everything is iterative (no recursion limit), and the arithmetic is exact: products and sums
  are computed without rounding and compared with the threshold as they are; shares have at most
  `facts.MAX_SHARE_DECIMALS` decimals and chains at most `max_depth` links, which
  keeps the exact figures short.

The size of the graph and the length of its chains have limits (`OwnershipLimits`) that are
system settings, not law; `validate_ownership` refuses a graph beyond them naming the field.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, ROUND_DOWN, Context, Decimal, localcontext

from ...facts import InvalidFacts
from .facts import STATE_KINDS, Ownership

METHOD = "multiplicative along each ownership chain, summed over chains"
HUNDRED = Decimal(100)
TOP_CHAINS = 5  # chains named in a verdict, largest first; the others are counted
DEFAULT_MAX_ENTITIES = 1000  # the defaults of the system settings TECHPOLICY_OWNERSHIP_MAX_*
DEFAULT_MAX_DEPTH = 64

# Products and sums of shares are exact: the precision is unlimited, and only products, sums and
# powers of ten are taken, never a quotient (which could need infinitely many digits).
_EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)
_SHOWN_DIGITS = 20  # significant digits shown; a longer figure is cut (towards zero) and ends in "…"
_SHOWN = Context(prec=_SHOWN_DIGITS, rounding=ROUND_DOWN)


@dataclass(frozen=True)
class OwnershipLimits:
    """How large an ownership graph may be (system settings, not law)."""

    max_entities: int = DEFAULT_MAX_ENTITIES  # entities listed in ownership.entities
    max_depth: int = DEFAULT_MAX_DEPTH  # links of the longest chain from the applicant upwards


def percent_text(value: Decimal) -> str:
    """`Decimal("30.000")` -> "30", `Decimal("49.99")` -> "49.99".

    At most 20 significant digits are shown, cut towards zero and marked "…" (so a share just
    under the threshold never shows as the threshold); a very small figure is shown as 1.5E-30."""
    shown = _SHOWN.plus(value)
    cut = "…" if shown != value else ""
    shown = _SHOWN.normalize(shown)
    if not shown.is_zero() and shown.adjusted() < -12:
        return format(shown, "E") + cut
    return format(shown, "f") + cut


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
    chains: tuple[Chain, ...]  # the largest chains (at most TOP_CHAINS), largest product first
    chain_count: int = 0  # every chain that carries state ownership (a Python int: it can be huge)
    method: str = METHOD

    @property
    def chains_not_listed(self) -> int:
        return self.chain_count - len(self.chains)

    def decisive(self, threshold: Decimal) -> tuple[tuple[Chain, ...], bool]:
        """The fewest listed chains (largest first) whose products together reach `threshold`,
        and whether they reach it (False: all listed chains, and more are needed)."""
        picked: list[Chain] = []
        running = Decimal(0)
        with localcontext(_EXACT):
            for chain in self.chains:
                if running >= threshold:
                    break
                picked.append(chain)
                running += chain.product
        return tuple(picked), running >= threshold


# --- the graph ---------------------------------------------------------------------------------


def _holding_field(prefix: str, owner: int | None, index: int) -> str:
    if owner is None:
        return f"{prefix}.shareholders[{index}].holder"
    return f"{prefix}.entities[{owner}].shareholders[{index}].holder"


def _invalid(field: str, message: str) -> InvalidFacts:
    return InvalidFacts([{"field": field, "message": message}])


def _index(ownership: Ownership, prefix: str) -> dict[str, int]:
    """Entity id -> position; refuses duplicate ids and holders that are not listed."""
    index: dict[str, int] = {}
    for i, entity in enumerate(ownership.entities):
        if entity.id in index:
            raise _invalid(f"{prefix}.entities[{i}].id", f"duplicate entity id {entity.id!r}")
        index[entity.id] = i
    owners = [(None, ownership.shareholders)] + [(i, e.shareholders) for i, e in enumerate(ownership.entities)]
    for owner, holdings in owners:
        for j, holding in enumerate(holdings):
            if holding.holder not in index:
                message = f"holder {holding.holder!r} is not listed in {prefix}.entities"
                raise _invalid(_holding_field(prefix, owner, j), message)
    return index


def _holders_first(ownership: Ownership, index: dict[str, int], prefix: str) -> list[int]:
    """Entity positions, each after every entity that holds it; refuses an ownership loop.

    A depth-first search with an explicit stack (a chain of any length needs no recursion),
    visiting entities and their shareholders in the order given, so a loop is reported at the
    holding that closes it, as the loop "a → b → a"."""
    entities = ownership.entities
    state = [0] * len(entities)  # 0: not seen, 1: on the current path, 2: done
    order: list[int] = []
    for root in range(len(entities)):
        if state[root]:
            continue
        state[root] = 1
        stack = [[root, 0]]  # entity, next shareholder to look at
        while stack:
            top = stack[-1]
            node, j = top
            holdings = entities[node].shareholders
            if j == len(holdings):
                stack.pop()
                state[node] = 2
                order.append(node)
                continue
            top[1] = j + 1
            holder = index[holdings[j].holder]
            if state[holder] == 1:
                path = [entry[0] for entry in stack]
                loop = [entities[i].id for i in path[path.index(holder) :]] + [entities[holder].id]
                raise _invalid(_holding_field(prefix, node, j), "ownership loop: " + " → ".join(loop))
            if state[holder] == 0:
                state[holder] = 1
                stack.append([holder, 0])
    return order


def _check_depth(ownership: Ownership, index: dict[str, int], order: list[int], max_depth: int, prefix: str) -> None:
    """Refuse a chain from the applicant longer than `max_depth` links, at the holding that exceeds it."""
    depth = [0] * len(ownership.entities)  # longest chain from the applicant to the entity; 0: unreachable
    for holding in ownership.shareholders:
        depth[index[holding.holder]] = 1
    for node in reversed(order):  # every entity before its holders: its depth is final here
        if not depth[node]:
            continue
        for j, holding in enumerate(ownership.entities[node].shareholders):
            holder = index[holding.holder]
            if depth[node] + 1 > max_depth:
                message = (f"the chain of ownership from the applicant is longer than {max_depth} "
                           "holdings (a system limit)")
                raise _invalid(_holding_field(prefix, node, j), message)
            depth[holder] = max(depth[holder], depth[node] + 1)


def validate_ownership(ownership: Ownership, prefix: str = "ownership", limits: OwnershipLimits | None = None) -> None:
    """Raise `InvalidFacts` naming the field for a graph over the limits, duplicate ids, unknown
    holders and loops. (Shares over 100 % are already refused by the facts model.)"""
    limits = limits or OwnershipLimits()
    if len(ownership.entities) > limits.max_entities:
        message = (f"at most {limits.max_entities} entities may be described (a system limit); "
                   f"{len(ownership.entities)} were given")
        raise _invalid(f"{prefix}.entities", message)
    index = _index(ownership, prefix)
    order = _holders_first(ownership, index, prefix)
    _check_depth(ownership, index, order, limits.max_depth, prefix)


# --- the state share ---------------------------------------------------------------------------


def _entity_shares(ownership: Ownership, index: dict[str, int]) -> tuple[list[Decimal], list[Decimal], list[int]]:
    """Per entity: the fraction (0..1) that belongs to the state, the fraction held through its
    largest single chain, and the number of chains from a state-kind holder to it."""
    order = _holders_first(ownership, index, "ownership")
    entities = ownership.entities
    n = len(entities)
    share = [Decimal(0)] * n
    best = [Decimal(0)] * n
    count = [0] * n
    with localcontext(_EXACT):
        for node in order:  # holders first
            entity = entities[node]
            if entity.kind in STATE_KINDS:
                share[node], best[node], count[node] = Decimal(1), Decimal(1), 1
                continue
            total, largest, chains = Decimal(0), Decimal(0), 0
            for holding in entity.shareholders:
                holder = index[holding.holder]
                fraction = holding.share.scaleb(-2)
                total += fraction * share[holder]
                largest = max(largest, fraction * best[holder])
                chains += count[holder]
            # Trailing zeros would grow by two digits a link (0.5 × 1.0 = 0.50): drop them.
            share[node], best[node], count[node] = total.normalize(), largest.normalize(), chains
    return share, best, count


def holder_state_shares(ownership: Ownership) -> dict[str, Decimal]:
    """Each listed entity's own state share, in per cent, by its id (the figure a tree of the
    ownership shows beside each holder). Call `validate_ownership` first for the limits."""
    index = _index(ownership, "ownership")
    share, _best, _count = _entity_shares(ownership, index)
    return {entity.id: share[index[entity.id]].scaleb(2).normalize() for entity in ownership.entities}


def state_share_total(ownership: Ownership) -> Decimal:
    """The applicant's direct-or-indirect state share in per cent, exact, without its chains."""
    index = _index(ownership, "ownership")
    share, _best, _count = _entity_shares(ownership, index)
    with localcontext(_EXACT):
        return sum((h.share * share[index[h.holder]] for h in ownership.shareholders), Decimal(0))


def state_share(ownership: Ownership, applicant: str = "applicant", top: int = TOP_CHAINS) -> StateShare:
    """The applicant's direct-or-indirect state share, its `top` largest chains and their number.

    Call `validate_ownership` first for the limits; an unknown holder or a loop raises here too."""
    index = _index(ownership, "ownership")
    share, best, count = _entity_shares(ownership, index)
    with localcontext(_EXACT):
        total = sum((h.share * share[index[h.holder]] for h in ownership.shareholders), Decimal(0))
        largest_chains = _largest_chains(ownership, index, best, applicant, top)
    chain_count = sum(count[index[h.holder]] for h in ownership.shareholders)
    return StateShare(total, largest_chains, chain_count)


def _largest_chains(
    ownership: Ownership, index: dict[str, int], best: list[Decimal], applicant: str, top: int
) -> tuple[Chain, ...]:
    """The `top` chains with the largest products, largest first, without enumerating the others.

    Best-first search from the applicant upwards. A search entry is a partial chain; its priority
    is its product times the largest single chain above its last holder (`best`), which is exactly
    the largest product any completion of it can have. Each entity's holdings are sorted by that
    value once, and an entry expands into its own best continuation and its next sibling only, so
    popping an entry pushes at most two. Ties prefer the longer partial chain, so after a chain is
    listed each pop goes one link further up until the next chain is complete: at most
    `top` × (longest chain + 1) pops. Runs inside the exact decimal context of `state_share`."""
    entities = ownership.entities
    options: dict[int | None, list[tuple[Decimal, int, Decimal]]] = {}

    def options_of(owner: int | None) -> list[tuple[Decimal, int, Decimal]]:
        """(priority weight, holder, share) of the holdings of `owner` (None: the applicant) that
        lead to the state, largest weight first (stable: equal weights keep the order given)."""
        if owner not in options:
            holdings = ownership.shareholders if owner is None else entities[owner].shareholders
            found = []
            for holding in holdings:
                holder = index[holding.holder]
                weight = holding.share.scaleb(-2) * best[holder]
                if weight:
                    found.append((weight, holder, holding.share))
            found.sort(key=lambda option: option[0], reverse=True)
            options[owner] = found
        return options[owner]

    # A partial chain: (fraction held through it, links, the chain it extends, owner, option index).
    heap: list[tuple[Decimal, int, int, tuple]] = []
    sequence = 0

    def push(parent: tuple | None, owner: int | None, position: int) -> None:
        nonlocal sequence
        choices = options_of(owner)
        if position >= len(choices):
            return
        weight, _, share = choices[position]
        prefix, links = (Decimal(1), 0) if parent is None else (parent[0], parent[1])
        entry = (prefix * share.scaleb(-2), links + 1, parent, owner, position)
        sequence += 1
        heapq.heappush(heap, (-(prefix * weight), -(links + 1), sequence, entry))

    push(None, None, 0)
    found: list[Chain] = []
    while heap and len(found) < top:
        _, _, _, entry = heapq.heappop(heap)
        _, _, parent, owner, position = entry
        push(parent, owner, position + 1)  # the next holding of the same owner
        holder = options_of(owner)[position][1]
        if entities[holder].kind in STATE_KINDS:
            found.append(_chain(entry, entities, options_of, applicant))
        else:
            push(entry, holder, 0)  # one link further up
    return tuple(found)


def _chain(entry: tuple, entities, options_of, applicant: str) -> Chain:
    """The chain a search entry stands for, from the state-kind holder down to the applicant."""
    names: list[str] = []
    shares: list[Decimal] = []  # the walk goes down the chain: the link above comes first
    product = entry[0] * HUNDRED
    while entry is not None:
        _, _, parent, owner, position = entry
        _, holder, share = options_of(owner)[position]
        names.append(entities[holder].name or entities[holder].id)
        shares.append(share)
        entry = parent
    return Chain((*names, applicant), tuple(shares), product)
