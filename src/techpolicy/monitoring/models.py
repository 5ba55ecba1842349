"""The rows of the monitoring core (000.p38.a2, 000.ttp.monitor): a plan owned by a service's record,
its target indicators with dated targets, the actuals with provenance and approval, and the dated
obligations of its action plan, one row per period under the core's stable key.

The rows only hold what the core takes as input; every answer (status, gap, approval order, due
dates, timeliness) comes from the core through `store`, so that no second copy of a rule exists.
Enums and bounds are the core's (`indicators`, `obligations`, `common`), repeated here as database
constraints so that a row written past `store` cannot hold what the core would refuse to read.
"""

from __future__ import annotations

from typing import get_args

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils.translation import gettext_lazy as _

from . import indicators as core
from .common import MAX_QUERY, MAX_TEXT, MAX_YEAR, MIN_YEAR

CODE_MAX = 64  # common.Code
CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"  # common.Code
KEY_MAX = 200  # obligations.Submission.key
# common.Value: at most 20 digits, 6 after the point; the same column for every value, so that what
# the core accepts is stored exactly and nothing it refuses fits.
VALUE_DIGITS, VALUE_PLACES = 20, 6
VALUE_LIMIT = 10 ** (VALUE_DIGITS - VALUE_PLACES)

DIRECTIONS = (("higher_is_better", _("higher is better")), ("lower_is_better", _("lower is better")))
KINDS = (("cumulative", _("cumulative (the years add up)")), ("per_period", _("per period (each year alone)")))
STAGES = (("interim", _("interim value")), ("final", _("final value")))
PROVENANCES = (("entered", _("entered with evidence")), ("computed", _("computed from a register")))
STATES = tuple((state, _(core.STATE_LABELS[state])) for state in get_args(core.State))
PRECISIONS = (("day", _("due on a day")), ("month", _("due within a month")), ("quarter", _("due within a quarter")))
# 002.s7.ap.fund: the plan's funding column; PTF = programme-targeted funding (БНҚ), GF = grant funding (ГҚ).
FUNDING_VOLUMES = (
    ("not_required", _("not required")),
    ("within_provided_funds", _("within the funds provided")),
    ("attracted_funds", _("within the attracted funds")),
    ("ptf_funds", _("funds provided for programme-targeted funding")),
    ("gf_ptf_funds", _("funds provided for grant and programme-targeted funding")),
)
FUNDING_SOURCES = (
    ("republican_budget", _("republican budget")),
    ("local_budget", _("local budget")),
    ("extra_budgetary", _("extra-budgetary funds")),
    ("attracted", _("attracted funds")),
    ("other_sources", _("other sources")),
)


def _values(choices) -> list[str]:
    return [value for value, _label in choices]


def _year_between(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(**{f"{field}__gte": MIN_YEAR, f"{field}__lte": MAX_YEAR}), name=name)


def _value_bounded(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(**{f"{field}__gt": -VALUE_LIMIT, f"{field}__lt": VALUE_LIMIT}),
                                  name=name)


def _value_field(verbose_name):
    return models.DecimalField(verbose_name, max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES)


class Plan(models.Model):
    """What owns indicators and obligations: a record of a service, named by kind and reference
    (("ttp", "TTP-2026-0001") for a targeted technology programme), so that this app depends on none."""

    owner_kind = models.CharField(_("owner kind"), max_length=20)
    owner_ref = models.CharField(_("owner reference"), max_length=CODE_MAX)
    name_kk = models.CharField(_("name in Kazakh"), max_length=MAX_TEXT)
    name_ru = models.CharField(_("name in Russian"), max_length=MAX_TEXT)
    name_en = models.CharField(_("name in English"), max_length=MAX_TEXT)
    first_year = models.PositiveSmallIntegerField(_("period starts in"))
    last_year = models.PositiveSmallIntegerField(_("period ends in"))

    class Meta:
        ordering = ["owner_kind", "owner_ref"]
        verbose_name = _("monitoring plan")
        verbose_name_plural = _("monitoring plans")
        constraints = [
            models.UniqueConstraint(fields=["owner_kind", "owner_ref"], name="monitoring_one_plan_per_owner"),
            models.CheckConstraint(condition=Q(owner_kind__regex=r"^[a-z][a-z0-9_]*$"),
                                   name="monitoring_plan_owner_kind_code"),
            models.CheckConstraint(condition=~Q(owner_ref=""), name="monitoring_plan_owner_ref_given"),
            _year_between("first_year", "monitoring_plan_first_year_bounded"),
            _year_between("last_year", "monitoring_plan_last_year_bounded"),
            models.CheckConstraint(condition=Q(last_year__gte=F("first_year")), name="monitoring_plan_period_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.owner_kind}:{self.owner_ref}"


class Indicator(models.Model):
    """A target indicator of a plan (нысаналы индикатор, 000.p38.a2)."""

    plan = models.ForeignKey(Plan, verbose_name=_("monitoring plan"), on_delete=models.PROTECT,
                             related_name="indicators")
    code = models.CharField(_("indicator code"), max_length=CODE_MAX)
    name_kk = models.CharField(_("name in Kazakh"), max_length=MAX_TEXT)
    name_ru = models.CharField(_("name in Russian"), max_length=MAX_TEXT)
    name_en = models.CharField(_("name in English"), max_length=MAX_TEXT)
    unit = models.CharField(_("unit of measurement"), max_length=MAX_TEXT)
    direction = models.CharField(_("which way is better"), max_length=20, choices=DIRECTIONS)
    kind = models.CharField(_("accumulation"), max_length=20, choices=KINDS)
    base_year = models.PositiveSmallIntegerField(_("base year"))
    base_value = _value_field(_("base value"))

    class Meta:
        ordering = ["plan", "code"]
        verbose_name = _("target indicator")
        verbose_name_plural = _("target indicators")
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="monitoring_one_indicator_per_code"),
            models.CheckConstraint(condition=Q(code__regex=CODE_PATTERN), name="monitoring_indicator_code_pattern"),
            models.CheckConstraint(condition=~Q(name_kk="") & ~Q(name_ru="") & ~Q(name_en="") & ~Q(unit=""),
                                   name="monitoring_indicator_named"),
            models.CheckConstraint(condition=Q(direction__in=_values(DIRECTIONS)),
                                   name="monitoring_indicator_direction_known"),
            models.CheckConstraint(condition=Q(kind__in=_values(KINDS)), name="monitoring_indicator_kind_known"),
            _year_between("base_year", "monitoring_indicator_base_year_bounded"),
            _value_bounded("base_value", "monitoring_indicator_base_value_bounded"),
        ]

    def __str__(self) -> str:
        return self.code


class Target(models.Model):
    """One target of one year as one act's paragraph set it from a date; an amendment is a newer row,
    never an edit (indicators module: amendments)."""

    indicator = models.ForeignKey(Indicator, verbose_name=_("target indicator"), on_delete=models.PROTECT,
                                  related_name="targets")
    year = models.PositiveSmallIntegerField(_("year"))
    value = _value_field(_("target value"))
    stage = models.CharField(_("interim or final"), max_length=10, choices=STAGES)
    act = models.CharField(_("act that set it"), max_length=MAX_TEXT)
    paragraph = models.CharField(_("paragraph of the act"), max_length=MAX_TEXT)
    effective = models.DateField(_("in force from"))

    class Meta:
        ordering = ["indicator", "year", "effective"]
        verbose_name = _("target value")
        verbose_name_plural = _("target values")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year", "effective"],
                                    name="monitoring_one_target_per_year_and_date"),
            models.CheckConstraint(condition=Q(stage__in=_values(STAGES)), name="monitoring_target_stage_known"),
            models.CheckConstraint(condition=~Q(act="") & ~Q(paragraph=""), name="monitoring_target_cited"),
            _year_between("year", "monitoring_target_year_bounded"),
            _value_bounded("value", "monitoring_target_value_bounded"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}/{self.year}/{self.effective}"


class Actual(models.Model):
    """The actual value of one indicator for one year, with where it came from and its approval state.
    One row per indicator and year: a correction replaces the value, it does not add a row."""

    indicator = models.ForeignKey(Indicator, verbose_name=_("target indicator"), on_delete=models.PROTECT,
                                  related_name="actuals")
    year = models.PositiveSmallIntegerField(_("year"))
    value = _value_field(_("actual value"))
    provenance = models.CharField(_("where the value comes from"), max_length=10, choices=PROVENANCES)
    evidence = models.CharField(_("evidence"), max_length=MAX_TEXT, blank=True)  # entered: the document
    source_register = models.CharField(_("source register"), max_length=MAX_TEXT, blank=True)  # computed
    query = models.TextField(_("register query"), max_length=MAX_QUERY, blank=True)  # computed
    computed_at = models.DateTimeField(_("computed at"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=STATES, default="draft")
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("entered by"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(_("entered at"), auto_now_add=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), null=True,
                                     blank=True, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("approved by"), null=True,
                                    blank=True, on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)

    class Meta:
        ordering = ["indicator", "year"]
        verbose_name = _("actual value")
        verbose_name_plural = _("actual values")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="monitoring_one_actual_per_year"),
            models.CheckConstraint(condition=Q(state__in=_values(STATES)), name="monitoring_actual_state_known"),
            models.CheckConstraint(
                condition=(Q(provenance="entered") & ~Q(evidence=""))
                | (Q(provenance="computed") & ~Q(source_register="") & ~Q(query="")),
                name="monitoring_actual_provenance_given"),
            models.CheckConstraint(condition=~Q(state="approved") | Q(approved_at__isnull=False),
                                   name="monitoring_actual_approval_dated"),
            _year_between("year", "monitoring_actual_year_bounded"),
            _value_bounded("value", "monitoring_actual_value_bounded"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}/{self.year}"


class Obligation(models.Model):
    """One dated obligation of one action-plan item for one period (002.s7.ap, 000.p39), under the
    core's stable key ("7:2027"), so that expanding the plan again finds the same row."""

    plan = models.ForeignKey(Plan, verbose_name=_("monitoring plan"), on_delete=models.PROTECT,
                             related_name="obligations")
    item = models.CharField(_("plan item"), max_length=CODE_MAX)
    key = models.CharField(_("obligation key"), max_length=KEY_MAX)
    period = models.CharField(_("period"), max_length=20)
    year = models.PositiveSmallIntegerField(_("reporting year"))
    starts = models.DateField(_("period starts on"))
    due = models.DateField(_("due on"))
    precision = models.CharField(_("deadline precision"), max_length=10, choices=PRECISIONS)
    form = models.CharField(_("completion form"), max_length=MAX_TEXT)
    executors = models.JSONField(_("responsible executors"), default=list)
    funding_volume = models.CharField(_("funding volume"), max_length=30, choices=FUNDING_VOLUMES)
    funding_source = models.CharField(_("funding source"), max_length=30, choices=FUNDING_SOURCES, blank=True)
    done_on = models.DateField(_("completed on"), null=True, blank=True)
    evidence = models.CharField(_("evidence"), max_length=MAX_TEXT, blank=True)

    class Meta:
        ordering = ["plan", "due", "key"]
        verbose_name = _("plan obligation")
        verbose_name_plural = _("plan obligations")
        constraints = [
            models.UniqueConstraint(fields=["plan", "key"], name="monitoring_one_obligation_per_key"),
            models.CheckConstraint(condition=Q(precision__in=_values(PRECISIONS)),
                                   name="monitoring_obligation_precision_known"),
            models.CheckConstraint(condition=Q(funding_volume__in=_values(FUNDING_VOLUMES)),
                                   name="monitoring_obligation_volume_known"),
            models.CheckConstraint(condition=Q(funding_source="") | Q(funding_source__in=_values(FUNDING_SOURCES)),
                                   name="monitoring_obligation_source_known"),
            models.CheckConstraint(condition=Q(due__gte=F("starts")), name="monitoring_obligation_due_after_start"),
            models.CheckConstraint(condition=~Q(key="") & ~Q(item="") & ~Q(form=""),
                                   name="monitoring_obligation_keyed"),
            _year_between("year", "monitoring_obligation_year_bounded"),
        ]
        indexes = [models.Index(fields=["plan", "year"], name="monitoring_obligation_year")]

    def __str__(self) -> str:
        return self.key


# A report's texts (002.res.p2.3: information on progress; 002.res.p3: the report, published except
# restricted-access information). The sources set no length; these are limits of the system, about
# twenty and ten pages, so that no report makes a document of hundreds of pages.
MAX_NARRATIVE = 50_000
MAX_RESTRICTED = 20_000
REPORT_STATES = (("draft", _("report being written")), ("submitted", _("report submitted")))


class Report(models.Model):
    """One reporter's report on a plan for one year (the period): its narrative, the restricted part
    that is never published (002.res.p3), the day it is expected and when it was submitted. The
    indicator table and the obligations are not stored here: the document asks the core for them."""

    plan = models.ForeignKey(Plan, verbose_name=_("monitoring plan"), on_delete=models.PROTECT,
                             related_name="reports")
    reporter = models.ForeignKey("accounts.Organisation", verbose_name=_("reporting organisation"),
                                 on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("reporting year"))
    due = models.DateField(_("expected by"))
    narrative = models.TextField(_("narrative"), max_length=MAX_NARRATIVE, blank=True)
    restricted = models.TextField(_("restricted-access information"), max_length=MAX_RESTRICTED, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=REPORT_STATES, default="draft")
    created_at = models.DateTimeField(_("expected since"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), null=True,
                                     blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["plan", "year", "reporter"]
        verbose_name = _("monitoring report")
        verbose_name_plural = _("monitoring reports")
        constraints = [
            models.UniqueConstraint(fields=["plan", "reporter", "year"], name="monitoring_one_report_per_period"),
            models.CheckConstraint(condition=Q(state__in=_values(REPORT_STATES)), name="monitoring_report_state_known"),
            # A submitted report says when and by whom; a draft has not been submitted.
            models.CheckConstraint(
                condition=(Q(state="submitted") & Q(submitted_at__isnull=False) & Q(submitted_by__isnull=False))
                | (Q(state="draft") & Q(submitted_at__isnull=True) & Q(submitted_by__isnull=True)),
                name="monitoring_report_submission_recorded"),
            models.CheckConstraint(condition=LessThanOrEqual(Length("narrative"), MAX_NARRATIVE),
                                   name="monitoring_report_narrative_bounded"),
            models.CheckConstraint(condition=LessThanOrEqual(Length("restricted"), MAX_RESTRICTED),
                                   name="monitoring_report_restricted_bounded"),
            _year_between("year", "monitoring_report_year_bounded"),
        ]

    def __str__(self) -> str:
        return f"{self.plan}/{self.reporter_id}/{self.year}"
