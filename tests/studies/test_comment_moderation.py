"""Issue 8, finding 10 (second half): public comments of the discussion of 000 p.12(2) are capped at
5,000 characters and moderated. A comment is shown to the public once an analyst publishes it; anyone
may report a published comment, which hides it until an analyst decides; only analysts moderate, and
the response to a comment is recorded as before. The pages, the API and the services are tried."""

import datetime as dt
import json

import pytest
from django.contrib.messages import get_messages

from techpolicy.forecasting.studies import discussion, moderation, stages
from techpolicy.forecasting.studies.errors import StudyError
from techpolicy.forecasting.studies.models import Comment, ModerationEvent
from tests import factories

from .conftest import TODAY, comment, publish

pytestmark = pytest.mark.usefixtures("english")

API = "/api/v1/forecasting"
FORM = {"author_name": "Aliya", "organisation": "", "author_email": "aliya@example.kz", "text": "Drones first."}


@pytest.fixture
def draft(final, analyst):
    return publish(final, analyst, TODAY + dt.timedelta(days=10))


def public_page(client, study):
    return client.get(f"/en/forecasting/{study.number}/discussion/").content.decode()


def api_list(client, study):
    return client.get(f"{API}/studies/{study.number}/comments").json()


def post_json(client, path, body):
    return client.post(f"{API}{path}", data=json.dumps(body), content_type="application/json")


def texts(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def moderate_form(c, decision, **fields):
    return {"action": "moderate", "decision": decision, "comment": c.pk, "state": c.moderation} | fields


# --- a comment is public once an analyst accepts it -------------------------------------------------


def test_finding10_anonymous_comment_is_not_public_until_an_analyst_publishes_it(client, final, draft, analyst):
    sent = client.post(f"/en/forecasting/{final.number}/discussion/", FORM)
    assert sent.status_code == 302
    assert "It is published once an analyst has reviewed it" in " ".join(texts(sent))
    received = Comment.objects.get()
    assert received.moderation == "pending"
    assert "Drones first." not in public_page(client, final)
    assert api_list(client, final)["count"] == 0

    assert "awaits moderation" not in public_page(client, final)  # the public is not told about the queue
    client.force_login(analyst)
    assert "1 comment awaits moderation." in public_page(client, final)
    drafts = client.get(f"/en/forecasting/{final.number}/drafts/").content.decode()
    assert 'id="moderation"' in drafts and f'id="moderate-{received.pk}"' in drafts
    accepted = client.post(f"/en/forecasting/{final.number}/drafts/", moderate_form(received, "publish"))
    assert accepted.status_code == 302 and f"Comment #{received.pk} is published." in texts(accepted)
    client.logout()
    received.refresh_from_db()
    assert (received.moderation, received.moderated_by, received.moderated_at is not None) == (
        "published", analyst, True)
    assert "Drones first." in public_page(client, final)
    listed = api_list(client, final)
    assert listed["count"] == 1 and listed["items"][0]["moderation"] == "published"


def test_finding10_api_post_answers_201_with_the_comment_pending(client, final, draft, analyst):
    answer = post_json(client, f"/studies/{final.number}/comments", FORM)
    assert answer.status_code == 201 and answer.json()["moderation"] == "pending"
    assert api_list(client, final)["count"] == 0
    assert client.get(f"{API}/studies/{final.number}/draft").json()["resolved_comments"] == []
    client.force_login(analyst)
    queue = client.get(f"{API}/studies/{final.number}/moderation").json()
    assert queue["count"] == 1 and queue["items"][0]["id"] == answer.json()["id"]
    published = post_json(client, f"/studies/{final.number}/comments/{answer.json()['id']}/moderation",
                          {"action": "publish", "state": "pending"})
    assert published.status_code == 200 and published.json()["moderation"] == "published"
    assert api_list(client, final)["count"] == 1


# --- the length cap ---------------------------------------------------------------------------------


@pytest.mark.parametrize("length", [discussion.MAX_COMMENT + 1, 90_000])
def test_finding10_an_over_long_comment_is_refused_by_the_form_the_api_and_the_service(
        client, final, draft, length):
    text = "x" * length
    page = client.post(f"/en/forecasting/{final.number}/discussion/", FORM | {"text": text})
    assert page.status_code == 200
    assert f"Ensure this value has at most {discussion.MAX_COMMENT} characters" in page.content.decode()
    answer = post_json(client, f"/studies/{final.number}/comments", FORM | {"text": text})
    assert answer.status_code == 422 and "text" in {e["field"] for e in answer.json()["detail"]}
    with pytest.raises(StudyError) as refused:
        comment(draft, text=text, published=False)
    assert refused.value.field == "text"
    assert not Comment.objects.exists()


def test_finding10_a_comment_of_exactly_the_cap_is_received(client, final, draft):
    assert post_json(client, f"/studies/{final.number}/comments",
                     FORM | {"text": "x" * discussion.MAX_COMMENT}).status_code == 201


def test_finding10_the_comment_form_says_the_cap(client, final, draft):
    page = public_page(client, final)
    assert f'maxlength="{discussion.MAX_COMMENT}"' in page and "At most 5000 characters" in page


# --- reports ----------------------------------------------------------------------------------------


def test_finding10_a_reported_comment_is_hidden_until_an_analyst_decides(client, final, draft, analyst):
    c = comment(draft)  # published by the analyst
    assert "Add irrigation sensors." in public_page(client, final)
    reported = client.post(f"/en/forecasting/{final.number}/discussion/",
                           {"action": "report", "comment": c.pk, "reason": "Advertising"})
    assert reported.status_code == 302
    assert "hidden until an analyst has reviewed it" in " ".join(texts(reported))
    c.refresh_from_db()
    assert (c.moderation, c.reports, c.report_reason) == ("pending", 1, "Advertising")
    assert "Add irrigation sensors." not in public_page(client, final)
    assert api_list(client, final)["count"] == 0
    assert list(moderation.queue(final)) == [c]

    client.force_login(analyst)
    drafts = client.get(f"/en/forecasting/{final.number}/drafts/").content.decode()
    assert "Reported on" in drafts and "Advertising" in drafts
    client.post(f"/en/forecasting/{final.number}/drafts/", moderate_form(c, "publish"))
    client.logout()
    # upheld after a report: a further report is counted, the comment stays published
    again = post_json(client, f"/studies/{final.number}/comments/{c.pk}/report", {"reason": "Still advertising"})
    assert again.status_code == 200 and again.json() == {"id": c.pk, "moderation": "published"}
    c.refresh_from_db()
    assert (c.moderation, c.reports) == ("published", 2)
    assert [e.action for e in ModerationEvent.objects.filter(comment=c)] == ["publish", "report", "publish", "report"]


def test_finding10_report_through_the_api_hides_and_only_published_comments_can_be_reported(
        client, final, draft):
    c = comment(draft)
    answer = post_json(client, f"/studies/{final.number}/comments/{c.pk}/report", {})
    assert answer.status_code == 200 and answer.json()["moderation"] == "pending"
    # A second report of the comment a report has just hidden is told so (409), not "not found".
    again = post_json(client, f"/studies/{final.number}/comments/{c.pk}/report?lang=en", {})
    assert again.status_code == 409 and "already reported" in again.json()["detail"][0]["message"]
    c.refresh_from_db()
    assert c.reports == 1
    pending = comment(draft, text="Not yet public.", published=False)
    assert post_json(client, f"/studies/{final.number}/comments/{pending.pk}/report", {}).status_code == 404
    other = comment(draft, text="Another one.")
    too_long = post_json(client, f"/studies/{final.number}/comments/{other.pk}/report",
                         {"reason": "x" * (moderation.MAX_REPORT_REASON + 1)})
    assert too_long.status_code == 422 and too_long.json()["detail"][0]["field"] == "reason"
    other.refresh_from_db()
    assert other.moderation == "published" and other.reports == 0


# --- hiding -----------------------------------------------------------------------------------------


def test_finding10_hiding_needs_a_reason_and_a_confirmation(client_as, final, draft, analyst):
    c = comment(draft, published=False)
    client = client_as(analyst)
    url = f"/en/forecasting/{final.number}/drafts/"
    unconfirmed = client.post(url, moderate_form(c, "hide", **{f"h{c.pk}-reason": "Spam"}))
    assert unconfirmed.status_code == 200 and "This field is required." in unconfirmed.content.decode()
    no_reason = client.post(url, moderate_form(c, "hide", **{f"h{c.pk}-confirm": "on"}))
    assert no_reason.status_code == 200
    c.refresh_from_db()
    assert c.moderation == "pending"
    hidden = client.post(url, moderate_form(c, "hide", **{f"h{c.pk}-reason": "Spam", f"h{c.pk}-confirm": "on"}))
    assert hidden.status_code == 302 and f"Comment #{c.pk} is hidden from the public." in texts(hidden)
    c.refresh_from_db()
    assert (c.moderation, c.hidden_reason, c.moderated_by) == ("hidden", "Spam", analyst)
    event = ModerationEvent.objects.get(comment=c)
    assert (event.action, event.from_state, event.to_state, event.actor, event.reason) == (
        "hide", "pending", "hidden", analyst, "Spam")
    page = client.get(url).content.decode()
    assert "Spam" in page and 'id="moderation"' not in page


def test_finding10_a_decision_made_meanwhile_is_a_conflict(final, draft, analyst):
    c = comment(draft, published=False)
    moderation.moderate(c, analyst, action="publish", state="pending")
    with pytest.raises(StudyError) as refused:
        moderation.moderate(c, analyst, action="hide", reason="Spam", state="pending")
    assert refused.value.status == 409
    with pytest.raises(StudyError) as refused:
        moderation.moderate(c, analyst, action="publish")
    assert refused.value.status == 409
    with pytest.raises(StudyError) as refused:
        moderation.moderate(c, analyst, action="hide", reason=" ")
    assert refused.value.field == "reason"


# --- only analysts moderate -------------------------------------------------------------------------


def test_finding10_moderation_is_for_analysts_only(client, final, draft, panel_members):
    c = comment(draft, published=False)
    outsiders = [factories.make_applicant(), factories.make_secretariat()]
    for user in outsiders:
        with pytest.raises(StudyError) as refused:
            moderation.moderate(c, user, action="publish")
        assert refused.value.status == 403
        client.force_login(user)
        assert client.post(f"/en/forecasting/{final.number}/drafts/", moderate_form(c, "publish")).status_code == 403
        assert client.get(f"{API}/studies/{final.number}/moderation").status_code == 403
        answer = post_json(client, f"/studies/{final.number}/comments/{c.pk}/moderation", {"action": "publish"})
        assert answer.status_code == 403
    client.logout()
    assert client.get(f"{API}/studies/{final.number}/moderation").status_code == 401
    assert post_json(client, f"/studies/{final.number}/comments/{c.pk}/moderation",
                     {"action": "publish"}).status_code in (401, 403)
    c.refresh_from_db()
    assert c.moderation == "pending" and not ModerationEvent.objects.exists()


# --- the response is recorded as before (000 p.12(2)) ----------------------------------------------


def test_finding10_responses_and_the_hstc_guard_with_moderation(final, draft, analyst, today):
    pending = comment(draft, published=False)
    answered = discussion.respond(pending, analyst, resolution="noted", response="Thank you.")
    assert answered.resolution == "noted" and answered.moderation == "pending"
    spam = comment(draft, text="Buy now!", email="spam@example.kz", published=False)
    moderation.moderate(spam, analyst, action="hide", reason="Advertising")
    today.move(11)
    final.refresh_from_db()
    submitted = stages.advance(final, "submit_hstc", analyst, version=final.version)  # the hidden one needs none
    assert submitted.stage == "submitted"


# --- the migration: comments received under the former rule stay public ---------------------------


@pytest.mark.django_db(transaction=True)
def test_finding10_migration_publishes_the_comments_received_before_moderation(analyst):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    before, after = [("studies", "0001_initial")], [("studies", "0002_comment_moderation")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    study = old.get_model("studies", "Study").objects.create(
        number="FS-2026-9001", title="Old", direction="Energy", horizon_year=2040, organising_body="Ministry",
        created_by_id=analyst.pk)
    draft = old.get_model("studies", "DraftVersion").objects.create(
        study=study, number=1, vision="v", discussion_closes_on=TODAY, published_by_id=analyst.pk)
    old.get_model("studies", "Comment").objects.create(draft=draft, author_name="A", author_email="a@example.kz",
                                                       text="Published at once, as the former rule had it.")
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    migrated = executor.loader.project_state(after).apps.get_model("studies", "Comment").objects.get()
    assert (migrated.moderation, migrated.moderated_by_id, migrated.moderated_at) == ("published", None, None)
    MigrationExecutor(connection).migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
