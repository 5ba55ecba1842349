"""Issue 9: member qualifications are data, judged by the law-layer procedure the commission names
(`Commission.composition`, e.g. "technopark-commission-composition" for 001 p.13). The administration
form checks each member's qualifications against that procedure's member model and names the field;
the generic guard `commission_composed` evaluates the procedure before a case is put on the agenda."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from techpolicy.accounts.roles import ADMINISTRATOR
from techpolicy.casework.admin import CommissionMemberForm
from techpolicy.casework.commissions.composition import (
    composition_procedures,
    evaluate_composition,
    member_facts,
    qualification_errors,
)
from techpolicy.casework.decisions import commission_composed
from techpolicy.casework.models import Commission, CommissionMember
from techpolicy.law.citation import Citation
from techpolicy.law.procedure import catalogue
from tests import factories

pytestmark = pytest.mark.django_db

P13 = "technopark-commission-composition"


def test_p13_the_technopark_procedure_judges_commissions():
    assert P13 in composition_procedures()
    assert "technopark-extension" in catalogue() and "technopark-extension" not in composition_procedures()


def test_p13_the_members_are_the_facts_of_the_procedure(commission):
    body, _users = commission
    facts = member_facts(body)
    assert len(facts) == 3 and all(set(f) == {"name", "state_body_representative", "it_qualified",
                                               "ict_experience_years", "international_expert"} for f in facts)
    assert evaluate_composition(body, timezone.localdate()).eligible


QUALIFICATION_CASES = [
    # qualifications, the fields the errors name
    ({"state_body_representative": False, "it_qualified": True, "ict_experience_years": "7"}, ["international_expert"]),
    ({**factories.p13_qualifications(), "ict_experience_years": "many"}, ["ict_experience_years"]),
    ({**factories.p13_qualifications(), "ict_experience_years": "-1"}, ["ict_experience_years"]),
    ({**factories.p13_qualifications(), "it_qualified": "perhaps"}, ["it_qualified"]),
    ({**factories.p13_qualifications(), "phd": True}, ["phd"]),
    ({**factories.p13_qualifications(), "name": "Someone else"}, ["name"]),
]


@pytest.mark.parametrize(("qualifications", "fields"), QUALIFICATION_CASES)
def test_p13_the_admin_form_names_the_field_that_does_not_fit(commission, qualifications, fields):
    body, _users = commission
    user = factories.make_commission_member_user()
    form = CommissionMemberForm(data={"commission": body.pk, "user": user.pk, "full_name": "Aigerim",
                                      "country": "KZ", "qualifications": json.dumps(qualifications),
                                      "active": "on"})
    with translation.override("en"):
        assert not form.is_valid()
        errors = form.errors["qualifications"]
    assert [e.split(":")[0] for e in errors] == fields


def test_p13_the_admin_form_accepts_qualifications_that_fit(commission):
    body, _users = commission
    user = factories.make_commission_member_user()
    qualifications = factories.p13_qualifications(it=False, years="2", state=True)
    form = CommissionMemberForm(data={"commission": body.pk, "user": user.pk, "full_name": "Aigerim",
                                      "country": "KZ", "qualifications": json.dumps(qualifications), "active": "on"})
    assert form.is_valid(), form.errors
    assert form.save().qualifications["state_body_representative"] is True


def test_p13_errors_come_in_the_users_language(commission):
    procedure = composition_procedures()[P13]
    with translation.override("en"):
        english = qualification_errors(procedure, "A", {**factories.p13_qualifications(), "it_qualified": None})
    assert english == ["it_qualified: must be true or false"]
    with translation.override("kk"):
        kazakh = qualification_errors(procedure, "A", {**factories.p13_qualifications(), "it_qualified": None})
    assert kazakh[0].startswith("it_qualified: ")


def test_p13_the_commission_admin_checks_every_member_against_the_chosen_rules(client, commission):
    """Changing the commission's rules re-checks the members saved with it (inline rows)."""
    body, _users = commission
    member = body.members.first()
    admin = factories.make_user(roles=[ADMINISTRATOR], is_staff=True, is_superuser=True)
    client.force_login(admin)
    with translation.override("en"):
        url = reverse("admin:casework_commission_change", args=[body.pk])
    members = list(body.members.order_by("pk"))
    data = {"key": body.key, "name": body.name, "composition": P13, "regulations": "", "majority": "simple",
            "quorum_kind": "count", "quorum_count": "3",
            "members-TOTAL_FORMS": str(len(members)), "members-INITIAL_FORMS": str(len(members)),
            "members-MIN_NUM_FORMS": "0", "members-MAX_NUM_FORMS": "1000"}
    for i, m in enumerate(members):
        qualifications = m.qualifications if m.pk != member.pk else {"it_qualified": True}
        data.update({f"members-{i}-id": m.pk, f"members-{i}-commission": body.pk, f"members-{i}-user": m.user_id,
                     f"members-{i}-full_name": m.full_name, f"members-{i}-country": m.country,
                     f"members-{i}-qualifications": json.dumps(qualifications),
                     f"members-{i}-active": "on"})
    with translation.override("en"):
        response = client.post(url, data)
    assert response.status_code == 200  # the form again, with the errors
    page = response.content.decode()
    assert "state_body_representative: required" in page and "international_expert: required" in page
    member.refresh_from_db()
    assert member.qualifications == factories.p13_qualifications(international=member.country == "SE")


def test_p13_no_composition_rules_chosen_refuses_the_agenda(commission, owner):
    body, _users = commission
    Commission.objects.filter(pk=body.pk).update(composition="")
    case = factories.make_participation_case(owner)
    with translation.override("en"):
        ok, why = commission_composed(Citation("001", "13"))(case, None, {})
    assert (ok, why) == (False, "The composition rules of the commission are not chosen; the administrator "
                                "chooses them.")


def test_p13_recorded_qualifications_that_do_not_fit_refuse_naming_the_field(commission, owner):
    body, _users = commission
    CommissionMember.objects.filter(commission=body, country="KZ").update(qualifications={"it_qualified": True})
    with translation.override("en"):
        ok, why = commission_composed(Citation("001", "13"))(factories.make_participation_case(owner), None, {})
    assert not ok and "members[1].state_body_representative" in why
