"""Forms of the technopark application, and their mapping to and from the facts of seed 001.

The web form is flat where the facts are nested: the ownership chain is entered as rows
"HOLDER holds SHARE % of OWNED" (OWNED blank = the applicant itself), and the Annex 3 business
plan as one block of fifteen items per project."""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.forms.utils import flatatt
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from techpolicy.casework import law_context
from techpolicy.casework.kit.forms import Bound, FormBundle

from .law import activity_types

LEGAL_FORMS = [
    ("legal_entity", _("Legal entity")),
    ("individual_entrepreneur", _("Individual entrepreneur")),
    ("natural_person", _("Natural person")),
]
HOLDER_KINDS = [
    ("legal_entity", _("Legal entity")),
    ("natural_person", _("Natural person")),
    ("foreign_entity", _("Foreign legal entity")),
    ("state", _("The state (a state body)")),
    ("national_managing_holding", _("National managing holding")),
    ("national_holding", _("National holding")),
    ("national_company", _("National company")),
    ("state_subsidiary", _("Subsidiary of the state, a national holding or a national company")),
]
PLACE_KINDS = [
    ("lease", _("Lease contract")),
    ("free_use", _("Free use contract")),
    ("trust_management", _("Trust management contract")),
    ("notarised_consent", _("Notarised consent of a natural person")),
]
ANNEX3_ITEMS = [
    _("Name and description of the project"),
    _("Place of implementation"),
    _("Grounds for owning the project (own development and/or licence)"),
    _("Developer / author of the project"),
    _("Goal and tasks"),
    _("Readiness stage"),
    _("Key performance indicators (KPI)"),
    _("Technical description (architecture, structure, solutions used)"),
    _("Cost estimate"),
    _("Sales method and expected revenue over the plan period"),
    _("Clients / potential clients"),
    _("Action plan and the plan period"),
    _("Goods, works, services and property rights with yearly forecast sales"),
    _("Justification of need (social significance, effect)"),
    _("Patents, copyright, trademarks and other intellectual property (if any)"),
]


def _activity_choices():
    lang = translation.get_language() or "kk"
    return [(code, f"{code} — {entry['name'].get(lang) or entry['name']['en']}")
            for code, entry in activity_types().items()]


class ApplicantForm(forms.Form):
    """Paragraph 7: the seven conditions, asked as plain questions."""

    name = forms.CharField(label=_("Name of the organisation"), max_length=300)
    bin = forms.RegexField(label=_("BIN"), regex=r"^\d{12}$", required=False,
                           error_messages={"invalid": _("A BIN has exactly 12 digits.")})
    legal_form = forms.ChoiceField(label=_("Legal form (p. 7(1))"), choices=LEGAL_FORMS)
    resident = forms.BooleanField(label=_("Resident of the Republic of Kazakhstan"), required=False, initial=True)
    has_branches_other_than_representative_offices = forms.BooleanField(
        label=_("Has branches other than representative offices (p. 7(2))"), required=False)
    implements_investment_priority_project = forms.BooleanField(
        label=_("Implements or implemented an investment priority project, Entrepreneurial Code art. 284 (p. 7(3))"),
        required=False)
    implemented_investment_strategic_project_pre_2015 = forms.BooleanField(
        label=_("Implements or implemented an investment strategic project under a contract before "
                "2015-01-01 (p. 7(3))"),
        required=False)
    subsoil_user = forms.BooleanField(label=_("Subsoil user (p. 7(5))"), required=False)
    sez_participant = forms.BooleanField(label=_("Participant of a special economic zone (p. 7(5))"), required=False)
    excise_payer = forms.BooleanField(label=_("Payer of excise on goods, Tax Code art. 461 (p. 7(6))"), required=False)
    activity_types = forms.MultipleChoiceField(
        label=_("Priority ICT activity types (p. 7(7))"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity_types"].choices = _activity_choices()


class RowSelect(forms.Select):
    """A select rendered in Python rather than through one template per option (the same HTML).
    The ownership table has up to 200 rows of nine options each, and the per-option templates were
    most of the time of its page (finding 1 of the security review)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "", '<option value="{}"{}>{}</option>',
            ((option["value"], flatatt(option["attrs"]), option["label"])
             for _group, group_options, _index in widget["optgroups"] for option in group_options))
        return format_html('<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]), options)


class ShareholderForm(forms.Form):
    holder = forms.CharField(label=_("Shareholder (name)"), max_length=200)
    # The empty choice lets a blank extra row stay unchanged, so the formset skips it.
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "—"), *HOLDER_KINDS], widget=RowSelect)
    share = forms.DecimalField(label=_("Share, %"), min_value=0, max_value=100, decimal_places=4)
    owned = forms.CharField(label=_("…of (blank: the applicant)"), max_length=200, required=False)


# Rows of the ownership table (001 p.7(4)). Each row is one holding, so this also bounds the
# graph the page can describe; the system limits on its entities and depth apply after it. 200
# rows of four fields stay well inside Django's DATA_UPLOAD_MAX_NUMBER_FIELDS (1000), so a longer
# table is answered by the formset's own error, not by a bare 400. `absolute_max` equal to
# `max_num`: Django builds no more forms than that whatever TOTAL_FORMS the browser sends.
MAX_OWNERSHIP_ROWS = 200
ShareholderFormSet = forms.formset_factory(
    ShareholderForm, extra=2, max_num=MAX_OWNERSHIP_ROWS, validate_max=True, absolute_max=MAX_OWNERSHIP_ROWS)


class TaxDebtForm(forms.Form):
    """Paragraph 9(3)."""

    application_date = forms.DateField(label=_("Application date"), widget=forms.DateInput(attrs={"type": "date"}))
    tax_issued_on = forms.DateField(label=_("Tax-debt certificate issued on"),
                                    widget=forms.DateInput(attrs={"type": "date"}))
    tax_debt_kzt = forms.DecimalField(label=_("Tax debt shown, KZT"), min_value=0, decimal_places=2)

    def clean(self):
        data = super().clean()
        issued, applied = data.get("tax_issued_on"), data.get("application_date")
        if issued and applied and issued > applied:
            self.add_error("tax_issued_on", _("The certificate cannot be issued after the application date."))
        return data


class DocumentsForm(forms.Form):
    """Paragraph 9 (1), (4), (5) and the registration certificate of resident legal entities."""

    registration_certificate = forms.BooleanField(label=_("State registration certificate attached"), required=False)
    representative_appointed = forms.BooleanField(label=_("A representative acts for the applicant"), required=False)
    authority_documents = forms.BooleanField(
        label=_("Documents confirming the representative's authority attached (p. 9(1))"),
                                             required=False)
    place_kind = forms.ChoiceField(label=_("Place of activity confirmed by (p. 9(4))"), choices=PLACE_KINDS)
    place_provided = forms.BooleanField(label=_("The document on the place of activity is attached"), required=False)
    residents = forms.IntegerField(label=_("Residents to be attracted (p. 9(5))"), min_value=0)
    non_residents = forms.IntegerField(label=_("Non-residents to be attracted (p. 9(5))"), min_value=0)
    period_from = forms.DateField(label=_("Period from"), widget=forms.DateInput(attrs={"type": "date"}))
    period_to = forms.DateField(label=_("Period to"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("period_from") and data.get("period_to") and data["period_to"] < data["period_from"]:
            self.add_error("period_to", _("The period must end after it starts."))
        return data


class ProjectForm(forms.Form):
    """One project of the Annex 3 business plan."""

    activity_type = forms.ChoiceField(label=_("Priority ICT activity type of the project"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity_type"].choices = _activity_choices()
        for number, label in enumerate(ANNEX3_ITEMS, start=1):
            self.fields[f"item_{number}"] = forms.CharField(
                label=f"{number}. {label}", widget=forms.Textarea(attrs={"rows": 2}), required=number != 15)


ProjectFormSet = forms.formset_factory(ProjectForm, extra=0, min_num=1, validate_min=True)


# --- mapping --------------------------------------------------------------------------------

def _slug(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip()).lower()


def ownership_facts(rows: list[dict]) -> dict:
    """Rows "holder holds share % of owned" → {shareholders: [...], entities: [...]}."""
    entities: dict[str, dict] = {}
    direct = []
    for row in rows:
        holder_id = _slug(row["holder"])
        entities.setdefault(holder_id, {"id": holder_id, "name": row["holder"].strip(), "kind": row["kind"],
                                        "shareholders": []})
        entities[holder_id]["kind"] = row["kind"]
        edge = {"holder": holder_id, "share": str(row["share"])}
        owned = _slug(row.get("owned") or "")
        if owned:
            entities.setdefault(owned, {"id": owned, "name": row["owned"].strip(), "kind": "legal_entity",
                                        "shareholders": []})
            entities[owned]["shareholders"].append(edge)
        else:
            direct.append(edge)
    return {"shareholders": direct, "entities": list(entities.values())}


def ownership_rows(ownership: dict) -> list[dict]:
    names = {e["id"]: e.get("name") or e["id"] for e in ownership.get("entities", [])}
    kinds = {e["id"]: e["kind"] for e in ownership.get("entities", [])}
    rows = [{"holder": names.get(s["holder"], s["holder"]), "kind": kinds.get(s["holder"], "legal_entity"),
             "share": s["share"], "owned": ""} for s in ownership.get("shareholders", [])]
    for entity in ownership.get("entities", []):
        rows += [{"holder": names.get(s["holder"], s["holder"]), "kind": kinds.get(s["holder"], "legal_entity"),
                  "share": s["share"], "owned": entity.get("name") or entity["id"]}
                 for s in entity.get("shareholders", [])]
    return rows


def applicant_facts(data: dict) -> dict:
    return {key: data[key] for key in ApplicantForm.base_fields if key in data} | {
        "bin": data.get("bin") or None}


def tax_debt_facts(tax: dict) -> dict:
    """Paragraph 9(3): the tax-debt certificate's date and the debt it shows."""
    return {"issued_on": tax["tax_issued_on"].isoformat(), "debt_kzt": str(tax["tax_debt_kzt"])}


def business_plan_facts(projects: list[dict]) -> dict:
    """Annex 3: each project's activity type and the items filled in (item 15 is optional)."""
    return {"projects": [
        {"activity_type": p["activity_type"],
         "items": {str(n): p.get(f"item_{n}", "") for n in range(1, 16) if p.get(f"item_{n}")}}
        for p in projects]}


def documents_facts(tax: dict, docs: dict, projects: list[dict]) -> dict:
    return {
        "registration_certificate": docs["registration_certificate"],
        "representative_appointed": docs["representative_appointed"],
        "authority_documents": docs["authority_documents"],
        "business_plan": business_plan_facts(projects),
        "tax_debt": tax_debt_facts(tax),
        "place_of_activity": {"kind": docs["place_kind"], "provided": docs["place_provided"]},
        "planned_staff": {"residents": docs["residents"], "non_residents": docs["non_residents"],
                          "period_from": docs["period_from"].isoformat(), "period_to": docs["period_to"].isoformat()},
    }


def initial_from_facts(facts: dict) -> dict:
    """Initial data for every form of the application page from stored facts."""
    applicant = facts.get("applicant", {})
    documents = facts.get("documents", {})
    tax = documents.get("tax_debt", {})
    place = documents.get("place_of_activity", {})
    staff = documents.get("planned_staff", {})
    projects = [
        {"activity_type": p.get("activity_type"), **{f"item_{k}": v for k, v in p.get("items", {}).items()}}
        for p in documents.get("business_plan", {}).get("projects", [])
    ]
    return {
        "applicant": applicant,
        "ownership": ownership_rows(facts.get("ownership", {})),
        "tax": {"application_date": facts.get("application_date") or dt.date.today().isoformat(),
                "tax_issued_on": tax.get("issued_on"), "tax_debt_kzt": tax.get("debt_kzt")},
        "documents": {
            "registration_certificate": documents.get("registration_certificate", False),
            "representative_appointed": documents.get("representative_appointed", False),
            "authority_documents": documents.get("authority_documents", False),
            "place_kind": place.get("kind"), "place_provided": place.get("provided", False),
            "residents": staff.get("residents"), "non_residents": staff.get("non_residents"),
            "period_from": staff.get("period_from"), "period_to": staff.get("period_to"),
        },
        "projects": projects,
    }


# --- the pages' form bundles (casework.kit) ------------------------------------------------------

class ConditionForms(FormBundle):
    """Paragraph 7 and 9(3): the applicant, its ownership chain and the tax-debt certificate. The
    pre-check page asks these alone; the application form begins with them."""

    def forms(self, data, initial: dict) -> Bound:
        return {
            "applicant": ApplicantForm(data, prefix="a", initial=initial.get("applicant")),
            "ownership": ShareholderFormSet(data, prefix="o", initial=initial.get("ownership")),
            "tax": TaxDebtForm(data, prefix="t",
                               initial=initial.get("tax") or {"application_date": law_context.today()}),
        }

    def facts(self, bound: Bound) -> dict:
        rows = [form.cleaned_data for form in bound["ownership"] if form.cleaned_data
                and form.cleaned_data.get("holder")]
        return {
            "application_date": bound["tax"].cleaned_data["application_date"].isoformat(),
            "applicant": applicant_facts(bound["applicant"].cleaned_data),
            "ownership": ownership_facts(rows),
            "documents": {"tax_debt": tax_debt_facts(bound["tax"].cleaned_data)},
        }


class ApplicationForms(ConditionForms):
    """The application for registration (p.7, p.9, Annex 3): the conditions, the documents and a
    block of fifteen Annex 3 items per project ("Add a project" adds one)."""

    add_row = {"add_project": ("p", 50)}
    # The task list of the page (casework.kit.sections), in the order of the form.
    sections = (
        ("applicant", _("The applicant (paragraph 7)"), ("applicant",)),
        ("ownership", _("Ownership: who holds shares, directly or through others (paragraph 7(4))"), ("ownership",)),
        ("tax", _("Tax debt (paragraph 9(3))"), ("tax",)),
        ("documents", _("Documents (paragraph 9)"), ("documents",)),
        ("projects", _("Business plan (paragraph 9(2), Annex 3): every project under each activity type"),
         ("projects",)),
    )

    def forms(self, data, initial: dict) -> Bound:
        return super().forms(data, initial) | {
            "documents": DocumentsForm(data, prefix="d", initial=initial.get("documents")),
            "projects": ProjectFormSet(data, prefix="p", initial=initial.get("projects") or [{}]),
        }

    def facts(self, bound: Bound) -> dict:
        projects = [p.cleaned_data for p in bound["projects"] if p.cleaned_data]
        return super().facts(bound) | {"documents": documents_facts(
            bound["tax"].cleaned_data, bound["documents"].cleaned_data, projects)}

    def initial(self, organisation) -> dict:
        return {"applicant": {"name": organisation.name, "bin": organisation.bin, "legal_form": "legal_entity",
                              "resident": True}}

    def initial_from_facts(self, facts: dict) -> dict:
        return initial_from_facts(facts)


CONDITIONS = ConditionForms()
APPLICATION = ApplicationForms()
