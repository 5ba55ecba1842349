"""Meetings of a commission ("комиссия отырысы"): the agenda of cases it considers, who was present,
and the minutes printed from them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .commission import Commission, CommissionMember


class Meeting(models.Model):
    PLANNED, HELD, CLOSED = "planned", "held", "closed"
    STATUSES = [(PLANNED, _("planned")), (HELD, _("held")), (CLOSED, _("closed"))]

    commission = models.ForeignKey(Commission, on_delete=models.PROTECT, related_name="meetings")
    number = models.PositiveIntegerField(_("number"))  # consecutive per commission, given on creation
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=300)
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, default=PLANNED)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # Closing is irreversible: the minutes are final and nothing on the meeting changes any more.
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+")
    # What the minutes print, fixed when the meeting is closed (`commissions.minutes.minutes_data`):
    # a vote recorded later in the same round does not rewrite the minutes of a closed meeting.
    minutes = models.JSONField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("commission meeting")
        verbose_name_plural = _("commission meetings")
        ordering = ["-date", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["commission", "number"], name="one_meeting_number_per_commission")
        ]

    def __str__(self) -> str:
        return f"{self.commission.key} No. {self.number}"


class MeetingItem(models.Model):
    """A case on the meeting's agenda, in the round of voting it is considered in."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="items")
    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="meeting_items")
    round = models.PositiveSmallIntegerField()
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["added_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "case", "round"], name="one_item_per_case_round")]


class MeetingAttendance(models.Model):
    """A member present at the meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="attendance")
    member = models.ForeignKey(CommissionMember, on_delete=models.PROTECT, related_name="attendance")

    class Meta:
        verbose_name = _("member present at a meeting")
        verbose_name_plural = _("members present at meetings")
        constraints = [models.UniqueConstraint(fields=["meeting", "member"], name="one_attendance_per_member")]
