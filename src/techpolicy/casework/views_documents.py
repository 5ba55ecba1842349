"""Every version of one kind of document on a case (issue 10, item 6): number, uploader, time and
size, each downloadable under the same permission as the case page itself."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .history import actor_name
from .permissions import handles
from .views import _case_for, _document_labels
from .workflow import get


@require_safe
@login_required
def document_versions(request, number, kind):
    case = _case_for(request, number)
    versions = list(case.documents.filter(kind=kind).select_related("uploaded_by").order_by("-version"))
    if not versions:
        raise Http404("no document of this kind")
    staff = handles(request.user, case)
    label = _document_labels(get(case.workflow)).get(kind, kind)
    return render(request, "casework/document_versions.html", {
        "case": case, "label": label,
        "rows": [{"d": d, "by": actor_name(d.uploaded_by, case, staff)} for d in versions],
    })
