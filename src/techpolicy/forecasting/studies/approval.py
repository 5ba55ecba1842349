"""Paragraph 13(1): the approved results define the list of key (priority) technologies used for
state support. The list becomes dated reference data with the study as its citation."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from techpolicy.casework.reference import ReferenceListError, publish_reference_list
from techpolicy.law.acts.act000_methodology.forecasting import KEY_TECHNOLOGIES

from .discussion import input_date, latest_draft
from .errors import StudyError
from .models import Approval, Study

REFERENCE_LIST = f"forecasting.{KEY_TECHNOLOGIES}"


def record_approval(study: Study, actor, *, in_force_from, decision: str) -> dict[str, Any]:
    """Record the approval of the latest draft and put its key technologies in force."""
    draft = latest_draft(study)
    if draft is None or not draft.key_technologies:
        raise StudyError(_("The draft results list no key technologies."))
    start = input_date(in_force_from, "in_force_from")
    technologies = {t.code: t for t in study.technologies.filter(code__in=draft.key_technologies)}
    source = f"{study.number} «{study.title}», {decision}; Order No. 133/НҚ p.13(1)"
    try:
        publish_reference_list(
            REFERENCE_LIST,
            [{"code": code, "name_kk": technologies[code].name("kk"), "name_ru": technologies[code].name("ru"),
              "name_en": technologies[code].name("en")} for code in draft.key_technologies],
            start,
            source,
        )
    except ReferenceListError as exc:
        raise StudyError(_("A list of key technologies is already in force from %(date)s; a new list must "
                           "start later.") % {"date": exc.latest.isoformat()}, field="in_force_from") from None
    Approval.objects.create(study=study, draft=draft, in_force_from=start, decision=decision, approved_by=actor)
    return {"in_force_from": start.isoformat(), "decision": decision, "draft": draft.number,
            "key_technologies": list(draft.key_technologies)}
