"""Issue 10, item 5: closing a Delphi round before every expert has answered is final for the
round, so the analyst confirms it with "I understand", and the server refuses it without."""

import datetime as dt

import pytest

pytestmark = pytest.mark.django_db


def test_closing_a_delphi_round_with_answers_missing_asks_first(client_as, main_stage_study, analyst,
                                                               panel_members, messages_of):
    """Issue 10, item 5: a round closed with 0 of 2 answers is closed only with "I understand"."""
    from techpolicy.casework.law_context import today
    from techpolicy.forecasting.studies.models import Round

    client = client_as(analyst)
    rounds = f"/en/forecasting/{main_stage_study.number}/rounds/"
    client.post(rounds, {"action": "open", "closes_on": (today() + dt.timedelta(days=10)).isoformat()})
    page = client.get(rounds).content.decode()
    assert 'data-testid="consequence-close-1"' in page and "Only 0 of 2 experts have answered" in page
    refused = client.post(rounds, {"action": "close", "round": "1"})
    assert Round.objects.get().is_open
    assert "only 0 of 2 experts have answered" in messages_of(refused)[0]
    client.post(rounds, {"action": "close", "round": "1", "confirm": "on"})
    assert not Round.objects.get().is_open
