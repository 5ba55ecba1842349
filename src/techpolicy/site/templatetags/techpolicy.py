from django import template
from django.utils import translation

from techpolicy.site import amounts

register = template.Library()


@register.filter
def in_language(value):
    """A {kk, ru, en} mapping shown in the current language; plain text passes through."""
    if isinstance(value, dict):
        lang = translation.get_language() or "kk"
        return value.get(lang) or value.get("en") or ""
    return value or ""


def _citation(value):
    """A Citation from what pages hold: the object, its stored mapping or its compact ref."""
    from techpolicy.law.citation import Citation

    if isinstance(value, Citation):
        return value
    if isinstance(value, dict) and value.get("act"):
        return Citation.parse(value)
    if isinstance(value, str) and value:
        try:
            return Citation.parse(value)
        except ValueError:
            return None
    return None


@register.filter
def citation_text(citation) -> str:
    """A citation (stored mapping, object or compact ref) in full in the current language, so a
    verdict stored years ago reads in the language of today's reader."""
    parsed = _citation(citation)
    if parsed is None:
        return citation or ""
    return parsed.text(translation.get_language() or "kk")


@register.filter
def citation(value) -> str:
    """A citation in the short form of the current language ("001, 13-тармақ"); the compact ref
    stays the stored key and is not shown."""
    parsed = _citation(value)
    if parsed is None:
        return value or ""
    return parsed.short(translation.get_language() or "kk")


@register.filter
def citations(values) -> str:
    """A stored list of compact refs (a decision's legal basis) in the short form of the current
    language, separated by semicolons since a citation itself holds commas."""
    return "; ".join(citation(v) for v in values or ())


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


@register.filter(name="tenge")
def tenge_filter(value) -> str:
    """An amount in tenge in the page's language (site.amounts.tenge)."""
    return amounts.tenge(value)


@register.filter
def quantity(value, unit: str = "") -> str:
    """A parameter's value with its unit as the current language writes it ("40 %", "10 жұмыс
    күні", "9 000 000 ₸"); the unit key of the parameter files is never shown."""
    from techpolicy.law import units

    if value is None or value == "":
        return ""
    return units.quantity(value, unit or "", translation.get_language() or "kk")


@register.filter
def local_date(value) -> str:
    """A date (or its ISO text) as the current language writes it."""
    from techpolicy.law import units

    if not value:
        return ""
    return units.date(value, translation.get_language() or "kk")
