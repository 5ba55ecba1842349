"""The service kit's apply and edit pages (casework.kit.application), on the two services built on
them: the technopark's application (001 p.7-9, one open per organisation) and the "Productivity
2020" application (004 s.5.4, one open per identical application).

- a form is taken once (`site.once`): the same page posted again creates nothing, even where the
  workflow allows several open cases; a refused creation gives the token back;
- a duplicate by subject is sent to the open case, its token not spent;
- a hostile version or row count is refused or capped, never a server error."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from techpolicy.casework.models import Case
from techpolicy.site.models import SubmittedForm
from techpolicy.site.once import new_token
from tests import factories
from tests.productivity.helpers import training
from tests.productivity.test_application_views import application_form
from tests.technopark.test_application_views import application_data, edit_data

pytestmark = pytest.mark.django_db

ALREADY = "This form was already sent"


def en(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


def token_of(page: str) -> str:
    return re.search(r'name="once" value="([0-9a-f]{32})"', page).group(1)


def test_004_s5_4_the_apply_page_carries_a_token_and_the_same_page_is_taken_once(client, owner, messages_of):
    """004 introduction: several applications may be open at once, so only the token tells a resent
    page from a second application; a new page of the form is a new application."""
    client.force_login(owner)
    token = token_of(client.get(en("productivity:apply")).content.decode())
    first = client.post(en("productivity:apply"), application_form(once=token))
    again = client.post(en("productivity:apply"), application_form(once=token, **{"c-0-amount_kzt": "2500000"}))
    case = Case.objects.get(organisation=owner.organisation)
    assert first["Location"] == en("casework:detail", case.number)
    assert again["Location"] == en("casework:my_cases")
    assert any(ALREADY in m for m in messages_of(again))
    client.post(en("productivity:apply"), application_form(once=new_token(), **{"c-0-amount_kzt": "2500000"}))
    assert Case.objects.filter(organisation=owner.organisation).count() == 2


def test_001_p7_a_duplicate_by_subject_goes_to_the_open_case_and_keeps_its_token(client, owner, messages_of):
    """001 p.7-9: one open application per organisation; the second post (another page, another
    token) is sent to the open case and its token is given back with the refused creation."""
    client.force_login(owner)
    client.post(en("technopark:apply"), application_data(owner.organisation) | {"once": new_token()})
    case = Case.objects.get(organisation=owner.organisation)
    token = new_token()
    # The open case is found before the form is read (`open_case`), and again by the constraint.
    again = client.post(en("technopark:apply"), application_data(owner.organisation) | {"once": token})
    assert again["Location"] == en("casework:detail", case.number)
    assert messages_of(again)[-1] == f"Your organisation already has an open application: {case.number}."
    assert not SubmittedForm.objects.filter(token=token).exists()


def test_004_s5_4_a_duplicate_by_content_goes_to_the_open_case_before_its_token_is_spent(client, owner,
                                                                                      messages_of):
    client.force_login(owner)
    client.post(en("productivity:apply"), application_form(once=new_token()))
    case = Case.objects.get(organisation=owner.organisation)
    token = new_token()
    again = client.post(en("productivity:apply"), application_form(once=token))
    assert again["Location"] == en("casework:detail", case.number)
    assert f"already open as {case.number}" in " ".join(messages_of(again))
    assert not SubmittedForm.objects.filter(token=token).exists()


def test_001_p9_a_refused_form_gives_its_token_back(client, owner):
    client.force_login(owner)
    token = new_token()
    refused = client.post(en("technopark:apply"), application_data(owner.organisation, bin_="123") | {"once": token})
    assert refused.status_code == 200 and not Case.objects.exists()
    assert not SubmittedForm.objects.filter(token=token).exists()
    client.post(en("technopark:apply"), application_data(owner.organisation) | {"once": token})
    assert Case.objects.filter(organisation=owner.organisation).count() == 1


@pytest.mark.parametrize("version", ["99999999999999999999999", "-5", "1e3", ""])
def test_001_p13_an_impossible_version_is_refused_as_stale_without_a_server_error(client, owner, draft_case,
                                                                                  messages_of, version):
    client.force_login(owner)
    data = edit_data(client, draft_case, **{"d-residents": "40"}) | {"version": version}
    response = client.post(en("technopark:edit", draft_case.number), data)
    assert response.status_code == 200
    assert "changed by someone else" in " ".join(messages_of(response))
    draft_case.refresh_from_db()
    assert (draft_case.version, draft_case.facts["documents"]["planned_staff"]["residents"]) == (1, 12)


@pytest.mark.parametrize(("total", "rows"), [("abc", 1), ("999999999", 50), ("3", 4)])
def test_001_annex3_add_a_project_caps_a_hostile_row_count(client, owner, total, rows):
    client.force_login(owner)
    data = application_data(owner.organisation) | {"add_project": "1", "p-TOTAL_FORMS": total}
    response = client.post(en("technopark:apply"), data)
    assert response.status_code == 200
    assert len(response.context["forms"]["projects"].forms) == rows
    assert not Case.objects.exists()


def test_004_s5_4_an_edit_keeps_the_procedure_the_facts_chose(client, owner):
    """004 s.5.4: the instrument and channel choose the workflow; an edit naming another channel is
    refused with the field named, and nothing is saved."""
    case = factories.make_productivity_case(owner, training(owner))
    client.force_login(owner)
    response = client.post(en("productivity:edit", case.number),
                           application_form(version=case.version, **{"ch-channel": "nce"}))
    assert response.context["fact_errors"] == [{
        "field": "instrument", "message": "The instrument and channel decide the procedure; withdraw this "
                                          "application and file a new one to change them."}]
    case.refresh_from_db()
    assert case.version == 1
