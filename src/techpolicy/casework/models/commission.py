from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Commission(models.Model):
    """A commission (e.g. the technopark selection commission, "іріктеу жөніндегі комиссия").

    Quorum and majority come from the commission's own regulations, which the seed leaves to the
    technopark (paragraph 13): they are data entered by the administrator, not constants.
    """

    MAJORITY_SIMPLE = "simple"  # more than half of the votes cast
    MAJORITY_ABSOLUTE = "absolute"  # more than half of all active members
    MAJORITY_TWO_THIRDS = "two_thirds"  # at least two thirds of the votes cast
    MAJORITY_CHOICES = [
        (MAJORITY_SIMPLE, _("more than half of the votes cast")),
        (MAJORITY_ABSOLUTE, _("more than half of all members")),
        (MAJORITY_TWO_THIRDS, _("at least two thirds of the votes cast")),
    ]

    key = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    quorum = models.PositiveSmallIntegerField(
        _("quorum (members who must vote)"), help_text=_("From the commission's regulations.")
    )
    majority = models.CharField(_("majority rule"), max_length=20, choices=MAJORITY_CHOICES)
    regulations = models.CharField(_("regulations (document)"), max_length=300, blank=True)

    def __str__(self) -> str:
        return self.name


class CommissionMember(models.Model):
    commission = models.ForeignKey(Commission, on_delete=models.PROTECT, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="memberships")
    full_name = models.CharField(_("full name"), max_length=200)
    position = models.CharField(_("position and organisation"), max_length=300, blank=True)
    country = models.CharField(_("country"), max_length=2, default="KZ")
    state_body_representative = models.BooleanField(_("represents a state body"), default=False)
    qualified_it_specialist = models.BooleanField(_("qualified IT specialist"), default=False)
    ict_experience_years = models.DecimalField(
        _("years of experience in ICT"), max_digits=4, decimal_places=1, default=0
    )
    international_expert = models.BooleanField(_("international expert"), default=False)
    active = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["commission", "user"], name="one_membership_per_commission")
        ]

    def __str__(self) -> str:
        return self.full_name


class Vote(models.Model):
    VOTE_FOR, VOTE_AGAINST, VOTE_ABSTAIN = "for", "against", "abstain"
    CHOICES = [(VOTE_FOR, _("for")), (VOTE_AGAINST, _("against")), (VOTE_ABSTAIN, _("abstain"))]

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="votes")
    member = models.ForeignKey(CommissionMember, on_delete=models.PROTECT, related_name="votes")
    round = models.PositiveSmallIntegerField(default=1)  # the case's n-th time on the agenda
    value = models.CharField(_("vote"), max_length=10, choices=CHOICES)
    reason = models.TextField(_("reason"))
    cast_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "member", "round"], name="one_vote_per_member_per_round")
        ]


class Decision(models.Model):
    """The decision on a case with its legal basis, the tally and the verdict it rests on."""

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="decisions")
    kind = models.CharField(max_length=40)  # e.g. "admission", "activity_change", "termination"
    outcome = models.CharField(max_length=20)  # "approved" | "refused"
    basis = models.JSONField()  # citation(s)
    tally = models.JSONField(default=dict)
    verdict = models.JSONField(null=True, blank=True)
    minutes = models.TextField(blank=True)
    decided_at = models.DateTimeField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-decided_at"]
