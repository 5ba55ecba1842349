"""One public page per register, /<lang>/registers/<key>/ (issue 9, part 1, item 3): search,
filters, bounded pagination, the register as of a past date with the basis of each row, and the
streamed CSV/JSON export. The technopark's list (seed 001 p.21, requirement 001.p21) keeps its own
address as a thin route to the same page; a register declared by a test (competence centres,
000.register) is served without code of its own."""

import csv
import datetime as dt
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from techpolicy.casework import registers
from techpolicy.services.technopark.participants import EXTENSION, PARTICIPANTS, TERMINATION
from tests import factories
from tests.casework import registers_support as support

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate
DAY = dt.timedelta(days=1)
PAGE = "/kk/registers/technopark.participants/"
EXPORT = "/kk/registers/technopark.participants/export."


def _names(response) -> list[str]:
    return [row["name"] for row in response.context["rows"]]


def _export(client, fmt: str, **query):
    response = client.get(EXPORT + fmt, query)
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return response, (list(csv.DictReader(io.StringIO(body))) if fmt == "csv" else json.loads(body))


@pytest.fixture
def history():
    """Alpha entered 100 days ago and terminated 10 days ago (p.41); Beta entered 10 days ago."""
    d1, d2 = TODAY() - dt.timedelta(days=100), TODAY() - dt.timedelta(days=10)
    alpha = _enter_on("Alpha LLP", d1)
    registers.end(alpha, on=d2, citation=TERMINATION)
    beta = _enter_on("Beta LLP", d2)
    return d1, d2, alpha, beta


def _enter_on(name: str, on: dt.date):
    organisation = factories.make_organisation(name=name)
    case = factories.make_case(organisation, factories.make_applicant(organisation), state="registered")
    certificate = factories.make_certificate(case, valid_from=on, valid_until=on + dt.timedelta(days=1000))
    return registers.enter(PARTICIPANTS, on=on, citation="001 p.20", organisation=organisation, case=case,
                           certificate=certificate, name=name, bin=organisation.bin,
                           data={"activity_types": ["S-01"]}, valid_from=on, valid_until=certificate.valid_until)


# --- the technopark's list on the generic page -------------------------------------------------------


def test_001_p21_the_generic_page_and_the_technoparks_address_show_the_same_list(client):
    _, _, certificate, _ = factories.make_participant(name="Alpha LLP", activity_types=["S-01", "S-02"])
    factories.make_participant(name="Gone LLP", status="terminated")
    generic, own = client.get(PAGE), client.get(reverse("technopark:register"))
    assert generic.status_code == own.status_code == 200
    assert _names(generic) == _names(own) == ["Alpha LLP"]
    page = generic.content.decode()
    assert certificate.number in page
    assert f'{reverse("technopark:verify")}?number={certificate.number}' in page
    assert 'class="table-scroll"' in page  # narrow screens scroll the table, not the page
    assert "data-basis" not in page  # today's list publishes the columns of p.21 only


@pytest.mark.parametrize(("lang", "title"), [("kk", "Технопарк қатысушыларының тізімі"),
                                             ("ru", "Перечень участников Технопарка"),
                                             ("en", "List of technopark participants")])
def test_001_p21_the_page_speaks_three_languages(client, lang, title):
    response = client.get(f"/{lang}/registers/technopark.participants/")
    assert response.status_code == 200
    assert title in response.content.decode()


def test_an_unknown_register_is_404(client):
    assert client.get("/kk/registers/no.such/").status_code == 404
    assert client.get("/kk/registers/no.such/export.csv").status_code == 404


def test_the_index_lists_every_register_with_its_basis(client):
    response = client.get("/en/registers/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "List of technopark participants" in page and "/en/registers/technopark.participants/" in page
    assert "paragraph 21" in page


# --- as of a date --------------------------------------------------------------------------------------


def test_001_p20_p41_the_page_as_of_a_date_answers_from_history_with_the_basis(client, history):
    d1, d2, alpha, beta = history

    def rows(on, status="active"):
        response = client.get(PAGE, {"as_of": on.isoformat(), "status": status})
        assert response.status_code == 200
        return [(r["name"], r["status"], r["basis_citation"], r["basis_on"]) for r in response.context["rows"]]

    assert rows(d1 - DAY) == []
    assert rows(d1) == [("Alpha LLP", "active", "001 p.20", d1)]
    assert rows(d2 - DAY) == [("Alpha LLP", "active", "001 p.20", d1)]
    assert rows(d2) == [("Beta LLP", "active", "001 p.20", d2)]
    assert rows(d2, "terminated") == [("Alpha LLP", "terminated", "001 p.41", d2)]
    page = client.get("/en" + PAGE.removeprefix("/kk"), {"as_of": d2.isoformat(), "status": "all"}).content.decode()
    assert 'data-basis="001 p.41"' in page and "paragraph 41" in page and d2.strftime("%d.%m.%Y") in page


def test_001_p20_p41_the_export_as_of_a_date_carries_the_basis(client, history):
    d1, d2, alpha, beta = history
    _, rows = _export(client, "csv", as_of=(d2 - DAY).isoformat(), status="all")
    assert [(r["name"], r["status"], r["basis"], r["basis_on"]) for r in rows] == [
        ("Alpha LLP", "active", "001 p.20", d1.isoformat())]
    response, items = _export(client, "json", as_of=d2.isoformat(), status="all")
    assert [(i["name"], i["status"], i["basis"]) for i in items] == [("Alpha LLP", "terminated", "001 p.41"),
                                                                      ("Beta LLP", "active", "001 p.20")]
    assert d2.isoformat() in response["Content-Disposition"]


@pytest.mark.parametrize("as_of", ["2026-13-45", "yesterday", "9" * 200])
def test_a_malformed_as_of_date_is_said_and_todays_list_shown(client, as_of):
    factories.make_participant(name="Alpha LLP")
    response = client.get("/en" + PAGE.removeprefix("/kk"), {"as_of": as_of})
    assert response.status_code == 200
    assert response.context["listing"].as_of is None and _names(response) == ["Alpha LLP"]


def test_a_future_as_of_date_is_refused_with_the_reason(client):
    factories.make_participant(name="Alpha LLP")
    response = client.get("/en" + PAGE.removeprefix("/kk"), {"as_of": (TODAY() + DAY).isoformat()})
    assert response.status_code == 200
    assert "history ends today" in response.content.decode()
    assert response.context["listing"].as_of is None


# --- search, filters, pagination, hostile input -----------------------------------------------------


def test_pagination_is_bounded(client):
    for n in range(60):
        factories.make_participant(name=f"Company {n:02d} LLP")
    assert len(client.get(PAGE, {"per_page": "50"}).context["rows"]) == 50
    assert len(client.get(PAGE, {"per_page": "100000"}).context["rows"]) == 25  # not a size we serve
    last = client.get(PAGE, {"per_page": "50", "page": "9" * 40})
    assert (last.status_code, last.context["page"].number, len(last.context["rows"])) == (200, 2, 10)


@pytest.mark.parametrize("query", [{"q": "x" * 10_000}, {"activity_type": "S" * 5000}, {"status": "∞" * 3000},
                                   {"q": "%_%"}, {"q": "' OR 1=1 --"}])
def test_hostile_queries_answer_a_page(client, query):
    factories.make_participant(name="Alpha LLP")
    response = client.get(PAGE, query)
    assert response.status_code == 200
    assert client.get(EXPORT + "csv", query).status_code == 200


@pytest.mark.parametrize("name", ["q", "as_of", "activity_type", "per_page"])
def test_a_control_character_in_any_parameter_is_400(client, name):
    response = client.get(PAGE + f"?{name}=a%00b")
    assert response.status_code == 400
    assert client.get(EXPORT + f"json?{name}=a%1Bb").status_code == 400


# --- a register declared elsewhere: no code of its own -----------------------------------------------


@pytest.fixture
def centres():
    register = support.declare()
    yield register
    support.forget()


def test_000_register_published_by_design_with_its_own_filters_and_search(client, centres):
    on = TODAY() - dt.timedelta(days=30)
    support.designate("Energy Centre", "energy", "hydrogen", on)
    support.designate("Agro Centre", "agriculture", "precision farming", on, body="Ministry of Agriculture")
    url = "/en/registers/throwaway.centres/"
    response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "published by design" in page and "Designating state body" in page
    assert _names(response) == ["Agro Centre", "Energy Centre"]
    assert _names(client.get(url, {"sector": "energy"})) == ["Energy Centre"]
    assert _names(client.get(url, {"direction": "precision farming"})) == ["Agro Centre"]
    assert _names(client.get(url, {"q": "HYDROGEN"})) == ["Energy Centre"]  # a searchable data column
    assert _names(client.get(url, {"q": "ministry of agri"})) == ["Agro Centre"]
    items = json.loads(b"".join(client.get("/en/registers/throwaway.centres/export.json").streaming_content))
    assert items[0] == {"name": "Agro Centre", "bin": items[0]["bin"], "sector": "agriculture",
                        "direction": "precision farming", "designated_by": "Ministry of Agriculture",
                        "valid_from": on.isoformat(), "status": "active"}


def test_000_p21_a1_one_current_entry_per_sector_direction_and_centre(centres):
    on = TODAY() - dt.timedelta(days=3)
    entry = support.designate("Energy Centre", "energy", "hydrogen", on)
    assert entry.key == f"energy|hydrogen|{entry.organisation_id}"
    with pytest.raises(registers.DuplicateEntry):
        registers.enter(centres, on=TODAY(), citation=support.DESIGNATION, organisation=entry.organisation,
                        name="Energy Centre", data={"sector": "energy", "direction": "hydrogen"})
    # Another centre for the same sector and direction is the service's question (flagged, not refused).
    support.designate("Second Energy Centre", "energy", "hydrogen", on)


@pytest.mark.parametrize("as_of", [False, True])
def test_next_and_previous_are_keyset_links_and_page_numbers_still_work(client, as_of):
    import re

    for n in range(30):
        factories.make_participant(name=f"Company {n:02d} LLP")
    query = {"as_of": TODAY().isoformat()} if as_of else {}
    first = client.get(PAGE, query)
    assert [r["name"] for r in first.context["rows"]][:1] == ["Company 00 LLP"]
    html = first.content.decode()
    assert 'rel="prev"' not in html
    following = re.search(r'href="([^"]*after=[^"]*)" rel="next"', html).group(1).replace("&amp;", "&")
    second = client.get(PAGE + following)
    assert second.context["page"] is None  # a keyset page: no page number is read
    assert [r["name"] for r in second.context["rows"]] == ["Company 25 LLP", "Company 26 LLP", "Company 27 LLP",
                                                           "Company 28 LLP", "Company 29 LLP"]
    html = second.content.decode()
    assert 'rel="next"' not in html and ("data-basis" in html) == as_of
    back = re.search(r'href="([^"]*before=[^"]*)" rel="prev"', html).group(1).replace("&amp;", "&")
    assert [r["name"] for r in client.get(PAGE + back).context["rows"]] == [f"Company {n:02d} LLP" for n in range(25)]
    numbered = client.get(PAGE, query | {"page": 2})
    assert numbered.context["page"].number == 2 and len(numbered.context["rows"]) == 5
    assert "page=1" in html  # the page numbers stay as links, without a cursor


def test_a_page_is_read_once_between_changes_and_again_after_any_change(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _, _, _, entry = factories.make_participant(name="Alpha LLP")
    factories.make_participant(name="Beta LLP")
    assert [r["name"] for r in client.get(PAGE).context["rows"]] == ["Alpha LLP", "Beta LLP"]
    with CaptureQueriesContext(connection) as queries:
        again = client.get(PAGE)
    html = again.content.decode()  # the kept page (it has no template context)
    assert again.status_code == 200 and html.index("Alpha LLP") < html.index("Beta LLP")
    assert not [q for q in queries.captured_queries if 'FROM "casework_registerentry"' in q["sql"]]
    registers.change(entry, on=TODAY(), citation=EXTENSION, name="Zeta LLP")
    assert [r["name"] for r in client.get(PAGE).context["rows"]] == ["Beta LLP", "Zeta LLP"]
