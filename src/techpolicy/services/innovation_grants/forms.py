"""The application's forms (law 003 article 27, with article 1(3)-(4)) as a task list: the call it
answers, the applicant, the project (direction, planned costs and the part asked for, the type's
own facts) and, for type 3, the trainees. They produce the case's facts (`checks.law_facts` adds
the dates, the panel and the award).

The grant types' names are the law layer's, in the reader's language; the directions are those of
the list in force today; the calls are those open today."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from techpolicy.casework import law_context
from techpolicy.casework.kit.forms import Bound, FormBundle
from techpolicy.casework.steps import current_language
from techpolicy.law.acts.act003_state_support.grant_facts import MAX_TRAINEES
from techpolicy.law.acts.act003_state_support.grant_types import BY_ID
from techpolicy.law.acts.act003_state_support.values import MAX_AMOUNT

from . import directions
from .models import Call, DirectionsVersion

MAX_TRAINEE_ROWS = min(MAX_TRAINEES, 100)  # rows a page may post (about 500 fields, under Django's 1000)
MAX_NAME, MAX_ACTIVITY = 200, 2_000
AMOUNT_DIGITS = 18


def open_calls() -> list[Call]:
    today = law_context.today()
    return list(Call.objects.filter(published_at__isnull=False, opens_on__lte=today, closes_on__gte=today)
                .order_by("closes_on", "number"))


def call_label(call: Call, lang: str) -> str:
    return f"{call.number}: {call.title(lang)} ({BY_ID[call.grant_type].name[lang]})"


class CallForm(forms.Form):
    """The call the application answers: its grant type is the call's (article 27(2))."""

    call = forms.ChoiceField(label=_("Call for innovation grants"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        lang = current_language()
        self.fields["call"].choices = [("", "—"), *((c.number, call_label(c, lang)) for c in open_calls())]


class ApplicantForm(forms.Form):
    """Article 1(3)-(4): a natural or legal person carrying out industrial-innovative activity."""

    kind = forms.ChoiceField(label=_("The applicant is"), choices=[("legal_entity", _("a legal entity")),
                                                                   ("natural_person", _("a natural person"))])
    name = forms.CharField(label=_("Name of the applicant"), max_length=MAX_NAME)
    activity = forms.CharField(label=_("Industrial-innovative activity carried out"), max_length=MAX_ACTIVITY,
                               widget=forms.Textarea(attrs={"rows": 3}))
    industrial_enterprise = forms.BooleanField(label=_("The applicant is an industrial enterprise"),
                                               required=False)


class ProjectForm(forms.Form):
    """Article 27(1)-(2): the priority direction, the planned costs and the part the grant is to
    reimburse; for industrial research, whether the enterprise's own production processes improve."""

    direction = forms.ChoiceField(label=_("Priority direction of innovation grants"))
    planned_costs = forms.DecimalField(label=_("Planned costs of the project, tenge"), min_value=0.01,
                                       max_value=MAX_AMOUNT, max_digits=AMOUNT_DIGITS, decimal_places=2)
    requested = forms.DecimalField(label=_("Part of the costs the grant is to reimburse, tenge"), min_value=0.01,
                                   max_value=MAX_AMOUNT, max_digits=AMOUNT_DIGITS, decimal_places=2)
    own_production_process = forms.NullBooleanField(
        label=_("Industrial research: it improves the enterprise's own production processes"), required=False,
        widget=forms.Select(choices=[("unknown", "—"), ("true", _("yes")), ("false", _("no"))]))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        listed = directions.in_force(DirectionsVersion.PRIORITY_DIRECTIONS, law_context.today()).items
        self.fields["direction"].choices = [("", "—"), *((code, f"{names.get(current_language(), code)} ({code})")
                                                         for code, names in listed.items())]


class TraineeForm(forms.Form):
    """Article 27(2)(3): a member of the engineering-technical staff to be trained abroad."""

    name = forms.CharField(label=_("Trainee"), max_length=MAX_NAME)
    staff_category = forms.ChoiceField(label=_("Staff category"), choices=[
        ("engineering_technical", _("engineering-technical staff")), ("other", _("other staff"))])
    employer_industrial_enterprise = forms.BooleanField(label=_("Employed by an industrial enterprise"),
                                                        required=False)
    country = forms.RegexField(label=_("Country of the training (two-letter code)"), regex=r"^[A-Z]{2}$",
                               error_messages={"invalid": _("A country is its two-letter ISO code, e.g. DE.")})


TraineeFormSet = forms.formset_factory(TraineeForm, extra=0, max_num=MAX_TRAINEE_ROWS, validate_max=True,
                                       absolute_max=MAX_TRAINEE_ROWS)

SECTIONS = (
    ("call", _("The call (article 27(2))")),
    ("applicant", _("The applicant (article 1(3)-(4))")),
    ("project", _("The project and its costs (article 27(1)-(2))")),
    ("trainees", _("Trainees abroad, for staff training grants (article 27(2)(3))")),
)


def _amount(value) -> str:
    return f"{value:.2f}"


class GrantForms(FormBundle):
    add_row = {"add_trainee": ("trainees", MAX_TRAINEE_ROWS)}
    sections = tuple((key, label, (key,)) for key, label in SECTIONS)
    fact_forms = {"grant_type": "call", "direction": "project", "planned_costs": "project", "requested": "project",
                  "own_production_process": "project"}

    def draft_facts(self, bound: Bound) -> dict:
        """The call of a draft saved incomplete: its subject (one open application per call)."""
        return {"call": bound["call"].cleaned_data["call"]} if bound["call"].is_valid() else {}

    def forms(self, data, initial: dict) -> Bound:
        rows = (lambda key: None) if data is not None else (lambda key: initial.get(key) or None)
        return {
            "call": CallForm(data, prefix="call", initial=initial.get("call")),
            "applicant": ApplicantForm(data, prefix="applicant", initial=initial.get("applicant")),
            "project": ProjectForm(data, prefix="project", initial=initial.get("project")),
            "trainees": TraineeFormSet(data, prefix="trainees", initial=rows("trainees")),
        }

    def facts(self, bound: Bound) -> dict:
        call = Call.objects.get(number=bound["call"].cleaned_data["call"])
        project = bound["project"].cleaned_data
        return {
            "call": call.number,
            "grant_type": call.grant_type,
            "applicant": dict(bound["applicant"].cleaned_data),
            "direction": project["direction"],
            "planned_costs": _amount(project["planned_costs"]),
            "requested": _amount(project["requested"]),
            "own_production_process": project["own_production_process"],
            "trainees": [row for row in bound["trainees"].cleaned_data if row],
        }

    def initial(self, organisation) -> dict:
        return {"applicant": {"kind": "legal_entity", "name": getattr(organisation, "name", "")}}

    def initial_from_facts(self, facts: dict) -> dict:
        project = {k: facts.get(k) for k in ("direction", "planned_costs", "requested", "own_production_process")}
        return {"call": {"call": facts.get("call")}, "applicant": facts.get("applicant") or {}, "project": project,
                "trainees": facts.get("trainees") or []}


APPLICATION = GrantForms()
