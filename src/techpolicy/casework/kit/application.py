"""The applicant's pages of a service: apply (a draft case with the facts of the form bundle) and
edit the application while the workflow lets the applicant change it.

- Applying creates one case per form and per subject: the page's one-time token (`site.once`)
  takes a form once, and the workflow's `one_open_per` lets the database keep one open case per
  subject; a second application is sent to the open case with a message (`DuplicateCase`).
- Editing carries the case's version in the form; a form rendered before someone else's change is
  refused (`save_facts`), and so is an edit that makes the case the same as another open one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from techpolicy.site.once import already_sent, first_submission

from ..engine import DuplicateCase, WorkflowError, create_case, open_case, save_facts
from ..models import Case
from ..permissions import applicant_organisation
from ..workflow import Workflow
from . import fact_errors, sections
from .drafts import draft_entry, draft_input, incomplete_keys, is_incomplete
from .forms import Bound, FormBundle

DB_INT_MAX = 2**63 - 1  # the largest version a database integer holds
NOT_DECIDED = gettext_lazy("The draft cannot be saved yet: first complete the sections that decide which procedure "
                           "the application follows.")


class _TakenBefore(Exception):
    """The form's token was taken by an earlier post: the case created now is rolled back."""


def to_existing(request: HttpRequest, existing: Case, message: Any) -> HttpResponse:
    """The answer to an application while the same one is open: the open case, with `message`
    (a text with %(number)s)."""
    messages.info(request, message % {"number": existing.number})
    return redirect("casework:detail", number=existing.number)


def create_application(request: HttpRequest, workflow: Workflow, organisation, facts: dict, *, title: str,
                       duplicate: Any, created: Any, parent: Case | None = None) -> HttpResponse:
    """Create the draft case and answer with its page. `duplicate` and `created` are the messages
    (with %(number)s) for an application already open on the same subject and for a new case.

    The token is taken in the transaction that creates the case, after it: a refused creation gives
    the token back, and of twenty identical posts on one subject the database lets one case through
    and sends the others to it (`DuplicateCase`) before their token is looked at."""
    try:
        with transaction.atomic():
            case = create_case(workflow, organisation, request.user, title=title, facts=facts, parent=parent)
            if not first_submission(request):
                raise _TakenBefore
    except DuplicateCase as duplicate_case:  # a double click or a colleague at the same moment
        return to_existing(request, duplicate_case.existing, duplicate)
    except _TakenBefore:  # the same form sent again, on a workflow that allows several open cases
        messages.info(request, already_sent())
        return redirect("casework:my_cases")
    messages.success(request, created % {"number": case.number})
    return redirect("casework:detail", number=case.number)


def posted_version(request: HttpRequest) -> int:
    """The case version the form was rendered with; a garbled or impossible one is -1, which matches
    no case and is refused like a stale form."""
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        return -1
    return version if 0 <= version <= DB_INT_MAX else -1


@dataclass(frozen=True)
class ApplicationPages:
    """The apply and edit pages of one application form.

    `workflows` are those whose cases the pages create and edit; `choose(facts)` picks the workflow
    a new application follows when there are several (None: the only one). `editable` are the
    states in which the applicant may change the facts. The messages carry %(number)s:
    `duplicate` for an application already open, and the edit's refusals `not_editable` and
    `other_workflow` (the facts now choose another workflow; the error names `workflow_field`).
    `template` renders `forms`, `case`, `fact_errors` and `title`; the kit's own shows every form of
    the bundle in order."""

    forms: FormBundle
    workflows: tuple[Workflow, ...]
    editable: tuple[str, ...]
    duplicate: Any
    not_editable: Any
    template: str = "casework/kit/application_form.html"
    title: Any = ""
    choose: Callable[[dict], Workflow] | None = None
    other_workflow: Any = None
    workflow_field: str = ""

    def workflow_for(self, facts: dict) -> Workflow:
        return self.choose(facts) if self.choose is not None else self.workflows[0]

    def render(self, request: HttpRequest, bound: Bound, case: Case | None, errors) -> HttpResponse:
        return render(request, self.template, {"forms": bound, "case": case, "fact_errors": errors,
                                               "title": self.title, "sections": self.task_list(request, bound, case)})

    def task_list(self, request: HttpRequest, bound: Bound, case: Case | None) -> list[dict]:
        """The sections of the page with their status (kit.sections); none for a bundle that
        declares none, whose forms' names are no words for a reader."""
        if not self.forms.sections:
            return []
        stored_incomplete = case is not None and is_incomplete(case.facts)
        checked = (not self.forms.adds_row(request.POST)) if request.method == "POST" else stored_incomplete
        return sections.statuses(self.forms, bound, saved=case is not None,
                                 incomplete=incomplete_keys(case.facts) if case is not None else (), checked=checked)

    def _saves_partial(self, request: HttpRequest) -> bool:
        """"Save and finish later": the forms are stored as they are, complete or not."""
        return request.method == "POST" and "save_partial" in request.POST and not self.forms.adds_row(request.POST)

    def _partial(self, request: HttpRequest, bound: Bound) -> tuple[dict, list]:
        missing = sections.incomplete_sections(self.forms, bound)
        return draft_entry(request.POST, missing, self.forms.draft_facts(bound)), missing

    def _partial_workflow(self, facts: dict) -> Workflow | None:
        """The workflow a draft saved incomplete follows, or None when its input does not decide it yet."""
        try:
            workflow = self.workflow_for(facts)
            workflow.subject(None, facts)
        except (LookupError, TypeError, ValueError, AttributeError):
            return None
        return workflow

    def _partial_saved(self, missing: list) -> str:
        names = ", ".join(f"“{s.label}”" for s in missing)
        return _("The draft is saved. Still to complete: %(sections)s.") % {"sections": names}

    def _save_new_partial(self, request: HttpRequest, bound: Bound, organisation) -> HttpResponse | None:
        facts, missing = self._partial(request, bound)
        workflow = self._partial_workflow(facts)
        if workflow is None:
            messages.error(request, NOT_DECIDED)
            return None
        created = self._partial_saved(missing).replace("%", "%%")
        return create_application(request, workflow, organisation, facts, title=organisation.name,
                                  duplicate=self.duplicate, created=created)

    def apply(self, request: HttpRequest) -> HttpResponse:
        """A draft application with its facts; it is submitted from the case page."""
        organisation = applicant_organisation(request.user)
        if self.choose is None:
            # A workflow whose subject the facts do not decide (one open application per
            # organisation) sends the applicant to the open case before the form is filled in.
            existing = open_case(self.workflows[0], organisation)
            if existing is not None:
                return to_existing(request, existing, self.duplicate)
        data = request.POST if request.method == "POST" else None
        bound = self.forms.bind(data, self.forms.initial(organisation))
        errors = None
        if self.forms.taken(request, bound):
            facts = self.forms.facts(bound)
            errors = fact_errors.place(self.forms, bound, self.forms.errors(facts))
            if errors is None:
                return create_application(
                    request, self.workflow_for(facts), organisation, facts, title=organisation.name,
                    duplicate=self.duplicate, created=_("The draft is saved. Attach the documents and submit it."))
        elif self._saves_partial(request):
            answer = self._save_new_partial(request, bound, organisation)
            if answer is not None:
                return answer
        return self.render(request, bound, None, errors)

    def edit(self, request: HttpRequest, number: str) -> HttpResponse:
        case = get_object_or_404(Case, number=number, workflow__in=[w.id for w in self.workflows])
        if case.organisation_id != request.user.organisation_id:
            raise PermissionDenied(_("This case belongs to another organisation."))
        if case.state not in self.editable:
            messages.error(request, self.not_editable)
            return redirect("casework:detail", number=number)
        stored_incomplete = is_incomplete(case.facts)
        # A draft saved incomplete shows what was typed, with its errors, as if it had just been posted.
        data = request.POST if request.method == "POST" else (draft_input(case.facts) if stored_incomplete else None)
        bound = self.forms.bind(data, {} if stored_incomplete else self.forms.initial_from_facts(case.facts))
        errors = None
        if self._saves_partial(request) and not self.forms.valid(bound):
            facts, missing = self._partial(request, bound)
            workflow = self._partial_workflow(facts)
            if workflow is None:
                messages.error(request, NOT_DECIDED)
            elif workflow.id != case.workflow:
                errors = [{"field": self.workflow_field, "message": str(self.other_workflow)}]
            else:
                try:
                    save_facts(case, facts, posted_version(request), self.editable, actor=request.user)
                except WorkflowError as refused:  # stale, or the same as another open application
                    messages.error(request, str(refused))
                else:
                    messages.success(request, self._partial_saved(missing))
                    return redirect("casework:detail", number=number)
        elif self.forms.taken(request, bound):
            facts = self.forms.facts(bound)
            errors = fact_errors.place(self.forms, bound, self.forms.errors(facts))
            if errors is None:
                errors = self._workflow_errors(facts, case)
            if errors is None:
                # Saving bumps the version, so a colleague's form rendered before this save is refused.
                try:
                    save_facts(case, facts, posted_version(request), self.editable, actor=request.user)
                except WorkflowError as refused:  # stale, or the same as another open application
                    messages.error(request, str(refused))
                else:
                    messages.success(request, _("The application was saved."))
                    return redirect("casework:detail", number=number)
        return self.render(request, bound, case, errors)

    def _workflow_errors(self, facts: dict, case: Case) -> list[dict] | None:
        """The workflow follows from the facts; an edit may not move the case to another one."""
        if self.workflow_for(facts).id == case.workflow:
            return None
        return [{"field": self.workflow_field, "message": str(self.other_workflow)}]
