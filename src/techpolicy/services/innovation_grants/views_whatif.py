"""What-if of a call's outcomes for the operator: the experts' stored scores ranked under the call's
aggregation and the money its grant type has this year, beside another aggregation, a threshold of
the application score or another allotment (law 003 article 27(3): the split among the types), and
the applications whose funding changes, with why. Nothing is changed by looking."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from techpolicy.accounts.roles import has_role
from techpolicy.casework.steps import rule_refusal
from techpolicy.law.acts.act003_state_support.values import MAX_AMOUNT

from . import scores, scoring, whatif_rules
from .models import Call
from .roles import GRANT_OPERATOR


def _decimal(text: str, top: Decimal) -> Decimal | None:
    try:
        value = Decimal(text.strip()[:24])
    except InvalidOperation:
        return None
    return value if value.is_finite() and 0 <= value <= top else None


def _reason(code: str, names: dict[str, str]) -> str:
    if code.startswith("required:"):
        return _("below the passing score of “%(criterion)s”") % {"criterion": names.get(code[9:], code[9:])}
    return {"unscored": _("not scored yet"), "threshold": _("below the threshold"),
            "budget": _("the type's money ran out before its turn")}.get(code, code)


@login_required
@require_safe
def what_if(request, number: str):
    if not has_role(request.user, GRANT_OPERATOR):
        raise PermissionDenied
    call = get_object_or_404(Call, number=number[:32])
    money = scores.allotment(call)
    method = request.GET.get("method", call.aggregation)
    method = method if method in scoring.METHODS else call.aggregation
    threshold = _decimal(request.GET.get("threshold", ""), Decimal(100))
    budget = _decimal(request.GET.get("budget", ""), MAX_AMOUNT)
    now = scoring.Setting(call.aggregation, None, money)
    chosen = scoring.Setting(method, threshold, budget if budget is not None else money)
    applications, cases = scores.scored_applications(call)
    criteria = scores.criteria_of(call)
    before, after, changes = scoring.replay(applications, criteria, now, chosen)
    names = {c.code: c.name(request.LANGUAGE_CODE) for c in call.criteria.all()}
    rows = [{"case": cases[b.id], "before": b, "after": a, "changed": b.funded != a.funded,
             "why": "; ".join(_reason(r, names) for r in a.reasons)} for b, a in zip(before, after, strict=True)]
    share = _decimal(request.GET.get("share", ""), Decimal("99.99"))  # below 100 % (reading R-F1)
    cap = _decimal(request.GET.get("cap", ""), MAX_AMOUNT)
    replayed = whatif_rules.replay(call, share, cap) if share is not None or cap is not None else None
    return render(request, "innovation_grants/what_if.html", {
        "share": share, "cap": cap, "replayed": None if replayed is None else [
            {"number": r.case.number, "why": " ".join(rule_refusal(f) for f in r.failed)}
            for r in replayed if r.failed],
        "replay_count": len(replayed or ()),
        "rule_changes": sum(r.before != r.after for r in replayed or ()),
        "call": call, "rows": rows, "changes": len(changes), "money": money, "chosen": chosen,
        "methods": [(m, dict(Call.AGGREGATIONS)[m]) for m in scoring.METHODS]})
