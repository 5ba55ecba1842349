"""Bad input on the reimbursement calculator page (seed 004, section 5.3): malformed amounts, dates
in the wrong order, a broken formset. Each ends in a message on the form, never a 500, and nothing
is calculated from it."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

pytestmark = pytest.mark.django_db


def form(**cost) -> dict:
    data = {
        "b-application_date": "2015-09-15", "b-instrument": "4b", "a-oked_codes": "13.20",
        "a-activity_since": "2009-05-12",
        "c-TOTAL_FORMS": "1", "c-INITIAL_FORMS": "0", "c-MIN_NUM_FORMS": "1", "c-MAX_NUM_FORMS": "200",
        "c-0-kind": "technology_improvement", "c-0-amount_kzt": "20000000", "c-0-incurred_on": "2015-08-10",
        "c-0-room_single_standard": "on",
    }
    data.update({f"c-0-{k}": v for k, v in cost.items()})
    return data


def post(client, data):
    with translation.override("en"):
        return client.post(reverse("productivity:calculator"), data)


@pytest.mark.parametrize("amount", ["abc", "12,5", "-5", "1.234", "NaN", "Infinity", "1e400",
                                    "99999999999999999999", ""])
def test_malformed_amount_is_an_error_on_the_field(client, amount):
    response = post(client, form(amount_kzt=amount))
    assert response.status_code == 200
    assert response.context["result"] is None
    assert response.context["forms"]["costs"].forms[0].errors["amount_kzt"]


@pytest.mark.parametrize("day", ["2015-02-30", "15.08.2015", "yesterday"])
def test_malformed_date_is_an_error_on_the_field(client, day):
    response = post(client, form(incurred_on=day))
    assert response.status_code == 200
    assert response.context["forms"]["costs"].forms[0].errors["incurred_on"]


def test_a_stay_ending_before_it_starts_is_refused(client):
    data = form(kind="accommodation", employees="e1", training_kind="course", stay_from="2015-08-10",
                stay_to="2015-08-01")
    data["b-instrument"] = "3a"
    response = post(client, data)
    assert response.context["result"] is None
    expected = gettext("The stay must end after it starts.")  # in the page's language (Kazakh)
    assert expected in response.context["forms"]["costs"].forms[0].errors["stay_to"]


def test_a_broken_formset_is_an_error_not_a_crash(client):
    data = form()
    del data["c-TOTAL_FORMS"]
    response = post(client, data)
    assert response.status_code == 200
    assert response.context["result"] is None
    assert response.context["forms"]["costs"].non_form_errors()


def test_facts_the_law_layer_refuses_are_shown_with_the_field_named(client):
    data = form(kind="training_fee")  # a training fee must name the employees (5.3, instrument 3)
    data["b-instrument"] = "3a"
    response = post(client, data)
    assert response.status_code == 200
    # Issue 10, item 2: the law layer's objection sits on the field of the cost that holds the fact.
    assert response.context["forms"]["costs"].forms[0].errors["employees"] == [
        "A training fee names the employees it trains."]
    assert response.context["fact_errors"] == []


def test_a_missing_fact_the_instrument_needs_is_named(client):
    data = form()
    data["a-activity_since"] = ""
    response = post(client, data)
    assert response.context["forms"]["applicant"].errors["activity_since"] == ["Required for instrument 4b."]
    assert response.context["fact_errors"] == []
