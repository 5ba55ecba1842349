"""Rule of the house "races": twenty identical requests at the same moment on the innovation grant
(law 003 article 27) — a double click, a stuck browser resending, two operators on one screen. Real
threads, each with its own database connection, released together by a barrier (tests/races.py);
skipped on SQLite's in-memory test database like the other race tests.

- 003.a27.p2: one open application per organisation and call (`GRANT.one_open_per`), decided by the
  database, through the engine and through the apply page.
- 003.a27.p2.a3: an expert's seat gives each kind of conclusion once and scores the call's criteria
  once (the unique constraints of `Conclusion` and `Score`); a score is not updated, so the twenty
  leave one row per criterion with one of the values, never two rows.
- 003.a27.p3.a2: a financial year is closed once; the second close is refused as a closed year.
- 003.a27.p3.a3: the commission's award commits the amount once; tranches paid at once never pay
  more than the agreement's amount."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation

from techpolicy.casework.engine import DuplicateCase, WorkflowError, fire
from techpolicy.casework.models import Case, Decision, RegisterEntry
from techpolicy.services.innovation_grants import fund, panels, scores
from techpolicy.services.innovation_grants.models import (
    Call,
    Conclusion,
    Criterion,
    LedgerEntry,
    LedgerHead,
    LedgerRefusal,
    Score,
    Seat,
    Tranche,
)
from techpolicy.services.innovation_grants.register import REGISTER_KEY
from techpolicy.services.innovation_grants.roles import GRANT_EXPERT
from techpolicy.services.innovation_grants.workflows import GRANT
from tests import factories
from tests.races import N, at_once, concurrent_writers, no_server_errors, post_at_once

from .grant_world import World, make_world, to_commission

pytestmark = [pytest.mark.django_db(transaction=True), concurrent_writers]

AMOUNT = Decimal("40000000.00")  # what `World.application` asks for


def en(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def world(analyst, today) -> World:
    return make_world(analyst, today)


def open_applications(world: World) -> int:
    return Case.objects.filter(workflow=GRANT.id, organisation=world.owner.organisation, open=True).count()


def under_expertise(world: World) -> Case:
    return fire(fire(world.application(), "submit", world.owner), "to_expertise", world.operator)


def declared_seat(world: World, case: Case, index: int = 0) -> Seat:
    """The expert's seat, independence declared, no conclusion or score yet; the expert may use the pages."""
    expert = world.experts[index]
    expert.user.groups.add(Group.objects.get_or_create(name=GRANT_EXPERT)[0])
    return Seat.objects.create(case=case, expert=expert, override_reason="race panel", placed_by=world.operator,
                               state=Seat.DECLARED, declared_at=timezone.now())


def criteria(call: Call) -> None:
    Criterion.objects.create(call=call, code="novelty", name_kk="Жаңалығы", name_ru="Новизна", name_en="Novelty",
                             weight="0.6")
    Criterion.objects.create(call=call, code="team", name_kk="Команда", name_ru="Команда", name_en="Team",
                             weight="0.4")


def in_implementation(world: World) -> Case:
    """An application awarded by the commission, its agreement signed by both parties."""
    case = awarded(world)
    case = fire(case, "draft_agreement", world.operator, payload={"number": "GA-R", "terms": "Шарт талаптары"})
    case = fire(case, "sign_as_grantee", world.owner, payload={"confirm": "on"})
    return fire(case, "sign_as_operator", world.operator, payload={"confirm": "on"})


def awarded(world: World) -> Case:
    case = on_the_agenda(world)
    return fire(case, "approve", world.operator)


def on_the_agenda(world: World) -> Case:
    case = to_commission(world, world.application())
    factories.cast_votes(case, world.voters, ["for", "for", "for"])
    return case


# --- 003.a27.p2: one open application per organisation and call ---------------------------------------


def test_003_a27_p2_races_twenty_creations_on_one_call_leave_one_open_application(world):
    outcomes = at_once(lambda i: world.application())
    cases = [o for o in outcomes if isinstance(o, Case)]
    duplicates = [o for o in outcomes if isinstance(o, DuplicateCase)]
    assert (len(cases), len(duplicates)) == (1, N - 1), [o for o in outcomes if not isinstance(o, Case | DuplicateCase)]
    assert {d.existing.pk for d in duplicates} == {cases[0].pk}
    assert open_applications(world) == 1
    # The subject is the call: the same organisation may answer another call meanwhile.
    other = Call.objects.create(number="C-other", grant_type=world.call.grant_type, title_kk="Шақыру",
                                title_ru="Конкурс", title_en="Call", opens_on=world.call.opens_on,
                                closes_on=world.call.closes_on, panel_size=2, published_at=timezone.now(),
                                created_by=world.operator)
    assert isinstance(world.application(call=other.number), Case) and open_applications(world) == 2


def apply_body(world: World) -> dict:
    return {"call-call": world.call.number, "applicant-kind": "legal_entity",
            "applicant-name": world.owner.organisation.name, "applicant-activity": "өнеркәсіптік роботтар шығару",
            "applicant-industrial_enterprise": "on", "project-direction": "AI.01",
            "project-planned_costs": "100000000.00", "project-requested": "40000000.00",
            "project-own_production_process": "true", "trainees-TOTAL_FORMS": "0", "trainees-INITIAL_FORMS": "0"}


def test_003_a27_p2_races_twenty_posts_of_the_apply_page_open_one_application(world):
    answers = no_server_errors(post_at_once(world.owner, en("innovation_grants:apply"), apply_body(world)))
    assert all(a.status == 302 for a in answers), [a for a in answers if a.status != 302][:2]
    [case] = Case.objects.filter(workflow=GRANT.id, organisation=world.owner.organisation)
    assert len([a for a in answers if a.said("success")]) == 1
    sent_back = [a for a in answers if not a.said("success")]
    assert len(sent_back) == N - 1 and all(case.number in " ".join(a.said("info")) for a in sent_back)
    assert {a.location for a in answers} == {en("casework:detail", case.number)}


def test_003_a27_p2_races_twenty_submits_of_one_application_fire_it_once(world):
    case = world.application()
    outcomes = at_once(lambda i: fire(case, "submit", world.owner, expected_version=case.version))
    assert sum(isinstance(o, Case) for o in outcomes) == 1
    assert all(isinstance(o, Case | WorkflowError) for o in outcomes), outcomes
    case.refresh_from_db()
    assert (case.state, case.transitions.filter(action="submit").count()) == ("submitted", 1)


# --- 003.a27.p2.a3: one conclusion of a kind, one score per criterion ------------------------------------


def test_003_a27_p2_a3_races_twenty_identical_conclusions_of_one_seat_are_stored_once(world):
    seat = declared_seat(world, under_expertise(world))
    outcomes = at_once(lambda i: panels.conclude(seat, seat.expert.user, Conclusion.ECONOMIC, f"Conclusion {i}."))
    assert sum(isinstance(o, Conclusion) for o in outcomes) == 1
    refused = [o for o in outcomes if isinstance(o, panels.PanelError)]
    assert len(refused) == N - 1 and all("already" in r.message for r in refused)
    assert Conclusion.objects.filter(seat=seat).count() == 1
    seat.refresh_from_db()
    assert seat.state == Seat.CONCLUDED


def test_003_a27_p2_a3_races_twenty_conclusion_posts_of_the_panel_page_store_one(world):
    case = under_expertise(world)
    seat = declared_seat(world, case, 1)
    answers = no_server_errors(post_at_once(seat.expert.user, en("innovation_grants:panel", case.number),
                                            {"action": "conclude", "kind": "technological", "text": "New to it."}))
    assert all(a.status == 302 for a in answers)
    assert len([a for a in answers if a.said("success")]) == 1
    assert all(a.said("error") for a in answers if not a.said("success"))
    assert list(Conclusion.objects.filter(seat=seat).values_list("kind", flat=True)) == ["technological"]


def test_003_a27_p2_a3_races_twenty_scorings_of_one_seat_leave_one_row_per_criterion(world):
    """A score is given once (no update): of twenty at once one set is stored, the others refused."""
    criteria(world.call)
    seat = declared_seat(world, under_expertise(world))
    outcomes = at_once(lambda i: scores.record_scores(seat, seat.expert.user,
                                                      {"novelty": str(i % 11), "team": str(10 - i % 11)}))
    assert outcomes.count(2) == 1
    assert all(isinstance(o, panels.PanelError) for o in outcomes if o != 2), outcomes
    stored = dict(Score.objects.filter(seat=seat).values_list("criterion__code", "value"))
    assert len(stored) == Score.objects.filter(seat=seat).count() == 2
    assert stored["novelty"] + stored["team"] == 10  # one request's pair, not a mix of two


def test_003_a27_p2_a3_races_twenty_score_posts_of_the_panel_page_store_one_set(world):
    criteria(world.call)
    case = under_expertise(world)
    seat = declared_seat(world, case, 1)
    answers = no_server_errors(post_at_once(seat.expert.user, en("innovation_grants:panel", case.number),
                                            {"action": "score", "score-novelty": "7", "score-team": "4"}))
    assert len([a for a in answers if a.said("success")]) == 1
    assert sorted(Score.objects.filter(seat=seat).values_list("value", flat=True)) == [4, 7]


# --- 003.a27.p3.a2: a financial year is closed once ---------------------------------------------------


def test_003_a27_p3_a2_races_twenty_closes_of_one_year_store_one(world):
    year = world.today.day.year
    world.today.day = dt.date(year, 12, 31)

    def close(i):
        return fund.record({"kind": "year_close", "on": world.today.day.isoformat(), "financial_year": year},
                           world.operator)

    outcomes = at_once(close)
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert sum(o.entry is not None for o in outcomes) == 1
    assert {o.refusal.rule.id for o in outcomes if o.refusal} == {"fund.year_closed"}
    assert LedgerEntry.objects.filter(kind="year_close").count() == 1
    assert LedgerRefusal.objects.filter(rule="fund.year_closed").count() == N - 1
    seqs = list(LedgerEntry.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, len(seqs) + 1)) and LedgerHead.objects.get().entries == len(seqs)


def test_003_a27_p3_a2_races_twenty_closes_on_the_ledger_page_store_one(world):
    year = world.today.day.year
    world.today.day = dt.date(year, 12, 31)
    answers = no_server_errors(post_at_once(world.operator, en("innovation_grants:ledger"),
                                            {"financial_year": str(year), "confirm": "on"}))
    assert all(a.status == 302 for a in answers)
    assert len([a for a in answers if a.said("success")]) == 1
    assert LedgerEntry.objects.filter(kind="year_close", financial_year=year).count() == 1


# --- 003.a27.p3.a3: the award commits once, tranches never exceed the grant ---------------------------------


def test_003_a27_p3_a3_races_twenty_awards_of_one_case_commit_the_amount_once(world):
    case = on_the_agenda(world)
    outcomes = at_once(lambda i: fire(case, "approve", world.operator))
    assert sum(isinstance(o, Case) for o in outcomes) == 1
    assert all(isinstance(o, Case | WorkflowError) for o in outcomes), outcomes
    assert LedgerEntry.objects.filter(kind="commitment", award_ref=case.number).count() == 1
    assert Decision.objects.filter(case=case, kind="award").count() == 1
    assert RegisterEntry.objects.filter(register=REGISTER_KEY, case=case).count() == 1
    year = fund.balances()[world.today.day.year].types["industrial_research"]
    assert year.committed == AMOUNT


def test_003_a27_p3_a3_races_twenty_payments_of_the_remaining_amount_pay_it_once(world):
    case = in_implementation(world)
    payload = {"amount": str(AMOUNT), "paid_on": world.today.day.isoformat()}
    outcomes = at_once(lambda i: fire(case, "pay_tranche", world.operator, payload=payload))
    assert sum(isinstance(o, Case) for o in outcomes) == 1
    assert all(isinstance(o, Case | WorkflowError) for o in outcomes), outcomes
    assert list(Tranche.objects.filter(agreement__case=case).values_list("amount", flat=True)) == [AMOUNT]
    assert LedgerEntry.objects.filter(kind="payment", award_ref=case.number).count() == 1
    assert fund.balances()[world.today.day.year].types["industrial_research"].paid == AMOUNT


def test_003_a27_p3_a3_races_twenty_tranche_posts_at_once_never_pay_more_than_the_grant(world):
    """Each tranche of 15 000 000 fits what is left on its own; at once, two fit and the third does not."""
    case = in_implementation(world)
    answers = no_server_errors(post_at_once(world.operator, en("casework:fire", case.number, "pay_tranche"),
                                            {"amount": "15000000", "paid_on": world.today.day.isoformat()}))
    assert len([a for a in answers if a.said("success")]) == 2
    assert all(a.said("error") for a in answers if not a.said("success"))
    tranches = Tranche.objects.filter(agreement__case=case)
    assert sorted(tranches.values_list("seq", flat=True)) == [1, 2]
    assert sum(t.amount for t in tranches) == Decimal("30000000.00")
    assert LedgerEntry.objects.filter(kind="payment", award_ref=case.number).count() == 2
