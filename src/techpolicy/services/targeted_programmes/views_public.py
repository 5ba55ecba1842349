"""The public progress pages of approved programmes (p.43): the list, and one programme's goals,
target indicators against their interim and final values, the projected trajectory and the
measures, from the monitoring engine without the fields it keeps for the parties."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from techpolicy.casework import law_context
from techpolicy.casework.models import Case
from techpolicy.casework.steps import current_language
from techpolicy.monitoring.presentation import dashboard_context

from .monitoring import plan_of
from .published import WORKFLOW, approved_programmes, programme_name
from .views_programme import LANGUAGE_NAMES, blocks_for_page, document_facts

PAGE_SIZE = 20
MAX_SEARCH = 100


@require_safe
def programmes(request):
    q = request.GET.get("q", "").strip()[:MAX_SEARCH]
    cases = approved_programmes()
    if q:
        cases = cases.filter(facts__passport__name__icontains=q) | approved_programmes().filter(number__icontains=q)
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [{"case": c, "name": programme_name(c), "plan": plan_of(c)} for c in page]
    return render(request, "targeted_programmes/public_list.html", {"page": page, "rows": rows, "q": q})


@require_safe
def progress(request, number: str):
    case = get_object_or_404(Case.objects.select_related("organisation"), number=number, workflow=WORKFLOW,
                             state="approved")
    plan = plan_of(case)
    today = law_context.today()
    board = dashboard_context(plan, today, public=True) if plan else {}
    return render(request, "targeted_programmes/progress.html", {
        **board, "case": case, "name": programme_name(case), "plan": plan, "languages": LANGUAGE_NAMES,
        "blocks": blocks_for_page(document_facts(case), current_language()),
        "approval": case.decisions.filter(kind="approval").first()})
