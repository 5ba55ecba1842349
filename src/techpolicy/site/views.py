from django.contrib.auth import login
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.utils import translation

from techpolicy.accounts.roles import APPLICANT

from .forms import SignUpForm


def home(request):
    return render(request, "home.html")


def register(request):
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                user = form.save()
                user.groups.add(Group.objects.get_or_create(name=APPLICANT)[0])
        except IntegrityError:
            # Another sign-up with the same BIN or user name was saved after this form was checked:
            # the unique constraint decides, and the form says so like the check it passed (finding 4).
            if not form.add_taken_errors():
                raise
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            translation.activate(user.language)
            return redirect(f"/{user.language}/cases/")
    return render(request, "registration/signup.html", {"form": form})


def parameters(request):
    """Every dated parameter the rules read, with each value's dates and source; values the
    source document does not set are shown as such, never filled in. Each parameter reads by its
    label, its value with the unit of the page's language; the internal name stands beside it."""
    from django.utils import translation as tr

    from techpolicy.casework import law_context
    from techpolicy.law import display

    lang = tr.get_language() or "kk"
    source = law_context.parameters()
    rows = []
    for name in source.names():
        definition = source.definition(name)
        rows.append({
            "name": name,
            "description": display.label(name, lang, source),
            "unit": definition.unit,
            "values": [{**v.as_dict(lang), "shown": display.value_text(v, lang),
                        "quotes": display.source_quotes(v.source)} for v in definition.values],
        })
    return render(request, "parameters.html", {"rows": rows})
