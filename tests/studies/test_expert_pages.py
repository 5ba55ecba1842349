"""The Delphi pages of 000 p.8(2) with the Django test client: the invitation (accept with the
conflict-of-interest declaration, decline), the expert's studies and questionnaire (p.11(6) levels,
feedback between rounds, refusals that keep what was typed), and the analysts' rounds and results by
pseudonym with the answers CSV."""

import datetime as dt

import pytest

from techpolicy.accounts.models import User
from techpolicy.accounts.roles import EXPERT, has_role
from techpolicy.casework.law_context import today
from techpolicy.forecasting import delphi
from techpolicy.forecasting.studies import panel, questionnaire
from techpolicy.forecasting.studies.models import Answer, Membership, Response, Round
from tests import factories

from .conftest import make_expert, make_study
from .test_questionnaire import open_first, sheet, two_rounds


def page(response) -> str:
    return response.content.decode()


def form_data(study, per_technology=None, **values):
    """What the questionnaire posts: one prefixed card per technology."""
    base = {"importance": "4", "year": "2032", "level_vs_leader": "-1", "level_vs_competitor": "0",
            "barriers": ["funding", "skills"], "competence": "4", "comment": ""} | values
    data = {}
    for t in study.technologies.all():
        for name, value in (base | (per_technology or {}).get(t.code, {})).items():
            data[f"t{t.pk}-{name}"] = value
    return data


def checked(text, study, code, field, index) -> bool:
    """Whether the `index`-th radio button of `field` on technology `code`'s card is checked."""
    pk = study.technologies.get(code=code).pk
    return f'id="id_t{pk}-{field}_{index}" required checked' in text


def answer_url(study, lang="en", n=1):
    return f"/{lang}/forecasting/{study.number}/rounds/{n}/answer/"


# --- invitation --------------------------------------------------------------------------------------


@pytest.fixture
def invited(study, analyst):
    membership, _user = make_expert(study, analyst, "dana@example.kz", "KZ", accept=False)
    return membership


def invitation_url(membership, lang="en"):
    return f"/{lang}/forecasting/invitation/{membership.token}/"


def test_p10_2_invitation_shows_the_study(client, invited, study):
    text = page(client.get(invitation_url(invited)))
    for shown in (study.title, study.direction, study.organising_body, str(study.horizon_year), "Expert group"):
        assert shown in text
    assert "dana@example.kz" in text  # the login the account will have


def test_p10_2_accepting_with_a_password_makes_a_signed_in_expert(client, invited):
    response = client.post(invitation_url(invited), {"decision": "accept", "no_conflict": "on",
                                                     "password": factories.PASSWORD,
                                                     "password_again": factories.PASSWORD})
    assert response.status_code == 302 and response["Location"].endswith("/forecasting/expert/")
    user = User.objects.get(username="dana@example.kz")
    assert has_role(user, EXPERT) and user.check_password(factories.PASSWORD)
    invited.refresh_from_db()
    assert invited.status == "accepted" and invited.no_conflict and invited.expert.user == user
    assert int(client.session["_auth_user_id"]) == user.pk
    assert invited.study.title in page(client.get("/en/forecasting/expert/"))


def test_p10_2_conflict_of_interest_must_be_declared(client, invited):
    response = client.post(invitation_url(invited), {"decision": "accept", "password": factories.PASSWORD,
                                                     "password_again": factories.PASSWORD})
    assert "Declare that you have no conflict of interest, or describe it." in page(response)
    invited.refresh_from_db()
    assert invited.status == "invited" and not User.objects.filter(username="dana@example.kz").exists()


def test_described_conflicts_are_accepted_for_a_signed_in_user(client_as, invited):
    user = factories.make_user(email="dana@example.kz")
    client_as(user).post(invitation_url(invited), {"decision": "accept", "conflicts": "Advisor to a vendor"})
    invited.refresh_from_db()
    assert invited.status == "accepted" and invited.conflicts == "Advisor to a vendor"
    assert invited.expert.user == user


def test_different_passwords_are_refused(client, invited):
    response = client.post(invitation_url(invited), {"decision": "accept", "no_conflict": "on",
                                                     "password": factories.PASSWORD, "password_again": "other"})
    assert "The two passwords differ." in page(response)
    invited.refresh_from_db()
    assert invited.status == "invited"


def test_decline_and_the_used_token(client, invited):
    response = client.post(invitation_url(invited), {"decision": "decline"}, follow=True)
    assert "You declined the invitation" in page(response)
    assert "already been declined" in page(response)
    invited.refresh_from_db()
    assert invited.status == "declined"
    again = client.post(invitation_url(invited), {"decision": "accept", "no_conflict": "on"})
    assert "already been declined" in page(again)
    invited.refresh_from_db()
    assert invited.status == "declined"


def test_reused_token_after_acceptance(client, study, panel_members):
    text = page(client.get(invitation_url(panel_members[0][0])))
    assert "already been accepted" in text and 'value="accept"' not in text


def test_unknown_token_is_404(client, db):
    assert client.get("/en/forecasting/invitation/00000000-0000-4000-8000-000000000000/").status_code == 404


# --- the expert's pages ------------------------------------------------------------------------------


def test_anonymous_user_is_sent_to_sign_in(client, main_stage_study, analyst):
    open_first(main_stage_study, analyst)
    for url in (answer_url(main_stage_study), "/en/forecasting/expert/"):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]


def test_my_studies_links_the_open_round(client_as, main_stage_study, analyst, panel_members):
    open_first(main_stage_study, analyst)
    client = client_as(panel_members[0][1])
    assert answer_url(main_stage_study) in page(client.get("/en/forecasting/expert/"))
    client.post(answer_url(main_stage_study), form_data(main_stage_study))
    assert "You have answered round 1" in page(client.get("/en/forecasting/expert/"))


def test_p8_2_p11_6_questionnaire_is_answered(client_as, main_stage_study, analyst, panel_members):
    open_first(main_stage_study, analyst)
    client = client_as(panel_members[0][1])
    text = page(client.get(answer_url(main_stage_study)))
    assert text.count('type="radio"') == 3 * (5 + 5 + 5 + 5)  # importance, two levels, competence
    assert "Kazakhstan&#x27;s current level compared with the leader countries" in text
    response = client.post(answer_url(main_stage_study), form_data(main_stage_study, {"T2": {"importance": "5"}}))
    assert response.status_code == 302
    stored = Response.objects.get(membership=panel_members[0][0])
    assert stored.language == "en"
    assert stored.answers.get(technology__code="T2").importance == 5
    assert stored.answers.get(technology__code="T1").barriers == ["funding", "skills"]


def test_invalid_values_keep_what_was_typed(client_as, main_stage_study, analyst, panel_members):
    open_first(main_stage_study, analyst)
    client = client_as(panel_members[0][1])
    data = form_data(main_stage_study, {"T1": {"year": "soon", "comment": "My careful reasoning"},
                                        "T2": {"year": "1800", "importance": "9"}}, level_vs_leader="2")
    response = client.post(answer_url(main_stage_study), data)
    text = page(response)
    assert response.status_code == 200
    assert "Enter a whole number." in text and 'value="soon"' in text
    assert "greater than or equal to 2000" in text and 'value="1800"' in text
    assert "Select a valid choice" in text
    assert "My careful reasoning" in text
    assert checked(text, main_stage_study, "T1", "level_vs_leader", 4)  # +2, the last choice
    assert not Response.objects.exists()
    # the technologies to correct are listed at the top, linked to their cards (a long page on a phone)
    summary = text[text.index('id="to-correct"'):text.index('id="technology-T1"')]
    assert 'href="#technology-T1"' in summary and 'href="#technology-T2"' in summary
    assert 'href="#technology-T3"' not in summary


def test_answering_twice_is_a_409_and_the_first_answers_stay(client_as, main_stage_study, analyst, panel_members):
    open_first(main_stage_study, analyst)
    client = client_as(panel_members[0][1])
    client.post(answer_url(main_stage_study), form_data(main_stage_study, importance="2"))
    again = client.post(answer_url(main_stage_study), form_data(main_stage_study, importance="5"))
    assert again.status_code == 409 and "already answered this round" in page(again)
    assert set(Answer.objects.values_list("importance", flat=True)) == {2}
    assert "already answered this round" in page(client.get(answer_url(main_stage_study)))


def test_after_close_and_after_the_closing_date(client_as, main_stage_study, analyst, panel_members):
    round_ = open_first(main_stage_study, analyst)
    client = client_as(panel_members[0][1])
    yesterday = today() - dt.timedelta(days=1)
    Round.objects.filter(pk=round_.pk).update(closes_on=yesterday)
    late = client.post(answer_url(main_stage_study), form_data(main_stage_study, comment="typed late"))
    assert late.status_code == 409 and f"closed on {yesterday.isoformat()}" in page(late)
    assert "typed late" in page(late)  # what the expert typed is still on the page
    questionnaire.close_round(round_, analyst)
    shown = client.get(answer_url(main_stage_study))
    assert "The round closed on" in page(shown) and 'type="radio"' not in page(shown)
    assert not Response.objects.exists()


def test_declined_expert_sees_why_they_cannot_answer(client_as, main_stage_study, analyst):
    open_first(main_stage_study, analyst)
    membership, _user = make_expert(main_stage_study, analyst, "no@example.kz", "KZ", accept=False)
    user = factories.make_user(email="no@example.kz")
    membership.expert.user = user
    membership.expert.save()
    panel.respond(membership, accept=False)
    client = client_as(user)
    assert "You declined the invitation" in page(client.get(answer_url(main_stage_study)))
    refused = client.post(answer_url(main_stage_study), form_data(main_stage_study))
    assert refused.status_code == 403 and not Response.objects.exists()


def test_p8_2_round_two_shows_group_figures_and_own_answer_prefilled(client_as, main_stage_study, analyst,
                                                                    panel_members):
    two_rounds(main_stage_study, analyst, panel_members)
    text = page(client_as(panel_members[0][1]).get(answer_url(main_stage_study, n=2)))
    assert "Group in round 1: median 4, quartiles 3.5 – 4.5 (answers: 2)." in text
    assert "Your answer: 5 · very important." in text
    assert checked(text, main_stage_study, "T1", "importance", 4)  # 5, the last choice
    assert "secret reasoning of E-02" not in text and "E-02" not in text and "hans" not in text.lower()


def test_other_people_cannot_see_results_or_someone_elses_answers(client_as, main_stage_study, analyst,
                                                                   panel_members):
    two_rounds(main_stage_study, analyst, panel_members)
    expert = client_as(panel_members[1][1])
    for url in (f"/en/forecasting/{main_stage_study.number}/rounds/1/",
                f"/en/forecasting/{main_stage_study.number}/rounds/1/?format=csv",
                f"/en/forecasting/{main_stage_study.number}/rounds/"):
        assert expert.get(url).status_code == 403
    _membership, outsider = make_expert(make_study(analyst, title="Other study"), analyst, "out@example.kz", "KZ")
    assert client_as(outsider).get(answer_url(main_stage_study, n=2)).status_code == 403


@pytest.mark.parametrize(("lang", "label", "technology"), [
    ("en", "Importance for Kazakhstan", "Precision farming"),
    ("ru", None, "Точное земледелие"),
    ("kk", None, "Дәлме-дәл егіншілік"),
])
def test_questionnaire_in_the_language_of_the_url(client_as, main_stage_study, analyst, panel_members, lang, label,
                                                  technology):
    open_first(main_stage_study, analyst)
    text = page(client_as(panel_members[0][1]).get(answer_url(main_stage_study, lang)))
    assert f'<html lang="{lang}">' in text and technology in text
    if label:
        assert label in text and "very important" in text
    if lang != "en":  # the expert chose English: the page offers it
        assert f'href="{answer_url(main_stage_study)}" lang="en"' in text


# --- the analysts' pages -----------------------------------------------------------------------------


def test_analyst_opens_and_closes_rounds(client_as, main_stage_study, analyst, panel_members):
    client = client_as(analyst)
    url = f"/en/forecasting/{main_stage_study.number}/rounds/"
    past = client.post(url, {"action": "open", "closes_on": (today() - dt.timedelta(days=1)).isoformat()})
    assert "cannot be in the past" in page(past) and not Round.objects.exists()
    closes_on = (today() + dt.timedelta(days=10)).isoformat()
    assert client.post(url, {"action": "open", "closes_on": closes_on}).status_code == 302
    text = page(client.get(url))
    assert "0 / 2" in text and "Close the round" in text and "Open the round" not in text
    client.post(url, {"action": "close", "round": "1", "confirm": "on"})  # 0 of 2 answered: "I understand"
    assert not Round.objects.get().is_open
    assert "Open the round" in page(client.get(url))


def test_rounds_are_not_opened_in_the_preparatory_stage(client_as, study, analyst):
    text = page(client_as(analyst).get(f"/en/forecasting/{study.number}/rounds/"))
    assert "Rounds are opened in the main stage" in text and "Open the round" not in text


def test_p8_2_results_by_pseudonym_only(client_as, main_stage_study, analyst, panel_members):
    two_rounds(main_stage_study, analyst, panel_members)
    text = page(client_as(analyst).get(f"/en/forecasting/{main_stage_study.number}/rounds/1/"))
    assert "E-01" in text and "E-02" in text and "secret reasoning of E-02" in text
    for person in panel_members:
        expert = person[0].expert
        assert expert.full_name not in text and expert.email not in text
    assert "Kendall" in text and "Relative IQR" in text and "consensus" in text
    assert "Lack of qualified staff: 2" in text


def test_results_without_a_stop_rule_say_so(client_as, main_stage_study, analyst, panel_members):
    main_stage_study.stop_rule = {}
    main_stage_study.save()
    two_rounds(main_stage_study, analyst, panel_members)
    text = page(client_as(analyst).get(f"/en/forecasting/{main_stage_study.number}/rounds/2/"))
    assert "Stop rule not set" in text and "Median change from the previous round" in text


def test_p8_2_weighting_switch_changes_the_reported_median(client_as, main_stage_study, analyst, panel_members):
    """Known answer: T1 importance 5 (competence 5) and 3 (competence 1): median 4, weighted 5."""
    two_rounds(main_stage_study, analyst, panel_members)
    client = client_as(analyst)
    url = f"/en/forecasting/{main_stage_study.number}/rounds/1/"

    def t1_importance_row():
        text = page(client.get(url))
        row = text[text.index("<td>T1 Precision farming</td>"):]
        return row[:row.index("</tr>")]

    assert "<td>2</td><td>4</td><td>3.50</td><td>4.50</td>" in t1_importance_row()
    main_stage_study.weighted = True
    main_stage_study.save()
    assert "<td>2</td><td>5</td>" in t1_importance_row()


def test_p8_2_csv_export_round_trips(client_as, main_stage_study, analyst, panel_members):
    two_rounds(main_stage_study, analyst, panel_members)
    response = client_as(analyst).get(f"/en/forecasting/{main_stage_study.number}/rounds/1/?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    lines = page(response).splitlines()
    assert lines[0] == "expert,round,technology,question,value,competence"
    assert not any("@" in line for line in lines)
    data = delphi.read_answers(lines)
    assert data.rounds == [1] and data.n_experts == 2
    assert sorted(data.values[0, :, data.items.index(("T1", "importance"))]) == [3, 5]
    assert Membership.objects.filter(study=main_stage_study).count() == 2


def test_service_answers_match_the_page_form(main_stage_study, analyst, panel_members):
    """The page's fields and the service's sheet name the same answers (no second vocabulary)."""
    names = {key.split("-", 1)[1] for key in form_data(main_stage_study)}
    assert names == set(sheet()["T1"])


def test_results_page_of_a_round_without_answers(client_as, main_stage_study, analyst):
    open_first(main_stage_study, analyst)
    response = client_as(analyst).get(f"/en/forecasting/{main_stage_study.number}/rounds/1/")
    assert response.status_code == 200 and "No answers yet." in page(response)
    assert "open: interim results" in page(response)
