"""The Delphi pages (paragraph 8(2)): the expert's invitation, studies and questionnaire, and the
analysts' rounds and results by pseudonym (with the answers CSV the forecast CLI reads)."""

import csv

from django import forms
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import translate_url
from django.utils.text import format_lazy
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from techpolicy.casework.law_context import today
from techpolicy.casework.steps import current_language

from . import charts, panel, questionnaire
from .errors import StudyError
from .models import Membership, Response, Round
from .models.delphi import BARRIERS
from .models.panel import ACCEPTED, INVITED, LANGUAGES
from .questionnaire import LABELS, SCALES, WORDS
from .views_common import managed_study, show_error, study_for_expert

VERDICTS = {
    "consensus": gettext_lazy("consensus, stable"),
    "stable_dissent": gettext_lazy("stable dissent"),
    "consensus_not_stable": gettext_lazy("consensus, not yet stable"),
    "continue": gettext_lazy("no consensus yet"),
}
BARRIER_NAMES = dict(BARRIERS)


# --- forms -------------------------------------------------------------------------------------------


def _worded(name: str, value: int):
    """A value of a scale with its word: "5 · very important", "+1 · ahead", "\u22122 · far behind"."""
    number = f"{value:+d}".replace("-", "\u2212") if SCALES[name][0] < 0 and value else str(value)
    return format_lazy("{} · {}", number, WORDS[name][value])


def _scale(name: str) -> forms.TypedChoiceField:
    """Radio buttons over a scale of the questionnaire."""
    low, high = SCALES[name]
    return forms.TypedChoiceField(label=LABELS[name], coerce=int, widget=forms.RadioSelect,
                                  choices=[(v, _worded(name, v)) for v in range(low, high + 1)])


class AnswerForm(forms.Form):
    """One technology's card of the questionnaire."""

    importance = _scale("importance")
    year = forms.IntegerField(label=LABELS["year"], min_value=SCALES["year"][0], max_value=SCALES["year"][1],
                              widget=forms.NumberInput(attrs={"inputmode": "numeric"}))
    level_vs_leader = _scale("level_vs_leader")
    level_vs_competitor = _scale("level_vs_competitor")
    barriers = forms.MultipleChoiceField(label=LABELS["barriers"], choices=BARRIERS, required=False,
                                         widget=forms.CheckboxSelectMultiple)
    competence = _scale("competence")
    comment = forms.CharField(label=LABELS["comment"], required=False, max_length=questionnaire.COMMENT_MAX,
                              widget=forms.Textarea(attrs={"rows": 3}))


class InvitationForm(forms.Form):
    no_conflict = forms.BooleanField(label=gettext_lazy("I declare that I have no conflict of interest in this study"),
                                     required=False)
    conflicts = forms.CharField(label=gettext_lazy("Or describe your conflicts of interest"), required=False,
                                max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    password = forms.CharField(label=gettext_lazy("Choose a password"), required=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password_again = forms.CharField(label=gettext_lazy("The password again"), required=False,
                                     widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def __init__(self, *args, needs_password: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not needs_password:
            del self.fields["password"], self.fields["password_again"]

    def clean(self):
        data = super().clean()
        if "password" in self.fields and data.get("password") != data.get("password_again"):
            self.add_error("password_again", _("The two passwords differ."))
        return data


class OpenRoundForm(forms.Form):
    closes_on = forms.DateField(label=gettext_lazy("Answers accepted until"),
                                widget=forms.DateInput(attrs={"type": "date"}))


def _language_offer(request, expert):
    """A link to this page in the expert's own language when another one is active."""
    if expert is None or expert.language == get_language():
        return None
    return {"code": expert.language, "name": dict(LANGUAGES).get(expert.language, expert.language),
            "url": translate_url(request.get_full_path(), expert.language)}


# --- the expert's pages ------------------------------------------------------------------------------


def invitation(request, token):
    """Accept (with the conflict-of-interest declaration, and a password if there is no account yet)
    or decline an invitation; public, since the unguessable token in the e-mail is the key."""
    membership = get_object_or_404(Membership.objects.select_related("study", "expert"), token=token)
    signed_in = request.user.is_authenticated
    has_account = membership.expert.user_id is not None
    form = InvitationForm(request.POST if request.method == "POST" else None,
                          needs_password=not signed_in and not has_account)
    status = 200
    if request.method == "POST" and membership.status == INVITED:
        decision = request.POST.get("decision")
        try:
            if decision == "decline":
                panel.respond(membership, accept=False)
                messages.success(request, _("You declined the invitation. Thank you for letting us know."))
                return redirect("studies:invitation", token)
            if decision != "accept":
                form.add_error(None, _("Choose whether you accept or decline the invitation."))
            elif form.is_valid():
                accepted = panel.respond(membership, accept=True, user=request.user if signed_in else None,
                                         password=form.cleaned_data.get("password", ""),
                                         no_conflict=form.cleaned_data["no_conflict"],
                                         conflicts=form.cleaned_data["conflicts"])
                if not signed_in:
                    login(request, accepted.expert.user, backend="django.contrib.auth.backends.ModelBackend")
                messages.success(request, _("Thank you: you are now in the %(group)s of the study %(number)s.")
                                 % {"group": accepted.get_group_display(), "number": membership.study.number})
                return redirect("studies:my_studies")
        except StudyError as exc:
            show_error(request, form, exc)
            status = exc.status
    return render(request, "studies/invitation.html", {
        "membership": membership, "study": membership.study, "form": form,
        "must_sign_in": not signed_in and has_account,
    }, status=status)


@login_required
def my_studies(request):
    """The studies the signed-in expert is invited to, with the open round of each and whether they answered."""
    entries = []
    for m in Membership.objects.filter(expert__user=request.user).select_related("study").order_by("-invited_at"):
        open_round = m.study.rounds.filter(closed_at=None).first() if m.status == ACCEPTED else None
        entries.append({
            "membership": m, "round": open_round,
            "answered": open_round is not None and Response.objects.filter(round=open_round, membership=m).exists(),
            "late": open_round is not None and open_round.closes_on < today(),
        })
    return render(request, "studies/my_studies.html", {
        "entries": entries, "offer_language": _language_offer(request, getattr(request.user, "expert", None))})


FIELDS = (("importance", "scale"), ("year", "number"), ("level_vs_leader", "scale"),
          ("level_vs_competitor", "scale"), ("barriers", "checks"), ("competence", "scale"), ("comment", "text"))


def _shown(name: str, value) -> str:
    """An expert's own previous answer as words."""
    if name == "barriers":
        return ", ".join(str(BARRIER_NAMES[b]) for b in value) or _("none")
    return str(_worded(name, value)) if name in WORDS else str(value)


def _card(technology, form, feedback):
    own = feedback.own if feedback else None
    groups = {name: g for name, g in feedback.group.items() if g["n"]} if feedback else {}
    return {"technology": technology, "name": technology.name(current_language()), "feedback": feedback, "items": [
        {"field": form[name], "kind": kind, "group": groups.get(name),
         "own": _shown(name, own[name]) if own and own.get(name) not in (None, "") else None}
        for name, kind in FIELDS]}


@login_required
def questionnaire_page(request, number, round_number):
    """One card per technology; from round 2 on each shows the group's figures of the previous round
    beside the expert's own answer then, which also fills the form."""
    study, membership = study_for_expert(request, number)
    round_ = get_object_or_404(Round.objects.select_related("study"), study=study, number=round_number)
    refused = questionnaire.refusal(round_, membership)
    feedback = questionnaire.feedback_for(membership, round_) if membership.status == ACCEPTED else {}
    technologies = list(study.technologies.all())
    posted = request.method == "POST"
    forms_ = []
    for t in technologies:
        own = feedback[t.code].own if t.code in feedback else None
        initial = {name: own[name] for name in (*SCALES, "barriers")} if own else None
        forms_.append(AnswerForm(request.POST if posted else None, prefix=f"t{t.pk}", initial=initial))
    status = 200
    if posted and refused is None and all([f.is_valid() for f in forms_]):
        answers = {t.code: f.cleaned_data for t, f in zip(technologies, forms_, strict=True)}
        try:
            questionnaire.submit(round_, membership, answers, current_language())
        except StudyError as exc:
            refused = exc
        else:
            messages.success(request, _("Thank you: your answers to round %(n)d are recorded.")
                             % {"n": round_.number})
            return redirect("studies:my_studies")
    if posted and refused is not None:
        status = refused.status
    # On a phone the first error may be screens away: list the technologies to correct at the top.
    to_correct = [t for t, f in zip(technologies, forms_, strict=True) if posted and f.errors]
    return render(request, "studies/questionnaire.html", {
        "study": study, "round": round_, "refusal": refused, "can_answer": refused is None,
        "to_correct": to_correct,
        # After a refused post the cards stay, with what the expert typed, so nothing is lost.
        "cards": [_card(t, f, feedback.get(t.code)) for t, f in zip(technologies, forms_, strict=True)]
        if refused is None or posted else [],
        "offer_language": _language_offer(request, membership.expert),
    }, status=status)


# --- the analysts' pages -----------------------------------------------------------------------------


@login_required
def rounds(request, number):
    """The rounds of the study with their response counts; open the next round, close the open one."""
    study = managed_study(request, number)
    action = request.POST.get("action")
    form = OpenRoundForm(request.POST if action == "open" else None)
    status = 200
    if action == "close":
        wanted = request.POST.get("round", "")
        round_ = get_object_or_404(Round, study=study, number=int(wanted) if wanted.isdigit() else 0)
        experts = study.memberships.filter(status=ACCEPTED).count()
        answered = round_.responses.count()
        # Closing is final for the round: with answers missing the analyst says "I understand" first.
        if answered < experts and request.POST.get("confirm") != "on":
            messages.error(request, _("Tick “I understand” to close round %(n)d: only %(answered)d of %(experts)d "
                                      "experts have answered, and no more answers are accepted once it is closed.")
                           % {"n": round_.number, "answered": answered, "experts": experts})
            return redirect("studies:rounds", study.number)
        try:
            closed = questionnaire.close_round(round_, request.user)
        except StudyError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Round %(n)d closed.") % {"n": closed.number})
        return redirect("studies:rounds", study.number)
    if action == "open" and form.is_valid():
        try:
            opened = questionnaire.open_round(study, request.user, form.cleaned_data["closes_on"])
        except StudyError as exc:
            show_error(request, form, exc)
            status = exc.status
        else:
            messages.success(request, _("Round %(n)d is open; the experts were notified.") % {"n": opened.number})
            return redirect("studies:rounds", study.number)
    all_rounds = study.rounds.annotate(answered=Count("responses"))
    return render(request, "studies/rounds.html", {
        "study": study, "form": form, "rounds": all_rounds, "today": today(),
        "experts": study.memberships.filter(status=ACCEPTED).count(),
        "can_open": study.stage == "main" and not any(r.is_open for r in all_rounds),
    }, status=status)


@login_required
def round_results(request, number, round_number):
    """Consensus and stability per technology and question, Kendall's W, barriers and the answers by
    pseudonym; `?format=csv` gives the answers of rounds 1..n as `techpolicy forecast delphi` reads them."""
    study = managed_study(request, number)
    round_ = get_object_or_404(Round, study=study, number=round_number)
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{study.number}-delphi-1-{round_.number}.csv"'
        csv.writer(response).writerows(
            questionnaire.csv_rows(questionnaire.pseudonymous_answers(study, round_.number)))
        return response
    results = questionnaire.round_results(study, round_)
    names = study.technology_names(current_language())
    for block in results["questions"]:
        block["label"] = LABELS[block["question"]]
        for row in block["rows"]:
            row["name"] = names.get(row["technology"], "")
            row["verdict_label"] = VERDICTS.get(row.get("verdict"), "")
    answers = list(questionnaire.pseudonymous_answers(study, round_.number, only=True))
    for a in answers:
        a["barrier_names"] = ", ".join(str(BARRIER_NAMES[b]) for b in a["barriers"])
    return render(request, "studies/round_results.html", {
        "study": study, "round": round_, "results": results, "answers": answers,
        "charts": charts.round_charts(study, round_),
        "barriers": [{"technology": code, "name": names.get(code, ""),
                      "counts": [(BARRIER_NAMES[b], n) for b, n in counts.items()]}
                     for code, counts in results["barriers"].items()],
    })
