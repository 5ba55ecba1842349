"""The law layer's objections to facts as the person who typed them reads them: in the page's
language, next to the field that holds the fact.

The law layer names each objection by a code (pydantic's error type, or an act's own
`law.facts.objection`) with its parameters and an English text; this module holds the translated
texts of pydantic's codes, each service `declare`s those of its act, and a code nobody declared
keeps the law layer's English text. A form bundle says which of its forms holds which facts
(`FormBundle.fact_forms`); an objection to a fact no field holds stays in the list above the form,
with the fact's path spelled out."""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext_lazy as _

from techpolicy.law.facts import MORE_FIELD, InvalidFacts

from .forms import Bound, FormBundle

MESSAGES = {
    # pydantic's own error types, as a form's facts meet them
    "missing": _("This is required."),
    "greater_than_equal": _("Enter a value of at least %(ge)s."),
    "greater_than": _("Enter a value greater than %(gt)s."),
    "less_than_equal": _("Enter a value of at most %(le)s."),
    "less_than": _("Enter a value less than %(lt)s."),
    "decimal_parsing": _("Enter a number."),
    "decimal_type": _("Enter a number."),
    "decimal_max_digits": _("Enter a number with at most %(max_digits)s digits."),
    "decimal_max_places": _("Enter a number with at most %(decimal_places)s digits after the decimal point."),
    "finite_number": _("Enter a finite number."),
    "int_parsing": _("Enter a whole number."),
    "int_type": _("Enter a whole number."),
    "string_too_long": _("Enter at most %(max_length)s characters."),
    "string_too_short": _("Enter at least %(min_length)s characters."),
    "string_pattern_mismatch": _("The value does not have the expected form."),
    "literal_error": _("Choose one of the offered values."),
    "enum": _("Choose one of the offered values."),
    "date_parsing": _("Enter a date."),
    "date_from_datetime_parsing": _("Enter a date."),
    "date_type": _("Enter a date."),
    "too_long": _("Too many items: at most %(max_length)s."),
    "list_type": _("Enter a list."),
    "extra_forbidden": _("This field is not expected here."),
    "control_character": _("The text contains a control character (%(code)s), which is not allowed."),
    "more": _("… and %(count)s more errors."),
}



def declare(messages: dict[str, Any]) -> None:
    """Add the translated texts of a service's own objection codes (its act's `objection`s)."""
    MESSAGES.update(messages)


_PATH = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")


def message(detail: dict[str, Any]) -> str:
    """One objection in the current language."""
    text = MESSAGES.get(detail.get("code", ""))
    if text is None:
        return str(detail["message"])
    try:
        return str(text) % detail.get("params", {})
    except (KeyError, TypeError, ValueError):  # a context without the value the text names
        return str(detail["message"])


def localized(exc: InvalidFacts) -> list[dict[str, str]]:
    """The objections as {"field", "message"} in the current language (the API's error shape)."""
    return [{"field": d["field"], "message": message(d)} for d in exc.details]


def _steps(path: str) -> list[str | int]:
    return [int(index) if index else key for index, key in _PATH.findall(path)]


def _field_of(bundle: FormBundle, bound: Bound, path: str):
    """The bound form and field name that hold the fact at `path`, or None.

    A path starts with a fact the bundle maps to a form (`fact_forms`, e.g. "costs" -> the cost
    formset, whose row is the next step); a top-level fact no mapping names is looked for among
    the fields of the bundle's plain forms."""
    steps = _steps(path)
    if not steps or not isinstance(steps[0], str):
        return None
    head, rest = steps[0], steps[1:]
    if head in bundle.fact_forms:
        form = bound.get(bundle.fact_forms[head])
        if form is not None and hasattr(form, "forms"):  # a formset: the row comes next
            # The facts list only the rows filled in (blank extra rows are skipped), in order.
            rows = [row for row in form.forms if getattr(row, "cleaned_data", None)]
            if not rest or not isinstance(rest[0], int) or rest[0] >= len(rows):
                return None
            form, rest = rows[rest[0]], rest[1:]
        if form is None or len(rest) != 1 or rest[0] not in form.fields:
            return None
        return form, rest[0]
    if rest:
        return None
    for form in bound.values():
        if not hasattr(form, "forms") and head in form.fields:
            return form, head
    return None


def place(bundle: FormBundle, bound: Bound, errors: list[dict[str, str]] | None) -> list[dict[str, str]] | None:
    """Put each error ({"field": a fact's path, "message"}, see `localized`) on the form field that
    holds its fact; returns the others, for the list above the form: None when there were no
    errors, a list (empty when every error found its field) when there were."""
    if errors is None:
        return None
    left = []
    for error in errors:
        held = _field_of(bundle, bound, error["field"]) if error["field"] != MORE_FIELD else None
        if held is None:
            left.append(error)
        else:
            form, name = held
            # add_error drops the field from cleaned_data; nothing reads it after the law layer did.
            form.add_error(name, error["message"])
    return left
