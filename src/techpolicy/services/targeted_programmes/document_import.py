"""A targeted technology programme document (seed 000 chapter 5, p.34-40) imported from a structured
file: the developer writes the programme in its own tools and uploads it as JSON, in the shape of
`ProgrammeFacts` (`examples/programme.json`, `techpolicy schema programme`).

The file is hostile input until proven otherwise, refused in this order, each refusal a
`ProgrammeFileError` in the reader's language: not a .json name; larger than `MAX_FILE_BYTES`
(before it is decoded); not UTF-8; nested deeper than the API accepts (measured before decoding,
without recursion, as the API's body is); not valid JSON; not an object; facts the model refuses,
each error naming its field as every form and the API name it. The review date (`checked_on`) is
the caller's, not the file's: one in the file is checked and dropped, one missing is no error.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from techpolicy.api.body import nesting_depth
from techpolicy.casework.kit import fact_errors
from techpolicy.law.acts.act000_methodology.programme_facts import ProgrammeFacts
from techpolicy.law.facts import InvalidFacts, parse_facts

MAX_FILE_BYTES = 2 * 1024 * 1024  # the example is 10 kB; the model's own list bounds allow more than any file needs
REVIEW_DATE = "checked_on"
# Stands in for the review date the file need not carry; only the model's check sees it.
_PLACEHOLDER_DATE = dt.date(2000, 1, 1).isoformat()


class ProgrammeFileError(ValueError):
    """A file that cannot be imported. `errors` lists {"field", "message"} in the active language
    ("(file)" for the file as a whole, else the path of the fact, e.g. "passport.period.end_year")."""

    def __init__(self, errors: list[dict[str, str]]):
        self.errors = errors
        super().__init__("; ".join(f"{e['field']}: {e['message']}" for e in errors))


def _refuse(message: str, field: str = "(file)") -> ProgrammeFileError:
    return ProgrammeFileError([{"field": field, "message": message}])


def _decode(data: bytes, filename: str) -> Any:
    if not filename.lower().endswith(".json"):
        raise _refuse(_("Choose a JSON file (a name ending in .json)."))
    if len(data) > MAX_FILE_BYTES:
        raise _refuse(_("The file is larger than %(limit)s bytes.") % {"limit": MAX_FILE_BYTES})
    if not data.strip():
        raise _refuse(_("The file is empty."))
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark, as some editors write, is not an error
    except UnicodeDecodeError:
        raise _refuse(_("The file is not UTF-8 text.")) from None
    depth, limit = nesting_depth(text), settings.TECHPOLICY_API_MAX_JSON_DEPTH
    if depth > limit:
        raise _refuse(_("The file nests arrays and objects %(depth)s levels deep; at most %(limit)s are accepted.")
                      % {"depth": depth, "limit": limit})
    try:
        return json.loads(text)
    except ValueError as exc:  # JSONDecodeError, or a number beyond Python's digit limit
        raise _refuse(_("The file is not valid JSON: %(error)s") % {"error": exc}) from None


def read_programme_file(data: bytes, filename: str) -> dict:
    """The programme facts of an uploaded JSON file as a JSON-able dict (money and dates as strings,
    as cases store their facts), without `checked_on`, which the caller sets. Raises
    `ProgrammeFileError` naming the field, in the active language, for anything else."""
    document = _decode(data, filename)
    if not isinstance(document, dict):
        raise _refuse(_("The file must hold one JSON object: the programme document."), field="(root)")
    given = document.get(REVIEW_DATE)
    checked = {**document, REVIEW_DATE: _PLACEHOLDER_DATE if given is None else given}
    try:
        facts = parse_facts(ProgrammeFacts, checked)
    except InvalidFacts as exc:
        raise ProgrammeFileError(fact_errors.localized(exc)) from None
    return facts.model_dump(mode="json", exclude={REVIEW_DATE})
