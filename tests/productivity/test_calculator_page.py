"""The reimbursement calculator page (seed 004, section 5.3): the amount with a line per cost, each
exclusion, share and cap with its paragraph, computed by the law layer on the application date;
as a whole page and, for HTMX, as the result fragment alone. Nothing is stored."""

import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.casework.models import Case
from tests.productivity.test_bad_input_calculator import form

pytestmark = pytest.mark.django_db


def post(client, data, **headers):
    with translation.override("en"):
        return client.post(reverse("productivity:calculator"), data, **headers)


def test_the_page_offers_the_reimbursed_instruments_only(client):
    with translation.override("en"):
        page = client.get(reverse("productivity:calculator"))
    assert page.status_code == 200
    codes = [code for code, _label in page.context["forms"]["basics"].fields["instrument"].choices]
    assert codes == ["2a", "2b", "3a", "3b", "4a", "4b", "5a", "5b", "7", "8"]  # not leasing (1), not 6


def test_s5_3_4b_forty_percent_within_the_cap_with_the_lines_and_their_paragraphs(client):
    response = post(client, form())
    result = response.context["result"]
    assert (result["status"], result["amount"]) == ("calculated", "8000000.00")  # 40 % of 20 000 000
    assert [line["kind"] for line in result["lines"]] == ["cost", "share", "cap"]
    assert result["lines"][2]["citation"]["section"] == "5.3"
    page = response.content.decode()
    assert 'data-testid="amount" data-value="8000000.00">8,000,000.00\u00a0₸<' in page
    assert "section 5.3" in page
    assert not Case.objects.exists()


def test_s5_3_3a_the_per_diem_is_excluded_with_its_reason(client):
    data = form(kind="per_diem", employees="e1")
    data.update({"b-instrument": "3a", "c-TOTAL_FORMS": "2", "c-1-kind": "training_fee", "c-1-amount_kzt": "1000000",
                 "c-1-incurred_on": "2015-08-10", "c-1-employees": "e1", "c-1-training_kind": "course",
                 "c-1-room_single_standard": "on"})
    result = post(client, data).context["result"]
    assert result["amount"] == "400000.00"
    excluded = [line for line in result["lines"] if line["kind"] == "exclusion"]
    assert [line["rule"] for line in excluded] == ["kind.per_diem"]
    assert "Per diem is not reimbursed" in excluded[0]["reason"]


def test_s5_3_instrument_8_is_not_calculated_and_says_why(client):
    data = form(kind="cluster_strategy_implementation")
    data.update({"b-instrument": "8", "a-cluster_stage2_winner": "yes"})
    response = post(client, data)
    result = response.context["result"]
    assert (result["status"], result["calculated"]) == ("not_set", False)
    assert "not set by the source document" in response.content.decode()


def test_htmx_gets_the_form_and_its_result_without_the_page(client):
    """Issue 10, item 2: the fragment holds the form as well, so its errors show after an HTMX post."""
    response = post(client, form(), HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="calculator"')
    assert "<html" not in page and '<div id="calculation"' in page
    assert 'data-value="8000000.00"' in page
    bad = post(client, {**form(), "c-0-amount_kzt": "-5"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in bad and 'class="errorlist' in bad


def test_add_a_cost_adds_a_row_without_calculating(client):
    data = form()
    data["add_cost"] = "1"
    response = post(client, data)
    assert len(response.context["forms"]["costs"].forms) == 2
    assert response.context["result"] is None


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_lines_read_in_the_users_language(client, lang):
    with translation.override(lang):
        response = client.post(reverse("productivity:calculator"), form())
    reasons = " ".join(line["reason"] for line in response.context["result"]["lines"])
    assert "eligible" not in reasons and reasons.strip()
