"""Issue 10, item 3: a notice to the applicant is written in each recipient's language, its deadline
dated as that language writes dates, and shares no English with the notice in English."""

import datetime as dt
import re

import pytest

from techpolicy.casework.notifications import notify_applicant
from tests import factories
from tests.site.page_text import shared_english
from tests.site.test_every_page_speaks_the_language import ALWAYS_ALLOWED

pytestmark = pytest.mark.django_db
DATES = {"kk": "2 желтоқсан 2026 ж.", "ru": "2 декабря 2026 г.", "en": "Dec. 2, 2026"}


def test_each_recipient_reads_the_notice_and_its_deadline_in_their_language(owner):
    case = factories.make_participation_case(owner)
    for lang in ("kk", "ru"):
        factories.make_user(organisation=owner.organisation, email=f"{lang}@example.kz", language=lang)
    case.due_on = dt.date(2026, 12, 2)
    notices = {n.language: n for n in notify_applicant(case, action=None)}
    assert set(notices) == {"kk", "ru", "en"}
    for lang, date in DATES.items():
        assert date in notices[lang].body, (lang, notices[lang].body)
    english = [notices["en"].subject, *notices["en"].body.split("\n\n")]
    allowed = re.compile("|".join([*ALWAYS_ALLOWED, re.escape(owner.organisation.name)]))
    for lang in ("kk", "ru"):
        lines = [notices[lang].subject, *notices[lang].body.split("\n\n")]
        assert shared_english(lines, english, allowed) == [], lang
