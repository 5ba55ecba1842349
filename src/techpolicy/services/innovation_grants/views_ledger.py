"""The fund ledger's page for the operator (law 003 article 27(3)): the entries in the order they
were written, the refusals kept for the record, and the close of a financial year, whose balance is
not returned to the budget but opens the next year for grants (003.a27.p3.a2). Entries are decided
by the law layer (`fund.record`); a refusal names its paragraph in the reader's language."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from techpolicy.accounts.roles import has_role
from techpolicy.casework import law_context
from techpolicy.law.facts import InvalidFacts

from . import fund
from .models import LedgerEntry, LedgerRefusal
from .roles import GRANT_OPERATOR

PAGE = 50
KIND_LABELS = {
    "account_opened": gettext_lazy("current account opened"),
    "transfer_in": gettext_lazy("money transferred in"),
    "allocation": gettext_lazy("distribution among the grant types"),
    "commitment": gettext_lazy("grant awarded (commitment)"),
    "payment": gettext_lazy("grant payment"),
    "misuse_return": gettext_lazy("misused money returned"),
    "year_close": gettext_lazy("financial year closed, balance carried over"),
    "return_to_budget": gettext_lazy("return to the budget"),
    "other_spending": gettext_lazy("spending on something other than grants"),
}


def _close_year(request) -> None:
    if request.POST.get("confirm") != "on":
        messages.error(request, _("Tick the confirmation: this action is final and cannot be undone."))
        return
    raw = request.POST.get("financial_year", "")[:4]
    try:
        outcome = fund.record({"kind": "year_close", "on": law_context.today().isoformat(),
                               "financial_year": int(raw) if raw.isdigit() else raw}, request.user)
    except InvalidFacts:
        messages.error(request, _("Give the financial year to close, e.g. %(year)s.") % {
            "year": law_context.today().year - 1})
        return
    if outcome.refusal is not None:
        messages.error(request, fund.refusal_text(outcome.refusal))
        return
    messages.success(request, _("The year is closed: its balance opens the next financial year, earmarked for "
                                "innovation grants (article 27(3) of the Law)."))


@login_required
@require_http_methods(["GET", "POST"])
def ledger_page(request):
    if not has_role(request.user, GRANT_OPERATOR):
        raise PermissionDenied
    if request.method == "POST":
        _close_year(request)
        return redirect("innovation_grants:ledger")
    entries = Paginator(LedgerEntry.objects.order_by("-seq"), PAGE).get_page(request.GET.get("page"))
    for entry in entries:
        entry.label = KIND_LABELS.get(entry.kind, entry.kind)
    refusals = list(LedgerRefusal.objects.order_by("-asked_at")[:PAGE])
    for refusal in refusals:
        refusal.label = KIND_LABELS.get(str((refusal.data or {}).get("kind", "")), "")
    return render(request, "innovation_grants/ledger.html", {
        "entries": entries, "refusals": refusals,
        "open_years": [y for y, b in sorted(fund.balances().items()) if b.closed_on is None],
    })
