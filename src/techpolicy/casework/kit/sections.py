"""The sections of a long application and the task list at the top of its page: which sections are
complete, which need attention (their errors are shown) and which are not started yet.

A bundle declares its sections (`FormBundle.sections`: key, label, the bundle's forms in it), or each
form of the bundle is a section of its own. A draft saved incomplete (`casework.kit.drafts`) keeps the
keys of the sections still incomplete, so the task list of a saved draft tells them apart too."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from techpolicy.site.templatetags.form_guidance import field_anchor

from .forms import Bound, FormBundle

DONE, ATTENTION, TODO = "done", "attention", "todo"


@dataclass(frozen=True)
class Section:
    key: str
    label: Any  # lazy translation
    forms: tuple[str, ...]  # the names of the bundle's forms and formsets in this section


def sections_of(bundle: FormBundle, bound: Bound) -> tuple[Section, ...]:
    """The bundle's declared sections, or one per form of the page (labelled by its name)."""
    declared = tuple(Section(*each) if not isinstance(each, Section) else each for each in bundle.sections)
    return declared or tuple(Section(name, name, (name,)) for name in bound)


def _errors(form) -> int:
    if hasattr(form, "total_error_count"):  # a formset
        return form.total_error_count()
    return len(form.errors)


def _anchor(form) -> str:
    """Where a link to the section jumps to: the first field of its first form (a formset's first row)."""
    first = form.forms[0] if hasattr(form, "forms") and form.forms else form
    return next((field_anchor(f) for f in first if not f.is_hidden), "") if hasattr(first, "fields") else ""


def _has_input(form) -> bool:
    """Whether anything was typed into the section (a form left at its initial values was not started)."""
    forms = form.forms if hasattr(form, "forms") else [form]
    return any(f.has_changed() for f in forms)


def statuses(bundle: FormBundle, bound: Bound, *, saved: bool, incomplete: tuple[str, ...] = (),
             checked: bool = True) -> list[dict]:
    """Each section as {"key", "label", "status", "anchor"}. `saved`: the forms show a stored
    application; `incomplete` lists the sections a saved incomplete draft still lacks; `checked`:
    the posted forms were validated (not only "add a row")."""
    rows = []
    for section in sections_of(bundle, bound):
        forms = [bound[name] for name in section.forms if name in bound]
        posted = any(f.is_bound for f in forms)
        if posted and checked and any(_errors(f) for f in forms):
            status = ATTENTION
        elif posted and checked:
            status = DONE
        elif saved and section.key in incomplete:
            status = ATTENTION
        elif saved or (posted and any(_has_input(f) for f in forms)):
            status = DONE if saved else TODO
        else:
            status = TODO
        rows.append({"key": section.key, "label": section.label, "status": status,
                     "anchor": _anchor(forms[0]) if forms else ""})
    return rows


def incomplete_sections(bundle: FormBundle, bound: Bound) -> list[Section]:
    """The sections whose forms are not valid (call on bound forms)."""
    return [s for s in sections_of(bundle, bound)
            if not all(bound[name].is_valid() for name in s.forms if name in bound)]
