"""Issue 10, item 10: the forecasting workbench and the what-if comparison draw interactive charts on
their pages. Each chart's spec is valid Vega-Lite of the version the page loads, holds the numbers
the domain computed, speaks the page's language, and comes with its data as a table."""

from __future__ import annotations

import json
import re
from pathlib import Path

import altair as alt
import jsonschema
import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from techpolicy.forecasting.report import specs
from techpolicy.forecasting.report.data import DelphiDistribution, DelphiRound
from techpolicy.forecasting.report.labels import label
from techpolicy.forecasting.studies import charts, demo, evidence
from techpolicy.forecasting.studies.delphi_results import study_answers
from techpolicy.forecasting.studies.models import Study
from techpolicy.simulation import charts as whatif_specs
from techpolicy.site.charts import FORMAT_LOCALES, cell

VENDOR = Path(__file__).parents[2] / "src/techpolicy/site/static/techpolicy/vendor"
VALIDATOR = jsonschema.Draft7Validator(alt.load_schema())


def _valid(spec: dict) -> None:
    errors = sorted(VALIDATOR.iter_errors(spec), key=str)
    assert not errors, errors[0]


def _data(spec: dict) -> list[dict]:
    """Every inline record of a spec (top level and layers)."""
    found = []
    for part in [spec, *spec.get("layer", [])]:
        found += (part.get("data") or {}).get("values", [])
    return found


@pytest.fixture
def study(db) -> Study:
    demo.load()
    return Study.objects.get(title=demo.TITLE)


def test_issue10_item10_the_spec_version_is_the_vendored_vega_lite():
    """The page loads the vega-lite build whose version the specs declare (issue 10, item 10)."""
    shipped = {p.name for p in VENDOR.glob("vega-lite-*.min.js")}
    assert shipped == {f"vega-lite-{alt.SCHEMA_VERSION.lstrip('v')}.min.js"}
    for name in shipped | {p.name for p in VENDOR.glob("vega-*.min.js")}:
        assert "BSD-3-Clause" in (VENDOR / name).read_text()[:400], name  # the licence header is kept


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_issue10_item10_trend_chart_holds_the_forecast_and_its_interval(study, lang):
    """Observed values and the forecast's interval in the chart are the trend computation's (item 10)."""
    series = study.series.get(technology__code="AG-02")
    result = evidence.trend_result(series)
    with translation.override(lang):
        chart = charts.trend_chart(result)
    _valid(chart.spec)
    records = _data(chart.spec)
    observed = [r["value"] for r in records if r.get("series") == label("observed", lang)]
    assert observed == pytest.approx(list(series.values))
    band = {r["year"]: (r["lower"], r["upper"]) for r in records if "lower" in r}
    assert band == {p.year: pytest.approx((p.lower, p.upper)) for p in result.forecast.points}
    corrected = [r for r in records if r.get("series") == label("corrected", lang)]
    assert [r["year"] for r in corrected] == [2030]  # the demo's expert correction
    layer_axes = [part["encoding"]["x"]["title"] for part in chart.spec["layer"]]
    assert set(layer_axes) == {label("year", lang)}
    assert chart.payload["formatLocale"] == FORMAT_LOCALES[lang]
    assert len(chart.rows) == len(series.years) + len(result.forecast.points)


def test_issue10_item10_delphi_and_consensus_charts_follow_the_rounds(study):
    """Per round, the experts counted per answer add up to the respondents, and the consensus line
    is the relative IQR the round's summary holds (item 10)."""
    round_1 = study.rounds.get(number=1)
    answers = study_answers(study)
    with translation.override("kk"):
        first = charts.round_charts(study, round_1)
        both = charts.round_charts(study, study.rounds.get(number=2))
    for chart in first + both:
        _valid(chart.spec)
    delphi, consensus = both
    counts: dict = {}
    for r in _data(delphi.spec):
        counts[(r["technology"], r["order"])] = counts.get((r["technology"], r["order"]), 0) + r["experts"]
    respondents = answers.summaries["importance"].n
    names = study.technology_names("kk")
    for j, code in enumerate(answers.technologies):
        for i, round_ in enumerate(answers.rounds):
            assert counts[(names[code], round_.number)] == respondents[i, j]
    assert {r["order"] for r in _data(first[0].spec)} == {1}  # round 1's page shows no later round
    rel_iqr = answers.summaries["importance"].rel_iqr
    lines = {(r["technology"], r["round"]): r["rel_iqr"] for r in _data(consensus.spec) if "rel_iqr" in r}
    for j, code in enumerate(answers.technologies):
        assert lines[(names[code], label("round_n", "kk", n=2))] == pytest.approx(rel_iqr[1, j])
    assert consensus.title.startswith(label("consensus", "kk"))


def test_issue10_item10_radar_and_scenarios_on_the_analysis_page(study, client):
    """The analysis page embeds the radar and one scenario chart per series, each as JSON beside a
    table with a caption, and no script of its own (item 10)."""
    client.force_login(get_user_model().objects.get(username="analyst"))
    page = client.get(f"/kk/forecasting/{study.number}/analysis/")
    assert page.status_code == 200
    html = page.content.decode()
    keys = re.findall(r'data-chart="(chart-[\w-]+)"', html)
    assert "chart-radar" in keys and sum(k.startswith("chart-scenario-") for k in keys) == 3
    for key in keys:
        payload = json.loads(re.search(rf'<script id="{key}" type="application/json">(.*?)</script>', html,
                                       re.S).group(1))
        _valid(payload["spec"])
        assert payload["formatLocale"]["decimal"] == ","
    assert html.count('data-testid="chart-table"') == len(keys) and "<caption>" in html
    assert re.search(r"<script(?![^>]*(src=|application/json))", html) is None  # no inline script
    radar = page.context["radar_chart"]
    assert radar.title == label("radar", "kk")
    placed = [r for r in _data(radar.spec) if "importance" in r]
    medians = study_answers(study).medians(1)
    names = study.technology_names("kk")
    for r in placed:
        code = next(c for c, n in names.items() if n == r["technology"])
        assert r["importance"] == pytest.approx(medians[code]["importance"])
        assert r["year"] == pytest.approx(medians[code]["year"])
    table = page.context["scenario_tables"][0]
    chart = table["chart"]
    values = {(r["scenario"], r["year"]): r["value"] for r in _data(chart.spec)}
    for row in table["rows"]:
        assert values[(label("scenario_breakthrough", "kk"), row[0])] == pytest.approx(row[5])
        assert values[(label("forecast", "kk"), row[0])] == pytest.approx(row[1])


def test_issue10_item10_labels_are_in_the_page_language():
    """Titles and axis names come in kk, ru and en; none of the Kazakh chart's texts is English (item 10)."""
    dist = DelphiDistribution("T", "importance", [DelphiRound(1, {4.0: 2, 5.0: 1}, 4, 4, 5)])
    texts = {}
    for lang in ("kk", "ru", "en"):
        spec = specs.delphi_spec([dist], lang).to_dict()
        _valid(spec)
        enc = spec["encoding"]
        texts[lang] = {spec["title"], enc["x"]["title"], enc["y"]["title"], enc["color"]["title"]}
    assert texts["kk"].isdisjoint(texts["en"]) and texts["ru"].isdisjoint(texts["en"])
    assert label("answer_value", "kk") in texts["kk"] and label("experts", "ru") in texts["ru"]


def test_issue10_item10_what_if_chart_holds_the_totals_in_the_page_language(settings):
    """The what-if bars are the comparison's totals per instrument; tenge in the locale's format (item 10)."""
    from techpolicy.services.productivity.whatif_charts import comparison_charts
    from techpolicy.services.productivity.whatif_display import instrument_name

    instruments = [
        {"instrument": "3a", "eligible_baseline": 2, "eligible_reform": 1, "total_baseline": "1500000.00",
         "total_reform": "900000.50", "total_change": "-599999.50"},
        {"instrument": "all", "eligible_baseline": 2, "eligible_reform": 1, "total_baseline": "1500000.00",
         "total_reform": "900000.50", "total_change": "-599999.50"},
    ]
    with translation.override("kk"):
        total, eligible = comparison_charts({"instruments": instruments})
        now, reform = translation.gettext("Now"), translation.gettext("Reform")
        names = [instrument_name("3a"), instrument_name("all")]
    assert names[1] != "all instruments"
    for chart in (total, eligible):
        _valid(chart.spec)
        assert chart.payload["formatLocale"]["currency"][1].endswith("₸")
    bars = {r["side"]: r["value"] for r in _data(total.spec)}
    assert {r["instrument"] for r in _data(total.spec)} == {names[0]}
    assert bars == {now: 1500000.0, reform: 900000.5}  # "all" is in the table only
    assert total.title == "Құралдар бойынша өтелетін шығындардың жалпы сомасы"
    assert total.spec["encoding"]["x"]["axis"]["format"] == whatif_specs.MEASURES["total"][2]
    assert [row[0] for row in total.rows] == names  # instruments by their Kazakh names, "all" last
    assert total.rows[0][1] == "1\u00a0500\u00a0000,00\u00a0₸"
    assert eligible.rows[0][1:] == ["2", "1", "−1"]


def test_issue10_item10_table_cells_use_the_chart_locale():
    """A data table writes numbers as its chart does: decimal comma in kk and ru, years ungrouped (item 10)."""
    assert cell(12345.5, lang="kk") == "12\u00a0345,5"
    assert cell(2030.5, lang="kk") == "2030,5"  # a median year
    assert cell(1234.5, lang="en") == "1,234.5"
    assert cell(2030, lang="ru") == "2030"
    assert cell(float("nan"), lang="kk") == "—"
