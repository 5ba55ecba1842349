"""The pool of experts of the independent economic and technological expertise (article 27(2),
third indent: domestic and foreign experts), their ties to organisations and the interests they
declare. Hard conflicts are computed from the ties (`conflicts`); a declared interest is one the
expert states."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

COUNTRY = RegexValidator(r"^[A-Z]{2}$", _("A country is its two-letter ISO code, e.g. KZ or DE."))
MAX_FIELDS = 50
MAX_CAPACITY = 200


class Expert(models.Model):
    """An expert of the pool: a person with an account, the country of residence that makes the expert
    domestic (KZ) or foreign, the fields (codes of priority directions and key technologies) and how
    many applications the expert can take at once."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.PROTECT,
                                related_name="grant_expert")
    country = models.CharField(_("country"), max_length=2, validators=[COUNTRY])
    fields = models.JSONField(_("fields"), default=list, blank=True,
                              help_text=_("Codes of the priority directions and key technologies the expert covers."))
    capacity = models.PositiveSmallIntegerField(_("applications at once, at most"), default=10,
                                                validators=[MinValueValidator(0), MaxValueValidator(MAX_CAPACITY)])
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["user__last_name", "user__first_name", "pk"]
        verbose_name = _("grant expert")
        verbose_name_plural = _("grant experts")
        # Domestic or foreign is read from the code (article 27(2), third indent): a malformed one
        # written past the form's validator would break every assignment, so the database refuses it.
        constraints = [models.CheckConstraint(condition=Q(country__regex=r"^[A-Z]{2}$"),
                                              name="grants_expert_country_code")]

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.get_username()

    @property
    def domestic(self) -> bool:
        return self.country == "KZ"


class Tie(models.Model):
    """An expert's tie to an organisation that makes the expert conflicted with its applications:
    employee, owner or founder (a hard conflict, computed; it needs no declaration)."""

    EMPLOYEE, OWNER, FOUNDER = "employee", "owner", "founder"
    KINDS = [(EMPLOYEE, _("employee")), (OWNER, _("owner")), (FOUNDER, _("founder"))]

    expert = models.ForeignKey(Expert, verbose_name=_("expert"), on_delete=models.CASCADE, related_name="ties")
    organisation = models.ForeignKey("accounts.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT,
                                     related_name="+")
    kind = models.CharField(_("tie"), max_length=10, choices=KINDS)

    class Meta:
        verbose_name = _("tie to an organisation")
        verbose_name_plural = _("ties to organisations")
        constraints = [models.UniqueConstraint(fields=["expert", "organisation", "kind"],
                                               name="grants_one_tie_of_a_kind")]


class DeclaredInterest(models.Model):
    """An interest the expert declares: in an organisation (every application of it) or in one
    application. A declared interest excludes the expert exactly as a computed conflict does."""

    expert = models.ForeignKey(Expert, verbose_name=_("expert"), on_delete=models.CASCADE, related_name="interests")
    organisation = models.ForeignKey("accounts.Organisation", verbose_name=_("organisation"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey("casework.Case", verbose_name=_("application"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="+")
    statement = models.TextField(_("statement"), max_length=2_000)
    declared_at = models.DateTimeField(_("declared at"), auto_now_add=True)

    class Meta:
        ordering = ["-declared_at"]
        verbose_name = _("declared interest")
        verbose_name_plural = _("declared interests")
        constraints = [models.CheckConstraint(condition=Q(organisation__isnull=False) | Q(case__isnull=False),
                                              name="grants_interest_names_whom")]
