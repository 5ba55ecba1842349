"""The commission's pages on cases: the agenda of a member, votes and recusals (conflicts of
interest), and what the case page shows of the round (`commission_context`)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from techpolicy.accounts.roles import COMMISSION, has_role

from .commissions import VoteError, agenda_round, cast_vote, commission_of, declare_recusal, on_agenda, roll
from .commissions import roll_entry as roll_place
from .commissions import tally as count
from .models import Case, Commission, Recusal, Vote
from .permissions import can_recuse, can_vote, reads_minutes, sits_on, sitting_workflows
from .workflow import all_workflows


def _agenda_cases(user):
    """The cases on the agenda of the commissions the user sits on, and those of a round whose roll
    still holds them after they left the commission (`commissions.rounds.open_round`)."""
    sitting = set(sitting_workflows(user))
    on_it = Q(pk__in=[])
    for workflow in all_workflows():
        if workflow.id in sitting:
            on_it |= Q(workflow=workflow.id, state__in=workflow.agenda_states())
    kept = [c.pk for c in Case.objects.filter(open=True, voting_roll__member__user=user,
                                              voting_roll__member__active=False).distinct()
            if on_agenda(c) and roll_place(c, user) is not None]
    return Case.objects.filter(on_it | Q(pk__in=kept))


@login_required
def agenda(request):
    from .views import _page, _rows

    if not has_role(request.user, COMMISSION):
        raise PermissionDenied(_("The agenda is for members of the selection commission."))
    # Only the cases of the workflows bound to a commission the user sits on (finding 5).
    cases = _agenda_cases(request.user).select_related("organisation").order_by("due_on", "pk")
    page = _page(request, cases)
    rows = list(_rows(page, staff=True))
    for row in rows:
        case = row["case"]
        round_ = agenda_round(case)
        row["voted"] = Vote.objects.filter(case=case, member__user=request.user, round=round_).exists()
        row["recused"] = Recusal.objects.filter(case=case, member__user=request.user, round=round_).exists()
    commissions = [c for c in Commission.objects.filter(members__user=request.user, members__active=True).distinct()
                   if reads_minutes(request.user, c)]
    return render(request, "casework/agenda.html", {"page": page, "rows": rows, "commissions": commissions})


def commission_context(case: Case, user, staff: bool) -> dict:
    """The case page's entries on the commission: the round, the user's vote or recusal and what
    they may do, and for staff the roll and the tally."""
    commission = commission_of(case)
    round_ = agenda_round(case)
    agenda = on_agenda(case)
    entry = roll_place(case, user, round_) if round_ else None
    mine = {"case": case, "round": round_, "member__user": user}
    return {
        "commission": commission,
        "agenda": agenda,
        "round": round_,
        "is_member": sits_on(user, case) or (agenda and entry is not None),
        "tally": count(case, commission, round_) if staff and commission and agenda else None,
        "votes": case.votes.select_related("member") if staff else None,
        "roll": list(roll(case, round_)) if staff and agenda else None,
        "recusals": list(case.recusals.filter(round=round_).select_related("member"))
        if round_ and (staff or entry) else [],
        "my_vote": Vote.objects.filter(**mine).first() if entry else None,
        "my_recusal": Recusal.objects.filter(**mine).first() if entry else None,
        "may_vote": agenda and can_vote(user, case)[0],
        "may_recuse": agenda and can_recuse(user, case)[0],
        "recommendations": case.recommendations.select_related("commission"),
    }


@require_POST
@login_required
def vote(request, number):
    from .views import _case_for

    case = _case_for(request, number)
    try:
        cast_vote(case, request.user, request.POST.get("value", ""), request.POST.get("reason", ""))
    except VoteError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Your vote was recorded."))
    return redirect("casework:detail", number=number)


@require_POST
@login_required
def recuse(request, number):
    """A member declares a conflict of interest with the applicant: no vote in this round."""
    from .views import _case_for

    case = _case_for(request, number)
    try:
        declare_recusal(case, request.user, request.POST.get("reason", ""))
    except VoteError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Your conflict of interest was recorded; you take no part in this round."))
    return redirect("casework:detail", number=number)
