"""Who may open which page and press which button (architecture: three personas), on the
participation workflow of seed 001: the case page, actions (owner-only p.9 submit versus the
secretariat's p.13 review), document download, the secretariat queue and the commission agenda."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from techpolicy.casework.engine import fire

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(commission):
    return commission[1][0]


@pytest.fixture
def other_staff(db):
    """The fourth persona (issue 8, finding 5): staff of another service, the programme operator."""
    from tests import factories

    return factories.make_operator()


def get(client, user, url):
    if user is not None:
        client.force_login(user)
    return client.get(url)


def is_login_redirect(response) -> bool:
    return response.status_code == 302 and reverse(settings.LOGIN_URL) in response["Location"]


# --- the case page ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("persona", "status"), [("owner", 200), ("secretariat", 200),
                                                 ("other_applicant", 403), ("member", 403), ("other_staff", 403)])
def test_case_page_by_persona(client, request, draft_case, persona, status):
    user = request.getfixturevalue(persona)
    assert get(client, user, reverse("casework:detail", args=[draft_case.number])).status_code == status


def test_case_page_sends_anonymous_visitors_to_sign_in(client, draft_case):
    assert is_login_redirect(client.get(reverse("casework:detail", args=[draft_case.number])))


def test_p13_commission_member_opens_a_case_on_the_agenda(client, draft_case, owner, secretariat, member):
    case = fire(fire(fire(draft_case, "submit", owner), "take_for_review", secretariat), "send_to_commission",
                secretariat)
    response = get(client, member, reverse("casework:detail", args=[case.number]))
    assert response.status_code == 200
    assert response.context["actions"] == []


def test_case_page_offers_each_persona_only_their_buttons(client, draft_case, owner, secretariat):
    url = reverse("casework:detail", args=[draft_case.number])
    assert {a.id for a in get(client, owner, url).context["actions"]} == {"submit", "withdraw"}
    assert get(client, secretariat, url).context["actions"] == []


def test_unknown_case_is_404(client, owner):
    assert get(client, owner, reverse("casework:detail", args=["AH-1999-99999"])).status_code == 404


# --- firing actions --------------------------------------------------------------------------------

def post_action(client, user, case, action, **data):
    """POST the action's form on the English site (so messages read in English)."""
    if user is not None:
        client.force_login(user)
    with translation.override("en"):
        url = reverse("casework:fire", args=[case.number, action])
    return client.post(url, {"version": case.version, **data})


def test_p9_owner_submits(client, draft_case, owner, messages_of):
    response = post_action(client, owner, draft_case, "submit")
    assert response.status_code == 302
    draft_case.refresh_from_db()
    assert draft_case.state == "submitted"
    assert messages_of(response) == ["Done: Submit the application."]


def test_p9_secretariat_cannot_submit_for_the_applicant(client, draft_case, secretariat, messages_of):
    response = post_action(client, secretariat, draft_case, "submit")
    assert response.status_code == 302
    assert messages_of(response) == ["Only the applicant organisation may do this."]
    draft_case.refresh_from_db()
    assert draft_case.state == "draft"
    assert draft_case.transitions.count() == 1


def test_p13_owner_cannot_take_its_own_case_for_review(client, draft_case, owner, messages_of):
    submitted = fire(draft_case, "submit", owner)
    response = post_action(client, owner, submitted, "take_for_review")
    assert response.status_code == 302
    assert messages_of(response) == ["This action needs the role: secretariat."]
    submitted.refresh_from_db()
    assert submitted.state == "submitted"


def test_another_applicant_cannot_act_on_the_case(client, draft_case, other_applicant):
    assert post_action(client, other_applicant, draft_case, "submit").status_code == 403
    draft_case.refresh_from_db()
    assert draft_case.state == "draft"


def test_finding5_staff_of_another_service_cannot_act_on_the_case(client, draft_case, owner, other_staff):
    submitted = fire(draft_case, "submit", owner)
    assert post_action(client, other_staff, submitted, "take_for_review").status_code == 403
    submitted.refresh_from_db()
    assert submitted.state == "submitted"


def test_finding5_the_queue_of_another_services_staff_lists_no_technopark_case(client, draft_case, owner,
                                                                               other_staff):
    fire(draft_case, "submit", owner)
    response = get(client, other_staff, reverse("casework:queue"))
    assert response.status_code == 200
    assert [row["case"].number for row in response.context["rows"]] == []


def test_anonymous_post_is_sent_to_sign_in(client, draft_case):
    assert is_login_redirect(post_action(client, None, draft_case, "submit"))
    draft_case.refresh_from_db()
    assert draft_case.state == "draft"


def test_actions_are_post_only(client, draft_case, owner):
    client.force_login(owner)
    assert client.get(reverse("casework:fire", args=[draft_case.number, "submit"])).status_code == 405
    draft_case.refresh_from_db()
    assert draft_case.state == "draft"


# --- documents -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("persona", "status"), [("owner", 200), ("secretariat", 200),
                                                 ("other_applicant", 403), ("member", 403), ("other_staff", 403)])
def test_document_download_by_persona(client, request, draft_case, persona, status):
    document = draft_case.documents.first()
    response = get(client, request.getfixturevalue(persona), reverse("casework:download", args=[document.pk]))
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
        assert response["Content-Type"] == "application/pdf"


def test_document_download_sends_anonymous_visitors_to_sign_in(client, draft_case):
    document = draft_case.documents.first()
    assert is_login_redirect(client.get(reverse("casework:download", args=[document.pk])))


# --- queue and agenda ------------------------------------------------------------------------------

@pytest.mark.parametrize(("persona", "status"), [("secretariat", 200), ("owner", 403),
                                                 ("other_applicant", 403), ("member", 403)])
def test_queue_is_for_the_secretariat(client, request, persona, status):
    assert get(client, request.getfixturevalue(persona), reverse("casework:queue")).status_code == status


@pytest.mark.parametrize(("persona", "status"), [("member", 200), ("secretariat", 403), ("owner", 403),
                                                 ("other_applicant", 403)])
def test_p13_agenda_is_for_commission_members(client, request, persona, status):
    assert get(client, request.getfixturevalue(persona), reverse("casework:agenda")).status_code == status


@pytest.mark.parametrize("name", ["casework:queue", "casework:agenda", "casework:my_cases"])
def test_lists_send_anonymous_visitors_to_sign_in(client, name):
    assert is_login_redirect(client.get(reverse(name)))


def test_p13_agenda_lists_the_cases_before_the_commission(client, draft_case, owner, secretariat, member):
    case = fire(fire(fire(draft_case, "submit", owner), "take_for_review", secretariat), "send_to_commission",
                secretariat)
    rows = get(client, member, reverse("casework:agenda")).context["rows"]
    assert [(row["case"].number, row["voted"]) for row in rows] == [(case.number, False)]


def test_my_cases_lists_only_the_organisations_cases(client, draft_case, owner, other_applicant):
    rows = get(client, owner, reverse("casework:my_cases")).context["rows"]
    assert [row["case"].number for row in rows] == [draft_case.number]
    assert get(client, other_applicant, reverse("casework:my_cases")).context["rows"] == []
