"""Hostile input on the service's pages: no 500 for any input, bounded sizes, clear messages."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.casework.models import Case
from techpolicy.services.competence_centres.forms import MAX_STAFF_ROWS
from techpolicy.services.competence_centres.models import MAX_COMMENT, MethodologicalComment

from .forms_data import initiative_data, precheck_data
from .world import drive, initiative, years_ago

pytestmark = pytest.mark.django_db


def url(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.mark.parametrize("change", [
    {"staff-TOTAL_FORMS": "100000000"},
    {"staff-TOTAL_FORMS": "garbled"},
    {"designation-state_body": "not-an-id"},
    {"designation-state_body": "99999999999999999999999"},
    {"designation-direction": "../../etc"},
    {"candidate-name": "x" * 100_000},
    {"experience-started_on": "9999-12-31"},
    {"resources-amount_kzt": "1e308"},
    {"resources-amount_kzt": "-5"},
    {"staff-0-areas": ["telepathy"]},
    {"funding-TOTAL_FORMS": "999"},
])
def test_the_initiative_form_refuses_without_a_server_error(client, world, change):
    client.force_login(world.owner)
    data = initiative_data(world.owner.organisation, world.body, years_ago(6)) | change
    response = client.post(url("competence_centres:apply"), data)
    assert response.status_code == 200  # the form again, with its errors
    assert not Case.objects.exists()


def test_a_start_in_the_first_year_of_the_calendar_is_a_fact_not_an_error(client, world):
    client.force_login(world.owner)
    data = initiative_data(world.owner.organisation, world.body, years_ago(6)) | {"experience-started_on": "0001-01-01"}
    assert client.post(url("competence_centres:apply"), data).status_code == 302
    assert Case.objects.get().facts["experience"]["started_on"] == "0001-01-01"


def test_the_staff_table_is_bounded(client, world):
    client.force_login(world.owner)
    data = initiative_data(world.owner.organisation, world.body, years_ago(6)) | {
        "staff-TOTAL_FORMS": str(MAX_STAFF_ROWS + 1)}
    page = client.post(url("competence_centres:apply"), data).content.decode()
    assert f"Please submit at most {MAX_STAFF_ROWS} forms" in page


def test_adding_a_row_is_capped(client, world):
    client.force_login(world.owner)
    data = initiative_data(world.owner.organisation, world.body, years_ago(6)) | {
        "staff-TOTAL_FORMS": "10000", "add_staff": "1"}
    assert client.post(url("competence_centres:apply"), data).status_code == 200


@pytest.mark.parametrize("change", [{"check-on": "garbage"}, {"check-on": "1900-01-01"},
                                    {"designation-direction": ""}, {"experience-started_on": "2999-01-01"}])
def test_the_precheck_refuses_without_a_server_error(client, world, change):
    data = precheck_data(world.owner.organisation, years_ago(6), years_ago(0)) | change
    assert client.post(url("competence_centres:precheck"), data).status_code == 200


def test_control_characters_are_refused_before_any_view(client, world):
    client.force_login(world.owner)
    data = initiative_data(world.owner.organisation, world.body, years_ago(6)) | {"candidate-name": "A\x00B"}
    assert client.post(url("competence_centres:apply"), data).status_code == 400


def test_a_comment_is_bounded(client, world):
    case = drive(initiative(world), world, "submit")
    client.force_login(world.ni)
    page = url("competence_centres:case", case.number)
    assert "at most" in client.post(page, {"text": "x" * (MAX_COMMENT + 1)}, follow=True).content.decode()
    assert "Write the comment" in client.post(page, {"text": "   "}, follow=True).content.decode()
    assert not MethodologicalComment.objects.exists()


@pytest.mark.parametrize("query", [{"q": "x" * 10_000}, {"page": "99999999999999999999"}, {"page": "-1"},
                                   {"q": "%"}])
def test_the_lists_take_any_query(client, world, query):
    client.force_login(world.ab)
    assert client.get(url("competence_centres:cases"), query).status_code == 200
    assert client.get(url("competence_centres:register"), query).status_code == 200


def test_unknown_cases_and_methods(client, world):
    client.force_login(world.ab)
    assert client.get(url("competence_centres:case", "CC-0000-00000")).status_code == 404
    assert client.get(url("competence_centres:case", "x" * 500)).status_code == 404
    assert client.delete(url("competence_centres:index")).status_code == 405
    assert client.put(url("competence_centres:precheck")).status_code == 405
