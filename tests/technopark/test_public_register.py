"""Paragraph 21: the list of technopark participants is published on the web resource, readable
without signing in, searchable, and exportable as CSV and JSON."""

import csv
import datetime as dt
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from techpolicy.casework.models import RegisterEntry
from tests.factories import make_participant

pytestmark = pytest.mark.django_db

KAZAKH_NAME = "«Әдемі Ғылым Қызмет Өңір Ұлы Үміт Һ Іс» ЖШС"


def _today() -> dt.date:
    return timezone.localdate()


def _names(response) -> list[str]:
    return [row["name"] for row in response.context["rows"]]


def test_paragraph_21_list_is_public_and_shows_published_columns(client):
    _, _, certificate, _ = make_participant(name=KAZAKH_NAME, bin="123456789012")
    response = client.get(reverse("technopark:register"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Әдемі Ғылым" in page
    assert "123456789012" in page
    assert certificate.number in page
    verify = reverse("technopark:verify") + f"?number={certificate.number}"
    assert verify in page


def test_paragraph_21_default_lists_only_active_participants(client):
    make_participant(name="Active LLP")
    make_participant(name="Terminated LLP", status=RegisterEntry.STATUS_TERMINATED)
    make_participant(
        name="Lapsed LLP",
        valid_from=_today() - dt.timedelta(days=400),
        valid_until=_today() - dt.timedelta(days=1),
    )
    assert _names(client.get(reverse("technopark:register"))) == ["Active LLP"]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("terminated", ["Terminated LLP"]),
        # an active entry whose period ended reads as expired even before a clerk marks it
        ("expired", ["Lapsed LLP", "Marked Expired LLP"]),
        ("all", ["Active LLP", "Lapsed LLP", "Marked Expired LLP", "Terminated LLP"]),
        ("nonsense", ["Active LLP"]),
    ],
)
def test_paragraph_21_status_filter(client, status, expected):
    make_participant(name="Active LLP")
    make_participant(name="Terminated LLP", status=RegisterEntry.STATUS_TERMINATED)
    make_participant(
        name="Lapsed LLP",
        valid_from=_today() - dt.timedelta(days=400),
        valid_until=_today() - dt.timedelta(days=1),
    )
    make_participant(name="Marked Expired LLP", status=RegisterEntry.STATUS_EXPIRED)
    response = client.get(reverse("technopark:register"), {"status": status})
    assert _names(response) == expected


def test_paragraph_21_lapsed_entry_is_shown_as_expired(client):
    make_participant(
        name="Lapsed LLP",
        valid_from=_today() - dt.timedelta(days=400),
        valid_until=_today() - dt.timedelta(days=1),
    )
    response = client.get(reverse("technopark:register"), {"status": "all"})
    assert [row["status"] for row in response.context["rows"]] == ["expired"]


def test_paragraph_21_search_by_name_and_bin(client):
    make_participant(name="Alpha Soft LLP", bin="111111111111")
    make_participant(name="Beta Data LLP", bin="222222222222")
    url = reverse("technopark:register")
    assert _names(client.get(url, {"q": "alpha"})) == ["Alpha Soft LLP"]
    assert _names(client.get(url, {"q": "2222"})) == ["Beta Data LLP"]
    assert _names(client.get(url, {"q": "  beta   data "})) == ["Beta Data LLP"]
    assert _names(client.get(url, {"q": "gamma"})) == []


def test_paragraph_21_search_ignores_case_of_kazakh_letters(client):
    make_participant(name=KAZAKH_NAME)
    make_participant(name="Other LLP")
    url = reverse("technopark:register")
    assert _names(client.get(url, {"q": "ғылым"})) == [KAZAKH_NAME]
    assert _names(client.get(url, {"q": "ӘДЕМІ"})) == [KAZAKH_NAME]


def test_paragraph_21_filter_by_activity_type(client):
    make_participant(name="Software LLP", activity_types=["S-01", "S-02"])
    make_participant(name="Hosting LLP", activity_types=["S-03"])
    url = reverse("technopark:register")
    assert _names(client.get(url, {"activity_type": "S-02"})) == ["Software LLP"]
    assert _names(client.get(url, {"activity_type": "S-03"})) == ["Hosting LLP"]
    assert _names(client.get(url, {"activity_type": "S-0"})) == []


def test_paragraph_21_pagination_keeps_the_query(client):
    for n in range(30):
        make_participant(name=f"Company {n:02d} LLP")
    make_participant(name="Unrelated")
    url = reverse("technopark:register")
    first = client.get(url, {"q": "company"})
    assert first.context["page"].paginator.count == 30
    assert len(first.context["rows"]) == 25
    page = first.content.decode()
    assert "?q=company&amp;page=2" in page
    second = client.get(url, {"q": "company", "page": 2})
    assert _names(second) == [f"Company {n:02d} LLP" for n in range(25, 30)]
    # an impossible page number shows the last page instead of failing
    assert client.get(url, {"q": "company", "page": "999"}).context["page"].number == 2
    assert client.get(url, {"q": "company", "page": "x"}).context["page"].number == 1


def test_paragraph_21_list_query_count_does_not_grow_with_rows(client, django_assert_max_num_queries):
    for n in range(25):
        make_participant(name=f"Company {n:02d}", activity_types=["S-01", "S-02"])
    with django_assert_max_num_queries(6):
        response = client.get(reverse("technopark:register"))
    assert len(response.context["rows"]) == 25


def _csv_rows(response) -> tuple[bytes, list[dict]]:
    body = b"".join(response.streaming_content)
    return body, list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def test_paragraph_21_csv_export_has_bom_and_kazakh_text(client):
    _, _, certificate, _ = make_participant(name=KAZAKH_NAME, bin="123456789012", activity_types=["S-01", "S-02"])
    response = client.get(reverse("technopark:register_export", args=["csv"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert ".csv" in response["Content-Disposition"]
    body, rows = _csv_rows(response)
    assert body.startswith(b"\xef\xbb\xbf")
    assert rows == [
        {
            "name": KAZAKH_NAME,
            "bin": "123456789012",
            "activity_types": "S-01; S-02",
            "valid_from": certificate.valid_from.isoformat(),
            "valid_until": certificate.valid_until.isoformat(),
            "status": "active",
            "certificate_number": certificate.number,
        }
    ]


def test_paragraph_21_csv_export_uses_the_same_filters(client):
    make_participant(name="Alpha LLP")
    make_participant(name="Beta LLP", status=RegisterEntry.STATUS_TERMINATED)
    url = reverse("technopark:register_export", args=["csv"])
    assert [r["name"] for r in _csv_rows(client.get(url))[1]] == ["Alpha LLP"]
    assert [r["name"] for r in _csv_rows(client.get(url, {"status": "all"}))[1]] == [
        "Alpha LLP",
        "Beta LLP",
    ]
    assert [r["name"] for r in _csv_rows(client.get(url, {"q": "beta", "status": "all"}))[1]] == ["Beta LLP"]


def test_paragraph_21_csv_export_neutralises_spreadsheet_formulas(client):
    make_participant(name='=HYPERLINK("http://evil")')
    rows = _csv_rows(client.get(reverse("technopark:register_export", args=["csv"])))[1]
    assert rows[0]["name"].startswith("'=")


def test_paragraph_21_json_export_is_a_list_of_objects(client):
    _, _, certificate, _ = make_participant(name=KAZAKH_NAME, bin="123456789012")
    make_participant(name="Gone LLP", status=RegisterEntry.STATUS_TERMINATED)
    response = client.get(reverse("technopark:register_export", args=["json"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert ".json" in response["Content-Disposition"]
    data = json.loads(b"".join(response.streaming_content).decode("utf-8"))
    assert data == [
        {
            "name": KAZAKH_NAME,
            "bin": "123456789012",
            "activity_types": ["S-01"],
            "valid_from": certificate.valid_from.isoformat(),
            "valid_until": certificate.valid_until.isoformat(),
            "status": "active",
            "certificate_number": certificate.number,
        }
    ]


def test_paragraph_21_json_export_of_an_empty_list(client):
    response = client.get(reverse("technopark:register_export", args=["json"]))
    assert json.loads(b"".join(response.streaming_content)) == []


@pytest.mark.parametrize("fmt", ["xml", "xlsx", "CSV", ""])
def test_paragraph_21_unknown_export_format_is_404(client, fmt):
    url = reverse("technopark:register_export", args=["csv"]).replace(".csv", f".{fmt}")
    assert client.get(url).status_code == 404
