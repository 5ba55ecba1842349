"""Paragraph 13(1) of 000: the approved results define the list of key (priority) technologies used for
state support. The list is dated reference data citing its study; the rule reads the list in force."""

import datetime as dt
import json

import pytest

from techpolicy.forecasting.studies import key_technologies, stages
from techpolicy.forecasting.studies.errors import StudyError
from techpolicy.law.acts.act000_methodology.forecasting import KEY_TECHNOLOGIES, PRIORITY_DIRECTION
from techpolicy.law.facts import InvalidFacts

from .conftest import Today, approved_study, final_study, publish

JAN_2027, JAN_2028 = dt.date(2027, 1, 1), dt.date(2028, 1, 1)


@pytest.fixture
def today(monkeypatch):
    return Today(monkeypatch)


@pytest.fixture
def first(analyst, today):
    """FS-...-0001 approved: T2 then T1 are key technologies from 2027-01-01."""
    return approved_study(analyst, today, JAN_2027, ["T2", "T1"], decision="HSTC minutes No. 7 of 2026-12-10")


def test_p13_1_approval_puts_the_ranked_list_in_force_from_its_date(first):
    items = key_technologies.in_force(JAN_2027)
    assert [(i["rank"], i["code"]) for i in items] == [(1, "T2"), (2, "T1")]
    drones = items[0]
    assert (drones["name_kk"], drones["name_ru"], drones["name_en"]) == ("Агродрондар", "Агродроны",
                                                                         "Agricultural drones")
    assert (drones["study"], drones["decision"]) == (first.number, "HSTC minutes No. 7 of 2026-12-10")
    assert first.number in drones["source"] and "p.13(1)" in drones["source"]
    assert (drones["valid_from"], drones["valid_until"]) == (JAN_2027, None)
    assert first.stage == "approved" and first.approval.draft.number == 1


def test_p13_1_as_of_the_day_before_no_list_is_in_force(first):
    assert key_technologies.in_force(JAN_2027 - dt.timedelta(days=1)) == []
    assert key_technologies.check_direction("T2", JAN_2027 - dt.timedelta(days=1)).eligible is False


def test_p13_1_a_later_list_supersedes_from_its_date_and_the_earlier_answers_for_the_past(first, analyst, today):
    second = approved_study(analyst, today, JAN_2028, ["T3"], decision="HSTC minutes No. 2 of 2027-12-01")
    assert [i["code"] for i in key_technologies.in_force(JAN_2028)] == ["T3"]
    earlier = key_technologies.in_force(dt.date(2027, 12, 31))
    assert [i["code"] for i in earlier] == ["T2", "T1"]
    assert earlier[0]["valid_until"] == dt.date(2027, 12, 31)  # the last day in force
    assert key_technologies.check_direction("T2", dt.date(2027, 6, 1)).eligible
    assert not key_technologies.check_direction("T2", JAN_2028).eligible
    assert [(h["study"], h["valid_from"], h["valid_until"], h["count"]) for h in key_technologies.history()] == [
        (first.number, JAN_2027, dt.date(2027, 12, 31), 2), (second.number, JAN_2028, None, 1)]


@pytest.mark.parametrize("day", [JAN_2027, dt.date(2026, 12, 31)])
def test_p13_1_an_approval_on_or_before_the_latest_list_is_refused(first, analyst, today, day):
    study = final_study(analyst)
    publish(study, analyst, today.day + dt.timedelta(days=1), key_technologies=["T3"])
    today.move(2)
    study = stages.advance(study, "submit_hstc", analyst, version=study.version)
    with pytest.raises(StudyError) as refused:
        stages.advance(study, "approve", analyst, version=study.version, in_force_from=day, decision="No. 3")
    assert refused.value.field == "in_force_from"
    assert "2027-01-01" in refused.value.message
    study.refresh_from_db()
    assert study.stage == "submitted"
    assert [i["code"] for i in key_technologies.in_force(dt.date(2030, 1, 1))] == ["T2", "T1"]


@pytest.mark.parametrize(("lang", "cited"), [
    ("kk", "13-тармақ, 1) тармақша"),
    ("ru", "п. 13, пп. 1)"),
    ("en", "paragraph 13, sub-paragraph 1)"),
])
def test_p13_1_rule_passes_for_a_listed_code_and_fails_naming_the_paragraph(first, lang, cited):
    listed = key_technologies.listed(JAN_2027)
    verdict = PRIORITY_DIRECTION.evaluate({"direction": "T1"}, JAN_2027, references={KEY_TECHNOLOGIES: listed})
    passed = verdict.as_dict(lang)
    assert passed["eligible"] is True
    assert passed["rules"][0]["details"]["source"].startswith(first.number)
    failed = key_technologies.check_direction("T3", JAN_2027).as_dict(lang)
    assert failed["eligible"] is False
    rule = failed["rules"][0]
    assert (rule["rule"], rule["citation"]["ref"]) == ("000.p13.1", "000 p.13(1)")
    assert cited in rule["citation"]["text"]
    assert "T3" in rule["reason"] and "2027-01-01" in rule["reason"]


def test_p13_1_check_before_the_methodology_was_in_force(first):
    assert key_technologies.check_direction("T1", dt.date(2021, 1, 1)).outcome == "not_in_force"


def test_p13_1_a_blank_direction_is_an_error_naming_the_field(db):
    with pytest.raises(InvalidFacts) as invalid:
        key_technologies.check_direction("  ", JAN_2027)
    assert invalid.value.errors[0]["field"] == "direction"


def test_p13_1_manage_py_check_key_technology_exit_codes(analyst, today, capsys):
    from django.core.management import call_command

    approved_study(analyst, today, today.day + dt.timedelta(days=5), ["T1"])
    on = (today.day + dt.timedelta(days=5)).isoformat()
    with pytest.raises(SystemExit) as listed:
        call_command("check_key_technology", "T1", "--on", on, "--lang", "en")
    assert listed.value.code == 0 and json.loads(capsys.readouterr().out)["eligible"] is True
    with pytest.raises(SystemExit) as refused:
        call_command("check_key_technology", "T9", "--on", on, "--lang", "en")
    out = json.loads(capsys.readouterr().out)
    assert refused.value.code == 1 and out["rules"][0]["citation"]["ref"] == "000 p.13(1)"
    with pytest.raises(SystemExit) as invalid:
        call_command("check_key_technology", "T1", "--on", "21.11.2026")
    assert invalid.value.code == 2 and json.loads(capsys.readouterr().err)["field"] == "--on"
