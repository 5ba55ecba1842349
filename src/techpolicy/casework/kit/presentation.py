"""How a service's application reads on the case page, declared as data and rendered once.

A service declares a `Presentation` per workflow (`Service.application`): sections in the order of
its form, each a path into the case's facts and how it reads there — `fields`, a `table` of rows,
repeated `blocks` (one per project), or a `tree` / `lines` the law layer computes (`build`). The
labels are the form labels of the service's `FormBundle`, the one that produced the facts: a fact
key reads as the label of the form field of the same name unless the section maps it, and a choice
reads as its choice's label, so no raw key reaches the page.

Each rule of the stored verdict is shown beside the facts it read (`RuleResult.facts`, noted when
the rule was evaluated): at the deepest fact shown that holds what the rule read. Rules that read
no fact (or verdicts stored before rules noted their reads) are listed after the sections.

The same nodes serve the case page, the printable page and the PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _

from .forms import FormBundle

KINDS = ("fields", "table", "blocks", "tree", "lines")
MAX_ROWS = 500  # rows of one table or blocks of one list shown; the rest are counted


@dataclass
class Node:
    """One thing shown: a section, a field, a table, a block of fields or a branch of a tree."""

    kind: str  # "section" | "field" | "table" | "block" | "branch" | "note"
    label: str
    path: str = ""  # the facts' path, without list positions ("documents.planned_staff.residents")
    value: str = ""
    long: bool = False  # a long text: shown under its label rather than beside it
    unlabelled: bool = False  # no form label was found (a test keeps this from happening)
    children: list[Node] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    rules: list[dict] = field(default_factory=list)  # the verdict's rules beside it

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


Build = Callable[[Any, dict, "Labels"], Node]  # (value at the path, all facts, labels) -> a section


@dataclass(frozen=True)
class Section:
    """`form` is the key of the bundle's form or formset whose fields label it; `fields` maps a
    path below `path` to the name of that form's field (or to a label) where the fact's key is not
    the field's name. `keys` limits a `fields` section to those keys, `skip` leaves out keys another
    section shows. `show` says how a value reads where a choice list does not ("direction" -> its
    name). `item_label` names each block of a `blocks` section ("Project %(number)s"). `refers` maps
    a fact that names another record of the application by its id (a cost's executor) to (the path
    of those records, the key of their name): it reads as that name, since the id is only the
    applicant's cross-reference. `skip` also leaves columns out of a table."""

    label: Any
    path: str = ""
    kind: str = "fields"
    form: str = ""
    fields: Mapping[str, Any] = field(default_factory=dict)
    keys: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    show: Mapping[str, Callable[[Any], str]] = field(default_factory=dict)
    refers: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    item_label: Any = None
    build: Build | None = None
    optional: bool = False  # left out when the facts hold nothing for it (the leased object of a cost)

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"a section is one of {KINDS}, not {self.kind!r}")
        if self.kind in ("tree", "lines") and self.build is None:
            raise ValueError(f"a {self.kind} section needs `build`")


@dataclass(frozen=True)
class Presentation:
    """The application of `workflows` as it reads: its sections, labelled by `bundle` (a
    FormBundle, or a function of the case giving one when its forms depend on the organisation)."""

    workflows: tuple[str, ...]
    sections: tuple[Section, ...]
    bundle: FormBundle | Callable[[Any], FormBundle] | None = None


# --- values ------------------------------------------------------------------------------------

def money(value: Any) -> str:
    """An amount in tenge as the page's language writes numbers."""
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    shown = formats.number_format(amount, decimal_pos=2, use_l10n=True, force_grouping=True)
    return _("%(amount)s ₸") % {"amount": shown}


def _date(value: str) -> str | None:
    try:
        return dt.date.fromisoformat(value).strftime("%d.%m.%Y")
    except (TypeError, ValueError):
        return None


def _scalar(value: Any, key: str, choices: Mapping[str, str] | None, show: Callable | None) -> str:
    if show is not None:
        return show(value)
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return ", ".join(_scalar(v, key, choices, None) for v in value) or "—"
    if choices and str(value) in choices:
        return choices[str(value)]
    if key.endswith("_kzt"):
        return money(value)
    if isinstance(value, str) and len(value) == 10 and (day := _date(value)):
        return day
    return str(value)


# --- labels ------------------------------------------------------------------------------------

class Labels:
    """The label and choices of a fact from the bundle's unbound forms (formsets by their empty form)."""

    def __init__(self, bundle: FormBundle | None, facts: dict | None = None):
        self.facts = facts or {}
        self.forms: dict[str, Any] = {}
        if bundle is not None:
            for key, form in bundle.bind(None, {}).items():
                self.forms[key] = form.empty_form if hasattr(form, "empty_form") else form

    def field(self, section: Section, relative: str):
        """(label, choices) of the fact at `relative` below the section; label None when unknown."""
        label, choices = self._field(section, relative)
        if relative in section.refers:
            path, key = section.refers[relative]
            records = _at(self.facts, path)
            named = {str(r["id"]): str(r.get(key) or r["id"]) for r in records if isinstance(r, dict) and r.get("id")
                     } if isinstance(records, list) else {}
            choices = {**(choices or {}), **named}
        return label, choices

    def _field(self, section: Section, relative: str):
        mapped = section.fields.get(relative, relative.rsplit(".", 1)[-1])
        form = self.forms.get(section.form)
        if form is not None and isinstance(mapped, str) and mapped in form.fields:
            found = form.fields[mapped]
            choices = {str(k): str(v) for k, v in getattr(found, "choices", ()) if not isinstance(v, list | tuple)}
            return str(found.label), choices
        if mapped is not None and not isinstance(mapped, str):  # a label given by the section
            return str(mapped), None
        return None, None


# --- the walk ----------------------------------------------------------------------------------

def _at(facts: Any, path: str) -> Any:
    value = facts
    for part in path.split(".") if path else ():
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _join(*parts: str) -> str:
    return ".".join(p for p in parts if p)


def _field_node(section: Section, labels: Labels, base: str, relative: str, value: Any) -> Node:
    label, choices = labels.field(section, relative)
    path = _join(base, relative)
    if isinstance(value, dict):
        node = Node("block", label or relative, path, unlabelled=label is None)
        node.children = [_field_node(section, labels, base, _join(relative, str(k)), v) for k, v in value.items()]
        return node
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return _rows(section, labels, base, relative, value, label)
    text = _scalar(value, relative.rsplit(".", 1)[-1], choices, section.show.get(relative))
    return Node("field", label or relative, path, value=text, long=len(text) > 120, unlabelled=label is None)


def _rows(section: Section, labels: Labels, base: str, relative: str, items: list, label: str | None) -> Node:
    """A list of records: a table when each is flat, else one block per record."""
    path = _join(base, relative)
    flat = all(not isinstance(v, dict | list) or (isinstance(v, list) and not any(isinstance(x, dict) for x in v))
               for item in items for v in item.values())
    if flat and section.kind != "blocks":
        keys = [k for k in dict.fromkeys(k for item in items for k in item) if _join(relative, k) not in section.skip]
        heads = [labels.field(section, _join(relative, k)) for k in keys]
        node = Node("table", label or section_label(section), path, unlabelled=any(h[0] is None for h in heads))
        node.columns = [h[0] or k for h, k in zip(heads, keys, strict=True)]
        node.rows = [[_scalar(item.get(k), k, h[1], section.show.get(_join(relative, k)))
                      for k, h in zip(keys, heads, strict=True)] for item in items[:MAX_ROWS]]
        _more(node, len(items))
        return node
    node = Node("block", label or section_label(section), path)
    for number, item in enumerate(items[:MAX_ROWS], start=1):
        name = str(section.item_label % {"number": number}) if section.item_label else f"{number}"
        block = Node("block", name, path)
        block.children = [_field_node(section, labels, base, _join(relative, str(k)), v) for k, v in item.items()]
        node.children.append(block)
    _more(node, len(items))
    return node


def _more(node: Node, total: int) -> None:
    if total > MAX_ROWS:
        node.children.append(Node("note", _("%(count)s more not shown") % {"count": total - MAX_ROWS}, node.path))


def section_label(section: Section) -> str:
    return str(section.label)


def _section(section: Section, labels: Labels, facts: dict) -> Node | None:
    value = _at(facts, section.path)
    if section.keys and isinstance(value, dict):
        value = {k: value[k] for k in section.keys if k in value} or None
    if section.optional and value in (None, [], {}):
        return None
    node = Node("section", section_label(section), section.path)
    if section.build is not None:
        node.children.append(section.build(value, facts, labels))
        return node
    if value is None or value == [] or value == {}:
        node.children.append(Node("note", _("Not given."), section.path))
    elif isinstance(value, list):
        rows = _rows(section, labels, section.path, "", value, "")
        if rows.kind == "block":  # the section is the list: its blocks stand in it directly
            node.children += rows.children
        else:
            rows.label = ""
            node.children.append(rows)
    elif isinstance(value, dict):
        keys = [k for k in (section.keys or value) if k in value and k not in section.skip]
        node.children = [_field_node(section, labels, section.path, k, value[k]) for k in keys]
    else:
        node.children.append(_field_node(section, labels, "", section.path, value))
    return node


# --- rules beside their facts --------------------------------------------------------------------

def _place_rules(nodes: list[Node], verdict: dict | None) -> list[dict]:
    """Put each rule beside the deepest node holding a fact it read; return the rules left over."""
    shown = [n for top in nodes for n in top.walk() if n.kind != "note"]
    left = []
    for rule in (verdict or {}).get("rules", []):
        placed: list[Node] = []
        for read in rule.get("facts") or ():
            holders = [n for n in shown if n.path and (read == n.path or read.startswith(n.path + "."))]
            if not holders:  # the rule read a whole part that several sections show
                holders = [n for n in shown if n.path.startswith(read + ".")][:1]
            if holders:
                target = max(holders, key=lambda n: len(n.path))
                if not any(target is p for p in placed):
                    placed.append(target)
        for target in placed:
            target.rules.append(rule)
        if not placed:
            left.append(rule)
    return left


def application(case, presentation: Presentation | None) -> dict | None:
    """What the application pages show of `case`: its sections as nodes, with the verdict's rules
    beside their facts, and the rules tied to no fact shown."""
    if presentation is None:
        return None
    bundle = presentation.bundle
    if bundle is not None and not isinstance(bundle, FormBundle):
        bundle = bundle(case)
    labels = Labels(bundle, case.facts)
    facts = case.facts or {}
    sections = [n for n in (_section(s, labels, facts) for s in presentation.sections) if n is not None]
    return {"sections": sections, "other_rules": _place_rules(sections, case.verdict)}


def unlabelled(shown: dict) -> list[str]:
    """The paths shown without a form label (tests keep this empty for every service)."""
    return [n.path for top in shown["sections"] for n in top.walk() if n.unlabelled]
