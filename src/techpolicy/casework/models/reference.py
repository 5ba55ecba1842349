from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferenceItem(models.Model):
    """An item of a reference list maintained by administrators, with its source.

    Example: a list of priority activity types an order of the ministry approves, list key
    "<service>.activity_types". `sample` marks items shipped as a sample, not the official list.
    A list that is replaced over time (the key technologies of seed 000 p.13) keeps its earlier
    items with `valid_until` set, so the same code may appear once per `valid_from`.
    """

    list_key = models.CharField(_("reference list"), max_length=60, db_index=True)
    code = models.CharField(_("code"), max_length=40)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=500)
    name_ru = models.CharField(_("name (Russian)"), max_length=500)
    name_en = models.CharField(_("name (English)"), max_length=500)
    source = models.TextField(_("source"))
    sample = models.BooleanField(_("sample item"), default=False)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        verbose_name = _("reference list item")
        verbose_name_plural = _("reference list items")
        ordering = ["list_key", "code"]
        constraints = [
            models.UniqueConstraint(fields=["list_key", "code", "valid_from"], name="unique_reference_code_from")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name_en}"

    def name(self, lang: str) -> str:
        return getattr(self, f"name_{lang}", "") or self.name_en


class ParameterEntry(models.Model):
    """A dated parameter value entered by an administrator (a new MCI, a publication date the
    source does not give, ...). It overrides the shipped value from its start date on."""

    name = models.CharField(_("parameter"), max_length=120, db_index=True)
    start = models.DateField(_("in force from"))
    value = models.CharField(_("value"), max_length=200)
    citation = models.CharField(_("legal basis"), max_length=300)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("entered by"), null=True,
                                   on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(_("entered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("parameter value")
        verbose_name_plural = _("parameter values")
        ordering = ["name", "start"]
        constraints = [models.UniqueConstraint(fields=["name", "start"], name="one_parameter_value_per_start")]


class DayTransferEntry(models.Model):
    """A decreed transfer of a day off or working day (Government resolution of that year)."""

    day = models.DateField(_("day"), unique=True)
    working = models.BooleanField(_("is a working day"))
    decree = models.CharField(_("decree"), max_length=300)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("entered by"), null=True,
                                   on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(_("entered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("transferred day")
        verbose_name_plural = _("transferred days")
        ordering = ["day"]


class Notification(models.Model):
    """Every notice sent (or to be sent) to a person about a case; the task marks it sent."""

    case = models.ForeignKey("casework.Case", verbose_name=_("case"), null=True, on_delete=models.PROTECT,
                             related_name="notifications")
    recipient = models.EmailField(_("recipient"))
    language = models.CharField(_("language"), max_length=2)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at"]
