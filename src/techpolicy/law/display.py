"""Parameters as people read them, in kk, ru or en: their label instead of the internal name, the
value with its unit written for the language, and the words of the act a value rests on.

The parameter files keep a machine form (a dotted name, an English unit key, a `source` remark in
English that quotes the Kazakh original); pages, PDFs and verdict notes show this module's forms.
"""

from __future__ import annotations

import re

from . import units
from .parameters import Parameters, ParameterValue

# Quotations of the act inside a `source` remark: 'екі жүз елу'.
_QUOTE = re.compile(r"'([^']+)'")
# An internal parameter name in a text: "tp.cc.designation_term", "mci".
_NAME = re.compile(r"(?<![\w.])[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+(?![\w.])|(?<![\w.])mci(?![\w.])")


def label(name: str, lang: str = "en", parameters: Parameters | None = None) -> str:
    """The parameter's description in `lang` (its name only when no parameter file knows it)."""
    parameters = parameters or Parameters.from_source()
    try:
        description = parameters.definition(name).description
    except KeyError:
        return name
    return description.get(lang) or description.get("en") or name


def value_text(value: ParameterValue, lang: str = "en") -> str | None:
    """The value with its unit in `lang`; None when the source document does not set it."""
    if not value.is_set:
        return None
    return units.quantity(value.value, value.unit, lang)


def source_quotes(source: str) -> list[str]:
    """The words of the act quoted in a `source` remark (the remark itself is an English note)."""
    return [q.strip() for q in _QUOTE.findall(source or "") if q.strip()]


def name_parameters(text: str, lang: str = "en", parameters: Parameters | None = None) -> str:
    """`text` with every known parameter name replaced by its label in `lang` (a verdict note written
    with the name, "tp.cc.designation_term is not set"): a reader sees what is missing, not a code."""
    parameters = parameters or Parameters.from_source()
    known = set(parameters.names())

    def replace(match: re.Match) -> str:
        name = match.group(0)
        return f"«{label(name, lang, parameters)}»" if name in known else name

    return _NAME.sub(replace, text or "")


def named(name: str, parameters: Parameters | None = None) -> dict[str, str]:
    """How a note names a parameter in each language: by its label, the English one followed by
    the name an administrator enters a value under (kk and ru pages show no internal code)."""
    parameters = parameters or Parameters.from_source()
    forms = {lang: f"«{label(name, lang, parameters)}»" for lang in ("kk", "ru", "en")}
    if forms["en"] != f"«{name}»":
        forms["en"] = f"{forms['en']}, {name}"
    return forms
