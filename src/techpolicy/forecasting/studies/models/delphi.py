from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from techpolicy.casework.models.case import AppendOnlyModel

from .panel import Membership
from .study import Study, Technology

# The questions asked per technology (issue: importance, year of practical use, the level of
# Kazakhstan against leader and competitor countries of paragraph 11(6), barriers). Scales are
# the study instrument's, not the law's: importance 1-5 (Likert), levels -2 (far behind) .. +2 (ahead).
IMPORTANCE = (1, 5)
LEVEL = (-2, 2)
COMPETENCE = (1, 5)
YEAR = (2000, 2100)
BARRIERS = [
    ("funding", _("Lack of funding")),
    ("skills", _("Lack of qualified staff")),
    ("regulation", _("Regulation and standards")),
    ("infrastructure", _("Research and industrial infrastructure")),
    ("demand", _("Weak domestic demand")),
    ("access", _("Restricted access to the technology")),
]
QUESTIONS = ("importance", "year", "level_vs_leader", "level_vs_competitor")


class Round(models.Model):
    """A round of the Delphi survey (paragraph 8(2)); answers are accepted only while it is open."""

    study = models.ForeignKey(Study, on_delete=models.PROTECT, related_name="rounds")
    number = models.PositiveSmallIntegerField()
    opened_at = models.DateTimeField(auto_now_add=True)
    closes_on = models.DateField(_("closes on"))
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Delphi round")
        verbose_name_plural = _("Delphi rounds")
        ordering = ["study", "number"]
        constraints = [models.UniqueConstraint(fields=["study", "number"], name="unique_round_number")]

    def __str__(self) -> str:
        return f"{self.study.number} round {self.number}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Response(AppendOnlyModel):
    """One expert's submitted questionnaire in one round; a second submission is refused."""

    append_only_name = "Delphi response"

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="responses")
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="responses")
    submitted_at = models.DateTimeField(auto_now_add=True)
    language = models.CharField(max_length=2)

    class Meta:
        verbose_name = _("Delphi response")
        verbose_name_plural = _("Delphi responses")
        ordering = ["submitted_at"]
        constraints = [models.UniqueConstraint(fields=["round", "membership"], name="one_response_per_round")]


class Answer(AppendOnlyModel):
    """The answers about one technology in a response."""

    append_only_name = "Delphi response"

    response = models.ForeignKey(Response, on_delete=models.PROTECT, related_name="answers")
    technology = models.ForeignKey(Technology, on_delete=models.PROTECT, related_name="answers")
    importance = models.PositiveSmallIntegerField(validators=[MinValueValidator(IMPORTANCE[0]),
                                                              MaxValueValidator(IMPORTANCE[1])])
    year = models.PositiveSmallIntegerField(validators=[MinValueValidator(YEAR[0]), MaxValueValidator(YEAR[1])])
    level_vs_leader = models.SmallIntegerField(validators=[MinValueValidator(LEVEL[0]), MaxValueValidator(LEVEL[1])])
    level_vs_competitor = models.SmallIntegerField(validators=[MinValueValidator(LEVEL[0]),
                                                               MaxValueValidator(LEVEL[1])])
    barriers = models.JSONField(default=list, blank=True)
    competence = models.PositiveSmallIntegerField(validators=[MinValueValidator(COMPETENCE[0]),
                                                              MaxValueValidator(COMPETENCE[1])])
    comment = models.TextField(blank=True)

    class Meta:
        verbose_name = _("answer on a technology")
        verbose_name_plural = _("answers on technologies")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["response", "technology"], name="one_answer_per_technology")]
