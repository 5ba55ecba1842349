"""One programme's own page and its files: the document as it stands (the same blocks as its PDF and
DOCX), its versions (p.42: remarks are answered by a new version), the national institute's
methodological comments (p.32), the agreements with interested organisations the state body
records (p.42), the approval (p.43) and, once approved, its monitoring. The generic case page
(`casework`) holds the workflow's actions and links here."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from techpolicy.accounts.roles import has_role
from techpolicy.casework import law_context
from techpolicy.casework.models import Case
from techpolicy.casework.permissions import can_view
from techpolicy.casework.steps import current_language
from techpolicy.documents import CONTENT_TYPES

from . import checks, document, document_files
from .forms_programme import AgreementForm, CommentForm
from .models import Agreement, MethodologicalComment
from .monitoring import plan_of
from .roles import NATIONAL_INSTITUTE
from .steps import addressed_to_actor
from .workflows import PROGRAMME

LANGUAGES = ("kk", "ru", "en")
# The files' languages as the download buttons name them, in the page's language.
LANGUAGE_NAMES = (("kk", gettext_lazy("in Kazakh")), ("ru", gettext_lazy("in Russian")),
                  ("en", gettext_lazy("in English")))
FORMATS = {"pdf": document_files.programme_pdf, "docx": document_files.programme_docx}


def programme_case(request, number: str) -> Case:
    """The case, if the user may read it: its parties, the staff of the workflow, the national institute."""
    case = get_object_or_404(Case.objects.select_related("organisation"), number=number, workflow=PROGRAMME.id)
    if not (can_view(request.user, case)[0] or has_role(request.user, NATIONAL_INSTITUTE)):
        raise PermissionDenied(_("This programme is shown to its developer, the state body it is addressed to, the "
                                 "HSTC and the national institute until it is approved."))
    return case


def document_facts(case: Case) -> dict:
    """The document as the law layer reads it today (the developer from the register)."""
    return checks.law_facts(case.facts, case.organisation, law_context.today())


def blocks_for_page(facts: dict, lang: str, status: str = "") -> list[dict]:
    return [{"kind": type(b).__name__.lower(), "block": b} for b in document.programme_blocks(
        facts, lang=lang, status=status)]


def _state_label(case: Case) -> str:
    return str(PROGRAMME.state(case.state).staff_name)


def _may_record_agreements(user, case: Case) -> bool:
    return case.state == "agreement" and addressed_to_actor(case, user, {})[0]


@login_required
@require_safe
def programme(request, number: str):
    case = programme_case(request, number)
    lang = current_language()
    plan = plan_of(case)
    return render(request, "targeted_programmes/programme.html", {
        "case": case, "state": _state_label(case), "blocks": blocks_for_page(document_facts(case), lang),
        "versions": case.ttp_versions.select_related("created_by").order_by("-number"),
        "comments": case.ttp_comments.select_related("author"), "agreements": case.ttp_agreements.all(),
        "comment_form": CommentForm() if has_role(request.user, NATIONAL_INSTITUTE) else None,
        "agreement_form": AgreementForm() if _may_record_agreements(request.user, case) else None,
        "approval": case.decisions.filter(kind="approval").first(), "plan": plan, "languages": LANGUAGE_NAMES})


@login_required
@require_POST
def comment(request, number: str):
    """Paragraph 32: the national institute's methodological comment on the version it read."""
    case = programme_case(request, number)
    if not has_role(request.user, NATIONAL_INSTITUTE):
        raise PermissionDenied(_("Methodological comments on drafts are given by the national institute (p.32)."))
    form = CommentForm(request.POST)
    if form.is_valid():
        latest = case.ttp_versions.order_by("-number").values_list("number", flat=True).first()
        MethodologicalComment.objects.create(case=case, author=request.user, version=latest,
                                             text=form.cleaned_data["text"])
        messages.success(request, _("The comment was added."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("targeted_programmes:programme", number=number)


@login_required
@require_POST
def agreement(request, number: str):
    """Paragraph 42: the state body records one interested organisation's answer (once per organisation)."""
    case = programme_case(request, number)
    if not _may_record_agreements(request.user, case):
        raise PermissionDenied(_("Agreements are recorded by the state body the draft is addressed to, after its "
                                 "review and before the proposals go to the HSTC (p.42)."))
    form = AgreementForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    else:
        data = form.cleaned_data
        _row, created = Agreement.objects.get_or_create(case=case, organisation=data["organisation"], defaults={
            **{k: v for k, v in data.items() if k != "organisation"}, "recorded_by": request.user})
        if created:
            messages.success(request, _("The agreement was recorded."))
        else:
            messages.error(request, _("The answer of %(organisation)s is already recorded.") % {
                "organisation": data["organisation"]})
    return redirect("targeted_programmes:programme", number=number)


def _file(facts: dict, lang: str, kind: str, name: str, **meta) -> HttpResponse:
    if lang not in LANGUAGES or kind not in FORMATS:
        raise Http404(_("No such file."))
    response = HttpResponse(FORMATS[kind](facts, lang, **meta), content_type=CONTENT_TYPES[kind])
    response["Content-Disposition"] = f'attachment; filename="{name}-{lang}.{kind}"'
    return response


@login_required
@require_safe
def download(request, number: str, lang: str, kind: str):
    """The document as PDF or DOCX in kk, ru or en, as it stands (a draft says so on every page)."""
    case = programme_case(request, number)
    latest = case.ttp_versions.order_by("-number").values_list("number", flat=True).first()
    return _file(document_facts(case), lang, kind, case.number, status=_state_label(case), version=latest)


@require_safe
def public_download(request, number: str, lang: str, kind: str):
    """An approved programme's document, for anyone (p.43: approval makes it the programme)."""
    case = get_object_or_404(Case, number=number, workflow=PROGRAMME.id, state="approved")
    return _file(document_facts(case), lang, kind, case.number, status=_state_label(case))
