"""Working and expert groups (paragraph 10(1)-(2)): invitations by e-mail and the expert's answer."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from techpolicy.accounts.roles import EXPERT
from techpolicy.casework.notifications import notify, public_url

from .errors import StudyError, full_clean, stale_study
from .models import Expert, Membership, Study
from .models.panel import ACCEPTED, DECLINED, EXPERT_GROUP, INVITED


def _next_pseudonym(study: Study) -> str:
    """E-01, E-02, ... in order of invitation: stable, and says nothing about the person."""
    return f"E-{study.memberships.count() + 1:02d}"


@transaction.atomic
def invite(study: Study, invited_by, *, email: str, full_name: str, country: str, organisation: str,
           fields: Sequence[str], experience_years: int | None, language: str = "kk",
           group: str = EXPERT_GROUP) -> Membership:
    """Invite an expert (found by e-mail, or recorded now) and send the invitation in their language."""
    expert, created = Expert.objects.get_or_create(
        email=email.strip().lower(),
        defaults={"full_name": full_name, "country": country.upper(), "organisation": organisation,
                  "fields": list(fields), "experience_years": experience_years, "language": language},
    )
    if created:
        full_clean(expert)
    if study.memberships.filter(expert=expert).exists():
        raise StudyError(_("This expert is already invited to the study."), field="email")
    try:
        with transaction.atomic():
            membership = Membership.objects.create(study=study, expert=expert, group=group,
                                                   pseudonym=_next_pseudonym(study), invited_by=invited_by)
    except IntegrityError:
        raise stale_study() from None
    with translation.override(expert.language):
        link = public_url(reverse("studies:invitation", args=[membership.token]))
        subject = _("Invitation to the technology forecast %(number)s") % {"number": study.number}
        body = "\n\n".join([
            _("Dear %(name)s,") % {"name": expert.full_name},
            _("%(body)s invites you to the %(group)s of the technology forecast \"%(title)s\" "
              "(%(direction)s, horizon %(year)d).") % {
                "body": study.organising_body, "group": membership.get_group_display(), "title": study.title,
                "direction": study.direction, "year": study.horizon_year},
            _("Your answers are anonymous: other experts never see who answered what."),
            _("Accept or decline the invitation here: %(link)s") % {"link": link},
        ])
    notify(expert.email, expert.language, str(subject), body)
    return membership


@transaction.atomic
def respond(membership: Membership, *, accept: bool, user=None, password: str = "", no_conflict: bool = False,
            conflicts: str = "") -> Membership:
    """Accept (declaring conflicts of interest) or decline an invitation. Without a signed-in user an
    expert who accepts sets a password, and the account is made with the invited e-mail as login."""
    locked = Membership.objects.select_for_update().select_related("expert").get(pk=membership.pk)
    if locked.status != INVITED:
        raise StudyError(_("This invitation has already been answered."), status=409)
    expert = locked.expert
    if accept:
        if not no_conflict and not conflicts.strip():
            raise StudyError(_("Declare that you have no conflict of interest, or describe it."), field="conflicts")
        user = _expert_account(expert, user, password)
        locked.no_conflict, locked.conflicts = no_conflict, conflicts.strip()
    locked.status = ACCEPTED if accept else DECLINED
    locked.responded_at = timezone.now()
    locked.save(update_fields=["status", "responded_at", "no_conflict", "conflicts"])
    return locked


def _expert_account(expert: Expert, user, password: str):
    if user is not None and getattr(user, "is_authenticated", False):
        if expert.user_id not in (None, user.pk):
            raise StudyError(_("This invitation belongs to another account."), status=403)
    elif expert.user_id is not None:
        raise StudyError(_("Sign in to accept the invitation."), status=403)
    else:
        User = get_user_model()
        if User.objects.filter(username=expert.email).exists():
            raise StudyError(_("An account with this e-mail exists: sign in to accept."), field="password")
        try:
            validate_password(password)
        except ValidationError as exc:
            raise StudyError(" ".join(exc.messages), field="password") from None
        user = User.objects.create_user(username=expert.email, email=expert.email, password=password,
                                        first_name=expert.full_name[:150], language=expert.language)
    if expert.user_id is None:
        expert.user = user
        expert.save(update_fields=["user"])
    user.groups.add(Group.objects.get_or_create(name=EXPERT)[0])
    return user
