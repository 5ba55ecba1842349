"""Fixtures of the innovation-grants tests: an analyst of the authorized body and a movable today."""

import pytest

from techpolicy.accounts.roles import ANALYST
from tests import factories
from tests.studies.conftest import Today


@pytest.fixture
def analyst(db):
    return factories.make_user(roles=[ANALYST], email="grants-analyst@example.kz")


@pytest.fixture
def today(monkeypatch):
    return Today(monkeypatch)
