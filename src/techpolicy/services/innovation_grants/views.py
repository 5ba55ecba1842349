"""The service's pages: its index (the seven grant types with their citations, the open calls, the
numbers the source leaves open, the fund's balances per year and type with a chart), and the
application's apply and edit pages, which are the service kit's with this service's forms."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from techpolicy.accounts.roles import has_role
from techpolicy.casework import law_context
from techpolicy.casework.kit.application import ApplicationPages
from techpolicy.casework.kit.terms import parameter_row
from techpolicy.casework.steps import current_language
from techpolicy.law.acts.act003_state_support.grant_types import GRANT_TYPE_IDS, GRANT_TYPES, share_parameter_names

from . import charts, fund
from .forms import APPLICATION as FORMS
from .forms import call_label, open_calls
from .pages import EDITABLE
from .roles import GRANT_OPERATOR
from .workflows import GRANT

OPEN_PARAMETERS = ("iil.published_on", *share_parameter_names(), "grants.expert_count_min", "grants.expertise_term",
                   "grants.financial_year", "grants.rules", "support.competitiveness_comparator")
BALANCE_COLUMNS = ("allocated", "brought_forward", "committed", "paid", "returned", "available")


def balance_rows(years: dict, lang: str) -> list[dict]:
    """Per financial year and grant type: the ledger's figures (article 27(3))."""
    names = {t.id: t.name[lang] for t in GRANT_TYPES}
    rows = []
    for year, balance in sorted(years.items()):
        for type_id in GRANT_TYPE_IDS:
            figures = balance.types[type_id].as_dict()
            rows.append({"year": year, "type": names[type_id], **{k: figures[k] for k in BALANCE_COLUMNS}})
    return rows


def _fund(lang: str) -> dict:
    years = fund.balances()  # one replay of the ledger for the table and the chart
    return {"balances": balance_rows(years, lang), "chart": charts.balance_chart(years)}


@require_safe
def index(request):
    lang, today = current_language(), law_context.today()
    return render(request, "innovation_grants/index.html", {
        "types": [t.as_dict(lang) for t in GRANT_TYPES],
        "calls": [{"number": c.number, "label": call_label(c, lang), "closes_on": c.closes_on} for c in open_calls()],
        "parameters": [parameter_row(name, today) for name in OPEN_PARAMETERS],
        **(_fund(lang) if has_role(request.user, GRANT_OPERATOR) else {"balances": None}),
    })


# One open application per organisation and call (`GRANT.one_open_per`): a second one is sent to the open case.
APPLICATION = ApplicationPages(
    forms=FORMS, workflows=(GRANT,), editable=EDITABLE,
    template="innovation_grants/application_form.html",
    title=gettext_lazy("Application for an innovation grant"),
    duplicate=gettext_lazy("Your organisation already has an open application for this call: %(number)s."),
    not_editable=gettext_lazy("The application can only be changed as a draft or while answering remarks."),
    choose=lambda facts: GRANT,
)
apply = login_required(require_http_methods(["GET", "POST"])(APPLICATION.apply))
edit = login_required(require_http_methods(["GET", "POST"])(APPLICATION.edit))
