"""The fund ledger's page for the operator (law 003 article 27(3)): the entries in the order they
were written, the refusals kept for the record, the entries the operator writes (the current account
opened and the money transferred in under the contract, 003.a27.p3.a1; the year's distribution among
the grant types, 003.a27.p3.a3) and the close of a financial year, whose balance is not returned to
the budget but opens the next year for grants (003.a27.p3.a2). A POST names its form in `action`
(none: the close of a year, as the page has always posted it). Entries are decided by the law layer
(`fund.record`); a refusal names its paragraph in the reader's language, and a fact the law layer
cannot read is named on the field that holds it."""

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
from techpolicy.casework.kit import fact_errors
from techpolicy.law.facts import MORE_FIELD, InvalidFacts

from . import fund
from .forms_ledger import FORMS, field_of
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


def _enter(request, action: str):
    """Write one entry of the operator's forms; the bound form (with its errors) when it was not
    written, None when it was."""
    prefix, form_class = FORMS[action]
    form = form_class(request.POST, prefix=prefix)
    if not form.is_valid():
        return form
    try:
        outcome = fund.record(form.entry(law_context.today().isoformat()), request.user)
    except InvalidFacts as exc:
        for error in fact_errors.localized(exc):
            name = field_of(form, error["field"]) if error["field"] != MORE_FIELD else None
            form.add_error(name, error["message"] if name else f"{error['field']}: {error['message']}")
        return form
    if outcome.refusal is not None:
        form.add_error(None, fund.refusal_text(outcome.refusal))
        return form
    messages.success(request, _("The entry is written to the ledger: %(kind)s.") % {"kind": KIND_LABELS[action]})
    return None


def _context(bound: dict, page) -> dict:
    """The page: the entry forms (`bound` holds the one just posted, with its errors), the account,
    the open years with what each must distribute, the entries and the refusals."""
    current = fund.state()  # one replay of the ledger for the account and the years
    forms = {action: bound.get(action) or form_class(prefix=prefix) for action, (prefix, form_class) in FORMS.items()}
    year = law_context.today().year
    forms["transfer_in"].fields["financial_year"].initial = year
    forms["allocation"].fields["financial_year"].initial = year
    if current.account is not None:
        forms["transfer_in"].fields["contract_no"].initial = current.account.contract_no
    open_years = [(y, b) for y, b in sorted(current.years.items()) if b.closed_on is None]
    entries = Paginator(LedgerEntry.objects.order_by("-seq"), PAGE).get_page(page)
    for entry in entries:
        entry.label = KIND_LABELS.get(entry.kind, entry.kind)
    refusals = list(LedgerRefusal.objects.order_by("-asked_at")[:PAGE])
    for refusal in refusals:
        refusal.label = KIND_LABELS.get(str((refusal.data or {}).get("kind", "")), "")
    return {"forms": forms, "account": current.account, "entries": entries, "refusals": refusals,
            "to_distribute": [{"year": y, "amount": b.to_distribute, "adds_up": b.adds_up} for y, b in open_years],
            "open_years": [y for y, _b in open_years]}


@login_required
@require_http_methods(["GET", "POST"])
def ledger_page(request):
    if not has_role(request.user, GRANT_OPERATOR):
        raise PermissionDenied
    bound = {}
    if request.method == "POST":
        action = request.POST.get("action", "year_close")  # no action: the close, as the page first posted it
        if action == "year_close":
            _close_year(request)
            return redirect("innovation_grants:ledger")
        if action not in FORMS:
            messages.error(request, _("The page sent a form it does not have; nothing was written."))
            return redirect("innovation_grants:ledger")
        form = _enter(request, action)
        if form is None:
            return redirect("innovation_grants:ledger")
        bound[action] = form
    return render(request, "innovation_grants/ledger.html", _context(bound, request.GET.get("page")))
