"""Who may see and act on a case. Every check returns `(allowed, reason)` or a plain bool.

One question decides every staff permission: "is this user staff of THIS workflow?"
(`handles_workflow`). A staff role is scoped to the workflows whose table names it for an action
(`Workflow.staff_roles()`): the technopark secretariat handles the technopark's procedures, the
programme operator (KIDI) and KDB-Leasing those of "Productivity 2020"; administrators handle all.
Holding some staff role never lets a user act on a case of another service (issue 8, finding 5).
Commission members see and vote on the cases of the workflows bound to their commission
(`Workflow.commission`), and only once a case was on its agenda.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from techpolicy.accounts.roles import ADMINISTRATOR, COMMISSION, has_role

from .workflow import AGENDA_STATE, OWNER, Action, Workflow, all_workflows, get

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
    from .models import Case, Commission

    workflow = case_or_workflow.workflow if isinstance(case_or_workflow, Case) else case_or_workflow
    declared = _workflow(workflow)
    if declared is None or not declared.commission:
        return None
    return Commission.objects.filter(key=declared.commission).first()


def sitting_workflows(user) -> list[str]:
    """Ids of the workflows bound to a commission the user is an active member of (and holds the
    commission role): the cases whose agenda they see."""
    from .models import CommissionMember

    if not has_role(user, COMMISSION):
        return []
    keys = set(CommissionMember.objects.filter(user=user, active=True).values_list("commission__key", flat=True))
    return [w.id for w in all_workflows() if w.commission and w.commission in keys]


def sits_on(user, case) -> bool:
    """An active member of the commission bound to the case's workflow."""
    return case.workflow in sitting_workflows(user)


def can_view(user, case) -> Permission:
    if not _authenticated(user):
        return False, _("Sign in to see this case.")
    if is_owner(user, case):
        return True, ""
    if handles(user, case):
        return True, ""
    if sits_on(user, case) and case.transitions.filter(to_state=AGENDA_STATE).exists():
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


def can_vote(user, case) -> Permission:
    if case.state != AGENDA_STATE:
        return False, _("The case is not on the commission's agenda.")
    if not sits_on(user, case):
        return False, _("Only members of the selection commission vote.")
    return True, ""


def can_download(user, document) -> Permission:
    return can_view(user, document.case)


def applicant_organisation(user):
    """The organisation a user applies for; refuses users who act for none (staff, experts)."""
    if user.organisation_id is None:
        raise PermissionDenied(_("Only users of an applicant organisation can apply."))
    return user.organisation
