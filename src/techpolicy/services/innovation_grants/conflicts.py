"""Hard conflicts of interest between the experts of the independent economic and technological
expertise and the grant applications (003.a27.p2.a3, "003 a.27(2) third indent": the expertise is
carried out by domestic and foreign experts; reading R-F2: a panel has at least one domestic and at
least one foreign expert).

A conflict is computed from data, never asked of the expert alone: the expert is an employee, owner
or founder of the applicant organisation (a tie), belongs to the same organisation, is the applicant
(own application), or declared an interest (in an organisation, which covers all its applications,
or in one application). A conflicted pair is never a candidate seat: the assignment model does not
even create a variable for it.

No Django here: the assignment, the benchmark and the tests use these classes without a site.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

DOMESTIC = "KZ"
TIE_KINDS = ("employee", "owner", "founder")
# The order in which `conflict` reports a reason when several hold: the strongest link first, so the
# same pair always gets the same reason whichever index found it.
REASON_ORDER = (*TIE_KINDS, "same_organisation", "own_application", "declared_interest")
_RANK = {reason: rank for rank, reason in enumerate(REASON_ORDER)}

REASONS: dict[str, dict[str, str]] = {
    "employee": {
        "kk": "Сарапшы өтінім беруші ұйымның қызметкері",
        "ru": "Эксперт является работником организации-заявителя",
        "en": "The expert is an employee of the applicant organisation",
    },
    "owner": {
        "kk": "Сарапшы өтінім беруші ұйымның меншік иесі",
        "ru": "Эксперт является собственником организации-заявителя",
        "en": "The expert is an owner of the applicant organisation",
    },
    "founder": {
        "kk": "Сарапшы өтінім беруші ұйымның құрылтайшысы",
        "ru": "Эксперт является учредителем организации-заявителя",
        "en": "The expert is a founder of the applicant organisation",
    },
    "same_organisation": {
        "kk": "Сарапшы өтінім берушімен бір ұйымда",
        "ru": "Эксперт состоит в той же организации, что и заявитель",
        "en": "The expert belongs to the applicant organisation",
    },
    "own_application": {
        "kk": "Өтінімді сарапшының өзі берген",
        "ru": "Заявка подана самим экспертом",
        "en": "The expert is the applicant",
    },
    "declared_interest": {
        "kk": "Сарапшы мүдделілігі туралы мәлімдеген",
        "ru": "Эксперт заявил о своей заинтересованности",
        "en": "The expert declared an interest",
    },
}


@dataclass(frozen=True)
class ExpertTie:
    """A link of the expert to an organisation that makes every application of it a conflict."""

    organisation_id: int
    kind: str

    def __post_init__(self) -> None:
        if self.kind not in TIE_KINDS:
            raise ValueError(f"a tie is one of {', '.join(TIE_KINDS)}, not {self.kind!r}")


@dataclass(frozen=True)
class ExpertProfile:
    """An expert of the pool. `country` is ISO 3166-1 alpha-2; "KZ" makes the expert domestic,
    anything else foreign. `capacity` is how many applications the expert takes at most (0: none)."""

    id: int
    country: str
    fields: frozenset[str] = frozenset()
    capacity: int = 0
    organisation_id: int | None = None
    person_id: int | None = None
    ties: tuple[ExpertTie, ...] = ()
    declared_organisations: frozenset[int] = frozenset()
    declared_applications: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        if len(self.country) != 2 or not self.country.isascii() or not self.country.isupper():
            raise ValueError(f"expert {self.id}: the country is two capital letters (ISO 3166-1), not {self.country!r}")
        if self.capacity < 0:
            raise ValueError(f"expert {self.id}: the capacity cannot be negative")

    @property
    def domestic(self) -> bool:
        return self.country == DOMESTIC


@dataclass(frozen=True)
class ApplicationProfile:
    """A grant application to be examined by a panel of `panel_size` experts, of whom at least
    `min_domestic` are domestic and at least `min_foreign` foreign (R-F2: 1 and 1)."""

    id: int
    organisation_id: int | None = None
    applicant_person_id: int | None = None
    fields: frozenset[str] = frozenset()
    panel_size: int = 3
    min_domestic: int = 1
    min_foreign: int = 1

    def __post_init__(self) -> None:
        if self.panel_size < 1:
            raise ValueError(f"application {self.id}: a panel has at least one expert")
        if self.min_domestic < 0 or self.min_foreign < 0:
            raise ValueError(f"application {self.id}: the minimums cannot be negative")
        if self.min_domestic + self.min_foreign > self.panel_size:
            raise ValueError(f"application {self.id}: the minimums add up to more than the panel")


@dataclass(frozen=True)
class _Index:
    by_organisation: dict[int, list[int]] = field(default_factory=dict)
    by_person: dict[int, list[int]] = field(default_factory=dict)
    ids: frozenset[int] = frozenset()


def _index(applications: Iterable[ApplicationProfile]) -> _Index:
    by_organisation: dict[int, list[int]] = defaultdict(list)
    by_person: dict[int, list[int]] = defaultdict(list)
    ids = []
    for application in applications:
        ids.append(application.id)
        if application.organisation_id is not None:
            by_organisation[application.organisation_id].append(application.id)
        if application.applicant_person_id is not None:
            by_person[application.applicant_person_id].append(application.id)
    return _Index(dict(by_organisation), dict(by_person), frozenset(ids))


def conflict(expert: ExpertProfile, application: ApplicationProfile) -> str | None:
    """The reason the expert may not examine the application (the first of REASON_ORDER that
    holds), or None."""
    organisation = application.organisation_id
    if organisation is not None:
        kinds = {tie.kind for tie in expert.ties if tie.organisation_id == organisation}
        for kind in TIE_KINDS:
            if kind in kinds:
                return kind
        if expert.organisation_id == organisation:
            return "same_organisation"
    if application.applicant_person_id is not None and expert.person_id == application.applicant_person_id:
        return "own_application"
    if (organisation is not None and organisation in expert.declared_organisations) or (
            application.id in expert.declared_applications):
        return "declared_interest"
    return None


def conflicted_pairs(experts: Iterable[ExpertProfile],
                     applications: Iterable[ApplicationProfile]) -> dict[tuple[int, int], str]:
    """Every conflicted pair, keyed (application id, expert id), with its reason (as `conflict`).

    The applications are indexed by organisation and by applicant once; then each expert's ties,
    organisation, person and declared items are looked up in the index. The work is linear in the
    applications plus the ties and declared items plus the pairs returned: the pairs without any
    link are never visited, so 2 000 applications and 500 experts cost thousands of look-ups, not a
    million pair checks."""
    index = _index(applications)
    found: dict[tuple[int, int], str] = {}

    def mark(application_ids: Iterable[int], expert_id: int, reason: str) -> None:
        for application_id in application_ids:
            key = (application_id, expert_id)
            held = found.get(key)
            if held is None or _RANK[reason] < _RANK[held]:
                found[key] = reason

    for expert in experts:
        for tie in expert.ties:
            mark(index.by_organisation.get(tie.organisation_id, ()), expert.id, tie.kind)
        if expert.organisation_id is not None:
            mark(index.by_organisation.get(expert.organisation_id, ()), expert.id, "same_organisation")
        if expert.person_id is not None:
            mark(index.by_person.get(expert.person_id, ()), expert.id, "own_application")
        for organisation in expert.declared_organisations:
            mark(index.by_organisation.get(organisation, ()), expert.id, "declared_interest")
        mark((a for a in expert.declared_applications if a in index.ids), expert.id, "declared_interest")
    return found
