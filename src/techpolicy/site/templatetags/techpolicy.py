from django import template
from django.utils import translation

register = template.Library()


@register.filter
def in_language(value):
    """A {kk, ru, en} mapping shown in the current language; plain text passes through."""
    if isinstance(value, dict):
        lang = translation.get_language() or "kk"
        return value.get(lang) or value.get("en") or ""
    return value or ""


@register.filter
def citation_text(citation: dict) -> str:
    """A stored citation ({"act", "paragraph", "sub"}) in the current language, so a verdict stored
    years ago reads in the language of today's reader."""
    from techpolicy.law.citation import Citation

    if not isinstance(citation, dict):
        return citation or ""
    lang = translation.get_language() or "kk"
    return Citation(citation["act"], citation.get("paragraph") or "", citation.get("sub"),
                    note=citation.get("note"), section=citation.get("section")).text(lang)


@register.simple_tag
def once_token():
    """The hidden one-time token of a form that creates a record (`site.once`)."""
    from django.utils.html import format_html

    from techpolicy.site.once import FIELD, new_token

    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_token())


@register.filter
def parameter_label(name: str) -> str:
    """A dated parameter named as people read it, in the current language (its name only when the
    parameter files do not know it): a verdict lists what it read without internal codes."""
    from techpolicy.law.parameters import Parameters

    try:
        description = Parameters.from_source().definition(name).description
    except KeyError:
        return name
    lang = translation.get_language() or "kk"
    return description.get(lang) or description.get("en") or name
