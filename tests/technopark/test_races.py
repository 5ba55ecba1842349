"""Twenty identical requests at once on the technopark's pages (issue 8, finding 2): the application
(001 p.7-9; twenty parallel applications of one organisation made four open cases), each follow-up —
activity change (p.9-1), extension (p.36), services (p.48), early termination (p.41); seven drafts on
SQLite and fourteen on PostgreSQL before — and the edit of an application. Exactly one wins, the others
are sent to the case that won with a message, nothing is duplicated or half-saved, no 500.
Real threads on PostgreSQL or a SQLite file (tests/races.py)."""

import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.casework.models import Case, Transition
from tests import factories
from tests.races import no_server_errors, post_at_once, race, signed_in
from tests.technopark.test_application_views import application_data, edit_data


def en(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


def one_case_and_everyone_sent_to_it(answers, cases) -> Case:
    """The outcome every creation race must have: one case, every request redirected to it, the
    winner told it was created and the others that it already exists."""
    no_server_errors(answers)
    [case] = cases
    assert {a.location for a in answers} == {en("casework:detail", case.number)}
    assert len([a for a in answers if a.said("success")]) == 1
    assert all(case.number in " ".join(a.said("info")) for a in answers if not a.said("success"))
    assert Transition.objects.filter(case=case).count() == 1  # created once, logged once
    return case


@race
def test_finding2_p7_twenty_applications_of_one_organisation_open_one_case(owner):
    answers = post_at_once(owner, en("technopark:apply"), application_data(owner.organisation))
    case = one_case_and_everyone_sent_to_it(answers, list(Case.objects.filter(organisation=owner.organisation)))
    assert (case.workflow, case.state) == ("technopark.participation", "draft")


SERVICES_FORM = {
    "project_name": "Qazaq OCR", "direction": "AI", "description": "OCR for Kazakh text",
    "expected_results": "A product in 6 months", "phone": "+7 701 000 0000", "email": "team@example.kz",
    "city": "Astana", "country": "Kazakhstan", "stage": "MVP", "technologies": "Python",
    "problem": "Manual data entry", "business_model": "SaaS", "lifetime": "5 years", "participants": "4",
    "involvement": "Full time", "presentation_url": "https://example.kz/deck.pdf", "needs": "Mentors",
    "expected_from_technopark": "Investor introductions",
}
ACTIVITY_CHANGE_FORM = {
    "new_activity_types": ["S-01"], "p-TOTAL_FORMS": "1", "p-INITIAL_FORMS": "0", "p-MIN_NUM_FORMS": "1",
    "p-MAX_NUM_FORMS": "1000", "p-0-activity_type": "S-01",
    **{f"p-0-item_{n}": f"Annex 3 item {n}" for n in range(1, 16)},
}
TERMINATION_FORM = {"grounds": ["39(1)"], "explanation": "Facts of the case."}


FOLLOW_UPS = pytest.mark.parametrize(("kind", "form", "by_staff"), [
    ("activity_change", ACTIVITY_CHANGE_FORM, False),  # p.9-1
    ("extension", {}, False),  # p.36
    ("services", SERVICES_FORM, False),  # p.48
    ("termination", TERMINATION_FORM, True),  # p.41, brought by the technopark
])


@pytest.mark.django_db
@FOLLOW_UPS
def test_finding2_a_second_follow_up_of_the_kind_is_sent_to_the_open_one(client, kind, form, by_staff, secretariat,
                                                                        messages_of):
    user, parent, _certificate, _entry = factories.make_participant()
    client.force_login(secretariat if by_staff else user)
    url = en("technopark:follow_up", parent.number, kind)
    first, again = client.post(url, form), client.post(url, form)
    case = parent.children.get()
    assert first["Location"] == again["Location"] == en("casework:detail", case.number)
    assert f"already has an open application of this kind: {case.number}" in " ".join(messages_of(again))


@race
@FOLLOW_UPS
def test_finding2_twenty_identical_follow_ups_open_one_case(kind, form, by_staff, secretariat):
    user, parent, _certificate, _entry = factories.make_participant()
    answers = post_at_once(secretariat if by_staff else user, en("technopark:follow_up", parent.number, kind), form)
    case = one_case_and_everyone_sent_to_it(answers, list(parent.children.all()))
    assert (case.workflow, case.state) == (f"technopark.{kind}", "draft")


@race
def test_finding2_twenty_saves_of_one_edit_form_save_once(owner, draft_case):
    data = edit_data(signed_in(owner), draft_case, **{"a-name": "Renamed Tech LLP"})
    answers = no_server_errors(post_at_once(owner, en("technopark:edit", draft_case.number), data))
    saved = [a for a in answers if a.said("success")]
    assert len(saved) == 1
    assert all("changed by someone else" in " ".join(a.said("error")) for a in answers if a not in saved)
    draft_case.refresh_from_db()
    assert draft_case.version == 2
    assert draft_case.facts["applicant"]["name"] == "Renamed Tech LLP"
    assert Case.objects.filter(organisation=owner.organisation).count() == 1
