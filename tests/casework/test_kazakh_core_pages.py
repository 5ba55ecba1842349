"""Kazakh first for the pages the core serves every service (issue 9): a commission's meetings, a
meeting, the confirmation before closing it, the public registers and certificate verification read
with no English left in Kazakh. Names the test data gives in Latin letters are excepted."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from techpolicy.casework.commissions.meetings import add_item, create_meeting
from tests import factories

pytestmark = pytest.mark.django_db
KEY = factories.SELECTION_COMMISSION_KEY
LATIN_WORD = re.compile(r"\b[A-Za-z]{4,}\b")
IDENTIFIER = re.compile(r"\b[a-z_]+(?:\.[a-z0-9_]+)+\b")  # register keys and parameter codes in links
ALLOWED = {"TechPolicy", "JSON"}


def kk(name, *args) -> str:
    with translation.override("kk"):
        return reverse(name, args=args)


def english_words(page: str, names: set[str]) -> list[str]:
    page = re.sub(r"<(script|style|datalist)[^>]*>.*?</\1>", " ", page, flags=re.S)
    text = IDENTIFIER.sub(" ", html.unescape(re.sub(r"<[^>]+>", " ", page)))
    return sorted({w for w in LATIN_WORD.findall(text) if w not in ALLOWED | names})


def latin_names(*texts: str) -> set[str]:
    return {w for text in texts for w in LATIN_WORD.findall(text)}


def test_meeting_pages_read_in_kazakh(client, owner, secretariat, commission):
    case = factories.drive_participation(factories.make_participation_case(owner), "commission", owner, secretariat)
    meeting = create_meeting(commission[0], secretariat, timezone.localdate(), "Астана, 1-зал")
    add_item(meeting, case)
    names = latin_names(case.organisation.name, commission[0].name, secretariat.get_full_name(),
                        *(m.full_name for m in commission[0].members.all()))
    client.force_login(secretariat)
    for path in (kk("casework:meetings", KEY), kk("casework:meeting", KEY, meeting.number),
                 kk("casework:meeting_close", KEY, meeting.number)):
        response = client.get(path)
        assert response.status_code == 200, path
        assert english_words(response.content.decode(), names) == [], path


def test_register_pages_read_in_kazakh(client):
    _applicant, case, certificate, _entry = factories.make_participant(name="Тест ЖШС")
    for path in (kk("registers:index"), kk("registers:page", "technopark.participants"),
                 kk("registers:verify") + f"?number={certificate.number}"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert english_words(response.content.decode(), set()) == [], path
