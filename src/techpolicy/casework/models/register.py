from django.db import models
from django.utils.translation import gettext_lazy as _


class Contract(models.Model):
    """Contract on the conditions of activity signed with an admitted applicant."""

    case = models.OneToOneField("casework.Case", on_delete=models.PROTECT, related_name="contract")
    number = models.CharField(_("contract number"), max_length=60)
    signed_on = models.DateField(_("signed on"))
    valid_from = models.DateField(_("participation from"))
    valid_until = models.DateField(_("participation until"))


class Certificate(models.Model):
    KIND_REGISTRATION = "registration"  # Annex 1 (form not in the seed)
    KIND_EXTENSION = "extension"  # Annex 2 (form not in the seed)

    number = models.CharField(_("certificate number"), max_length=40, unique=True)
    kind = models.CharField(max_length=20, default=KIND_REGISTRATION)
    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="certificates")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="certificates")
    issued_on = models.DateField(_("issued on"))
    valid_from = models.DateField()
    valid_until = models.DateField()
    revoked_on = models.DateField(null=True, blank=True)
    activity_types = models.JSONField(default=list)

    class Meta:
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return self.number


class RegisterEntry(models.Model):
    """An entry in a public register (e.g. the list of technopark participants, paragraph 20-21)."""

    STATUS_ACTIVE, STATUS_TERMINATED, STATUS_EXPIRED = "active", "terminated", "expired"
    STATUS_CHOICES = [
        (STATUS_ACTIVE, _("active")),
        (STATUS_TERMINATED, _("terminated early")),
        (STATUS_EXPIRED, _("expired")),
    ]

    register = models.CharField(max_length=40, db_index=True)  # e.g. "technopark.participants"
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="register_entries")
    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="register_entries")
    certificate = models.ForeignKey(Certificate, null=True, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=300, db_index=True)  # as published
    bin = models.CharField(max_length=12, blank=True, db_index=True)
    activity_types = models.JSONField(default=list)
    entered_on = models.DateField(db_index=True)
    valid_from = models.DateField()
    valid_until = models.DateField()
    status = models.CharField(max_length=12, choices=STATUS_CHOICES, default=STATUS_ACTIVE, db_index=True)
    ended_on = models.DateField(null=True, blank=True)
    end_basis = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]
        # Covers the published list: filter by register, status and end date, ordered by name,
        # so both the page and its count are read from the index alone.
        indexes = [models.Index(fields=["register", "status", "name", "valid_until"])]
