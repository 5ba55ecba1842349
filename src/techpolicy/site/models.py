"""Records of the site itself (not of any service)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AnonymousWriteCount(models.Model):
    """How many writes (POST, PUT, PATCH, DELETE) one client network sent without signing in during
    one fixed window (`site.throttle`). Kept in the database, not in process memory, so that every
    web process and worker counts against the same limit; rows of past windows are deleted."""

    key = models.CharField(_("client network"), max_length=64)
    window = models.BigIntegerField(_("time window"),
                                    help_text="Start of the window, in whole windows since the Unix epoch.")
    count = models.PositiveIntegerField(_("number of writes"), default=0)

    class Meta:
        verbose_name = _("anonymous write counter")
        verbose_name_plural = _("anonymous write counters")
        constraints = [models.UniqueConstraint(fields=["key", "window"], name="site_anon_write_once_per_window")]
        indexes = [models.Index(fields=["window"], name="site_anon_write_window")]

    def __str__(self) -> str:
        return f"{self.key} @ {self.window}: {self.count}"


class SubmittedForm(models.Model):
    """The token of a form that was taken (`site.once`): its unique key lets only the first of
    several identical posts create a record. Tokens older than two days are deleted."""

    token = models.CharField(_("form token"), max_length=32, unique=True)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("submitted form")
        verbose_name_plural = _("submitted forms")

    def __str__(self) -> str:
        return self.token
