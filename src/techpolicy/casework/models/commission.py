"""Commissions and what they produce: members with their qualifications, the roll of the members
entitled to vote in each round, votes, recusals, decisions and recommendations."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

REASON_MAX = 4000  # a vote's or a recusal's reason: about a page, plenty for a sentence of grounds


class Commission(models.Model):
    """A commission (e.g. a selection commission, "іріктеу жөніндегі комиссия"; the
    Higher Scientific and Technical Commission, "ЖҒТК").

    Quorum and majority come from the commission's own regulations, which the acts leave to the
    body that sets it up (001 p.13): the administrator enters them; until then they are empty and
    no decision can follow from the votes. `composition` names the law-layer procedure that judges
    the members (`techpolicy.law.procedure.catalogue()`), and each member's `qualifications` are the
    facts of that procedure's member model."""

    MAJORITY_SIMPLE = "simple"  # more than half of the votes cast
    MAJORITY_ABSOLUTE = "absolute"  # more than half of the entitled members, less those who recused
    MAJORITY_TWO_THIRDS = "two_thirds"  # at least two thirds of the votes cast
    MAJORITY_CHOICES = [
        (MAJORITY_SIMPLE, _("more than half of the votes cast")),
        (MAJORITY_ABSOLUTE, _("more than half of the members entitled to vote, less those who recused")),
        (MAJORITY_TWO_THIRDS, _("at least two thirds of the votes cast")),
    ]
    QUORUM_COUNT = "count"  # a fixed number of members take part
    QUORUM_HALF = "half"  # at least half of the entitled members, less those who recused, take part
    QUORUM_TWO_THIRDS = "two_thirds"  # at least two thirds of them take part
    QUORUM_CHOICES = [
        (QUORUM_COUNT, _("a fixed number of members take part")),
        (QUORUM_HALF, _("at least half of the members entitled to vote, less those who recused, take part")),
        (QUORUM_TWO_THIRDS,
         _("at least two thirds of the members entitled to vote, less those who recused, take part")),
    ]

    key = models.SlugField(_("key"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    composition = models.CharField(
        _("composition rules"), max_length=100, blank=True,
        help_text=_("The procedure of the law that judges the members' qualifications."))
    majority = models.CharField(_("majority rule"), max_length=20, choices=MAJORITY_CHOICES, blank=True,
                                help_text=_("From the commission's regulations."))
    quorum_kind = models.CharField(_("quorum rule"), max_length=20, choices=QUORUM_CHOICES, blank=True,
                                   help_text=_("From the commission's regulations."))
    quorum_count = models.PositiveSmallIntegerField(
        _("quorum (number of members who take part)"), null=True, blank=True, validators=[MinValueValidator(1)],
        help_text=_("Only for the rule of a fixed number of members."))
    regulations = models.CharField(_("regulations (document)"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("commission")
        verbose_name_plural = _("commissions")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.quorum_kind == self.QUORUM_COUNT and not self.quorum_count:
            raise ValidationError({"quorum_count": _("Enter the number of members the regulations require.")})
        if self.quorum_kind != self.QUORUM_COUNT and self.quorum_count:
            raise ValidationError({"quorum_count": _("A number of members is entered only for that quorum rule.")})

    @property
    def regulations_set(self) -> bool:
        """Whether the administrator has entered the majority and quorum of the regulations."""
        quorum = bool(self.quorum_kind) and (self.quorum_kind != self.QUORUM_COUNT or bool(self.quorum_count))
        return bool(self.majority) and quorum


class CommissionMember(models.Model):
    commission = models.ForeignKey(Commission, verbose_name=_("commission"), on_delete=models.PROTECT,
                                   related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.PROTECT,
                             related_name="memberships")
    full_name = models.CharField(_("full name"), max_length=200)
    position = models.CharField(_("position and organisation"), max_length=300, blank=True)
    country = models.CharField(_("country"), max_length=2, default="KZ")
    # The facts of the member model of the commission's composition procedure, without the name
    # (e.g. {"state_body_representative": false, "it_qualified": true, "ict_experience_years": "7",
    # "international_expert": false} for 001 p.13); validated against that model by the admin form.
    qualifications = models.JSONField(_("qualifications"), default=dict, blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("commission member")
        verbose_name_plural = _("commission members")
        constraints = [
            models.UniqueConstraint(fields=["commission", "user"], name="one_membership_per_commission")
        ]

    def __str__(self) -> str:
        return self.full_name


class VotingRoll(models.Model):
    """A member entitled to vote in one round of a case, recorded when the round opened (the case
    entered an agenda state). The tally counts this roll, not the membership of the day."""

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="voting_roll")
    round = models.PositiveSmallIntegerField()
    member = models.ForeignKey(CommissionMember, on_delete=models.PROTECT, related_name="rolls")
    opened_at = models.DateTimeField()

    class Meta:
        verbose_name = _("member entitled to vote")
        verbose_name_plural = _("members entitled to vote")
        constraints = [
            models.UniqueConstraint(fields=["case", "round", "member"], name="one_roll_entry_per_member_per_round")
        ]


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
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["case", "member", "round"], name="one_vote_per_member_per_round")
        ]


class Recusal(models.Model):
    """A member's declaration of a conflict of interest with the applicant of a case: the member
    takes no part in that round and is left out of its quorum base ("мүдделер қақтығысы")."""

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="recusals")
    member = models.ForeignKey(CommissionMember, on_delete=models.PROTECT, related_name="recusals")
    round = models.PositiveSmallIntegerField()
    reason = models.TextField(_("reason"))
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("recusal")
        verbose_name_plural = _("recusals")
        constraints = [
            models.UniqueConstraint(fields=["case", "member", "round"], name="one_recusal_per_member_per_round")
        ]


class Decision(models.Model):
    """The decision on a case of the body that decides, with its legal basis, the tally and the
    verdict it rests on. `commission` and `round` name the votes it follows when a commission decides."""

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="decisions")
    kind = models.CharField(max_length=40)  # e.g. "admission", "activity_change", "termination"
    outcome = models.CharField(max_length=20)  # "approved" | "refused"
    basis = models.JSONField()  # citation(s)
    tally = models.JSONField(default=dict)
    verdict = models.JSONField(null=True, blank=True)
    minutes = models.TextField(blank=True)
    commission = models.ForeignKey(Commission, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    round = models.PositiveSmallIntegerField(null=True, blank=True)
    decided_at = models.DateTimeField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-decided_at"]


class Recommendation(models.Model):
    """What a reviewing body (e.g. the HSTC considering an initiative, 000 p.28) recommends after
    its votes: kept apart from the `Decision` of the body that decides."""

    RECOMMEND, DO_NOT_RECOMMEND = "recommend", "do_not_recommend"
    OUTCOMES = [(RECOMMEND, _("recommended")), (DO_NOT_RECOMMEND, _("not recommended"))]

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="recommendations")
    commission = models.ForeignKey(Commission, on_delete=models.PROTECT, related_name="recommendations")
    round = models.PositiveSmallIntegerField()
    outcome = models.CharField(_("recommendation"), max_length=20, choices=OUTCOMES)
    basis = models.JSONField(default=list)  # citation(s)
    tally = models.JSONField(default=dict)
    minutes = models.TextField(blank=True)
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["-recorded_at"]
        constraints = [
            models.UniqueConstraint(fields=["case", "commission", "round"],
                                    name="one_recommendation_per_commission_per_round")
        ]
