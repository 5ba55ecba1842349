"""Template filters of the competence-centre pages."""

from django import template

from techpolicy.casework.steps import current_language
from techpolicy.law.acts.act000_methodology.competence_centres import COMPETENCE_AREAS

register = template.Library()


@register.filter
def competence_area(code: str) -> str:
    """The name of an area of p.17(2) in the page's language (the code itself if it is not one)."""
    labels = COMPETENCE_AREAS.get(str(code))
    return labels[current_language()] if labels else str(code)
