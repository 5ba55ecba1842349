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
