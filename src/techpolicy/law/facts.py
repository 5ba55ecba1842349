"""Validation of facts: a missing or malformed fact is an error naming the field."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import text

M = TypeVar("M", bound=BaseModel)

# At most this many errors are kept (the rest are counted): a body with a hundred thousand bad
# items must not turn into an answer listing each of them. Every act and the API share the cap.
MAX_ERRORS = 50
# A field path echoes the keys of the input (an unknown key is named as given): keep it readable.
MAX_FIELD_CHARS = 300
MORE_FIELD = "(more)"


def _short(field: str) -> str:
    return field if len(field) <= MAX_FIELD_CHARS else field[: MAX_FIELD_CHARS - 1] + "…"


class InvalidFacts(ValueError):
    """Facts that cannot be evaluated. `errors` lists {"field": "a.b[0].c", "message": ...}.

    Only the first `MAX_ERRORS` are kept; when there are more, a last item
    {"field": "(more)", "message": "... and N more errors"} says how many were left out, and
    `total` is the number of errors found (give it when `errors` holds only the first ones)."""

    def __init__(self, errors: Iterable[dict[str, str]], total: int | None = None):
        found = list(errors)
        self.total = max(len(found), total or 0)
        kept = [{"field": _short(str(e["field"])), "message": e["message"]} for e in found[:MAX_ERRORS]]
        if self.total > len(kept):
            kept.append({"field": MORE_FIELD, "message": f"... and {self.total - len(kept)} more errors"})
        self.errors = kept
        super().__init__("; ".join(f"{e['field']}: {e['message']}" for e in kept))


def field_path(loc: tuple) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(root)"


def parse_facts(model: type[M], data: Any) -> M:
    # Control characters are refused in every string before the model sees them (see law.text).
    if found := text.control_characters(data, limit=MAX_ERRORS):
        raise InvalidFacts([{"field": field_path(loc), "message": text.message(code)} for loc, code in found])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_input=False)
        # Only the kept errors are turned into field paths; the count covers all of them.
        named = [{"field": field_path(e["loc"]), "message": e["msg"]} for e in errors[:MAX_ERRORS]]
        raise InvalidFacts(named, total=len(errors)) from None
