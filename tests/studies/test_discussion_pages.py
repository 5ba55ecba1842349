"""The pages of 000 p.12-13: the analysts' draft versions and responses, the public discussion
(no sign-in) and the public list of key technologies with its CSV and JSON export."""

import datetime as dt
import json

import pytest
from django.contrib.messages import get_messages

from techpolicy.forecasting.studies import discussion
from techpolicy.forecasting.studies.models import Comment
from tests import factories

from .conftest import TODAY, approved_study, comment, final_study, publish

NEW_DRAFT = {
    "action": "publish", "previous": "0", "vision": "Data-driven farms by 2040.", "goals": "Half the land\nExports",
    "key_technologies": "T2\nT1", "grant_directions": "Soil sensors", "programme_directions": "",
    "planning_proposals": "", "recommendations": "Ministry of Agriculture | Fund pilot farms",
    "discussion_closes_on": "2026-12-05",
}


@pytest.fixture
def as_analyst(client, analyst):
    client.force_login(analyst)
    return client


def texts(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- the analysts' page (p.12(1)-(2)) --------------------------------------------------------------


def test_drafts_page_is_for_analysts(client, final):
    assert client.get(f"/en/forecasting/{final.number}/drafts/").status_code == 302
    client.force_login(factories.make_applicant())
    assert client.get(f"/en/forecasting/{final.number}/drafts/").status_code == 403


def test_p12_1_analyst_publishes_the_first_version(as_analyst, final):
    response = as_analyst.post(f"/en/forecasting/{final.number}/drafts/", NEW_DRAFT)
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = discussion.latest_draft(final)
    assert (draft.number, draft.key_technologies, draft.goals) == (1, ["T2", "T1"], ["Half the land", "Exports"])
    assert draft.recommendations == [{"body": "Ministry of Agriculture", "text": "Fund pilot farms"}]
    assert "Version 1 is published for public discussion." in texts(response)


@pytest.mark.parametrize(("field", "value", "message"), [
    ("key_technologies", "T2\nT9", "Not a technology of this study: T9"),
    ("recommendations", "Ministry of Agriculture", "Line 1: write the state body"),
    ("discussion_closes_on", "2026-11-21", "must stay open after today"),
])
def test_p12_1_invalid_draft_form_keeps_what_was_typed(as_analyst, final, field, value, message):
    response = as_analyst.post(f"/en/forecasting/{final.number}/drafts/", NEW_DRAFT | {field: value})
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page and "Data-driven farms by 2040." in page
    assert not final.drafts.exists()


def test_p12_2_versions_show_changes_resolved_comments_and_responses(as_analyst, final, analyst):
    v1 = publish(final, analyst, TODAY + dt.timedelta(days=10))
    c = comment(v1)
    url = f"/en/forecasting/{final.number}/drafts/"
    response = as_analyst.post(url, {"action": "respond", "comment": c.pk, f"c{c.pk}-resolution": "accepted",
                                     f"c{c.pk}-response": ""})
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    response = as_analyst.post(url, {"action": "respond", "comment": c.pk, f"c{c.pk}-resolution": "accepted",
                                     f"c{c.pk}-response": "Sensors added in version 2."})
    assert response.status_code == 302
    response = as_analyst.post(url, NEW_DRAFT | {"previous": "1", "change_note": "Sensors added",
                                                 "key_technologies": "T1\nT2\nT3", "resolves": [str(c.pk)]})
    assert response.status_code == 302
    page = as_analyst.get(url).content.decode()
    assert "Sensors added" in page and f"#comment-{c.pk}" in page
    assert "T3" in page and "moved from rank" in page
    assert "citizen@example.kz" in page  # analysts see who wrote, to answer
    again = as_analyst.post(url, {"action": "respond", "comment": c.pk, f"c{c.pk}-resolution": "rejected",
                                  f"c{c.pk}-response": "Changed my mind"})
    assert "This comment already has a recorded response." in texts(again)
    assert Comment.objects.get(pk=c.pk).resolution == "accepted"


def test_a_stale_publish_form_is_refused(as_analyst, final, analyst):
    publish(final, analyst, TODAY + dt.timedelta(days=10))
    response = as_analyst.post(f"/en/forecasting/{final.number}/drafts/", NEW_DRAFT | {"change_note": "x"})
    assert response.status_code == 200
    assert "Someone else published a version meanwhile" in response.content.decode()
    assert final.drafts.count() == 1


# --- the public discussion (p.12(2)) ---------------------------------------------------------------


def test_p12_2_no_public_page_before_the_final_stage_or_a_draft(client, study, analyst, today):
    assert client.get(f"/en/forecasting/{study.number}/discussion/").status_code == 404
    final = final_study(analyst)
    assert client.get(f"/en/forecasting/{final.number}/discussion/").status_code == 404
    publish(final, analyst, TODAY + dt.timedelta(days=10))
    assert client.get(f"/en/forecasting/{final.number}/discussion/").status_code == 200
    assert client.get(f"/en/forecasting/{final.number}/discussion/2/").status_code == 404


@pytest.mark.parametrize(("lang", "name", "open_text"), [
    ("en", "Agricultural drones", "The discussion is open"),
    ("ru", "Агродроны", None),
    ("kk", "Агродрондар", None),
])
def test_p12_2_public_page_shows_the_draft_in_the_active_language(client, final, analyst, lang, name, open_text):
    draft = publish(final, analyst, TODAY + dt.timedelta(days=10))
    discussion.respond(comment(draft), analyst, resolution="noted", response="Already in goal 1.")
    page = client.get(f"/{lang}/forecasting/{final.number}/discussion/").content.decode()
    assert name in page and "Data by 2040" not in page and "Kazakhstan farms run on data by 2040." in page
    assert "Aliya" in page and "Farmers&#x27; union" in page and "Already in goal 1." in page
    assert "citizen@example.kz" not in page  # the e-mail is never published
    assert 'name="author_email"' in page
    if open_text:
        assert open_text in page


def test_p12_2_public_comment_is_recorded_and_validated(client, final, analyst):
    publish(final, analyst, TODAY + dt.timedelta(days=10))
    url = f"/en/forecasting/{final.number}/discussion/"
    form = {"author_name": "Aliya", "organisation": "", "author_email": "aliya@example.kz", "text": "Drones first."}
    bad = client.post(url, form | {"author_email": "aliya"})
    assert bad.status_code == 200 and "Enter a valid email address." in bad.content.decode()
    response = client.post(url, form)
    assert response.status_code == 302
    assert Comment.objects.get().text == "Drones first."
    duplicate = client.post(url, form)
    assert "already received" in duplicate.content.decode()
    assert Comment.objects.count() == 1


def test_p12_2_a_closed_discussion_says_so_and_takes_no_comment(client, final, analyst, today):
    publish(final, analyst, TODAY + dt.timedelta(days=2))
    today.move(3)
    url = f"/en/forecasting/{final.number}/discussion/"
    page = client.get(url).content.decode()
    assert "The public discussion is closed" in page and 'name="author_email"' not in page
    response = client.post(url, {"author_name": "A", "author_email": "a@example.kz", "text": "Late"})
    assert response.status_code == 302 and not Comment.objects.exists()


def test_p12_2_earlier_versions_stay_readable(client, final, analyst):
    v1 = publish(final, analyst, TODAY + dt.timedelta(days=10))
    c = comment(v1)
    publish(final, analyst, TODAY + dt.timedelta(days=10), change_note="Reworded the vision", resolves=[c.pk],
            vision="Smart farms.")
    earlier = client.get(f"/en/forecasting/{final.number}/discussion/1/").content.decode()
    assert "This is an earlier version" in earlier and "Kazakhstan farms run on data by 2040." in earlier
    assert "corrected in version 2" in earlier and 'name="author_email"' not in earlier
    latest = client.get(f"/en/forecasting/{final.number}/discussion/").content.decode()
    assert "Smart farms." in latest and "Reworded the vision" in latest and "Version 1" in latest


# --- the public list of key technologies (p.13(1)) -------------------------------------------------


def test_p13_1_key_technologies_page_lists_the_list_with_its_source(client, analyst, today):
    study = approved_study(analyst, today, dt.date(2027, 1, 1), ["T2", "T1"], decision="HSTC minutes No. 7")
    page = client.get("/en/forecasting/key-technologies/?on=2027-02-01").content.decode()
    assert "Agricultural drones" in page and study.number in page and "HSTC minutes No. 7" in page
    before = client.get("/en/forecasting/key-technologies/?on=2026-12-31").content.decode()
    assert "No list of key technologies is in force on 2026-12-31." in before
    default = client.get("/en/forecasting/key-technologies/").content.decode()  # today: 2026-11-23
    assert "No list of key technologies is in force" in default


@pytest.mark.parametrize("query", ["on=2027-13-01", "on=yesterday", "format=xml"])
def test_key_technologies_page_explains_invalid_input(client, db, query):
    response = client.get(f"/en/forecasting/key-technologies/?{query}")
    assert response.status_code == 400
    assert "YYYY-MM-DD" in response.content.decode() or "use csv or json" in response.content.decode()


def test_p13_1_key_technologies_export_csv_and_json(client, analyst, today):
    approved_study(analyst, today, dt.date(2027, 1, 1), ["T2", "T1"])
    csv_response = client.get("/kk/forecasting/key-technologies/?on=2027-01-01&format=csv")
    assert csv_response["Content-Type"].startswith("text/csv")
    lines = csv_response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("rank,code,name_kk") and lines[1].startswith("1,T2,Агродрондар")
    data = json.loads(client.get("/kk/forecasting/key-technologies/?on=2027-01-01&format=json").content)
    assert data["on"] == "2027-01-01" and [i["code"] for i in data["items"]] == ["T2", "T1"]
    assert client.get("/kk/forecasting/key-technologies/?on=bad&format=json").status_code == 400


# --- the whole path through the pages --------------------------------------------------------------


def test_whole_path_from_the_final_stage_to_the_list_in_force(client, as_analyst, final, today):
    """000 p.12(1) publish -> p.12(2) public comments, responses, a corrected version, the discussion
    closes -> p.12(4) submission to the HSTC -> p.13(1) the approved list is in force."""
    drafts, public = f"/en/forecasting/{final.number}/drafts/", f"/en/forecasting/{final.number}/discussion/"
    assert as_analyst.post(drafts, NEW_DRAFT).status_code == 302
    as_analyst.logout()
    client.post(public, {"author_name": "Aliya", "author_email": "aliya@example.kz", "text": "Add biotech."})
    client.post(public, {"author_name": "Bolat", "author_email": "bolat@example.kz", "text": "Fine as is."})
    first, second = Comment.objects.order_by("pk")
    client.force_login(final.created_by)
    for c, resolution in ((first, "accepted"), (second, "noted")):
        client.post(drafts, {"action": "respond", "comment": c.pk, f"c{c.pk}-resolution": resolution,
                             f"c{c.pk}-response": "Thank you."})
    response = client.post(drafts, NEW_DRAFT | {"previous": "1", "key_technologies": "T2\nT3\nT1",
                                                "change_note": "Biotechnology added", "resolves": [str(first.pk)]})
    assert response.status_code == 302
    today.move(30)  # 2026-12-21: the discussion closed on 2026-12-05
    final.refresh_from_db()
    client.post(f"/en/forecasting/{final.number}/stage/", {"action": "submit_hstc", "version": final.version})
    final.refresh_from_db()
    assert final.stage == "submitted"
    client.post(f"/en/forecasting/{final.number}/stage/", {"action": "approve", "version": final.version,
                                                            "in_force_from": "2027-01-01", "decision": "HSTC No. 9"})
    final.refresh_from_db()
    assert final.stage == "approved" and final.approval.draft.number == 2
    page = client.get("/en/forecasting/key-technologies/?on=2027-01-01").content.decode()
    assert page.index("Agricultural drones") < page.index("Biotechnology") < page.index("Precision farming")
