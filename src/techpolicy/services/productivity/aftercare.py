"""The agreement and aftercare page of a case (seed 004, 5.4): the reimbursement agreement with its
ledger and balance, the operator's payment and return-of-funds actions, information requests
(paragraph 9(2)) and labour-productivity reports (mechanism of instrument 1, paragraph 7).

Payment, termination and closing are the workflow's own actions, fired through the engine from
this page: one path, one version check, one log."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from techpolicy.casework.engine import WorkflowError, available_actions, fire
from techpolicy.casework.models import Case
from techpolicy.casework.permissions import handles, is_owner
from techpolicy.casework.steps import posted_payload, unconfirmed
from techpolicy.casework.workflow import get
from techpolicy.law.parameters import ParameterError
from techpolicy.site.once import already_sent, first_submission

from . import law
from .models import InformationRequest, ProductivityReport, ReimbursementAgreement

LEDGER_ACTIONS = ("pay", "terminate", "close")


class InformationRequestForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("What the operator asks"), widget=forms.Textarea(attrs={"rows": 3}),
                           max_length=4000)


class AnswerForm(forms.Form):
    answer = forms.CharField(label=gettext_lazy("Answer"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class ReportForm(forms.Form):
    period = forms.CharField(label=gettext_lazy("Reporting period"), max_length=40)
    before = forms.DecimalField(label=gettext_lazy("Labour productivity before"), min_value=Decimal("0.01"),
                                max_digits=18, decimal_places=2)
    after = forms.DecimalField(label=gettext_lazy("Labour productivity after"), min_value=0, max_digits=18,
                               decimal_places=2)
    unit = forms.CharField(label=gettext_lazy("Unit (the same for both values)"), max_length=40, required=False)


def _case(request, number) -> tuple[Case, bool, bool]:
    case = get_object_or_404(Case.objects.select_related("organisation"), number=number,
                             workflow__startswith="productivity.")
    owner, staff = is_owner(request.user, case), handles(request.user, case)
    if not (owner or staff):
        raise PermissionDenied(_("This case belongs to another organisation."))
    return case, owner, staff


@login_required
def aftercare(request, number):
    case, owner, staff = _case(request, number)
    agreement = ReimbursementAgreement.objects.filter(case=case).first()
    workflow = get(case.workflow)
    return render(request, "productivity/aftercare.html", {
        "case": case, "workflow": workflow, "state": workflow.state(case.state), "owner": owner, "staff": staff,
        "agreement": agreement, "ledger": agreement.ledger.select_related("recorded_by") if agreement else [],
        "actions": [a for a in available_actions(case, request.user) if a.id in LEDGER_ACTIONS],
        "requests": agreement.requests.all() if agreement else [],
        "reports": case.productivity_reports.all(),
        "request_form": InformationRequestForm() if staff and agreement and agreement.status in (
            ReimbursementAgreement.STATUS_ACTIVE, ReimbursementAgreement.STATUS_CLOSED) else None,
        "answer_form": AnswerForm() if owner else None,
        "report_form": ReportForm() if staff else None,
        "statistics_period": agreement.statistics_period() if agreement else None,
    })


@require_POST
@login_required
def act(request, number, action):
    """Payment, termination with return of funds, closing: the workflow's actions."""
    case, _owner, _staff = _case(request, number)
    spec = get(case.workflow).action(action)
    if spec is None or action not in LEDGER_ACTIONS:
        raise Http404
    payload = posted_payload(spec, request.POST)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = None
    try:
        if unconfirmed(spec, payload):
            raise WorkflowError(unconfirmed(spec, payload))
        fire(case, action, request.user, reason=request.POST.get("reason", "").strip(), payload=payload,
             expected_version=version)
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Done: %(action)s.") % {"action": spec.label})
    return redirect("productivity:aftercare", number=number)


@require_POST
@login_required
def add_request(request, number):
    """Paragraph 9(2): the operator asks for information on how the instrument is carried out."""
    case, _owner, staff = _case(request, number)
    agreement = ReimbursementAgreement.objects.filter(case=case).first()
    form = InformationRequestForm(request.POST)
    if not staff:
        raise PermissionDenied(_("Only the programme operator requests information."))
    if agreement is None or agreement.status not in (ReimbursementAgreement.STATUS_ACTIVE,
                                                     ReimbursementAgreement.STATUS_CLOSED):
        messages.error(request, _("Information is requested under an agreement in force."))
    elif not form.is_valid():
        messages.error(request, _("Write what the operator asks."))
    else:
        with transaction.atomic():
            if first_submission(request):
                InformationRequest.objects.create(agreement=agreement, text=form.cleaned_data["text"],
                                                  requested_by=request.user)
                messages.success(request, _("The request was sent to the applicant."))
            else:
                messages.info(request, already_sent())
    return redirect("productivity:aftercare", number=number)


@require_POST
@login_required
def answer_request(request, number, pk):
    case, owner, _staff = _case(request, number)
    if not owner:
        raise PermissionDenied(_("Only the applicant organisation answers."))
    item = get_object_or_404(InformationRequest, pk=pk, agreement__case=case)
    form = AnswerForm(request.POST)
    if item.answered_at is not None:
        messages.error(request, _("This request has already been answered."))
    elif not form.is_valid():
        messages.error(request, _("Write the answer."))
    else:
        updated = InformationRequest.objects.filter(pk=item.pk, answered_at=None).update(
            answer=form.cleaned_data["answer"], answered_by=request.user, answered_at=timezone.now())
        if updated:
            messages.success(request, _("The answer was sent."))
        else:  # answered by a colleague in the meantime
            messages.error(request, _("This request has already been answered."))
    return redirect("productivity:aftercare", number=number)


def obligation_verdict(before: Decimal, after: Decimal) -> tuple[bool | None, dict]:
    """The law layer's verdict on the productivity obligation; None when it cannot be decided
    (the multiple is a parameter the source or an administrator has not set)."""
    try:
        result = law.obligation(before, after)
    except ParameterError as exc:
        return None, {"not_set": str(exc)}
    return result.met, {"met": result.met, "ratio": str(result.ratio), "required": str(result.required),
                        "parameter": result.parameter.as_dict()}


@require_POST
@login_required
def add_report(request, number):
    """Labour productivity before and after, and whether it rose as the target requires."""
    case, _owner, staff = _case(request, number)
    if not staff:
        raise PermissionDenied(_("Productivity reports are recorded by the operators."))
    form = ReportForm(request.POST)
    if not form.is_valid():
        errors = "; ".join(f"{form.fields[k].label}: {' '.join(v)}" for k, v in form.errors.items())
        messages.error(request, errors)
        return redirect("productivity:aftercare", number=number)
    data = form.cleaned_data
    met, verdict = obligation_verdict(data["before"], data["after"])
    with transaction.atomic():
        if not first_submission(request):
            messages.info(request, already_sent())
            return redirect("productivity:aftercare", number=number)
        ProductivityReport.objects.create(case=case, period=data["period"], before=data["before"],
                                          after=data["after"], unit=data.get("unit", ""), obligation_met=met,
                                          verdict=verdict, reported_by=request.user)
    messages.success(request, _("The report was recorded."))
    return redirect("productivity:aftercare", number=number)
