"""/api/v1/registers/ (issue 9, part 1, item 3): every declared register, its entries with search,
filters, bounded pages and as-of dates, and one entry with its history; public, and refusing hostile
input in the API's one error shape. The technopark's list (seed 001 p.20, p.21, p.41) is the
register here (requirements 001.p20, 001.p21, 001.p41)."""

import datetime as dt

import pytest
from django.utils import timezone

from techpolicy.api.common import DB_INT_MAX, MAX_OFFSET
from techpolicy.casework import registers
from techpolicy.services.technopark.participants import ACTIVITY_CHANGE, TERMINATION
from tests import factories

pytestmark = pytest.mark.django_db

API = "/api/v1/registers"
ENTRIES = f"{API}/technopark.participants/entries"
TODAY = timezone.localdate
DAY = dt.timedelta(days=1)


def _errors(response, status: int, field: str) -> list[dict]:
    assert response.status_code == status, response.content
    detail = response.json()["detail"]
    assert field in {e["field"] for e in detail}, detail
    return detail


@pytest.fixture
def alpha():
    """Alpha entered today (p.20), its activity types changed (p.9-1), then terminated (p.41)."""
    _, _, certificate, entry = factories.make_participant(name="Alpha LLP", bin="111111111111",
                                                          activity_types=["S-01"])
    registers.change(entry, on=TODAY(), citation=ACTIVITY_CHANGE, data={"activity_types": ["S-01", "S-02"]})
    registers.end(entry, on=TODAY(), citation=TERMINATION, note={"grounds": ["39(1)"], "case": "AH-ET-2026-00001"})
    return entry, certificate


def test_001_p21_the_registers_and_what_each_publishes(client):
    response = client.get(f"{API}/", {"lang": "en"})
    assert response.status_code == 200
    technopark = next(r for r in response.json() if r["key"] == "technopark.participants")
    assert technopark["title"] == "List of technopark participants"
    assert [c["key"] for c in technopark["columns"]] == ["name", "bin", "activity_types", "valid_from",
                                                         "valid_until", "certificate_number", "status"]
    activity = technopark["columns"][2]
    assert (activity["filter"], activity["param"], activity["render"]) == ("contains", "activity_type", "codes")
    assert technopark["publication"] == [{"ref": "001 p.21", "text": technopark["publication"][0]["text"]}]
    assert "paragraph 21" in technopark["publication"][0]["text"]
    assert {(b["event"], b["citation"]["ref"]) for b in technopark["bases"]} == {
        ("enter", "001 p.20"), ("change", "001 p.9-1"), ("change", "001 p.36"), ("end", "001 p.41")}
    assert (technopark["natural_key"], technopark["published_by_design"]) == (["organisation"], "")


def test_001_p21_entries_with_filters_search_and_the_basis(client):
    _, _, certificate, _ = factories.make_participant(name="Beta LLP", bin="222222222222",
                                                      activity_types=["S-01", "S-03"])
    factories.make_participant(name="Gamma LLP", activity_types=["S-02"])
    body = client.get(ENTRIES, {"activity_type": "S-03", "lang": "en"}).json()
    assert (body["count"], body["as_of"]) == (1, None)
    assert body["items"] == [{
        "id": body["items"][0]["id"], "name": "Beta LLP", "bin": "222222222222", "status": "active",
        "valid_from": certificate.valid_from.isoformat(), "valid_until": certificate.valid_until.isoformat(),
        "certificate_number": certificate.number, "data": {"activity_types": ["S-01", "S-03"]},
        "basis": {"citation": "001 p.20", "text": body["items"][0]["basis"]["text"], "on": TODAY().isoformat()}}]
    assert "paragraph 20" in body["items"][0]["basis"]["text"]
    names = [i["name"] for i in client.get(ENTRIES, {"q": "2222"}).json()["items"]]
    assert names == ["Beta LLP"]
    page = client.get(ENTRIES, {"limit": 1, "offset": 1}).json()
    assert (page["count"], [i["name"] for i in page["items"]]) == (2, ["Gamma LLP"])


def test_001_p20_p41_entries_as_of_a_date(client):
    d1, d2 = TODAY() - dt.timedelta(days=100), TODAY() - dt.timedelta(days=10)
    organisation = factories.make_organisation(name="Alpha LLP")
    entry = registers.enter("technopark.participants", on=d1, citation="001 p.20", organisation=organisation,
                            name="Alpha LLP", data={"activity_types": ["S-01"]}, valid_from=d1,
                            valid_until=d1 + dt.timedelta(days=1000))
    registers.end(entry, on=d2, citation=TERMINATION)

    def answer(on, status="all"):
        body = client.get(ENTRIES, {"as_of": on.isoformat(), "status": status}).json()
        return body["as_of"], [(i["name"], i["status"], i["basis"]["citation"], i["basis"]["on"])
                               for i in body["items"]]

    assert answer(d1 - DAY) == ((d1 - DAY).isoformat(), [])
    assert answer(d2 - DAY, "active") == ((d2 - DAY).isoformat(), [("Alpha LLP", "active", "001 p.20", d1.isoformat())])
    assert answer(d2)[1] == [("Alpha LLP", "terminated", "001 p.41", d2.isoformat())]
    assert answer(d2, "active")[1] == []


def test_001_p41_one_entry_with_its_history_and_nothing_unpublished(client, alpha):
    entry, certificate = alpha
    response = client.get(f"{ENTRIES}/{entry.pk}", {"lang": "en"})
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["basis"]["citation"], body["ended_on"]) == ("terminated", "001 p.41",
                                                                             TODAY().isoformat())
    assert [(e["kind"], e["basis"]["citation"], e["data"]["activity_types"], e["status"]) for e in body["history"]] == [
        ("entered", "001 p.20", ["S-01"], "active"), ("changed", "001 p.9-1", ["S-01", "S-02"], "active"),
        ("ended", "001 p.41", ["S-01", "S-02"], "terminated")]
    assert body["history"][0]["certificate_number"] == certificate.number
    assert "39(1)" not in response.content.decode() and "AH-ET" not in response.content.decode()


def test_an_entry_is_found_only_in_its_own_register(client, alpha):
    entry, _ = alpha
    assert client.get(f"{ENTRIES}/{entry.pk + 1000}").status_code == 404
    assert client.get(f"{API}/no.such/entries/{entry.pk}").status_code == 404
    _errors(client.get(f"{ENTRIES}/{DB_INT_MAX + 1}"), 422, "entry_id")
    _errors(client.get(f"{ENTRIES}/0"), 422, "entry_id")


@pytest.mark.parametrize(("query", "field"), [
    ({"offset": MAX_OFFSET + 1}, "offset"), ({"offset": 10**30}, "offset"), ({"limit": 501}, "limit"),
    ({"q": "x" * 101}, "q"), ({"q": "a\u0000b"}, "q"), ({"activity_type": "\u001b"}, "activity_type"),
    ({"activity_type": "S" * 41}, "activity_type"), ({"status": "bogus"}, "status"),
    ({"as_of": "2026-02-30"}, "as_of"), ({"as_of": "9" * 300}, "as_of"),
])
def test_hostile_input_is_refused_in_the_error_shape(client, query, field):
    _errors(client.get(ENTRIES, query), 422, field)


def test_a_future_as_of_date_is_refused(client):
    detail = _errors(client.get(ENTRIES, {"as_of": (TODAY() + DAY).isoformat(), "lang": "en"}), 422, "as_of")
    assert "history ends today" in detail[0]["message"]


def test_the_largest_page_at_the_largest_offset_is_empty(client, alpha):
    body = client.get(ENTRIES, {"offset": MAX_OFFSET, "limit": 500, "status": "all"}).json()
    assert (body["items"], body["count"]) == ([], 1)


def test_the_operations_are_documented_per_register(client):
    schema = client.get("/api/v1/openapi.json").json()
    parameters = {p["name"] for p in schema["paths"][ENTRIES]["get"]["parameters"]}
    assert {"q", "status", "as_of", "activity_type", "limit", "offset", "lang"} <= parameters
    assert {"404", "422"} <= set(schema["paths"][f"{ENTRIES}/{{entry_id}}"]["get"]["responses"])


# --- keyset pagination ------------------------------------------------------------------------------


def _walk(client, first: dict, link: str) -> list[list[str]]:
    pages, body = [], first
    while True:
        pages.append([i["name"] for i in body["items"]])
        if body[link] is None:
            return pages
        body = client.get(body[link]).json()


@pytest.mark.parametrize("as_of", [False, True])
def test_keyset_pages_follow_next_and_previous_through_the_whole_list(client, as_of):
    # Equal names are kept apart by the entry's id, so no row is repeated or skipped at a page's edge.
    for n in range(7):
        factories.make_participant(name=f"Company {n // 2} LLP")
    query = {"limit": 3, "status": "all"} | ({"as_of": TODAY().isoformat()} if as_of else {})
    first = client.get(ENTRIES, query).json()
    assert first["previous"] is None and "after=" in first["next"] and "offset" not in first["next"]
    forward = _walk(client, first, "next")
    names = sorted(f"Company {n // 2} LLP" for n in range(7))
    assert forward == [names[0:3], names[3:6], names[6:7]]
    last = client.get(ENTRIES, query | {"offset": 6}).json()
    assert last["next"] is None
    assert _walk(client, last, "previous") == forward[::-1]
    ids = [i["id"] for page in (first, client.get(first["next"]).json()) for i in page["items"]]
    assert len(set(ids)) == 6 and all(i["count"] == 7 for i in (first, last))


def test_a_keyset_page_keeps_the_filters_and_an_unreadable_cursor_starts_at_the_first_page(client):
    for n in range(4):
        factories.make_participant(name=f"Kept {n} LLP", activity_types=["S-01"])
    factories.make_participant(name="Kept 9 other LLP", activity_types=["S-02"])
    first = client.get(ENTRIES, {"limit": 2, "activity_type": "S-01"}).json()
    second = client.get(first["next"]).json()
    assert [i["name"] for i in second["items"]] == ["Kept 2 LLP", "Kept 3 LLP"] and second["next"] is None
    for broken in ("not-a-cursor", "W10", "WyJ4IiwwXQ", "WyJ4IiwidHJ1ZSJd"):  # [], ["x",0], ["x","true"]
        body = client.get(ENTRIES, {"limit": 2, "after": broken}).json()
        assert [i["name"] for i in body["items"]] == ["Kept 0 LLP", "Kept 1 LLP"]
    assert client.get(ENTRIES, {"after": "x" * 1001}).status_code == 422
