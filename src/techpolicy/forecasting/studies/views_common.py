"""What every study page shares: finding the study the user may see, and showing a StudyError."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from .access import can_manage, membership_of
from .errors import StudyError
from .models import Study


def require_analyst(request) -> None:
    """403 with the reason for anyone who may not run studies."""
    allowed, reason = can_manage(request.user)
    if not allowed:
        raise PermissionDenied(reason)


def managed_study(request, number: str) -> Study:
    """The study, for an analyst who may run it; others get 403 with the reason."""
    require_analyst(request)
    return get_object_or_404(Study, number=number)


def study_for_expert(request, number: str):
    """(study, membership) for an expert of the study; 403 for anyone else."""
    study = get_object_or_404(Study, number=number)
    membership = membership_of(request.user, study)
    if membership is None:
        raise PermissionDenied(_("You are not an expert of this study."))
    return study, membership


def show_error(request, form, exc: StudyError) -> None:
    """Put a refusal next to the field it concerns, or at the top of the form."""
    if form is not None and exc.field and exc.field in form.fields:
        form.add_error(exc.field, exc.message)
    elif form is not None:
        form.add_error(None, exc.message)
    else:
        messages.error(request, exc.message)
