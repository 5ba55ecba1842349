from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from techpolicy.casework.models.case import AppendOnlyModel
from techpolicy.forecasting.limits import LimitError, check_observations

from .study import Study, Technology


class IndicatorSeries(models.Model):
    """An imported annual indicator (publications, patents, market volume, ...) for extrapolation
    and the cyclic method (paragraph 8(1), 8(3)). The file it came from is named for the record."""

    study = models.ForeignKey(Study, on_delete=models.PROTECT, related_name="series")
    technology = models.ForeignKey(Technology, null=True, blank=True, on_delete=models.PROTECT, related_name="series")
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    source = models.CharField(_("source of the data"), max_length=300, blank=True)
    file_name = models.CharField(max_length=200)
    years = models.JSONField()
    values = models.JSONField()
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("indicator series")
        verbose_name_plural = _("indicator series")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["study", "name"], name="unique_series_name")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        # The bounds of every entry point (forecasting.limits), also for a record written another way.
        try:
            check_observations(self.years, self.values)
        except LimitError as exc:
            raise ValidationError({"years" if exc.field == "year" else "values": exc.message}) from None


class ForecastCorrection(AppendOnlyModel):
    """An expert's correction of a trend forecast (paragraph 8(1)): author, reason and both values."""

    append_only_name = "correction log"

    series = models.ForeignKey(IndicatorSeries, on_delete=models.PROTECT, related_name="corrections")
    year = models.PositiveSmallIntegerField(_("year"))
    model = models.CharField(max_length=20)
    fitted = models.FloatField()
    corrected = models.FloatField(_("corrected value"))
    reason = models.TextField(_("reason"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("forecast correction")
        verbose_name_plural = _("forecast corrections")
        ordering = ["at", "pk"]

    def model_label(self) -> str:
        """The trend model the correction was made on, named in the page's language."""
        from ..evidence import MODEL_LABELS  # late: the evidence module imports these models

        return str(MODEL_LABELS.get(self.model, self.model))
