"""Records of the site itself (not of any service)."""

from django.db import models


class AnonymousWriteCount(models.Model):
    """How many writes (POST, PUT, PATCH, DELETE) one client network sent without signing in during
    one fixed window (`site.throttle`). Kept in the database, not in process memory, so that every
    web process and worker counts against the same limit; rows of past windows are deleted."""

    key = models.CharField(max_length=64)
    window = models.BigIntegerField(help_text="Start of the window, in whole windows since the Unix epoch.")
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "window"], name="site_anon_write_once_per_window")]
        indexes = [models.Index(fields=["window"], name="site_anon_write_window")]

    def __str__(self) -> str:
        return f"{self.key} @ {self.window}: {self.count}"


class SubmittedForm(models.Model):
    """The token of a form that was taken (`site.once`): its unique key lets only the first of
    several identical posts create a record. Tokens older than two days are deleted."""

    token = models.CharField(max_length=32, unique=True)
    submitted_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return self.token
