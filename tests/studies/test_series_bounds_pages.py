"""Issue 8, finding 9, through the study records and pages: an import with a year outside 1900..2100 is
refused naming its row, a horizon of 3000 is refused, and a pathological series stored before the bounds
(written here straight to the table, as an import of an earlier release did) gives the series page, its
JSON, the trend API, the list and analysis pages a clear error instead of minutes of computing, and the
report leaves it out with a note. Status codes and messages are asserted, never timings."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from techpolicy.documents.blocks import Text
from techpolicy.forecasting import limits
from techpolicy.forecasting.report.sections import build_blocks
from techpolicy.forecasting.studies import evidence, stages
from techpolicy.forecasting.studies.errors import StudyError
from techpolicy.forecasting.studies.models import IndicatorSeries
from techpolicy.forecasting.studies.report_data import report_data

from .test_study_pages import NEW_STUDY

pytestmark = pytest.mark.usefixtures("english")


def csv_upload(rows) -> bytes:
    return ("year,value\n" + "".join(f"{y},{v}\n" for y, v in rows)).encode()


def upload(client, study, content):
    return client.post(f"/en/forecasting/{study.number}/series/", {
        "name": "Patents", "unit": "", "source": "", "technology": "", "series_in_file": "",
        "file": SimpleUploadedFile("patents.csv", content)})


@pytest.mark.parametrize("year", [-20000, 999999999])
def test_finding9_import_of_a_year_outside_the_bounds_is_refused_naming_the_row(client_as, study, analyst, year):
    rows = [(y, 1.0 + y % 3) for y in range(2000, 2010)] + [(year, 5.0)]
    with pytest.raises(evidence.SeriesFileError) as refused:
        evidence.import_series(study, analyst, upload_name="p.csv", data=csv_upload(rows), name="Patents")
    assert (refused.value.field, refused.value.row) == ("year", 12)
    assert f"row 12, column “year”: {year} is outside 1900–2100" in refused.value.message
    page = upload(client_as(analyst), study, csv_upload(rows))
    assert page.status_code == 200
    assert f"row 12, column “year”: {year} is outside 1900–2100" in page.content.decode()
    assert not IndicatorSeries.objects.exists()


def test_finding9_horizon_3000_is_refused_by_the_form_and_the_model(client_as, analyst, study):
    page = client_as(analyst).post("/en/forecasting/new/", NEW_STUDY | {"horizon_year": "3000"})
    assert page.status_code == 200 and "between 2000 and 2100" in page.content.decode()
    with pytest.raises(StudyError) as refused:
        stages.edit_study(study, {"horizon_year": 3000}, version=study.version)
    assert refused.value.field == "horizon_year"
    with pytest.raises(ValidationError):
        stages.create_study(analyst, title="Far", direction="Energy", covered_sectors=["Energy"], horizon_year=3000,
                            organising_body="Ministry of Energy", methods=["extrapolation"])
    study.refresh_from_db()
    assert study.horizon_year == 2040


def test_finding9_the_model_refuses_a_series_outside_the_bounds(study, analyst):
    record = IndicatorSeries(study=study, name="Old", file_name="old.csv", imported_by=analyst,
                             years=[-20000, -19999], values=[1.0, 2.0])
    with pytest.raises(ValidationError) as refused:
        record.full_clean()
    assert "years" in refused.value.message_dict


# --- a pathological series stored before the bounds -------------------------------------------------

STORED = [
    pytest.param(list(range(-20000, -19990)), [float(i) for i in range(10)], "outside 1900–2100", id="year -20000"),
    pytest.param(list(range(999999990, 1000000000)), [float(i) for i in range(10)], "outside 1900–2100",
                 id="year 999999999"),
    pytest.param(list(range(1, 10**6 + 1)), [1.0] * 10**6, "at most 201 years", id="a million points"),
    pytest.param([2000] * 10, [float(i) for i in range(10)], "must increase", id="identical years"),
    pytest.param(list(range(2000, 2010)), ["x"] * 10, "not all numbers", id="text values"),
]


def stored(study, analyst, years, values, technology=None):
    # objects.create skips the model's clean(), as an import before the bounds did
    return IndicatorSeries.objects.create(study=study, name="Legacy series", file_name="legacy.csv", years=years,
                                          values=values, imported_by=analyst, technology=technology)


@pytest.mark.parametrize(("years", "values", "message"), STORED)
def test_finding9_a_stored_pathological_series_gives_a_clear_error_on_every_page(
        client_as, study, analyst, years, values, message):
    series = stored(study, analyst, years, values, technology=study.technologies.get(code="T1"))
    client = client_as(analyst)
    base = f"/en/forecasting/{study.number}"
    page = client.get(f"{base}/series/{series.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "This series cannot be analysed" in html and message in html
    as_json = client.get(f"{base}/series/{series.pk}/?format=json")
    assert as_json.status_code == 200 and message in as_json.json()["error"]
    assert len(as_json.json()["series"]["years"]) <= limits.MAX_POINTS
    api = client.get(f"/api/v1/forecasting/studies/{study.number}/series/{series.pk}/trend?lang=en")
    assert api.status_code == 200 and message in api.json()["error"] and api.json()["forecast"] is None
    listed = client.get(f"/api/v1/forecasting/studies/{study.number}/series")
    assert listed.status_code == 200 and listed.json()["items"][0]["n"] == len(years)
    assert client.get(f"{base}/series/").status_code == 200
    analysis = client.get(f"{base}/analysis/")
    assert analysis.status_code == 200 and "Legacy series" in analysis.content.decode()


def test_finding9_a_million_stored_points_are_clipped_on_the_page(client_as, study, analyst):
    series = stored(study, analyst, list(range(1, 10**6 + 1)), [1.0] * 10**6)
    html = client_as(analyst).get(f"/en/forecasting/{study.number}/series/{series.pk}/").content.decode()
    assert f"Only the first {limits.MAX_POINTS} of the 1000000 stored values are shown." in html
    assert html.count("<td>1</td>") <= limits.MAX_POINTS


def test_finding9_the_report_leaves_a_stored_pathological_series_out_with_a_note(study, analyst):
    stored(study, analyst, list(range(-20000, -19990)), [float(i) for i in range(10)],
           technology=study.technologies.get(code="T1"))
    data = report_data(study, "en")
    assert data.trends == ()
    assert len(data.trend_notes) == 1
    assert "Series “Legacy series” is left out of the report" in data.trend_notes[0]
    assert "outside 1900–2100" in data.trend_notes[0]
    texts = [b.text for b in build_blocks(data, "en") if isinstance(b, Text)]
    assert data.trend_notes[0] in texts  # printed in the trends section of the PDF and DOCX


def test_finding9_a_forecast_more_than_100_years_ahead_is_refused_on_the_page(client_as, study, analyst):
    """A study horizon of 2100 with data ending in 1990 would be 110 years of forecast."""
    study.horizon_year = 2100
    study.save(update_fields=["horizon_year"])
    series = stored(study, analyst, list(range(1975, 1991)), [1.0 + 0.5 * i for i in range(16)])
    result = evidence.trend_result(series)
    assert result.forecast is None and result.selection is not None
    assert "more than 100 years after the last observed year 1990" in result.error
    page = client_as(analyst).get(f"/en/forecasting/{study.number}/series/{series.pk}/")
    assert page.status_code == 200 and "more than 100 years after" in page.content.decode()


def test_finding9_a_constant_series_is_analysed_and_the_cycle_test_says_why_not(client_as, study, analyst):
    series = evidence.import_series(study, analyst, upload_name="flat.csv", name="Flat",
                                    data=csv_upload((y, 7.0) for y in range(2000, 2015)))
    page = client_as(analyst).get(f"/en/forecasting/{study.number}/series/{series.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Forecast to 2040" in html and "the detrended series is constant" in html
