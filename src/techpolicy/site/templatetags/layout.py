"""Layout pieces shared by every template.

`{% scrollbox _("Cases") %}<table>…</table>{% endscrollbox %}` puts a table in the one box that may
scroll sideways on a phone, so the page itself never does (issue 10, item 7). The box is a named
region that takes keyboard focus, so a keyboard user can scroll it with the arrow keys and a
screen reader announces what it holds (axe: scrollable-region-focusable, region names).
"""

from django import template
from django.utils.html import format_html

register = template.Library()


class ScrollBoxNode(template.Node):
    def __init__(self, label: template.base.FilterExpression, nodelist: template.NodeList):
        self.label = label
        self.nodelist = nodelist

    def render(self, context) -> str:
        return format_html('<div class="table-scroll" tabindex="0" role="region" aria-label="{}">{}</div>',
                           self.label.resolve(context), self.nodelist.render(context))


@register.tag
def scrollbox(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("scrollbox takes one argument: the label of the box")
    nodelist = parser.parse(("endscrollbox",))
    parser.delete_first_token()
    return ScrollBoxNode(parser.compile_filter(bits[1]), nodelist)


@register.filter
def labelled(field, label: str):
    """A form field drawn in a table cell, named for assistive technology by its column's heading:
    a grid of inputs has no <label> per cell (axe: label, select-name)."""
    return field.as_widget(attrs={"aria-label": str(label)})
