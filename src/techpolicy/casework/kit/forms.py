"""A service's form bundle: the Django forms of one page and the facts they make.

A page is often several forms and formsets under prefixes (applicant, ownership rows, projects);
the bundle binds them together, says whether all are valid, and maps their cleaned data to the
facts dict of the law layer and back. "Add a row" buttons re-render the page with one more row of a
formset, so the pages work without JavaScript."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import QueryDict

Bound = dict[str, Any]  # prefix name -> bound form or formset


def with_added_row(data: QueryDict | None, buttons: Mapping[str, tuple[str, int]]) -> QueryDict | None:
    """The posted data with one more row in the formset whose "add" button was pressed.

    `buttons` maps a button's name to (formset prefix, most rows). A garbled row count starts
    again at one row; the cap keeps a hostile count from building thousands of forms."""
    pressed = next((name for name in buttons if data is not None and name in data), None)
    if pressed is None:
        return data
    prefix, most = buttons[pressed]
    data = data.copy()
    try:
        data[f"{prefix}-TOTAL_FORMS"] = str(min(int(data.get(f"{prefix}-TOTAL_FORMS", 1)) + 1, most))
    except ValueError:
        data[f"{prefix}-TOTAL_FORMS"] = "1"
    return data


def all_valid(bound: Bound) -> bool:
    """Every form of the bundle valid. A list, not a generator: each form validates and shows its
    errors even after the first invalid one."""
    return all([form.is_valid() for form in bound.values()])


class FormBundle:
    """The forms of one page. A service subclasses it and gives `forms` and `facts`; the others
    have defaults that fit a page with nothing special about them."""

    # Buttons that add a row to a formset: name -> (formset prefix, most rows).
    add_row: Mapping[str, tuple[str, int]] = {}
    # Which form of the page holds the facts under a top-level key (key -> prefix name), so that an
    # objection of the law layer is shown next to its field (casework.kit.fact_errors); a top-level
    # fact with a field of the same name on a plain form needs no entry.
    fact_forms: Mapping[str, str] = {}

    # The sections of a long page, in order: (key, label, names of the forms in it) or
    # `kit.sections.Section`; empty: each form is a section. The page's task list shows them.
    sections: tuple = ()

    def draft_facts(self, bound: Bound) -> dict:
        """What a draft saved incomplete needs of the facts for its workflow (`ApplicationPages.choose`)
        and its subject (`Workflow.one_open_per`), from the forms that are valid; by default nothing."""
        return {}

    def forms(self, data: QueryDict | None, initial: dict) -> Bound:
        """The page's forms, bound to `data` (None: unbound) with `initial` per prefix."""
        raise NotImplementedError

    def facts(self, bound: Bound) -> dict:
        """The facts of the law layer from valid forms."""
        raise NotImplementedError

    def bind(self, data: QueryDict | None = None, initial: dict | None = None) -> Bound:
        return self.forms(with_added_row(data, self.add_row), initial or {})

    def adds_row(self, data: QueryDict) -> bool:
        """The post only asks for one more row: nothing is taken from it."""
        return any(name in data for name in self.add_row)

    def taken(self, request, bound: Bound) -> bool:
        """The request posts the page for real (not an "add a row") and every form is valid."""
        return request.method == "POST" and not self.adds_row(request.POST) and self.valid(bound)

    def valid(self, bound: Bound) -> bool:
        return all_valid(bound)

    def initial(self, organisation) -> dict:
        """Initial data of a new application of `organisation` (None on a public page)."""
        return {}

    def initial_from_facts(self, facts: dict) -> dict:
        """Initial data of the forms from stored facts (the edit page)."""
        return {}

    def errors(self, facts: dict) -> list[dict] | None:
        """What the law layer finds wrong in the facts before they are saved, each error
        {"field", "message"}; None when nothing. By default nothing is checked before submission."""
        return None
