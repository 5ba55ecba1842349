"""Participation workflow after approval (seed 001 p.18, p.20-21): sign_contract with its date
guard, issue_certificate with a unique number, enter_register creating the register entry."""

import datetime as dt

import pytest
from django.utils import timezone, translation

from techpolicy.casework.engine import WorkflowError, fire
from techpolicy.casework.models import Certificate, Contract, RegisterEntry
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def refused(case, action, actor, **kwargs) -> str:
    with translation.override("en"), pytest.raises(WorkflowError) as info:
        fire(case, action, actor, **kwargs)
    return str(info.value)


@pytest.fixture
def approved_case(owner, secretariat, commission):
    _commission, voters = commission
    return factories.drive_participation(factories.make_participation_case(owner), "approved", owner,
                                         secretariat, voters)


def _dated(payload: dict) -> dict:
    """Turns whole-number day offsets into ISO dates at run time, not at collection: a run that
    crosses midnight in Almaty would otherwise test "tomorrow" against a today that has caught up."""
    today = TODAY()
    return {key: (today + dt.timedelta(days=value)).isoformat() if isinstance(value, int) else value
            for key, value in payload.items()}


# --- sign_contract (p.18) ---------------------------------------------------------------------------

BAD_CONTRACTS = [
    # payload (dates as day offsets from today), words of the refusal
    ({"number": "C-1", "valid_from": 0, "valid_until": 365}, "as dates"),  # no signing date
    ({"number": "C-1", "signed_on": "21.11.2026", "valid_from": 0, "valid_until": 9}, "as dates"),
    ({"number": "C-1", "signed_on": 0, "valid_from": 0, "valid_until": 0}, "end after"),
    ({"number": "C-1", "signed_on": 0, "valid_from": 10, "valid_until": 5}, "end after"),
    ({"number": "C-1", "signed_on": 1, "valid_from": 1, "valid_until": 365}, "future"),
    ({"number": "  ", "signed_on": 0, "valid_from": 0, "valid_until": 365}, "contract number"),
]


@pytest.mark.parametrize(("payload", "words"), BAD_CONTRACTS)
def test_p18_sign_contract_refuses_invalid_dates_and_numbers(approved_case, secretariat, payload, words):
    assert words in refused(approved_case, "sign_contract", secretariat, payload=_dated(payload))
    approved_case.refresh_from_db()
    assert approved_case.state == "approved"
    assert not Contract.objects.filter(case=approved_case).exists()


def test_p18_sign_contract_records_the_contract(approved_case, secretariat):
    signed = TODAY() - dt.timedelta(days=2)
    payload = factories.contract_payload(signed, years=3, number=" AH-77 ")
    case = fire(approved_case, "sign_contract", secretariat, payload=payload)
    assert case.state == "contract"
    contract = Contract.objects.get(case=case)
    assert contract.number == "AH-77"
    assert contract.signed_on == signed
    assert contract.valid_from == signed
    assert contract.valid_until == signed + dt.timedelta(days=365 * 3)


# --- issue_certificate (p.18) ---------------------------------------------------------------------

def test_p18_issue_certificate_from_the_contract(approved_case, secretariat):
    case = fire(approved_case, "sign_contract", secretariat, payload=factories.contract_payload())
    case = fire(case, "issue_certificate", secretariat)
    assert case.state == "certificate_issued"
    certificate = Certificate.objects.get(case=case)
    assert certificate.kind == "technopark.registration"
    assert certificate.number == f"AH-C-{TODAY().year}-000001"
    assert certificate.issued_on == TODAY()
    assert (certificate.valid_from, certificate.valid_until) == (case.contract.valid_from,
                                                                 case.contract.valid_until)
    assert certificate.activity_types == ["S-01"]
    assert certificate.organisation == case.organisation


def test_p18_certificate_numbers_are_unique_and_sequential(secretariat, commission):
    _commission, voters = commission
    numbers = []
    for _ in range(3):
        applicant = factories.make_applicant()
        case = factories.drive_participation(factories.make_participation_case(applicant),
                                             "certificate_issued", applicant, secretariat, voters)
        numbers.append(case.certificates.get().number)
    year = TODAY().year
    assert numbers == [f"AH-C-{year}-00000{n}" for n in (1, 2, 3)]


# --- enter_register (p.20-21) ---------------------------------------------------------------------

def test_p20_enter_register_creates_the_published_entry(owner, secretariat, commission):
    _commission, voters = commission
    case = factories.drive_participation(factories.make_participation_case(owner), "registered", owner,
                                         secretariat, voters)
    assert case.state == "registered"
    entry = RegisterEntry.objects.get(case=case)
    certificate = case.certificates.get()
    assert entry.register == "technopark.participants"
    assert entry.certificate == certificate
    assert (entry.name, entry.bin) == (owner.organisation.name, owner.organisation.bin)
    assert entry.data["activity_types"] == ["S-01"]
    assert (entry.valid_from, entry.valid_until) == (certificate.valid_from, certificate.valid_until)
    assert entry.entered_on == TODAY()
    assert entry.status == RegisterEntry.STATUS_ACTIVE


def test_p18_enter_register_refused_without_a_certificate(owner, secretariat):
    case = factories.make_case(owner.organisation, owner, state="certificate_issued")
    assert "paragraph 18" in refused(case, "enter_register", secretariat)
    assert not RegisterEntry.objects.filter(case=case).exists()


def test_full_path_logs_every_step_in_order(owner, secretariat, commission):
    _commission, voters = commission
    case = factories.drive_participation(factories.make_participation_case(owner), "registered", owner,
                                         secretariat, voters)
    assert list(case.transitions.values_list("action", "to_state")) == [
        ("create", "draft"), ("submit", "submitted"), ("take_for_review", "completeness_review"),
        ("send_to_commission", "commission"), ("approve", "approved"), ("sign_contract", "contract"),
        ("issue_certificate", "certificate_issued"), ("enter_register", "registered"),
    ]
