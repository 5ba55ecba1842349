"""The operator's page of the fund ledger (003.a27.p3.a2): the entries in Kazakh, the close of a
financial year refused before its end with the paragraph named, and once closed the balance opens
the next year; only the operator sees it."""

from __future__ import annotations

import datetime as dt

import pytest

from techpolicy.services.innovation_grants import fund
from techpolicy.services.innovation_grants.models import LedgerEntry

from .grant_world import make_world


@pytest.fixture
def world(analyst, today):
    return make_world(analyst, today)


def test_003_a27_p3_a2_the_operator_closes_the_year_and_its_balance_opens_the_next(world, client):
    client.force_login(world.operator)
    year = world.today.day.year
    page = client.get("/kk/innovation-grants/ledger/").content.decode()
    assert "ағымдағы шот ашылды" in page and "account_opened" not in page.replace('data-kind="account_opened"', "")
    # Not ticked: nothing happens.
    client.post("/kk/innovation-grants/ledger/", {"financial_year": str(year)})
    assert not LedgerEntry.objects.filter(kind="year_close").exists()
    # Before the year's end the Law refuses the close, naming article 27(3).
    page = client.post("/kk/innovation-grants/ledger/", {"financial_year": str(year), "confirm": "on"},
                       follow=True).content.decode()
    assert "27-бап, 3-тармақ" in page and not LedgerEntry.objects.filter(kind="year_close").exists()
    world.today.day = dt.date(year, 12, 31)
    client.post("/kk/innovation-grants/ledger/", {"financial_year": str(year), "confirm": "on"})
    assert LedgerEntry.objects.filter(kind="year_close", financial_year=year).count() == 1
    balances = fund.balances()
    assert balances[year + 1].carried_in == balances[year].carried_out == fund.balances()[year].balance > 0
    assert client.post("/kk/innovation-grants/ledger/", {"financial_year": "x" * 50, "confirm": "on"}).status_code \
        == 302
    client.force_login(world.owner)
    assert client.get("/kk/innovation-grants/ledger/").status_code == 403
