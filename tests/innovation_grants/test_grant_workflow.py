"""The innovation grant from application to completion (law 003 article 27) through the real
workflow engine: submission judged by the procedure "innovation-grant" (003.a27.p1, 003.a27.p2),
the expertise (003.a27.p2.a3, reading R-F2), the award basis of article 20(6) (003.a20.p6.grants),
the commission's award committing the amount in the fund ledger and entering the public register
(003.a27.p3.a3, 003.a3.p3.2), the two-party agreement, tranches against the commitment and the
completed grant."""

from __future__ import annotations

from decimal import Decimal

import pytest

from techpolicy.casework.engine import WorkflowError, fire
from techpolicy.casework.models import Decision, RegisterEntry
from techpolicy.services.innovation_grants import fund
from techpolicy.services.innovation_grants.models import Agreement, LedgerEntry
from techpolicy.services.innovation_grants.register import REGISTER_KEY
from tests import factories

from .grant_world import make_world, to_commission


@pytest.fixture
def world(analyst, today):
    return make_world(analyst, today)


def test_003_a27_the_grant_goes_from_application_to_completion(world):
    case = to_commission(world, world.application())
    assert case.state == "commission" and case.facts["award"]["basis"] == {
        "innovativeness": {"evidence": "жаңа өндіріс үдерісі"}}
    factories.cast_votes(case, world.voters, ["for", "for", "against"])
    case = fire(case, "approve", world.operator)
    assert case.state == "awarded"
    decision = Decision.objects.get(case=case, kind="award")
    assert decision.outcome == "approved" and "003 a.20 p.6" in decision.basis and "003 a.27 p.1" in decision.basis
    commitment = LedgerEntry.objects.get(kind="commitment", award_ref=case.number)
    assert commitment.amount == Decimal("40000000.00") and commitment.grant_type == "industrial_research"
    year = fund.balances()[world.today.day.year].types["industrial_research"]
    assert year.available == Decimal("460000000.00")
    entry = RegisterEntry.objects.get(register=REGISTER_KEY, case=case)
    assert entry.data["amount"] == "40000000.00" and entry.data["direction"] == ["AI.01"]

    case = fire(case, "draft_agreement", world.operator, payload={"number": "GA-1", "terms": "Шарт талаптары"})
    with pytest.raises(WorkflowError, match="Растауды белгілеңіз"):
        fire(case, "sign_as_grantee", world.owner)
    case = fire(case, "sign_as_grantee", world.owner, payload={"confirm": "on"})
    case = fire(case, "sign_as_operator", world.operator, payload={"confirm": "on"})
    assert case.state == "implementation" and Agreement.objects.get(case=case).signed
    today = world.today.day.isoformat()
    with pytest.raises(WorkflowError, match="асады"):
        fire(case, "pay_tranche", world.operator, payload={"amount": "40000000.01", "paid_on": today})
    case = fire(case, "pay_tranche", world.operator, payload={"amount": "25000000", "paid_on": today})
    with pytest.raises(WorkflowError):
        fire(case, "complete", world.operator, payload={"confirm": "on"})
    case = fire(case, "pay_tranche", world.operator, payload={"amount": "15000000.00", "paid_on": today})
    assert [e.kind for e in LedgerEntry.objects.filter(award_ref=case.number)] == ["commitment", "payment", "payment"]
    case = fire(case, "complete", world.operator, payload={"confirm": "on"})
    assert case.state == "completed" and not case.open


def test_003_a27_p1_an_application_outside_the_priority_directions_is_refused_naming_the_article(world):
    case = world.application(direction="BIO.07")
    with pytest.raises(WorkflowError) as refused:
        fire(case, "submit", world.owner)
    assert "27-бап, 1-тармақ" in str(refused.value) and "BIO.07" in str(refused.value)


def test_003_a27_p2_a_grant_for_all_the_planned_costs_is_refused(world):
    with pytest.raises(WorkflowError) as refused:
        fire(world.application(requested="100000000.00"), "submit", world.owner)
    assert "27-бап, 2-тармақ" in str(refused.value)


def test_003_a27_p2_a3_the_expertise_needs_a_domestic_and_a_foreign_expert_and_both_conclusions(world):
    case = fire(world.application(), "submit", world.owner)
    with pytest.raises(WorkflowError, match="expertise|сараптама"):
        fire(case, "skip_expertise", world.operator)
    case = fire(case, "to_expertise", world.operator)
    with pytest.raises(WorkflowError) as refused:
        fire(case, "close_expertise", world.operator)
    assert "3-абзац" in str(refused.value)
    world.seat_panel(case, conclusions=("economic", "economic"))
    with pytest.raises(WorkflowError) as refused:
        fire(case, "close_expertise", world.operator)
    assert "003.a27" not in str(refused.value) and "технологиялық" in str(refused.value)


def test_003_a20_p6_an_award_without_a_criterion_of_article_20_6_does_not_reach_the_commission(world):
    case = fire(world.application(), "submit", world.owner)
    case = fire(case, "to_expertise", world.operator)
    world.seat_panel(case)
    case = fire(case, "close_expertise", world.operator)
    with pytest.raises(WorkflowError) as refused:
        fire(case, "send_to_commission", world.operator,
             payload={"innovativeness": " ", "sectoral_programme": "Бағдарлама", "confirm": "on"})
    assert "20-бап, 6-тармақ" in str(refused.value)


def test_003_a27_p3_a3_the_types_money_bounds_what_can_go_to_the_commission(world):
    case = world.application(planned_costs="900000000.00", requested="600000000.00")
    case = fire(case, "submit", world.owner)
    case = fire(case, "to_expertise", world.operator)
    world.seat_panel(case)
    case = fire(case, "close_expertise", world.operator)
    with pytest.raises(WorkflowError) as refused:
        fire(case, "send_to_commission", world.operator,
             payload={"innovativeness": "x", "sectoral_programme": "Бағдарлама", "confirm": "on"})
    assert "27-баптың 3-тармағы" in str(refused.value) and "600\u00a0000\u00a0000\u00a0₸" in str(refused.value)


def test_003_a27_p2_a3_patenting_goes_to_the_award_without_expertise(analyst, today):
    world = make_world(analyst, today, grant_type="international_patenting")
    case = fire(world.application(grant_type="international_patenting", own_production_process=None), "submit",
                world.owner)
    with pytest.raises(WorkflowError):
        fire(case, "to_expertise", world.operator)
    assert fire(case, "skip_expertise", world.operator).state == "preparation"


def test_003_a27_p3_the_operator_sees_the_funds_balances_per_year_and_type_with_a_chart(world, client):
    """003.a27.p3.a2-a3: the balances per year and type, drawn and tabled; the public does not see them."""
    client.force_login(world.operator)
    page = client.get("/kk/innovation-grants/")
    assert page.status_code == 200
    text = page.content.decode()
    assert 'data-testid="balances"' in text and "chart-grant-fund" in text and "500\u00a0000\u00a0000" in text
    client.logout()
    assert 'data-testid="balances"' not in client.get("/kk/innovation-grants/").content.decode()
