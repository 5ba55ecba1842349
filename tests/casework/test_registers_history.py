"""Public registers answer "was X on the register on date D, and on what basis?" from the entries'
append-only history (issue 9, part 1, item 3). The technopark's list of participants (seed 001)
is the register here: entered on p.20 (requirement 001.p20), changed on p.9-1 and p.36, removed
on p.41 (001.p41); every change carries the paragraph and decision it rests on."""

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from techpolicy.casework import registers
from techpolicy.casework.engine import WorkflowError
from techpolicy.casework.models import Decision, RegisterEntry, RegisterEvent
from techpolicy.casework.models.case import AppendOnlyError
from techpolicy.services.technopark import participants
from techpolicy.services.technopark.participants import ACTIVITY_CHANGE, ENTRY, EXTENSION, PARTICIPANTS, TERMINATION
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate
DAY = dt.timedelta(days=1)


def _enter(on: dt.date, name: str = "Alpha LLP", activity_types=("S-01",), until: dt.date | None = None):
    organisation = factories.make_organisation(name=name)
    owner = factories.make_applicant(organisation)
    case = factories.make_case(organisation, owner, state="registered")
    until = until or on + dt.timedelta(days=3 * 365)
    certificate = factories.make_certificate(case, valid_from=on, valid_until=until,
                                             activity_types=list(activity_types))
    return registers.enter(PARTICIPANTS, on=on, citation=ENTRY, organisation=organisation, case=case,
                           certificate=certificate, name=name, bin=organisation.bin,
                           data={"activity_types": list(activity_types)}, valid_from=on, valid_until=until)


def _decision(entry: RegisterEntry, kind: str) -> Decision:
    return Decision.objects.create(case=entry.case, kind=kind, outcome="approved", basis=["001"],
                                   decided_at=timezone.now(), recorded_by=entry.case.created_by)


# --- the as-of answer -------------------------------------------------------------------------------


def test_001_p20_p41_entered_on_d1_terminated_on_d2():
    d1, d2 = TODAY() - dt.timedelta(days=100), TODAY() - dt.timedelta(days=10)
    entry = _enter(d1)
    registers.end(entry, on=d2, citation=TERMINATION, decision=_decision(entry, "termination"))

    before = registers.entry_as_of(entry, d1 - DAY)
    assert (before.on_register, before.status, before.basis) == (False, "absent", None)
    for day in (d1, d1 + DAY, d2 - DAY):
        answer = registers.entry_as_of(entry, day)
        assert (answer.on_register, answer.status, answer.basis.ref, answer.basis_on) == (True, "active", "001 p.20",
                                                                                         d1), day
    after = registers.entry_as_of(entry, d2)
    assert (after.on_register, after.status, after.basis.ref, after.basis_on) == (False, "terminated", "001 p.41", d2)
    assert after.decision.kind == "termination"
    assert registers.entry_as_of(entry, TODAY()).basis.ref == "001 p.41"


def test_001_p20_p41_the_register_as_of_a_date_lists_what_it_held():
    d1, d2 = TODAY() - dt.timedelta(days=100), TODAY() - dt.timedelta(days=10)
    alpha = _enter(d1, "Alpha LLP")
    registers.end(alpha, on=d2, citation=TERMINATION)
    _enter(d2, "Beta LLP")

    def held(on):
        return sorted((e.name, e.status, e.citation) for e in registers.as_of(PARTICIPANTS, on))

    assert held(d1 - DAY) == []
    assert held(d2 - DAY) == [("Alpha LLP", "active", "001 p.20")]
    assert held(d2) == [("Alpha LLP", "terminated", "001 p.41"), ("Beta LLP", "active", "001 p.20")]


def test_001_p20_an_entry_whose_period_ended_is_off_the_register_as_expired():
    start = TODAY() - dt.timedelta(days=400)
    entry = _enter(start, until=start + dt.timedelta(days=365))
    assert registers.entry_as_of(entry, start + dt.timedelta(days=365)).on_register
    lapsed = registers.entry_as_of(entry, start + dt.timedelta(days=366))
    assert (lapsed.on_register, lapsed.status, lapsed.basis.ref) == (False, "expired", "001 p.20")


def test_001_p20_standing_by_natural_key_the_organisation():
    d1 = TODAY() - dt.timedelta(days=50)
    entry = _enter(d1)
    assert entry.key == str(entry.organisation_id)
    answer = registers.standing(PARTICIPANTS, entry.key, d1)
    assert (answer.on_register, answer.basis.ref) == (True, "001 p.20")
    assert registers.standing(PARTICIPANTS, entry.key, d1 - DAY).status == "absent"
    assert registers.standing(PARTICIPANTS, "no-such-key", d1).status == "absent"


# --- history kept on change ---------------------------------------------------------------------------


def test_001_p9_1_and_p36_history_is_kept_on_change():
    d1, d2, d3 = TODAY() - dt.timedelta(days=300), TODAY() - dt.timedelta(days=200), TODAY() - dt.timedelta(days=5)
    entry = _enter(d1, activity_types=("S-01",), until=d1 + dt.timedelta(days=365))
    first_end = entry.valid_until
    registers.change(entry, on=d2, citation=ACTIVITY_CHANGE, decision=_decision(entry, "activity_change"),
                     data={"activity_types": ["S-01", "S-02"]})
    new_end = first_end + dt.timedelta(days=3 * 365)
    registers.change(entry, on=d3, citation=EXTENSION, decision=_decision(entry, "extension"), valid_until=new_end)

    entry.refresh_from_db()
    assert (entry.data, entry.valid_until, entry.basis_citation, entry.basis_on) == (
        {"activity_types": ["S-01", "S-02"]}, new_end, "001 p.36", d3)
    assert [(e.kind, e.on, e.citation) for e in registers.history(entry)] == [
        ("entered", d1, "001 p.20"), ("changed", d2, "001 p.9-1"), ("changed", d3, "001 p.36")]
    assert registers.entry_as_of(entry, d2 - DAY).event.data == {"activity_types": ["S-01"]}
    assert registers.entry_as_of(entry, d2).event.data == {"activity_types": ["S-01", "S-02"]}
    assert registers.entry_as_of(entry, d3 - DAY).event.valid_until == first_end
    assert registers.entry_as_of(entry, d3).event.valid_until == new_end


def test_the_history_is_append_only():
    entry = _enter(TODAY())
    event = entry.events.get()
    event.citation = "001 p.41"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        RegisterEvent.objects.filter(entry=entry).update(citation="001 p.41")
    with pytest.raises(AppendOnlyError):
        event.delete()


def test_two_changes_on_one_day_the_later_one_answers():
    entry = _enter(TODAY() - dt.timedelta(days=3))
    registers.change(entry, on=TODAY(), citation=ACTIVITY_CHANGE, data={"activity_types": ["S-02"]})
    registers.change(entry, on=TODAY(), citation=ACTIVITY_CHANGE, data={"activity_types": ["S-03"]})
    assert registers.entry_as_of(entry, TODAY()).event.data == {"activity_types": ["S-03"]}
    assert registers.as_of(PARTICIPANTS, TODAY()).count() == 1


# --- what a register records, and on what basis, is its declaration -----------------------------------


def test_only_a_declared_paragraph_enters_changes_or_removes_an_entry():
    entry = _enter(TODAY() - DAY)
    with pytest.raises(registers.UndeclaredBasis):
        registers.change(entry, on=TODAY(), citation="001 p.41", valid_until=TODAY())
    with pytest.raises(registers.UndeclaredBasis):
        registers.end(entry, on=TODAY(), citation="001 p.20")
    with pytest.raises(registers.UndeclaredBasis):
        registers.enter(PARTICIPANTS, on=TODAY(), citation="001 p.36", name="X")
    with pytest.raises(ValueError, match="termination"):  # p.41 is applied by a termination decision
        registers.end(entry, on=TODAY(), citation=TERMINATION, decision=_decision(entry, "extension"))
    assert entry.events.count() == 1


def test_only_declared_columns_are_published():
    entry = _enter(TODAY() - DAY)
    with pytest.raises(ValueError, match="publishes no columns"):
        registers.change(entry, on=TODAY(), citation=ACTIVITY_CHANGE, data={"secret": "x"})
    with pytest.raises(ValueError, match="cannot set"):
        registers.change(entry, on=TODAY(), citation=ACTIVITY_CHANGE, status="active")


def test_changes_are_recorded_in_order_and_never_ahead_of_today():
    entry = _enter(TODAY() - dt.timedelta(days=10))
    with pytest.raises(ValueError, match="takes effect"):
        registers.change(entry, on=TODAY() + DAY, citation=ACTIVITY_CHANGE, data={"activity_types": ["S-02"]})
    with pytest.raises(ValueError, match="cannot precede"):
        registers.change(entry, on=TODAY() - dt.timedelta(days=11), citation=ACTIVITY_CHANGE,
                         data={"activity_types": ["S-02"]})
    registers.end(entry, on=TODAY(), citation=TERMINATION)
    with pytest.raises(ValueError, match="removed"):
        registers.change(entry, on=TODAY(), citation=ACTIVITY_CHANGE, data={"activity_types": ["S-02"]})
    with pytest.raises(ValueError, match="already removed"):
        registers.end(entry, on=TODAY(), citation=TERMINATION)


def test_001_p20_one_current_entry_per_organisation_and_a_new_one_after_removal():
    entry = _enter(TODAY() - dt.timedelta(days=10))
    again = dict(organisation=entry.organisation, case=entry.case, name=entry.name, bin=entry.bin,
                 data={"activity_types": ["S-01"]}, valid_from=TODAY(), valid_until=TODAY() + dt.timedelta(days=365))
    with pytest.raises(registers.DuplicateEntry) as refused:
        registers.enter(PARTICIPANTS, on=TODAY(), citation=ENTRY, **again)
    assert isinstance(refused.value, WorkflowError) and refused.value.existing == entry
    assert "20" in str(refused.value)  # the refusal names the paragraph
    registers.end(entry, on=TODAY(), citation=TERMINATION)
    second = registers.enter(PARTICIPANTS, on=TODAY(), citation=ENTRY, **again)
    assert registers.standing(PARTICIPANTS, entry.key, TODAY()).event.entry_id == second.pk


def test_the_register_is_declared_with_its_citations():
    assert participants.REGISTER == PARTICIPANTS.key == "technopark.participants"
    assert registers.get("technopark.participants") is PARTICIPANTS
    assert [c.ref for c in PARTICIPANTS.publication] == ["001 p.21"]
    assert {(b.event, b.citation.ref, b.decision_kind) for b in PARTICIPANTS.bases} == {
        ("enter", "001 p.20", "admission"), ("change", "001 p.9-1", "activity_change"),
        ("change", "001 p.36", "extension"), ("end", "001 p.41", "termination")}
    with pytest.raises(registers.UnknownRegister):
        registers.get("no.such.register")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plan")
def test_the_as_of_list_is_read_in_its_order_from_the_history_index():
    # Without statistics SQLite would read every state up to the date through the index of dates and
    # sort them all before the first row (seconds for a long register); the list walks the index
    # (register, name, entry) instead, so its first page and its keyset pages read a page's worth.
    from techpolicy.casework.registers.queries import listing

    factories.make_participant(name="Alpha LLP")
    rows = listing(PARTICIPANTS, {"as_of": TODAY().isoformat(), "status": "all"}).rows[:26]
    sql, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " | ".join(row[3] for row in cursor.fetchall())
    assert "casework_rev_register_name" in plan and "TEMP B-TREE FOR ORDER BY" not in plan, plan
    assert [r["name"] for r in rows] == ["Alpha LLP"]
