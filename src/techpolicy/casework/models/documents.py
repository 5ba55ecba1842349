import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def _document_path(instance: "Document", filename: str) -> str:
    # The stored name never reuses the uploaded one: it cannot collide or traverse paths.
    extension = settings.TECHPOLICY_UPLOAD_TYPES.get(instance.content_type, "")
    return f"cases/{instance.case_id}/{uuid.uuid4().hex}{extension}"


class Document(models.Model):
    """A file attached to a case. Versions are kept: each upload of a kind is the next version, a
    replaced file is superseded, never deleted, and stays downloadable."""

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="documents")
    kind = models.CharField(_("document kind"), max_length=60)
    # 1 for the first upload of the kind on the case, then 2, 3, ...: numbered under the case's row
    # lock (`casework.uploads.store`), so uploads racing each other still get consecutive numbers.
    version = models.PositiveIntegerField(_("version"), default=1)
    file = models.FileField(upload_to=_document_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    superseded = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["kind", "-uploaded_at"]
        constraints = [
            models.UniqueConstraint(fields=["case", "kind", "version"], name="one_document_per_kind_version"),
        ]
