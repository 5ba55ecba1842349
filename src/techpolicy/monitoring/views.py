"""The monitoring pages of a plan (000.ttp.monitor, 000.p38.a2): its dashboard, one indicator's history,
entering, submitting and approving an actual, the obligations and their completion, and the public
progress page. Who may do what is the plan owner's answer only (`owners`): a plan of a kind nobody
registered is refused to everybody, with the reason. Every figure shown is `dashboard`'s."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import dashboard, owners, store
from . import indicators as core
from .charts import indicator_chart
from .common import MAX_YEAR, MIN_YEAR
from .forms import ActualForm, ConfirmForm, DoneForm
from .models import CODE_MAX, Actual, Indicator, Obligation, Plan
from .presentation import dashboard_context, name_of, projection_note, refusal, verdict_label

PAGE = 50


def _plan(kind: str, ref: str) -> Plan:
    return get_object_or_404(Plan, owner_kind=str(kind)[:20], owner_ref=str(ref)[:CODE_MAX])


def _indicator(plan: Plan, code: str) -> Indicator:
    return get_object_or_404(Indicator.objects.select_related("plan"), plan=plan, code=str(code)[:CODE_MAX])


def _refuse(request: HttpRequest, reason: str):
    """Anonymous: sign in first; signed in: 403 with the reason."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied(reason)


def _on(request: HttpRequest) -> dt.date:
    """The day the page answers for (?on=YYYY-MM-DD, to see the targets in force then), today otherwise;
    anything else is ignored, never an error."""
    text = str(request.GET.get("on", ""))[:10]
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return timezone.localdate()
    return day if MIN_YEAR <= day.year <= MAX_YEAR else timezone.localdate()


def _args(plan: Plan) -> tuple[str, str]:
    return plan.owner_kind, plan.owner_ref


def _indicator_url(indicator: Indicator) -> str:
    return reverse("monitoring:indicator", args=[*_args(indicator.plan), indicator.code])


@require_safe
def plan_dashboard(request: HttpRequest, kind: str, ref: str) -> HttpResponse:
    plan = _plan(kind, ref)
    owner = owners.owner_of(plan)
    if not owner.may_read(request.user, plan):
        if owner.public(plan):
            return redirect("monitoring:public_plan", *_args(plan))
        return _refuse(request, _("This plan's monitoring is open to its owner's staff only."))
    context = dashboard_context(plan, _on(request), public=False)
    return render(request, "monitoring/dashboard.html", {
        **context, "plan": plan, "owner": owner, "owner_url": owner.owner_url(plan),
        "may_enter": owner.may_enter(request.user, plan)})


@require_safe
def public_dashboard(request: HttpRequest, kind: str, ref: str) -> HttpResponse:
    plan = _plan(kind, ref)
    owner = owners.owner_of(plan)
    if not owner.public(plan):
        raise PermissionDenied(_("The progress of this plan is not published."))
    context = dashboard_context(plan, _on(request), public=True)
    return render(request, "monitoring/public_dashboard.html", {
        **context, "plan": plan, "owner": owner, "owner_url": owner.owner_url(plan)})


@require_safe
def indicator_detail(request: HttpRequest, kind: str, ref: str, code: str) -> HttpResponse:
    plan = _plan(kind, ref)
    owner = owners.owner_of(plan)
    if not owner.may_read(request.user, plan):
        return _refuse(request, _("This plan's monitoring is open to its owner's staff only."))
    indicator = _indicator(plan, code)
    board = dashboard.indicator_board(indicator, _on(request))
    lang = (request.LANGUAGE_CODE or "kk").split("-")[0]
    return render(request, "monitoring/indicator.html", {
        "plan": plan, "plan_name": name_of(plan), "indicator": indicator, "name": name_of(indicator),
        "board": board, "chart": indicator_chart(board, lang), "verdict": verdict_label(board.projection.verdict),
        "note": projection_note(board.projection), "on": board.projection.on,
        "may_enter": owner.may_enter(request.user, plan), "may_approve": owner.may_approve(request.user, plan)})


@require_http_methods(["GET", "HEAD", "POST"])
def enter_actual(request: HttpRequest, kind: str, ref: str, code: str) -> HttpResponse:
    plan = _plan(kind, ref)
    if not owners.owner_of(plan).may_enter(request.user, plan):
        return _refuse(request, _("Only the plan owner's staff who enter figures may enter an actual."))
    indicator = _indicator(plan, code)
    bounds = {"first_year": plan.first_year, "last_year": plan.last_year, "base_year": indicator.base_year}
    if request.method == "POST":
        form = ActualForm(request.POST, **bounds)
        if form.is_valid():
            data = form.cleaned_data
            try:
                actual = core.Actual(indicator=indicator.code, year=data["year"], value=data["value"],
                                     provenance={"kind": "entered", "evidence": data["evidence"],
                                                 "entered_by": request.user.get_username()})
                store.save_actual(indicator, actual, request.user)
            except ValueError as error:  # ApprovalError, pydantic's ValidationError, the store's refusals
                form.add_error(None, refusal(error))
            else:
                messages.success(request, _("The figure of %(year)d is saved as a draft.") % {"year": data["year"]})
                return redirect(_indicator_url(indicator))
    else:
        year = str(request.GET.get("year", ""))[:4]
        form = ActualForm(initial={"year": int(year)} if year.isdigit() else {}, **bounds)
    return render(request, "monitoring/actual_form.html", {
        "plan": plan, "indicator": indicator, "name": name_of(indicator), "form": form,
        "back": _indicator_url(indicator)})


def _actual(indicator: Indicator, year: int) -> Actual:
    return get_object_or_404(Actual, indicator=indicator, year=year)


@require_POST
def submit_actual(request: HttpRequest, kind: str, ref: str, code: str, year: int) -> HttpResponse:
    plan = _plan(kind, ref)
    if not owners.owner_of(plan).may_enter(request.user, plan):
        return _refuse(request, _("Only the plan owner's staff who enter figures may submit an actual."))
    indicator = _indicator(plan, code)
    try:
        store.submit(_actual(indicator, year), request.user)
    except core.ApprovalError as error:
        messages.error(request, refusal(error))
    else:
        messages.success(request, _("The figure of %(year)d is submitted for approval.") % {"year": year})
    return redirect(_indicator_url(indicator))


@require_http_methods(["GET", "HEAD", "POST"])
def approve_actual(request: HttpRequest, kind: str, ref: str, code: str, year: int) -> HttpResponse:
    """The approval, with a confirmation step: an approved figure is final (DHIS2's discipline)."""
    plan = _plan(kind, ref)
    if not owners.owner_of(plan).may_approve(request.user, plan):
        return _refuse(request, _("Only the plan owner's approvers may approve an actual."))
    indicator = _indicator(plan, code)
    actual = _actual(indicator, year)
    if actual.submitted_by_id is not None and actual.submitted_by_id == request.user.pk:
        raise PermissionDenied(_("You submitted this figure: another person must approve it."))
    form, status, refused = ConfirmForm(request.POST if request.method == "POST" else None), 200, ""
    if request.method == "POST" and form.is_valid():
        try:
            store.approve(actual, request.user)
        except core.ApprovalError as error:
            refused, status = refusal(error), 409
        else:
            messages.success(request, _("The figure of %(year)d is approved.") % {"year": year})
            return redirect(_indicator_url(indicator))
    return render(request, "monitoring/approve_confirm.html", {
        "plan": plan, "indicator": indicator, "name": name_of(indicator), "actual": actual, "form": form,
        "refused": refused, "back": _indicator_url(indicator)}, status=status)


def _year_filter(request: HttpRequest) -> int | None:
    text = str(request.GET.get("year", ""))[:4]
    return int(text) if text.isdigit() and MIN_YEAR <= int(text) <= MAX_YEAR else None


@require_safe
def obligation_list(request: HttpRequest, kind: str, ref: str) -> HttpResponse:
    plan = _plan(kind, ref)
    owner = owners.owner_of(plan)
    if not owner.may_read(request.user, plan):
        return _refuse(request, _("This plan's monitoring is open to its owner's staff only."))
    on, year, overdue_only = _on(request), _year_filter(request), request.GET.get("overdue") == "1"
    rows = dashboard.obligation_rows(plan, on, year=year, overdue_only=overdue_only)
    page = Paginator(rows, PAGE).get_page(str(request.GET.get("page", ""))[:12])
    kept = "&".join(f"{k}={v}" for k, v in (("year", year or ""), ("overdue", "1" if overdue_only else "")) if v)
    return render(request, "monitoring/obligations.html", {
        "plan": plan, "plan_name": name_of(plan), "page": page, "on": on, "year": year,
        "overdue_only": overdue_only, "query": kept + "&" if kept else "",
        "years": range(plan.first_year, plan.last_year + 2),  # a report on the last year falls due the next
        "may_enter": owner.may_enter(request.user, plan)})


@require_http_methods(["GET", "HEAD", "POST"])
def obligation_done(request: HttpRequest, kind: str, ref: str, pk: int) -> HttpResponse:
    plan = _plan(kind, ref)
    if not owners.owner_of(plan).may_enter(request.user, plan):
        return _refuse(request, _("Only the plan owner's staff who enter figures may mark an obligation done."))
    obligation = get_object_or_404(Obligation, plan=plan, pk=pk)
    today = timezone.localdate()
    form = DoneForm(request.POST if request.method == "POST" else None, today=today)
    if request.method == "POST" and obligation.done_on is None and form.is_valid():
        if store.mark_done(obligation, form.cleaned_data["done_on"], form.cleaned_data["evidence"]):
            messages.success(request, _("The obligation %(key)s is marked done.") % {"key": obligation.key})
            return redirect("monitoring:obligations", *_args(plan))
        obligation.refresh_from_db()
    return render(request, "monitoring/obligation_done.html", {
        "plan": plan, "obligation": obligation, "form": form,
        "timeliness": store.timeliness_of(obligation, today)},
        status=409 if request.method == "POST" and obligation.done_on is not None else 200)
