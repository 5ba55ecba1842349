"""A draft programme from a structured file (JSON in the procedure's facts schema, which the API's
`facts-schema` and the command line's `schema programme` publish): the file
gives the document, the page the programme's direction and the state body it goes to, and the
developer is the user's organisation, as the register will show it when the draft is judged. The
draft then opens on its form, to be corrected like one typed in."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from techpolicy.casework.kit.application import create_application
from techpolicy.casework.permissions import applicant_organisation

from .document_import import MAX_FILE_BYTES, ProgrammeFileError, read_programme_file
from .forms import GeneralForm, ProgrammeForms
from .views import APPLICATION
from .workflows import PROGRAMME

# What the file cannot decide: who develops it (the user's organisation) and the day of the check.
NOT_FROM_FILE = ("sector", "direction", "developer", "checked_on", "demo")


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Programme file (JSON)"),
                           help_text=_("At most 2 MB, in the structure of the programme's facts schema."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is larger than %(limit)s bytes."), params={"limit": MAX_FILE_BYTES})
        try:
            return read_programme_file(upload.read(MAX_FILE_BYTES + 1), upload.name or "")
        except ProgrammeFileError as exc:
            raise forms.ValidationError([f"{e['field']}: {e['message']}" for e in exc.errors]) from None


class DestinationForm(GeneralForm):
    """The direction and the state body only: the rest of the general section comes from the file."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("technological_tasks", "target_consumers"):
            self.fields.pop(name)


@login_required
@require_http_methods(["GET", "POST"])
def import_programme(request):
    organisation = applicant_organisation(request.user)
    data = request.POST if request.method == "POST" else None
    upload = ImportForm(data, request.FILES or None)
    destination = DestinationForm(data, prefix="general")
    if request.method == "POST" and all([upload.is_valid(), destination.is_valid()]):
        document = {k: v for k, v in upload.cleaned_data["file"].items() if k not in NOT_FROM_FILE}
        facts = {**document, **ProgrammeForms._pair(destination.cleaned_data["direction"]),
                 "state_body": destination.cleaned_data["state_body"]}
        return create_application(request, PROGRAMME, organisation, facts, title=organisation.name,
                                  duplicate=APPLICATION.duplicate,
                                  created=_("The programme file was imported as a draft; check it and submit it."))
    return render(request, "targeted_programmes/import.html", {"upload": upload, "destination": destination,
                                                               "forms": {"general": destination, "file": upload}})
