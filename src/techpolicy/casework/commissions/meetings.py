"""Meetings of a commission: planned with a number, a date and a place; the cases on its agenda
(each in the round it is considered in); who was present; held; closed for good.

Only cases in an agenda state of a workflow bound to the commission may be put on its agenda.
Every change takes a row lock on the meeting and checks its status, so a meeting closed by one
secretary cannot be changed by another's form posted a moment later.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Case, Commission, CommissionMember, Meeting, MeetingAttendance, MeetingItem
from ..workflow import Workflow, all_workflows
from .minutes import minutes_data
from .rounds import agenda_round

PLACE_MAX = 300
MAX_ITEMS = 200  # cases on one meeting's agenda
# A meeting is dated within this many years of today: a typo such as 0202 or 20266 is refused.
YEARS_AROUND = 10


class MeetingError(Exception):
    """A change a meeting refuses; the message says why, in the user's language."""


def bound_workflows(commission: Commission) -> list[Workflow]:
    """The workflows whose agenda is this commission's (`Workflow.commission`)."""
    return [w for w in all_workflows() if w.commission == commission.key and w.agenda_states()]


def agenda_candidates(commission: Commission):
    """The cases that may be put on the commission's meetings now: in an agenda state of a
    workflow bound to it."""
    on_agenda = Q(pk__in=[])
    for workflow in bound_workflows(commission):
        on_agenda |= Q(workflow=workflow.id, state__in=workflow.agenda_states())
    return Case.objects.filter(on_agenda).select_related("organisation").order_by("due_on", "pk")


def _check_date(date: dt.date | None) -> dt.date:
    today = timezone.localdate()
    if date is None:
        raise MeetingError(_("Give the date of the meeting."))
    if abs(date.year - today.year) > YEARS_AROUND:
        raise MeetingError(_("The date of the meeting is not plausible."))
    return date


def create_meeting(commission: Commission, user, date: dt.date | None, place: str) -> Meeting:
    """A planned meeting with the next number of the commission."""
    date = _check_date(date)
    place = (place or "").strip()
    if not place:
        raise MeetingError(_("Give the place of the meeting."))
    if len(place) > PLACE_MAX:
        raise MeetingError(_("The place is too long: at most %(max)s characters.") % {"max": PLACE_MAX})
    for _attempt in range(3):  # a number taken by a meeting created at the same moment: take the next
        try:
            with transaction.atomic():
                # The commission's row lock makes concurrent creations queue for their number.
                Commission.objects.select_for_update().filter(pk=commission.pk).first()
                last = Meeting.objects.filter(commission=commission).aggregate(n=Max("number"))["n"] or 0
                return Meeting.objects.create(commission=commission, number=last + 1, date=date, place=place,
                                              created_by=user)
        except IntegrityError:
            continue
    raise MeetingError(_("The meeting could not be numbered; try again."))


def _locked(meeting: Meeting, *allowed: str) -> Meeting:
    current = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if current.status not in allowed:
        if current.status == Meeting.CLOSED:
            raise MeetingError(_("The meeting is closed; its minutes can no longer change."))
        raise MeetingError(_("This cannot be done in the meeting's present status."))
    return current


def add_item(meeting: Meeting, case: Case) -> MeetingItem:
    """Put a case on the meeting's agenda, in the round it is in now."""
    with transaction.atomic():
        current = _locked(meeting, Meeting.PLANNED, Meeting.HELD)
        if not agenda_candidates(current.commission).filter(pk=case.pk).exists():
            raise MeetingError(_("Only a case on this commission's agenda can be put on its meeting."))
        if current.items.count() >= MAX_ITEMS:
            raise MeetingError(_("The meeting's agenda is full."))
        round_ = agenda_round(case)
        if current.items.filter(case=case, round=round_).exists():
            raise MeetingError(_("The case is already on this meeting's agenda."))
        try:
            with transaction.atomic():
                return MeetingItem.objects.create(meeting=current, case=case, round=round_)
        except IntegrityError:
            raise MeetingError(_("The case is already on this meeting's agenda.")) from None


def remove_item(meeting: Meeting, item_pk: int) -> None:
    """Take a case off the agenda of a meeting that has not been held yet."""
    with transaction.atomic():
        current = _locked(meeting, Meeting.PLANNED)
        deleted, _rows = current.items.filter(pk=item_pk).delete()
        if not deleted:
            raise MeetingError(_("That case is not on this meeting's agenda."))


def attendable(meeting: Meeting):
    """The members who can be recorded present: the commission's active members and those on the
    roll of a round on the meeting's agenda (a member who left after it opened keeps that round)."""
    rounds = Q(pk__in=[])
    for item in meeting.items.all():
        rounds |= Q(rolls__case_id=item.case_id, rolls__round=item.round)
    return (CommissionMember.objects.filter(commission=meeting.commission)
            .filter(Q(active=True) | rounds).distinct().order_by("full_name"))


def record_attendance(meeting: Meeting, member_ids) -> int:
    """The members present (replacing the earlier record); returns how many."""
    try:
        wanted = {int(pk) for pk in member_ids}
    except (TypeError, ValueError):
        raise MeetingError(_("Choose the members present from the list.")) from None
    with transaction.atomic():
        current = _locked(meeting, Meeting.PLANNED, Meeting.HELD)
        allowed = set(attendable(current).values_list("pk", flat=True))
        if not wanted <= allowed:
            raise MeetingError(_("Choose the members present from the list."))
        current.attendance.exclude(member_id__in=wanted).delete()
        have = set(current.attendance.values_list("member_id", flat=True))
        MeetingAttendance.objects.bulk_create(
            [MeetingAttendance(meeting=current, member_id=pk) for pk in sorted(wanted - have)])
        return len(wanted)


def mark_held(meeting: Meeting) -> Meeting:
    with transaction.atomic():
        current = _locked(meeting, Meeting.PLANNED)
        current.status = Meeting.HELD
        current.save(update_fields=["status"])
        return current


def close_meeting(meeting: Meeting, user) -> Meeting:
    """Close a held meeting for good: its agenda, attendance and minutes no longer change."""
    with transaction.atomic():
        current = _locked(meeting, Meeting.HELD)
        current.status, current.closed_at, current.closed_by = Meeting.CLOSED, timezone.now(), user
        current.minutes = minutes_data(current)
        current.save(update_fields=["status", "closed_at", "closed_by", "minutes"])
        return current
