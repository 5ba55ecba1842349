"""A public page that answers a question of the law from its forms and stores nothing: the
eligibility pre-check, a reimbursement calculator. The answer is the law layer's, rendered in the
reader's language; facts it cannot judge come back as errors naming their fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from techpolicy.law.facts import InvalidFacts

from ..steps import current_language
from . import fact_errors
from .forms import FormBundle


def check_page(request: HttpRequest, forms: FormBundle, evaluate: Callable[[dict], Any], template: str, *,
               result_name: str = "result", partial: str | None = None) -> HttpResponse:
    """Render `template` with the bound forms, the answer of `evaluate(facts)` (anything with
    `as_dict(lang)`) as `result_name`, and `fact_errors`. An HTMX request gets `partial` only."""
    data = request.POST if request.method == "POST" else None
    bound = forms.bind(data, forms.initial(None))
    result, errors = None, None
    if forms.taken(request, bound):
        try:
            result = evaluate(forms.facts(bound)).as_dict(current_language())
        except InvalidFacts as exc:
            errors = fact_errors.place(forms, bound, fact_errors.localized(exc))
    chosen = partial if partial and request.headers.get("HX-Request") else template
    return render(request, chosen, {"forms": bound, result_name: result, "fact_errors": errors})
