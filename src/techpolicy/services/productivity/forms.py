"""Forms of the programme's application and calculator, and their mapping to the law layer's
facts (`ProductivityFacts`). Yes/no questions the seed needs answered are asked with an explicit
"not answered" choice: an unanswered fact stays missing and the law layer names it, it is never
read as "no"."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from techpolicy.casework import law_context
from techpolicy.casework.kit import fact_errors
from techpolicy.casework.kit.forms import Bound, FormBundle
from techpolicy.law.acts.act004_productivity2020.facts import OKED_PATTERN
from techpolicy.law.facts import InvalidFacts

from . import instruments, law, objections  # noqa: F401 (declares the act's objection texts)

DATE = {"widget": forms.DateInput(attrs={"type": "date"})}
UNANSWERED = [("", _("— not answered —"))]
YES_NO = [*UNANSWERED, ("yes", _("yes")), ("no", _("no"))]
CHANNELS = [("direct", _("Directly to the programme operator (KIDI)")),
            ("nce", _("Through the National Chamber of Entrepreneurs (NCE)"))]
SIZES = [*UNANSWERED, ("sme", _("small or medium enterprise")), ("large", _("large enterprise"))]
MAPS = [*UNANSWERED, ("republican", _("republican map")), ("regional", _("regional map")), ("none", _("not on a map"))]
COST_KINDS = [
    ("cpip_development", _("Developing a CPIP")),
    ("feasibility_study", _("Feasibility study")),
    ("feasibility_expertise", _("Expertise of a feasibility study")),
    ("training_fee", _("Training provider's fee")),
    ("travel", _("Travel")),
    ("accommodation", _("Accommodation")),
    ("per_diem", _("Per diem")),
    ("expert_fee", _("Foreign expert's fee")),
    ("technical_diagnostics", _("Technical diagnostics")),
    ("technology_improvement", _("Technological improvement (consulting, design, engineering)")),
    ("efficiency_plan_development", _("Developing a production-efficiency plan")),
    ("efficiency_plan_implementation", _("Implementing a production-efficiency plan")),
    ("cluster_strategy", _("Cluster strategy and road map")),
    ("cluster_strategy_implementation", _("Implementing a cluster strategy")),
    ("other", _("Other")),
]
SERVICES = [
    ("cpip", _("CPIP for leasing")),
    ("feasibility_study", _("Feasibility study of a map project")),
    ("feasibility_expertise", _("Expertise of a feasibility study")),
    ("training_education", _("Training by an education or science organisation")),
    ("training_specialised", _("Training by a specialised organisation")),
    ("internship_host", _("Host enterprise of an internship")),
    ("best_practice_expert", _("Best-practice expert")),
    ("tech_improvement", _("Technological improvement")),
    ("efficiency", _("Production efficiency")),
    ("other", _("Other")),
]
ACCREDITATIONS = [*UNANSWERED, ("accredited_expert_organisation", _("accredited expert organisation")),
                  ("certified_expert", _("certified expert")),
                  ("state_expert_organisation", _("state expert organisation"))]
TRAINING_KINDS = [("", "—"), ("course", _("course or seminar")), ("internship", _("internship"))]
TRAVEL_MODES = [("", "—"), ("rail", _("rail")), ("air", _("air")), ("road", _("road")), ("water", _("water"))]
TRAVEL_CLASSES = [("", "—"), ("coupe", _("rail: coupé")), ("sleeper_two_berth", _("rail: two-berth sleeper")),
                  ("fast_train_tourist", _("fast train: Tourist")), ("fast_train_business", _("fast train: Business")),
                  ("economy", _("air: economy")), ("business", _("air: business")), ("first", _("air: first")),
                  ("local_fare", _("local fare"))]
DIRECTIONS = [("", "—"), ("outbound", _("to the destination")), ("return", _("back to the workplace"))]
_OKED = re.compile(OKED_PATTERN)
_IDS = re.compile(r"[,;\s]+")


def _ids(text: str) -> list[str]:
    return [part for part in _IDS.split(text or "") if part]


def _tri(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


def _tri_initial(value) -> str:
    return {True: "yes", False: "no"}.get(value, "")


def _money(value) -> str | None:
    return None if value is None else str(value)


def _day(value) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else None


class BasicsForm(forms.Form):
    application_date = forms.DateField(label=_("Application date"), **DATE)
    instrument = forms.ChoiceField(label=_("Instrument"))
    construction_installation_cost_kzt = forms.DecimalField(
        label=_("Cost of the construction and installation works, KZT (instrument 2b)"), min_value=0,
        max_digits=16, decimal_places=2, required=False)

    def __init__(self, *args, codes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instrument"].choices = instruments.choices(codes)


class ChannelForm(forms.Form):
    channel = forms.ChoiceField(label=_("Filed (instruments 2–5)"), choices=CHANNELS, initial="direct")


class ApplicantForm(forms.Form):
    name = forms.CharField(label=_("Name of the enterprise"), max_length=300)
    bin = forms.RegexField(label=_("BIN"), regex=r"^\d{12}$", required=False,
                           error_messages={"invalid": _("A BIN has exactly 12 digits.")})
    oked_codes = forms.CharField(label=_("OKED codes of the activity (separated by commas)"), max_length=200,
                                 help_text=_("e.g. 10.11, 62.01"))
    activity_since = forms.DateField(label=_("Carries out this activity since (instruments 2b–5)"), required=False,
                                     **DATE)
    enterprise_size = forms.ChoiceField(label=_("Size of the enterprise (instrument 4a)"), choices=SIZES,
                                        required=False)
    industrialization_map = forms.ChoiceField(label=_("Project on an industrialization map (instrument 2b)"),
                                              choices=MAPS, required=False)
    positive_expertise = forms.ChoiceField(
        label=_("Positive non-departmental expertise of the feasibility study (instrument 2b)"), choices=YES_NO,
        required=False)
    cpip_approved_by_kdb_leasing = forms.ChoiceField(
        label=_("CPIP approved for financing by KDB-Leasing (instrument 2a)"), choices=YES_NO, required=False)
    cluster_stage1_winner = forms.ChoiceField(label=_("Winner of stage 1 of the cluster competition (instrument 7)"),
                                              choices=YES_NO, required=False)
    cluster_stage2_winner = forms.ChoiceField(label=_("Winner of stage 2 of the cluster competition (instrument 8)"),
                                              choices=YES_NO, required=False)

    def clean_oked_codes(self):
        codes = _ids(self.cleaned_data["oked_codes"])
        bad = [c for c in codes if not _OKED.match(c)]
        if bad or not codes:
            raise forms.ValidationError(_("Not an OKED code: %(codes)s (e.g. 62, 09.1, 62.01).")
                                        % {"codes": ", ".join(bad) or "—"})
        return codes


class CalculatorApplicantForm(ApplicantForm):
    """The calculator asks what the amount depends on; the name is not one of those things."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = False
        self.fields["name"].help_text = _("optional: the amount does not depend on it")


class LeasingForm(forms.Form):
    """Instrument 1 (5.3): the project and the leased object."""

    project_oked = forms.RegexField(label=_("OKED of the investment project"), regex=OKED_PATTERN,
                                    error_messages={"invalid": _("Not an OKED code (e.g. 62, 09.1, 62.01).")})
    object_cost_kzt = forms.DecimalField(label=_("Total cost of the leased object, KZT"), min_value=0,
                                         max_digits=16, decimal_places=2)
    own_cash_kzt = forms.DecimalField(label=_("Own cash participation, KZT"), min_value=0, max_digits=16,
                                      decimal_places=2)
    term_years = forms.DecimalField(label=_("Term of the lease, years"), min_value=Decimal("0.1"), max_digits=5,
                                    decimal_places=2)
    rate_percent = forms.DecimalField(label=_("Rate of the finance lease, %"), min_value=0, max_digits=6,
                                      decimal_places=2)
    light_industry = forms.BooleanField(label=_("Light-industry enterprise"), required=False)


class ExecutorForm(forms.Form):
    id = forms.SlugField(label=_("Executor's short name (used in the costs)"), max_length=40)
    name = forms.CharField(label=_("Full name"), max_length=300, required=False)
    service = forms.ChoiceField(label=_("Service"), choices=[("", "—"), *SERVICES])
    experience_years = forms.DecimalField(label=_("Years of experience"), min_value=0, max_digits=4, decimal_places=1)
    past_projects = forms.IntegerField(label=_("Past projects"), min_value=0, initial=0)
    licence_required = forms.BooleanField(label=_("A licence is required"), required=False)
    licence_held = forms.BooleanField(label=_("The licence is held"), required=False)
    accreditation = forms.ChoiceField(label=_("Accreditation (expertise)"), choices=ACCREDITATIONS, required=False)


ExecutorFormSet = forms.formset_factory(ExecutorForm, extra=1, max_num=20, validate_max=True)


class CostForm(forms.Form):
    """One cost to reimburse (5.3). Amounts in tenge with at most two decimals."""

    kind = forms.ChoiceField(label=_("Kind of cost"), choices=[("", "—"), *COST_KINDS])
    amount_kzt = forms.DecimalField(label=_("Amount, KZT"), min_value=0, max_digits=16, decimal_places=2)
    incurred_on = forms.DateField(label=_("Incurred on"), **DATE)
    executor = forms.ChoiceField(label=_("Executor"), required=False,
                                 help_text=_("one of the executors listed above; add them there first"))
    financed_by_other_budget_programme = forms.BooleanField(
        label=_("Financed from the budget under another programme"), required=False)
    employees = forms.CharField(label=_("Employees (ids, separated by commas)"), max_length=500, required=False)
    specialist = forms.CharField(label=_("Specialist"), max_length=100, required=False)
    months = forms.DecimalField(label=_("Months of work"), min_value=Decimal("0.01"), max_digits=6, decimal_places=2,
                                required=False)
    training_kind = forms.ChoiceField(label=_("Training"), choices=TRAINING_KINDS, required=False)
    stay_from = forms.DateField(label=_("Stay from"), required=False, **DATE)
    stay_to = forms.DateField(label=_("Stay to"), required=False, **DATE)
    room_single_standard = forms.BooleanField(label=_("Single standard room"), required=False, initial=True)
    travel_mode = forms.ChoiceField(label=_("Travel by"), choices=TRAVEL_MODES, required=False)
    travel_class = forms.ChoiceField(label=_("Class"), choices=TRAVEL_CLASSES, required=False)
    direction = forms.ChoiceField(label=_("Direction"), choices=DIRECTIONS, required=False)

    def __init__(self, *args, executors: list[str] | None = None, **kwargs):
        """`executors`: the short names the page lists, which a cost may name; None on a page
        without executors (the calculator: the amount does not depend on who performs the work)."""
        super().__init__(*args, **kwargs)
        if executors is None:
            del self.fields["executor"]
        else:
            self.fields["executor"].choices = [("", "—"), *((name, name) for name in executors)]

    def clean(self):
        data = super().clean()
        if data.get("stay_from") and data.get("stay_to") and data["stay_to"] < data["stay_from"]:
            self.add_error("stay_to", _("The stay must end after it starts."))
        return data


CostFormSet = forms.formset_factory(CostForm, extra=1, min_num=1, validate_min=True, max_num=200, validate_max=True)
# An application of instrument 1 has no costs; the law layer refuses a reimbursement without them.
ApplicationCostFormSet = forms.formset_factory(CostForm, extra=1, max_num=200, validate_max=True)


# --- mapping to and from the facts --------------------------------------------------------------

def applicant_facts(data: dict) -> dict:
    return {
        "name": data["name"], "bin": data.get("bin") or None, "oked_codes": data["oked_codes"],
        "activity_since": _day(data.get("activity_since")),
        "enterprise_size": data.get("enterprise_size") or None,
        "industrialization_map": data.get("industrialization_map") or None,
        **{key: _tri(data.get(key, "")) for key in ("positive_expertise", "cpip_approved_by_kdb_leasing",
                                                     "cluster_stage1_winner", "cluster_stage2_winner")},
    }


def calculator_applicant_facts(data: dict) -> dict:
    return applicant_facts({**data, "name": data.get("name") or "—"})


def executor_facts(rows: list[dict]) -> list[dict]:
    return [{"id": r["id"], "name": r.get("name", ""), "service": r["service"],
             "experience_years": str(r["experience_years"]), "past_projects": r.get("past_projects") or 0,
             "licence_required": r.get("licence_required", False), "licence_held": r.get("licence_held", False),
             "accreditation": r.get("accreditation") or None} for r in rows]


def cost_facts(rows: list[dict]) -> list[dict]:
    lines = []
    for number, r in enumerate(rows, start=1):
        line = {"id": f"c{number}", "kind": r["kind"], "amount_kzt": _money(r["amount_kzt"]),
                "incurred_on": _day(r["incurred_on"]),
                "financed_by_other_budget_programme": r.get("financed_by_other_budget_programme", False),
                "employees": _ids(r.get("employees", "")),
                "room_single_standard": r.get("room_single_standard", True)}
        optional = {"executor": r.get("executor") or None, "specialist": r.get("specialist") or None,
                    "months": _money(r.get("months")), "training_kind": r.get("training_kind") or None,
                    "stay_from": _day(r.get("stay_from")), "stay_to": _day(r.get("stay_to")),
                    "travel_mode": r.get("travel_mode") or None, "travel_class": r.get("travel_class") or None,
                    "direction": r.get("direction") or None}
        line.update({k: v for k, v in optional.items() if v is not None})
        lines.append(line)
    return lines


def leasing_facts(data: dict) -> dict:
    return {"project_oked": data["project_oked"], "object_cost_kzt": _money(data["object_cost_kzt"]),
            "own_cash_kzt": _money(data["own_cash_kzt"]), "term_years": _money(data["term_years"]),
            "rate_percent": _money(data["rate_percent"]), "light_industry": data.get("light_industry", False)}


def executor_names(data, initial: dict, prefix: str = "e", most: int = 200) -> list[str]:
    """The executors' short names the page lists: as posted (bounded by the formset's most rows), or
    those of the stored facts; a cost chooses among them."""
    if data is None:
        return [e["id"] for e in initial.get("executors") or [] if e.get("id")]
    names = (data.get(f"{prefix}-{row}-id", "").strip() for row in range(most))
    return list(dict.fromkeys(name for name in names if name))


def filled(formset) -> list[dict]:
    """The rows of a formset the user filled in (blank extra rows are skipped)."""
    return [form.cleaned_data for form in formset if form.cleaned_data and not form.cleaned_data.get("DELETE")]


def initial_from_facts(facts: dict) -> dict:
    """Initial data for every form of the application page from stored facts."""
    applicant = dict(facts.get("applicant") or {})
    applicant["oked_codes"] = ", ".join(applicant.get("oked_codes") or [])
    for key in ("positive_expertise", "cpip_approved_by_kdb_leasing", "cluster_stage1_winner",
                "cluster_stage2_winner"):
        applicant[key] = _tri_initial(applicant.get(key))
    costs = [{**c, "employees": ", ".join(c.get("employees") or [])} for c in facts.get("costs") or []]
    return {
        "basics": {"application_date": facts.get("application_date"), "instrument": facts.get("instrument"),
                   "construction_installation_cost_kzt": facts.get("construction_installation_cost_kzt")},
        "channel": {"channel": facts.get("channel") or "direct"},
        "applicant": applicant,
        "leasing": facts.get("leasing") or None,
        "executors": facts.get("executors") or [],
        "costs": costs,
    }


# --- the pages' form bundles (casework.kit) ------------------------------------------------------

class CalculatorForms(FormBundle):
    """The calculator (section 5.3): the instrument, what the amount depends on, and the costs."""

    add_row = {"add_cost": ("c", 200)}
    fact_forms = {"applicant": "applicant", "costs": "costs"}

    def forms(self, data, initial: dict) -> Bound:
        return {
            "basics": BasicsForm(data, prefix="b", codes=instruments.reimbursed(),
                                 initial={"application_date": law.PROGRAMME_LAST_DAY}),
            "applicant": CalculatorApplicantForm(data, prefix="a"),
            "costs": CostFormSet(data, prefix="c"),
        }

    def facts(self, bound: Bound) -> dict:
        basics = bound["basics"].cleaned_data
        return {
            "application_date": basics["application_date"].isoformat(), "instrument": basics["instrument"],
            "construction_installation_cost_kzt": _money(basics.get("construction_installation_cost_kzt")),
            "applicant": calculator_applicant_facts(bound["applicant"].cleaned_data),
            "costs": cost_facts(filled(bound["costs"])),
        }


class ApplicationForms(FormBundle):
    """The application (sections 5.1-5.4): instrument and channel, the applicant, the leased object
    (instrument 1), executors and costs. The facts are checked by the law layer before they are saved,
    so a draft is never stored with facts the programme cannot judge."""

    add_row = {"add_cost": ("c", 200), "add_executor": ("e", 200)}
    # The task list of the page (casework.kit.sections), in the order of the form.
    sections = (
        ("basics", _("Instrument and date"), ("basics", "channel")),
        ("applicant", _("The applicant (section 5.1)"), ("applicant",)),
        ("leasing", _("Instrument 1: the project and the leased object"), ("leasing",)),
        ("executors", _("Executors (section 5.2)"), ("executors",)),
        ("costs", _("Costs to reimburse (instruments 2–8)"), ("costs",)),
    )

    def draft_facts(self, bound: Bound) -> dict:
        """The instrument and channel choose the workflow of a draft saved incomplete."""
        if not bound["basics"].is_valid():
            return {}
        chosen = {"instrument": bound["basics"].cleaned_data["instrument"]}
        if bound["channel"].is_valid():
            chosen["channel"] = bound["channel"].cleaned_data.get("channel")
        return chosen
    fact_forms = {"applicant": "applicant", "costs": "costs", "executors": "executors", "leasing": "leasing"}

    def forms(self, data, initial: dict) -> Bound:
        applicable = [code for code, flows in instruments.WORKFLOWS.items() if flows]
        return {
            "basics": BasicsForm(data, prefix="b", codes=applicable, initial=initial.get("basics")),
            "channel": ChannelForm(data, prefix="ch", initial=initial.get("channel")),
            "applicant": ApplicantForm(data, prefix="a", initial=initial.get("applicant")),
            "leasing": LeasingForm(data, prefix="l", initial=initial.get("leasing"), use_required_attribute=False),
            "executors": ExecutorFormSet(data, prefix="e", initial=initial.get("executors")),
            "costs": ApplicationCostFormSet(data, prefix="c", initial=initial.get("costs"),
                                            form_kwargs={"executors": executor_names(data, initial)}),
        }

    def valid(self, bound: Bound) -> bool:
        """Every form valid; the leasing form only counts (and shows errors) for instrument 1."""
        needed = [k for k in bound if k != "leasing"]
        ok = all([bound[k].is_valid() for k in needed])
        instrument = bound["basics"].cleaned_data.get("instrument") if bound["basics"].is_valid() else None
        if instrument == "1":
            return bound["leasing"].is_valid() and ok
        bound["leasing"] = LeasingForm(prefix="l", initial=bound["leasing"].initial)
        return ok

    def facts(self, bound: Bound) -> dict:
        basics = bound["basics"].cleaned_data
        instrument = basics["instrument"]
        facts = {
            "application_date": basics["application_date"].isoformat(), "instrument": instrument,
            "applicant": applicant_facts(bound["applicant"].cleaned_data),
            "executors": executor_facts(filled(bound["executors"])),
            "costs": cost_facts(filled(bound["costs"])) if instrument != "1" else [],
        }
        if instruments.WORKFLOWS[instrument] == instruments.DIRECT_AND_NCE:
            facts["channel"] = bound["channel"].cleaned_data["channel"]
        if basics.get("construction_installation_cost_kzt") is not None:
            facts["construction_installation_cost_kzt"] = _money(basics["construction_installation_cost_kzt"])
        if instrument == "1":
            facts["leasing"] = leasing_facts(bound["leasing"].cleaned_data)
        return facts

    def errors(self, facts: dict) -> list[dict] | None:
        try:
            law.facts(facts)
        except InvalidFacts as exc:
            return fact_errors.localized(exc)
        return None

    def initial(self, organisation) -> dict:
        return {"applicant": {"name": organisation.name, "bin": organisation.bin},
                "basics": {"application_date": law_context.today()}}

    def initial_from_facts(self, facts: dict) -> dict:
        return initial_from_facts(facts)


CALCULATOR = CalculatorForms()
APPLICATION = ApplicationForms()
