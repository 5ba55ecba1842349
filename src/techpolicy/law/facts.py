"""Validation of facts: a missing or malformed fact is an error naming the field."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

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
    `total` is the number of errors found (give it when `errors` holds only the first ones).

    An error may also carry "code" and "params" (pydantic's error type and context, or an
    `objection`'s): `details` keeps them beside each kept error, so that an interface can say the
    message in its reader's language; `errors`, the shape the API and the CLI answer with, does not."""

    def __init__(self, errors: Iterable[dict[str, Any]], total: int | None = None):
        found = list(errors)
        self.total = max(len(found), total or 0)
        self.details = [{"field": _short(str(e["field"])), "message": e["message"], "code": e.get("code", ""),
                         "params": dict(e.get("params") or {})} for e in found[:MAX_ERRORS]]
        if self.total > len(self.details):
            more = self.total - len(self.details)
            self.details.append({"field": MORE_FIELD, "message": f"... and {more} more errors", "code": "more",
                                 "params": {"count": more}})
        kept = [{"field": e["field"], "message": e["message"]} for e in self.details]
        self.errors = kept
        super().__init__("; ".join(f"{e['field']}: {e['message']}" for e in kept))


def objection(code: str, message: str, **params: Any) -> PydanticCustomError:
    """A fact refused by an act's own rule, to raise in a validator: `code` names the objection
    for the interfaces that translate it, `message` is its English text with {name} placeholders
    filled from `params` (pydantic reports both with the field's path)."""
    return PydanticCustomError(code, message, params)


def _params(ctx: dict | None) -> dict[str, Any]:
    """Pydantic's error context as plain values (it may hold the exception or a Decimal)."""
    return {k: v if isinstance(v, int | float | str) else str(v) for k, v in (ctx or {}).items()}


def field_path(loc: tuple) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(root)"


def parse_facts(model: type[M], data: Any, text_checked: bool = False) -> M:
    """The facts as `model`, or `InvalidFacts` naming every bad field. `text_checked`: the caller has
    already found no control character in any string of `data` (a population checks its text
    columns at once, `text.forbidden_in`), so the walk over the strings is skipped."""
    # Control characters are refused in every string before the model sees them (see law.text).
    if not text_checked and (found := text.control_characters(data, limit=MAX_ERRORS)):
        raise InvalidFacts([{"field": field_path(loc), "message": text.message(code), "code": "control_character",
                             "params": {"code": code}} for loc, code in found])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_input=False)
        # Only the kept errors are turned into field paths; the count covers all of them.
        named = [{"field": field_path(e["loc"]), "message": e["msg"], "code": e["type"],
                  "params": _params(e.get("ctx"))} for e in errors[:MAX_ERRORS]]
        raise InvalidFacts(named, total=len(errors)) from None
