"""Characters that text may not carry, in every input of the system: facts, API fields, queries, forms.

Control characters have no place in names, reasons or search words; NUL in particular cannot be
stored by PostgreSQL (text and jsonb refuse it), and a lone surrogate (possible in JSON, "\\ud800")
cannot be encoded as UTF-8 by any database driver. Refusing them where the input enters, with an
error naming the field, keeps them from failing deep inside a request. Tab, line feed and carriage
return are ordinary white space in multi-line text and are allowed. Pure Python, no Django.
"""

from __future__ import annotations

import re
from typing import Any

# C0 controls except tab (U+0009), line feed (U+000A) and carriage return (U+000D); DEL (U+007F);
# the surrogate code points, which are not characters on their own.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# The same set in JSON Schema's regular expressions (ECMA-262), so the API documents what it refuses.
ALLOWED_PATTERN = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF]*$"


# For polars (Rust's regex): its strings are valid UTF-8, so they hold no surrogates.
FORBIDDEN_IN_COLUMNS = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"


def forbidden_character(text: str) -> str | None:
    """The first character of `text` that is not allowed, written "U+0000", or None."""
    found = FORBIDDEN.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


def message(code_point: str) -> str:
    """The English message; the interfaces translate their own copy of it."""
    return f"The text contains a control character ({code_point}), which is not allowed."


_Link = tuple | None  # (parent link, key or index); None at the root


def control_characters(data: Any, *, limit: int) -> list[tuple[tuple, str]]:
    """The strings (and object keys) of a JSON-like value that hold a forbidden character, as
    (location, code point) pairs, at most `limit` of them (facts can hold thousands of strings). A
    key is reported at the location of its object.

    The walk keeps its own stack instead of recursing, so no nesting depth can exhaust Python's, and
    each item carries a link to its parent's location rather than a copy, so the walk stays linear."""
    found: list[tuple[tuple, str]] = []
    stack: list[tuple[Any, _Link]] = [(data, None)]
    while stack and len(found) < limit:
        value, link = stack.pop()
        if isinstance(value, str):
            if (bad := forbidden_character(value)) is not None:
                found.append((_location(link), bad))
        elif isinstance(value, dict):
            items = []
            for key, item in value.items():
                if isinstance(key, str) and (bad := forbidden_character(key)) is not None:
                    found.append((_location(link), bad))
                else:
                    items.append((item, (link, key)))
            stack.extend(reversed(items))
        elif isinstance(value, list | tuple):
            stack.extend((item, (link, index)) for index, item in reversed(list(enumerate(value))))
    return found[:limit]


def _location(link: _Link) -> tuple:
    parts = []
    while link is not None:
        link, part = link
        parts.append(part)
    return tuple(reversed(parts))
