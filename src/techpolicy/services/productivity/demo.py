"""Fictional demo data of the "Productivity 2020" programme: the KIDI operator and three
applicants whose cases are driven through the real workflows — one reimbursement paid, one
agreement terminated on breach with the money returned, one application under review.

The programme was in force from 2015-06-17 until 2016: applications, costs, signatures and
payments are dated inside that period (a historic replay). The transitions themselves are
recorded today, as the engine records every transition; eligibility and amounts are evaluated on
the application dates."""

from __future__ import annotations

from techpolicy.accounts.models import Organisation
from techpolicy.accounts.roles import ANALYST, APPLICANT, LEASING_OPERATOR, OPERATOR
from techpolicy.casework.engine import create_case, fire
from techpolicy.casework.uploads import store
from techpolicy.casework.workflow import get
from techpolicy.services.technopark.demo import _user, demo_pdf

from .instruments import workflow_for

DOCUMENTS = ("charter_registration", "tax_payments", "executor_contract", "acceptance_act", "invoice",
             "payment_orders")


def training_facts(name: str, bin_: str) -> dict:
    """Instrument 3a (training), filed directly: a group fee for three employees and a per diem,
    which the programme does not reimburse."""
    return {
        "application_date": "2015-09-15", "instrument": "3a", "channel": "direct",
        "applicant": {"name": name, "bin": bin_, "oked_codes": ["25.11"], "activity_since": "2011-03-01"},
        "executors": [{"id": "academy", "name": "Qazaq Industrial Academy", "service": "training_education",
                       "experience_years": "8", "past_projects": 12}],
        "costs": [
            {"id": "c1", "kind": "training_fee", "amount_kzt": "3000000.00", "incurred_on": "2015-07-20",
             "executor": "academy", "employees": ["welder-1", "welder-2", "foreman-1"], "training_kind": "course"},
            {"id": "c2", "kind": "per_diem", "amount_kzt": "60000.00", "incurred_on": "2015-07-20",
             "employees": ["foreman-1"]},
        ],
    }


def improvement_facts(name: str, bin_: str) -> dict:
    """Instrument 4b (technological processes improved by an engineering firm), filed directly."""
    return {
        "application_date": "2015-11-02", "instrument": "4b", "channel": "direct",
        "applicant": {"name": name, "bin": bin_, "oked_codes": ["13.20"], "activity_since": "2009-05-12"},
        "executors": [{"id": "engineering", "name": "Steppe Engineering LLP", "service": "tech_improvement",
                       "experience_years": "6", "past_projects": 4}],
        "costs": [{"id": "c1", "kind": "technology_improvement", "amount_kzt": "20000000.00",
                   "incurred_on": "2015-08-10", "executor": "engineering"}],
    }


def efficiency_facts(name: str, bin_: str) -> dict:
    """Instrument 5a (production-efficiency plan), filed through the NCE."""
    return {
        "application_date": "2016-02-10", "instrument": "5a", "channel": "nce",
        "applicant": {"name": name, "bin": bin_, "oked_codes": ["10.51"], "activity_since": "2012-01-10"},
        "executors": [{"id": "lean", "name": "Lean Consulting Kazakhstan", "service": "efficiency",
                       "experience_years": "5", "past_projects": 7}],
        "costs": [{"id": "c1", "kind": "efficiency_plan_development", "amount_kzt": "9000000.00",
                   "incurred_on": "2015-12-01", "executor": "lean"}],
    }


COMPANIES = [
    # username, person, organisation, BIN, facts, the steps the demo takes (operator unless noted)
    ("asel", ("Әсел", "Байжанова"), "Qarmet Precision LLP", "150940011111", training_facts, [
        ("submit", {}), ("confirm_complete", {}), ("approve", {}),
        ("send_agreement", {"number": "P20-A-2015-0042"}),
        ("return_signed", {"signed_on": "2015-10-05", "statistics_consent": "on"}),
        ("pay", {"paid_on": "2015-10-09", "reference": "PO-2015-10-0917"}),
    ]),
    ("nurlan", ("Нұрлан", "Сейтқали"), "Saryarka Textiles LLP", "151140022222", improvement_facts, [
        ("submit", {}), ("confirm_complete", {}), ("approve", {}),
        ("send_agreement", {"number": "P20-A-2015-0057"}),
        ("return_signed", {"signed_on": "2015-11-20", "statistics_consent": "on"}),
        ("pay", {"paid_on": "2015-11-26", "reference": "PO-2015-11-1204"}),
        ("terminate", {"returned_on": "2016-04-15", "reference": "RET-2016-04-0003",
                       "reason": "The engineering services were not carried out as the acceptance act states "
                                 "(agreement clause on breach, section 5.4 p. 9(3))."}),
    ]),
    ("dana", ("Дана", "Оспанова"), "Ertis Food LLP", "160240033333", efficiency_facts, [
        ("submit", {}), ("register", {"registered_on": "2016-02-16"}),
    ]),
]
OWNER_STEPS = ("submit", "return_signed")


def people() -> dict:
    return {
        "kidi": _user("kidi", "Жанар", "Ермекова", [OPERATOR], is_staff=True),
        "kdbleasing": _user("kdbleasing", "Марат", "Әбенов", [LEASING_OPERATOR], is_staff=True),
        "analyst": _user("analyst", "Әсел", "Құрманова", [ANALYST]),
    }


def load() -> list[str]:
    """Create the programme's demo world; safe to run twice (it then does nothing)."""
    if Organisation.objects.filter(bin=COMPANIES[0][3]).exists():
        return ["productivity demo data already loaded"]
    staff = people()
    done = []
    for username, (first, last), org_name, bin_, make_facts, steps in COMPANIES:
        organisation = Organisation.objects.create(name=org_name, bin=bin_, city="Қарағанды")
        owner = _user(username, first, last, [APPLICANT], organisation=organisation)
        facts = make_facts(org_name, bin_)
        case = create_case(get(workflow_for(facts)), organisation, owner, title=org_name, facts=facts)
        for kind in DOCUMENTS:
            store(case, kind, demo_pdf(kind), owner)
        for action, payload in steps:
            case.refresh_from_db()
            payload = dict(payload)
            reason = payload.pop("reason", "")
            fire(case, action, owner if action in OWNER_STEPS else staff["kidi"], reason=reason, payload=payload)
        case.refresh_from_db()
        done.append(f"{org_name}: {case.state} ({case.number})")
    done.append("Programme operator (KIDI): kidi; leasing operator (KDB-Leasing): kdbleasing; applicants: "
                + ", ".join(c[0] for c in COMPANIES))
    return done
