"""Plain functions that create the people and records tests need (no fixtures framework).

Shared by every test module: add functions here, do not change or remove others'.
"""

from __future__ import annotations

import datetime as dt
import itertools

from django.contrib.auth.models import Group
from django.utils import timezone

from techpolicy.accounts.models import Organisation, User
from techpolicy.accounts.roles import ADMINISTRATOR, APPLICANT, COMMISSION, SECRETARIAT
from techpolicy.casework.models import Case, Certificate, RegisterEntry

PASSWORD = "correct-horse-battery-staple"
_sequence = itertools.count(1)


def _next() -> int:
    return next(_sequence)


def make_organisation(name: str | None = None, bin: str | None = None, **fields) -> Organisation:
    n = _next()
    return Organisation.objects.create(
        name=name or f"Test Organisation {n}", bin=bin if bin is not None else f"{n:012d}", **fields
    )


def make_user(
    username: str | None = None, organisation: Organisation | None = None, roles=(), **fields
) -> User:
    # Hashing a password is slow; tests sign in with client.force_login unless they pass
    # password=factories.PASSWORD to use the login form.
    user = User.objects.create_user(username or f"user{_next()}", **fields)
    if organisation is not None:
        user.organisation = organisation
        user.save(update_fields=["organisation"])
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


def make_applicant(organisation: Organisation | None = None, username: str | None = None) -> User:
    """A user of an applicant organisation (a new organisation unless one is given)."""
    return make_user(username, organisation=organisation or make_organisation(), roles=[APPLICANT])


def make_secretariat(username: str | None = None) -> User:
    return make_user(username or f"secretariat{_next()}", roles=[SECRETARIAT])


def make_commission_member_user(username: str | None = None) -> User:
    return make_user(username or f"member{_next()}", roles=[COMMISSION])


def make_administrator(username: str | None = None) -> User:
    return make_user(username or f"admin{_next()}", roles=[ADMINISTRATOR])


def make_case(
    organisation: Organisation,
    created_by: User,
    number: str | None = None,
    workflow: str = "technopark.participation",
    state: str = "draft",
    **fields,
) -> Case:
    return Case.objects.create(
        number=number or f"AH-2026-{_next():05d}",
        workflow=workflow,
        organisation=organisation,
        created_by=created_by,
        state=state,
        state_entered_at=fields.pop("state_entered_at", timezone.now()),
        **fields,
    )


def make_certificate(
    case: Case,
    number: str | None = None,
    kind: str = "technopark.registration",
    valid_from: dt.date | None = None,
    valid_until: dt.date | None = None,
    **fields,
) -> Certificate:
    """A certificate of a declared kind (the technopark's registration certificate by default),
    numbered with the kind's prefix."""
    from techpolicy.casework.registry import certificate_kind

    today = timezone.localdate()
    return Certificate.objects.create(
        number=number or f"{certificate_kind(kind).prefix}-{today.year}-{_next():06d}",
        kind=kind,
        case=case,
        organisation=case.organisation,
        issued_on=fields.pop("issued_on", valid_from or today),
        valid_from=valid_from or today - dt.timedelta(days=30),
        valid_until=valid_until or today + dt.timedelta(days=365),
        activity_types=fields.pop("activity_types", ["S-01"]),
        **fields,
    )


def make_register_entry(
    case: Case,
    certificate: Certificate | None = None,
    status: str = RegisterEntry.STATUS_ACTIVE,
    **fields,
) -> RegisterEntry:
    """An entry in the published list of technopark participants (paragraphs 20-21), entered today
    through the register's own helpers (so its history answers as-of questions) and, for a
    terminated one, ended today on paragraph 41."""
    from techpolicy.casework import registers
    from techpolicy.services.technopark import participants

    today = timezone.localdate()
    values = {
        "organisation": case.organisation,
        "case": case,
        "certificate": certificate,
        "name": case.organisation.name,
        "bin": case.organisation.bin or "",
        "data": {"activity_types": list(certificate.activity_types if certificate else ["S-01"])},
        "valid_from": certificate.valid_from if certificate else today - dt.timedelta(days=30),
        "valid_until": certificate.valid_until if certificate else today + dt.timedelta(days=365),
    }
    values.update(fields)
    entry = registers.enter(participants.PARTICIPANTS, on=today, citation=participants.ENTRY, **values)
    if status == RegisterEntry.STATUS_TERMINATED:
        registers.end(entry, on=today, citation=participants.TERMINATION)
    elif status != RegisterEntry.STATUS_ACTIVE:
        # Marked so by hand, as entries were before the register kept its history: the technopark's
        # register declares no decision that lets an entry expire (its period ending does).
        RegisterEntry.objects.filter(pk=entry.pk).update(status=status)
        entry.refresh_from_db()
    return entry


def make_participant(
    name: str | None = None,
    bin: str | None = None,
    status: str = RegisterEntry.STATUS_ACTIVE,
    **entry,
):
    """A registered technopark participant: organisation, its user, a registered case, the
    registration certificate (paragraph 18) and the register entry (paragraphs 20-21).
    Returns (user, case, certificate, entry)."""
    organisation = make_organisation(name=name, bin=bin)
    user = make_applicant(organisation)
    case = make_case(organisation, user, state="registered")
    certificate_fields = {
        k: entry.pop(k)
        for k in ("valid_from", "valid_until", "activity_types", "revoked_on", "number")
        if k in entry
    }
    certificate = make_certificate(case, **certificate_fields)
    register_entry = make_register_entry(case, certificate, status=status, **entry)
    return user, case, certificate, register_entry


# --- technopark casework (seed 001): commission, cases driven through the real workflow --------

SELECTION_COMMISSION_KEY = "technopark-selection"
PARTICIPATION_PATH = (
    "submit", "take_for_review", "send_to_commission", "VOTE", "approve", "sign_contract",
    "issue_certificate", "enter_register",
)


def make_selection_commission(
    members: int = 3,
    quorum: int = 3,
    majority: str = "simple",
    international: bool = True,
):
    """The technopark selection commission of paragraph 13: `members` active members, each a user
    with the commission role and a qualified IT specialist; the first one is an international
    expert unless `international` is False. Returns (commission, [member users])."""
    from techpolicy.casework.models import Commission, CommissionMember

    commission = Commission.objects.create(
        key=SELECTION_COMMISSION_KEY, name="Selection commission (test)", quorum_kind="count",
        quorum_count=quorum, majority=majority, composition="technopark-commission-composition",
    )
    users = []
    for index in range(members):
        user = make_commission_member_user()
        CommissionMember.objects.create(
            commission=commission, user=user, full_name=f"Member {user.username}",
            qualifications=p13_qualifications(international=international and index == 0),
            country="SE" if international and index == 0 else "KZ",
        )
        users.append(user)
    return commission, users


def p13_qualifications(it: bool = True, years: str = "7", state: bool = False, international: bool = False) -> dict:
    """A member's qualifications as the facts of the p.13 composition rule (`CommissionMemberFacts`)."""
    return {"state_body_representative": state, "it_qualified": it, "ict_experience_years": years,
            "international_expert": international}


def make_participation_case(owner: User, facts: dict | None = None, documents: bool = True,
                            state_share: str = "0") -> Case:
    """A draft application to register as a participant (p.7, p.9) created through the engine,
    with valid facts and, unless `documents` is False, the documents paragraph 9 requires."""
    from techpolicy.casework.engine import create_case
    from techpolicy.casework.uploads import store
    from techpolicy.services.technopark.demo import demo_pdf, participation_facts
    from techpolicy.services.technopark.steps import REQUIRED_DOCUMENTS
    from techpolicy.services.technopark.workflows import PARTICIPATION

    organisation = owner.organisation
    if facts is None:
        facts = participation_facts(organisation.name, organisation.bin, "S-01", timezone.localdate(),
                                    state_share=state_share)
    case = create_case(PARTICIPATION, organisation, owner, title=organisation.name, facts=facts)
    if documents:
        for kind in REQUIRED_DOCUMENTS:
            store(case, kind, demo_pdf(kind), owner)
    return case


def contract_payload(signed_on: dt.date | None = None, years: int = 3, number: str = "C-1") -> dict:
    """The fields of the sign_contract action (paragraph 18)."""
    signed = signed_on or timezone.localdate()
    return {"number": number, "signed_on": signed.isoformat(), "valid_from": signed.isoformat(),
            "valid_until": (signed + dt.timedelta(days=365 * years)).isoformat()}


def cast_votes(case: Case, voters, values) -> None:
    """Each voter casts the matching value ("for" / "against" / "abstain") in the current round."""
    from techpolicy.casework.commissions import cast_vote

    for user, value in zip(voters, values, strict=False):
        cast_vote(case, user, value, f"test vote {value}")


def drive_participation(case: Case, target: str, owner: User, secretariat: User, voters=()) -> Case:
    """Fire the actions of PARTICIPATION_PATH until the case reaches `target`; "VOTE" makes every
    voter vote for. Returns the refreshed case."""
    from techpolicy.casework.engine import fire

    for step in PARTICIPATION_PATH:
        case.refresh_from_db()
        if case.state == target:
            return case
        if step == "VOTE":
            cast_votes(case, voters, ["for"] * len(voters))
            continue
        actor = owner if step == "submit" else secretariat
        payload = contract_payload() if step == "sign_contract" else {}
        case = fire(case, step, actor, payload=payload)
    case.refresh_from_db()
    if case.state != target:
        raise ValueError(f"{target!r} is not on the participation path")
    return case


# --- "Productivity 2020" programme (seed 004): operators and cases driven through its workflows ---

def make_operator(username: str | None = None) -> User:
    """Staff of the programme operator (KIDI)."""
    from techpolicy.accounts.roles import OPERATOR

    return make_user(username or f"kidi{_next()}", roles=[OPERATOR])


def make_leasing_operator(username: str | None = None) -> User:
    """Staff of the leasing operator (KDB-Leasing)."""
    from techpolicy.accounts.roles import LEASING_OPERATOR

    return make_user(username or f"kdb{_next()}", roles=[LEASING_OPERATOR])


def make_productivity_case(owner: User, facts: dict) -> Case:
    """A draft application of the programme, in the workflow its instrument and channel choose."""
    from techpolicy.casework.engine import create_case
    from techpolicy.casework.workflow import get
    from techpolicy.services.productivity.instruments import workflow_for

    return create_case(get(workflow_for(facts)), owner.organisation, owner, title=owner.organisation.name,
                       facts=facts)


def drive_productivity(case: Case, steps, owner: User, operator: User) -> Case:
    """Fire (action, payload) steps in order; the applicant's steps by `owner`, others by `operator`.
    A payload may carry "reason"."""
    from techpolicy.casework.engine import fire

    owner_steps = {"submit", "resubmit", "return_signed", "submit_passport", "submit_cpip", "withdraw"}
    for action, payload in steps:
        case.refresh_from_db()
        payload = dict(payload)
        reason = payload.pop("reason", "")
        case = fire(case, action, owner if action in owner_steps else operator, reason=reason, payload=payload)
    return case
