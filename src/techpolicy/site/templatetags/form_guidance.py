"""The error summary at the top of a form page (the GOV.UK pattern): every error of the page's
forms, each linking to its field, so a failed save never leaves the errors screens below the top.

    {% load form_guidance %}{% error_summary form %}           one form
    {% error_summary forms fact_errors %}                       a kit bundle and the law layer's errors
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from django import forms as django_forms
from django import template
from django.utils.translation import gettext as _

register = template.Library()


def field_anchor(bound_field) -> str:
    """The id a link to the field jumps to: its input, or the first of a group of radios/boxes."""
    widget = bound_field.field.widget
    if isinstance(widget, django_forms.RadioSelect | django_forms.CheckboxSelectMultiple):
        subwidgets = bound_field.subwidgets
        if subwidgets:
            return subwidgets[0].id_for_label or ""
    return bound_field.id_for_label or bound_field.auto_id or ""


def _first_anchor(form) -> str:
    return next((field_anchor(f) for f in form if not f.is_hidden), "")


def form_errors(form, row: int | None = None) -> Iterator[dict]:
    """One {"label", "message", "anchor"} per error of a bound form; `row` numbers a formset's form."""
    if form is None or not getattr(form, "is_bound", False):
        return
    for error in form.non_field_errors():
        yield {"label": "", "message": error, "anchor": _first_anchor(form)}
    for bound_field in form:
        for error in bound_field.errors:
            label = str(bound_field.label or bound_field.name)
            if row is not None:
                label = _("%(label)s (row %(row)d)") % {"label": label, "row": row}
            yield {"label": label, "message": error, "anchor": field_anchor(bound_field)}
    for name, errors in form.errors.items():  # errors of fields the form leaves out of its rendering
        if name != django_forms.forms.NON_FIELD_ERRORS and name not in form.fields:
            for error in errors:
                yield {"label": name, "message": error, "anchor": ""}


def errors_of(item) -> Iterator[dict]:
    """The errors of a form, a formset, or a bundle of them (prefix -> form or formset)."""
    if item is None:
        return
    if isinstance(item, Mapping):
        for each in item.values():
            yield from errors_of(each)
    elif isinstance(item, django_forms.BaseFormSet):
        if not item.is_bound:
            return
        first = item.forms[0] if item.forms else None
        for error in item.non_form_errors():
            yield {"label": "", "message": error, "anchor": _first_anchor(first) if first else ""}
        for number, form in enumerate(item.forms, start=1):
            yield from form_errors(form, row=number)
    else:
        yield from form_errors(item)


def fact_entries(fact_errors) -> list[dict]:
    """The law layer's findings, which name a fact rather than a form field."""
    return [{"label": str(e.get("field", "")), "message": e.get("message", ""), "anchor": ""}
            for e in fact_errors or ()]


@register.inclusion_tag("_error_summary.html")
def error_summary(forms, fact_errors=None) -> dict:
    """The summary of every error of `forms` (a form, formset or bundle) and the law layer's
    `fact_errors`; nothing when there are none."""
    return {"entries": list(errors_of(forms)), "facts": fact_entries(fact_errors)}
