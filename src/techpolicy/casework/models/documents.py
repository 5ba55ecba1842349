import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def _document_path(instance: "Document", filename: str) -> str:
    # The stored name never reuses the uploaded one: it cannot collide or traverse paths.
    extension = settings.TECHPOLICY_UPLOAD_TYPES.get(instance.content_type, "")
    return f"cases/{instance.case_id}/{uuid.uuid4().hex}{extension}"


class Document(models.Model):
    """A file attached to a case. Versions are kept: a replaced file is superseded, not deleted."""

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="documents")
    kind = models.CharField(_("document kind"), max_length=60)
    file = models.FileField(upload_to=_document_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    superseded = models.BooleanField(default=False)

    class Meta:
        ordering = ["kind", "-uploaded_at"]
