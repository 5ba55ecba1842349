from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from techpolicy.casework.models.case import AppendOnlyModel
from techpolicy.forecasting.limits import MAX_YEAR

PREPARATORY, MAIN, FINAL, SUBMITTED, APPROVED = "preparatory", "main", "final", "submitted", "approved"
# Paragraph 9 names three stages; the last two record paragraph 12(4) (submission to the HSTC)
# and paragraph 13(1) (the list of key technologies approved from the results).
STAGES = [
    (PREPARATORY, _("Preparatory stage")),
    (MAIN, _("Main stage")),
    (FINAL, _("Final stage")),
    (SUBMITTED, _("Submitted to the HSTC")),
    (APPROVED, _("Results approved")),
]
PLAN_STAGES = STAGES[:3]  # the thematic plan covers the three stages of paragraph 9

FIRST_HORIZON_YEAR = 2000

METHODS = [
    ("extrapolation", _("Linear extrapolation with expert correction")),
    ("foresight", _("Foresight (Delphi survey)")),
    ("cyclic", _("Cyclic regularities")),
]


class StudyQuerySet(models.QuerySet):
    def search(self, text: str) -> StudyQuerySet:
        """Studies whose number, title, direction or organising body contain `text` (all when blank)."""
        text = text.strip()
        if not text:
            return self
        return self.filter(models.Q(number__icontains=text) | models.Q(title__icontains=text)
                           | models.Q(direction__icontains=text) | models.Q(organising_body__icontains=text))


class Study(models.Model):
    """A technology forecast ("технологиялық болжау") organised by a state body (paragraph 3)."""

    number = models.CharField(_("study number"), max_length=32, unique=True)
    title = models.CharField(_("title"), max_length=300)
    direction = models.CharField(_("sector or technology direction"), max_length=300)
    covered_sectors = models.JSONField(_("covered sectors"), default=list)
    # The study form has offered 2000..2100 from the start; the model holds every other entry point to it
    # (2100 is forecasting.limits.MAX_YEAR, the last year a series or a forecast may reach).
    horizon_year = models.PositiveSmallIntegerField(_("forecast horizon (year)"), validators=[
        MinValueValidator(FIRST_HORIZON_YEAR), MaxValueValidator(MAX_YEAR)])
    organising_body = models.CharField(_("organising state body"), max_length=300)
    methods = models.JSONField(_("forecasting methods"), default=list)
    stage = models.CharField(_("stage"), max_length=20, choices=STAGES, default=PREPARATORY, db_index=True)
    version = models.PositiveIntegerField(default=1)  # optimistic lock for stage changes and settings
    weighted = models.BooleanField(_("weight Delphi answers by self-assessed competence"), default=False)
    # Per-study settings of the methods (the methodology sets no numbers): stop rule of the
    # Delphi rounds, ranking criteria weights, scenario assumptions, SWOT thresholds.
    stop_rule = models.JSONField(default=dict, blank=True)
    ranking_weights = models.JSONField(default=dict, blank=True)
    scenario_assumptions = models.JSONField(default=dict, blank=True)
    swot_thresholds = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = StudyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("forecast study")
        verbose_name_plural = _("forecast studies")

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def technology_names(self, lang: str) -> dict[str, str]:
        """Code -> name in `lang` of every candidate technology."""
        return {t.code: t.name(lang) for t in self.technologies.all()}

    def clean(self):
        unknown = set(self.methods) - {m for m, _label in METHODS}
        if unknown:
            raise ValidationError({"methods": _("Unknown method: %s") % ", ".join(sorted(unknown))})


class StageChange(AppendOnlyModel):
    """Append-only log of a study's stages: who moved it, when, why, and the verdict that allowed it."""

    append_only_name = "stage log"

    study = models.ForeignKey(Study, on_delete=models.PROTECT, related_name="stage_changes")
    from_stage = models.CharField(max_length=20, blank=True)
    to_stage = models.CharField(max_length=20)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(blank=True)
    verdict = models.JSONField(null=True, blank=True)
    payload = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        ordering = ["at", "pk"]


class PlanActivity(models.Model):
    """A line of the thematic plan (paragraph 10(4)): per stage and activity, the methods, the
    kind of work and its time frame; `done_on` records progress."""

    study = models.ForeignKey(Study, on_delete=models.PROTECT, related_name="plan")
    stage = models.CharField(_("stage"), max_length=20, choices=PLAN_STAGES)
    activity = models.CharField(_("activity"), max_length=300)
    methods = models.JSONField(_("methods"), default=list, blank=True)
    kind_of_work = models.CharField(_("kind of work"), max_length=300)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("plan activity")
        verbose_name_plural = _("plan activities")
        ordering = ["starts_on", "pk"]

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The activity cannot end before it starts.")})
        if self.done_on and self.starts_on and self.done_on < self.starts_on:
            raise ValidationError({"done_on": _("The activity cannot be done before it starts.")})

    def method_labels(self) -> list[str]:
        """The methods by their names in the page's language; the stored codes are keys, not text."""
        names = dict(METHODS)
        return [str(names.get(code, code)) for code in self.methods]


class Technology(models.Model):
    """A candidate technology the study assesses; the key ones are chosen from these (paragraph 11(7))."""

    study = models.ForeignKey(Study, on_delete=models.PROTECT, related_name="technologies")
    code = models.CharField(_("code"), max_length=40)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=300, blank=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=300, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    sector = models.CharField(_("sector"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("technology")
        verbose_name_plural = _("technologies")
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["study", "code"], name="unique_technology_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.name('en')}"

    def name(self, lang: str) -> str:
        return getattr(self, f"name_{lang}", "") or self.name_kk or self.name_ru or self.name_en or self.code

    def clean(self):
        if not (self.name_kk or self.name_ru or self.name_en):
            raise ValidationError(_("Give the technology a name in at least one language."))
