"""Delphi rounds of 000 p.8(2) Foresight as services: opening and closing rounds, an expert's answers
(importance, year of use, Kazakhstan's level vs leader and competitor countries of p.11(6), barriers,
competence), refusals that save nothing, the feedback between rounds and the answers CSV."""

import datetime as dt

import pytest

from techpolicy.casework.law_context import today
from techpolicy.casework.models import Notification
from techpolicy.forecasting import delphi
from techpolicy.forecasting.studies import panel, questionnaire
from techpolicy.forecasting.studies.errors import StudyError
from techpolicy.forecasting.studies.models import Answer, Response, Round
from tests import factories

from .conftest import make_expert

# The services' messages are read in English here.
pytestmark = pytest.mark.usefixtures("english")

CODES = ("T1", "T2", "T3")


def sheet(per_technology=None, **values):
    """A full answer sheet: the same answers for every technology unless `per_technology` overrides one."""
    base = {"importance": 4, "year": 2032, "level_vs_leader": -1, "level_vs_competitor": 0,
            "barriers": ["skills", "funding"], "competence": 4, "comment": ""} | values
    return {code: base | (per_technology or {}).get(code, {}) for code in CODES}


def open_first(study, analyst, days=7):
    return questionnaire.open_round(study, analyst, today() + dt.timedelta(days=days))


# --- rounds ------------------------------------------------------------------------------------------


def test_p8_2_no_round_in_the_preparatory_stage(study, analyst):
    with pytest.raises(StudyError) as refused:
        open_first(study, analyst)
    assert refused.value.status == 409 and "main stage" in refused.value.message
    assert not Round.objects.exists()


def test_p8_2_one_open_round_at_a_time_numbered_from_one(main_stage_study, analyst):
    first = open_first(main_stage_study, analyst)
    assert first.number == 1 and first.is_open
    with pytest.raises(StudyError) as refused:
        open_first(main_stage_study, analyst)
    assert refused.value.status == 409 and "Round 1 is still open" in refused.value.message
    questionnaire.close_round(first, analyst)
    assert open_first(main_stage_study, analyst).number == 2


def test_closing_date_in_the_past_and_closing_twice_are_refused(main_stage_study, analyst):
    with pytest.raises(StudyError) as refused:
        questionnaire.open_round(main_stage_study, analyst, today() - dt.timedelta(days=1))
    assert refused.value.field == "closes_on"
    first = open_first(main_stage_study, analyst)
    questionnaire.close_round(first, analyst)
    with pytest.raises(StudyError) as again:
        questionnaire.close_round(first, analyst)
    assert again.value.status == 409


def test_only_analysts_open_rounds(main_stage_study, panel_members):
    with pytest.raises(StudyError) as refused:
        open_first(main_stage_study, panel_members[0][1])
    assert refused.value.status == 403


def test_opening_a_round_tells_each_accepted_expert_in_their_language(main_stage_study, analyst, settings):
    settings.TECHPOLICY_PUBLIC_URL = "https://techpolicy.gov.kz/"
    make_expert(main_stage_study, analyst, "late@example.kz", "KZ", accept=False)
    open_first(main_stage_study, analyst)
    notices = Notification.objects.order_by("recipient").filter(subject__contains="Round 1")
    assert [n.recipient for n in notices] == ["aigerim@example.kz", "hans@example.de"]
    # An absolute link on the public address, whoever opened the round (page, API or command).
    assert f"https://techpolicy.gov.kz/en/forecasting/{main_stage_study.number}/rounds/1/answer/" in notices[0].body


# --- answering ---------------------------------------------------------------------------------------


def test_p8_2_full_submission_is_recorded(main_stage_study, analyst, panel_members):
    round_ = open_first(main_stage_study, analyst)
    membership = panel_members[0][0]
    response = questionnaire.submit(round_, membership, sheet({"T2": {"importance": 5, "comment": " why "}}), "ru")
    assert response.language == "ru"
    stored = {a.technology.code: a for a in response.answers.select_related("technology")}
    assert sorted(stored) == list(CODES)
    assert stored["T2"].importance == 5 and stored["T2"].comment == "why"
    assert stored["T1"].barriers == ["funding", "skills"]  # in the order the questionnaire lists them
    assert stored["T1"].level_vs_leader == -1 and stored["T1"].year == 2032


def test_answering_twice_is_refused_with_409_and_the_first_answers_stay(main_stage_study, analyst, panel_members):
    round_ = open_first(main_stage_study, analyst)
    membership = panel_members[0][0]
    questionnaire.submit(round_, membership, sheet(importance=2), "en")
    with pytest.raises(StudyError) as refused:
        questionnaire.submit(round_, membership, sheet(importance=5), "en")
    assert refused.value.status == 409 and "already answered this round" in refused.value.message
    assert Response.objects.count() == 1
    assert set(Answer.objects.values_list("importance", flat=True)) == {2}


def test_a_closed_round_refuses_answers(main_stage_study, analyst, panel_members):
    round_ = questionnaire.close_round(open_first(main_stage_study, analyst), analyst)
    with pytest.raises(StudyError) as refused:
        questionnaire.submit(round_, panel_members[0][0], sheet(), "en")
    assert refused.value.status == 409
    assert f"closed on {today().isoformat()}" in refused.value.message
    assert not Response.objects.exists()


def test_a_round_past_its_closing_date_refuses_answers(main_stage_study, analyst, panel_members):
    round_ = open_first(main_stage_study, analyst)
    yesterday = today() - dt.timedelta(days=1)
    Round.objects.filter(pk=round_.pk).update(closes_on=yesterday)
    round_.refresh_from_db()
    with pytest.raises(StudyError) as refused:
        questionnaire.submit(round_, panel_members[0][0], sheet(), "en")
    assert f"closed on {yesterday.isoformat()}" in refused.value.message
    assert not Response.objects.exists()


def test_declined_and_not_yet_accepted_experts_cannot_answer(main_stage_study, analyst):
    round_ = open_first(main_stage_study, analyst)
    invited, _user = make_expert(main_stage_study, analyst, "slow@example.kz", "KZ", accept=False)
    declined, _user = make_expert(main_stage_study, analyst, "no@example.kz", "KZ", accept=False)
    declined = panel.respond(declined, accept=False)
    for membership, words in ((invited, "Accept the invitation"), (declined, "You declined")):
        with pytest.raises(StudyError) as refused:
            questionnaire.submit(round_, membership, sheet(), "kk")
        assert refused.value.status == 403 and words in refused.value.message
    assert not Response.objects.exists()


def test_every_technology_must_be_answered(main_stage_study, analyst, panel_members):
    round_ = open_first(main_stage_study, analyst)
    answers = sheet()
    del answers["T3"]
    with pytest.raises(StudyError) as refused:
        questionnaire.submit(round_, panel_members[0][0], answers, "en")
    assert refused.value.field == "technology" and "T3" in refused.value.message
    assert not Response.objects.exists() and not Answer.objects.exists()


@pytest.mark.parametrize(("change", "field"), [
    ({"importance": 6}, "importance"),
    ({"importance": "soon"}, "importance"),
    ({"importance": True}, "importance"),
    ({"year": 1999}, "year"),
    ({"level_vs_leader": 3}, "level_vs_leader"),
    ({"level_vs_competitor": 2.5}, "level_vs_competitor"),
    ({"competence": 0}, "competence"),
    ({"barriers": ["weather"]}, "barriers"),
    ({"comment": "x" * 2001}, "comment"),
])
def test_values_outside_the_scales_are_refused_and_nothing_is_saved(main_stage_study, analyst, panel_members,
                                                                      change, field):
    round_ = open_first(main_stage_study, analyst)
    with pytest.raises(StudyError) as refused:
        questionnaire.submit(round_, panel_members[0][0], sheet({"T2": change}), "en")
    assert refused.value.field == field and "T2" in refused.value.message
    assert not Response.objects.exists()


# --- between rounds ----------------------------------------------------------------------------------


def two_rounds(study, analyst, members, first=None, second=None):
    """Round 1 answered by both experts (5 and 3 for T1's importance unless told otherwise), round 2 open."""
    round_1 = open_first(study, analyst)
    questionnaire.submit(round_1, members[0][0], first or sheet({"T1": {"importance": 5, "competence": 5}}), "en")
    questionnaire.submit(round_1, members[1][0], second or sheet({"T1": {"importance": 3, "competence": 1},
                                                                  "T2": {"comment": "secret reasoning of E-02"}}),
                         "en")
    questionnaire.close_round(round_1, analyst)
    return round_1, open_first(study, analyst)


def test_p8_2_round_one_has_no_feedback(main_stage_study, analyst, panel_members):
    round_ = open_first(main_stage_study, analyst)
    assert questionnaire.feedback_for(panel_members[0][0], round_) == {}


def test_p8_2_feedback_is_the_group_median_and_quartiles_beside_the_own_answer(main_stage_study, analyst,
                                                                                panel_members):
    _first, round_2 = two_rounds(main_stage_study, analyst, panel_members)
    feedback = questionnaire.feedback_for(panel_members[0][0], round_2)
    t1 = feedback["T1"]
    assert t1.round_number == 1
    assert t1.group["importance"] == {"n": 2, "median": 4.0, "q1": 3.5, "q3": 4.5}
    assert t1.own["importance"] == 5 and t1.own["competence"] == 5
    # Nothing identifies the others: only group figures and the expert's own answer (with their own comment).
    assert feedback["T2"].own["comment"] == ""
    assert "E-02" not in repr(feedback) and "hans" not in repr(feedback).lower()


def test_p8_2_expert_who_skipped_the_previous_round_sees_the_group_only(main_stage_study, analyst,
                                                                        panel_members):
    _first, round_2 = two_rounds(main_stage_study, analyst, panel_members)
    newcomer, _user = make_expert(main_stage_study, analyst, "new@example.kz", "KZ")
    feedback = questionnaire.feedback_for(newcomer, round_2)
    assert feedback["T1"].own is None and feedback["T1"].group["importance"]["median"] == 4.0


def test_p8_2_competence_weighting_moves_the_median(main_stage_study, analyst, panel_members):
    """Known answer: T1 importance 5 (competence 5) and 3 (competence 1): the median is 4 unweighted;
    weighted, the competent expert's answer carries 5/6 of the weight and the median is 5."""
    round_1, _round_2 = two_rounds(main_stage_study, analyst, panel_members)

    def t1_median():
        block = questionnaire.round_results(main_stage_study, round_1)["questions"][0]
        return next(r["median"] for r in block["rows"] if r["technology"] == "T1")

    assert t1_median() == 4.0
    main_stage_study.weighted = True
    main_stage_study.save()
    assert t1_median() == 5.0
    feedback = questionnaire.feedback_for(panel_members[0][0], _round_2)
    assert feedback["T1"].group["importance"]["median"] == 5.0  # experts see the same weighted figures


def test_round_results_carry_changes_verdicts_kendall_and_barriers(main_stage_study, analyst, panel_members):
    _first, round_2 = two_rounds(main_stage_study, analyst, panel_members)
    for membership, _user in panel_members:
        questionnaire.submit(round_2, membership, sheet({"T1": {"importance": 4}, "T3": {"importance": 2}}), "en")
    results = questionnaire.round_results(main_stage_study, round_2)
    importance = {r["technology"]: r for r in results["questions"][0]["rows"]}
    assert importance["T1"]["median"] == 4.0 and importance["T1"]["iqr"] == 0.0
    assert importance["T1"]["median_shift"] == 0.0 and importance["T1"]["revised_share"] == 1.0
    assert importance["T1"]["verdict"] == "consensus" and importance["T1"]["stop"]  # rel. IQR 0 <= 0.5
    assert importance["T2"]["verdict"] == "consensus"
    assert [k["round"] for k in results["kendall"]] == [1, 2]
    assert results["kendall"][1]["w"] == pytest.approx(1.0) and results["kendall"][1]["experts"] == 2
    assert results["barriers"]["T1"] == {"funding": 2, "skills": 2}


def test_without_a_stop_rule_there_are_no_verdicts(main_stage_study, analyst, panel_members):
    main_stage_study.stop_rule = {}
    main_stage_study.save()
    round_1, _round_2 = two_rounds(main_stage_study, analyst, panel_members)
    results = questionnaire.round_results(main_stage_study, round_1)
    assert results["stop_rule"] is None
    assert "verdict" not in results["questions"][0]["rows"][0]


def test_p8_2_answers_csv_round_trips_through_read_answers(main_stage_study, analyst, panel_members):
    """The CSV by pseudonym is what `techpolicy forecast delphi` reads, levels on the same -2..+2 scale (p.11(6))."""
    _first, round_2 = two_rounds(main_stage_study, analyst, panel_members)
    questionnaire.submit(round_2, panel_members[0][0], sheet(level_vs_leader=2), "en")
    lines = [",".join(str(c) for c in row) for row in
             questionnaire.csv_rows(questionnaire.pseudonymous_answers(main_stage_study, 2))]
    assert lines[0] == "expert,round,technology,question,value,competence"
    assert "E-01,1,T1,importance,5,5" in lines and "E-02,1,T1,level_vs_leader,-1,1" in lines
    assert not any("aigerim" in line or "Hans" in line for line in lines)
    data = delphi.read_answers(lines)
    assert data.rounds == [1, 2] and data.n_experts == 2
    assert data.values[0, 0, data.items.index(("T1", "importance"))] == 5
    assert data.values[1, 0, data.items.index(("T3", "level_vs_leader"))] == 2
    assert data.values[0, 1, data.items.index(("T2", "barrier:funding"))] == 1
    assert data.values[0, 1, data.items.index(("T2", "barrier:access"))] == 0
    report = delphi.aggregate(data, weighted=True)
    t1 = next(i for i in report["items"] if i["technology"] == "T1" and i["question"] == "importance")
    assert t1["rounds"][0]["median"] == 5.0  # the same weighted median the study reports


def test_an_expert_of_another_study_cannot_answer(main_stage_study, analyst):
    from .conftest import make_study

    other = make_study(analyst, title="Other")
    outsider, _user = make_expert(other, analyst, "out@example.kz", "KZ", accept=False)
    outsider = panel.respond(outsider, accept=True, user=factories.make_user(), no_conflict=True)
    round_ = open_first(main_stage_study, analyst)
    with pytest.raises(StudyError) as refused:
        questionnaire.submit(round_, outsider, sheet(), "en")
    assert refused.value.status == 403


def test_results_of_a_round_nobody_could_answer(study):
    """A round of a study without experts (made by hand, as imports may): figures are empty, not an error."""
    round_ = Round.objects.create(study=study, number=1, closes_on=today())
    results = questionnaire.round_results(study, round_)
    assert [r["n"] for r in results["questions"][0]["rows"]] == [0, 0, 0]
    assert results["questions"][0]["rows"][0]["median"] is None
