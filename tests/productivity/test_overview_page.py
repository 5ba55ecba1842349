"""The programme's overview (seed 004): validity, instruments with their shares, caps and look-back
windows, and the terms of section 5.4, all read from the dated parameters; a value the source does
not set is shown as "not set by the source document", never filled in. Instrument 6 has its own
page saying its rules are not in the seed."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def get(client, name, lang="en", **query):
    with translation.override(lang):
        return client.get(reverse(name), query)


def row(page: str, parameter: str) -> str:
    start = page.index(f'data-parameter="{parameter}"')
    return page[start: page.index("</tr>", start)]


def test_every_instrument_is_listed_with_its_shares_and_caps(client):
    response = get(client, "productivity:index")
    assert response.status_code == 200
    codes = [i["code"] for i in response.context["instruments"]]
    assert codes == ["1", "2a", "2b", "3a", "3b", "4a", "4b", "5a", "5b", "6", "7", "8"]
    page = response.content.decode()
    assert "50" in row(page, "p2020.i2a.share") and "2,000,000\u00a0₸" in row(page, "p2020.i2a.cap_kzt")
    assert "150,000,000\u00a0₸" in row(page, "p2020.leasing.object_min_kzt")


def test_s5_3_instrument_8_share_and_cap_are_shown_as_not_set(client):
    page = get(client, "productivity:index").content.decode()
    for parameter in ("p2020.i8.share", "p2020.i8.cap_kzt"):
        assert "not set by the source document" in row(page, parameter)


def test_s5_4_terms_in_working_days_with_their_paragraphs(client):
    response = get(client, "productivity:index")
    terms = {t["parameter"]: t for t in response.context["terms"]}
    assert len(terms) == 18
    assert (terms["p2020.direct.completeness_wd"]["value"], terms["p2020.nce.decision_wd"]["value"]) == (3, 10)
    assert "mechanism of instruments 2-5" in terms["p2020.direct.payment_wd"]["citation"]
    assert "5 working days" in row(response.content.decode(), "p2020.direct.payment_wd")


def test_validity_the_unset_publication_date_of_the_repeal_is_said_and_the_earliest_date_used(client):
    page = get(client, "productivity:index").content.decode()
    assert "2015-06-17" in page
    assert "2016-07-03" in page
    assert "publication date is not set by the source document" in page


def test_values_on_another_date_and_a_malformed_date_falls_back(client):
    assert get(client, "productivity:index", on="2015-07-01").context["on"].isoformat() == "2015-07-01"
    assert get(client, "productivity:index", on="not-a-date").status_code == 200


def test_before_the_programme_values_are_not_in_force_and_not_invented(client):
    response = get(client, "productivity:index", on="2014-01-01")
    terms = response.context["terms"]
    assert all(t["value"] is None and t["not_in_force"] and not t["not_set"] for t in terms)
    assert "not in force on this date" in response.content.decode()


def test_instrument_6_page_says_its_rules_are_not_in_the_seed(client):
    response = get(client, "productivity:instrument_6")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Those rules are not in the source document." in page
    assert "loaded later" in page


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_pages_render_in_every_language(client, lang):
    for name in ("productivity:index", "productivity:instrument_6", "productivity:calculator",
                 "productivity:monitoring"):
        assert get(client, name, lang=lang).status_code == 200
