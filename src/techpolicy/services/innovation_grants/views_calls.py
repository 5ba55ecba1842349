"""The operator's pages of the calls for innovation grants (law 003 article 27(2), article 27(4)):
every call with its state, a draft made and edited with its weighted criteria, and publication
after a confirmation page. Publishing is what makes a call public (003.a3.p3.2: the service's
index and the API list published calls only) and it is irreversible: a published call's grant
type, dates and criteria never change, which every POST checks under a row lock, not only the page.

Who made and who published a call is kept in Django's admin log (`LogEntry`), beside the call's
own `created_by` and `published_at`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from techpolicy.accounts.roles import has_role
from techpolicy.casework import law_context
from techpolicy.casework.steps import current_language
from techpolicy.law.acts.act003_state_support.grant_types import BY_ID
from techpolicy.site import once

from .forms_calls import CallForm, CriterionFormSet, PublishForm, exempt
from .models import Call, Criterion
from .roles import GRANT_OPERATOR

PAGE = 50
CRITERION_FIELDS = ("code", "name_kk", "name_ru", "name_en", "weight", "required", "scale_max", "required_min")
MAX_NUMBER = Call._meta.get_field("number").max_length


def _operator(request: HttpRequest) -> None:
    if not has_role(request.user, GRANT_OPERATOR):
        raise PermissionDenied


def _call(number: str, lock: bool = False) -> Call:
    """The call with this number; 404 for a number no call can have, checked before the query (the
    demo's numbers, made in code, hold spaces and Cyrillic: only the length and NUL are refused here)."""
    if not number or len(number) > MAX_NUMBER or "\x00" in number:
        raise Http404
    found = Call.objects.select_for_update() if lock else Call.objects
    try:
        return found.get(number=number)
    except Call.DoesNotExist:
        raise Http404 from None


def _log(user, call: Call, flag: int, message: str) -> None:
    LogEntry.objects.log_actions(user.pk, Call.objects.filter(pk=call.pk), flag, change_message=message,
                                 single_object=True)


def _published_refusal(request: HttpRequest, call: Call) -> HttpResponse:
    messages.error(request, _("The call %(number)s is published: its grant type, dates and criteria no longer "
                              "change.") % {"number": call.number})
    return redirect("innovation_grants:calls")


def summary(call: Call, lang: str) -> dict:
    """What the list and the confirmation page show of a call, in the reader's language."""
    grant_type = BY_ID.get(call.grant_type)
    return {"number": call.number, "title": call.title(lang), "opens_on": call.opens_on, "closes_on": call.closes_on,
            "grant_type": grant_type.name[lang] if grant_type else call.grant_type,
            "citation": grant_type.citation.text(lang) if grant_type else "",
            "exempt": exempt(call.grant_type), "panel_size": call.panel_size, "domestic_min": call.domestic_min,
            "foreign_min": call.foreign_min, "aggregation": call.get_aggregation_display(),
            "published_at": call.published_at, "created_by": call.created_by,
            "linkable": "/" not in call.number}  # a number made in code may hold what a path segment cannot


@login_required
@require_safe
def call_list(request: HttpRequest) -> HttpResponse:
    """Every call, drafts first among the newest, with its state."""
    _operator(request)
    found = Call.objects.select_related("created_by").order_by("-created_at", "-pk")
    page = Paginator(found, PAGE).get_page(request.GET.get("page"))
    lang = current_language()
    return render(request, "innovation_grants/calls.html", {"page": page, "calls": [summary(c, lang) for c in page]})


def _initial(call: Call) -> tuple[dict, list[dict]]:
    fields = {k: getattr(call, k) for k in ("number", "grant_type", "title_kk", "title_ru", "title_en", "opens_on",
                                             "closes_on", "panel_size", "domestic_min", "foreign_min", "aggregation")}
    criteria = [{k: getattr(c, k) for k in CRITERION_FIELDS} for c in call.criteria.order_by("order", "code")]
    return fields, criteria


def _save(request: HttpRequest, form: CallForm, criteria: CriterionFormSet, call: Call | None) -> Call:
    fields = form.call_fields()
    if call is None:
        call = Call.objects.create(number=form.cleaned_data["number"], created_by=request.user, **fields)
        _log(request.user, call, ADDITION, "created the draft call")
    else:
        for name, value in fields.items():
            setattr(call, name, value)
        call.save(update_fields=list(fields))
        call.criteria.all().delete()
        _log(request.user, call, CHANGE, "changed the draft call")
    Criterion.objects.bulk_create([Criterion(call=call, order=order, **{k: row[k] for k in CRITERION_FIELDS})
                                   for order, row in enumerate(criteria.rows())])
    return call


def _form_page(request: HttpRequest, call: Call | None) -> HttpResponse:
    if request.method == "POST":
        form = CallForm(request.POST, call=call)
        criteria = CriterionFormSet(request.POST, prefix="criteria")
        if form.is_valid() and criteria.is_valid():
            try:
                with transaction.atomic():
                    if call is not None:
                        call = _call(call.number, lock=True)  # published meanwhile? then nothing changes
                        if call.published_at is not None:
                            return _published_refusal(request, call)
                    elif not once.first_submission(request):
                        messages.info(request, once.already_sent())
                        return redirect("innovation_grants:calls")
                    call = _save(request, form, criteria, call)
            except IntegrityError:  # another operator took the number between the check and the insert
                form.add_error("number", _("A call with this number already exists."))
                return _render_form(request, call, form, criteria)
            messages.success(request, _("The draft call %(number)s was saved; it is not public until it is "
                                        "published.") % {"number": call.number})
            return redirect("innovation_grants:call_edit", number=call.number)
    elif call is None:
        form, criteria = CallForm(), CriterionFormSet(prefix="criteria")
    else:
        fields, rows = _initial(call)
        form, criteria = CallForm(initial=fields, call=call), CriterionFormSet(initial=rows, prefix="criteria")
    return _render_form(request, call, form, criteria)


def _render_form(request: HttpRequest, call: Call | None, form: CallForm, criteria: CriterionFormSet) -> HttpResponse:
    return render(request, "innovation_grants/call_form.html", {
        "call": call, "form": form, "criteria": criteria, "forms": {"call": form, "criteria": criteria}})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def call_new(request: HttpRequest) -> HttpResponse:
    _operator(request)
    return _form_page(request, None)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def call_edit(request: HttpRequest, number: str) -> HttpResponse:
    _operator(request)
    call = _call(number)
    if call.published_at is not None:
        return _published_refusal(request, call)
    return _form_page(request, call)


def _publish_refusal(call: Call) -> str | None:
    """Why the draft cannot be published yet, or None."""
    if call.closes_on < law_context.today():
        return _("The call closed before today: change its dates before publishing it.")
    if not exempt(call.grant_type) and not call.criteria.exists():
        return _("The experts score a call on its criteria: add at least one before publishing it.")
    return None


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def call_publish(request: HttpRequest, number: str) -> HttpResponse:
    """A page asks to confirm; the POST with the confirmation publishes the draft for good."""
    _operator(request)
    call = _call(number)
    if call.published_at is not None:
        return _published_refusal(request, call)
    form = PublishForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            call = _call(number, lock=True)
            if call.published_at is not None:
                return _published_refusal(request, call)
            if (why := _publish_refusal(call)) is None:
                call.published_at = timezone.now()
                call.save(update_fields=["published_at"])
                _log(request.user, call, CHANGE, "published the call")
        if why is None:
            messages.success(request, _("The call %(number)s is published.") % {"number": call.number})
            return redirect("innovation_grants:calls")
        form.add_error(None, why)
    lang = current_language()
    return render(request, "innovation_grants/call_publish.html", {
        "call": summary(call, lang), "form": form, "problem": _publish_refusal(call),
        "criteria": [{"code": c.code, "name": c.name(lang), "weight": c.weight, "required": c.required,
                      "scale_max": c.scale_max, "required_min": c.required_min}
                     for c in call.criteria.order_by("order", "code")]})
