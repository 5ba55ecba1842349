from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

bin_validator = RegexValidator(r"^\d{12}$", _("A BIN has exactly 12 digits."))


class Organisation(models.Model):
    """An applicant organisation (legal entity); its users act for it."""

    name = models.CharField(_("name"), max_length=300)
    bin = models.CharField(
        _("BIN"), max_length=12, unique=True, null=True, blank=True, validators=[bin_validator]
    )
    country = models.CharField(_("country"), max_length=2, default="KZ")
    city = models.CharField(_("city"), max_length=120, blank=True)
    website = models.URLField(_("web site"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


# The languages a person reads notices and answers questionnaires in, each named in itself.
LANGUAGES = [("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")]


class User(AbstractUser):
    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="users")
    language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=LANGUAGES,
        default="kk",
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
