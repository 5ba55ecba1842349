"""The programme document's forms (000 p.33-40) as a task list in the order of paragraph 34: the
programme and its participants (p.33), the passport (p.35), the introduction (p.36), the analysis
(p.37), goals, indicators and tasks (p.38), the action plan (p.39) and the resources (p.40). They
make the case's facts (`checks.law_facts` turns them into the law layer's `ProgrammeFacts`).

A section left wholly empty is left out of the facts, so that paragraph 34 names it as missing;
inside a section a blank field is for the rule of its paragraph to name. What the forms refuse is
what no document can hold: a value of an indicator no goal has, a responsible organisation of an
element that does not exist, too many rows."""

from __future__ import annotations

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from techpolicy.casework import law_context
from techpolicy.casework.kit.forms import Bound, FormBundle
from techpolicy.law.acts.act000_methodology import programme_facts as pf
from techpolicy.services.competence_centres.checks import state_bodies
from techpolicy.services.competence_centres.models import Direction
from techpolicy.services.competence_centres.vocabulary import direction_choices
from techpolicy.services.technology_platforms import keytech
from techpolicy.site.money import MoneyField

from .forms_fields import LinesField
from .forms_rows import FORMSETS, MOST_ROWS

TEXT = forms.Textarea(attrs={"rows": 4})


def _lang() -> str:
    lang = (get_language() or "kk")[:2]
    return lang if lang in ("kk", "ru", "en") else "kk"


def _text(label, rows: int = 4):
    return forms.CharField(label=label, required=False, max_length=pf.MAX_TEXT, widget=forms.Textarea(
        attrs={"rows": rows}))


class GeneralForm(forms.Form):
    """The sector and direction (p.41), the state body it goes to (p.42), and p.33(2), (4)."""

    direction = forms.ChoiceField(label=_("Sector and technology direction of the programme"))
    state_body = forms.TypedChoiceField(label=_("State body supervising the direction (p.42)"), coerce=int)
    technological_tasks = LinesField(_("Technological tasks of the enterprises (sectors) it solves (p.33(2)), one "
                                       "per line"), pf.MAX_TASKS, pf.MAX_SHORT_TEXT)
    target_consumers = _text(_("Target group of consumers (p.33(4))"), 2)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["direction"].choices = [("", "—"), *direction_choices(_lang())]
        self.fields["state_body"].choices = [("", "—"), *((b.organisation_id, str(b.organisation))
                                                           for b in state_bodies())]


class PassportForm(forms.Form):
    """Section 1, the passport (p.35(1)-(7))."""

    name = forms.CharField(label=_("Name of the programme (p.35(1))"), required=False, max_length=pf.MAX_NAME)
    basis = _text(_("Basis for its development (p.35(2))"), 2)
    developer_body = forms.CharField(label=_("State body responsible for its development (p.35(3))"),
                                     required=False, max_length=pf.MAX_NAME)
    implementing_bodies = LinesField(_("State bodies responsible for its implementation (p.35(3)), one per line"),
                                     pf.MAX_BODIES, rows=2)
    goal = _text(_("Goal (p.35(4))"), 2)
    tasks = LinesField(_("Tasks (p.35(5)), one per line"), pf.MAX_TASKS, pf.MAX_SHORT_TEXT)
    start_year = forms.IntegerField(label=_("Implemented from the year (p.35(6))"), required=False,
                                    min_value=1990, max_value=2100)
    end_year = forms.IntegerField(label=_("to the year"), required=False, min_value=1990, max_value=2100)
    financing_volume_kzt = MoneyField(label=_("Volume of financing, tenge (p.35(7))"), required=False, min_value=0)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_year"), data.get("end_year")
        if (start is None) != (end is None):
            raise forms.ValidationError(_("Give both years of the implementation period, or neither."))
        if start is not None and end < start:
            self.add_error("end_year", _("The period cannot end before it starts."))
        return data


class IntroductionForm(forms.Form):
    justification = _text(_("Justification of the need for the programme (p.36)"), 6)


class AnalysisForm(forms.Form):
    """Section 3 (p.37): world trends, the current state element by element, the policy in force."""

    world_trends = _text(_("World trends in the field"))
    problems = _text(_("Problems (p.37(1))"), 3)
    constraints = _text(_("Constraints (p.37(1))"), 3)
    potential = _text(_("Potential (p.37(1))"), 3)
    key_players = _text(_("Key players (p.37(1))"), 3)
    world_experience = _text(_("World experience (p.37(1))"), 3)
    strengths_weaknesses = _text(_("Strengths and weaknesses (p.37(1))"), 3)
    prospects_threats = _text(_("Prospects and threats (p.37(1))"), 3)
    trends = _text(_("Trends and prerequisites drawn from the analysis (p.37(1))"), 3)
    normative_base = _text(_("Normative legal base in force (p.37(2))"), 3)
    practice = _text(_("Practice of its application (p.37(2))"), 3)
    results = _text(_("Results of the state policy (p.37(2))"), 3)
    priority_subdirection = forms.CharField(label=_("Priority sub-direction"), required=False,
                                            max_length=pf.MAX_NAME)


class ActionPlanForm(forms.Form):
    directions = LinesField(_("Main directions and ways of reaching the goals (p.39), one per line"), pf.MAX_GOALS,
                            pf.MAX_SHORT_TEXT)


FORMS = {"general": GeneralForm, "passport": PassportForm, "intro": IntroductionForm, "analysis": AnalysisForm,
         "plan": ActionPlanForm}
# The task list in the order of p.34, each section with its forms and tables.
SECTIONS = (
    ("general", _("The programme and its participants (p.33)"), ("general", "docs", "tech", "part")),
    ("passport", _("1. Passport (p.35)"), ("passport", "fin")),
    ("intro", _("2. Introduction (p.36)"), ("intro",)),
    ("analysis", _("3. Analysis of the current situation (p.37)"), ("analysis", "anind")),
    ("goals", _("4. Goals, target indicators and tasks (p.38)"), ("goals", "inds", "vals", "tasks", "resp")),
    ("plan", _("5. Directions and measures (p.39)"), ("plan", "measures")),
    ("res", _("6. Required resources (p.40)"), ("res",)),
)


def rows(formset) -> list[dict]:
    """The filled rows of a table (blank extra rows are skipped)."""
    return [f.cleaned_data for f in formset if f.cleaned_data]


def _any(data: dict) -> bool:
    return any(v not in (None, "", [], False) for v in data.values())


def _money(value) -> str | None:
    return None if value is None else str(value)


class ProgrammeForms(FormBundle):
    add_row = {f"add_{prefix}": (prefix, most) for prefix, most in MOST_ROWS.items()}
    sections = SECTIONS

    def forms(self, data, initial: dict) -> Bound:
        # A posted table is read as posted (as the other services' tables are).
        table = (lambda key: None) if data is not None else (lambda key: initial.get(key) or None)
        bound = {name: form(data, prefix=name, initial=initial.get(name)) for name, form in FORMS.items()}
        key_choices = keytech.in_force(law_context.today()).choices(_lang())
        for prefix, formset in FORMSETS.items():
            extra = {"form_kwargs": {"key_choices": key_choices}} if prefix == "tech" else {}
            bound[prefix] = formset(data, prefix=prefix, initial=table(prefix), **extra)
        return {name: bound[name] for section in SECTIONS for name in section[2]}

    def valid(self, bound: Bound) -> bool:
        """Every form valid, and every reference between the tables names an element that exists."""
        if not super().valid(bound):
            return False
        goals = {r["code"] for r in rows(bound["goals"])}
        indicators = {r["code"] for r in rows(bound["inds"])}
        elements = goals | indicators | {r["code"] for r in rows(bound["tasks"])}
        checks = (("inds", "goal", goals, _("No goal has the code %(code)s.")),
                  ("vals", "indicator", indicators, _("No indicator has the code %(code)s.")),
                  ("resp", "element", elements, _("No goal, task or indicator has the code %(code)s.")))
        ok = True
        for prefix, field, known, message in checks:
            for form in bound[prefix]:
                code = (form.cleaned_data or {}).get(field)
                if code and code not in known:
                    form.add_error(field, message % {"code": code})
                    ok = False
        return ok

    def draft_facts(self, bound: Bound) -> dict:
        """The sector and direction of a draft saved incomplete: its subject (p.41)."""
        if not bound["general"].is_valid():
            return {}
        return self._pair(bound["general"].cleaned_data["direction"])

    @staticmethod
    def _pair(code: str) -> dict:
        direction = Direction.objects.select_related("sector").filter(code=code).first()
        return {"sector": direction.sector.code, "direction": direction.code} if direction else {}

    def facts(self, bound: Bound) -> dict:
        general = bound["general"].cleaned_data
        facts = {**self._pair(general["direction"]), "state_body": general["state_body"],
                 "technological_tasks": general["technological_tasks"],
                 "target_consumers": general["target_consumers"],
                 "state_planning_documents": rows(bound["docs"]),
                 "technologies": [{"name": r["name"], "key_technology": r["key_technology"] or None}
                                  for r in rows(bound["tech"])],
                 "participants": rows(bound["part"])}
        sections = {"passport": self._passport(bound), "introduction": self._plain(bound, "intro"),
                    "analysis": self._analysis(bound), "goals_and_tasks": self._goals(bound),
                    "action_plan": self._plan(bound), "resources": self._resources(bound)}
        facts.update({key: value for key, value in sections.items() if value is not None})
        return facts

    @staticmethod
    def _plain(bound: Bound, name: str) -> dict | None:
        data = bound[name].cleaned_data
        return data if _any(data) else None

    @staticmethod
    def _passport(bound: Bound) -> dict | None:
        data, sources = dict(bound["passport"].cleaned_data), rows(bound["fin"])
        if not _any(data) and not sources:
            return None
        start, end = data.pop("start_year"), data.pop("end_year")
        data["period"] = None if start is None else {"start_year": start, "end_year": end}
        data["financing_volume_kzt"] = _money(data["financing_volume_kzt"])
        data["financing_sources"] = [{**r, "amount_kzt": _money(r["amount_kzt"])} for r in sources]
        return data

    @staticmethod
    def _analysis(bound: Bound) -> dict | None:
        data, figures = bound["analysis"].cleaned_data, rows(bound["anind"])
        if not _any(data) and not figures:
            return None
        state_keys = ("problems", "constraints", "potential", "key_players", "world_experience",
                      "strengths_weaknesses", "prospects_threats", "trends")
        return {"world_trends": data["world_trends"], "priority_subdirection": data["priority_subdirection"],
                "current_state": {**{k: data[k] for k in state_keys},
                                  "indicators": [{**r, "value": str(r["value"])} for r in figures]},
                "policy": {k: data[k] for k in ("normative_base", "practice", "results")}}

    @staticmethod
    def _goals(bound: Bound) -> dict | None:
        goals, tasks = rows(bound["goals"]), rows(bound["tasks"])
        if not goals and not tasks:
            return None
        responsible: dict[str, list] = {}
        for r in rows(bound["resp"]):
            responsible.setdefault(r["element"], []).append({"name": r["name"], "kind": r["kind"]})
        values: dict[str, list] = {}
        for r in rows(bound["vals"]):
            values.setdefault(r["indicator"], []).append({"year": r["year"], "value": str(r["value"]),
                                                          "kind": r["kind"]})
        indicators: dict[str, list] = {}
        for r in rows(bound["inds"]):
            baseline = None if r["base_year"] is None else {"year": r["base_year"], "value": str(r["base_value"])}
            indicators.setdefault(r["goal"], []).append({
                "code": r["code"], "name": r["name"], "unit": r["unit"], "direction": r["direction"] or None,
                "accumulation": r["accumulation"], "baseline": baseline, "values": values.get(r["code"], []),
                "responsible": responsible.get(r["code"], [])})
        return {"goals": [{**g, "indicators": indicators.get(g["code"], []),
                           "responsible": responsible.get(g["code"], [])} for g in goals],
                "tasks": [{**t, "responsible": responsible.get(t["code"], [])} for t in tasks]}

    @staticmethod
    def _plan(bound: Bound) -> dict | None:
        directions, measures = bound["plan"].cleaned_data["directions"], rows(bound["measures"])
        if not directions and not measures:
            return None
        return {"directions": directions,
                "measures": [{**m, "goal": m["goal"] or None, "task": m["task"] or None,
                              "deadline": m["deadline"].isoformat() if m["deadline"] else None} for m in measures]}

    @staticmethod
    def _resources(bound: Bound) -> dict | None:
        items = rows(bound["res"])
        return None if not items else {"items": [{**r, "amount": str(r["amount"])} for r in items]}

    def initial(self, organisation) -> dict:
        return {}

    def initial_from_facts(self, facts: dict) -> dict:
        return initial_from_facts(facts)


def initial_from_facts(facts: dict) -> dict:
    """The forms' initial data from a stored (or imported) document: the inverse of `facts`."""
    passport = dict(facts.get("passport") or {})
    period = passport.pop("period", None) or {}
    analysis = facts.get("analysis") or {}
    state = dict(analysis.get("current_state") or {})
    goals_and_tasks = facts.get("goals_and_tasks") or {}
    goals, tasks = goals_and_tasks.get("goals") or [], goals_and_tasks.get("tasks") or []
    inds = [{**i, "goal": g["code"], "base_year": (i.get("baseline") or {}).get("year"),
             "base_value": (i.get("baseline") or {}).get("value")} for g in goals for i in g.get("indicators") or []]
    elements = [*goals, *tasks, *inds]
    plan = facts.get("action_plan") or {}
    return {
        "general": {"direction": facts.get("direction"), "state_body": facts.get("state_body"),
                    "technological_tasks": facts.get("technological_tasks") or [],
                    "target_consumers": facts.get("target_consumers", "")},
        "docs": facts.get("state_planning_documents") or [],
        "tech": [{**t, "key_technology": t.get("key_technology") or ""} for t in facts.get("technologies") or []],
        "part": facts.get("participants") or [],
        "passport": {**passport, "start_year": period.get("start_year"), "end_year": period.get("end_year")},
        "fin": passport.get("financing_sources") or [],
        "intro": facts.get("introduction") or {},
        "analysis": {**{k: v for k, v in analysis.items() if isinstance(v, str)}, **state,
                     **(analysis.get("policy") or {})},
        "anind": state.get("indicators") or [],
        "goals": goals, "inds": inds,
        "vals": [{**v, "indicator": i["code"]} for i in inds for v in i.get("values") or []],
        "tasks": tasks,
        "resp": [{**r, "element": e["code"]} for e in elements for r in e.get("responsible") or []],
        "plan": {"directions": plan.get("directions") or []},
        "measures": plan.get("measures") or [],
        "res": (facts.get("resources") or {}).get("items") or [],
    }


PROGRAMME_FORMS = ProgrammeForms()
