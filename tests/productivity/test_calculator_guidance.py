"""Issue 10, item 2: the reimbursement calculator (seed 004, section 5.3) guides instead of failing
silently. Every invalid input gets a message in the page's language next to its field (also when
HTMX posts the form), a cost's executor is a choice among the executors the page lists (none on the
calculator), and amounts are written for the locale in tenge."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.site.amounts import tenge
from tests.productivity.test_bad_input_calculator import form

pytestmark = pytest.mark.django_db


def post_kk(client, data, **headers):
    with translation.override("kk"):
        return client.post(reverse("productivity:calculator"), data, **headers)


def cost_errors(response, field: str) -> list[str]:
    return response.context["forms"]["costs"].forms[0].errors.get(field, [])


@pytest.mark.parametrize("amount, kazakh", [
    ("", "Бұл өрісті толтыру міндетті."),  # empty
    ("-5", "0"),  # negative: Django's min_value message names the bound
    ("9" * 30, "16"),  # huge: at most 16 digits
    ("abc", "Сан"),  # not a number
])
def test_s5_3_a_bad_amount_is_refused_in_kazakh_next_to_its_field(client, amount, kazakh):
    response = post_kk(client, form(amount_kzt=amount))
    assert response.status_code == 200 and response.context["result"] is None
    (message,) = cost_errors(response, "amount_kzt")
    assert kazakh in message
    assert not any(word in message for word in ("Ensure", "Enter", "required")), message


def test_s5_3_an_htmx_post_shows_the_errors_of_the_form_too(client):
    response = post_kk(client, form(amount_kzt="-5"), HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert "<html" not in page
    assert 'name="c-0-amount_kzt"' in page and 'class="errorlist' in page


def test_s5_3_instrument_3_a_law_layer_objection_sits_on_its_field_in_kazakh(client):
    """The law layer's own rule (a training fee names the employees, act 004 facts) comes back
    translated, on the employees field of the cost, not as a raw path at the top."""
    data = form(kind="training_fee")
    data["b-instrument"] = "3a"
    response = post_kk(client, data)
    assert cost_errors(response, "employees") == ["Оқыту ақысында оқытылатын қызметкерлер көрсетіледі."]
    assert response.context["fact_errors"] == []
    assert "costs[0]" not in response.content.decode()


def test_s5_3_the_calculator_asks_for_no_executor_and_the_application_offers_a_choice():
    from techpolicy.services.productivity.forms import APPLICATION, CALCULATOR

    calculator = CALCULATOR.bind(None)
    assert "executor" not in calculator["costs"].forms[0].fields
    posted = {"e-TOTAL_FORMS": "2", "e-INITIAL_FORMS": "0", "e-0-id": "kbtu", "e-1-id": "satbayev",
              "c-TOTAL_FORMS": "1", "c-INITIAL_FORMS": "0"}
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    data.update(posted)
    application = APPLICATION.bind(data)
    field = application["costs"].forms[0].fields["executor"]
    assert [value for value, _label in field.choices] == ["", "kbtu", "satbayev"]
    assert field.widget.__class__.__name__ == "Select"


@pytest.mark.parametrize("lang, text", [("kk", "8\u00a0000\u00a0000,00\u00a0₸"),
                                        ("ru", "8\u00a0000\u00a0000,00\u00a0₸"), ("en", "8,000,000.00\u00a0₸")])
def test_amounts_are_written_for_the_locale_in_tenge(client, lang, text):
    with translation.override(lang):
        assert tenge(Decimal("8000000")) == text
        page = client.post(reverse("productivity:calculator"), form()).content.decode()
    assert f'data-value="8000000.00">{text}<' in page
