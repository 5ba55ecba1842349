"""The pages of the expertise panels (003.a27.p2.a3, "003 a.27(2) third indent": domestic and foreign
experts; reading R-F2: at least one of each on every panel).

The operator sees an application's panel with every seat, the experts conflicted with it and why,
places or removes a seat with a reason and runs the assignment of the call; an expert sees only
their own seat, and only on an application `panels.visible_cases` lets them see (no conflict holds
now), where they declare independence, recuse or give conclusions. Anyone else gets a 404: the page
does not even say the application has a panel."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from techpolicy.accounts.roles import has_role
from techpolicy.casework.models import Case
from techpolicy.casework.steps import current_language

from . import panels, scores
from .conflicts import conflicted_pairs
from .models import AssignmentRun, Call, Conclusion, Expert, Seat
from .models.panels import MAX_CONCLUSION
from .roles import GRANT_EXPERT, GRANT_OPERATOR

MAX_NUMBER = 32  # Case.number and Call.number
REVIEWS_PAGE = 50
RUN_SEATS_PAGE = 100
RUNS_SHOWN = 10

STATUSES = {
    "optimal": gettext_lazy("optimal: the best total affinity, proven"),
    "feasible": gettext_lazy("feasible: every panel formed, not proven the best"),
    "infeasible": gettext_lazy("infeasible: the panels cannot be formed"),
    "time_limit": gettext_lazy("stopped by the time limit without an assignment"),
    "partial": gettext_lazy("partial: some panels are short"),
}


def _case(number: str) -> Case:
    return get_object_or_404(Case.objects.select_related("organisation"), number=number[:MAX_NUMBER],
                             workflow=panels.WORKFLOW)


def _expert_of(user) -> Expert | None:
    if not has_role(user, GRANT_EXPERT):
        return None
    return Expert.objects.select_related("user").filter(user=user).first()


def _int(value) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdigit() and len(text) < 18 else None


def _operator_only(user) -> None:
    if not has_role(user, GRANT_OPERATOR):
        raise PermissionDenied(_("This page is for the operator of innovation grants."))


# --- one application's panel ----------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def panel_page(request, number: str):
    case = _case(number)
    if has_role(request.user, GRANT_OPERATOR):
        return _operator_page(request, case)
    expert = _expert_of(request.user)
    seat = panels.seat_of(expert, case) if expert is not None else None
    if seat is None:
        raise Http404
    return _expert_page(request, case, seat)


def _operator_post(request, case: Case) -> None:
    action = request.POST.get("action", "")
    reason = request.POST.get("reason", "")[:panels.MAX_REASON + 1]
    if action == "place":
        expert_id = _int(request.POST.get("expert"))
        expert = Expert.objects.filter(pk=expert_id).first() if expert_id is not None else None
        if expert is None:
            messages.error(request, _("Choose an expert of the pool."))
            return
        panels.place(case, expert, request.user, reason)
        messages.success(request, _("The expert was placed on the panel."))
    elif action == "remove":
        seat_id = _int(request.POST.get("seat"))
        seat = get_object_or_404(Seat, pk=seat_id, case=case) if seat_id is not None else None
        if seat is None:
            raise Http404
        panels.remove(seat, request.user, reason)
        messages.success(request, _("The expert was removed from the panel."))
    else:
        messages.error(request, _("Unknown action."))


def _operator_page(request, case: Case):
    if request.method == "POST":
        try:
            _operator_post(request, case)
        except panels.PanelError as refused:
            messages.error(request, refused.message)
        return redirect("innovation_grants:panel", number=case.number)
    seats = list(case.grant_seats.select_related("expert__user", "run").order_by("placed_at", "pk"))
    seated_experts = {s.expert_id: s.expert for s in seats}
    [application] = panels.application_profiles([case])
    # A conflict that arose after the seat was given is shown on the seat itself.
    seat_conflicts = {expert_id: reason for (_a, expert_id), reason in conflicted_pairs(
        panels.expert_profiles(seated_experts.values()), [application]).items()}
    conflicts = panels.conflicts_of_case(case)
    open_ids = {s.expert_id for s in seats if s.state in Seat.OPEN}
    pool = list(Expert.objects.filter(active=True).select_related("user").order_by("pk"))
    by_id = {e.pk: e for e in pool}
    rows = [{"seat": s, "expert": s.expert, "domestic": s.expert.domestic, "state": s.get_state_display(),
             "open": s.state in Seat.OPEN, "conflict": panels.reason_label(seat_conflicts[s.expert_id])
             if s.expert_id in seat_conflicts else ""} for s in seats]
    call = Call.objects.filter(number=str((case.facts or {}).get("call", ""))[:MAX_NUMBER]).first()
    return render(request, "innovation_grants/panel.html", {
        "case": case, "operator": True, "rows": rows, "call": call,
        "conflicts": [{"expert": by_id[i], "reason": panels.reason_label(code)}
                      for i, code in sorted(conflicts.items()) if i in by_id],
        "candidates": [e for e in pool if e.pk not in conflicts and e.pk not in open_ids],
        "runs": [{"run": run, "status": STATUSES.get(run.status, run.status)}
                 for run in call.assignment_runs.order_by("-run_at")[:RUNS_SHOWN]] if call else [],
        "under_expertise": case.state == panels.EXPERTISE, "max_reason": panels.MAX_REASON,
        "open_count": len(open_ids),
    })


def _expert_post(request, seat: Seat):
    action = request.POST.get("action", "")
    if action == "declare":
        panels.declare(seat, request.user)
        messages.success(request, _("Your independence declaration was recorded."))
    elif action == "recuse":
        panels.recuse(seat, request.user, request.POST.get("reason", "")[:panels.MAX_REASON + 1])
        messages.success(request, _("Your recusal was recorded."))
        return redirect("innovation_grants:reviews")
    elif action == "score":
        values = {key.removeprefix("score-"): value[:4] for key, value in request.POST.items()
                  if key.startswith("score-")}
        scores.record_scores(seat, request.user, values)
        messages.success(request, _("Your scores were recorded."))
    elif action == "conclude":
        panels.conclude(seat, request.user, request.POST.get("kind", "")[:20],
                        request.POST.get("text", "")[:MAX_CONCLUSION + 1])
        messages.success(request, _("Your conclusion was recorded."))
    else:
        messages.error(request, _("Unknown action."))
    return None


def _criteria(case: Case) -> list[dict]:
    """The criteria of the application's call, in the reader's language, for the scoring form."""
    call = Call.objects.filter(number=(case.facts or {}).get("call")).first()
    lang = current_language()
    return [{"code": c.code, "name": c.name(lang), "scale_max": c.scale_max, "required": c.required,
             "weight": c.weight} for c in call.criteria.order_by("order", "code")] if call else []


def _given_scores(seat: Seat) -> list[dict]:
    lang = current_language()
    return [{"name": sc.criterion.name(lang), "value": sc.value, "max": sc.criterion.scale_max}
            for sc in seat.scores.select_related("criterion").order_by("criterion__order", "pk")]


def _expert_page(request, case: Case, seat: Seat):
    if request.method == "POST":
        try:
            response = _expert_post(request, seat)
        except panels.PanelError as refused:
            messages.error(request, refused.message)
            response = None
        return response or redirect("innovation_grants:panel", number=case.number)
    given = list(seat.conclusions.order_by("submitted_at", "pk"))
    kinds = {c.kind for c in given}
    facts = case.facts or {}
    return render(request, "innovation_grants/panel.html", {
        "case": case, "operator": False, "seat": seat, "state": seat.get_state_display(),
        "applicant": str((facts.get("applicant") or {}).get("name", ""))[:300],
        "direction": str(facts.get("direction", ""))[:100], "call_number": str(facts.get("call", ""))[:MAX_NUMBER],
        "conclusions": given,
        "kinds_left": [(value, label) for value, label in Conclusion.KINDS if value not in kinds],
        "may_declare": seat.state == Seat.ASSIGNED, "may_conclude": seat.state in (Seat.DECLARED, Seat.CONCLUDED),
        "criteria": _criteria(case), "scores": _given_scores(seat),
        "under_expertise": case.state == panels.EXPERTISE,
        "max_reason": panels.MAX_REASON, "max_conclusion": MAX_CONCLUSION,
    })


# --- the assignment of a call ------------------------------------------------------------------------


@login_required
@require_POST
def assign_call(request, number: str):
    _operator_only(request.user)
    call = get_object_or_404(Call, number=number[:MAX_NUMBER])
    try:
        run = panels.assign(call, request.user)
    except panels.PanelError as refused:
        messages.error(request, refused.message)
        back = Case.objects.filter(number=request.POST.get("case", "")[:MAX_NUMBER], workflow=panels.WORKFLOW,
                                   facts__call=call.number).first()
        if back is not None:
            return redirect("innovation_grants:panel", number=back.number)
        return render(request, "innovation_grants/assignment_run.html", {"run": None, "call": call})
    return redirect("innovation_grants:run", pk=run.pk)


@login_required
@require_safe
def run_page(request, pk: int):
    _operator_only(request.user)
    run = get_object_or_404(AssignmentRun.objects.select_related("call", "run_by"), pk=pk)
    seats = run.seats.select_related("case", "expert__user").order_by("case__number", "pk")
    page = Paginator(seats, RUN_SEATS_PAGE).get_page(request.GET.get("page"))
    result = (run.evidence or {}).get("result") or {}
    return render(request, "innovation_grants/assignment_run.html", {
        "run": run, "call": run.call, "status": STATUSES.get(run.status, run.status),
        "seats_count": result.get("seats_count", seats.count()), "problems": panels.problems_of(run),
        "short_count": result.get("short_count", 0), "page": page, "query": "",
    })


# --- the expert's own list ---------------------------------------------------------------------------


@login_required
@require_safe
def my_reviews(request):
    expert = _expert_of(request.user)
    if expert is None:
        raise PermissionDenied(_("This page is for the experts of the independent expertise."))
    page = Paginator(panels.visible_cases(expert), REVIEWS_PAGE).get_page(request.GET.get("page"))
    states = {s.case_id: s.get_state_display() for s in
              Seat.objects.filter(expert=expert, state__in=Seat.OPEN, case__in=[c.pk for c in page])}
    rows = [{"case": c, "state": states.get(c.pk, ""), "call": str((c.facts or {}).get("call", ""))[:MAX_NUMBER]}
            for c in page]
    return render(request, "innovation_grants/my_reviews.html", {"page": page, "rows": rows, "query": ""})
