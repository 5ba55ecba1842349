"""The technopark's declaration in the service registry (seed 001): its pages, menu entries,
workflows, certificates, procedures, API and demo world. `apps.TechnoparkConfig.ready()`
registers it."""

from __future__ import annotations

import io

from django.utils.translation import gettext_lazy as _

from techpolicy.accounts.roles import SECRETARIAT
from techpolicy.casework.registry import CertificateKind, Link, Role, Service
from techpolicy.law.citation import Citation

from . import presentation, workflows
from .participants import PARTICIPANTS

REGISTRATION = CertificateKind(
    key="technopark.registration",
    prefix="AH-C",
    title={
        "kk": "Технопарк қатысушысын тіркеу туралы куәлік",
        "ru": "Свидетельство о регистрации участника технопарка",
        "en": "Certificate of registration as a technopark participant",
    },
    citation=Citation("001", "18"),
    verify_url="technopark:verify",
    pdf_url="technopark:certificate_pdf",
)
EXTENSION = CertificateKind(
    key="technopark.extension",
    prefix="AH-E",
    title={
        "kk": "Технопарк қатысушысының қатысу мерзімін ұзарту туралы куәлік",
        "ru": "Свидетельство о продлении срока участия в технопарке",
        "en": "Certificate of extension of participation in the technopark",
    },
    citation=Citation("001", "36"),
    verify_url="technopark:verify",
    pdf_url="technopark:certificate_pdf",
)


def load_demo() -> list[str]:
    """The technopark's demo world: the activity-type list first (never over an official list an
    administrator imported), then the cases driven through the workflow, then the logins."""
    from django.core.management import call_command

    from techpolicy.casework.models import ReferenceItem

    from . import demo
    from .law import ACTIVITY_TYPES, activity_types

    lines = []
    if not ReferenceItem.objects.filter(list_key=ACTIVITY_TYPES).exists():
        out = io.StringIO()
        call_command("import_activity_types", stdout=out)
        lines += out.getvalue().splitlines()
    lines += demo.load(sorted(activity_types())[0])
    lines.append(f"Demo logins (password {demo.DEMO_PASSWORD}): admin, secretariat, member1-3, "
                 + ", ".join(c[0] for c in demo.COMPANIES))
    return lines


PRECHECK = Link(_("Eligibility pre-check"), "technopark:precheck")
VERIFY = Link(_("Verify a certificate"), "technopark:verify")

SERVICE = Service(
    key="technopark",
    name=_("Astana Hub technopark"),
    summary=_("Registration of participants, extension, activity change, acceleration and incubation."),
    start="technopark:index",
    urls="techpolicy.services.technopark.urls",
    navigation=(Link(_("Participants"), "technopark:register"), VERIFY, PRECHECK),
    home=(Link(_("Open"), "technopark:index"),
          Link(_("Eligibility pre-check"), "technopark:precheck", style="secondary")),
    registers_links=(Link(_("List of technopark participants"), "technopark:register"), VERIFY),
    apply=(PRECHECK, Link(_("New application to the technopark"), "technopark:apply", style="secondary")),
    workflows=workflows.ALL,
    roles=(Role(SECRETARIAT, _("Technopark secretariat")),),
    verdict_template="technopark/_verdict.html",
    certificate_kinds=(REGISTRATION, EXTENSION),
    registers=(PARTICIPANTS,),
    procedures=("technopark",),
    api="techpolicy.api.technopark:router",
    demo="techpolicy.services.technopark.service:load_demo",
    order=10,
    application=(presentation.PARTICIPATION,),
)
