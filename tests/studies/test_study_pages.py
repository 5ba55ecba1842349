"""The analysts' study pages: create, edit, thematic plan (000 p.10(4)), groups (p.10(1)), technologies
and the stage buttons guarded by paragraph 7."""

import pytest
from django.contrib.messages import get_messages
from django.core import mail

from techpolicy.forecasting.studies.models import Membership, PlanActivity, Study, Technology
from tests import factories

NEW_STUDY = {
    "title": "Green hydrogen 2045", "direction": "Energy", "covered_sectors": "Energy\nChemistry",
    "horizon_year": "2045", "organising_body": "Ministry of Energy", "methods": ["foresight", "extrapolation"],
    "max_rel_iqr": "0.5",
}


def texts(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_anonymous_is_sent_to_sign_in(client, db):
    response = client.get("/kk/forecasting/")
    assert response.status_code == 302 and "/login" in response["Location"]


def test_applicant_may_not_see_studies(client_as, study):
    response = client_as(factories.make_applicant()).get(f"/en/forecasting/{study.number}/")
    assert response.status_code == 403


def test_analyst_creates_a_study_with_its_stop_rule(client_as, analyst):
    response = client_as(analyst).post("/en/forecasting/new/", NEW_STUDY)
    study = Study.objects.get(title="Green hydrogen 2045")
    assert response["Location"].endswith(f"/forecasting/{study.number}/")
    assert study.covered_sectors == ["Energy", "Chemistry"]
    assert study.stop_rule == {"max_rel_iqr": 0.5}
    assert study.stage == "preparatory"


@pytest.mark.parametrize(("field", "value", "message"), [
    ("horizon_year", "1990", "between 2000 and 2100"),
    ("horizon_year", "soon", "whole number"),
    ("covered_sectors", "  \n ", "required"),
    ("methods", ["astrology"], "not one of the available choices"),
    ("max_rel_iqr", "-1", "greater than or equal to 0"),
])
def test_invalid_study_form_keeps_what_was_typed(client_as, analyst, field, value, message):
    response = client_as(analyst).post("/en/forecasting/new/", NEW_STUDY | {field: value})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "Green hydrogen 2045" in response.content.decode()
    assert not Study.objects.exists()


def test_stop_rule_with_only_fewest_answers_is_refused(client_as, analyst):
    data = NEW_STUDY | {"max_rel_iqr": "", "min_answers": "5"}
    response = client_as(analyst).post("/en/forecasting/new/", data)
    assert "at least one threshold" in response.content.decode()


def test_edit_with_a_stale_version_is_refused(client_as, study, analyst):
    data = NEW_STUDY | {"version": str(study.version - 1 if study.version > 1 else 99)}
    response = client_as(analyst).post(f"/en/forecasting/{study.number}/edit/", data)
    assert "Someone else changed this study" in response.content.decode()
    study.refresh_from_db()
    assert study.title == "Digital agriculture 2040"


def test_p10_4_thematic_plan_activity_and_progress(client_as, study, analyst):
    client = client_as(analyst)
    bad = {"stage": "preparatory", "activity": "Form the groups", "kind_of_work": "Invitations",
           "starts_on": "2026-03-01", "ends_on": "2026-02-01", "methods": ["foresight"]}
    response = client.post(f"/en/forecasting/{study.number}/plan/", bad)
    assert "cannot end before it starts" in response.content.decode()
    client.post(f"/en/forecasting/{study.number}/plan/", bad | {"ends_on": "2026-04-01"})
    activity = PlanActivity.objects.get(study=study)
    client.post(f"/en/forecasting/{study.number}/plan/", {"done": str(activity.pk)})
    activity.refresh_from_db()
    assert activity.done_on is not None
    page = client.get(f"/en/forecasting/{study.number}/").content.decode()
    assert "1 of 1 activities done (100 %)" in page


def test_p10_1_invitation_is_sent_by_e_mail_in_the_experts_language(client_as, study, analyst, mailoutbox, settings,
                                                                      run_tasks):
    settings.TECHPOLICY_PUBLIC_URL = "https://techpolicy.gov.kz"
    response = client_as(analyst).post(f"/kk/forecasting/{study.number}/experts/", {
        "full_name": "Hans Müller", "email": "hans@example.de", "country": "de", "organisation": "Fraunhofer",
        "fields": "Agriculture\nICT", "experience_years": "15", "language": "en", "group": "expert"})
    assert response.status_code == 302
    assert run_tasks() == 1  # the worker sends the invitation
    membership = Membership.objects.get(study=study)
    assert membership.expert.country == "DE" and membership.pseudonym == "E-01"
    assert len(mail.outbox) == 1
    assert f"https://techpolicy.gov.kz/en/forecasting/invitation/{membership.token}/" in mail.outbox[0].body
    assert "Invitation to the technology forecast" in mail.outbox[0].subject


def test_inviting_the_same_expert_twice_is_refused(client_as, study, analyst, mailoutbox):
    client = client_as(analyst)
    data = {"full_name": "A", "email": "a@example.kz", "country": "KZ", "organisation": "KazNU",
            "fields": "ICT", "experience_years": "3", "language": "kk", "group": "expert"}
    client.post(f"/en/forecasting/{study.number}/experts/", data)
    response = client.post(f"/en/forecasting/{study.number}/experts/", data)
    assert "already invited" in response.content.decode()
    assert Membership.objects.filter(study=study).count() == 1


def test_invalid_country_code_is_refused(client_as, study, analyst):
    response = client_as(analyst).post(f"/en/forecasting/{study.number}/experts/", {
        "full_name": "A", "email": "a@example.kz", "country": "K1", "organisation": "KazNU", "fields": "ICT",
        "language": "kk", "group": "expert"})
    assert "two-letter ISO code" in response.content.decode()


def test_duplicate_technology_code_is_a_form_error(client_as, study, analyst):
    response = client_as(analyst).post(f"/en/forecasting/{study.number}/technologies/",
                                       {"code": "T1", "name_en": "Again"})
    assert "already has a technology with this code" in response.content.decode()
    assert Technology.objects.filter(study=study, code="T1").count() == 1


def test_p7_start_button_refused_with_the_paragraph_in_kazakh(client_as, study, analyst):
    client = client_as(analyst)
    page = client.get(f"/kk/forecasting/{study.number}/").content.decode()
    assert "7-тармақ, 1) тармақша" in page  # the criteria are shown before the button is pressed
    response = client.post(f"/kk/forecasting/{study.number}/stage/", {"action": "start_main",
                                                                        "version": study.version})
    assert any("7-тармақ, 1) тармақша" in t for t in texts(response))
    study.refresh_from_db()
    assert study.stage == "preparatory"


def test_p7_start_button_moves_the_study_when_the_groups_are_complete(client_as, study, analyst, panel_members):
    response = client_as(analyst).post(f"/en/forecasting/{study.number}/stage/",
                                       {"action": "start_main", "version": study.version})
    assert texts(response) == ["Done."]
    study.refresh_from_db()
    assert study.stage == "main"


def test_garbled_version_is_treated_as_stale(client_as, study, analyst, panel_members):
    response = client_as(analyst).post(f"/en/forecasting/{study.number}/stage/",
                                       {"action": "start_main", "version": "x"})
    assert any("Someone else changed" in t for t in texts(response))


def test_list_search_and_pagination(client_as, analyst):
    from .conftest import make_study

    for i in range(27):
        make_study(analyst, title=f"Study {i:02d}")
    client = client_as(analyst)
    first = client.get("/en/forecasting/").content.decode()
    assert "1 / 2" in first
    found = client.get("/en/forecasting/?q=Study 07").content.decode()
    assert "Study 07" in found and "Study 08" not in found


def test_detail_page_names_methods_stop_rule_and_stages_in_words(client_as, study, analyst, panel_members):
    client = client_as(analyst)
    client.post(f"/en/forecasting/{study.number}/stage/", {"action": "start_main", "version": study.version})
    page = client.get(f"/en/forecasting/{study.number}/").content.decode()
    assert "Linear extrapolation with expert correction; Foresight (Delphi survey)" in page
    assert "Stop rule: largest relative IQR: 0.5" in page
    assert "Preparatory stage → Main stage" in page
