"""Kazakh first: every page of the service renders in Kazakh with no English left (the brand and the
names the test data gives in Latin letters excepted), public pages and those of the people who work
on a case; and an undetermined verdict is labelled as such in the three languages."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.casework import law_context
from techpolicy.services.technology_platforms import roadmap, steps

from .test_road_map import draft_with_items
from .world import drive, organised, proposal

pytestmark = pytest.mark.django_db
LATIN_WORD = re.compile(r"\b[A-Za-z]{4,}\b")
# The brand, the export format and the names the competence-centre tests give in English.
ALLOWED = {"TechPolicy", "JSON", "Qazaq", "Technical", "University", "Ministry", "Energy", "Agriculture", "Hydrogen"}


def url(name, *args, lang="kk") -> str:
    with translation.override(lang):
        return reverse(name, args=args)


# Identifiers of dated parameters (the law layer's notes name them): codes, not English prose.
IDENTIFIER = re.compile(r"\b[a-z_]+(?:\.[a-z0-9_]+)+\b")


def visible_text(page: str) -> str:
    page = re.sub(r"<(script|style|datalist)[^>]*>.*?</\1>", " ", page, flags=re.S)
    return IDENTIFIER.sub(" ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def english(client, path: str) -> list[str]:
    response = client.get(path)
    assert response.status_code == 200, path
    return sorted({w for w in LATIN_WORD.findall(visible_text(response.content.decode())) if w not in ALLOWED})


@pytest.fixture
def published(world):
    case, platform = organised(world)
    version = roadmap.publish(draft_with_items(platform, world.proposer), world.proposer)
    draft = roadmap.start_draft(platform, world.proposer)
    return case, platform, version, draft


def test_the_public_pages_are_all_kazakh(client, published):
    _case, platform, version, _draft = published
    for path in (url("technology_platforms:index"), url("technology_platforms:register"),
                 url("technology_platforms:platform", platform.pk),
                 url("technology_platforms:road_map_history", platform.pk),
                 url("technology_platforms:road_map_version", platform.pk, version.number)):
        assert english(client, path) == [], path


def test_the_pages_of_those_who_keep_the_platform_are_all_kazakh(client, world, published):
    case, platform, _version, draft = published
    client.force_login(world.proposer)
    for path in (url("casework:detail", case.number), url("technology_platforms:manage", platform.pk),
                 url("technology_platforms:road_map_version", platform.pk, draft.number),
                 url("technology_platforms:road_map_publish", platform.pk, draft.number),
                 url("technology_platforms:apply")):
        assert english(client, path) == [], path


def test_the_pages_of_the_authorized_body_and_the_hstc_are_all_kazakh(client, world):
    case = drive(proposal(world), world, "submit")
    client.force_login(world.ab)
    assert english(client, url("casework:detail", case.number)) == []
    drive(case, world, "refer_to_hstc")
    client.force_login(world.members[0])
    assert english(client, url("casework:detail", case.number)) == []


@pytest.mark.parametrize(("lang", "label"), [
    ("kk", "анықталмады: сол күні қолданыста болған редакция бастапқы құжатта жоқ"),
    ("ru", "не определено: редакция, действовавшая на эту дату, в исходном документе отсутствует"),
    ("en", "undetermined: the wording in force on that date is not in the source document"),
])
def test_000_p27_an_undetermined_verdict_is_labelled_never_a_pass(client, world, monkeypatch, lang, label):
    case = proposal(world)
    monkeypatch.setattr(law_context, "today", lambda: dt.date(2026, 3, 1))
    steps.store_submission(case, world.proposer, {})
    client.force_login(world.proposer)
    page = html.unescape(client.get(url("casework:detail", case.number, lang=lang)).content.decode())
    assert 'data-outcome="undetermined"' in page and label in page
    assert 'data-testid="undetermined"' in page
