"""The demo world of innovation grants: the priority directions resting on an approved forecast
study (003.a19.p1.basis1), the fund over two years with last year's balance carried into this year
(003.a27.p3.a2), applications at every stage through the real workflow, a conflicted expert never
on the panel (003.a27.p2.a3); loading twice changes nothing."""

from __future__ import annotations

import pytest

from techpolicy.casework import law_context
from techpolicy.casework.models import Case, Decision, RegisterEntry
from techpolicy.services.innovation_grants import demo, fund, panels
from techpolicy.services.innovation_grants.measure_cases import MEASURE
from techpolicy.services.innovation_grants.models import Expert, LedgerEntry, Seat
from techpolicy.services.innovation_grants.register import REGISTER_KEY

pytestmark = pytest.mark.django_db


def test_the_demo_tells_the_grant_from_draft_to_tranche_and_carries_the_balance_over():
    lines = demo.load()
    assert [line.rsplit("(", 1)[-1] for line in lines[:-1]] == [
        "draft)", "submitted)", "expertise)", "commission)", "implementation)", "guarantee, granted)",
        "lending, submitted)"]
    assert lines[-1].startswith("Innovation grants (password demo-2026): operator grant-operator")
    states = dict(Case.objects.filter(workflow="innovation_grants.grant").values_list("organisation__bin", "state"))
    assert sorted(states.values()) == ["commission", "draft", "expertise", "implementation", "submitted"]
    year = law_context.today().year
    balances = fund.balances()
    assert balances[year - 1].closed_on is not None
    assert balances[year].carried_in == balances[year - 1].carried_out > 0
    assert balances[year].adds_up
    assert LedgerEntry.objects.filter(kind="payment", financial_year=year).count() == 1
    assert RegisterEntry.objects.filter(register=REGISTER_KEY).count() == 1
    # 003.a20.p6(2): the guarantee is granted on competitiveness with its comparator; the loan waits.
    measures = dict(Case.objects.filter(workflow=MEASURE.id).values_list("facts__measure", "state"))
    assert measures == {"guarantee": "granted", "lending": "submitted"}
    granted = Decision.objects.get(case__workflow=MEASURE.id)
    assert granted.basis == ["003 a.22", "003 a.20 p.6(2)"]
    conflicted = Expert.objects.get(user__username="grant-expert-kz2")
    under_expertise = Case.objects.get(organisation__bin=demo.APPLICANTS[2][3])
    assert panels.conflicts_of_case(under_expertise)[conflicted.pk] == "employee"
    assert not Seat.objects.filter(expert=conflicted).exists()
    assert under_expertise not in panels.visible_cases(conflicted)
    again = demo.load()
    assert again[0] == "Innovation grant demo exists"
    assert Case.objects.filter(workflow="innovation_grants.grant").count() == 5
