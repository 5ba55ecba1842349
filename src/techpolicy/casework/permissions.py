"""Who may see and act on a case. Every check returns `(allowed, reason)`."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from techpolicy.accounts.roles import ADMINISTRATOR, COMMISSION, has_role

from .workflow import OWNER, Action, get

Permission = tuple[bool, str]


def is_owner(user, case) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.organisation_id is not None
        and user.organisation_id == case.organisation_id
    )


def handled_workflows(user) -> list[str] | None:
    """Ids of the workflows whose cases the user handles as staff (a role the table names for its
    actions, e.g. the technopark secretariat or the programme operator); None: all (administrators)."""
    from .workflow import all_workflows

    if has_role(user, ADMINISTRATOR):
        return None
    if not getattr(user, "is_authenticated", False):
        return []
    roles = set(user.groups.values_list("name", flat=True))
    return [w.id for w in all_workflows() if w.staff_roles() & roles]


def handles(user, case) -> bool:
    """Staff of the case's workflow: the user holds a role its table names, or is an administrator."""
    if has_role(user, ADMINISTRATOR):
        return True
    try:
        roles = get(case.workflow).staff_roles()
    except KeyError:  # a workflow no longer declared: only administrators
        return False
    return bool(roles) and user.groups.filter(name__in=roles).exists()


def can_view(user, case) -> Permission:
    if not getattr(user, "is_authenticated", False):
        return False, _("Sign in to see this case.")
    if is_owner(user, case):
        return True, ""
    if handles(user, case):
        return True, ""
    if has_role(user, COMMISSION) and case.transitions.filter(to_state="commission").exists():
        return True, ""
    return False, _("This case belongs to another organisation.")


def can_fire(user, case, action: Action) -> Permission:
    if not getattr(user, "is_authenticated", False):
        return False, _("Sign in to act on this case.")
    if action.role == OWNER:
        if is_owner(user, case):
            return True, ""
        return False, _("Only the applicant organisation may do this.")
    if has_role(user, action.role) or has_role(user, ADMINISTRATOR):
        return True, ""
    return False, _("This action needs the role: %(role)s.") % {"role": action.role}


def can_vote(user, case) -> Permission:
    if case.state != "commission":
        return False, _("The case is not on the commission's agenda.")
    if not has_role(user, COMMISSION):
        return False, _("Only members of the selection commission vote.")
    return True, ""


def can_download(user, document) -> Permission:
    return can_view(user, document.case)


def applicant_organisation(user):
    """The organisation a user applies for; refuses users who act for none (staff, experts)."""
    if user.organisation_id is None:
        raise PermissionDenied(_("Only users of an applicant organisation can apply."))
    return user.organisation
