"""Twenty identical requests at once on the shared case machinery (issue 8, finding 2): creating a case
on one subject, case numbers, firing an action (two "submit" at once and more), attaching a document and
voting. Exactly one wins, the others get a clear answer, nothing is duplicated or half-saved, no 500.
Real threads on PostgreSQL or a SQLite file (tests/races.py)."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from techpolicy.casework.engine import DuplicateCase, create_case
from techpolicy.casework.models import Case, Document, Transition, Vote
from techpolicy.services.technopark.demo import demo_pdf, participation_facts
from techpolicy.services.technopark.workflows import PARTICIPATION
from tests import factories
from tests.races import N, at_once, concurrent_writers, no_server_errors, post_at_once, posts_at_once

pytestmark = [pytest.mark.django_db(transaction=True), concurrent_writers]


def en(name, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


def create_participation(user):
    organisation = user.organisation
    return create_case(PARTICIPATION, organisation, user, title=organisation.name,
                       facts=participation_facts(organisation.name, organisation.bin, "S-01", timezone.localdate()))


def test_finding2_twenty_creations_on_one_subject_make_one_case(owner):
    outcomes = at_once(lambda i: create_participation(owner))
    cases = [o for o in outcomes if isinstance(o, Case)]
    duplicates = [o for o in outcomes if isinstance(o, DuplicateCase)]
    assert (len(cases), len(duplicates)) == (1, N - 1), [o for o in outcomes if not isinstance(o, Case | DuplicateCase)]
    assert {d.existing.pk for d in duplicates} == {cases[0].pk}
    assert Case.objects.filter(organisation=owner.organisation).count() == 1
    assert Transition.objects.filter(case__organisation=owner.organisation).count() == 1  # no orphan log


def test_finding2_twenty_creations_at_once_get_consecutive_numbers_without_failing():
    applicants = [factories.make_applicant() for _ in range(N)]
    outcomes = at_once(lambda i: create_participation(applicants[i]))
    assert all(isinstance(o, Case) for o in outcomes), [o for o in outcomes if not isinstance(o, Case)][:3]
    year = timezone.localdate().year
    assert sorted(o.number for o in outcomes) == [f"AH-{year}-{n:05d}" for n in range(1, N + 1)]


def test_finding2_twenty_submits_of_one_draft_fire_it_once(draft_case, owner):
    url = en("casework:fire", draft_case.number, "submit")
    answers = no_server_errors(post_at_once(owner, url, {"version": draft_case.version}))
    done = [a for a in answers if a.said("success")]
    assert len(done) == 1
    assert all(a.said("error") for a in answers if a not in done)  # the others are told why
    draft_case.refresh_from_db()
    assert (draft_case.state, draft_case.version) == ("submitted", 2)
    assert draft_case.transitions.filter(action="submit").count() == 1
    assert draft_case.verdict is not None  # the effect ran once, with the transition


def test_finding2_a_submit_and_a_withdrawal_at_once_take_one_effect(owner):
    """Two different actions on one draft at the same moment: one of them, never both."""
    case = factories.make_participation_case(owner)
    body = {"version": case.version}
    answers = no_server_errors(posts_at_once([(owner, en("casework:fire", case.number, "submit"), body),
                                              (owner, en("casework:fire", case.number, "withdraw"), body)]))
    assert sorted(len(a.said("success")) for a in answers) == [0, 1]
    case.refresh_from_db()
    assert case.state in ("submitted", "withdrawn") and case.version == 2
    assert case.transitions.exclude(action="create").count() == 1


def test_finding2_twenty_uploads_of_one_kind_leave_one_current_document(owner):
    case = factories.make_participation_case(owner, documents=False)
    answers = no_server_errors(post_at_once(owner, en("casework:upload", case.number),
                                            lambda: {"kind": "business_plan", "file": demo_pdf("plan")}))
    assert all(a.status == 302 and a.said("success") for a in answers)
    documents = Document.objects.filter(case=case, kind="business_plan")
    assert documents.count() == N  # every version kept ...
    assert documents.filter(superseded=False).count() == 1  # ... and exactly one of them current


def test_finding2_twenty_identical_votes_are_counted_once(owner, secretariat, commission):
    _commission, members = commission
    case = factories.drive_participation(factories.make_participation_case(owner), "commission", owner,
                                         secretariat)
    answers = no_server_errors(post_at_once(members[0], en("casework:vote", case.number),
                                            {"value": "for", "reason": "Meets paragraph 7."}))
    assert len([a for a in answers if a.said("success")]) == 1
    assert all("already voted" in " ".join(a.said("error")) for a in answers if not a.said("success"))
    assert Vote.objects.filter(case=case).count() == 1
