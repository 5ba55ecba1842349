"""Validation and storage of uploaded documents: size and type limits, content sniffing, a check that
the file opens as its type (`document_checks`), a version number per kind and the upload event."""

import hashlib

from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .document_checks import UnreadableFile, check
from .models import Case, CaseEvent, Document
from .workflow import get

# Magic numbers of the accepted types: the declared content type is not trusted.
_SIGNATURES = {
    "application/pdf": (b"%PDF-",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
}


class UploadError(ValueError):
    pass


def sniff(head: bytes) -> str | None:
    for content_type, signatures in _SIGNATURES.items():
        if content_type in settings.TECHPOLICY_UPLOAD_TYPES and head.startswith(signatures):
            return content_type
    return None


def store(case, kind: str, upload, user) -> Document:
    limit = settings.TECHPOLICY_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise UploadError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    if upload.size == 0:
        raise UploadError(_("The file is empty."))
    head = upload.read(16)
    upload.seek(0)
    content_type = sniff(head)
    if content_type is None:
        raise UploadError(_("Only PDF, PNG and JPEG files are accepted; this file is none of them."))
    try:
        check(upload, content_type)
    except UnreadableFile as unreadable:
        raise UploadError(str(unreadable)) from None
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    document = Document(
        case=case, kind=kind, original_name=upload.name[:255], content_type=content_type,
        size=upload.size, sha256=digest.hexdigest(), uploaded_by=user,
    )
    document.file.save("upload", upload, save=False)
    # One current document per kind even when uploads of one kind race (issue 8, finding 2): the
    # case's row lock queues them, each superseding the one committed before it and taking the next
    # version number. The state is read again under the lock: an upload racing the withdrawal or
    # closing of the case is refused.
    with transaction.atomic():
        locked = Case.objects.select_for_update().only("pk", "workflow", "state").get(pk=case.pk)
        if get(locked.workflow).state(locked.state).final:
            document.file.delete(save=False)
            raise UploadError(_("The case is closed; documents can no longer be attached."))
        previous = case.documents.filter(kind=kind).order_by("-version").values_list("version", flat=True).first()
        document.version = (previous or 0) + 1
        case.documents.filter(kind=kind, superseded=False).update(superseded=True)
        document.save()
        CaseEvent.objects.create(case_id=case.pk, kind=CaseEvent.DOCUMENT_UPLOADED, actor=user,
                                 at=document.uploaded_at, document=document, detail={"version": document.version})
    return document
