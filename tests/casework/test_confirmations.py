"""Issue 10, item 5: irreversible actions ask first. An action that declares its consequence
(`Action.consequence`) shows it on its form with a required "I understand" box, and the server
refuses a post without the box (a forged form, a script) with the consequence in the user's
language; the commission's vote form has no choice made for the member; closing a Delphi round with
answers missing asks too (tests/studies/test_round_confirmation.py)."""

import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.casework.engine import fire
from techpolicy.casework.models import Case, Vote
from techpolicy.casework.workflow import all_workflows

pytestmark = pytest.mark.django_db

IRREVERSIBLE = {"withdraw", "send_to_commission", "approve", "refuse", "terminate", "refer_to_hstc", "recommend",
                "do_not_recommend", "decline", "designate", "not_designate", "organise", "expel",
                "refuse_confirmation", "approve_leasing", "refuse_leasing"}


def url(name, *args, lang="en") -> str:
    with translation.override(lang):
        return reverse(name, args=args)


@pytest.fixture
def in_review(draft_case, owner, secretariat):
    return fire(fire(draft_case, "submit", owner), "take_for_review", secretariat)


def test_every_irreversible_action_of_every_workflow_states_its_consequence():
    """Issue 10, item 5: withdraw, send to the commission, clawback, approve, refuse (and the other
    final decisions) each carry a consequence text, in kk and ru as well as en."""
    found = set()
    for workflow in all_workflows():
        for action in workflow.actions:
            if action.id in IRREVERSIBLE:
                found.add(action.id)
                assert action.consequence, f"{workflow.id}: {action.id} states no consequence"
                texts = {}
                for lang in ("kk", "ru", "en"):
                    with translation.override(lang):
                        texts[lang] = str(action.consequence)
                assert texts["kk"] != texts["en"] and texts["ru"] != texts["en"], (workflow.id, action.id)
    assert {"withdraw", "send_to_commission", "approve", "refuse", "terminate"} <= found


def test_the_case_page_shows_the_consequence_with_a_required_box(client, in_review, secretariat):
    """Issue 10, item 5: the form of "send to the commission" says what follows before the click."""
    client.force_login(secretariat)
    page = client.get(url("casework:detail", in_review.number, lang="kk")).content.decode()
    assert 'data-testid="consequence-send_to_commission"' in page
    with translation.override("kk"):
        from techpolicy.services.technopark.workflows import TO_AGENDA

        assert str(TO_AGENDA) in page
    assert 'name="confirm" value="on" required' in page
    # An action without a lasting consequence asks nothing.
    assert 'data-testid="consequence-send_remarks"' not in page


def test_the_server_refuses_the_action_without_the_box_in_the_users_language(client, in_review, secretariat, commission,
                                                                                messages_of):
    """Issue 10, item 5: a post without "I understand" changes nothing and says why, in Kazakh."""
    client.force_login(secretariat)
    answer = client.post(url("casework:fire", in_review.number, "send_to_commission", lang="kk"),
                         {"version": in_review.version})
    in_review.refresh_from_db()
    assert in_review.state == "completeness_review"
    with translation.override("kk"):
        from techpolicy.services.technopark.workflows import TO_AGENDA

        refusal = messages_of(answer)
        assert len(refusal) == 1 and str(TO_AGENDA) in refusal[0] and "I understand" not in refusal[0]
    ticked = client.post(url("casework:fire", in_review.number, "send_to_commission"),
                         {"version": in_review.version, "confirm": "on"})
    in_review.refresh_from_db()
    assert ticked.status_code == 302 and in_review.state == "commission"


def test_withdrawal_asks_first(client, draft_case, owner, messages_of):
    """Issue 10, item 5: the applicant's withdrawal is final, so it is confirmed too."""
    client.force_login(owner)
    client.post(url("casework:fire", draft_case.number, "withdraw"), {"version": draft_case.version})
    assert Case.objects.get(pk=draft_case.pk).state == "draft"
    client.post(url("casework:fire", draft_case.number, "withdraw"), {"version": draft_case.version,
                                                                       "confirm": "on"})
    assert Case.objects.get(pk=draft_case.pk).state == "withdrawn"


def test_an_old_confirmation_field_is_now_the_consequence_box():
    """Issue 10, item 5: one mechanism — no action declares a "confirm" field of its own any more."""
    for workflow in all_workflows():
        for action in workflow.actions:
            assert all(f.name != "confirm" for f in action.fields), (workflow.id, action.id)


# --- the commission's vote ------------------------------------------------------------------------------

@pytest.fixture
def agenda_case(in_review, secretariat, commission):
    return fire(in_review, "send_to_commission", secretariat)


def test_the_vote_form_has_no_choice_made(client, agenda_case, commission):
    """Issue 10, item 5: the member chooses for, against or abstain; nothing is ticked for them."""
    member = commission[1][0]
    client.force_login(member)
    page = client.get(url("casework:detail", agenda_case.number)).content.decode()
    assert page.count('type="radio" name="value"') == 3
    assert "checked" not in page.split('data-testid="vote-choices"')[1].split("</fieldset>")[0]
    assert "<select" not in page.split('data-testid="vote-choices"')[0].split('action="/en/cases/')[-1]


def test_a_vote_without_a_choice_is_refused_with_a_message(client, agenda_case, commission, messages_of):
    """Issue 10, item 5: the server refuses a vote sent with no choice."""
    client.force_login(commission[1][0])
    answer = client.post(url("casework:vote", agenda_case.number, lang="kk"), {"reason": "Сәйкес келеді."})
    assert not Vote.objects.exists()
    with translation.override("kk"):
        from django.utils.translation import gettext

        assert messages_of(answer) == [gettext("Choose for, against or abstain.")]
