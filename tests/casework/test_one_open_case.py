"""One open case per organisation, workflow and subject, kept by the database (issue 8, finding 2),
and case numbers from a counter per prefix and year. On both databases; the same guarantees under
twenty threads at once are in test_races.py (PostgreSQL)."""

import importlib

import pytest
from django.apps import apps
from django.db import IntegrityError, transaction
from django.utils import timezone

from techpolicy.casework import engine
from techpolicy.casework.engine import ConcurrentChange, DuplicateCase, create_case, fire, open_case, save_facts
from techpolicy.casework.models import Case
from techpolicy.casework.models.case import CaseNumberCounter
from techpolicy.casework.workflow import OWNER, Action, State, Workflow, all_workflows
from techpolicy.services.productivity.workflows import DIRECT
from techpolicy.services.technopark.demo import participation_facts
from techpolicy.services.technopark.workflows import EXTENSION, PARTICIPATION, SERVICES, TERMINATION
from tests import factories
from tests.productivity.helpers import improvement, training
from tests.technopark.test_workflow_services import services_facts

pytestmark = pytest.mark.django_db


def participation(user) -> Case:
    organisation = user.organisation
    return create_case(PARTICIPATION, organisation, user, title=organisation.name,
                       facts=participation_facts(organisation.name, organisation.bin, "S-01", timezone.localdate()))


def test_finding2_every_workflow_states_how_many_open_cases_its_rules_allow():
    """A workflow left without a rule would be unguarded against twenty parallel posts."""
    assert {w.id for w in all_workflows() if w.one_open_per is None} == set()


def test_finding2_p7_a_second_participation_application_of_one_organisation_is_refused(owner, other_applicant):
    first = participation(owner)
    with pytest.raises(DuplicateCase) as refused:
        participation(owner)
    assert refused.value.existing == first
    assert first.number in str(refused.value)
    assert Case.objects.filter(organisation=owner.organisation).count() == 1
    assert participation(other_applicant).organisation == other_applicant.organisation  # another organisation


def test_finding2_the_database_itself_refuses_a_second_open_case_on_the_subject(owner):
    """Bypassing the engine's look-up (as a racing request does) meets the constraint."""
    first = participation(owner)
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.create(number="AH-1999-00001", workflow=first.workflow, organisation=first.organisation,
                            created_by=owner, state="draft", state_entered_at=timezone.now(),
                            subject=first.subject)


def test_finding2_a_case_in_a_final_state_frees_its_subject(owner):
    first = participation(owner)
    fire(first, "withdraw", owner)
    first.refresh_from_db()
    assert first.open is False
    second = participation(owner)
    assert second.open and open_case(PARTICIPATION, owner.organisation) == second


def test_finding2_p36_p41_one_open_follow_up_of_each_kind_per_participation(secretariat):
    user, parent, _certificate, _entry = factories.make_participant()
    _other_user, other_parent, _c, _e = factories.make_participant()
    extension = create_case(EXTENSION, parent.organisation, user, facts={}, parent=parent)
    with pytest.raises(DuplicateCase) as refused:
        create_case(EXTENSION, parent.organisation, user, facts={"participation_end": "2030-01-01"}, parent=parent)
    assert refused.value.existing == extension
    # Another kind of follow-up, or the follow-up of another participation, is a case of its own.
    create_case(TERMINATION, parent.organisation, secretariat, facts={"grounds": ["39(1)"]}, parent=parent)
    create_case(EXTENSION, other_parent.organisation, user, facts={}, parent=other_parent)
    with pytest.raises(DuplicateCase):
        create_case(TERMINATION, parent.organisation, secretariat, facts={"grounds": ["39(2)"]}, parent=parent)


def test_finding2_p48_one_open_services_application_per_participation_and_project(owner):
    create_case(SERVICES, owner.organisation, owner, facts=services_facts())
    same_project = services_facts()
    same_project["project"]["name"] = "  qazaq   OCR "  # the same name, typed otherwise
    with pytest.raises(DuplicateCase):
        create_case(SERVICES, owner.organisation, owner, facts=same_project)
    other_project = services_facts()
    other_project["project"]["name"] = "Qazaq Speech"
    assert create_case(SERVICES, owner.organisation, owner, facts=other_project).state == "draft"


def test_finding2_004_several_applications_but_not_the_same_one_twice(owner):
    """004 lets one applicant receive several instruments: only identical facts are a duplicate."""
    first = create_case(DIRECT, owner.organisation, owner, facts=training(owner))
    with pytest.raises(DuplicateCase) as refused:
        create_case(DIRECT, owner.organisation, owner, facts=training(owner))
    assert refused.value.existing == first
    assert create_case(DIRECT, owner.organisation, owner, facts=improvement(owner)).state == "draft"


def test_finding2_an_edit_making_an_application_the_same_as_another_open_one_is_refused(owner):
    first = create_case(DIRECT, owner.organisation, owner, facts=training(owner))
    second = create_case(DIRECT, owner.organisation, owner, facts=improvement(owner))
    with pytest.raises(DuplicateCase) as refused:
        save_facts(second, training(owner), second.version, ("draft",))
    assert refused.value.existing == first
    second.refresh_from_db()
    assert second.facts == improvement(owner) and second.version == 1
    with pytest.raises(ConcurrentChange):
        save_facts(second, improvement(owner) | {"note": "x"}, second.version - 1, ("draft",))
    save_facts(first, training(owner) | {"note": "edited"}, first.version, ("draft",))
    assert create_case(DIRECT, owner.organisation, owner, facts=training(owner)).state == "draft"  # freed


def test_a_workflow_cannot_leave_a_final_state():
    """`Case.open` only goes from True to False, so a closed case can never collide with a newer one."""
    states = (State("draft", "Draft", "Draft", OWNER), State("done", "Done", "Done", "", final=True))
    with pytest.raises(ValueError, match="leaves a final state"):
        Workflow("test.reopen", "Test", "T", "draft", states,
                 (Action("reopen", ("done",), "draft", OWNER, "Reopen"),))


# --- case numbers -------------------------------------------------------------------------------

def test_finding2_numbers_are_consecutive_per_prefix_and_year():
    year = timezone.localdate().year
    numbers = [participation(factories.make_applicant()).number for _ in range(3)]
    assert numbers == [f"AH-{year}-{n:05d}" for n in (1, 2, 3)]
    counter = CaseNumberCounter.objects.get(prefix="AH", year=year)
    assert counter.last == 3


def test_finding2_a_request_past_the_look_up_meets_the_constraint_and_gives_its_number_back(owner, monkeypatch):
    """As a racing request does: the look-up before the insert finds nothing (the other case is not yet
    committed), the unique constraint refuses the insert, and the rolled-back number is given again."""
    year = timezone.localdate().year
    first = participation(owner)
    real = engine._open_on
    looked = []

    def not_yet_committed(*args, **kwargs):
        looked.append(args)
        return None if len(looked) == 1 else real(*args, **kwargs)

    monkeypatch.setattr(engine, "_open_on", not_yet_committed)
    with pytest.raises(DuplicateCase) as refused:
        participation(owner)
    assert refused.value.existing == first and len(looked) == 2
    assert participation(factories.make_applicant()).number == f"AH-{year}-00002"


def test_numbers_continue_after_those_given_before_the_counter_and_skip_taken_ones(owner):
    year = timezone.localdate().year
    factories.make_case(owner.organisation, owner, number=f"AH-{year}-00041")
    assert participation(factories.make_applicant()).number == f"AH-{year}-00042"
    factories.make_case(owner.organisation, owner, number=f"AH-{year}-00043")  # written past the counter
    assert participation(factories.make_applicant()).number == f"AH-{year}-00044"


# --- the migration that fills existing rows -----------------------------------------------------

def test_finding2_the_migration_fills_open_subject_and_counters_and_keeps_older_duplicates(owner, secretariat):
    year = timezone.localdate().year
    older = factories.make_case(owner.organisation, owner, number=f"AH-{year}-00007")
    newer = factories.make_case(owner.organisation, owner, number=f"AH-{year}-00009")  # left by an earlier race
    refused = factories.make_case(owner.organisation, owner, number=f"AH-{year}-00003", state="refused")
    assert older.subject is None and refused.open  # as rows stood before the migration
    migration = importlib.import_module("techpolicy.casework.migrations.0004_case_subject_open_and_number_counter")
    migration.fill_cases_and_counters(apps, None)
    for case in (older, newer, refused):
        case.refresh_from_db()
    assert (older.open, older.subject) == (True, "organisation")
    assert (newer.open, newer.subject) == (True, None)  # still open for staff to close, not guarded
    assert (refused.open, refused.subject) == (False, None)
    assert CaseNumberCounter.objects.get(prefix="AH", year=year).last == 9
