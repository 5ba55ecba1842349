"""Fixtures of the "Productivity 2020" service (seed 004): the programme's staff personas and the
administrator's entries for values the seed leaves unset."""

import datetime as dt

import pytest

from techpolicy.casework.models import ParameterEntry
from tests import factories


@pytest.fixture
def operator(db):
    """Staff persona of the programme: an employee of the programme operator (KIDI)."""
    return factories.make_operator()


@pytest.fixture
def leasing_operator(db):
    """An employee of the instrument operator of long-term leasing (KDB-Leasing)."""
    return factories.make_leasing_operator()


@pytest.fixture
def i8_parameters(db):
    """Instrument 8's share and cap are not set by the seed; an administrator enters them (test values)."""
    for name, value in (("p2020.i8.share", "50"), ("p2020.i8.cap_kzt", "10000000")):
        ParameterEntry.objects.create(name=name, start=dt.date(2015, 6, 17), value=value,
                                      citation="Operator's order (test value)")
