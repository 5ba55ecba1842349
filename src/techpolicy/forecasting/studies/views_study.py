"""The analysts' pages of a study: list, create and edit, stages, thematic plan, groups, technologies."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from techpolicy.casework.law_context import today
from techpolicy.casework.steps import current_language
from techpolicy.site.once import already_sent, first_submission

from . import panel, stages
from .errors import StudyError
from .forms import InviteForm, PlanActivityForm, StudyForm, TechnologyForm
from .models import Study
from .models.study import METHODS, PREPARATORY, STAGES
from .views_common import managed_study, require_analyst, show_error

PAGE_SIZE = 25


@login_required
def study_list(request):
    require_analyst(request)
    query = request.GET.get("q", "").strip()
    studies = Study.objects.search(query)
    page = Paginator(studies, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "studies/list.html", {"page": page, "query": query})


@login_required
def study_create(request):
    require_analyst(request)
    form = StudyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in StudyForm.Meta.fields}
        with transaction.atomic():
            if not first_submission(request):
                messages.info(request, already_sent())
                return redirect("studies:list")
            study = stages.create_study(request.user, stop_rule=form.instance.stop_rule, **fields)
        messages.success(request, _("Study %(number)s created.") % {"number": study.number})
        return redirect("studies:detail", study.number)
    return render(request, "studies/form.html", {"form": form, "study": None})


@login_required
def study_edit(request, number):
    study = managed_study(request, number)
    form = StudyForm(request.POST or None, instance=study)
    status = 200
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in StudyForm.Meta.fields}
        version = form.cleaned_data["version"]
        try:
            study = stages.edit_study(study, fields | {"stop_rule": form.instance.stop_rule},
                                      version=-1 if version is None else version)  # no version: stale
        except StudyError as exc:
            show_error(request, form, exc)
            status = exc.status
        else:
            messages.success(request, _("The study was saved."))
            return redirect("studies:detail", study.number)
    return render(request, "studies/form.html", {"form": form, "study": study}, status=status)


def _progress(study):
    """Share of thematic-plan activities done, and those late (past their end, not done)."""
    plan = list(study.plan.all())
    done = sum(1 for a in plan if a.done_on)
    late = [a for a in plan if not a.done_on and a.ends_on < today()]
    return {"total": len(plan), "done": done, "late": late,
            "percent": round(100 * done / len(plan)) if plan else 0}


@login_required
def study_detail(request, number):
    study = managed_study(request, number)
    verdict = stages.main_stage_verdict(study).as_dict(current_language()) if study.stage == PREPARATORY else None
    stage_names = dict(STAGES)
    return render(request, "studies/detail.html", {
        "study": study,
        "actions": stages.actions_from(study.stage),
        "verdict": verdict,
        "progress": _progress(study),
        "methods": [dict(METHODS).get(m, m) for m in study.methods],
        "stop_rule": [(StudyForm.base_fields[k].label, v) for k, v in (study.stop_rule or {}).items()
                      if k in StudyForm.base_fields],
        "log": [{"change": c, "from": stage_names.get(c.from_stage, ""), "to": stage_names.get(c.to_stage, c.to_stage)}
                for c in study.stage_changes.select_related("actor")],
    })


@login_required
@require_POST
def stage_action(request, number):
    study = managed_study(request, number)
    version = request.POST.get("version", "")
    payload = {name: request.POST.get(name, "") for name in ("in_force_from", "decision")}
    try:
        stages.advance(study, request.POST.get("action", ""), request.user,
                       version=int(version) if version.isdigit() else -1,
                       reason=request.POST.get("reason", "")[:2000],
                       **{k: v for k, v in payload.items() if v})
    except StudyError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Done."))
    return redirect("studies:detail", study.number)


@login_required
def plan(request, number):
    study = managed_study(request, number)
    form = PlanActivityForm(request.POST or None)
    if request.method == "POST":
        done_id = request.POST.get("done")
        if done_id:
            activity = study.plan.filter(pk=done_id if done_id.isdigit() else 0, done_on=None).first()
            if activity is None:
                messages.error(request, _("This activity is already marked done or does not exist."))
            else:
                activity.done_on = max(today(), activity.starts_on)
                activity.save(update_fields=["done_on"])
            return redirect("studies:plan", study.number)
        form.instance.study = study
        if form.is_valid():
            with transaction.atomic():
                if first_submission(request):
                    form.save()
                else:
                    messages.info(request, already_sent())
            return redirect("studies:plan", study.number)
    return render(request, "studies/plan.html", {"study": study, "form": form, "plan": study.plan.all(),
                                                 "progress": _progress(study)})


@login_required
def experts(request, number):
    study = managed_study(request, number)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership = panel.invite(study, request.user, **form.cleaned_data)
        except StudyError as exc:
            show_error(request, form, exc)
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": membership.expert.email})
            return redirect("studies:experts", study.number)
    return render(request, "studies/experts.html", {
        "study": study, "form": form, "memberships": study.memberships.select_related("expert")})


@login_required
def technologies(request, number):
    study = managed_study(request, number)
    form = TechnologyForm(request.POST or None, study=study)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.save()
        except IntegrityError:  # the same code added by a colleague between the form's check and the save
            form.add_error("code", _("This study already has a technology with this code."))
        else:
            return redirect("studies:technologies", study.number)
    return render(request, "studies/technologies.html", {
        "study": study, "form": form, "technologies": study.technologies.all()})
