from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from techpolicy.casework.models.case import AppendOnlyModel

from .study import Study

ACCEPTED, PARTLY, REJECTED, NOTED = "accepted", "partly", "rejected", "noted"
RESOLUTIONS = [
    (ACCEPTED, _("Accepted: the draft was corrected")),
    (PARTLY, _("Partly accepted")),
    (REJECTED, _("Not accepted")),
    (NOTED, _("Noted, no correction needed")),
]


# Moderation of public comments: a comment is shown to the public only once an analyst accepts it, and
# a published comment that anyone reports goes back to the queue (hidden) until an analyst decides.
PENDING, PUBLISHED, HIDDEN = "pending", "published", "hidden"
MODERATION = [
    (PENDING, _("Awaiting moderation")),
    (PUBLISHED, _("Published")),
    (HIDDEN, _("Hidden")),
]
PUBLISH, HIDE, REPORT = "publish", "hide", "report"
MODERATION_ACTIONS = [(PUBLISH, _("published")), (HIDE, _("hidden")), (REPORT, _("reported"))]


class DraftVersion(AppendOnlyModel):
    """A published version of the draft results of paragraph 12(1). A correction after the public
    discussion of paragraph 12(2) is a new version; published versions never change."""

    append_only_name = "draft version"

    study = models.ForeignKey(Study, on_delete=models.PROTECT, related_name="drafts")
    number = models.PositiveSmallIntegerField()
    vision = models.TextField(_("vision and goals"))
    goals = models.JSONField(default=list)
    key_technologies = models.JSONField(default=list)  # technology codes, in rank order
    grant_directions = models.JSONField(default=list)
    programme_directions = models.JSONField(default=list)
    planning_proposals = models.JSONField(default=list)
    recommendations = models.JSONField(default=list)  # [{"body": state body, "text": ...}]
    change_note = models.TextField(_("what changed"), blank=True)
    discussion_closes_on = models.DateField(_("comments accepted until"))
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("draft version")
        verbose_name_plural = _("draft versions")
        ordering = ["study", "number"]
        constraints = [models.UniqueConstraint(fields=["study", "number"], name="unique_draft_number")]


class Comment(models.Model):
    """A comment from the public discussion (paragraph 12(2)) and the recorded response to it."""

    draft = models.ForeignKey(DraftVersion, on_delete=models.PROTECT, related_name="comments")
    author_name = models.CharField(_("name"), max_length=200)
    author_email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)
    resolution = models.CharField(_("resolution"), max_length=10, choices=RESOLUTIONS, blank=True)
    response = models.TextField(_("response"), blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    corrected_in = models.ForeignKey(
        DraftVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="resolved_comments"
    )
    # The latest moderation decision (the whole history is in ModerationEvent). Comments received
    # before moderation existed were published at once: the migration marks them published, with no
    # moderator and no date.
    moderation = models.CharField(_("moderation"), max_length=10, choices=MODERATION, default=PENDING,
                                  db_index=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    # Set by the first report that sent a published comment back to the queue; once an analyst has
    # published it again, later reports are counted but no longer hide it.
    reported_at = models.DateTimeField(null=True, blank=True)
    report_reason = models.TextField(_("reason given in the report"), blank=True)
    reports = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("public comment")
        verbose_name_plural = _("public comments")
        ordering = ["created_at", "pk"]


class ModerationEvent(AppendOnlyModel):
    """One moderation step of a comment: an analyst published or hid it, or someone reported it."""

    append_only_name = "moderation log"

    comment = models.ForeignKey(Comment, on_delete=models.PROTECT, related_name="moderation_events")
    action = models.CharField(max_length=10, choices=MODERATION_ACTIONS)
    from_state = models.CharField(max_length=10, choices=MODERATION)
    to_state = models.CharField(max_length=10, choices=MODERATION)
    actor = models.ForeignKey(  # None for an anonymous report
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")
        ordering = ["at", "pk"]


class Approval(models.Model):
    """The HSTC-reviewed results approved as the list of key technologies (paragraphs 12(4), 13(1))."""

    study = models.OneToOneField(Study, on_delete=models.PROTECT, related_name="approval")
    draft = models.ForeignKey(DraftVersion, on_delete=models.PROTECT, related_name="+")
    in_force_from = models.DateField(_("in force from"))
    decision = models.CharField(_("decision (number and date)"), max_length=300)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("approval of a study")
        verbose_name_plural = _("approvals of studies")
