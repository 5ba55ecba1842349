"""The priority directions of innovation grants as dated reference data resting on the forecasting
results (003.a4.9 the Government determines them, 003.a5.9 the authorized body's proposal,
003.a10.p3.4 the Council's recommendation, 003.a19.p1.basis1 and X.link.forecast: each version
cites the approved list of key technologies in force when it starts)."""

from __future__ import annotations

import datetime as dt

import pytest

from techpolicy.services.innovation_grants import directions
from techpolicy.services.innovation_grants.models import DirectionsVersion
from tests.studies.conftest import approved_study

PRIORITY = DirectionsVersion.PRIORITY_DIRECTIONS
ITEMS = [{"code": "AGRI.1", "name_kk": "Топырақ ылғалдылығының датчиктері", "name_ru": "Датчики влажности почвы",
          "name_en": "Soil moisture sensors"}]


def _publish(analyst, valid_from, items=ITEMS, **fields):
    return directions.publish(PRIORITY, items, valid_from, actor=analyst,
                              **({"decision": "Government decision No. 1 of 01.03.2027",
                                  "recommendation": "Council minutes No. 2 of 15.02.2027"} | fields))


def test_a19_p1_a_version_rests_on_the_key_technologies_in_force_and_keeps_which(analyst, today):
    approved_study(analyst, today, dt.date(2027, 1, 1), ["T1"], decision="HSTC minutes No. 7")
    version = _publish(analyst, dt.date(2027, 3, 1))
    assert (version.forecast_from, version.forecast_decision) == (dt.date(2027, 1, 1), "HSTC minutes No. 7")
    assert version.forecast_study


@pytest.mark.django_db
def test_a19_p1_no_version_without_forecasting_results(analyst):
    with pytest.raises(directions.DirectionsError) as refused:
        _publish(analyst, dt.date(2027, 3, 1))
    assert refused.value.field == "valid_from"
    assert "19-бабының 1-тармағы" in str(refused.value)  # the default language is Kazakh
    assert not DirectionsVersion.objects.exists()


def test_a4_9_the_version_in_force_is_the_one_of_the_date_and_history_stays(analyst, today):
    approved_study(analyst, today, dt.date(2027, 1, 1), ["T1"])
    first = _publish(analyst, dt.date(2027, 3, 1))
    second = _publish(analyst, dt.date(2028, 3, 1), [{"code": "ICT.2", "name_kk": "Жасанды интеллект",
                                                       "name_ru": "Искусственный интеллект",
                                                       "name_en": "Artificial intelligence"}],
                      decision="Government decision No. 9 of 01.03.2028")
    assert directions.in_force(PRIORITY, dt.date(2027, 2, 28)).items == {}
    before = directions.in_force(PRIORITY, dt.date(2028, 2, 29))
    assert (before.version, list(before.items)) == (first, ["AGRI.1"])
    after = directions.in_force(PRIORITY, dt.date(2028, 3, 1))
    assert (after.version, list(after.items), after.items["ICT.2"]["kk"]) == (second, ["ICT.2"], "Жасанды интеллект")


def test_a4_9_a_version_cannot_start_before_the_latest(analyst, today):
    approved_study(analyst, today, dt.date(2027, 1, 1), ["T1"])
    _publish(analyst, dt.date(2027, 3, 1))
    with pytest.raises(directions.DirectionsError) as refused:
        _publish(analyst, dt.date(2027, 3, 1))
    assert refused.value.field == "valid_from"
    assert DirectionsVersion.objects.count() == 1


@pytest.mark.parametrize(("items", "field"), [
    ([], "items"),
    ([{**ITEMS[0], "code": "bad code"}], "items[0].code"),
    ([ITEMS[0], {**ITEMS[0], "code": "agri.1"}], "items[1].code"),
    ([{**ITEMS[0], "name_kk": ""}], "items[0].name_kk"),
    ([{**ITEMS[0], "name_ru": "x\x00"}], "items[0].name_ru"),
    ([{**ITEMS[0], "code": f"C{i}"} for i in range(directions.MAX_ITEMS + 1)], "items"),
])
def test_a4_9_malformed_items_are_refused_naming_the_field(analyst, today, items, field):
    approved_study(analyst, today, dt.date(2027, 1, 1), ["T1"])
    with pytest.raises(directions.DirectionsError) as refused:
        _publish(analyst, dt.date(2027, 3, 1), items)
    assert refused.value.field == field


@pytest.mark.parametrize("field", ["decision", "recommendation"])
def test_a10_p3_4_the_decision_and_the_councils_recommendation_are_required(analyst, today, field):
    approved_study(analyst, today, dt.date(2027, 1, 1), ["T1"])
    with pytest.raises(directions.DirectionsError) as refused:
        _publish(analyst, dt.date(2027, 3, 1), **{field: "  "})
    assert refused.value.field == field
