"""Finding 1 of issue 8 (001 p.7(4)): the state share of an ownership graph is computed in time
linear in the graph, without recursion, exactly, naming the largest chains and counting the others;
the graph's size and depth have limits that refuse it naming the field.

Known answers are computed by hand in the comments; a property test compares the computation
with a plain enumeration of every chain on small random graphs."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal, localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from techpolicy.law.acts.act001_technopark.facts import STATE_KINDS, Ownership, TechnoparkFacts
from techpolicy.law.acts.act001_technopark.ownership import (
    OwnershipLimits,
    percent_text,
    state_share,
    validate_ownership,
)
from techpolicy.law.acts.act001_technopark.participation import TECHNOPARK
from techpolicy.law.facts import InvalidFacts, parse_facts
from tests.ownership_graphs import application, chain, ladder

APPLICANT = "Qoldau Labs LLP"


def share_of(ownership: dict, **kwargs):
    return state_share(parse_facts(Ownership, ownership), APPLICANT, **kwargs)


def p7_4(ownership: dict, limits: OwnershipLimits | None = None):
    verdict = TECHNOPARK.evaluate(parse_facts(TechnoparkFacts, application(ownership)), limits=limits)
    return next(r for r in verdict.results if r.rule_id == "001.p7.4")


def refusal(ownership: dict, limits: OwnershipLimits | None = None) -> dict:
    with pytest.raises(InvalidFacts) as raised:
        validate_ownership(parse_facts(Ownership, ownership), limits=limits)
    assert len(raised.value.errors) == 1
    return raised.value.errors[0]


# --- known answers -------------------------------------------------------------------------------


def test_finding1_p7_4_a_16_layer_ladder_under_the_state_is_100_percent_through_65536_chains():
    # Every entity is held 50/50 by two wholly state entities, so each is 100 % state; the
    # applicant's 50 + 50 % are state. Chains: one choice of two per layer, 2^16 = 65536, each
    # 100 % × 0.5^16 = 0.00152587890625 %.
    share = share_of(ladder(16))
    assert share.total == Decimal(100)
    assert share.chain_count == 65536
    assert len(share.chains) == 5 and share.chains_not_listed == 65531
    assert {chain.product for chain in share.chains} == {Decimal("0.00152587890625")}
    assert all(len(chain.shares) == 16 and chain.path[-1] == APPLICANT for chain in share.chains)


def test_finding1_p7_4_a_ladder_whose_top_layer_is_half_state_gives_exactly_50_percent():
    # l16a is the state, l16b a natural person: each entity of layers 1..15 is 50 % × 1 + 50 % × 0
    # = 50 % state, and so is the applicant. A chain must end at l16a: 2^15 = 32768 chains.
    share = share_of(ladder(16, top=("state", "natural_person")))
    assert share.total == Decimal(50)
    assert share.chain_count == 32768


def test_finding1_p7_4_the_listed_chains_are_the_largest_largest_first():
    # Each entity held 60 % by its "a" holder and 40 % by its "b" holder; l16a is the state, l16b
    # a natural person; the applicant is held 70 % by l1a and 30 % by l1b. Every entity is then
    # 0.6 state, the applicant 70 × 0.6 + 30 × 0.6 = 60 %. The largest chain takes every "a":
    # 70 % × 0.6^15 = 0.03291294892032 %. The next are the 14 chains with one 40 % link in the
    # middle: 70 % × 0.6^14 × 0.4 = 0.02194196594688 % (more than 30 % × 0.6^15 = 0.01410554953728 %).
    share = share_of(ladder(16, top=("state", "natural_person"), upper=("60", "40"), direct=("70", "30")))
    assert share.total == Decimal(60)
    assert share.chain_count == 32768
    first, *others = share.chains
    assert first.product == Decimal("0.03291294892032")
    assert first.path == ("l16a", *(f"l{n}a" for n in range(15, 0, -1)), APPLICANT)
    assert first.shares == (*[Decimal(60)] * 15, Decimal(70))
    assert [c.product for c in others] == [Decimal("0.02194196594688")] * 4
    assert all(c.shares.count(Decimal(40)) == 1 for c in others)


def test_finding1_p7_4_verdict_names_five_chains_and_how_many_more_in_three_languages():
    result = p7_4(ladder(16))
    assert result.status == "failed"
    details = result.details
    assert details["share"] == "100"
    assert (details["chain_count"], details["chains_not_listed"]) == ("65536", "65531")
    assert len(details["chains"]) == 5
    # Five chains of 0.0015 % do not reach 50 %: all five are named, and the rest counted.
    assert len(details["decisive"].split("; ")) == 5 and details["decisive_not_listed"] == "65531"
    assert "(chains carrying state ownership: 65536 in all, 65531 more not listed here)" in result.reason["en"]
    assert "барлығы: 65536, мұнда көрсетілмегені: 65531" in result.reason["kk"]
    assert "всего: 65536, не показано здесь: 65531" in result.reason["ru"]


def test_finding1_p7_4_a_decisive_chain_is_named_alone_with_the_count_of_the_others():
    # NC holds 55 % directly (decisive on its own) and 10 % through X: two chains, one not listed.
    ownership = {"shareholders": [{"holder": "nc", "share": "55"}, {"holder": "x", "share": "10"}],
                 "entities": [{"id": "nc", "kind": "national_company", "name": "NC"},
                              {"id": "x", "kind": "legal_entity", "name": "X",
                               "shareholders": [{"holder": "nc", "share": "100"}]}]}
    details = p7_4(ownership).details
    assert details["decisive"] == "NC → Qoldau Labs LLP: 55 % = 55 %"
    assert (details["chain_count"], details["decisive_not_listed"], details["chains_not_listed"]) == ("2", "1", "0")


def test_finding1_p7_4_a_graph_without_state_has_no_chains():
    share = share_of(chain(30, top="natural_person"))
    assert (share.total, share.chain_count, share.chains) == (Decimal(0), 0, ())


# --- limits (system settings, not law) -------------------------------------------------------------


def test_finding1_p7_4_a_chain_of_1200_entities_is_invalid_input_naming_the_field():
    with pytest.raises(InvalidFacts) as raised:
        TECHNOPARK.evaluate(application(chain(1200)))
    assert raised.value.errors == [{"field": "ownership.entities", "message":
                                    "at most 1000 entities may be described (a system limit); 1200 were given"}]


def test_finding1_p7_4_entity_limit():
    deep = OwnershipLimits(max_entities=1000, max_depth=5000)
    validate_ownership(parse_facts(Ownership, chain(1000)), limits=deep)
    error = refusal(chain(1001), deep)
    assert error["field"] == "ownership.entities" and "at most 1000 entities" in error["message"]
    assert "at most 10 entities" in refusal(ladder(6), OwnershipLimits(max_entities=10))["message"]


def test_finding1_p7_4_depth_limit_names_the_holding_that_exceeds_it():
    validate_ownership(parse_facts(Ownership, chain(64)))  # 64 links: the default limit
    # e64 (entities[63]) is 64 links from the applicant; its holder e65 would be the 65th.
    error = refusal(chain(65))
    assert error["field"] == "ownership.entities[63].shareholders[0].holder"
    assert "longer than 64 holdings" in error["message"]
    # A ladder of 16 layers has chains of 16 links: over a limit of 10 at the 11th.
    error = refusal(ladder(16), OwnershipLimits(max_depth=10))
    assert error["field"] in {f"ownership.entities[{i}].shareholders[0].holder" for i in (18, 19)}  # l10a/b by l11a


def test_finding1_p7_4_long_chains_and_loops_need_no_recursion():
    # Over Python's recursion limit (1000) both ways: the state share and the loop detection.
    limits = OwnershipLimits(max_entities=5000, max_depth=5000)
    result = p7_4(chain(5000), limits)
    assert (result.status, result.details["share"], result.details["chain_count"]) == ("failed", "100", "1")
    looped = chain(3000)
    looped["entities"][-1]["shareholders"] = [{"holder": "e1", "share": "10"}]
    error = refusal(looped, limits)
    assert error["field"] == "ownership.entities[2999].shareholders[0].holder"
    assert error["message"].startswith("ownership loop: e1 → e2 → ") and error["message"].endswith("e3000 → e1")


def test_finding1_p7_4_products_are_exact_and_shown_cut_never_rounded_up():
    # 64 links of 99.9999999999 %: the exact product has hundreds of digits; none is lost.
    share = share_of(chain(64, share="99.9999999999"))
    with localcontext() as ctx:
        ctx.prec = 2000
        assert share.total == 100 * Decimal("0.999999999999") ** 64
    assert percent_text(Decimal("49.999999999999999999999999")) == "49.999999999999999999…"
    assert percent_text(Decimal("30.000")) == "30"
    assert percent_text(Decimal("1.5E-30")) == "1.5E-30"


# --- the computation against a plain enumeration ---------------------------------------------------

KINDS = ("state", "national_company", "state_subsidiary", "legal_entity", "legal_entity", "natural_person",
         "foreign_entity")
SHARES = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("33.33"), places=2)


@st.composite
def graphs(draw) -> dict:
    """A random acyclic graph: entity i may be held only by entities after it (at most 3 holdings
    of at most 33.33 %, so they never sum over 100 %)."""
    n = draw(st.integers(1, 8))
    entities = []
    for i in range(n):
        holders = draw(st.lists(st.integers(i + 1, n - 1), max_size=3)) if i < n - 1 else []
        entities.append({"id": f"e{i}", "name": f"E{i}", "kind": draw(st.sampled_from(KINDS)),
                         "shareholders": [{"holder": f"e{h}", "share": str(draw(SHARES))} for h in holders]})
    direct = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=3))
    return {"shareholders": [{"holder": f"e{h}", "share": str(draw(SHARES))} for h in direct], "entities": entities}


def enumerated(ownership: Ownership) -> list[tuple[tuple[str, ...], tuple[Decimal, ...], Decimal]]:
    """Every chain, the way the rule was first written: a path enumeration (small graphs only)."""
    entities = {e.id: e for e in ownership.entities}

    def up(entity_id: str):
        entity = entities[entity_id]
        if entity.kind in STATE_KINDS:
            return [((entity.name,), ())]
        return [((*path, entity.name), (*shares, h.share))
                for h in entity.shareholders for path, shares in up(h.holder)]

    found = []
    with localcontext() as ctx:
        ctx.prec = 200  # exact for these sizes
        for holding in ownership.shareholders:
            for path, shares in up(holding.holder):
                links = (*shares, holding.share)
                product = Decimal(100)
                for link in links:
                    product = product * link / 100
                found.append(((*path, APPLICANT), links, product))
    return found


@settings(max_examples=300, deadline=None)
@given(graphs())
def test_finding1_p7_4_linear_computation_equals_path_enumeration(data):
    ownership = parse_facts(Ownership, data)
    share = state_share(ownership, APPLICANT)
    chains = enumerated(ownership)
    with localcontext() as ctx:
        ctx.prec = 200
        assert share.total == sum((product for _, _, product in chains), Decimal(0))
    assert share.chain_count == len(chains)
    assert [c.product for c in share.chains] == sorted((p for _, _, p in chains), reverse=True)[:5]
    # Each listed chain is one of the enumerated ones (as a multiset: a holder listed twice by one
    # entity makes two equal chains).
    assert not Counter((c.path, c.shares) for c in share.chains) - Counter((p, links) for p, links, _ in chains)
