"""Moderation of the comments of the public discussion (paragraph 12(2); issue 8, finding 10).

Anyone may send a comment, so what the public sees is decided by an analyst: a new comment is
`pending` until an analyst publishes it, or hides it giving the reason; anyone may report a published
comment, which sends it back to the queue (hidden from the public) until an analyst decides again.
Once an analyst has published a comment after a report, later reports are counted but no longer hide
it, so reporting cannot be used to silence a comment the analysts have upheld. Every step is kept in
the append-only `ModerationEvent` log with who, when and why; the comment row holds the latest state.

The response to a comment (`discussion.respond`) is independent of its moderation, as before.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from .access import can_manage
from .discussion import input_text
from .errors import StudyError
from .models import Comment, ModerationEvent, Study
from .models.discussion import HIDDEN, HIDE, PENDING, PUBLISH, PUBLISHED, REPORT

MAX_HIDE_REASON = 1_000  # the analyst's reason for hiding, shown to the analysts
MAX_REPORT_REASON = 500  # the reason a reporter may give, anonymous and never published
DECISIONS = (PUBLISH, HIDE)


def public(comments: QuerySet) -> QuerySet:
    """Only the comments the public may see."""
    return comments.filter(moderation=PUBLISHED)


def reportable(comments: QuerySet) -> QuerySet:
    """The comments a report may name: the published ones and those a report has just hidden (a
    second report of those is told so, not answered "not found")."""
    return comments.filter(Q(moderation=PUBLISHED) | Q(moderation=PENDING, reported_at__isnull=False))


def queue(study: Study) -> QuerySet:
    """The study's comments awaiting an analyst's decision, oldest first (new ones and reported ones)."""
    return (Comment.objects.filter(draft__study=study, moderation=PENDING)
            .select_related("draft").order_by("created_at", "pk"))


def _log(comment: Comment, action: str, before: str, actor, reason: str) -> None:
    ModerationEvent.objects.create(comment=comment, action=action, from_state=before, to_state=comment.moderation,
                                   actor=actor, reason=reason)


@transaction.atomic
def moderate(comment: Comment, actor, *, action: str, reason: str = "", state: str | None = None) -> Comment:
    """An analyst publishes (`publish`) or hides (`hide`, with a reason) a comment. `state` is the
    moderation state the analyst saw: when someone decided meanwhile the call is refused with 409."""
    allowed, why = can_manage(actor)
    if not allowed:
        raise StudyError(why, status=403)
    if action not in DECISIONS:
        raise StudyError(_("Choose whether to publish or to hide the comment."), field="action")
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    if state is not None and locked.moderation != state:
        raise StudyError(_("Someone else moderated this comment meanwhile; reload the page and try again."),
                         status=409)
    before = locked.moderation
    if action == PUBLISH:
        if before == PUBLISHED:
            raise StudyError(_("This comment is already published."), status=409)
        reason = ""
        locked.moderation, locked.hidden_reason = PUBLISHED, ""
    else:
        reason = input_text(reason, "reason", MAX_HIDE_REASON)
        if before == HIDDEN:
            raise StudyError(_("This comment is already hidden."), status=409)
        locked.moderation, locked.hidden_reason = HIDDEN, reason
    locked.moderated_by, locked.moderated_at = actor, timezone.now()
    locked.save(update_fields=["moderation", "hidden_reason", "moderated_by", "moderated_at"])
    _log(locked, action, before, actor, reason)
    return locked


@transaction.atomic
def report(comment: Comment, *, reason: str = "") -> Comment:
    """Anyone reports a published comment: it is hidden until an analyst decides, unless an analyst
    already published it again after an earlier report (then the report is only counted)."""
    reason = input_text(reason, "reason", MAX_REPORT_REASON, required=False)
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    if locked.moderation == PENDING and locked.reported_at is not None:
        raise StudyError(_("This comment was already reported; it is hidden until an analyst has reviewed it."),
                         status=409)
    if locked.moderation != PUBLISHED:
        raise StudyError(_("Only a published comment can be reported."), status=404)
    before = locked.moderation
    locked.reports += 1
    fields = ["reports"]
    if locked.reported_at is None:
        locked.moderation, locked.reported_at, locked.report_reason = PENDING, timezone.now(), reason
        fields += ["moderation", "reported_at", "report_reason"]
    locked.save(update_fields=fields)
    _log(locked, REPORT, before, None, reason)
    return locked
