"""The application as submitted, read-only: the printable page and its PDF. Whoever may see the
case page may see these (`views._case_for`); anyone else is refused."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation

from .application_pdf import application_pdf
from .downloads import _part
from .kit.presentation import application
from .registry import presentation
from .views import _case_for
from .workflow import get


def shown(case) -> dict | None:
    """The nodes of the case's application (None when its service declares no presentation)."""
    return application(case, presentation(case.workflow))


@login_required
def application_page(request, number):
    case = _case_for(request, number)
    return render(request, "casework/application.html", {"case": case, "workflow": get(case.workflow)})


@login_required
def application_document(request, number):
    case = _case_for(request, number)
    lang = translation.get_language() or "kk"
    response = HttpResponse(application_pdf(case, get(case.workflow), shown(case), lang),
                            content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{_part(case.number, "case")}-application.pdf"'
    return response
