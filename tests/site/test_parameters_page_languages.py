"""Issue 10, item 3: the dated parameters page reads in the page's language. Each parameter by its
label (its internal name only beside it, in a muted `<code>`), each value with its unit written
for the language ("50 %", "10 жұмыс күні"), no English unit word, citations in the page's
language, and values the source does not set said as such."""

from __future__ import annotations

import pytest

from techpolicy.law.parameters import Parameters
from tests.site.parameter_reading import ENGLISH_UNITS, bare_names, split

pytestmark = pytest.mark.django_db

NAMES = Parameters.from_source().names()


def page(client, lang: str) -> str:
    response = client.get(f"/{lang}/parameters/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_internal_name_or_english_unit_outside_a_label(client, lang):
    text, codes = split(page(client, lang))
    assert bare_names(text, NAMES) == []
    assert set(NAMES) <= set(codes)  # every name stands beside its label
    assert ENGLISH_UNITS.findall(text) == []
    assert "mechanism of" not in text and "sub-paragraph" not in text and "Annex" not in text


def test_kazakh_values_units_and_citations(client):
    text, _ = split(page(client, "kk"))
    assert "50 %" in text  # the state-share threshold of 001 p.7(4)
    assert "10 күнтізбелік күн" in text  # the age of the tax-debt information, 001 p.9(3)
    assert "АЕК" in text
    assert "бастапқы құжатта белгіленбеген" in text  # "not set by the source document"
    assert "7-тармақ, 4) тармақша" in text
    assert "1-құралды ұсыну тетігі" in text  # a programme note in Kazakh
    assert "Акт мәтіні:" in text and "айлық есептік көрсеткіштің алты еселенген" in text  # the act's words


def test_russian_values_in_their_forms(client):
    text, _ = split(page(client, "ru"))
    assert "10 календарных дней" in text
    assert "МРП" in text
    assert "не установлено исходным документом" in text


def test_english_keeps_the_source_remarks(client):
    text, _ = split(page(client, "en"))
    assert "50%" in text and "10 calendar days" in text
    assert "Astana Hub rules p.9(3) and p.48(7)" in text
