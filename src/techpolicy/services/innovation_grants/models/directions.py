"""The priority directions of innovation grants and the list of critical technologies as dated
reference data (law 003: 003.a4.9, 003.a5.9, 003.a10.p3.4, 003.a19.p1.basis1, X.link.forecast).

The items of each version are casework's reference list (`ReferenceItem`, written only through
`casework.reference.publish_reference_list`); a `DirectionsVersion` is what the list does not hold:
the decision that put the version in force, the proposal and the recommendation it answers, and the
forecasting results it rests on, kept as the forecasting service published them (its tables are its
own: X.link.forecast is read through `forecasting.studies.key_technologies`)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DirectionsVersion(models.Model):
    """One version of a list, in force from `valid_from` until the next version of the same kind."""

    PRIORITY_DIRECTIONS, CRITICAL_TECHNOLOGIES = "priority_directions", "critical_technologies"
    KINDS = [
        # Article 4(9): the Government determines the priority directions of innovation grants.
        (PRIORITY_DIRECTIONS, _("priority directions of innovation grants")),
        # Article 10(3)(4): the Council on Technological Policy recommends the critical technologies.
        (CRITICAL_TECHNOLOGIES, _("critical technologies")),
    ]

    kind = models.CharField(_("list"), max_length=24, choices=KINDS)
    valid_from = models.DateField(_("in force from"))
    decision = models.CharField(_("decision (body, number and date)"), max_length=300,
                                help_text=_("The Government's decision that determined the list (article 4(9))."))
    proposal = models.CharField(_("proposal of the authorized body"), max_length=300, blank=True,
                                help_text=_("The authorized body's proposal to the Government (article 5(9))."))
    recommendation = models.CharField(
        _("recommendation of the Council on Technological Policy"), max_length=300,
        help_text=_("The Council's recommendation on the critical technologies and priority directions "
                    "(article 10(3)(4))."))
    # The forecasting results the version rests on (article 19(1)): the approved list of key
    # technologies in force when the version starts, as the forecasting service published it.
    forecast_from = models.DateField(_("key technologies list in force from"))
    forecast_study = models.CharField(_("forecast study"), max_length=40)
    forecast_decision = models.CharField(_("approval of the forecast results"), max_length=300)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("entered by"), on_delete=models.PROTECT,
                                   related_name="+")
    entered_at = models.DateTimeField(_("entered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("version of a list of directions")
        verbose_name_plural = _("versions of lists of directions")
        ordering = ["kind", "-valid_from"]
        constraints = [models.UniqueConstraint(fields=["kind", "valid_from"], name="grants_one_version_per_start")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.valid_from.isoformat()}"

    @property
    def list_key(self) -> str:
        return list_key(self.kind)


def list_key(kind: str) -> str:
    """The casework reference list that holds the items of `kind`."""
    return f"innovation_grants.{kind}"
