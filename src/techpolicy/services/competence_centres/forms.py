"""The initiative's forms (000 p.17-19, p.22) as a task list: the candidate, the sector and
direction with the state body it is addressed to, the experience, the staff and their competence
areas, own funds and the material-technical base, and the funding sources. They produce the case's
facts (`checks.law_facts` turns them into the law layer's `CompetenceCentreFacts`).

The names of organisation kinds and competence areas are the law layer's, in the reader's
language; the sectors, directions and state bodies are those the authorized body maintains."""

from __future__ import annotations

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from techpolicy.casework import law_context
from techpolicy.casework.kit import fact_errors
from techpolicy.casework.kit.forms import Bound, FormBundle
from techpolicy.law.acts.act000_methodology.competence_centres import COMPETENCE_AREAS
from techpolicy.law.acts.act000_methodology.designation import KIND_LABELS
from techpolicy.law.acts.act000_methodology.facts_designation import MAX_NAME, MAX_REFERENCE, MAX_TEXT
from techpolicy.law.facts import InvalidFacts

from . import checks
from .models import Direction
from .published import supervised_directions
from .vocabulary import direction_choices

MAX_STAFF_ROWS = 100  # rows of the staff table a page may post (about 600 fields, under Django's 1000)
MAX_FUNDING_ROWS = 10
MAX_AMOUNT_DIGITS = 20


def _lang() -> str:
    lang = (get_language() or "kk")[:2]
    return lang if lang in ("kk", "ru", "en") else "kk"


class DateInput(forms.DateInput):
    input_type = "date"


class CandidateForm(forms.Form):
    """Paragraph 18: the legal entity that initiates its designation."""

    name = forms.CharField(label=_("Name of the organisation"), max_length=MAX_NAME)
    bin = forms.RegexField(label=_("BIN"), regex=r"^\d{12}$", required=False,
                           error_messages={"invalid": _("A BIN has exactly 12 digits.")})
    kind = forms.ChoiceField(label=_("Kind of organisation (p.18)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(code, labels[_lang()]) for code, labels in KIND_LABELS.items()]


class DesignationForm(forms.Form):
    """Paragraphs 17(1), 19 and 21: the sector and technology direction, and the state body or local
    executive body that supervises it and to which the initiative is addressed."""

    direction = forms.ChoiceField(label=_("Sector and technology direction"))
    state_body = forms.TypedChoiceField(label=_("State body or local executive body supervising the direction "
                                                "(p.19)"), coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["direction"].choices = [("", "—"), *direction_choices(_lang())]
        self.fields["state_body"].choices = [("", "—"), *((b.organisation_id, str(b.organisation))
                                                           for b in checks.state_bodies())]


class ExperienceForm(forms.Form):
    """Paragraph 17(1): when the activity in the sector by the direction began, and the evidence."""

    started_on = forms.DateField(label=_("Activity in the sector by the direction began on"), widget=DateInput)
    evidence = forms.CharField(label=_("Evidence (documents, with numbers and dates)"), max_length=MAX_REFERENCE)


class StaffForm(forms.Form):
    """Paragraph 17(2): an employee, the areas of competence and the evidence."""

    name = forms.CharField(label=_("Employee"), max_length=MAX_NAME)
    areas = forms.MultipleChoiceField(label=_("Areas of competence (p.17(2))"), widget=forms.CheckboxSelectMultiple)
    evidence = forms.CharField(label=_("Evidence of the competences"), max_length=MAX_REFERENCE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].choices = [(code, labels[_lang()]) for code, labels in COMPETENCE_AREAS.items()]


class ResourcesForm(forms.Form):
    """Paragraph 17(3): own funds to finance the activity and the material-technical base."""

    own_funds = forms.BooleanField(label=_("The organisation has own funds to finance its activity"), required=False)
    amount_kzt = forms.DecimalField(label=_("Own funds, tenge (optional)"), required=False, min_value=0,
                                    max_digits=MAX_AMOUNT_DIGITS, decimal_places=2)
    material_base = forms.BooleanField(label=_("The organisation has a material-technical base, including the "
                                               "necessary infrastructure"), required=False)
    base_description = forms.CharField(label=_("Description of the material-technical base"), required=False,
                                       max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 3}))


class FundingForm(forms.Form):
    """Paragraph 22: a source of financing, recorded (never a ground of refusal)."""

    kind = forms.ChoiceField(label=_("Source of financing (p.22)"),
                             choices=[("", "—"), ("own", _("own funds")), ("attracted", _("attracted funds"))])
    description = forms.CharField(label=_("Description"), required=False, max_length=MAX_NAME)


# `absolute_max` equal to `max_num`: no more forms are built whatever TOTAL_FORMS the browser sends.
StaffFormSet = forms.formset_factory(StaffForm, extra=0, min_num=1, validate_min=True, max_num=MAX_STAFF_ROWS,
                                     validate_max=True, absolute_max=MAX_STAFF_ROWS)
FundingFormSet = forms.formset_factory(FundingForm, extra=1, max_num=MAX_FUNDING_ROWS, validate_max=True,
                                       absolute_max=MAX_FUNDING_ROWS)

# The task list: (prefix, title) in the order of the paragraphs.
SECTIONS = (
    ("candidate", _("The initiator (p.18)")),
    ("designation", _("Sector, direction and state body (p.17(1), p.19)")),
    ("experience", _("Experience of at least five years (p.17(1))")),
    ("staff", _("Staff competences in the four areas (p.17(2))")),
    ("resources", _("Own funds and material-technical base (p.17(3))")),
    ("funding", _("Sources of financing (p.22)")),
)


class InitiativeForms(FormBundle):
    add_row = {"add_staff": ("staff", MAX_STAFF_ROWS), "add_funding": ("funding", MAX_FUNDING_ROWS)}
    sections = tuple((key, label, (key,)) for key, label in SECTIONS)  # the kit's task list

    def draft_facts(self, bound: Bound) -> dict:
        """The sector and direction of a draft saved incomplete: its subject (one open per pair)."""
        if not bound["designation"].is_valid():
            return {}
        code = bound["designation"].cleaned_data["direction"]
        direction = Direction.objects.select_related("sector").filter(code=code).first()
        return {"sector": direction.sector.code, "direction": direction.code} if direction else {}

    def forms(self, data, initial: dict) -> Bound:
        # A posted table is read as posted: rows equal to the stored ones would otherwise count as
        # unchanged extra rows, and the formset would find no employee at all.
        rows = (lambda key, default: None) if data is not None else (lambda key, default: initial.get(key) or default)
        return {
            "candidate": CandidateForm(data, prefix="candidate", initial=initial.get("candidate")),
            "designation": DesignationForm(data, prefix="designation", initial=initial.get("designation")),
            "experience": ExperienceForm(data, prefix="experience", initial=initial.get("experience")),
            "staff": StaffFormSet(data, prefix="staff", initial=rows("staff", [{}])),
            "resources": ResourcesForm(data, prefix="resources", initial=initial.get("resources")),
            "funding": FundingFormSet(data, prefix="funding", initial=rows("funding", None)),
        }

    def facts(self, bound: Bound) -> dict:
        candidate = bound["candidate"].cleaned_data
        designation = bound["designation"].cleaned_data
        experience = bound["experience"].cleaned_data
        resources = bound["resources"].cleaned_data
        direction = Direction.objects.select_related("sector").get(code=designation["direction"])
        amount = resources.get("amount_kzt")
        return {
            "organisation": {"name": candidate["name"], "bin": candidate.get("bin") or None, "kind": candidate["kind"]},
            "sector": direction.sector.code,
            "direction": direction.code,
            "state_body": designation["state_body"],
            "experience": {"started_on": experience["started_on"].isoformat(), "evidence": experience["evidence"]},
            "staff": [{"name": row["name"], "areas": list(row["areas"]), "evidence": row["evidence"]}
                      for row in (f.cleaned_data for f in bound["staff"]) if row],
            "own_funds": {"available": bool(resources.get("own_funds")),
                          "amount_kzt": None if amount is None else str(amount)},
            "material_base": {"available": bool(resources.get("material_base")),
                              "description": resources.get("base_description") or ""},
            "funding_sources": [{"kind": row["kind"], "description": row.get("description") or ""}
                                for row in (f.cleaned_data for f in bound["funding"]) if row.get("kind")],
        }

    def initial(self, organisation) -> dict:
        if organisation is None:
            return {}
        return {"candidate": {"name": organisation.name, "bin": organisation.bin, "kind": "other_legal_entity"}}

    def initial_from_facts(self, facts: dict) -> dict:
        organisation = facts.get("organisation") or {}
        resources_funds, base = facts.get("own_funds") or {}, facts.get("material_base") or {}
        return {
            "candidate": organisation,
            "designation": {"direction": facts.get("direction"), "state_body": facts.get("state_body")},
            "experience": facts.get("experience") or {},
            "staff": facts.get("staff") or [{}],
            "resources": {"own_funds": resources_funds.get("available"),
                          "amount_kzt": resources_funds.get("amount_kzt"),
                          "material_base": base.get("available"), "base_description": base.get("description")},
            "funding": facts.get("funding_sources") or [],
        }

    def errors(self, facts: dict) -> list[dict] | None:
        """The facts as the law layer reads them (a start after today is refused while read), and
        p.19: the state body chosen supervises the direction today."""
        today = law_context.today()
        try:
            checks.CHECK.procedure.parse(checks.law_facts(facts, today))
        except InvalidFacts as exc:
            return fact_errors.localized(exc)
        body = checks.StateBodyProfile.objects.filter(organisation_id=facts["state_body"]).first()
        if body is None or (facts["sector"], facts["direction"]) not in supervised_directions(body.organisation,
                                                                                              today):
            return [{"field": str(_("State body")), "message": str(_(
                "The chosen state body does not supervise this direction today; choose one that does (p.19)."))}]
        return None


INITIATIVE = InitiativeForms()


class CheckForms(InitiativeForms):
    """The public pre-check: the same questions without the state body (no proposal yet) and with the
    date of the check, storing nothing."""

    def forms(self, data, initial: dict) -> Bound:
        bound = super().forms(data, initial)
        bound["designation"].fields.pop("state_body")
        bound["check"] = CheckDateForm(data, prefix="check", initial={"on": law_context.today()})
        return bound

    def facts(self, bound: Bound) -> dict:
        designation = bound["designation"].cleaned_data
        bound["designation"].cleaned_data = {**designation, "state_body": None}
        facts = super().facts(bound)
        facts["checked_on"] = bound["check"].cleaned_data["on"].isoformat()
        return facts


class CheckDateForm(forms.Form):
    on = forms.DateField(label=_("Date of the check"), widget=DateInput,
                         help_text=_("The law in force on this date applies; the years of experience are counted "
                                     "to it."))


PRECHECK = CheckForms()
