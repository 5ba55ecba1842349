"""Issue 11, part 2: the public list of a register (seed 001 p.21, requirement 001.p21) and its API
answer repeated requests from what was kept under the register's last change
(`casework.registers.answers`). What is kept must be what would be made afresh: any change of the
register, of the code names it shows, of the day or of the language gives a new answer; a page kept
for visitors who have not signed in never shows one visitor's CSRF token to another, and nobody who
signed in, or has a message waiting, is given it."""

import datetime as dt
import re
from unittest import mock

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from techpolicy.casework import law_context, registers
from techpolicy.casework.models import DayTransferEntry, ParameterEntry, ReferenceItem
from techpolicy.casework.registers import answers
from techpolicy.services.technopark.participants import EXTENSION, TERMINATION
from tests import factories

pytestmark = pytest.mark.django_db

PAGE = "/kk/technopark/participants/"
API = "/api/v1/technopark/participants"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _entries_read(queries) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if 'FROM "casework_registerentry"' in q["sql"]]


def _token(html: str) -> str:
    return TOKEN.search(html).group(1)


def test_p21_a_repeated_page_is_the_kept_one_with_the_requests_own_csrf_token():
    factories.make_participant(name="Alpha LLP")
    client = Client(enforce_csrf_checks=True)
    rendered = client.get(PAGE)
    first = rendered.content.decode()
    with CaptureQueriesContext(connection) as queries:
        again = client.get(PAGE)
    html = again.content.decode()
    assert {k: v for k, v in again.headers.items() if k != "Content-Length"} == {
        k: v for k, v in rendered.headers.items() if k != "Content-Length"}
    assert not _entries_read(queries)
    assert answers.PLACEHOLDER not in html and answers.PLACEHOLDER not in first
    # The same page but for the token (a new mask of the same secret on every answer, as rendered).
    assert _token(html) != _token(first) and html.replace(_token(html), "") == first.replace(_token(first), "")
    assert f'"X-CSRFToken": "{_token(html)}"' in html
    assert again.cookies["csrftoken"].value  # the cookie is set, as a rendered page sets it
    # The token of the kept page is accepted (the language switch of the page posts it).
    switched = client.post(reverse("set_language"), {"language": "en", "next": "/technopark/participants/",
                                                     "csrfmiddlewaretoken": _token(html)})
    assert switched.status_code == 302


def test_p21_another_visitor_gets_the_kept_page_with_a_token_of_their_own():
    factories.make_participant(name="Alpha LLP")
    first, second = Client(), Client()
    one = first.get(PAGE)
    two = second.get(PAGE)
    assert one.cookies["csrftoken"].value != two.cookies["csrftoken"].value
    assert _token(one.content.decode()) != _token(two.content.decode())
    posted = Client(enforce_csrf_checks=True)
    posted.cookies["csrftoken"] = two.cookies["csrftoken"].value
    assert posted.post(reverse("set_language"), {"language": "en", "csrfmiddlewaretoken":
                                                 _token(one.content.decode())}).status_code == 403


def test_p21_every_change_of_the_register_is_on_the_next_page_and_in_the_next_api_answer(client):
    _, _, _, alpha = factories.make_participant(name="Alpha LLP")
    _, _, _, beta = factories.make_participant(name="Beta LLP")
    assert "Alpha LLP" in client.get(PAGE).content.decode()
    assert [r["name"] for r in client.get(API).json()["items"]] == ["Alpha LLP", "Beta LLP"]
    registers.change(alpha, on=timezone.localdate(), citation=EXTENSION, name="Zeta LLP")  # p.36
    html = client.get(PAGE).content.decode()
    assert "Alpha LLP" not in html and html.index("Beta LLP") < html.index("Zeta LLP")
    assert [r["name"] for r in client.get(API).json()["items"]] == ["Beta LLP", "Zeta LLP"]
    registers.end(beta, on=timezone.localdate(), citation=TERMINATION)  # p.41: off the list of active ones
    assert "Beta LLP" not in client.get(PAGE).content.decode()
    assert [r["name"] for r in client.get(API).json()["items"]] == ["Zeta LLP"]
    factories.make_participant(name="Gamma LLP")  # p.20: a new entry
    assert "Gamma LLP" in client.get(PAGE).content.decode()
    assert client.get(API).json()["count"] == 2


def test_p21_the_next_day_gives_a_new_page_and_api_answer(client):
    today = timezone.localdate()
    factories.make_participant(name="Short LLP", valid_from=today - dt.timedelta(days=30), valid_until=today)
    assert "Short LLP" in client.get(PAGE).content.decode()
    assert client.get(API).json()["count"] == 1
    with mock.patch.object(law_context, "today", return_value=today + dt.timedelta(days=1)):
        assert "Short LLP" not in client.get(PAGE).content.decode()  # its period is over: expired
        assert client.get(API).json()["count"] == 0


def test_p21_a_changed_activity_name_is_on_the_next_page(client):
    item = ReferenceItem.objects.create(list_key="technopark.activity_types", code="S-01", name_kk="Бірінші атау",
                                        name_ru="Первое", name_en="First", source="test")
    factories.make_participant(name="Alpha LLP", activity_types=["S-01"])
    assert "Бірінші атау" in client.get(PAGE).content.decode()
    ReferenceItem.objects.filter(pk=item.pk).update(name_kk="Екінші атау")  # no register event
    html = client.get(PAGE).content.decode()
    assert "Екінші атау" in html and "Бірінші атау" not in html


def test_p21_each_language_has_its_own_page(client):
    factories.make_participant(name="Alpha LLP")
    languages = ("kk", "ru", "en")
    pages = {lang: client.get(f"/{lang}/technopark/participants/").content.decode() for lang in languages}
    pages_again = {lang: client.get(f"/{lang}/technopark/participants/").content.decode() for lang in languages}
    for lang in ("kk", "ru", "en"):
        assert f'<html lang="{lang}">' in pages[lang] and f'<html lang="{lang}">' in pages_again[lang]
    assert "Rows per page" in pages_again["en"] and "Rows per page" not in pages_again["kk"]


def test_p21_a_signed_in_visitor_is_never_given_the_kept_page(client):
    factories.make_participant(name="Alpha LLP")
    user = factories.make_user(username="reader-p21", first_name="Асель", last_name="Нұрова")
    Client().get(PAGE)  # kept for visitors who have not signed in
    client.force_login(user)
    html = client.get(PAGE).content.decode()
    assert "Асель Нұрова" in html and "Alpha LLP" in html
    assert "Асель Нұрова" not in Client().get(PAGE).content.decode()


def test_p21_a_visitor_with_a_message_waiting_sees_it(client, rf):
    factories.make_participant(name="Alpha LLP")
    client.get(PAGE)  # kept
    client.cookies["messages"] = CookieStorage(rf.get("/"))._encode([Message(constants.INFO, "Бір хабарлама")])
    assert "Бір хабарлама" in client.get(PAGE).content.decode()
    assert "Бір хабарлама" not in client.get(PAGE).content.decode()  # shown once, as always


def test_p21_api_errors_are_not_kept(client):
    factories.make_participant(name="Alpha LLP")
    assert client.get(API, {"status": "nonsense"}).status_code == 422
    assert client.get(API, {"status": "nonsense"}).status_code == 422
    assert client.get(API, {"status": "active"}).json()["count"] == 1


def test_law_context_reads_administrators_entries_on_every_call():
    """The parameters, calendar and reference lists are not kept across calls: an entry saved
    counts from the next call (the objects built of unchanged rows are reused)."""
    before = law_context.parameters()
    assert law_context.parameters() is before and law_context.calendar() is law_context.calendar()
    name = before.names()[0]
    kind = before.definition(name).type
    value = {"int": "7", "decimal": "7", "date": "2030-01-01", "bool": "true"}.get(kind, "7")
    start = dt.date(2030, 1, 1)
    ParameterEntry.objects.create(name=name, start=start, value=value, citation="test order")
    after = law_context.parameters()
    assert after is not before and after.get(name, start).set_by == "operator"
    day = dt.date(2030, 3, 9)
    working = not law_context.calendar().is_working_day(day)
    DayTransferEntry.objects.create(day=day, working=working, decree="test decree")
    assert law_context.calendar().is_working_day(day) == working
    ReferenceItem.objects.create(list_key="test.list", code="A", name_kk="а", name_ru="а", name_en="a", source="s",
                                 valid_from=dt.date(2030, 1, 1))
    assert law_context.reference_list("test.list", dt.date(2029, 12, 31)) == {}
    found = law_context.reference_list("test.list", dt.date(2030, 1, 1))
    assert found["A"]["name"] == {"kk": "а", "ru": "а", "en": "a"} and found["A"]["sample"] is False
    found["A"]["name"]["kk"] = "changed by a caller"
    assert law_context.reference_list("test.list")["A"]["name"]["kk"] == "а"


def test_p21_the_generic_api_list_and_its_as_of_list_follow_every_change(client):
    _, _, _, alpha = factories.make_participant(name="Alpha LLP")
    url = "/api/v1/registers/technopark.participants/entries"
    today = timezone.localdate().isoformat()
    assert [r["name"] for r in client.get(url).json()["items"]] == ["Alpha LLP"]
    assert [r["name"] for r in client.get(url, {"as_of": today}).json()["items"]] == ["Alpha LLP"]
    registers.change(alpha, on=timezone.localdate(), citation=EXTENSION, name="Zeta LLP")
    assert [r["name"] for r in client.get(url).json()["items"]] == ["Zeta LLP"]
    assert [r["name"] for r in client.get(url, {"as_of": today}).json()["items"]] == ["Zeta LLP"]
    english = client.get(url, {"lang": "en"}).json()["items"][0]["basis"]["text"]
    russian = client.get(url, {"lang": "ru"}).json()["items"][0]["basis"]["text"]
    assert english != russian  # each language its own answer
