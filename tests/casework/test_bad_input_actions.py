"""Bad input on the action forms of a case (participation workflow, seed 001 p.9, p.13, p.18):
double submits, two staff acting at once, contract dates in the wrong order, unknown actions,
malformed versions. Each ends in a clear message or a 404, never a 500, and loses nothing."""

import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.casework.engine import create_case, fire
from techpolicy.casework.models import Case, Contract
from techpolicy.services.technopark.workflows import TERMINATION
from tests import factories

pytestmark = pytest.mark.django_db

CHANGED = ("The case was changed by someone else while you were working on it. "
           "Reload the page to see its current state; nothing was changed by your request.")


def post(client, user, case, action, data):
    client.force_login(user)
    with translation.override("en"):
        url = reverse("casework:fire", args=[case.number, action])
    return client.post(url, data)


def actions_logged(case) -> list[str]:
    return list(case.transitions.values_list("action", flat=True))


def test_p9_duplicate_submit_is_refused_with_a_message(client, draft_case, owner, messages_of):
    form = {"version": draft_case.version}
    first = post(client, owner, draft_case, "submit", form)
    client.get(first["Location"])  # the applicant sees the result page, then presses again
    second = post(client, owner, draft_case, "submit", form)
    assert second.status_code == 302
    assert messages_of(second) == [CHANGED]
    draft_case.refresh_from_db()
    assert draft_case.state == "submitted"
    assert actions_logged(draft_case) == ["create", "submit"]


def test_p13_two_staff_acting_at_once_only_the_first_wins(client, draft_case, owner, messages_of):
    case = fire(draft_case, "submit", owner)
    first_clerk, second_clerk = factories.make_secretariat(), factories.make_secretariat()
    form = {"version": case.version}  # both loaded the page before either pressed the button
    post(client, first_clerk, case, "take_for_review", form)
    client.logout()
    response = post(client, second_clerk, case, "take_for_review", form)
    assert messages_of(response) == [CHANGED]
    case.refresh_from_db()
    assert case.state == "completeness_review"
    assert actions_logged(case) == ["create", "submit", "take_for_review"]
    assert case.transitions.get(action="take_for_review").actor == first_clerk


def test_p13_stale_remarks_form_does_not_overwrite_a_colleagues_action(client, draft_case, owner, messages_of):
    case = fire(fire(draft_case, "submit", owner), "take_for_review", factories.make_secretariat())
    stale = {"version": case.version, "reason": "Attach the lease."}
    clerk = factories.make_secretariat()
    fire(case, "send_remarks", clerk, reason="Attach the tax certificate.")
    response = post(client, factories.make_secretariat(), case, "send_remarks", stale)
    assert messages_of(response) == [CHANGED]
    assert list(case.remarks.values_list("text", flat=True)) == ["Attach the tax certificate."]


def test_p18_contract_dates_in_the_wrong_order_are_refused(client, owner, secretariat, commission, messages_of):
    _commission, voters = commission
    case = factories.drive_participation(factories.make_participation_case(owner), "approved", owner,
                                         secretariat, voters)
    form = {"version": case.version, "number": "C-9", "signed_on": "2026-01-10", "valid_from": "2026-02-01",
            "valid_until": "2025-02-01"}
    response = post(client, secretariat, case, "sign_contract", form)
    assert response.status_code == 302
    assert messages_of(response) == ["The participation period must end after it starts."]
    case.refresh_from_db()
    assert case.state == "approved"
    assert not Contract.objects.filter(case=case).exists()


@pytest.mark.parametrize("field", ["signed_on", "valid_from", "valid_until"])
def test_p18_missing_contract_date_is_refused(client, owner, secretariat, commission, field, messages_of):
    _commission, voters = commission
    case = factories.drive_participation(factories.make_participation_case(owner), "approved", owner,
                                         secretariat, voters)
    form = {"version": case.version, **factories.contract_payload()}
    form[field] = ""
    response = post(client, secretariat, case, "sign_contract", form)
    assert messages_of(response) == ["Give the contract's signing date and participation period as dates."]
    case.refresh_from_db()
    assert case.state == "approved"


@pytest.mark.parametrize("action", ["no_such_action", "grant", "expel"])
def test_unknown_action_id_is_404(client, draft_case, owner, action):
    assert post(client, owner, draft_case, action, {"version": draft_case.version}).status_code == 404
    assert actions_logged(draft_case) == ["create"]


def test_action_not_possible_in_the_current_state_gives_a_message(client, draft_case, owner, messages_of):
    response = post(client, owner, draft_case, "resubmit", {"version": draft_case.version, "answer": "x"})
    assert response.status_code == 302
    [message] = messages_of(response)
    assert "not possible" in message
    assert actions_logged(draft_case) == ["create"]


@pytest.mark.parametrize("version", ["abc", "", "1.5", "-"])
def test_malformed_version_never_breaks_the_page_and_log_matches_state(client, draft_case, owner, version):
    response = post(client, owner, draft_case, "submit", {"version": version})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/cases/{draft_case.number}/")
    draft_case.refresh_from_db()
    expected = ["create", "submit"] if draft_case.state == "submitted" else ["create"]
    assert actions_logged(draft_case) == expected


def test_version_from_an_older_page_is_refused_even_in_the_same_state(client, draft_case, owner, secretariat,
                                                                     messages_of):
    case = fire(draft_case, "submit", owner)
    Case.objects.filter(pk=case.pk).update(version=case.version + 5)  # changed meanwhile, same state
    response = post(client, secretariat, case, "take_for_review", {"version": case.version})
    assert messages_of(response) == [CHANGED]
    case.refresh_from_db()
    assert case.state == "submitted"


def test_p41_termination_case_without_grounds_gives_a_message_not_an_error(client, secretariat, commission,
                                                                         messages_of):
    _user, parent, _certificate, _entry = factories.make_participant()
    case = create_case(TERMINATION, parent.organisation, secretariat, parent=parent, facts={"grounds": []})
    response = post(client, secretariat, case, "send_to_commission", {"version": case.version, "confirm": "on"})
    assert response.status_code == 302
    [message] = messages_of(response)
    assert "grounds" in message
    case.refresh_from_db()
    assert case.state == "draft"
