"""Case pages shared by every service: lists, the case page, actions, documents (the commission's
pages on a case are `views_votes`, its meetings `views_meetings`)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from techpolicy.accounts.roles import COMMISSION, has_role

from .document_kinds import DOCUMENT_KINDS, DOCUMENT_LABELS
from .downloads import download_headers
from .engine import WorkflowError, available_actions, fire
from .history import case_history
from .law_context import today
from .models import Case, Document
from .permissions import (
    can_download,
    can_upload,
    can_view,
    handled_workflows,
    handles,
    is_case_staff,
    is_owner,
)
from .registry import verdict_template
from .steps import posted_payload, unconfirmed
from .uploads import UploadError, store
from .views_votes import commission_context
from .workflow import get

PAGE_SIZE = 25
UPLOAD_TAG = "upload"  # marks the messages of a refused upload, shown again beside the file field


def _case_for(request, number: str) -> Case:
    case = get_object_or_404(Case.objects.select_related("organisation"), number=number)
    allowed, reason = can_view(request.user, case)
    if not allowed:
        raise PermissionDenied(reason)
    return case


def _rows(cases, staff: bool):
    """Each case with its workflow's state name and overdue flag, for list templates."""
    now = today()
    for case in cases:
        workflow = get(case.workflow)
        state = workflow.state(case.state)
        yield {
            "case": case,
            "workflow": workflow,
            "state": state.staff_name if staff else state.applicant_name,
            "overdue": bool(case.due_on and case.due_on < now and not state.final),
        }


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


@login_required
def my_cases(request):
    if request.user.organisation_id is None:
        if is_case_staff(request.user):
            return redirect("casework:queue")
        if has_role(request.user, COMMISSION):
            return redirect("casework:agenda")
        cases = Case.objects.none()
    else:
        cases = Case.objects.filter(organisation_id=request.user.organisation_id)
    page = _page(request, cases.select_related("organisation"))
    return render(request, "casework/my_cases.html", {"page": page, "rows": list(_rows(page, staff=False))})


@login_required
def queue(request):
    """The secretariat's work queue: open cases, earliest deadline first, overdue flagged."""
    handled = handled_workflows(request.user)  # each staff role sees the procedures it handles (finding 5)
    if handled == []:
        raise PermissionDenied(_("The work queue is for the staff who handle cases."))
    workflows = [w for w in _workflows() if handled is None or w.id in handled]
    cases = Case.objects.select_related("organisation")
    if handled is not None:
        cases = cases.filter(workflow__in=handled)
    final = {(w.id, s.id) for w in workflows for s in w.states if s.final}
    for workflow_id, state_id in final:
        cases = cases.exclude(workflow=workflow_id, state=state_id)
    q = request.GET.get("q", "").strip()
    if q:
        cases = cases.filter(Q(number__icontains=q) | Q(organisation__name__icontains=q))
    if request.GET.get("overdue"):
        cases = cases.filter(due_on__lt=today())
    if request.GET.get("workflow"):
        cases = cases.filter(workflow=request.GET["workflow"])
    cases = cases.order_by(F("due_on").asc(nulls_last=True), "created_at")  # cases without a term last
    page = _page(request, cases)
    return render(request, "casework/queue.html", {
        "page": page, "rows": list(_rows(page, staff=True)), "q": q, "workflows": workflows,
        "overdue_only": bool(request.GET.get("overdue")), "workflow_filter": request.GET.get("workflow", ""),
    })


def _workflows():
    from .workflow import all_workflows

    return all_workflows()


@login_required
def case_detail(request, number):
    case = _case_for(request, number)
    workflow = get(case.workflow)
    staff = handles(request.user, case)  # staff of THIS case's workflow, not of any service (finding 5)
    return render(request, "casework/case_detail.html", {
        "case": case,
        "workflow": workflow,
        "state": workflow.state(case.state),
        "staff": staff,
        "owner": is_owner(request.user, case),
        "actions": available_actions(case, request.user),
        # The log and the uploads and edits, merged in time order (issue 10, item 6).
        "history": case_history(case, workflow, _document_labels(workflow), staff),
        "documents": [(d, _document_labels(workflow).get(d.kind, d.kind))
                      for d in case.documents.filter(superseded=False)],
        "remarks": case.remarks.all(),
        "decisions": case.decisions.all(),
        "certificates": case.certificates.all(),
        "verdict_template": verdict_template(case.workflow),
        # The round on the commission's agenda: votes, recusals, the roll and the tally (views_votes).
        **commission_context(case, request.user, staff),
        "overdue": bool(case.due_on and case.due_on < today()),
        "children": case.children.all(),
        "document_kinds": workflow.document_kinds or DOCUMENT_KINDS,
        "links": workflow.links(case, request.user) if workflow.links else [],
        # A refused upload is also told beside the file field (the message at the top stays).
        "upload_errors": [str(m) for m in messages.get_messages(request) if UPLOAD_TAG in m.tags.split()],
    })


def _document_labels(workflow) -> dict:
    """The document kinds the workflow declares, or the shared list."""
    if workflow.document_kinds:
        return {key: label for key, label, _ref in workflow.document_kinds}
    return DOCUMENT_LABELS


@require_POST
@login_required
def fire_action(request, number, action):
    case = _case_for(request, number)
    workflow = get(case.workflow)
    spec = workflow.action(action)
    if spec is None:
        raise Http404
    payload = posted_payload(spec, request.POST)
    reason = request.POST.get("reason", "").strip()
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = None
    try:
        if unconfirmed(spec, payload):
            raise WorkflowError(unconfirmed(spec, payload))
        fire(case, action, request.user, reason=reason, payload=payload, expected_version=version)
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Done: %(action)s.") % {"action": spec.label})
    return redirect("casework:detail", number=case.number)


@require_POST
@login_required
def upload_document(request, number):
    case = _case_for(request, number)
    allowed, why = can_upload(request.user, case)
    if not allowed:
        raise PermissionDenied(why)
    if get(case.workflow).state(case.state).final:
        messages.error(request, _("The case is closed; documents can no longer be attached."))
        return redirect("casework:detail", number=number)
    upload = request.FILES.get("file")
    kind = request.POST.get("kind", "")
    if getattr(request, "upload_too_large", False):
        messages.error(request, _("The file is larger than the limit of %(limit)s; nothing was attached.")
                       % {"limit": filesizeformat(settings.TECHPOLICY_MAX_UPLOAD_BYTES)}, extra_tags=UPLOAD_TAG)
    elif kind not in _document_labels(get(case.workflow)):
        messages.error(request, _("Choose what kind of document this is."), extra_tags=UPLOAD_TAG)
    elif upload is None:
        messages.error(request, _("Choose a file to upload."), extra_tags=UPLOAD_TAG)
    else:
        try:
            store(case, kind, upload, request.user)
        except UploadError as exc:
            messages.error(request, str(exc), extra_tags=UPLOAD_TAG)
        else:
            messages.success(request, _("The document was attached."))
    return redirect("casework:detail", number=number)


@login_required
def download_document(request, pk):
    document = get_object_or_404(Document.objects.select_related("case"), pk=pk)
    allowed, reason = can_download(request.user, document)
    if not allowed:
        raise PermissionDenied(reason)
    # Served under a name built from the case, the kind and the sniffed type, never the client's
    # name (finding 12): an "invoice.html" that is a PDF downloads as "<case>-<kind>.pdf".
    filename, content_type = download_headers(document)
    response = FileResponse(document.file.open("rb"), as_attachment=True, filename=filename,
                            content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response
