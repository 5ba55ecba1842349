"""The analysts' evidence pages: series import with its bad inputs (000 p.8(1)), the series detail with
trends, corrections and cycles (p.8(1), p.8(3)), the analysis (p.11(6), p.11(7), p.11(8), p.13) and its
settings; every bad input is a clear message, no error page, and nothing is stored."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from techpolicy.forecasting.studies import analysis_settings, evidence
from techpolicy.forecasting.studies.models import ForecastCorrection, IndicatorSeries, Study
from tests import factories

from .test_analysis import CLEAR_CASE, answer_round
from .test_evidence import YEARS, csv_bytes, import_logistic, logistic_values


def url(study, page=""):
    return f"/en/forecasting/{study.number}/{page}"


def upload(client, study, filename, content, **fields):
    data = {"name": "Patents", "unit": "count", "source": "WIPO", "technology": "", "series_in_file": "",
            "file": SimpleUploadedFile(filename, content)} | fields
    return client.post(url(study, "series/"), data)


PAGES = ["series/", "series/{pk}/", "analysis/", "analysis/settings/"]


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_is_sent_to_sign_in(client, study, analyst, page):
    series = import_logistic(study, analyst)
    response = client.get(url(study, page.format(pk=series.pk)))
    assert response.status_code == 302 and "/login" in response["Location"]


@pytest.mark.parametrize("page", PAGES)
def test_applicant_and_expert_are_refused(client_as, study, analyst, panel_members, page):
    series = import_logistic(study, analyst)
    for user in (factories.make_applicant(), panel_members[0][1]):
        response = client_as(user).get(url(study, page.format(pk=series.pk)))
        assert response.status_code == 403


def test_p8_1_csv_import_leads_to_the_trends_forecast_and_cycle(client_as, study, analyst):
    client = client_as(analyst)
    technology = study.technologies.get(code="T1")
    response = upload(client, study, "patents.csv", csv_bytes(YEARS, logistic_values()), technology=technology.pk)
    series = IndicatorSeries.objects.get(study=study)
    assert response.status_code == 302 and response["Location"].endswith(f"/series/{series.pk}/")
    assert series.technology == technology
    page = client.get(response["Location"]).content.decode()
    assert "logistic (S-curve) <strong>(chosen)</strong>" in page
    assert "AICc" in page and "Forecast to 2040" in page and 'data-chart="chart-trend"' in page  # drawn by Vega
    assert "maturity" in page and "Inflection year" in page and "Fisher" in page
    assert "Patents" in client.get(url(study, "series/")).content.decode()


def test_p8_1_excel_import(client_as, study, analyst):
    book = openpyxl.Workbook()
    book.active.append(["year", "value"])
    for year, value in zip(YEARS, logistic_values(), strict=True):
        book.active.append([year, value])
    buffer = io.BytesIO()
    book.save(buffer)
    response = upload(client_as(analyst), study, "patents.xlsx", buffer.getvalue())
    assert response.status_code == 302
    assert IndicatorSeries.objects.get(study=study).years == YEARS


BAD_FILES = [
    ("ragged row", "r.csv", b"year,value\n2000,1\n2001,2,9\n2002,3\n2003,4\n2004,5\n2005,6\n",
     "row 3: ragged row with 3 cells"),
    ("text in a numeric column", "t.csv", b"year,value\n2000,1\n2001,2\n2002,many\n2003,4\n2004,5\n2005,6\n",
     "row 4, column &#x27;value&#x27;: &#x27;many&#x27; is not a number"),
    ("missing year", "m.csv", b"year,value\n2000,1\n2001,2\n2003,4\n2004,5\n2005,6\n2006,7\n",
     "missing years 2002 between 2000 and 2006"),
    ("too short", "s.csv", b"year,value\n2000,1\n2001,2\n2002,3\n", "series too short: 3 years"),
    ("not a csv or workbook", "notes.txt", b"year,value\n2000,1\n", "File extension “txt” is not allowed"),
    ("a renamed text file", "fake.xlsx", b"year,value\n2000,1\n", "is not a valid .xlsx workbook"),
]


@pytest.mark.parametrize(("case", "filename", "content", "message"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_p8_1_bad_file_is_a_clear_message_and_nothing_is_stored(client_as, study, analyst, case, filename, content,
                                                                message):
    response = upload(client_as(analyst), study, filename, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "Patents" in response.content.decode()  # what was typed is kept
    assert not IndicatorSeries.objects.exists()


def test_oversized_upload_is_refused_with_the_limit(client_as, study, analyst, settings):
    settings.TECHPOLICY_MAX_UPLOAD_BYTES = 100
    response = upload(client_as(analyst), study, "big.csv", csv_bytes(YEARS, logistic_values()))
    assert response.status_code == 200
    assert "larger than the limit of 100\xa0bytes; nothing was stored" in response.content.decode()
    assert not IndicatorSeries.objects.exists()


def test_duplicate_indicator_name_is_a_form_error(client_as, study, analyst):
    import_logistic(study, analyst)
    response = upload(client_as(analyst), study, "again.csv", csv_bytes(YEARS, logistic_values()))
    assert response.status_code == 200
    assert "already has an indicator named “Patents”" in response.content.decode()
    assert IndicatorSeries.objects.count() == 1


def test_series_page_renders_in_kazakh(client_as, study, analyst):
    series = import_logistic(study, analyst)
    client = client_as(analyst)
    assert client.get(f"/kk/forecasting/{study.number}/series/").status_code == 200
    assert client.get(f"/kk/forecasting/{study.number}/series/{series.pk}/").status_code == 200


def test_p8_1_correction_through_the_page_and_its_history(client_as, study, analyst):
    series = import_logistic(study, analyst)
    client = client_as(analyst)
    detail = url(study, f"series/{series.pk}/")
    response = client.post(detail, {"year": "2030", "corrected": "1500", "reason": "A new plant opens in 2029"})
    assert response.status_code == 302
    correction = ForecastCorrection.objects.get(series=series)
    page = client.get(detail).content.decode()
    assert "A new plant opens in 2029" in page and "1500" in page and f"{correction.fitted:.4f}"[:6] in page
    data = client.get(detail + "?format=json").json()
    point = next(p for p in data["forecast"]["points"] if p["year"] == 2030)
    assert point["final"] == 1500 and point["value"] == pytest.approx(correction.fitted)
    assert data["corrections"][0]["reason"] == "A new plant opens in 2029"
    assert data["life_cycle"]["phase"] == "maturity"


@pytest.mark.parametrize(("data", "message"), [
    ({"year": "2030", "corrected": "1500", "reason": ""}, "This field is required"),
    ({"year": "2018", "corrected": "1500", "reason": "r"}, "Select a valid choice"),
    ({"year": "2030", "corrected": "lots", "reason": "r"}, "Enter a number"),
])
def test_p8_1_invalid_correction_is_a_form_error(client_as, study, analyst, data, message):
    series = import_logistic(study, analyst)
    response = client_as(analyst).post(url(study, f"series/{series.pk}/"), data)
    assert response.status_code == 200 and message in response.content.decode()
    assert not ForecastCorrection.objects.exists()


def test_series_of_another_study_is_not_found(client_as, study, analyst):
    from .conftest import make_study

    other = import_logistic(make_study(analyst), analyst)
    assert client_as(analyst).get(url(study, f"series/{other.pk}/")).status_code == 404


def test_p11_analysis_page_names_what_is_not_set(client_as, study, analyst):
    page = client_as(analyst).get(url(study, "analysis/")).content.decode()
    assert page.count("not set by the source document; set by the study") == 3
    assert "No closed Delphi round" in page


def test_p11_p13_analysis_page_with_ranking_scenarios_and_swot(client_as, main_stage_study, panel_members, analyst):
    study = main_stage_study
    answer_round(study, panel_members, CLEAR_CASE)
    import_logistic(study, analyst, technology=study.technologies.get(code="T2"))
    client = client_as(analyst)
    for key in analysis_settings.SETTINGS:
        client.post(url(study, "analysis/settings/"), {"section": key, "action": "example",
                                                       "version": Study.objects.get(pk=study.pk).version})
    page = client.get(url(study, "analysis/")).content.decode()
    assert "not set by the source document" not in page
    assert "Weighted sum" in page and "TOPSIS" in page and "Spearman" in page
    assert "Technological breakthrough" in page and "Patents" in page
    assert 'id="swot-strength"' in page and "illustrative example" in page
    data = client.get(url(study, "analysis/") + "?format=json").json()
    assert data["ranking"]["ranking"]["results"][0]["order"][0] == "T1"
    assert data["swot"]["swot"]["thresholds"]["is_example"] is True


def settings_post(client, study, section, **fields):
    data = {"section": section, "action": "save", "version": Study.objects.get(pk=study.pk).version} | fields
    return client.post(url(study, "analysis/settings/"), data)


def test_settings_page_shows_unset_and_saves_weights(client_as, study, analyst):
    client = client_as(analyst)
    assert "Not set by the source document; set by the study" in client.get(url(study, "analysis/settings/")
                                                                            ).content.decode()
    response = settings_post(client, study, "weights", importance="0.4", level_vs_leader="0.2", year="0.2",
                             trend_growth="0.2")
    assert response.status_code == 302
    stored = Study.objects.get(pk=study.pk).ranking_weights
    assert stored["values"]["importance"] == 0.4 and stored["is_example"] is False


def test_settings_weights_not_summing_to_one_are_refused(client_as, study, analyst):
    response = settings_post(client_as(analyst), study, "weights", importance="0.4", level_vs_leader="0.2",
                             year="0.2", trend_growth="0.1")
    assert response.status_code == 200 and "weights must sum to 1" in response.content.decode()
    assert Study.objects.get(pk=study.pk).ranking_weights == {}


def test_settings_swot_error_is_shown_next_to_the_field_it_names(client_as, study, analyst):
    example = analysis_settings.SETTINGS["swot"].example()
    fields = {k: str(v) for k, v in example.items()} | {"weakness_max_vs_competitor": "1"}
    response = settings_post(client_as(analyst), study, "swot", **fields)
    form = next(f for key, _label, f, _stored in response.context["sections"] if key == "swot")
    assert "weakness_max_vs_competitor must be below" in form.errors["weakness_max_vs_competitor"][0]
    assert Study.objects.get(pk=study.pk).swot_thresholds == {}


def test_settings_scenario_error_is_shown_next_to_the_scenario_field(client_as, study, analyst):
    values = analysis_settings.SETTINGS["scenarios"].example()
    fields = {"transition_years": "5"} | {f"{s}__{f}": str(v) for s, d in values["scenarios"].items()
                                          for f, v in d.items()}
    response = settings_post(client_as(analyst), study, "scenarios", **(fields | {"breakthrough__niche_uplift": "-2"}))
    form = next(f for key, _label, f, _stored in response.context["sections"] if key == "scenarios")
    assert "niche_uplift must be greater than -1" in form.errors["breakthrough__niche_uplift"][0]


def test_settings_example_is_written_marked_and_can_be_cleared(client_as, study, analyst):
    client = client_as(analyst)
    settings_post(client, study, "scenarios", action="example")
    stored = Study.objects.get(pk=study.pk).scenario_assumptions
    assert stored["is_example"] is True and stored["values"]["transition_years"] == 5.0
    assert "Illustrative example, not set by the methodology" in client.get(url(study, "analysis/settings/")
                                                                            ).content.decode()
    settings_post(client, study, "scenarios", action="clear")
    assert Study.objects.get(pk=study.pk).scenario_assumptions == {}


def test_settings_stale_version_is_refused(client_as, study, analyst):
    response = settings_post(client_as(analyst), study, "weights", version="0", importance="0.25",
                             level_vs_leader="0.25", year="0.25", trend_growth="0.25")
    assert "Someone else changed this study" in response.content.decode()
    assert Study.objects.get(pk=study.pk).ranking_weights == {}


def test_p8_1_series_detail_json_is_valid_without_a_forecast(client_as, study, analyst):
    study.horizon_year = 2018
    study.save()
    series = evidence.import_series(study, analyst, upload_name="p.csv", data=csv_bytes(YEARS, logistic_values()),
                                    name="Patents")
    client = client_as(analyst)
    data = client.get(url(study, f"series/{series.pk}/") + "?format=json").json()
    assert data["forecast"] is None and "nothing to forecast" in data["error"]
    assert "nothing to forecast" in client.get(url(study, f"series/{series.pk}/")).content.decode()


def test_p8_1_correction_beyond_a_shortened_horizon_is_listed_as_not_applied(client_as, study, analyst):
    series = import_logistic(study, analyst)
    evidence.record_correction(series, analyst, year=2035, corrected=1.0, reason="Plant closes")
    Study.objects.filter(pk=study.pk).update(horizon_year=2030)
    page = client_as(analyst).get(url(study, f"series/{series.pk}/")).content.decode()
    assert "Plant closes" in page  # the history keeps it
    assert "is not applied: the year 2035 is outside the forecast 2019–2030" in page
