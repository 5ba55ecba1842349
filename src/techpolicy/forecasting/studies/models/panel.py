import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from techpolicy.accounts.models import LANGUAGES

from .study import Study

EXPERT_GROUP, WORKING_GROUP = "expert", "working"
GROUPS = [(EXPERT_GROUP, _("Expert group")), (WORKING_GROUP, _("Working group"))]
INVITED, ACCEPTED, DECLINED = "invited", "accepted", "declined"
STATUSES = [(INVITED, _("Invited")), (ACCEPTED, _("Accepted")), (DECLINED, _("Declined"))]

country_validator = RegexValidator(r"^[A-Z]{2}$", _("A country is a two-letter ISO code, e.g. KZ, DE, KR."))


class Expert(models.Model):
    """A domestic or foreign expert (paragraphs 5 and 10(1)); the same person may serve several studies."""

    full_name = models.CharField(_("full name"), max_length=300)
    email = models.EmailField(_("e-mail"), unique=True)
    country = models.CharField(_("country"), max_length=2, validators=[country_validator])
    organisation = models.CharField(_("organisation"), max_length=300)
    fields = models.JSONField(_("fields of expertise"), default=list)
    experience_years = models.PositiveSmallIntegerField(
        _("years of experience"), null=True, blank=True, validators=[MaxValueValidator(80)]
    )
    language = models.CharField(_("language of answers"), max_length=2, choices=LANGUAGES, default="kk")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="expert"
    )

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name

class Membership(models.Model):
    """An expert's place in one study's working or expert group, from invitation to acceptance.

    Analysts see the `pseudonym`, never the name, next to answers; the conflict-of-interest
    declaration is made when the invitation is accepted."""

    study = models.ForeignKey(Study, on_delete=models.PROTECT, related_name="memberships")
    expert = models.ForeignKey(Expert, on_delete=models.PROTECT, related_name="memberships")
    group = models.CharField(_("group"), max_length=10, choices=GROUPS, default=EXPERT_GROUP)
    pseudonym = models.CharField(max_length=20)
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, default=INVITED)
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    invited_at = models.DateTimeField(auto_now_add=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    no_conflict = models.BooleanField(_("I declare no conflict of interest"), default=False)
    conflicts = models.TextField(_("conflicts of interest declared"), blank=True)

    class Meta:
        verbose_name = _("study expert")
        verbose_name_plural = _("study experts")
        ordering = ["pseudonym"]
        constraints = [
            models.UniqueConstraint(fields=["study", "expert"], name="one_membership_per_study"),
            models.UniqueConstraint(fields=["study", "pseudonym"], name="unique_pseudonym_per_study"),
        ]

    def __str__(self) -> str:
        return f"{self.study.number} {self.pseudonym}"
