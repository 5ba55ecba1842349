"""Issue 10, item 3: the analysis and series pages of a study in Kazakh and Russian cite the
methodology in the page's language ("000, 11-тармақтың 7) тармақшасы") and say the SWOT's rules in
it, with no compact reference ("000 p.11(7)") or English rule text left."""

import pytest

from techpolicy.forecasting.studies import analysis_settings
from techpolicy.forecasting.studies.models import Study

from .test_analysis import CLEAR_CASE, answer_round
from .test_evidence import import_logistic

ENGLISH_RULES = ("important and", "important,", "level vs", "barrier share", "below", "between the thresholds")


@pytest.fixture
def analysed(client_as, main_stage_study, panel_members, analyst):
    study = main_stage_study
    answer_round(study, panel_members, CLEAR_CASE)
    series = import_logistic(study, analyst, technology=study.technologies.get(code="T2"))
    client = client_as(analyst)
    for key in analysis_settings.SETTINGS:
        client.post(f"/en/forecasting/{study.number}/analysis/settings/",
                    {"section": key, "action": "example", "version": Study.objects.get(pk=study.pk).version})
    return client, study, series


@pytest.mark.parametrize(("lang", "cited"), [("kk", "000, 11-тармақтың 7) тармақшасы"), ("ru", "000, пп. 7) п. 11")])
def test_issue10_item3_analysis_page_cites_and_explains_in_the_page_language(analysed, lang, cited):
    """Issue 10, item 3: citations and SWOT rules of the analysis page in kk/ru."""
    client, study, _series = analysed
    page = client.get(f"/{lang}/forecasting/{study.number}/analysis/").content.decode()
    assert cited in page and "000 p.11" not in page and "p.12" not in page
    swot = page[page.index('id="swot"'):]
    assert 'id="swot-strength"' in swot
    assert not [phrase for phrase in ENGLISH_RULES if phrase in swot]
    assert ("салыстыру:" if lang == "kk" else "сравнение:") in swot


def test_issue10_item3_analysis_page_in_english_keeps_the_english_rules(analysed):
    """Issue 10, item 3: the English page still reads the rules and the short English citation."""
    client, study, _series = analysed
    page = client.get(f"/en/forecasting/{study.number}/analysis/").content.decode()
    assert "000, p. 11(7)" in page and "important and level vs" in page


@pytest.mark.parametrize(("lang", "cited"), [("kk", "000, 8-тармақтың 1) тармақшасы"), ("ru", "000, пп. 1) п. 8")])
def test_issue10_item3_series_pages_cite_in_the_page_language(analysed, lang, cited):
    """Issue 10, item 3: the series list and a series' trends cite paragraph 8 in kk/ru."""
    client, study, series = analysed
    for path in ("series/", f"series/{series.pk}/"):
        page = client.get(f"/{lang}/forecasting/{study.number}/{path}").content.decode()
        assert cited in page and "000 p.8" not in page, path
