"""Contracts, certificates and the entries of public registers, with the append-only log of every
entry's changes (`RegisterEvent`): what changed, on which date it took effect and on what basis.

`casework.registers` declares the registers and is the only writer of entries and events; a
register's own columns live in `data`, so one table serves every register.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .case import AppendOnlyModel


class Contract(models.Model):
    """Contract on the conditions of activity signed with an admitted applicant."""

    case = models.OneToOneField("casework.Case", on_delete=models.PROTECT, related_name="contract")
    number = models.CharField(_("contract number"), max_length=60)
    signed_on = models.DateField(_("signed on"))
    valid_from = models.DateField(_("participation from"))
    valid_until = models.DateField(_("participation until"))

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")


class Certificate(models.Model):
    """A certificate a service issues; `kind` is the key of one of its declared certificate kinds
    (`casework.registry.CertificateKind`), which gives the number's prefix and the verification page."""

    number = models.CharField(_("certificate number"), max_length=40, unique=True)
    kind = models.CharField(max_length=60)
    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="certificates")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="certificates")
    issued_on = models.DateField(_("issued on"))
    valid_from = models.DateField()
    valid_until = models.DateField()
    revoked_on = models.DateField(null=True, blank=True)
    activity_types = models.JSONField(default=list)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return self.number


class PublishedState(models.Model):
    """What an entry publishes. The entry holds its current state, each event the state it left, so
    the same filters answer "now" and "as of a date"."""

    STATUS_ACTIVE, STATUS_TERMINATED, STATUS_EXPIRED = "active", "terminated", "expired"
    STATUS_CHOICES = [
        (STATUS_ACTIVE, _("active")),
        (STATUS_TERMINATED, _("terminated early")),
        (STATUS_EXPIRED, _("expired")),
    ]

    name = models.CharField(_("name"), max_length=300)  # as published
    bin = models.CharField(_("BIN"), max_length=12, blank=True)  # the holder's BIN or IIN, as published
    # The register's own columns, by column key.
    data = models.JSONField(_("register columns"), default=dict, blank=True)
    certificate = models.ForeignKey(Certificate, verbose_name=_("certificate"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)  # none: no end date
    status = models.CharField(_("status"), max_length=12, choices=STATUS_CHOICES, default=STATUS_ACTIVE)
    # Name, identifiers and searchable columns folded to one case and spacing
    # (`casework.registers.search`): the text index is built on it.
    search_text = models.TextField(_("search text"), blank=True, editable=False)
    # The same text cut into words (letters and digits), as the text indexes read it: SQLite's FTS5
    # table and PostgreSQL's trigram index (`casework.registers.search`).
    search_words = models.TextField(_("search words"), blank=True, editable=False)

    class Meta:
        abstract = True


class RegisterEntry(PublishedState):
    """An entry in a public register (e.g. a list of participants): its current state and the basis
    of its last change."""

    register = models.CharField(_("register"), max_length=60)  # the Register's key
    # The register's natural key of the entry, as text.
    key = models.CharField(_("entry key"), max_length=300, blank=True)
    organisation = models.ForeignKey("accounts.Organisation", verbose_name=_("organisation"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="register_entries")
    case = models.ForeignKey("casework.Case", verbose_name=_("case"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="register_entries")
    entered_on = models.DateField(_("entered on"), db_index=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    # The basis of the last change: the paragraph (a compact citation, "001 p.41"), the decision that
    # applied it and the date it took effect.
    basis_citation = models.CharField(_("legal basis"), max_length=60, blank=True)
    basis_decision = models.ForeignKey("casework.Decision", verbose_name=_("decision"), null=True, blank=True,
                                       on_delete=models.PROTECT, related_name="+")
    basis_on = models.DateField(_("change in effect from"), null=True, blank=True)

    class Meta:
        verbose_name = _("register entry")
        verbose_name_plural = _("register entries")
        ordering = ["name", "pk"]
        indexes = [
            # Covers the published list: filter by register, status and end date, ordered by name,
            # so both the page and its count are read from the index alone.
            models.Index(fields=["register", "status", "name", "valid_until"]),
            # The list of every status (and the as-of list's entries), ordered by name and id.
            models.Index(fields=["register", "name", "id"], name="casework_re_register_name_id"),
            models.Index(fields=["register", "key"]),
            models.Index(fields=["register", "bin"]),
        ]

    def __str__(self) -> str:
        return f"{self.register}: {self.name}"


class RegisterEvent(AppendOnlyModel, PublishedState):
    """One change of a register entry: entered, changed or ended, the date it took effect, the
    paragraph and decision it rests on, and the published state it left. Append-only: the answer to
    "was X on the register on date D, and on what basis?" is the last event on or before D."""

    append_only_name = "register history"
    ENTERED, CHANGED, ENDED = "entered", "changed", "ended"
    KINDS = [(ENTERED, _("entered")), (CHANGED, _("changed")), (ENDED, _("removed"))]

    entry = models.ForeignKey(RegisterEntry, on_delete=models.PROTECT, related_name="events")
    register = models.CharField(max_length=60)
    kind = models.CharField(max_length=8, choices=KINDS)
    on = models.DateField()  # the date the change took effect
    citation = models.CharField(max_length=60)  # compact citation of the paragraph applied
    decision = models.ForeignKey("casework.Decision", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")
    note = models.JSONField(default=dict, blank=True)  # for staff (grounds, case number); never published
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("register change")
        verbose_name_plural = _("register changes")
        ordering = ["on", "pk"]
        indexes = [models.Index(fields=["entry", "on"]), models.Index(fields=["register", "on"]),
                   # The register's last change, which the cached counts of its lists are keyed by.
                   models.Index(fields=["register", "id"], name="casework_re_register_last"),
                   # The as-of list in its order (name, then entry), which its keyset pages walk.
                   models.Index(fields=["register", "name", "entry"], name="casework_rev_register_name")]

    def __str__(self) -> str:
        return f"{self.register} #{self.entry_id} {self.kind} {self.on}"
