from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .case import AppendOnlyModel, Case


class CaseEvent(AppendOnlyModel):
    """What happened to a case besides its transitions: a document attached, the application's
    facts edited. Append-only like the transition log; the case page merges both into one history.
    The row keeps codes and numbers only, so the history reads in the language of whoever opens it."""

    append_only_name = "case event log"

    DOCUMENT_UPLOADED = "document_uploaded"
    FACTS_EDITED = "facts_edited"
    KINDS = [(DOCUMENT_UPLOADED, DOCUMENT_UPLOADED), (FACTS_EDITED, FACTS_EDITED)]

    case = models.ForeignKey(Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(_("event"), max_length=40, choices=KINDS)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.PROTECT,
                              related_name="+")
    at = models.DateTimeField(_("when"))
    document = models.ForeignKey("casework.Document", verbose_name=_("document"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    # For an edit: the case version it produced and the top-level facts it changed.
    detail = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
