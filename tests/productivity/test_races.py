"""The same application of the programme posted twice, or twenty times at once (issue 8, finding 2).
The programme lets one applicant receive several instruments (004, introduction), so an organisation
may have several open applications; the database refuses the same application (the same facts) open
twice in one procedure. The twenty-thread races need PostgreSQL or a SQLite file (tests/races.py);
the answers to a repeated post and to an edit into a duplicate are checked on both databases."""

import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.casework.models import Case, Transition
from tests import factories
from tests.productivity.helpers import improvement, training
from tests.productivity.test_application_views import application_form
from tests.races import no_server_errors, post_at_once, race


def url(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.mark.django_db
def test_finding2_the_same_application_posted_twice_is_sent_to_the_first(client, owner, messages_of):
    client.force_login(owner)
    first = client.post(url("productivity:apply"), application_form())
    again = client.post(url("productivity:apply"), application_form())
    case = Case.objects.get(organisation=owner.organisation)
    assert first["Location"] == again["Location"] == url("casework:detail", case.number)
    assert f"already open as {case.number}" in " ".join(messages_of(again))
    # Another application of the same organisation is a case of its own (several instruments, 004).
    client.post(url("productivity:apply"), application_form(**{"c-0-amount_kzt": "2500000"}))
    assert Case.objects.filter(organisation=owner.organisation).count() == 2


@pytest.mark.django_db
def test_finding2_an_edit_into_the_same_application_as_another_open_one_is_refused(client, owner, messages_of):
    client.force_login(owner)
    client.post(url("productivity:apply"), application_form())
    other = factories.make_productivity_case(owner, improvement(owner))
    response = client.post(url("productivity:edit", other.number), application_form(version=other.version))
    assert response.status_code == 200  # the form again, with the reason
    other.refresh_from_db()
    assert other.version == 1 and other.facts == improvement(owner)
    assert "already an open case on the same subject" in " ".join(messages_of(response))


@race
def test_finding2_twenty_posts_of_one_application_open_one_case(owner):
    answers = no_server_errors(post_at_once(owner, url("productivity:apply"), application_form()))
    [case] = Case.objects.filter(organisation=owner.organisation)
    assert {a.location for a in answers} == {url("casework:detail", case.number)}
    assert len([a for a in answers if a.said("success")]) == 1
    assert all(case.number in " ".join(a.said("info")) for a in answers if not a.said("success"))
    assert Transition.objects.filter(case=case).count() == 1


@race
def test_finding2_twenty_saves_of_one_edit_form_save_once(owner):
    case = factories.make_productivity_case(owner, training(owner))
    data = application_form(version=case.version, **{"a-oked_codes": "25.11, 25.12"})
    answers = no_server_errors(post_at_once(owner, url("productivity:edit", case.number), data))
    saved = [a for a in answers if a.status == 302]
    assert len(saved) == 1
    assert all("changed by someone else" in " ".join(a.said("error")) for a in answers if a not in saved)
    case.refresh_from_db()
    assert case.version == 2 and case.facts["applicant"]["oked_codes"] == ["25.11", "25.12"]
