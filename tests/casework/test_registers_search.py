"""The registers' search (issue 9, part 1, item 3): the same answers on both databases, since the
text is folded in Python (`casework.registers.search`), and a real text index on PostgreSQL, a
trigram GIN index that serves the substring match. Entries of the technopark's list (seed 001
p.21, requirement 001.p21) are searched here; CI runs this file on SQLite and PostgreSQL."""

import pytest
from django.db import connection

from techpolicy.casework.models import RegisterEntry
from techpolicy.casework.registers.search import MAX_QUERY, fold, query_text
from techpolicy.services.technopark.participants import participants
from tests import factories

pytestmark = pytest.mark.django_db

KAZAKH = "«Әдемі Ғылым Қызмет Өңір Ұлы Үміт Һ Іс» ЖШС"


def _found(q: str) -> list[str]:
    return [row["name"] for row in participants({"q": q, "status": "all"})]


def test_folding_unifies_case_spacing_and_compatibility_forms():
    assert fold("  ӘДЕМІ\t Ғылым \n") == "әдемі ғылым"
    assert fold("ＡＢＣ ＬＬＰ") == "abc llp"  # full-width letters, as pasted from some documents
    assert query_text("x" * 10_000) == "x" * MAX_QUERY


@pytest.mark.parametrize("q", ["ғылым", "ӘДЕМІ", "өңір ұлы", "  Үміт   Һ  ", "жшс", "«әдемі"])
def test_001_p21_kazakh_names_are_found_in_any_case(q):
    factories.make_participant(name=KAZAKH)
    factories.make_participant(name="Other LLP")
    assert _found(q) == [KAZAKH]


def test_001_p21_the_bin_is_searched_too():
    # A search matches the beginnings of words (casework.registers.search): the whole BIN or its
    # first digits, not digits from its middle.
    factories.make_participant(name="Alpha LLP", bin="123456789012")
    assert _found("123456789012") == ["Alpha LLP"]
    assert _found("123456") == ["Alpha LLP"]
    assert _found("345678") == []
    assert _found("999") == []


@pytest.mark.parametrize("q", ["%", "_", "\\", "100%", "100_", '"100"', "100*", "llp OR alpha"])
def test_like_wildcards_and_index_syntax_are_plain_characters(q):
    # Punctuation is not searched: "%" alone finds nothing, "100%" finds the word "100"; neither
    # LIKE's wildcards nor the text index's own syntax (quotes, "*", OR) mean anything in a search.
    factories.make_participant(name="Alpha LLP")
    factories.make_participant(name="Growth 100% LLP")
    expected = {"100%": ["Growth 100% LLP"], "100_": ["Growth 100% LLP"], '"100"': ["Growth 100% LLP"],
                "100*": ["Growth 100% LLP"]}
    assert _found(q) == expected.get(q, [])


def test_000_the_search_text_follows_a_change_of_the_searchable_columns():
    from django.utils import timezone

    from techpolicy.casework import registers
    from techpolicy.casework.registry import register_service, unregister_service
    from tests.casework import registers_support as support

    register_service(support.SERVICE)  # the throwaway register of competence centres (000.register)
    try:
        entry = support.designate("Energy Centre", "energy", "hydrogen", timezone.localdate())
        registers.change(entry, on=timezone.localdate(), citation=support.DESIGNATION,
                         data={"direction": "Wind Power"})
        found = RegisterEntry.objects.filter(register=support.CENTRES.key, search_text__contains="wind power")
        assert list(found) == [entry]
        assert not RegisterEntry.objects.filter(search_text__contains="hydrogen").exists()
    finally:
        unregister_service(support.SERVICE.key)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigram index is PostgreSQL's")
def test_postgresql_serves_the_search_from_a_trigram_index():
    for n in range(30):
        factories.make_participant(name=f"Company {n:02d} LLP")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE %s",
                       ["casework_register%_search_trgm"])
        indexes = dict(cursor.fetchall())
    assert set(indexes) == {"casework_registerentry_search_trgm", "casework_registerevent_search_trgm"}
    assert all("gin" in d and "gin_trgm_ops" in d for d in indexes.values())
    rows = RegisterEntry.objects.filter(search_text__contains=fold("company 1"))
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a table this small is otherwise read whole
        plan = rows.explain()
    assert "casework_registerentry_search_trgm" in plan
    assert [r.name for r in rows.order_by("name")][:2] == ["Company 10 LLP", "Company 11 LLP"]


def test_technology_platforms_are_searched_like_every_register(client):
    # The platforms' page and API match word beginnings through the register's text index
    # (`matches`), not a part from the middle of a word as a substring search of the text did.
    from tests.technology_platforms.world import PLATFORM, make_world, organised

    _case, platform = organised(make_world())
    api = "/api/v1/technology-platforms/platforms"
    assert [i["id"] for i in client.get(api, {"q": "СУТ техн"}).json()["items"]] == [platform.pk]
    assert client.get(api, {"q": "утегі"}).json()["count"] == 0  # the middle of "Сутегі"
    assert client.get(api, {"q": "%"}).json()["count"] == 0
    page = client.get("/kk/technology-platforms/", {"q": "сутегі платф"}).content.decode()
    assert PLATFORM in page
    assert PLATFORM not in client.get("/kk/technology-platforms/", {"q": "утегі"}).content.decode()
