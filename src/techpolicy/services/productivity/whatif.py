"""What-if for ministry analysts: the programme's rules run over the stored applications under the
parameters in force and under a reform (changed parameter values), side by side (law of 2012,
art. 19(4) analysis; art. 5(5) effectiveness evaluation)."""

import json
import uuid

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from techpolicy.accounts.roles import ANALYST, has_role
from techpolicy.casework import law_context
from techpolicy.casework.jobs import FileKind, Rendered, RenderError, digest, register, request_file
from techpolicy.casework.models import Case, GeneratedFile
from techpolicy.casework.permissions import handled_workflows
from techpolicy.casework.views_files import file_context
from techpolicy.casework.workflow import all_workflows
from techpolicy.simulation.runner import ReformError, reform_parameters
from techpolicy.simulation.stored import StoredApplication, simulate_stored

from . import whatif_charts, whatif_display

WORKFLOW_PREFIX = "productivity."
ROWS = 5


def _parameter_choices():
    return whatif_display.parameter_choices(law_context.parameters())


class ChangeForm(forms.Form):
    parameter = forms.ChoiceField(label=gettext_lazy("Parameter"), required=False)
    value = forms.CharField(label=gettext_lazy("New value"), required=False, max_length=60)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parameter"].choices = _parameter_choices()

    def clean(self):
        data = super().clean()
        if data.get("parameter") and not data.get("value"):
            self.add_error("value", _("Give the new value of this parameter."))
        return data


ChangeFormSet = forms.formset_factory(ChangeForm, extra=ROWS, max_num=ROWS)


def stored_applications() -> list[StoredApplication]:
    """Every submitted application of the programme, with the facts it was decided on."""
    cases = Case.objects.filter(workflow__startswith=WORKFLOW_PREFIX).exclude(state="draft").order_by("pk")
    return [StoredApplication(c.number, str(c.organisation_id), c.facts)
            for c in cases.only("number", "organisation_id", "facts")]


def may_compare(user) -> bool:
    """Analysts, or staff who handle every workflow of the programme (the programme operator,
    administrators): the comparison shows all its stored applications, so the staff of one
    instrument (KDB-Leasing) or of another service do not run it (finding 5)."""
    if has_role(user, ANALYST):
        return True
    handled = handled_workflows(user)
    programme = {w.id for w in all_workflows() if w.id.startswith(WORKFLOW_PREFIX)}
    return handled is None or (bool(programme) and programme <= set(handled))


# --- the comparison as a background job (casework.jobs) ---------------------------------------
# Running the rules twice over every stored application takes long on a full register, so a worker
# runs it; the page shows the job's state and, once ready, the comparison stored as JSON.

CHANGED_PARAMETERS = gettext_noop("The parameters changed since the comparison was asked for: compare again.")


def comparison_key(changes: dict, baseline) -> str:
    """The reform and the data it is run on: the programme's stored applications (their count, last
    id and last change) and every parameter value in force (shipped and entered by operators)."""
    cases = Case.objects.filter(workflow__startswith=WORKFLOW_PREFIX).exclude(state="draft")
    applications = cases.aggregate(n=Count("pk"), last=Max("pk"), changed=Max("updated_at"))
    values = [(name, [(v.start, v.value) for v in baseline.definition(name).values]) for name in baseline.names()]
    return f"what-if:{digest(sorted(changes.items()))}:{digest(applications, values)}"


def render_comparison(changes: dict) -> Rendered:
    baseline = law_context.parameters()
    try:
        reform = reform_parameters(baseline, changes)
    except ReformError as exc:  # checked on the page already; only a parameter changed since then
        raise RenderError(CHANGED_PARAMETERS) from exc
    applications = stored_applications()
    comparison = simulate_stored(applications, baseline, reform, changes).as_dict()
    content = json.dumps({"count": len(applications), "comparison": comparison}, default=str, ensure_ascii=False)
    return Rendered(content.encode(), "application/json", f"what-if-{digest(sorted(changes.items()))}.json")


def check(user, job) -> tuple[bool, str]:
    if may_compare(user):
        return True, ""
    return False, _("The what-if comparison is for analysts and the programme operator.")


def result_context(job, content: bytes) -> dict:
    context = whatif_display.result_context(json.loads(content), law_context.parameters())
    return context | {"charts": whatif_charts.comparison_charts(context["comparison"])}


WHAT_IF = register(FileKind("what-if", gettext_lazy("What-if: rule changes on past applications"), render_comparison,
                            check, back=lambda job, user: reverse("productivity:what_if"),
                            result_template="productivity/_what_if_result.html", result_context=result_context))


def _job(value: str | None) -> GeneratedFile | None:
    """The what-if job named in the page's address (after the form was sent), if it is one."""
    try:
        return GeneratedFile.objects.filter(pk=uuid.UUID(value or ""), kind=WHAT_IF.name).first()
    except ValueError:
        return None


@login_required
def page(request):
    if not may_compare(request.user):
        raise PermissionDenied(_("The what-if comparison is for analysts and the programme operator."))
    job = None if request.method == "POST" else _job(request.GET.get("job"))
    initial = [{"parameter": name, "value": value} for name, value in job.args[0].items()] if job else None
    formset = ChangeFormSet(request.POST or None, prefix="c", initial=initial)
    if request.method == "POST" and formset.is_valid():
        changes = {f.cleaned_data["parameter"]: f.cleaned_data["value"].strip()
                   for f in formset if f.cleaned_data.get("parameter")}
        if not changes:
            formset._non_form_errors = formset.error_class([_("Choose at least one parameter to change.")])
        else:
            baseline = law_context.parameters()
            try:
                reform_parameters(baseline, changes)  # a malformed value is refused at once, nothing is queued
            except ReformError as exc:
                # Said beside the value that cannot be read, in the page's language.
                message = whatif_display.malformed_value(baseline, exc.parameter)
                forms_named = [f for f in formset if f.cleaned_data.get("parameter") == exc.parameter]
                for form in forms_named:
                    form.add_error("value", message)
                if not forms_named:
                    formset._non_form_errors = formset.error_class([message])
            else:
                job = request_file(WHAT_IF.name, comparison_key(changes, baseline), changes, user=request.user)
                return redirect(f"{reverse('productivity:what_if')}?job={job.pk}")
    context = {"formset": formset, "comparison": None, "count": None}
    if job is not None:
        context.update(file_context(job, WHAT_IF))
    return render(request, "productivity/what_if.html", context)
