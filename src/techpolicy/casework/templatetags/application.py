"""The application of a case as its service declares it, for the case page's include."""

from django import template

register = template.Library()


@register.simple_tag
def application_of(case):
    """The nodes of the case's application (kit.presentation), None when undeclared."""
    from techpolicy.casework.views_application import shown

    return shown(case)
