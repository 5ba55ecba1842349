from django.contrib.auth import login
from django.contrib.auth.models import Group
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import translation

from techpolicy.accounts.roles import APPLICANT

from .forms import SignUpForm


def home(request):
    return render(request, "home.html")


def register(request):
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
            user.groups.add(Group.objects.get_or_create(name=APPLICANT)[0])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        translation.activate(user.language)
        return redirect(f"/{user.language}/cases/")
    return render(request, "registration/signup.html", {"form": form})
