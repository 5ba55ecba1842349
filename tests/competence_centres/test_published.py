"""What the service publishes to the others (X.link.cc): which organisations are state bodies and
which directions they supervise on a date (p.19, p.27), and which are designated centres, now or on
a past date, by sector (p.23, p.26, p.31)."""

from __future__ import annotations

import datetime as dt

import pytest

from techpolicy.casework import law_context
from techpolicy.services.competence_centres import published
from techpolicy.services.competence_centres.models import StateBodyProfile, SupervisedDirection

from .world import designated

pytestmark = pytest.mark.django_db


def test_state_bodies_and_the_directions_they_supervise_on_a_date(world):
    assert published.is_state_body(world.body) and not published.is_state_body(world.owner.organisation)
    assert published.is_state_body(None) is False
    assert published.state_body_kind(world.body) == StateBodyProfile.STATE_BODY
    today = law_context.today()
    assert published.supervised_directions(world.body, today) == [("05", "05.01"), ("05", "05.02")]
    SupervisedDirection.objects.filter(body__organisation=world.body, direction__code="05.02").update(
        valid_until=today - dt.timedelta(days=1))
    assert published.supervised_directions(world.body, today) == [("05", "05.01")]
    assert published.supervised_directions(world.body, today - dt.timedelta(days=1)) == [
        ("05", "05.01"), ("05", "05.02")]
    assert published.supervised_directions(world.owner.organisation, today) == []


def test_designated_centres_now_and_as_of_a_date(world):
    designated(world)
    organisation = world.owner.organisation
    entry = published.designated_centre(organisation)
    assert entry is not None and published.entry_sector(entry) == "05"
    assert published.entry_direction(entry) == "05.01"
    assert published.designated_centre(organisation, sector="05") == entry
    assert published.designated_centre(organisation, sector="07") is None
    assert published.designated_centre(world.other.organisation) is None
    yesterday = law_context.today() - dt.timedelta(days=1)
    assert published.designated_centre(organisation, on=yesterday) is None
    assert list(published.designated_centres(sector="05")) == [entry]
    assert list(published.designated_centres(on=law_context.today(), sector="07")) == []


def test_labels_of_the_vocabulary(world):
    assert published.sector_label("05", "ru") == "Энергетика"
    assert published.direction_label("05.01", "en") == "Hydrogen energy"
    assert published.direction_label("99.99", "kk") == "99.99"  # an unknown code is shown as it is
    assert published.sector_names("en") == {"05": "Energy", "07": "Agriculture"}
