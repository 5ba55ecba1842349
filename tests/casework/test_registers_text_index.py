"""The registers' text index and counts (issue 11): a search matches the beginnings of words, the
same on SQLite (FTS5, unicode61) and PostgreSQL (pg_trgm), now and as of a past date; the index
follows every write; a list's count is exact after each change and is read from the cache between
changes. Entries of the technopark's list (seed 001 p.21, requirement 001.p21); CI runs this file on
both databases."""

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from techpolicy.casework import registers
from techpolicy.casework.models import RegisterEntry
from techpolicy.casework.registers import counts
from techpolicy.casework.registers.queries import listing
from techpolicy.casework.registers.search import matches, words
from techpolicy.services.technopark.participants import ACTIVITY_CHANGE, ENTRY, PARTICIPANTS, participants
from tests import factories

pytestmark = pytest.mark.django_db

NAMES = ["Көкжиек Cloud 000001 ЖШС", "«Алтын-Дала» Systems АҚ", "Steppe Data LLP", "Тұлпар Көк LLP"]


def _found(q: str, **params) -> list[str]:
    return sorted(row["name"] for row in participants({"q": q, "status": "all", **params}))


@pytest.fixture
def named():
    return [factories.make_participant(name=name)[3] for name in NAMES]


def test_words_are_the_runs_of_letters_and_digits_folded():
    assert words("«Алтын-Дала» Systems 100% АҚ") == ["алтын", "дала", "systems", "100", "ақ"]
    assert words("ҚАЗАҚ ＬＬＰ") == ["қазақ", "llp"]


@pytest.mark.parametrize(("q", "expected"), [
    ("көкжиек", [NAMES[0]]),  # a whole Kazakh word, in another case
    ("КӨКЖ", [NAMES[0]]),  # the beginning of a word
    ("көк", [NAMES[0], NAMES[3]]),  # begins "Көкжиек" and is the word "Көк"
    ("дала", [NAMES[1]]),  # a word after punctuation
    ("алтын дала", [NAMES[1]]),  # every word is required, in any order
    ("дала алтын", [NAMES[1]]),
    ("алтын steppe", []),
    ("llp", [NAMES[2], NAMES[3]]),
    ("000001", [NAMES[0]]),
    ("жиек", []),  # the middle of a word is not a match
    ("ystems", []),
])
def test_001_p21_whole_words_and_beginnings_of_words_are_found(named, q, expected):
    assert _found(q) == expected


def test_001_p21_the_search_follows_a_change_and_the_past_keeps_the_old_words(named):
    # A change of what an entry publishes moves its words in the index (SQLite: the triggers); the
    # history keeps the words of each past state, so an as-of search finds the name of that day.
    today = timezone.localdate()
    yesterday = today - dt.timedelta(days=1)
    organisation = factories.make_organisation(name="Steppe Wind LLP")
    entry = registers.enter(PARTICIPANTS, on=yesterday, citation=ENTRY, organisation=organisation,
                            name="Steppe Wind LLP", bin=organisation.bin, data={"activity_types": ["S-01"]},
                            valid_from=yesterday)
    registers.change(entry, on=today, citation=ACTIVITY_CHANGE, name="Nomad Orda LLP")
    assert _found("nomad") == ["Nomad Orda LLP"]
    assert _found("wind") == []
    as_of = {"status": "all", "as_of": yesterday.isoformat()}
    assert [r["name"] for r in listing(PARTICIPANTS, {"q": "steppe wind", **as_of}).rows] == ["Steppe Wind LLP"]
    assert list(listing(PARTICIPANTS, {"q": "nomad", **as_of}).rows) == []


def test_001_p21_the_count_is_exact_after_each_change_and_cached_between(named, django_assert_num_queries):
    found = listing(PARTICIPANTS, {"q": "llp"})
    assert found.count() == 2
    with django_assert_num_queries(1):  # the register's last change only: the count is the cached one
        assert listing(PARTICIPANTS, {"q": "llp"}).count() == 2
    factories.make_participant(name="Orda LLP")
    assert listing(PARTICIPANTS, {"q": "llp"}).count() == 3
    registers.end(RegisterEntry.objects.get(name="Orda LLP"), on=timezone.localdate(),
                  citation="001 p.41")
    assert listing(PARTICIPANTS, {"q": "llp"}).count() == 2  # active ones by default
    assert listing(PARTICIPANTS, {"q": "llp", "status": "all"}).count() == 3
    assert counts.count(PARTICIPANTS, listing(PARTICIPANTS, {"q": "%"}).rows) == 0


def test_001_p21_the_page_and_the_api_show_the_count(client, named):
    page = client.get("/kk/technopark/participants/", {"q": "llp", "status": "all"})
    assert page.status_code == 200 and page.context["page"].paginator.count == 2
    body = client.get("/api/v1/registers/technopark.participants/entries", {"q": "көк", "limit": 1}).json()
    assert (len(body["items"]), body["count"]) == (1, 2)
    body = client.get("/api/v1/technopark/participants", {"q": "көк", "limit": 1}).json()
    assert (len(body["items"]), body["count"]) == (1, 2)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 table is SQLite's")
def test_sqlite_has_the_fts5_tables_and_their_triggers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE 'casework_register%_fts%' "
                       "AND type IN ('table', 'trigger')")
        names = {row[0] for row in cursor.fetchall()}
    for table in ("casework_registerentry", "casework_registerevent"):
        assert {f"{table}_fts", f"{table}_fts_insert", f"{table}_fts_update", f"{table}_fts_delete"} <= names


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 table is SQLite's")
def test_sqlite_serves_the_search_from_the_fts5_table(named):
    plan = str(participants({"q": "көкж"}).explain())
    assert "casework_registerentry_fts" in plan and "VIRTUAL TABLE" in plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigram index is PostgreSQL's")
def test_postgresql_serves_the_search_from_the_trigram_index_of_the_words(named):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE %s", ["casework_register%_words_trgm"])
        assert {r[0] for r in cursor.fetchall()} == {"casework_registerentry_words_trgm",
                                                      "casework_registerevent_words_trgm"}
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = RegisterEntry.objects.filter(matches("көкж мұнай")).explain()
    assert "casework_registerentry_words_trgm" in plan
