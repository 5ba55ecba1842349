"""Paragraph 12(1)-(2): the draft results of the final stage published for broad public discussion,
the comments received and the recorded response to each. A correction is a new version; published
versions never change, so what the public commented on stays readable."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from techpolicy.casework.law_context import today

from .errors import StudyError, cited
from .models import Comment, DraftVersion, Study
from .models.discussion import NOTED, REJECTED, RESOLUTIONS
from .models.study import APPROVED, FINAL, SUBMITTED

# Limits of the instrument, not of the law: long enough for a reasoned comment, short enough
# that one submission cannot flood the page.
MAX_TEXT = 10_000  # a response, the vision, a change note (the analysts' texts)
MAX_COMMENT = 5_000  # a public comment: about two pages, room for a reasoned comment (issue 8, finding 10)
MAX_ITEM = 2_000  # one goal, direction, proposal or recommendation
MAX_ITEMS = 200
MAX_NAME, MAX_ORGANISATION, MAX_EMAIL = 200, 300, 254
PUBLIC_STAGES = (FINAL, SUBMITTED, APPROVED)  # a study's drafts are public from its final stage on

# The lists of paragraph 12(1) a version carries, in the order of the paragraph.
LIST_FIELDS: tuple[tuple[str, Any], ...] = (
    ("goals", gettext_lazy("Goals")),
    ("key_technologies", gettext_lazy("Key (priority) technologies")),
    ("grant_directions", gettext_lazy("Priority directions of innovation grants")),
    ("programme_directions", gettext_lazy("Priority directions of targeted technology programmes")),
    ("planning_proposals", gettext_lazy("Proposals on planning documents and legislation")),
    ("recommendations", gettext_lazy("Recommendations to state bodies")),
)


def _p12(sub: str) -> str:
    return cited("12", sub)


def latest_draft(study: Study) -> DraftVersion | None:
    return DraftVersion.objects.filter(study=study).order_by("-number").first()


def ranked(draft: DraftVersion, lang: str) -> list[dict[str, Any]]:
    """A version's key technologies in rank order with their names in `lang`."""
    names = draft.study.technology_names(lang)
    return [{"rank": i, "code": code, "name": names.get(code, code)}
            for i, code in enumerate(draft.key_technologies, start=1)]


def is_open(draft: DraftVersion, on: dt.date | None = None) -> bool:
    """Comments are accepted on the latest version of a study in its final stage, up to and
    including the closing day."""
    return (draft.study.stage == FINAL and (on or today()) <= draft.discussion_closes_on
            and not DraftVersion.objects.filter(study_id=draft.study_id, number__gt=draft.number).exists())


# --- publishing a version ------------------------------------------------------------------------


def input_text(value: Any, field: str, limit: int, *, required: bool = True) -> str:
    """`value` stripped, refused naming `field` when it is not text, empty while `required`, or too long."""
    text = value.strip() if isinstance(value, str) else ""
    if value is not None and not isinstance(value, str):
        raise StudyError(_("Enter text."), field=field)
    if required and not text:
        raise StudyError(_("This field is required."), field=field)
    if len(text) > limit:
        raise StudyError(_("Shorten this to at most %(n)d characters.") % {"n": limit}, field=field)
    return text


def _lines(values: Iterable[Any] | None, field: str) -> list[str]:
    """A list of texts, blanks dropped; the order is the analysts' and is kept."""
    if values is None:
        return []
    if isinstance(values, str | dict) or not isinstance(values, Iterable):
        raise StudyError(_("Enter a list."), field=field)
    items = [input_text(v, field, MAX_ITEM, required=False) for v in values]
    items = [item for item in items if item]
    if len(items) > MAX_ITEMS:
        raise StudyError(_("At most %(n)d items.") % {"n": MAX_ITEMS}, field=field)
    return items


def _key_technologies(study: Study, codes: Sequence[Any]) -> list[str]:
    in_rank = _lines(codes, "key_technologies")
    if not in_rank:
        raise StudyError(_("Name at least one key technology (%(citation)s).") % {"citation": _p12("1")},
                         field="key_technologies")
    repeated = sorted({c for c in in_rank if in_rank.count(c) > 1})
    if repeated:
        raise StudyError(_("Each technology may be ranked once; repeated: %(codes)s.")
                         % {"codes": ", ".join(repeated)}, field="key_technologies")
    known = set(study.technologies.filter(code__in=in_rank).values_list("code", flat=True))
    unknown = [c for c in in_rank if c not in known]
    if unknown:
        raise StudyError(_("Not a technology of this study: %(codes)s.") % {"codes": ", ".join(unknown)},
                         field="key_technologies")
    return in_rank


def _recommendations(items: Iterable[Any] | None) -> list[dict[str, str]]:
    if isinstance(items, str | dict) or not isinstance(items, Iterable | None):
        raise StudyError(_("Enter a list."), field="recommendations")
    out = []
    for item in items or ():
        if not isinstance(item, dict):
            raise StudyError(_("A recommendation names the state body and the recommendation."),
                             field="recommendations")
        body = input_text(item.get("body"), "recommendations", MAX_ITEM, required=False)
        text = input_text(item.get("text"), "recommendations", MAX_ITEM, required=False)
        if body or text:
            if not (body and text):
                raise StudyError(_("A recommendation names the state body and the recommendation."),
                                 field="recommendations")
            out.append({"body": body, "text": text})
    if len(out) > MAX_ITEMS:
        raise StudyError(_("At most %(n)d items.") % {"n": MAX_ITEMS}, field="recommendations")
    return out


def input_date(value: Any, field: str) -> dt.date:
    """A date given as a date or as YYYY-MM-DD text; anything else is refused naming `field`."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise StudyError(_("Enter a valid date."), field=field) from None


def _closing_day(value: Any) -> dt.date:
    value = input_date(value, "discussion_closes_on")
    if value <= today():
        raise StudyError(_("The public discussion must stay open after today (%(citation)s).")
                         % {"citation": _p12("2")}, field="discussion_closes_on")
    return value


def _resolved(study: Study, ids: Iterable[Any]) -> list[Comment]:
    """Comments the new version corrects the draft for: earlier comments on this study, corrected
    in no version yet, and not answered with "no correction"."""
    try:
        wanted = {int(i) for i in ids or ()}
    except (TypeError, ValueError):
        raise StudyError(_("Choose comments from the list."), field="resolves") from None
    comments = list(Comment.objects.select_for_update().filter(draft__study=study, pk__in=wanted))
    missing = wanted - {c.pk for c in comments}
    if missing:
        raise StudyError(_("No such comment on this study: %(ids)s.")
                         % {"ids": ", ".join(f"#{i}" for i in sorted(missing))}, field="resolves")
    for comment in comments:
        if comment.corrected_in_id:
            raise StudyError(_("Comment #%(id)d was already taken into account in version %(n)d.")
                             % {"id": comment.pk, "n": comment.corrected_in.number}, field="resolves", status=409)
        if comment.resolution in (REJECTED, NOTED):
            raise StudyError(_("The response to comment #%(id)d says the draft was not corrected.")
                             % {"id": comment.pk}, field="resolves")
    return comments


@transaction.atomic
def publish_draft(
    study: Study,
    actor,
    *,
    vision: str,
    goals: Sequence[str],
    key_technologies: Sequence[str],
    grant_directions: Sequence[str] = (),
    programme_directions: Sequence[str] = (),
    planning_proposals: Sequence[str] = (),
    recommendations: Sequence[dict[str, str]] = (),
    discussion_closes_on: dt.date | str,
    change_note: str = "",
    resolves: Sequence[int] = (),
    previous: int | None = None,
) -> DraftVersion:
    """Publish the next version of the draft results (paragraph 12(1)) for public discussion
    (paragraph 12(2)). `key_technologies` are codes of the study's technologies in rank order;
    `previous` is the latest version number the author saw (0 for none): when another version was
    published meanwhile the call is refused with 409."""
    locked = Study.objects.select_for_update().get(pk=study.pk)  # one version number at a time
    if locked.stage != FINAL:
        raise StudyError(_("Draft results are published in the final stage (%(citation)s).")
                         % {"citation": cited("12")}, status=409)
    last = latest_draft(locked)
    number = last.number + 1 if last else 1
    if previous is not None and previous != number - 1:
        raise StudyError(_("Someone else published a version meanwhile; reload the page and try again."), status=409)
    fields = {
        "vision": input_text(vision, "vision", MAX_TEXT),
        "goals": _lines(goals, "goals"),
        "key_technologies": _key_technologies(locked, key_technologies),
        "grant_directions": _lines(grant_directions, "grant_directions"),
        "programme_directions": _lines(programme_directions, "programme_directions"),
        "planning_proposals": _lines(planning_proposals, "planning_proposals"),
        "recommendations": _recommendations(recommendations),
        "discussion_closes_on": _closing_day(discussion_closes_on),
        "change_note": input_text(change_note, "change_note", MAX_TEXT, required=False),
    }
    if number > 1 and not fields["change_note"]:
        raise StudyError(_("Say what changed since version %(n)d after the discussion (%(citation)s).")
                         % {"n": number - 1, "citation": _p12("2")}, field="change_note")
    if not fields["goals"]:
        raise StudyError(_("State the goals with the vision (%(citation)s).") % {"citation": _p12("1")},
                         field="goals")
    comments = _resolved(locked, resolves)
    draft = DraftVersion.objects.create(study=locked, number=number, published_by=actor, **fields)
    for comment in comments:
        comment.corrected_in = draft
        comment.save(update_fields=["corrected_in"])
    return draft


# --- comments and responses ----------------------------------------------------------------------


@transaction.atomic
def add_comment(draft: DraftVersion, *, author_name: str, author_email: str, organisation: str = "",
                text: str) -> Comment:
    """A comment of the public discussion (paragraph 12(2)) on the latest version while it is open.
    The same text from the same e-mail on the same version is refused as a duplicate submission. The
    comment is `pending`: the public sees it once an analyst publishes it (`moderation.moderate`)."""
    locked = DraftVersion.objects.select_for_update().select_related("study").get(pk=draft.pk)
    name = input_text(author_name, "author_name", MAX_NAME)
    email = input_text(author_email, "author_email", MAX_EMAIL).lower()
    try:
        validate_email(email)
    except ValidationError:
        raise StudyError(_("Enter a valid e-mail address."), field="author_email") from None
    organisation = input_text(organisation, "organisation", MAX_ORGANISATION, required=False)
    body = input_text(text, "text", MAX_COMMENT)
    if latest_draft(locked.study).pk != locked.pk:
        raise StudyError(_("A newer version of the draft is published; comment on it (%(citation)s).")
                         % {"citation": _p12("2")}, status=409)
    if not is_open(locked):
        raise StudyError(_("The public discussion closed on %(date)s (%(citation)s).")
                         % {"date": locked.discussion_closes_on.isoformat(), "citation": _p12("2")}, status=409)
    if locked.comments.filter(author_email=email, text=body).exists():
        raise StudyError(_("This comment was already received; a duplicate submission is not recorded."),
                         field="text", status=409)
    return Comment.objects.create(draft=locked, author_name=name, author_email=email, organisation=organisation,
                                  text=body)


@transaction.atomic
def respond(comment: Comment, actor, *, resolution: str, response: str) -> Comment:
    """Record the one response to a comment (paragraph 12(2)): how it was resolved and why."""
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    if locked.resolution:
        raise StudyError(_("This comment already has a recorded response."), status=409)
    if resolution not in dict(RESOLUTIONS):
        raise StudyError(_("Choose how the comment was resolved."), field="resolution")
    locked.response = input_text(response, "response", MAX_TEXT)
    locked.resolution = resolution
    locked.responded_by = actor
    locked.responded_at = timezone.now()
    locked.save(update_fields=["resolution", "response", "responded_by", "responded_at"])
    return locked


# --- what changed between versions ---------------------------------------------------------------


def _items(draft: DraftVersion, field: str) -> list[str]:
    values = getattr(draft, field)
    if field == "recommendations":
        return [f"{r['body']}: {r['text']}" for r in values]
    return list(values)


def changes(previous: DraftVersion | None, draft: DraftVersion) -> list[dict[str, Any]]:
    """What `draft` changed against `previous`, per part of paragraph 12(1): items added and removed,
    and for key technologies the ranks that moved. Empty for the first version."""
    if previous is None:
        return []
    out = []
    if previous.vision != draft.vision:
        out.append({"field": "vision", "label": _("Vision"), "changed": True, "added": [], "removed": [], "moved": []})
    for field, label in LIST_FIELDS:
        old, new = _items(previous, field), _items(draft, field)
        added = [x for x in new if x not in old]
        removed = [x for x in old if x not in new]
        moved = [{"item": x, "from": old.index(x) + 1, "to": i + 1}
                 for i, x in enumerate(new) if field == "key_technologies" and x in old and old.index(x) != i]
        if added or removed or moved:
            out.append({"field": field, "label": str(label), "changed": True, "added": added, "removed": removed,
                        "moved": moved})
    if previous.discussion_closes_on != draft.discussion_closes_on:
        out.append({"field": "discussion_closes_on", "label": _("Comments accepted until"), "changed": True,
                    "added": [draft.discussion_closes_on.isoformat()],
                    "removed": [previous.discussion_closes_on.isoformat()], "moved": []})
    return out
