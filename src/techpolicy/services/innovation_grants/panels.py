"""The expertise panels of grant applications (003.a27.p2.a3, "003 a.27(2) third indent": the
independent economic and technological expertise is carried out by domestic and foreign experts;
reading R-F2: every panel has at least one of each).

The service side of the pure solver (`assignment`, `conflicts`): it reads the pool and the
applications from the database, runs the optimal assignment over a call and stores the run with its
evidence and the seats it proposed; staff may place or remove a seat against the run, with a
reason; an expert declares independence, recuses or gives conclusions on the seat.

A conflict is computed from the data each time it matters (placing a seat, declaring, concluding,
listing what an expert may see), never taken from an earlier answer: a tie or an interest recorded
after the seat was given closes the application to the expert at once.

Every refusal is a `PanelError` whose message is in the active language."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from techpolicy.accounts.roles import has_role
from techpolicy.casework.models import Case
from techpolicy.casework.steps import current_language
from techpolicy.law.text import forbidden_character

from . import assignment
from .conflicts import REASONS, TIE_KINDS, ApplicationProfile, ExpertProfile, ExpertTie, conflict, conflicted_pairs
from .models import AssignmentRun, Call, Conclusion, DeclaredInterest, Expert, Seat, Tie
from .models.panels import MAX_CONCLUSION
from .roles import GRANT_OPERATOR

WORKFLOW = "innovation_grants.grant"  # the id of workflows.GRANT, without importing the workflow table
EXPERTISE = "expertise"  # the state in which panels are formed (workflows.GRANT)
TOP_K = 10
MAX_REASON = 2_000  # Seat.override_reason, recusal_reason, removal_reason; DeclaredInterest.statement


class PanelError(Exception):
    """A refusal of a panel operation; the message is for the person who asked, in their language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# --- profiles --------------------------------------------------------------------------------------


def reason_label(code: str) -> str:
    """The conflict reason `code` (`conflicts.REASONS`) in the active language."""
    labels = REASONS.get(code)
    return labels[current_language()] if labels else code


def expert_profiles(experts: Iterable[Expert], capacity: dict[int, int] | None = None) -> list[ExpertProfile]:
    """The solver's view of the experts: their ties, declared interests, own organisation and
    person. `capacity` overrides an expert's capacity (the seats still free)."""
    experts = list(experts)
    ids = [e.pk for e in experts]
    ties: dict[int, list[ExpertTie]] = {i: [] for i in ids}
    declared_organisations: dict[int, set[int]] = {i: set() for i in ids}
    declared_cases: dict[int, set[int]] = {i: set() for i in ids}
    for tie in Tie.objects.filter(expert_id__in=ids, kind__in=TIE_KINDS).values("expert_id", "organisation_id", "kind"):
        ties[tie["expert_id"]].append(ExpertTie(tie["organisation_id"], tie["kind"]))
    for interest in DeclaredInterest.objects.filter(expert_id__in=ids).values("expert_id", "organisation_id",
                                                                              "case_id"):
        if interest["organisation_id"] is not None:
            declared_organisations[interest["expert_id"]].add(interest["organisation_id"])
        if interest["case_id"] is not None:
            declared_cases[interest["expert_id"]].add(interest["case_id"])
    profiles = []
    for e in experts:
        fields = frozenset(str(code) for code in (e.fields or []) if isinstance(code, str | int))
        profiles.append(ExpertProfile(
            id=e.pk, country=e.country, fields=fields,
            capacity=max(0, capacity[e.pk]) if capacity is not None and e.pk in capacity else e.capacity,
            organisation_id=e.user.organisation_id, person_id=e.user_id,
            ties=tuple(sorted(set(ties[e.pk]), key=lambda t: (t.organisation_id, t.kind))),
            declared_organisations=frozenset(declared_organisations[e.pk]),
            declared_applications=frozenset(declared_cases[e.pk])))
    return profiles


def application_profiles(cases: Iterable[Case]) -> list[ApplicationProfile]:
    """The solver's view of the applications: the applicant organisation and the person who filed
    it, the direction as its field, the panel its call asks for."""
    cases = list(cases)
    numbers = {str((c.facts or {}).get("call", "")) for c in cases}
    calls = {c.number: c for c in Call.objects.filter(number__in=numbers)}
    profiles = []
    for case in cases:
        facts = case.facts or {}
        call = calls.get(str(facts.get("call", "")))
        direction = facts.get("direction")
        panel = {"panel_size": call.panel_size, "min_domestic": call.domestic_min,
                 "min_foreign": call.foreign_min} if call is not None else {}
        profiles.append(ApplicationProfile(
            id=case.pk, organisation_id=case.organisation_id, applicant_person_id=case.created_by_id,
            fields=frozenset([str(direction)]) if direction else frozenset(), **panel))
    return profiles


def profiles_for(cases: Iterable[Case]) -> tuple[list[ExpertProfile], list[ApplicationProfile]]:
    """The active experts and the applications `cases` as the solver reads them."""
    experts = Expert.objects.filter(active=True).select_related("user").order_by("pk")
    return expert_profiles(experts), application_profiles(cases)


def conflict_of(expert: Expert, case: Case) -> str | None:
    """The conflict that holds now between the expert and the application, or None."""
    [expert_profile] = expert_profiles([expert])
    [application_profile] = application_profiles([case])
    return conflict(expert_profile, application_profile)


def conflicts_of_case(case: Case) -> dict[int, str]:
    """The active experts conflicted with the application, by expert id, with the reason code."""
    experts, [application] = profiles_for([case])
    return {expert_id: reason for (_, expert_id), reason in conflicted_pairs(experts, [application]).items()}


def open_seats(expert_ids: Iterable[int] | None = None) -> Counter[int]:
    """How many open seats each expert holds."""
    seats = Seat.objects.filter(state__in=Seat.OPEN)
    if expert_ids is not None:
        seats = seats.filter(expert_id__in=list(expert_ids))
    return Counter({row["expert_id"]: row["n"] for row in seats.values("expert_id").annotate(n=Count("pk"))})


# --- guards ------------------------------------------------------------------------------------------


def _operator(actor) -> None:
    if not has_role(actor, GRANT_OPERATOR):
        raise PanelError(_("Only the operator of innovation grants forms the expertise panels."))


def _no_control_characters(text: str) -> str:
    """Refused here as well as by the pages' guard (`site.input_guard`): PostgreSQL cannot hold a NUL,
    and no caller of the panel (a command, the demo) may store one."""
    code = forbidden_character(text)
    if code is not None:
        raise PanelError(_("The text contains a control character (%(code)s), which is not allowed.") % {"code": code})
    return text


def _reason(reason: str, what: str) -> str:
    text = _no_control_characters(" ".join(str(reason or "").split()))
    if not text:
        raise PanelError(what)
    if len(text) > MAX_REASON:
        raise PanelError(_("A reason is at most %(n)s characters.") % {"n": MAX_REASON})
    return text


def _in_expertise(case: Case) -> None:
    if case.workflow != WORKFLOW or case.state != EXPERTISE:
        raise PanelError(_("The application is not under expertise: its panel cannot change now."))


def _conflict_refusal(code: str) -> PanelError:
    return PanelError(_("The expert may not examine this application: %(reason)s.") % {"reason": reason_label(code)})


def _own_seat(seat: Seat, user) -> Seat:
    """The seat, locked and fresh, if it is the user's own."""
    locked = Seat.objects.select_for_update(of=("self",)).select_related("expert__user", "case").get(pk=seat.pk)
    if locked.expert.user_id != getattr(user, "pk", None):
        raise PanelError(_("This seat belongs to another expert."))
    return locked


# --- the assignment ----------------------------------------------------------------------------------


def cases_awaiting_panel(call: Call) -> QuerySet[Case]:
    """The call's applications under expertise that have no open seat."""
    return (Case.objects.filter(workflow=WORKFLOW, state=EXPERTISE, facts__call=call.number)
            .exclude(grant_seats__state__in=Seat.OPEN).order_by("pk"))


def assign(call: Call, actor) -> AssignmentRun:
    """Run the optimal assignment over the call's applications under expertise that have no panel
    yet, and store the run with its evidence and the seats it proposed. An expert's capacity is what
    is left of it after the open seats the expert already holds. The result is verified
    (`assignment.check`) before anything is saved: a result that breaks a constraint is refused,
    not stored. An infeasible run is stored (its evidence says why), with no seats."""
    _operator(actor)
    with transaction.atomic():
        # One assignment of a call at a time: a second run started meanwhile waits, then finds the
        # panels the first one formed and leaves those applications alone.
        Call.objects.select_for_update().filter(pk=call.pk).first()
        # The applications and the experts are locked as well, so a seat placed by hand meanwhile
        # waits for the run (and is then counted against the expert's capacity), not the other way.
        cases = list(cases_awaiting_panel(call).select_for_update())
        if not cases:
            raise PanelError(_("No application of this call awaits a panel."))
        pool = list(Expert.objects.filter(active=True).select_related("user").select_for_update(of=("self",))
                    .order_by("pk"))
        held = open_seats(e.pk for e in pool)
        experts = expert_profiles(pool, {e.pk: e.capacity - held[e.pk] for e in pool})
        applications = application_profiles(cases)
        conflicts = conflicted_pairs(experts, applications)
        result = assignment.solve(experts, applications, top_k=TOP_K, conflicts=conflicts)
        violations = assignment.check(result, experts, applications, conflicts)
        if violations:
            raise PanelError(_("The assignment breaks its constraints and was not saved: %(problems)s") % {
                "problems": "; ".join(str(v) for v in violations[:10])})
        run = AssignmentRun.objects.create(call=call, evidence=result.evidence(), status=result.status,
                                           objective=result.objective, run_by=actor)
        by_pk = {c.pk: c for c in cases}
        Seat.objects.bulk_create([Seat(case=by_pk[case_id], expert_id=expert_id, run=run, placed_by=actor)
                                  for case_id, expert_id in result.seats])
    return run


def problems_of(run: AssignmentRun, lang: str | None = None) -> list[str]:
    """The run's problems (why panels could not be formed) in the language `lang` (the active one)."""
    lang = lang or current_language()
    result = (run.evidence or {}).get("result") or {}
    found = []
    for problem in result.get("problems") or []:
        message = (problem.get("message") or {}) if isinstance(problem, dict) else {}
        found.append(str(message.get(lang) or message.get("en") or problem))
    return found


# --- staff against the assignment --------------------------------------------------------------------


def seated(case: Case, expert: Expert) -> bool:
    """Whether the expert holds an open seat on the application (the look-up before the insert; the
    database's constraint is what decides when two requests place the same expert at once)."""
    return Seat.objects.filter(case=case, expert=expert, state__in=Seat.OPEN).exists()


def place(case: Case, expert: Expert, actor, reason: str) -> Seat:
    """A seat placed by staff against the assignment, with the reason. Refused for a conflicted or
    inactive expert, an expert already seated on the application or without capacity left, and
    when the reason is missing; the database's one-open-seat constraint decides under a race."""
    _operator(actor)
    text = _reason(reason, _("Give the reason for placing the expert against the assignment."))
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        _in_expertise(case)
        # The expert's row is locked so two seats placed at once cannot both take the last capacity.
        expert = Expert.objects.select_related("user").select_for_update(of=("self",)).get(pk=expert.pk)
        if not expert.active:
            raise PanelError(_("The expert is not active in the pool."))
        code = conflict_of(expert, case)
        if code is not None:
            raise _conflict_refusal(code)
        if seated(case, expert):
            raise PanelError(_("The expert already has a seat on this application's panel."))
        if open_seats([expert.pk])[expert.pk] >= expert.capacity:
            raise PanelError(_("The expert already holds %(n)s open seats, the most they take at once.") % {
                "n": expert.capacity})
        try:
            with transaction.atomic():
                return Seat.objects.create(case=case, expert=expert, run=None, override_reason=text, placed_by=actor)
        except IntegrityError:
            raise PanelError(_("The expert already has a seat on this application's panel.")) from None


def remove(seat: Seat, actor, reason: str) -> Seat:
    """Staff remove an open seat, with the reason; the seat stays, closed, for the history."""
    _operator(actor)
    text = _reason(reason, _("Give the reason for removing the expert."))
    with transaction.atomic():
        seat = Seat.objects.select_for_update().get(pk=seat.pk)
        if seat.state not in Seat.OPEN:
            raise PanelError(_("This seat is already closed."))
        seat.state, seat.removal_reason = Seat.REMOVED, text
        seat.save(update_fields=["state", "removal_reason"])
    return seat


# --- the expert on the seat --------------------------------------------------------------------------


def declare(seat: Seat, user) -> Seat:
    """The expert declares independence: only on their own seat awaiting it, and only if no conflict
    holds now (otherwise the expert must recuse)."""
    with transaction.atomic():
        seat = _own_seat(seat, user)
        _in_expertise(seat.case)
        if seat.state != Seat.ASSIGNED:
            raise PanelError(_("The independence declaration is given once, on a seat awaiting it."))
        code = conflict_of(seat.expert, seat.case)
        if code is not None:
            raise PanelError(_("You cannot declare independence: %(reason)s. Recuse yourself from this "
                               "application.") % {"reason": reason_label(code)})
        seat.state, seat.declared_at = Seat.DECLARED, timezone.now()
        seat.save(update_fields=["state", "declared_at"])
    return seat


def recuse(seat: Seat, user, reason: str) -> Seat:
    """The expert recuses from the application, saying why; the statement is kept as a declared
    interest in the application, so no later run or placement seats the expert on it again."""
    text = _reason(reason, _("Give the reason for the recusal."))
    with transaction.atomic():
        seat = _own_seat(seat, user)
        if seat.state not in Seat.OPEN:
            raise PanelError(_("This seat is already closed."))
        seat.state, seat.recusal_reason = Seat.RECUSED, text
        seat.save(update_fields=["state", "recusal_reason"])
        DeclaredInterest.objects.create(expert=seat.expert, case=seat.case, statement=text)
    return seat


def conclude(seat: Seat, user, kind: str, text: str) -> Conclusion:
    """The expert's economic or technological conclusion, after the independence declaration.

    An expert may give one kind or both (the panel as a whole must give both: `steps.panel_complete`
    asks the law layer). The seat becomes CONCLUDED with the first conclusion, and still takes the
    other kind afterwards; each kind is given once (the database's constraint decides under a race)."""
    if kind not in (Conclusion.ECONOMIC, Conclusion.TECHNOLOGICAL):
        raise PanelError(_("Choose the economic or the technological conclusion."))
    body = _no_control_characters(str(text or "").strip())
    if not body:
        raise PanelError(_("Write the conclusion."))
    if len(body) > MAX_CONCLUSION:
        raise PanelError(_("A conclusion is at most %(n)s characters.") % {"n": MAX_CONCLUSION})
    with transaction.atomic():
        seat = _own_seat(seat, user)
        _in_expertise(seat.case)
        if seat.state not in (Seat.DECLARED, Seat.CONCLUDED):
            raise PanelError(_("Declare your independence before giving a conclusion."))
        code = conflict_of(seat.expert, seat.case)
        if code is not None:
            raise PanelError(_("You cannot give a conclusion: %(reason)s. Recuse yourself from this "
                               "application.") % {"reason": reason_label(code)})
        try:
            with transaction.atomic():
                conclusion = Conclusion.objects.create(seat=seat, kind=kind, text=body)
        except IntegrityError:
            raise PanelError(_("You have already given this conclusion.")) from None
        if seat.state != Seat.CONCLUDED:
            seat.state = Seat.CONCLUDED
            seat.save(update_fields=["state"])
    return conclusion


# --- what an expert may see ----------------------------------------------------------------------------


def visible_cases(expert: Expert) -> QuerySet[Case]:
    """The applications the expert may see: those with an open seat of theirs and no conflict that
    holds now. Every list and page an expert reaches goes through this."""
    seated = Case.objects.filter(workflow=WORKFLOW, grant_seats__expert=expert,
                                 grant_seats__state__in=Seat.OPEN).distinct()
    cases = list(seated.only("pk", "organisation_id", "created_by_id", "facts"))
    if not cases:
        return Case.objects.none()
    expert = Expert.objects.select_related("user").get(pk=expert.pk)
    [profile] = expert_profiles([expert])
    conflicted = {case_id for case_id, _e in conflicted_pairs([profile], application_profiles(cases))}
    return (Case.objects.filter(pk__in=[c.pk for c in cases]).exclude(pk__in=conflicted)
            .select_related("organisation").order_by("-created_at", "pk"))


def seat_of(expert: Expert, case: Case) -> Seat | None:
    """The expert's open seat on the application, if the expert may see it (`visible_cases`)."""
    if not visible_cases(expert).filter(pk=case.pk).exists():
        return None
    return Seat.objects.filter(Q(case=case, expert=expert) & Q(state__in=Seat.OPEN)).first()
