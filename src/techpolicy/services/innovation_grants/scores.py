"""The experts' scores in the database and the call's ranking and what-if over them (`scoring`).

An expert scores an application on each criterion of its call once, after declaring independence,
and only while no conflict holds (`panels.conflict_of`); the database keeps one score per seat and
criterion. The ranking reads the scores of the call's applications past the expertise; its money is
what the ledger leaves to the call's grant type in the financial year (article 27(3))."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from techpolicy.casework import law_context
from techpolicy.casework.models import Case
from techpolicy.casework.steps import current_language

from . import fund, panels, scoring
from .models import Call, Criterion, Score, Seat

SCORED_STATES = ("expertise", "preparation", "commission", "awarded", "agreement", "grantee_signed",
                 "implementation", "completed", "refused")


def criteria_of(call: Call) -> list[scoring.CriterionSpec]:
    return [scoring.CriterionSpec(c.code, c.weight, c.scale_max, c.required, c.required_min)
            for c in call.criteria.order_by("order", "code")]


@transaction.atomic
def record_scores(seat: Seat, user, values: dict[str, str]) -> int:
    """The expert's scores of the seat's application, one per criterion of its call; returns how many."""
    seat = Seat.objects.select_for_update().select_related("expert", "case").get(pk=seat.pk)
    if seat.expert.user_id != getattr(user, "pk", None):
        raise panels.PanelError(_("This seat belongs to another expert."))
    if seat.state not in (Seat.DECLARED, Seat.CONCLUDED):
        raise panels.PanelError(_("Declare your independence before giving a conclusion."))
    reason = panels.conflict_of(seat.expert, seat.case)
    if reason:
        raise panels.PanelError(_("You cannot give a conclusion: %(reason)s. Recuse yourself from this "
                                  "application.") % {"reason": panels.reason_label(reason)})
    call = Call.objects.filter(number=(seat.case.facts or {}).get("call")).first()
    criteria = list(Criterion.objects.filter(call=call)) if call else []
    if not criteria:
        raise panels.PanelError(_("The call sets no criteria to score."))
    rows = []
    for criterion in criteria:
        raw = str(values.get(criterion.code, "")).strip()
        if not raw.isdigit() or not 0 <= int(raw) <= criterion.scale_max:
            raise panels.PanelError(_("Score “%(criterion)s” with a whole number from 0 to %(max)s.") % {
                "criterion": criterion.name(current_language()), "max": criterion.scale_max})
        rows.append(Score(seat=seat, criterion=criterion, value=int(raw)))
    try:
        with transaction.atomic():
            Score.objects.bulk_create(rows)
    except IntegrityError:
        raise panels.PanelError(_("You have already scored this application.")) from None
    return len(rows)


def scored_applications(call: Call) -> tuple[list[scoring.Scored], dict[int, Case]]:
    cases = {c.pk: c for c in Case.objects.filter(workflow=panels.WORKFLOW, state__in=SCORED_STATES,
                                                 facts__call=call.number).order_by("pk")}
    by_case: dict[int, dict[int, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    scores = Score.objects.filter(seat__case_id__in=cases, seat__state__in=Seat.OPEN).values_list(
        "seat__case_id", "seat__expert_id", "criterion__code", "value")
    for case_id, expert_id, code, value in scores:
        by_case[case_id][expert_id][code] = value
    applications = [scoring.Scored(pk, Decimal(str(case.facts.get("requested", "0"))),
                                   {e: dict(s) for e, s in by_case[pk].items()}) for pk, case in cases.items()]
    return applications, cases


def allotment(call: Call) -> Decimal:
    """What the ledger leaves to the call's grant type this financial year (reading R-F3)."""
    balance = fund.balances().get(law_context.today().year)
    return balance.types[call.grant_type].available if balance is not None else Decimal(0)
