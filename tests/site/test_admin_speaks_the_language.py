"""Issue 10, item 3: the administration names every model of the project and every field it shows
in the page's language. Django builds the section lists, column headers, filters, form labels,
permission names and delete confirmations from each model's `verbose_name`/`verbose_name_plural`
and each field's `verbose_name`; one left to Django's default ("parameter entrys", "due on") is
English on a Kazakh or Russian page. The every-page test reaches only a few admin pages per kind,
so this one reads the names themselves, for every model."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib import admin
from django.utils import translation

# Names every language writes the same way.
SAME_IN_EVERY_LANGUAGE = {"ID"}


def project_models():
    return [m for m in apps.get_models() if m.__module__.startswith("techpolicy.")]


def in_admin() -> set:
    """The models the administration lists, changes or shows inline."""
    shown = set(admin.site._registry)
    for model_admin in admin.site._registry.values():
        shown |= {inline.model for inline in model_admin.inlines}
    return shown


def names(model) -> dict[str, str]:
    """What the administration may print about the model, by where it comes from: the model's names
    for every model (they name its permissions), the fields' names for the models it shows."""
    opts = model._meta
    found = {f"{opts.label}": str(opts.verbose_name), f"{opts.label} (plural)": str(opts.verbose_name_plural)}
    if model not in in_admin():
        return found
    for field in opts.get_fields():
        if field.auto_created and not field.concrete:
            continue  # a reverse relation: named by the other model
        if hasattr(field, "verbose_name"):
            found[f"{opts.label}.{field.name}"] = str(field.verbose_name)
    return found


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_model_and_field_is_named_in_kazakh_and_russian(lang):
    """Issue 10, item 3: no model or field name of the project reads the same in kk or ru as in en."""
    models = project_models()
    assert len(models) > 50  # every app's models are loaded, not a few
    with translation.override("en"):
        english = {key: value for model in models for key, value in names(model).items()}
    with translation.override(lang):
        translated = {key: value for model in models for key, value in names(model).items()}
    untranslated = sorted(f"{key}: {value!r}" for key, value in translated.items()
                          if value == english[key] and value not in SAME_IN_EVERY_LANGUAGE)
    assert untranslated == [], "\n".join(untranslated)


def test_a_model_named_by_default_would_be_found():
    """Issue 10, item 3: the check above tells a default name from a translated one."""
    from techpolicy.casework.models import Case

    with translation.override("kk"):
        assert str(Case._meta.verbose_name_plural) == "істер"
        assert str(Case._meta.get_field("due_on").verbose_name) == "мерзімі"
    with translation.override("ru"):
        assert str(Case._meta.verbose_name) == "дело"
