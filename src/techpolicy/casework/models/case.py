from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(RuntimeError):
    pass


class Case(models.Model):
    """One application or procedure, moving through the states of its service's workflow."""

    number = models.CharField(_("case number"), max_length=32, unique=True)
    workflow = models.CharField(_("service"), max_length=64, db_index=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="cases"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="cases_created"
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("parent case"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    state = models.CharField(_("state"), max_length=40, db_index=True)
    state_entered_at = models.DateTimeField(_("in this state since"))
    # The deadline of the current state, derived from the log and the calendar when the state
    # was entered, kept here so the overdue list is one indexed query.
    due_on = models.DateField(_("deadline"), null=True, blank=True, db_index=True)
    due_rule = models.JSONField(_("deadline rule"), null=True, blank=True)
    # Optimistic concurrency: each transition increments it; a form posted with an older version
    # is refused instead of overwriting a colleague's action.
    version = models.PositiveIntegerField(_("version"), default=1)
    facts = models.JSONField(_("application data"), default=dict, blank=True)
    # The pre-check verdict stored at submission.
    verdict = models.JSONField(_("automatic verdict"), null=True, blank=True)
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    # What the case is about among its organisation's cases of the workflow (`Workflow.one_open_per`),
    # and whether it is still open (False once it entered a final state). Both are kept by the engine;
    # the constraint below lets the database, not a read-then-write check, refuse a second open case
    # on one subject. NULL subject: the rules allow several open cases (NULLs never collide).
    subject = models.CharField(_("subject of the case"), max_length=100, null=True, blank=True, editable=False)
    open = models.BooleanField(_("open"), default=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["workflow", "state"])]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "workflow", "subject"], condition=Q(open=True),
                                    name="one_open_case_per_subject"),
        ]

    def __str__(self) -> str:
        return self.number


class CaseNumberCounter(models.Model):
    """The last sequence number given out per case prefix and year. The engine increments it with one
    UPDATE inside the transaction that creates the case: the row lock makes concurrent creations
    queue for their number instead of computing max()+1 and colliding, and a creation that is rolled
    back gives its number back, so numbers stay consecutive."""

    prefix = models.CharField(max_length=24)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("case number counter")
        verbose_name_plural = _("case number counters")
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="one_counter_per_prefix_year")]

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year}: {self.last}"


class AppendOnlyQuerySet(models.QuerySet):
    """Bulk updates and deletes would rewrite history behind the model's back: refuse them."""

    def update(self, **kwargs):
        raise AppendOnlyError(f"the {self.model.append_only_name} is append-only")

    def delete(self):
        raise AppendOnlyError(f"the {self.model.append_only_name} is append-only")


class AppendOnlyModel(models.Model):
    """A record that is written once and never changed or deleted (a log, a ledger)."""

    append_only_name = "log"

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError(f"the {self.append_only_name} is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"the {self.append_only_name} is append-only")


class Transition(AppendOnlyModel):
    """Append-only log of what happened to a case: who, when, from, to, why."""

    append_only_name = "transition log"

    case = models.ForeignKey(Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="transitions")
    action = models.CharField(_("action"), max_length=40)
    from_state = models.CharField(_("from state"), max_length=40, blank=True)
    to_state = models.CharField(_("to state"), max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("when"))
    on_date = models.DateField(_("local date"))  # the local (Asia/Almaty) date deadlines are counted from
    reason = models.TextField(_("reason"), blank=True)
    payload = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("case transition")
        verbose_name_plural = _("case transitions")
        ordering = ["at", "pk"]


class Remark(models.Model):
    """A remark of the secretariat on an incomplete application, and the applicant's answer."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="remarks")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("remark"))
    created_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("remark")
        verbose_name_plural = _("remarks")
        ordering = ["created_at"]
