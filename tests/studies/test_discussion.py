"""The draft results and their public discussion (000 p.12(1)-(2)): versions, comments, responses,
and the way to the HSTC (p.12(4)). The helpers shared with the key-technology and API tests
(DRAFT, Today, final_study, publish, comment, approved_study) live in conftest.py.

"Today" is faked with `Today`, which patches `django.utils.timezone.localdate`: both
`casework.law_context.today()` (read by the discussion services) and the submit_hstc guard of
`stages` read the local date through it, so one patch moves the whole process forward in time."""

import datetime as dt

import pytest
from django.utils import translation

from techpolicy.forecasting.studies import discussion, stages
from techpolicy.forecasting.studies.errors import StudyError
from techpolicy.forecasting.studies.models import Comment

from .conftest import TODAY, comment, publish

# --- publishing (p.12(1)) ------------------------------------------------------------------------


def test_p12_draft_is_published_only_in_the_final_stage(main_stage_study, analyst, today):
    with pytest.raises(StudyError) as refused:
        publish(main_stage_study, analyst, TODAY + dt.timedelta(days=10))
    assert refused.value.status == 409
    assert "12-тармақ" in refused.value.message


def test_p12_1_versions_are_numbered_and_keep_the_rank(final, analyst, today):
    v1 = publish(final, analyst, TODAY + dt.timedelta(days=10))
    assert (v1.number, v1.key_technologies, v1.change_note) == (1, ["T2", "T1"], "")
    v2 = publish(final, analyst, TODAY + dt.timedelta(days=20), key_technologies=["T1", "T3"],
                 change_note="T3 added after the discussion")
    assert v2.number == 2
    assert discussion.latest_draft(final) == v2


@pytest.mark.parametrize(("codes", "message"), [
    (["T1", "T9"], "T9"),
    (["T1", "T1"], "T1"),
    ([], "12-тармақ, 1) тармақша"),
    ([" ", ""], "12-тармақ, 1) тармақша"),
])
def test_p12_1_key_technologies_must_be_the_studys_own(final, analyst, today, codes, message):
    with pytest.raises(StudyError) as refused:
        publish(final, analyst, TODAY + dt.timedelta(days=10), key_technologies=codes)
    assert refused.value.field == "key_technologies"
    assert message in refused.value.message


@pytest.mark.parametrize(("changes", "field"), [
    ({"vision": "  "}, "vision"),
    ({"goals": []}, "goals"),
    ({"goals": "one goal"}, "goals"),
    ({"recommendations": [{"body": "Ministry", "text": ""}]}, "recommendations"),
    ({"discussion_closes_on": TODAY}, "discussion_closes_on"),
    ({"discussion_closes_on": TODAY - dt.timedelta(days=1)}, "discussion_closes_on"),
    ({"discussion_closes_on": "next week"}, "discussion_closes_on"),
])
def test_p12_1_invalid_drafts_name_the_field(final, analyst, today, changes, field):
    with pytest.raises(StudyError) as refused:
        publish(final, analyst, TODAY + dt.timedelta(days=10), **changes)
    assert refused.value.field == field


def test_p12_2_discussion_must_stay_open_after_today(final, analyst, today):
    with translation.override("en"), pytest.raises(StudyError) as refused:
        publish(final, analyst, TODAY)
    assert "paragraph 12, sub-paragraph 2)" in refused.value.message


def test_p12_2_a_correction_says_what_changed(final, analyst, today):
    publish(final, analyst, TODAY + dt.timedelta(days=10))
    with pytest.raises(StudyError) as refused:
        publish(final, analyst, TODAY + dt.timedelta(days=20))
    assert refused.value.field == "change_note"
    assert "12-тармақ, 2) тармақша" in refused.value.message


def test_a_version_published_meanwhile_is_a_conflict(final, analyst, today):
    publish(final, analyst, TODAY + dt.timedelta(days=10), previous=0)
    with pytest.raises(StudyError) as refused:
        publish(final, analyst, TODAY + dt.timedelta(days=10), previous=0)
    assert refused.value.status == 409
    assert final.drafts.count() == 1


# --- comments and responses (p.12(2)) --------------------------------------------------------------


def test_p12_2_comments_are_accepted_until_the_closing_day_inclusive(final, analyst, today):
    draft = publish(final, analyst, TODAY + dt.timedelta(days=3))
    today.move(3)
    assert comment(draft).pk
    today.move(1)
    with translation.override("ru"), pytest.raises(StudyError) as refused:
        comment(draft, text="Too late")
    assert refused.value.status == 409
    assert "п. 12, пп. 2)" in refused.value.message and TODAY.replace(day=24).isoformat() in refused.value.message


def test_p12_2_comments_only_on_the_latest_version(final, analyst, today):
    v1 = publish(final, analyst, TODAY + dt.timedelta(days=10))
    publish(final, analyst, TODAY + dt.timedelta(days=10), change_note="Reworded")
    with pytest.raises(StudyError) as refused:
        comment(v1)
    assert refused.value.status == 409


def test_a_duplicate_comment_is_refused_but_others_are_not(final, analyst, today):
    draft = publish(final, analyst, TODAY + dt.timedelta(days=10))
    comment(draft)
    with pytest.raises(StudyError) as refused:
        comment(draft, email="CITIZEN@example.kz")
    assert (refused.value.status, refused.value.field) == (409, "text")
    comment(draft, email="other@example.kz")
    comment(draft, text="And drones.")
    assert draft.comments.count() == 3


@pytest.mark.parametrize(("fields", "field"), [
    ({"author_name": ""}, "author_name"),
    ({"author_name": "x" * 201}, "author_name"),
    ({"author_email": "not-an-email"}, "author_email"),
    ({"organisation": "x" * 301}, "organisation"),
    ({"text": "   "}, "text"),
    ({"text": "x" * (discussion.MAX_TEXT + 1)}, "text"),
])
def test_comment_limits_name_the_field(final, analyst, today, fields, field):
    draft = publish(final, analyst, TODAY + dt.timedelta(days=10))
    with pytest.raises(StudyError) as refused:
        comment(draft, **fields)
    assert refused.value.field == field


def test_p12_2_each_comment_gets_one_response(final, analyst, today):
    c = comment(publish(final, analyst, TODAY + dt.timedelta(days=10)))
    with pytest.raises(StudyError) as refused:
        discussion.respond(c, analyst, resolution="accepted", response=" ")
    assert refused.value.field == "response"
    with pytest.raises(StudyError) as refused:
        discussion.respond(c, analyst, resolution="maybe", response="Thanks")
    assert refused.value.field == "resolution"
    answered = discussion.respond(c, analyst, resolution="accepted", response="Sensors added.")
    assert (answered.resolution, answered.responded_by) == ("accepted", analyst)
    with pytest.raises(StudyError) as refused:
        discussion.respond(c, analyst, resolution="rejected", response="Changed my mind")
    assert refused.value.status == 409
    c.refresh_from_db()
    assert c.resolution == "accepted"


def test_p12_2_a_correction_records_the_comments_it_resolves(final, analyst, today):
    v1 = publish(final, analyst, TODAY + dt.timedelta(days=10))
    accepted, rejected = comment(v1), comment(v1, text="Drop everything.", email="b@example.kz")
    discussion.respond(rejected, analyst, resolution="rejected", response="Out of scope.")
    with pytest.raises(StudyError) as refused:
        publish(final, analyst, TODAY + dt.timedelta(days=20), change_note="x", resolves=[rejected.pk])
    assert refused.value.field == "resolves"
    with pytest.raises(StudyError):
        publish(final, analyst, TODAY + dt.timedelta(days=20), change_note="x", resolves=[999999])
    v2 = publish(final, analyst, TODAY + dt.timedelta(days=20), key_technologies=["T1", "T2", "T3"],
                 change_note="Sensors added", resolves=[accepted.pk])
    assert list(v2.resolved_comments.all()) == [accepted]
    with pytest.raises(StudyError) as refused:
        publish(final, analyst, TODAY + dt.timedelta(days=20), change_note="again", resolves=[accepted.pk])
    assert refused.value.status == 409
    summary = {c["field"]: c for c in discussion.changes(v1, v2)}
    assert summary["key_technologies"]["added"] == ["T3"]
    assert summary["key_technologies"]["moved"] == [{"item": "T1", "from": 2, "to": 1},
                                                    {"item": "T2", "from": 1, "to": 2}]
    assert "discussion_closes_on" in summary and "vision" not in summary


# --- the way to the HSTC (p.12(2) -> p.12(4)) -----------------------------------------------------


def test_p12_4_submission_waits_for_the_discussion_and_every_response(final, analyst, today):
    v1 = publish(final, analyst, TODAY + dt.timedelta(days=10))
    first = comment(v1)
    with pytest.raises(StudyError) as refused:
        stages.advance(final, "submit_hstc", analyst, version=final.version)
    assert "12-тармақ, 2) тармақша" in refused.value.message  # still open
    discussion.respond(first, analyst, resolution="accepted", response="Added.")
    second = comment(v1, text="Mind the small farms.", email="b@example.kz")
    v2 = publish(final, analyst, TODAY + dt.timedelta(days=14), change_note="Sensors added", resolves=[first.pk])
    comment(v2, text="Good now.")
    today.move(15)
    with pytest.raises(StudyError) as refused:
        stages.advance(final, "submit_hstc", analyst, version=final.version)
    assert "2" in refused.value.message and "12-тармақ, 2) тармақша" in refused.value.message  # 2 unanswered
    discussion.respond(second, analyst, resolution="noted", response="Covered by goal 1.")
    for c in Comment.objects.filter(resolution=""):
        discussion.respond(c, analyst, resolution="noted", response="Thank you.")
    submitted = stages.advance(final, "submit_hstc", analyst, version=final.version)
    assert submitted.stage == "submitted"
    with pytest.raises(StudyError):  # no more versions once submitted
        publish(submitted, analyst, today.day + dt.timedelta(days=5), change_note="late")
