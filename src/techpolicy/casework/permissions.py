"""Who may see and act on a case. Every check returns `(allowed, reason)`."""

from django.utils.translation import gettext as _

from techpolicy.accounts.roles import ADMINISTRATOR, COMMISSION, SECRETARIAT, has_role

from .workflow import OWNER, Action

Permission = tuple[bool, str]


def is_owner(user, case) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.organisation_id is not None
        and user.organisation_id == case.organisation_id
    )


def can_view(user, case) -> Permission:
    if not getattr(user, "is_authenticated", False):
        return False, _("Sign in to see this case.")
    if is_owner(user, case):
        return True, ""
    if has_role(user, SECRETARIAT) or has_role(user, ADMINISTRATOR):
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
