"""A draft saved before every section is complete ("Save and finish later").

The facts of the law layer can only be made from forms that are all valid, so an incomplete draft
keeps what the applicant typed instead: the case's facts are then
`{INCOMPLETE: {"input": <the posted fields>, "sections": [<incomplete sections>]}}`, plus whatever
the bundle's `draft_facts` gives for choosing the workflow and the subject. The law layer never
judges such facts: the engine lets a case whose draft is incomplete be completed or withdrawn, and
refuses every other action with the list of incomplete sections (`refusal`), each named in the
language of whoever reads it. Saving the forms complete replaces the whole entry with real facts."""

from __future__ import annotations

from django.http import QueryDict
from django.utils import translation
from django.utils.translation import gettext as _

INCOMPLETE = "incomplete_draft"  # the key of Case.facts that marks a draft saved incomplete
# Posted fields that are not the applicant's input: the form's token, the version, the buttons.
NOT_INPUT = frozenset({"csrfmiddlewaretoken", "once", "version", "save_partial"})
LANGUAGES = ("kk", "ru", "en")
MOST_FIELDS = 5000  # a posted page is bounded by Django's DATA_UPLOAD_MAX_NUMBER_FIELDS too
# A draft keeps what was typed before the forms judged it, so no field's own limit applies yet: each
# value is cut at a bound above every field's limit (the form still names the field as too long when
# the draft is opened again), and a field posted many times keeps its first values.
MOST_CHARS = 25_000
MOST_VALUES = 20


def is_incomplete(facts) -> bool:
    return isinstance(facts, dict) and INCOMPLETE in facts


def draft_entry(data: QueryDict, sections, decisive: dict | None = None) -> dict:
    """The facts of an incomplete draft: the posted input and the `sections` (kit.sections.Section)
    still incomplete, their labels kept in every language of the site."""
    names = [name for name in data if name not in NOT_INPUT][:MOST_FIELDS]
    labelled = []
    for section in sections:
        label = {}
        for lang in LANGUAGES:
            with translation.override(lang):
                label[lang] = str(section.label)
        labelled.append({"key": section.key, "label": label})
    kept = {name: [value[:MOST_CHARS] for value in data.getlist(name)[:MOST_VALUES]] for name in names}
    return {**(decisive or {}), INCOMPLETE: {"input": kept, "sections": labelled}}


def draft_input(facts: dict) -> QueryDict:
    """The stored input of an incomplete draft as posted data, to bind the forms to again."""
    data = QueryDict(mutable=True)
    for name, values in facts[INCOMPLETE].get("input", {}).items():
        data.setlist(name, [str(v) for v in values])
    return data


def incomplete_keys(facts: dict) -> tuple[str, ...]:
    return tuple(s.get("key", "") for s in facts[INCOMPLETE].get("sections", ())) if is_incomplete(facts) else ()


def section_names(facts: dict) -> str:
    """The incomplete sections, in the reader's language."""
    lang = translation.get_language() or "kk"
    lang = lang if lang in LANGUAGES else "kk"
    return ", ".join(f"“{s['label'].get(lang) or s['label'].get('en', s.get('key', ''))}”"
                     for s in facts[INCOMPLETE].get("sections", ()))


def refusal(facts: dict) -> str:
    """Why nothing but completing or withdrawing can happen to a draft saved incomplete."""
    return _("The application is not complete yet. Complete these sections and save the draft first: "
             "%(sections)s.") % {"sections": section_names(facts)}
