"""The experts' scores on the call's criteria in the database and the operator's what-if of the
call's outcomes (the scoring is the Government's rules' matter, 003.a27.p4: every call sets its own;
the money is the type's allotment, 003.a27.p3.a3)."""

from __future__ import annotations

import pytest

from techpolicy.casework.engine import fire
from techpolicy.services.innovation_grants import panels, scores
from techpolicy.services.innovation_grants.models import Criterion, Score, Seat, Tie
from tests import factories

from .grant_world import make_world


@pytest.fixture
def world(analyst, today):
    world = make_world(analyst, today)
    Criterion.objects.create(call=world.call, code="novelty", name_kk="Жаңалығы", name_ru="Новизна",
                             name_en="Novelty", weight="0.6", required=True, required_min=5)
    Criterion.objects.create(call=world.call, code="team", name_kk="Команда", name_ru="Команда", name_en="Team",
                             weight="0.4")
    return world


def seated(world, owner=None, **changes):
    owner = owner or world.owner
    case = fire(fire(world.application(owner, **changes), "submit", owner), "to_expertise", world.operator)
    world.seat_panel(case)
    return case, list(Seat.objects.filter(case=case).select_related("expert__user"))


def test_an_expert_scores_each_criterion_once_within_its_scale(world):
    case, seats = seated(world)
    seat = seats[0]
    with pytest.raises(panels.PanelError):
        scores.record_scores(seat, seat.expert.user, {"novelty": "11", "team": "5"})
    with pytest.raises(panels.PanelError):
        scores.record_scores(seat, seat.expert.user, {"novelty": "7"})  # a criterion left out
    with pytest.raises(panels.PanelError):
        scores.record_scores(seat, seats[1].expert.user, {"novelty": "7", "team": "5"})  # another's seat
    assert scores.record_scores(seat, seat.expert.user, {"novelty": "7", "team": "5"}) == 2
    with pytest.raises(panels.PanelError, match="already|бұрын|уже"):
        scores.record_scores(seat, seat.expert.user, {"novelty": "7", "team": "5"})
    assert Score.objects.filter(seat=seat).count() == 2


def test_003_a27_p2_a3_a_conflict_recorded_after_the_seat_stops_the_scores(world):
    case, seats = seated(world)
    Tie.objects.create(expert=seats[0].expert, organisation=case.organisation, kind=Tie.OWNER)
    with pytest.raises(panels.PanelError):
        scores.record_scores(seats[0], seats[0].expert.user, {"novelty": "7", "team": "5"})


def test_the_what_if_lists_whose_funding_changes_with_another_threshold_or_allotment(world, client):
    strong, weak = seated(world)[0], seated(world, factories.make_applicant(), requested="30000000.00")[0]
    for case, marks in ((strong, ("9", "9")), (weak, ("6", "4"))):
        for seat in Seat.objects.filter(case=case).select_related("expert__user"):
            scores.record_scores(seat, seat.expert.user, {"novelty": marks[0], "team": marks[1]})
    client.force_login(world.operator)
    url = f"/kk/innovation-grants/calls/{world.call.number}/what-if/"
    page = client.get(url).content.decode()
    assert page.count('data-changed="1"') == 0 and "500\u00a0000\u00a0000" in page
    page = client.get(url, {"threshold": "60"}).content.decode()
    assert page.count('data-changed="1"') == 1 and weak.number in page
    page = client.get(url, {"budget": "45000000", "method": "median"}).content.decode()
    assert page.count('data-changed="1"') == 1  # the weaker one no longer fits after the stronger
    assert client.get(url, {"budget": "x" * 5000, "threshold": "NaN", "method": "max"}).status_code == 200
    client.force_login(world.owner)
    assert client.get(url).status_code == 403


def test_003_a27_p2_the_what_if_of_a_types_share_and_cap_lists_the_verdicts_it_changes(world, client):
    """003.a27.p2: the share and cap of a type are not set by the source; the operator sees what
    setting them would change for the applications of the call not yet decided."""
    near, far = seated(world)[0], seated(world, factories.make_applicant(), requested="20000000.00")[0]
    client.force_login(world.operator)
    url = f"/kk/innovation-grants/calls/{world.call.number}/what-if/"
    page = client.get(url, {"share": "30"}).content.decode()
    assert page.count('<li data-changed="rule">') == 1 and near.number in page and far.number not in page.split(
        "what-if-replayed")[1]
    assert "27-бап, 2-тармақ" in page and "30 %" in page
    page = client.get(url, {"cap": "10000000"}).content.decode()
    assert page.count('<li data-changed="rule">') == 2
    page = client.get(url, {"share": "100"}).content.decode()  # 100 % is not "part of" the costs: ignored
    assert '<li data-changed="rule">' not in page
