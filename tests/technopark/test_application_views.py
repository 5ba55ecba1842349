"""The application pages of the technopark (seed 001 p.7, p.9, Annex 3): the application form
with its prefixed parts (a- applicant, o- ownership, t- tax debt, d- documents, p- projects),
editing a draft, and the eligibility pre-check."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from techpolicy.casework.engine import fire
from techpolicy.casework.models import Case
from techpolicy.law.acts.act001_technopark.facts import TechnoparkFacts
from techpolicy.law.facts import parse_facts
from techpolicy.services.technopark.checks import PARTICIPATION
from tests import factories

pytestmark = pytest.mark.django_db


def en(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


def conditions_data(organisation, bin_=None, shares=(("Founder", "natural_person", "100"),), tax_issued=None):
    """The a-, o- and t- parts (paragraph 7 and 9(3)) shared by the application and the pre-check."""
    today = timezone.localdate()
    data = {
        "a-name": organisation.name, "a-bin": organisation.bin if bin_ is None else bin_,
        "a-legal_form": "legal_entity", "a-resident": "on", "a-activity_types": ["S-01"],
        "o-TOTAL_FORMS": str(len(shares) + 1), "o-INITIAL_FORMS": "0", "o-MIN_NUM_FORMS": "0",
        "o-MAX_NUM_FORMS": "1000",
        "t-application_date": today.isoformat(),
        "t-tax_issued_on": (tax_issued or today - dt.timedelta(days=3)).isoformat(), "t-tax_debt_kzt": "0",
    }
    for index, (holder, kind, share) in enumerate(shares):
        data |= {f"o-{index}-holder": holder, f"o-{index}-kind": kind, f"o-{index}-share": share,
                 f"o-{index}-owned": ""}
    return data


def application_data(organisation, projects=1, **conditions) -> dict:
    today = timezone.localdate()
    data = conditions_data(organisation, **conditions) | {
        "d-registration_certificate": "on", "d-place_kind": "lease", "d-place_provided": "on",
        "d-residents": "12", "d-non_residents": "2", "d-period_from": today.isoformat(),
        "d-period_to": (today + dt.timedelta(days=3 * 365)).isoformat(),
        "p-TOTAL_FORMS": str(projects), "p-INITIAL_FORMS": "0", "p-MIN_NUM_FORMS": "1", "p-MAX_NUM_FORMS": "1000",
    }
    for index in range(projects):
        data[f"p-{index}-activity_type"] = "S-01"
        data |= {f"p-{index}-item_{n}": f"Project {index + 1}, Annex 3 item {n}" for n in range(1, 16)}
    return data


def edit_data(client, case, **changes) -> dict:
    """The edit form as the browser posts it: the management forms count the initial rows and
    projects the edit page rendered from the stored facts."""
    forms = client.get(en("technopark:edit", case.number)).context["forms"]
    data = application_data(case.organisation) | {"version": case.version}
    data["o-INITIAL_FORMS"] = str(forms["ownership"].initial_form_count())
    data["p-INITIAL_FORMS"] = str(forms["projects"].initial_form_count())
    return data | changes


@pytest.fixture
def signed_in(client, owner):
    client.force_login(owner)
    return client


# --- the application form (p.7, p.9, Annex 3) --------------------------------------------------------

def test_p9_application_form_saves_a_draft_whose_facts_validate(signed_in, owner):
    response = signed_in.post(en("technopark:apply"), application_data(owner.organisation))
    case = Case.objects.get(organisation=owner.organisation)
    assert response.status_code == 302
    assert response["Location"] == en("casework:detail", case.number)
    assert (case.state, case.workflow, case.created_by) == ("draft", "technopark.participation", owner)
    facts = parse_facts(TechnoparkFacts, case.facts)
    assert facts.applicant.bin == owner.organisation.bin
    assert facts.applicant.activity_types == ["S-01"]
    assert [(s.holder, str(s.share)) for s in facts.ownership.shareholders] == [("founder", "100")]
    [project] = facts.documents.business_plan.projects
    assert sorted(project.items) == list(range(1, 16))
    assert facts.documents.place_of_activity.kind == "lease"
    assert PARTICIPATION.evaluate(case.facts).eligible


def test_p9_application_form_is_shown_to_an_applicant(signed_in, owner):
    response = signed_in.get(en("technopark:apply"))
    assert response.status_code == 200
    assert response.context["forms"]["applicant"].initial["bin"] == owner.organisation.bin


def test_application_form_is_only_for_applicant_organisations(client, secretariat):
    client.force_login(secretariat)
    assert client.get(en("technopark:apply")).status_code == 403


def test_p7_bin_of_eleven_digits_is_an_inline_error(signed_in, owner):
    response = signed_in.post(en("technopark:apply"), application_data(owner.organisation, bin_="12345678901"))
    assert response.status_code == 200
    assert response.context["forms"]["applicant"].errors["bin"] == ["A BIN has exactly 12 digits."]
    assert "A BIN has exactly 12 digits." in response.content.decode()
    assert not Case.objects.exists()


def test_p9_3_tax_certificate_dated_after_the_application_is_an_inline_error(signed_in, owner):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = signed_in.post(en("technopark:apply"), application_data(owner.organisation, tax_issued=tomorrow))
    assert response.status_code == 200
    message = "The certificate cannot be issued after the application date."
    assert response.context["forms"]["tax"].errors["tax_issued_on"] == [message]
    assert message in response.content.decode()
    assert not Case.objects.exists()


def test_annex3_add_project_adds_a_project_block_without_saving(signed_in, owner):
    data = application_data(owner.organisation) | {"add_project": "1"}
    response = signed_in.post(en("technopark:apply"), data)
    assert response.status_code == 200
    assert len(response.context["forms"]["projects"].forms) == 2
    assert 'name="p-1-activity_type"' in response.content.decode()
    assert not Case.objects.exists()


def test_annex3_two_projects_are_saved(signed_in, owner):
    signed_in.post(en("technopark:apply"), application_data(owner.organisation, projects=2))
    facts = Case.objects.get().facts
    assert len(facts["documents"]["business_plan"]["projects"]) == 2


def test_applying_twice_redirects_to_the_open_case(signed_in, owner, messages_of):
    signed_in.post(en("technopark:apply"), application_data(owner.organisation))
    case = Case.objects.get()
    again = signed_in.post(en("technopark:apply"), application_data(owner.organisation))
    assert again.status_code == 302 and again["Location"] == en("casework:detail", case.number)
    assert messages_of(again)[-1] == f"Your organisation already has an open application: {case.number}."
    assert signed_in.get(en("technopark:apply"))["Location"] == en("casework:detail", case.number)
    assert Case.objects.count() == 1


def test_a_withdrawn_application_does_not_block_a_new_one(signed_in, owner):
    signed_in.post(en("technopark:apply"), application_data(owner.organisation))
    fire(Case.objects.get(), "withdraw", owner)
    signed_in.post(en("technopark:apply"), application_data(owner.organisation))
    assert sorted(Case.objects.values_list("state", flat=True)) == ["draft", "withdrawn"]


# --- editing a draft ---------------------------------------------------------------------------------

def test_edit_saves_the_changed_facts(signed_in, owner, draft_case, messages_of):
    assert signed_in.get(en("technopark:edit", draft_case.number)).status_code == 200
    data = edit_data(signed_in, draft_case, **{"d-residents": "40"})
    response = signed_in.post(en("technopark:edit", draft_case.number), data)
    assert response.status_code == 302
    assert messages_of(response) == ["The application was saved."]
    draft_case.refresh_from_db()
    assert draft_case.facts["documents"]["planned_staff"]["residents"] == 40


def test_p13_stale_edit_from_an_earlier_remarks_round_is_not_saved(signed_in, owner, draft_case, secretariat,
                                                                   messages_of):
    case = fire(fire(draft_case, "submit", owner), "take_for_review", secretariat)
    case = fire(case, "send_remarks", secretariat, reason="Attach the lease.")
    data = edit_data(signed_in, case, **{"d-residents": "40"})  # the applicant opens the edit page ...
    case = fire(case, "resubmit", owner, payload={"answer": "Attached."})  # ... a colleague answers,
    case = fire(fire(case, "take_for_review", secretariat), "send_remarks", secretariat, reason="Again.")
    before = dict(case.facts)
    response = signed_in.post(en("technopark:edit", case.number), data)
    assert response.status_code == 200
    [message] = messages_of(response)
    assert "changed by someone else" in message and "not saved" in message
    case.refresh_from_db()
    assert case.facts == before


def test_concurrent_edits_of_a_draft_do_not_overwrite_each_other(client, owner, draft_case, messages_of):
    colleague = factories.make_user(organisation=owner.organisation)
    client.force_login(owner)
    mine = edit_data(client, draft_case, **{"d-residents": "40"})  # both open the edit page
    client.force_login(colleague)
    theirs = edit_data(client, draft_case, **{"d-residents": "7"})
    client.force_login(owner)
    client.post(en("technopark:edit", draft_case.number), mine)
    client.force_login(colleague)
    client.post(en("technopark:edit", draft_case.number), theirs)
    draft_case.refresh_from_db()
    assert draft_case.facts["documents"]["planned_staff"]["residents"] == 40


def test_malformed_version_on_edit_is_refused_with_a_message(signed_in, owner, draft_case):
    data = edit_data(signed_in, draft_case, version="abc")
    response = signed_in.post(en("technopark:edit", draft_case.number), data)
    assert response.status_code == 200
    draft_case.refresh_from_db()
    assert draft_case.version == 1


def test_another_applicant_cannot_edit(client, other_applicant, draft_case):
    client.force_login(other_applicant)
    assert client.get(en("technopark:edit", draft_case.number)).status_code == 403


def test_submitted_application_cannot_be_edited(signed_in, owner, draft_case):
    data = edit_data(signed_in, draft_case, **{"d-residents": "40"})
    fire(draft_case, "submit", owner)
    response = signed_in.post(en("technopark:edit", draft_case.number), data)
    assert response.status_code == 302
    draft_case.refresh_from_db()
    assert draft_case.facts["documents"]["planned_staff"]["residents"] == 12


# --- the pre-check (p.7(4) in Kazakh, the default language) ----------------------------------------

def precheck_rule(response, rule_id: str) -> dict:
    return next(r for r in response.context["verdict"]["rules"] if r["rule"] == rule_id)


def test_p7_4_precheck_fails_a_50_percent_national_company_share_in_kazakh(client):
    organisation = factories.make_organisation(name="Steppe AI LLP")
    shares = (("Founder", "natural_person", "50"), ("National company", "national_company", "50"))
    url = reverse("technopark:precheck")
    assert url.startswith("/kk/")  # Kazakh is the default language
    response = client.post(url, conditions_data(organisation, shares=shares))
    assert response.status_code == 200
    assert response.context["verdict"]["outcome"] == "not_eligible"
    rule = precheck_rule(response, "001.p7.4")
    assert rule["status"] == "failed"
    assert rule["citation"]["text"].endswith("7-тармақ, 4) тармақша")
    page = response.content.decode()
    assert 'data-rule="001.p7.4" data-status="failed"' in page
    assert "7-тармақ, 4) тармақша" in page
    assert "Өтініш беруші акцияларының (үлестерінің) 50 %-ы" in page


def test_p7_4_precheck_passes_a_49_percent_national_company_share(client):
    organisation = factories.make_organisation(name="Steppe AI LLP")
    shares = (("Founder", "natural_person", "51"), ("National company", "national_company", "49"))
    response = client.post(reverse("technopark:precheck"), conditions_data(organisation, shares=shares))
    assert precheck_rule(response, "001.p7.4")["status"] == "passed"
    assert response.context["verdict"]["outcome"] == "eligible"
    assert 'data-rule="001.p7.4" data-status="passed"' in response.content.decode()
