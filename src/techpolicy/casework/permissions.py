"""Who may see and act on a case. Every check returns `(allowed, reason)` or a plain bool.

One question decides every staff permission: "is this user staff of THIS workflow?"
(`handles_workflow`). A staff role is scoped to the workflows whose table names it for an action
(`Workflow.staff_roles()`): e.g. a service's secretariat handles that service's procedures and a
programme's operators those of the programme; administrators handle all.
Holding some staff role never lets a user act on a case of another service (issue 8, finding 5).
Commission members see and vote on the cases of the workflows bound to their commission
(`Workflow.commission`), and only once a case was on its agenda; a member of commission A never sees
or votes on commission B's cases. Who votes in a round is the roll recorded when it opened
(`casework.commissions.rounds`).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from techpolicy.accounts.roles import ADMINISTRATOR, COMMISSION, has_role

from .workflow import OWNER, Action, Workflow, all_workflows, get

Permission = tuple[bool, str]


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def _roles(user) -> tuple[set[str], bool]:
    """The user's role names and whether they are an administrator, in one query."""
    if not _authenticated(user):
        return set(), False
    roles = set(user.groups.values_list("name", flat=True))
    return roles, bool(user.is_superuser or ADMINISTRATOR in roles)


def _workflow(workflow: Workflow | str) -> Workflow | None:
    if isinstance(workflow, Workflow):
        return workflow
    try:
        return get(workflow)
    except KeyError:  # a workflow no longer declared: only administrators
        return None


def is_owner(user, case) -> bool:
    return bool(
        _authenticated(user)
        and user.organisation_id is not None
        and user.organisation_id == case.organisation_id
    )


def handles_workflow(user, workflow: Workflow | str) -> bool:
    """Staff of `workflow` (a Workflow or its id): the user holds a role its table names for an
    action, or is an administrator. The one test of staff rights; every staff check asks it."""
    return _handles(*_roles(user), workflow)


def _handles(roles: set[str], administrator: bool, workflow: Workflow | str) -> bool:
    if administrator:
        return True
    declared = _workflow(workflow)
    return declared is not None and bool(declared.staff_roles() & roles)


def handles(user, case) -> bool:
    """Staff of the case's workflow."""
    return handles_workflow(user, case.workflow)


def handled_workflows(user) -> list[str] | None:
    """Ids of the workflows whose cases the user handles as staff; None: all (administrators)."""
    roles, administrator = _roles(user)
    if administrator:
        return None
    return [w.id for w in all_workflows() if w.staff_roles() & roles]


def is_case_staff(user) -> bool:
    """Staff of at least one workflow: decides only whether the work queue is offered (its link, the
    redirect from "my cases"); what the user may do to a case is `handles(user, case)`."""
    return handled_workflows(user) != []


def commission_of(case_or_workflow):
    """The commission bound to the workflow of a case (or to a workflow), or None."""
    from .commissions.rounds import commission_of as resolve

    return resolve(case_or_workflow)


def sitting_workflows(user) -> list[str]:
    """Ids of the workflows bound to a commission the user is an active member of (and holds the
    commission role): the cases whose agenda they see."""
    from .models import CommissionMember

    if not has_role(user, COMMISSION):
        return []
    keys = set(CommissionMember.objects.filter(user=user, active=True).values_list("commission__key", flat=True))
    return [w.id for w in all_workflows() if w.commission and w.commission in keys]


def sits_on(user, case) -> bool:
    """An active member of the commission bound to the case's workflow (and holds the commission role)."""
    from .models import CommissionMember

    declared = _workflow(case.workflow)
    if declared is None or not declared.commission or not has_role(user, COMMISSION):
        return False
    return CommissionMember.objects.filter(user=user, active=True, commission__key=declared.commission).exists()


def _on_roll_now(user, case) -> bool:
    """On the roll of the round the case is in now (a member deactivated after it opened keeps it)."""
    from .commissions import rounds

    return has_role(user, COMMISSION) and rounds.on_agenda(case) and rounds.roll_entry(case, user) is not None


def _sees_as_member(user, case) -> bool:
    from .commissions import rounds

    return (sits_on(user, case) and rounds.was_on_agenda(case)) or _on_roll_now(user, case)


def can_view(user, case) -> Permission:
    if not _authenticated(user):
        return False, _("Sign in to see this case.")
    if is_owner(user, case):
        return True, ""
    if handles(user, case):
        return True, ""
    if _sees_as_member(user, case):
        return True, ""
    return False, _("This case belongs to another organisation.")


def can_fire(user, case, action: Action) -> Permission:
    if not _authenticated(user):
        return False, _("Sign in to act on this case.")
    if action.role == OWNER:
        if is_owner(user, case):
            return True, ""
        return False, _("Only the applicant organisation may do this.")
    roles, administrator = _roles(user)
    # The role is asked for this workflow: staff of another service may hold a role of the same
    # name only if that workflow's table names it too.
    if administrator or (_handles(roles, administrator, case.workflow) and action.role in roles):
        return True, ""
    return False, _("This action needs the role: %(role)s.") % {"role": action.role}


def can_upload(user, case) -> Permission:
    """The applicant organisation, or staff of the case's workflow, attach documents."""
    if is_owner(user, case) or handles(user, case):
        return True, ""
    return False, _("Only the applicant organisation attaches documents.")


def _round_right(user, case) -> Permission:
    """On the roll of the current round of a case on the agenda; what voting and recusal both need."""
    from .commissions import rounds

    if not has_role(user, COMMISSION) or not (sits_on(user, case) or rounds.on_any_roll(case, user)):
        return False, _("You are not a member of a commission.")
    if not rounds.on_agenda(case):
        return False, _("The case is not on the commission's agenda.")
    if rounds.roll_entry(case, user) is None:
        return False, _("You were not among the members entitled to vote when this round opened.")
    return True, ""


def can_vote(user, case) -> Permission:
    """A member on the roll of the current round who has not declared a conflict of interest in it."""
    from .models import Recusal

    allowed, why = _round_right(user, case)
    if not allowed:
        return allowed, why
    from .commissions.rounds import agenda_round

    if Recusal.objects.filter(case=case, member__user=user, round=agenda_round(case)).exists():
        return False, _("You declared a conflict of interest in this round and take no part in it.")
    return True, ""


def can_recuse(user, case) -> Permission:
    """A member on the roll of the current round who has neither voted nor recused in it yet."""
    from .commissions.rounds import agenda_round
    from .models import Recusal, Vote

    allowed, why = _round_right(user, case)
    if not allowed:
        return allowed, why
    round_ = agenda_round(case)
    if Recusal.objects.filter(case=case, member__user=user, round=round_).exists():
        return False, _("You have already declared a conflict of interest in this round.")
    if Vote.objects.filter(case=case, member__user=user, round=round_).exists():
        return False, _("You have already voted in this round; a conflict of interest is declared before voting.")
    return True, ""


def manages_meetings(user, commission) -> bool:
    """Staff of a workflow bound to the commission (its secretary), or an administrator."""
    roles, administrator = _roles(user)
    if administrator:
        return True
    return any(w.commission == commission.key and _handles(roles, administrator, w) for w in all_workflows())


def reads_minutes(user, commission) -> bool:
    """The commission's active members (with the commission role) and those who manage its meetings."""
    from .models import CommissionMember

    if manages_meetings(user, commission):
        return True
    return has_role(user, COMMISSION) and CommissionMember.objects.filter(
        commission=commission, user=user, active=True).exists()


def can_download(user, document) -> Permission:
    return can_view(user, document.case)


def applicant_organisation(user):
    """The organisation a user applies for; refuses users who act for none (staff, experts)."""
    if user.organisation_id is None:
        raise PermissionDenied(_("Only users of an applicant organisation can apply."))
    return user.organisation
