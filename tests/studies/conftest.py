"""Fixtures of forecast studies (seed 000, chapter 2): an analyst, a study with candidate
technologies, and experts who accepted their invitations (domestic and foreign)."""

import datetime as dt
import itertools

import pytest
from django.utils import timezone, translation

from techpolicy.accounts.roles import ANALYST
from techpolicy.forecasting.studies import discussion, moderation, panel, stages
from techpolicy.forecasting.studies.models import Technology
from tests import factories


@pytest.fixture
def english():
    """Service messages in English, for tests that read them (the default language is Kazakh)."""
    with translation.override("en"):
        yield


@pytest.fixture
def client_as(client):
    """The test client signed in as the given user."""
    def login(user):
        client.force_login(user)
        return client
    return login


@pytest.fixture
def analyst(db):
    return factories.make_user(roles=[ANALYST], email="analyst@example.kz")


def make_study(analyst, **fields):
    defaults = {
        "title": "Digital agriculture 2040",
        "direction": "Agriculture",
        "covered_sectors": ["Agriculture", "ICT"],
        "horizon_year": 2040,
        "organising_body": "Ministry of Agriculture",
        "methods": ["extrapolation", "foresight"],
        "stop_rule": {"max_rel_iqr": 0.5},
    }
    study = stages.create_study(analyst, **(defaults | fields))
    for code, kk, ru, en in (
        ("T1", "Дәлме-дәл егіншілік", "Точное земледелие", "Precision farming"),
        ("T2", "Агродрондар", "Агродроны", "Agricultural drones"),
        ("T3", "Биотехнология", "Биотехнологии", "Biotechnology"),
    ):
        Technology.objects.create(study=study, code=code, name_kk=kk, name_ru=ru, name_en=en, sector="Agriculture")
    return study


@pytest.fixture
def study(analyst):
    return make_study(analyst)


def make_expert(study, analyst, email, country, fields=("Agriculture", "ICT"), years=10, accept=True, language="en"):
    """Invite an expert; with `accept`, they accept with a user account (returned with the membership)."""
    membership = panel.invite(study, analyst, email=email, full_name=email.split("@")[0].title(), country=country,
                              organisation="Institute", fields=list(fields), experience_years=years,
                              language=language)
    user = None
    if accept:
        user = factories.make_user(email=email, language=language)
        membership = panel.respond(membership, accept=True, user=user, no_conflict=True)
    return membership, user


@pytest.fixture
def panel_members(study, analyst):
    """A domestic and a foreign expert who accepted; returns [(membership, user), ...]."""
    return [make_expert(study, analyst, "aigerim@example.kz", "KZ"),
            make_expert(study, analyst, "hans@example.de", "DE")]


@pytest.fixture
def main_stage_study(study, analyst, panel_members):
    """The study in its main stage (paragraph 7 satisfied)."""
    return stages.advance(study, "start_main", analyst, version=study.version)


TODAY = dt.date(2026, 11, 21)


# --- the final stage and the public discussion (000 p.12), shared by the discussion, key-technology
# and API tests. "Today" is moved by patching django.utils.timezone.localdate, which
# casework.law_context.today() and the stage guards read.

_experts = itertools.count(1)

DRAFT = {
    "vision": "Kazakhstan farms run on data by 2040.",
    "goals": ["Precision farming on half of the arable land"],
    "key_technologies": ["T2", "T1"],
    "grant_directions": ["Sensors for soil moisture"],
    "programme_directions": ["Agri-drone services"],
    "planning_proposals": ["Amend the agricultural development concept"],
    "recommendations": [{"body": "Ministry of Agriculture", "text": "Fund pilot farms"}],
}


class Today:
    """A movable "today" for the process under test (see the module docstring)."""

    def __init__(self, monkeypatch, day: dt.date = TODAY):
        self.day = day
        original = timezone.localdate
        monkeypatch.setattr(timezone, "localdate",
                            lambda value=None, timezone=None: self.day if value is None else original(value, timezone))

    def move(self, days: int) -> dt.date:
        self.day += dt.timedelta(days=days)
        return self.day


def final_study(analyst, **fields):
    """A study in its final stage (p.12): experts engaged, the main stage done, no Delphi rounds
    needed because it uses extrapolation only."""
    study = make_study(analyst, **({"methods": ["extrapolation"]} | fields))
    n = next(_experts)
    make_expert(study, analyst, f"kz{n}@example.kz", "KZ")
    make_expert(study, analyst, f"de{n}@example.de", "DE")
    study = stages.advance(study, "start_main", analyst, version=study.version)
    return stages.advance(study, "start_final", analyst, version=study.version)


def publish(study, analyst, closes_on: dt.date, **changes):
    return discussion.publish_draft(study, analyst, **(DRAFT | {"discussion_closes_on": closes_on} | changes))


def comment(draft, text="Add irrigation sensors.", email="citizen@example.kz", *, published=True, **fields):
    """A comment of the public discussion; `published` (the default) as an analyst accepted it for the
    public (tests/studies/test_comment_moderation.py covers the moderation itself)."""
    received = discussion.add_comment(draft, **({"author_name": "Aliya", "author_email": email,
                                                 "organisation": "Farmers' union", "text": text} | fields))
    return moderation.moderate(received, draft.published_by, action="publish") if published else received


def approved_study(analyst, today: Today, in_force_from: dt.date, codes, decision="HSTC minutes No. 1"):
    """A study taken the whole way: draft, closed discussion, HSTC, approval from `in_force_from`."""
    study = final_study(analyst)
    publish(study, analyst, today.day + dt.timedelta(days=1), key_technologies=codes)
    today.move(2)
    study = stages.advance(study, "submit_hstc", analyst, version=study.version)
    return stages.advance(study, "approve", analyst, version=study.version, in_force_from=in_force_from,
                          decision=decision)


@pytest.fixture
def today(monkeypatch):
    return Today(monkeypatch)


@pytest.fixture
def final(analyst, today):
    return final_study(analyst)
