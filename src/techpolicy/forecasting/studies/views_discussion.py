"""Pages of paragraphs 12 and 13: the analysts' draft versions and responses to comments, the public
discussion of a draft (no sign-in), and the public list of key technologies in force on a date."""

from __future__ import annotations

import csv
import datetime as dt
import io

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from techpolicy.casework.law_context import today
from techpolicy.casework.steps import current_language
from techpolicy.site.spreadsheet import BOM, spreadsheet_cell

from . import discussion, key_technologies, moderation
from .access import can_manage
from .errors import StudyError
from .forms import LinesField
from .models import Comment, DraftVersion, Study
from .models.discussion import HIDDEN, NOTED, PUBLISH, PUBLISHED, REJECTED, RESOLUTIONS
from .models.study import FINAL
from .views_common import managed_study, show_error

# --- forms ---------------------------------------------------------------------------------------


class DraftForm(forms.Form):
    vision = forms.CharField(label=gettext_lazy("Vision"), widget=forms.Textarea,
                             max_length=discussion.MAX_TEXT)
    goals = LinesField(label=gettext_lazy("Goals (one per line)"))
    key_technologies = LinesField(label=gettext_lazy("Key technologies: codes in rank order, one per line"))
    grant_directions = LinesField(label=gettext_lazy("Priority directions of innovation grants (one per line)"),
                                  required=False)
    programme_directions = LinesField(
        label=gettext_lazy("Priority directions of targeted technology programmes (one per line)"), required=False)
    planning_proposals = LinesField(
        label=gettext_lazy("Proposals to improve planning documents and legislation (one per line)"), required=False)
    recommendations = LinesField(label=gettext_lazy("Recommendations to state bodies"), required=False,
                                 help_text=gettext_lazy("One per line: state body | recommendation"))
    discussion_closes_on = forms.DateField(label=gettext_lazy("Comments accepted until"),
                                           widget=forms.DateInput(attrs={"type": "date"}))
    change_note = forms.CharField(label=gettext_lazy("What changed since the previous version"), required=False,
                                  widget=forms.Textarea, max_length=discussion.MAX_TEXT)
    resolves = forms.TypedMultipleChoiceField(label=gettext_lazy("Comments this version takes into account"),
                                              coerce=int, required=False, widget=forms.CheckboxSelectMultiple)
    previous = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, study: Study, latest: DraftVersion | None, **kwargs):
        super().__init__(*args, **kwargs)
        codes = ", ".join(study.technologies.values_list("code", flat=True))
        self.fields["key_technologies"].help_text = _("The study's technologies: %(codes)s") % {"codes": codes}
        self.fields["previous"].initial = latest.number if latest else 0
        pending = (Comment.objects.filter(draft__study=study, corrected_in=None)
                   .exclude(resolution__in=(REJECTED, NOTED)).exclude(moderation=HIDDEN))
        self.fields["resolves"].choices = [(c.pk, f"#{c.pk} {c.author_name}: {c.text[:80]}") for c in pending]
        if latest is None:
            del self.fields["change_note"], self.fields["resolves"]
        else:  # a correction starts from the version it corrects
            for name in ("vision", "goals", "key_technologies", "grant_directions", "programme_directions",
                         "planning_proposals"):
                self.fields[name].initial = getattr(latest, name)
            self.fields["recommendations"].initial = [f"{r['body']} | {r['text']}" for r in latest.recommendations]

    def clean_recommendations(self):
        out = []
        for n, line in enumerate(self.cleaned_data["recommendations"], start=1):
            body, _sep, text = line.partition("|")
            if not (body.strip() and text.strip()):
                raise forms.ValidationError(_("Line %(n)d: write the state body, then |, then the recommendation.")
                                            % {"n": n})
            out.append({"body": body.strip(), "text": text.strip()})
        return out


class ResponseForm(forms.Form):
    resolution = forms.ChoiceField(label=gettext_lazy("Resolution"), choices=[("", "—"), *RESOLUTIONS])
    response = forms.CharField(label=gettext_lazy("Response"), widget=forms.Textarea(attrs={"rows": 3}),
                               max_length=discussion.MAX_TEXT)


class CommentForm(forms.Form):
    author_name = forms.CharField(label=gettext_lazy("Your name"), max_length=discussion.MAX_NAME)
    organisation = forms.CharField(label=gettext_lazy("Organisation"), max_length=discussion.MAX_ORGANISATION,
                                   required=False)
    author_email = forms.EmailField(label=gettext_lazy("E-mail"), max_length=discussion.MAX_EMAIL,
                                    help_text=gettext_lazy("Never published."))
    text = forms.CharField(label=gettext_lazy("Comment"), widget=forms.Textarea, max_length=discussion.MAX_COMMENT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = _("At most %(n)d characters. A comment is published once an analyst has "
                                          "reviewed it.") % {"n": discussion.MAX_COMMENT}


class HideForm(forms.Form):
    """Hiding a comment from the public needs a reason and an explicit confirmation (works without JavaScript)."""

    reason = forms.CharField(label=gettext_lazy("Reason for hiding"), max_length=moderation.MAX_HIDE_REASON,
                             widget=forms.Textarea(attrs={"rows": 2}))
    confirm = forms.BooleanField(label=gettext_lazy("Yes, hide this comment from the public"))


class ReportForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Why should this comment not be public? (optional)"),
                             max_length=moderation.MAX_REPORT_REASON, required=False)


# --- the analysts' page --------------------------------------------------------------------------


def _hide_form(c: Comment, hide_forms: dict[int, HideForm]) -> HideForm:
    return hide_forms.get(c.pk) or HideForm(prefix=f"h{c.pk}")


def _versions(study: Study, response_forms: dict[int, ResponseForm], hide_forms: dict[int, HideForm]) -> list[dict]:
    """Each version, newest first, with what it changed, what it resolved, and its comments (a
    response form beside each comment without a response, a hide form beside each published one)."""
    drafts = list(study.drafts.order_by("number").prefetch_related(
        "comments__corrected_in", "comments__responded_by", "comments__moderated_by", "resolved_comments"))
    rows = []
    for i, draft in enumerate(drafts):
        comments = [(c, None if c.resolution else response_forms.get(c.pk) or ResponseForm(prefix=f"c{c.pk}"),
                     _hide_form(c, hide_forms) if c.moderation == PUBLISHED else None)
                    for c in draft.comments.all()]
        rows.append({"draft": draft, "ranked": discussion.ranked(draft, current_language()), "comments": comments,
                     "changes": discussion.changes(drafts[i - 1] if i else None, draft),
                     "resolved": list(draft.resolved_comments.all()), "open": discussion.is_open(draft)})
    return rows[::-1]


def _publish(request, study: Study, form: DraftForm) -> bool:
    if not form.is_valid():
        return False
    data = dict(form.cleaned_data)
    try:
        draft = discussion.publish_draft(study, request.user, **data)
    except StudyError as exc:
        show_error(request, form, exc)
        return False
    messages.success(request, _("Version %(n)d is published for public discussion.") % {"n": draft.number})
    return True


def _respond(request, study: Study, response_forms: dict[int, ResponseForm]) -> bool:
    pk = request.POST.get("comment", "")
    comment = get_object_or_404(Comment, pk=pk if pk.isdigit() else 0, draft__study=study)
    form = response_forms[comment.pk] = ResponseForm(request.POST, prefix=f"c{comment.pk}")
    if not form.is_valid():
        return False
    try:
        discussion.respond(comment, request.user, **form.cleaned_data)
    except StudyError as exc:
        show_error(request, None if exc.status == 409 else form, exc)
        return exc.status == 409  # already answered: show the recorded response
    messages.success(request, _("The response to comment #%(id)d is recorded.") % {"id": comment.pk})
    return True


def _moderate(request, study: Study, hide_forms: dict[int, HideForm]) -> bool:
    """Publish a comment, or hide it with a reason once the analyst has confirmed it."""
    pk, decision = request.POST.get("comment", ""), request.POST.get("decision", "")
    comment = get_object_or_404(Comment, pk=pk if pk.isdigit() else 0, draft__study=study)
    form, reason = None, ""
    if decision != PUBLISH:
        form = hide_forms[comment.pk] = HideForm(request.POST, prefix=f"h{comment.pk}")
        if not form.is_valid():
            return False
        reason = form.cleaned_data["reason"]
    try:
        moderation.moderate(comment, request.user, action=decision, reason=reason,
                            state=request.POST.get("state") or None)
    except StudyError as exc:
        show_error(request, None if exc.status == 409 else form, exc)
        return exc.status == 409  # decided meanwhile: show the current state
    done = (_("Comment #%(id)d is published.") if decision == PUBLISH
            else _("Comment #%(id)d is hidden from the public."))
    messages.success(request, done % {"id": comment.pk})
    return True


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def drafts(request, number):
    """Paragraph 12(1)-(2): publish a version of the draft results, see what each version changed,
    moderate the public comments and record the response to every comment."""
    study = managed_study(request, number)
    latest = discussion.latest_draft(study)
    action = request.POST.get("action") if request.method == "POST" else None
    publishing = action == "publish"
    form = DraftForm(request.POST if publishing else None, study=study, latest=latest) if study.stage == FINAL else None
    response_forms: dict[int, ResponseForm] = {}
    hide_forms: dict[int, HideForm] = {}
    if request.method == "POST":
        if publishing and form is None:
            messages.error(request, _("Draft results are published in the final stage."))
            return redirect("studies:drafts", study.number)
        if publishing:
            done = _publish(request, study, form)
        elif action == "moderate":
            done = _moderate(request, study, hide_forms)
        else:
            done = _respond(request, study, response_forms)
        if done:
            return redirect("studies:drafts", study.number)
    return render(request, "studies/drafts.html", {
        "study": study, "form": form, "versions": _versions(study, response_forms, hide_forms),
        "queue": [(c, _hide_form(c, hide_forms)) for c in moderation.queue(study)],
        "unanswered": Comment.objects.filter(draft__study=study, resolution="").exclude(moderation=HIDDEN).count(),
    })


# --- the public discussion -----------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
def public_discussion(request, number, version=None):
    """Paragraph 12(2): the draft results in public, its earlier versions, the comments with their
    responses (never the e-mail), and a comment form while the discussion is open."""
    study = get_object_or_404(Study, number=number, stage__in=discussion.PUBLIC_STAGES)
    versions = list(study.drafts.order_by("number"))
    if not versions:
        raise Http404("no draft is published")
    latest = versions[-1]
    draft = latest if version is None else next((v for v in versions if v.number == version), None)
    if draft is None:
        raise Http404("no such version")
    is_open = draft == latest and discussion.is_open(latest)
    if request.method == "POST" and request.POST.get("action") == "report":
        return _report(request, study, draft)
    form = CommentForm(request.POST or None) if is_open else None
    if request.method == "POST":
        if form is None:
            messages.error(request, _("Comments are not accepted on this page: the discussion is closed."))
            return redirect("studies:discussion", study.number)
        if form.is_valid():
            try:
                discussion.add_comment(draft, **form.cleaned_data)
            except StudyError as exc:
                show_error(request, form, exc)
            else:
                messages.success(request, _("Thank you: your comment is recorded. It is published once an analyst "
                                            "has reviewed it, and it will receive a response."))
                return redirect("studies:discussion", study.number)
    previous = next((v for v in versions if v.number == draft.number - 1), None)
    return render(request, "studies/discussion.html", {
        "study": study, "draft": draft, "latest": latest, "versions": versions[::-1], "is_open": is_open,
        "form": form, "ranked": discussion.ranked(draft, current_language()),
        "changes": discussion.changes(previous, draft),
        "comments": moderation.public(draft.comments.select_related("corrected_in")),
        "resolved": moderation.public(draft.resolved_comments.select_related("draft")), "today": today(),
        "report_form": ReportForm(),
        # an analyst reading the public page is pointed to the queue of comments the public does not see yet
        "awaiting": moderation.queue(study).count() if can_manage(request.user)[0] else None,
    })


def _report(request, study: Study, draft: DraftVersion):
    """Anyone reports a published comment: hidden until an analyst decides (see `moderation.report`)."""
    pk = request.POST.get("comment", "")
    comment = get_object_or_404(moderation.reportable(Comment.objects.filter(draft__study=study)),
                                pk=pk if pk.isdigit() else 0)
    form = ReportForm(request.POST)
    back = redirect("studies:discussion_version", study.number, draft.number)
    if not form.is_valid():
        messages.error(request, "; ".join(e for errors in form.errors.values() for e in errors))
        return back
    try:
        reported = moderation.report(comment, reason=form.cleaned_data["reason"])
    except StudyError as exc:  # reported and hidden by someone else a moment ago
        messages.error(request, exc.message)
        return back
    messages.success(request, _("Thank you: the comment is hidden until an analyst has reviewed it.")
                     if reported.moderation != PUBLISHED else
                     _("Thank you: the report is recorded. An analyst already reviewed this comment after an "
                       "earlier report, so it stays published."))
    return back


# --- the public list of key technologies -----------------------------------------------------------


def _export(items: list[dict], on: dt.date, fmt: str) -> HttpResponse:
    filename = f"key-technologies-{on.isoformat()}.{fmt}"
    if fmt == "json":
        response = JsonResponse({"on": on.isoformat(), "items": items}, json_dumps_params={"ensure_ascii": False})
    else:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(key_technologies.CSV_COLUMNS)
        writer.writerows([spreadsheet_cell(item[c]) for c in key_technologies.CSV_COLUMNS] for item in items)
        response = HttpResponse(BOM + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def key_technologies_page(request):
    """Paragraph 13(1): the list of key technologies in force on `?on=` (default today), each with
    its source; `?format=csv|json` exports it."""
    raw, fmt = request.GET.get("on", "").strip(), request.GET.get("format", "html")
    error, on = "", today()
    if raw:
        try:
            on = dt.date.fromisoformat(raw)
        except ValueError:
            error = _("“%(value)s” is not a date: write it as YYYY-MM-DD, for example 2027-01-31.") % {"value": raw}
    if fmt not in ("html", "csv", "json"):
        error = _("Unknown format “%(value)s”: use csv or json.") % {"value": fmt}
    if error and fmt in ("csv", "json"):
        return HttpResponse(error, status=400, content_type="text/plain; charset=utf-8")
    items = [] if error else key_technologies.in_force(on)
    if fmt in ("csv", "json"):
        return _export(items, on, fmt)
    lang = current_language()
    for item in items:
        item["name"] = item[f"name_{lang}"] or item["name_kk"]
    return render(request, "studies/key_technologies.html", {
        "items": items, "on": on, "raw": raw, "error": error, "history": key_technologies.history(),
    }, status=400 if error else 200)
