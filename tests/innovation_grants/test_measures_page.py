"""The public page "which support measures fit" (003.a20.p2 with each measure's article): every
measure on the answers, the refusals naming their paragraphs in the reader's language, and the
provider of each; nothing is stored."""

from __future__ import annotations

import pytest

from techpolicy.casework.models import Case

pytestmark = pytest.mark.django_db

ANSWERS = {"applicant-kind": "legal_entity", "applicant-name": "«Ертіс Полимер» АҚ",
           "applicant-activity": "полимер өндірісін жаңғырту", "circumstances-purpose": "modernisation",
           "circumstances-own_contribution": "5000000", "circumstances-lender": "second_tier_bank",
           "circumstances-instrument": "loan", "circumstances-issuer": "the_subject",
           "circumstances-working_capital": "on",
           "regime-other_regime": ""}


def statuses(html: str) -> dict[str, str]:
    import re

    return dict(re.findall(r'data-measure="([a-z_]+)" data-status="([a-z_]+)"', html))


def test_003_a20_p2_the_measures_that_fit_with_reasons_and_providers(client):
    page = client.post("/kk/innovation-grants/measures/", ANSWERS)
    assert page.status_code == 200
    html = page.content.decode()
    found = statuses(html)
    assert len(found) == 13
    assert found["guarantee"] == "fits" and found["lending"] == "fits"
    # 003.a24.p2.a2 (R-G2): no subsidy of interest on a loan for working capital, named in Kazakh.
    assert found["interest_subsidy"] == "does_not_fit" and "айналымдағы қаражатты" in html
    assert found["financing"] == "needs_facts" and found["land_and_subsoil"] == "no_procedure"
    assert "Үкімет айқындайтын қаржы агенті" in html  # the provider of guarantees (article 22)
    assert not Case.objects.exists()


def test_003_a28_and_a33_p2_each_measure_shows_its_forms_with_the_paragraph_and_the_open_numbers(client):
    """003.a28.p1-p5, 003.a33.p2: what a measure consists of, each form at its paragraph, and the
    Government's numbers named by their Kazakh labels as not set by the source document."""
    html = client.post("/kk/innovation-grants/measures/", ANSWERS).content.decode()
    assert "қазіргі заманғы басқару технологияларын енгізу" in html  # article 28(3)
    assert "28-бап, 3-тармақ" in html and "экспорттық әлеуеттің диагностикасы" in html
    assert "бастапқы құжатта белгіленбеген" in html
    assert "support.management_tech.share" not in html  # no internal code on a Kazakh page


def test_003_a23_p1_a_loan_of_a_lender_that_is_no_financial_institution_fits_no_lending(client):
    """003.a23.p1 and 003.a24.p1: lending and the subsidy of interest go through financial institutions."""
    html = client.post("/ru/innovation-grants/measures/", {**ANSWERS, "circumstances-lender": "other",
                                                          "circumstances-working_capital": ""}).content.decode()
    found = statuses(html)
    assert found["lending"] == "does_not_fit" and found["interest_subsidy"] == "does_not_fit"
    assert "Кредит выдаёт не финансовый институт." in html


def test_003_a20_p3_5_another_law_governs_agro_industrial_subjects(client):
    html = client.post("/ru/innovation-grants/measures/",
                       {**ANSWERS, "regime-other_regime": "agro_industrial"}).content.decode()
    assert statuses(html)["guarantee"] == "does_not_fit" and "агропромышленного комплекса" in html


@pytest.mark.parametrize("field", ["circumstances-own_contribution", "circumstances-purpose", "applicant-name"])
def test_hostile_answers_come_back_as_form_errors_not_500(client, field):
    page = client.post("/en/innovation-grants/measures/", {**ANSWERS, field: "x" * 100_000})
    assert page.status_code == 200 and 'data-testid="fits"' not in page.content.decode()
