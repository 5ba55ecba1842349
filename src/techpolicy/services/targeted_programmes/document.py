"""The targeted technology programme document ("нысаналы технологиялық бағдарлама", seed 000 chapter 5)
as format-neutral blocks, for the PDF and DOCX of `document_files`.

The six sections follow paragraph 34's order, each heading naming the paragraph that says what it
holds (p.35 passport, p.36 introduction, p.37 analysis, p.38 goals and tasks, p.39 action plan, p.40
resources); before them the programme's sector, direction and developer (p.31, p.33). The facts are
the stored JSON of a case (`ProgrammeFacts` dumped in JSON mode), read section by section: a draft
may lack a section or hold one the model refuses, and is still printed, with the section marked,
so the developer can export it while writing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import BaseModel, ValidationError

from techpolicy.documents.blocks import Block, Bullets, Heading, Table, Text, Title
from techpolicy.law.acts.act000_methodology import programme_facts as pf
from techpolicy.law.facts import field_path
from techpolicy.site.amounts import exact, tenge

NOT_GIVEN = gettext_lazy("Not given.")

# What each kind code of the facts is called: participants (p.33(3)), responsible organisations
# (p.38 fourth indent), resources (p.33(6)) and sources of financing (p.35(7), p.44).
PARTICIPANT_KINDS = {"state": gettext_lazy("the state"), "business": gettext_lazy("business"),
                     "education": gettext_lazy("education"), "science": gettext_lazy("science")}
RESPONSIBLE_KINDS = {"state": gettext_lazy("state organisation"), "private": gettext_lazy("private organisation")}
RESOURCE_KINDS = {"financial": gettext_lazy("financial"), "labour": gettext_lazy("labour"),
                  "material": gettext_lazy("material")}
FINANCING_KINDS = {"republican_budget": gettext_lazy("republican budget"), "local_budget": gettext_lazy("local budget"),
                   "attracted": gettext_lazy("attracted funds"), "own": gettext_lazy("own funds"),
                   "other": gettext_lazy("other source")}


# --- values as the language writes them --------------------------------------------------------------


def _date(value: dt.date | None) -> str:
    return date_format(value, "SHORT_DATE_FORMAT") if value else "—"


def _kind(kind: str, names: dict[str, Any]) -> str:
    return str(names.get(kind, kind))


def _or_dash(text: str) -> str:
    return text or "—"


def _who(responsible: list[pf.Responsible]) -> str:
    return "\n".join(f"{r.name} ({_kind(r.kind, RESPONSIBLE_KINDS)})" for r in responsible) or "—"


def _paragraphs(pairs: list[tuple[str, str]]) -> list[Block]:
    """Run-in labelled texts; a blank text is said to be not given rather than left out."""
    blocks: list[Block] = []
    for title, text in pairs:
        blocks += [Text(title, style="label", keep_with_next=True), Text(text or str(NOT_GIVEN))]
    return blocks


# --- the sections of paragraph 34 ----------------------------------------------------------------------


def _passport(p: pf.Passport) -> list[Block]:
    period = f"{p.period.start_year}–{p.period.end_year}" if p.period else "—"
    sources = "\n".join(f"{s.name} ({_kind(s.kind, FINANCING_KINDS)}): {tenge(s.amount_kzt)}"
                        for s in p.financing_sources)
    volume = tenge(p.financing_volume_kzt) if p.financing_volume_kzt is not None else "—"
    rows = [
        (_("Name of the programme document"), p.name),
        (_("Basis for its development"), p.basis),
        (_("State body responsible for its development"), p.developer_body),
        (_("State bodies responsible for its implementation"), "\n".join(p.implementing_bodies)),
        (_("Goal"), p.goal),
        (_("Tasks"), "\n".join(p.tasks)),
        (_("Period of implementation"), period),
        (_("Sources of financing"), sources),
        (_("Volume of financing"), volume),
    ]
    return [Table(None, tuple((name, _or_dash(value)) for name, value in rows), widths=(1, 2))]


def _introduction(i: pf.Introduction) -> list[Block]:
    return [Text(i.justification or str(NOT_GIVEN))]


def _analysis(a: pf.Analysis) -> list[Block]:
    state, policy = a.current_state, a.policy
    blocks: list[Block] = [*_paragraphs([(_("World trends"), a.world_trends)]),
                           Heading(_("Current state of the field"), level=2)]
    if state.indicators:
        blocks.append(Table((_("Indicator"), _("Value"), _("Unit"), _("Year")),
                            tuple((i.name, exact(i.value), i.unit, str(i.year)) for i in state.indicators),
                            widths=(3, 1, 1, 1)))
    blocks += _paragraphs([
        (_("Problems"), state.problems), (_("Constraints"), state.constraints), (_("Potential"), state.potential),
        (_("Key players"), state.key_players), (_("World experience"), state.world_experience),
        (_("Strengths and weaknesses"), state.strengths_weaknesses),
        (_("Prospects and threats"), state.prospects_threats), (_("Trends and prerequisites"), state.trends),
    ])
    blocks.append(Heading(_("State policy in the field"), level=2))
    blocks += _paragraphs([(_("Normative legal base"), policy.normative_base), (_("Practice"), policy.practice),
                           (_("Results"), policy.results)])
    blocks += _paragraphs([(_("Priority sub-direction"), a.priority_subdirection)])
    return blocks


def _values(indicator: pf.Indicator, kind: str) -> str:
    return "\n".join(f"{v.year}: {exact(v.value)}" for v in indicator.values if v.kind == kind) or "—"


def _goal(goal: pf.Goal) -> list[Block]:
    blocks: list[Block] = [
        Heading(f"{goal.code}. {goal.title}", level=3),
        Table(None, ((_("State Planning System documents"), _or_dash(", ".join(goal.documents))),
                     (_("Responsible"), _who(goal.responsible))), widths=(1, 2)),
    ]
    if goal.indicators:
        header = (_("Code"), _("Target indicator"), _("Unit"), _("Baseline"), _("Interim values"),
                  _("Final value"), _("Responsible"))
        rows = tuple((i.code, i.name, _or_dash(i.unit),
                      f"{exact(i.baseline.value)} ({i.baseline.year})" if i.baseline else "—",
                      _values(i, "interim"), _values(i, "final"), _who(i.responsible)) for i in goal.indicators)
        blocks.append(Table(header, rows, widths=(0.6, 2.2, 0.8, 1, 1.1, 1, 1.6)))
    else:
        blocks.append(Text(_("No target indicators given."), style="note"))
    return blocks


def _goals_and_tasks(g: pf.GoalsAndTasks) -> list[Block]:
    blocks: list[Block] = [Heading(_("Goals and target indicators"), level=2)]
    for goal in g.goals:
        blocks += _goal(goal)
    if not g.goals:
        blocks.append(Text(str(NOT_GIVEN)))
    blocks.append(Heading(_("Tasks"), level=2))
    if g.tasks:
        blocks.append(Table((_("Code"), _("Task"), _("Goal"), _("Responsible")),
                            tuple((t.code, t.title, _or_dash(", ".join(t.goals)), _who(t.responsible))
                                  for t in g.tasks), widths=(0.6, 3, 0.8, 2)))
    else:
        blocks.append(Text(str(NOT_GIVEN)))
    return blocks


def _action_plan(a: pf.ActionPlan) -> list[Block]:
    blocks: list[Block] = [Heading(_("Main directions"), level=2)]
    blocks.append(Bullets(tuple(a.directions)) if a.directions else Text(str(NOT_GIVEN)))
    blocks.append(Heading(_("Measures"), level=2))
    if a.measures:
        header = (_("Code"), _("Measure"), _("Goal"), _("Task"), _("Executor"), _("Deadline"), _("Resources"))
        rows = tuple((m.code, m.title, _or_dash(m.goal or ""), _or_dash(m.task or ""), _or_dash(m.executor),
                      _date(m.deadline), _or_dash(", ".join(m.resources))) for m in a.measures)
        blocks.append(Table(header, rows, widths=(0.6, 2.6, 0.6, 0.6, 1.6, 1.1, 0.9)))
    else:
        blocks.append(Text(str(NOT_GIVEN)))
    return blocks


def _resources(r: pf.RequiredResources) -> list[Block]:
    if not r.items:
        return [Text(str(NOT_GIVEN))]

    def amount(item: pf.Resource) -> str:
        return tenge(item.amount) if item.kind == "financial" else f"{exact(item.amount)} {item.unit}"

    rows = tuple((i.code, _kind(i.kind, RESOURCE_KINDS), i.description, amount(i), _or_dash(i.source)) for i in r.items)
    total = sum((i.amount for i in r.items if i.kind == "financial"), Decimal(0))
    header = (_("Code"), _("Kind"), _("Resource"), _("Amount"), _("Source"))
    return [Table(header, rows, widths=(0.6, 1, 2.3, 1.9, 1.9)),
            Text(_("Financial resources in all: %(total)s") % {"total": tenge(total)}, style="label")]


# (key in the facts, model, heading, paragraph of act 000 that says what the section holds, renderer)
SECTIONS: tuple[tuple[str, type[BaseModel], Any, int, Callable[[Any], list[Block]]], ...] = (
    ("passport", pf.Passport, gettext_lazy("Passport (main parameters)"), 35, _passport),
    ("introduction", pf.Introduction, gettext_lazy("Introduction"), 36, _introduction),
    ("analysis", pf.Analysis, gettext_lazy("Analysis of the current situation"), 37, _analysis),
    ("goals_and_tasks", pf.GoalsAndTasks, gettext_lazy("Goals and tasks"), 38, _goals_and_tasks),
    ("action_plan", pf.ActionPlan, gettext_lazy("Main directions, ways of reaching the goals and measures"), 39,
     _action_plan),
    ("resources", pf.RequiredResources, gettext_lazy("Required resources"), 40, _resources),
)


def section_headings() -> list[str]:
    """The six headings of p.34 in the active language, e.g. "1. Паспорт (негізгі параметрлер) (35-тармақ)"."""
    return [_("%(number)s. %(section)s (paragraph %(paragraph)s)")
            % {"number": n, "section": title, "paragraph": paragraph}
            for n, (_key, _model, title, paragraph, _render) in enumerate(SECTIONS, start=1)]


def _section(data: Any, model: type[BaseModel], render: Callable[[Any], list[Block]]) -> list[Block]:
    if data is None:
        return [Text(str(NOT_GIVEN))]
    try:
        section = model.model_validate(data)
    except ValidationError as exc:  # a draft's section the model refuses: marked, not a failed export
        first = exc.errors(include_url=False, include_input=False)[0]
        return [Text(_("This section cannot be shown: its data is not valid (%(field)s).")
                     % {"field": field_path(first["loc"])}, style="note")]
    return render(section)


def _text(facts: dict, *path: str) -> str:
    """A string at `path` in the facts, or "" when a draft lacks it or holds something else."""
    value: Any = facts
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value.strip() if isinstance(value, str) else ""


def _names(items: Any, key: str) -> str:
    names = [item[key] for item in items if isinstance(item, dict) and isinstance(item.get(key), str)] \
        if isinstance(items, list) else []
    return "\n".join(names) or "—"


def _participants(items: Any) -> str:
    """The participants of p.33(3), each with the kind of subject it is."""
    rows = [f"{p['name']} ({_kind(str(p.get('kind')), PARTICIPANT_KINDS)})" for p in items
            if isinstance(p, dict) and isinstance(p.get("name"), str)] if isinstance(items, list) else []
    return "\n".join(rows) or "—"


def _general(facts: dict, status: str, version: int | None) -> list[Block]:
    """What paragraphs 31 and 33 ask of the programme as a whole, as a key-value table."""
    rows = [
        (_("Sector"), _or_dash(_text(facts, "sector"))),
        (_("Technology direction"), _or_dash(_text(facts, "direction"))),
        (_("Developer (competence centre)"), _or_dash(_text(facts, "developer", "name"))),
        (_("State Planning System documents implemented"), _names(facts.get("state_planning_documents"), "title")),
        (_("Technologies"), _names(facts.get("technologies"), "name")),
        (_("Participants"), _participants(facts.get("participants"))),
        (_("Target group of consumers"), _or_dash(_text(facts, "target_consumers"))),
    ]
    if status:
        rows.append((_("Status"), status))
    if version is not None:
        rows.append((_("Version"), str(version)))
    return [Table(None, tuple(rows), widths=(1, 2))]


def programme_title(facts: dict) -> str:
    """The programme's name as its passport gives it, else a generic title in the active language."""
    return _text(facts, "passport", "name") or _("Targeted technology programme")


def programme_blocks(facts: dict, *, lang: str, status: str = "", version: int | None = None) -> list[Block]:
    """The programme document in `lang` as blocks: title, the programme as a whole (p.31, p.33), then
    the six sections of p.34 in its order. `facts` is the stored JSON; `status` (already in `lang`) and
    `version` are printed when given. A section that is missing says "not given" (a draft exports)."""
    facts = facts if isinstance(facts, dict) else {}
    with translation.override(lang):
        blocks: list[Block] = [
            Title(programme_title(facts), subtitle=_text(facts, "direction"), issuer=_text(facts, "developer", "name")),
            *_general(facts, status, version),
        ]
        for heading, (key, model, _title, _paragraph, render) in zip(section_headings(), SECTIONS, strict=True):
            blocks += [Heading(heading, level=1), *_section(facts.get(key), model, render)]
        return blocks
