"""The service's own section about its cases: the list of initiatives for the bodies that handle
them and for the national institute, and one case's page with the national institute's
methodological comments (p.21), the proposal (p.19) and the register entry with its review flag
(p.21, reading R-A2). The generic case page (`casework`) links here."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from techpolicy.accounts.roles import has_role
from techpolicy.casework.models import Case, RegisterEntry
from techpolicy.casework.permissions import can_view, handles_workflow

from . import checks
from .models import MAX_COMMENT, MethodologicalComment
from .register import REGISTER_KEY
from .roles import NATIONAL_INSTITUTE
from .vocabulary import direction_label, sector_label
from .workflows import DESIGNATION

PAGE_SIZE = 25
MAX_SEARCH = 100


def may_read_all(user) -> bool:
    """The bodies that handle the workflow and the national institute read every initiative."""
    return handles_workflow(user, DESIGNATION) or has_role(user, NATIONAL_INSTITUTE)


def _case(request, number: str) -> Case:
    case = get_object_or_404(Case.objects.select_related("organisation"), number=number, workflow=DESIGNATION.id)
    if not (can_view(request.user, case)[0] or has_role(request.user, NATIONAL_INSTITUTE)):
        raise PermissionDenied(_("This case belongs to another organisation."))
    return case


@login_required
@require_safe
def case_list(request):
    if not may_read_all(request.user):
        raise PermissionDenied(_("The list of initiatives is for the bodies that consider them and the national "
                                 "institute."))
    q = request.GET.get("q", "").strip()[:MAX_SEARCH]
    cases = Case.objects.filter(workflow=DESIGNATION.id).select_related("organisation").order_by("-created_at")
    if q:
        cases = cases.filter(Q(number__icontains=q) | Q(organisation__name__icontains=q))
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [{"case": c, "state": DESIGNATION.state(c.state).staff_name} for c in page]
    query = f"{urlencode({'q': q})}&" if q else ""
    return render(request, "competence_centres/case_list.html", {"page": page, "rows": rows, "q": q,
                                                                 "query": query})


@login_required
@require_http_methods(["GET", "POST"])
def case_page(request, number: str):
    case = _case(request, number)
    commenting = has_role(request.user, NATIONAL_INSTITUTE)
    if request.method == "POST":
        if not commenting:
            raise PermissionDenied(_("Methodological comments are given by the national institute (p.21)."))
        text = request.POST.get("text", "").strip()
        if not text:
            messages.error(request, _("Write the comment."))
        elif len(text) > MAX_COMMENT:
            messages.error(request, _("A comment is at most %(n)s characters.") % {"n": MAX_COMMENT})
        else:
            MethodologicalComment.objects.create(case=case, author=request.user, text=text)
            messages.success(request, _("The comment was added."))
            return redirect("competence_centres:case", number=number)
    entry = RegisterEntry.objects.filter(register=REGISTER_KEY, case=case).first()
    names = {s.id: s.staff_name for s in DESIGNATION.states}
    history = [{"at": t.at, "to": names.get(t.to_state, t.to_state), "reason": t.reason,
                "action": getattr(DESIGNATION.action(t.action), "label", None) or _("Case created")}
               for t in case.transitions.order_by("at", "pk")]
    return render(request, "competence_centres/case.html", {
        "case": case, "state": DESIGNATION.state(case.state), "proposal": checks.proposal_of(case),
        "comments": case.cc_comments.select_related("author"), "commenting": commenting,
        "entry": entry, "history": history, "flagged": bool(entry and entry.data.get("review")),
        "max_comment": MAX_COMMENT,
        "sector": sector_label(str(case.facts.get("sector", ""))),
        "direction": direction_label(str(case.facts.get("direction", ""))),
    })
