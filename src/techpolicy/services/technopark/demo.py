"""Fictional demo data: organisations, people and cases in different states, driven through the
real workflow so every transition, deadline and document is what the system itself produced."""

from __future__ import annotations

import datetime as dt
import io

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from reportlab.pdfgen import canvas

from techpolicy.accounts.models import Organisation, User
from techpolicy.accounts.roles import ADMINISTRATOR, APPLICANT, COMMISSION, SECRETARIAT
from techpolicy.casework import law_context
from techpolicy.casework.commissions import cast_vote
from techpolicy.casework.engine import create_case, fire
from techpolicy.casework.models import Commission, CommissionMember
from techpolicy.casework.uploads import store

from .steps import COMMISSION_COMPOSITION, COMMISSION_KEY, REQUIRED_DOCUMENTS
from .workflows import PARTICIPATION

DEMO_PASSWORD = "demo-2026"
ANNEX3 = {str(n): f"Demo answer to Annex 3 item {n}" for n in range(1, 16)}


def participation_facts(name: str, bin_: str, activity: str, on: dt.date, state_share: str = "0") -> dict:
    shareholders = [{"holder": "founder", "share": "100"}]
    entities = [{"id": "founder", "kind": "natural_person", "name": "Founder", "shareholders": []}]
    if state_share != "0":
        shareholders = [{"holder": "founder", "share": str(100 - int(state_share))},
                        {"holder": "nc", "share": state_share}]
        entities.append({"id": "nc", "kind": "national_company", "name": "National company", "shareholders": []})
    return {
        "application_date": on.isoformat(),
        "applicant": {
            "name": name, "bin": bin_, "legal_form": "legal_entity", "resident": True,
            "has_branches_other_than_representative_offices": False,
            "implements_investment_priority_project": False,
            "implemented_investment_strategic_project_pre_2015": False,
            "subsoil_user": False, "sez_participant": False, "excise_payer": False,
            "activity_types": [activity],
        },
        "ownership": {"shareholders": shareholders, "entities": entities},
        "documents": {
            "registration_certificate": True, "representative_appointed": False, "authority_documents": False,
            "business_plan": {"projects": [{"activity_type": activity, "items": ANNEX3}]},
            "tax_debt": {"issued_on": (on - dt.timedelta(days=3)).isoformat(), "debt_kzt": "0"},
            "place_of_activity": {"kind": "lease", "provided": True},
            "planned_staff": {"residents": 12, "non_residents": 2, "period_from": on.isoformat(),
                              "period_to": (on + dt.timedelta(days=3 * 365)).isoformat()},
        },
    }


def demo_pdf(title: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 760, title)
    page.save()
    return SimpleUploadedFile(f"{title}.pdf", buffer.getvalue(), content_type="application/pdf")


def _user(username: str, first: str, last: str, roles: list[str], organisation=None, **extra) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@demo.techpolicy.kz",
                  "organisation": organisation, **extra})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


def people() -> dict[str, User]:
    users = {
        "admin": _user("admin", "Әкімші", "Демо", [ADMINISTRATOR], is_staff=True, is_superuser=True),
        "secretariat": _user("secretariat", "Айгерім", "Сейітова", [SECRETARIAT], is_staff=True),
    }
    commission, _ = Commission.objects.get_or_create(
        key=COMMISSION_KEY,
        defaults={"name": "Astana Hub selection commission (demo)", "quorum_kind": Commission.QUORUM_COUNT,
                  "quorum_count": 3, "majority": Commission.MAJORITY_SIMPLE,
                  "composition": COMMISSION_COMPOSITION,
                  "regulations": "Demo regulations: the technopark sets them (paragraph 13)"})
    # Qualifications are the facts of the p.13 composition rule (CommissionMemberFacts).
    members = [
        ("member1", "Бауыржан", "Омаров", "KZ", {"state_body_representative": True, "it_qualified": False,
                                                "ict_experience_years": "3", "international_expert": False}),
        ("member2", "Сәуле", "Жақыпова", "KZ", {"state_body_representative": False, "it_qualified": True,
                                               "ict_experience_years": "9", "international_expert": False}),
        ("member3", "Anna", "Lindqvist", "SE", {"state_body_representative": False, "it_qualified": True,
                                               "ict_experience_years": "15", "international_expert": True}),
    ]
    for username, first, last, country, qualifications in members:
        user = _user(username, first, last, [COMMISSION])
        CommissionMember.objects.get_or_create(
            commission=commission, user=user,
            defaults={"full_name": f"{first} {last}", "country": country, "qualifications": qualifications})
        users[username] = user
    return users


COMPANIES = [
    # username, person, organisation, BIN, how far the demo takes the case
    ("aruzhan", ("Аружан", "Қасымова"), "Qazaq Cloud Systems LLP", "210540012345", "registered"),
    ("madina", ("Мадина", "Әлиева"), "Nomad Data LLP", "190340023456", "commission"),
    ("erlan", ("Ерлан", "Нұрланов"), "Altyn Fintech LLP", "200740034567", "remarks"),
    ("timur", ("Тимур", "Ахметов"), "Steppe Robotics LLP", "220140045678", "submitted"),
    ("daniyar", ("Данияр", "Серіков"), "Steppe AI LLP", "230240056789", "draft"),
]
PATHS = {
    "draft": [],
    "submitted": ["submit"],
    "remarks": ["submit", "take_for_review", "send_remarks"],
    "commission": ["submit", "take_for_review", "send_to_commission"],
    "registered": ["submit", "take_for_review", "send_to_commission", "VOTE", "approve", "sign_contract",
                   "issue_certificate", "enter_register"],
}


def load(activity_code: str) -> list[str]:
    """Create the demo world; returns what was done. Safe to run twice (it then does nothing)."""
    if Organisation.objects.filter(bin=COMPANIES[0][3]).exists():
        return ["demo data already loaded"]
    users = people()
    today = law_context.today()
    done = []
    for username, (first, last), org_name, bin_, target in COMPANIES:
        organisation = Organisation.objects.create(name=org_name, bin=bin_, city="Астана")
        owner = _user(username, first, last, [APPLICANT], organisation=organisation)
        case = create_case(PARTICIPATION, organisation, owner, title=org_name,
                           facts=participation_facts(org_name, bin_, activity_code, today))
        for kind in REQUIRED_DOCUMENTS:
            store(case, kind, demo_pdf(kind), owner)
        for step in PATHS[target]:
            case.refresh_from_db()
            if step == "VOTE":
                for member in ("member1", "member2", "member3"):
                    cast_vote(case, users[member], "for", "Meets paragraph 7; the plan is sound.")
                continue
            actor = owner if step == "submit" else users["secretariat"]
            payload, reason = {}, ""
            if step == "send_remarks":
                reason = "Please attach the signed lease contract for the office (paragraph 9(4))."
            if step == "sign_contract":
                payload = {"number": f"AH-DEMO-{bin_[-4:]}", "signed_on": today.isoformat(),
                           "valid_from": today.isoformat(),
                           "valid_until": today.replace(year=today.year + 3).isoformat()}
            fire(case, step, actor, reason=reason, payload=payload)
        done.append(f"{org_name}: {target} ({case.number})")
    return done
