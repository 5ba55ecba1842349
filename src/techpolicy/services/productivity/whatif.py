"""What-if for ministry analysts: the programme's rules run over the stored applications under the
parameters in force and under a reform (changed parameter values), side by side (law of 2012,
art. 19(4) analysis; art. 5(5) effectiveness evaluation)."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from techpolicy.accounts.roles import ADMINISTRATOR, ANALYST, OPERATOR, has_role
from techpolicy.casework import law_context
from techpolicy.casework.models import Case
from techpolicy.simulation.runner import ReformError, reform_parameters
from techpolicy.simulation.stored import StoredApplication, simulate_stored

WORKFLOW_PREFIX = "productivity."
ROWS = 5


def _parameter_choices():
    """Each parameter with its latest value and unit, so the analyst sees the scale to change."""
    parameters = law_context.parameters()
    choices = [("", "—")]
    for name in parameters.names():
        if name.startswith("p2020.") or name == "mci":
            latest = parameters.definition(name).values[-1]
            shown = _("not set by the source document") if latest.value is None else f"{latest.value} {latest.unit}"
            choices.append((name, f"{name} = {shown}"))
    return choices


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


@login_required
def page(request):
    user = request.user
    if not any(has_role(user, role) for role in (ANALYST, OPERATOR, ADMINISTRATOR)):
        raise PermissionDenied(_("The what-if comparison is for analysts and the programme operator."))
    formset = ChangeFormSet(request.POST or None, prefix="c")
    comparison, count = None, None
    if request.method == "POST" and formset.is_valid():
        changes = {f.cleaned_data["parameter"]: f.cleaned_data["value"].strip()
                   for f in formset if f.cleaned_data.get("parameter")}
        if not changes:
            formset._non_form_errors = formset.error_class([_("Choose at least one parameter to change.")])
        else:
            baseline = law_context.parameters()
            try:
                reform = reform_parameters(baseline, changes)
            except ReformError as exc:
                formset._non_form_errors = formset.error_class(
                    [_("Parameter %(name)s: %(error)s") % {"name": exc.parameter, "error": exc}])
            else:
                applications = stored_applications()
                count = len(applications)
                comparison = simulate_stored(applications, baseline, reform, changes).as_dict()
    return render(request, "productivity/what_if.html",
                  {"formset": formset, "comparison": comparison, "count": count})
