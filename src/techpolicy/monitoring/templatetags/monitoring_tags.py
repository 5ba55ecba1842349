"""The monitoring pages' filters: exact numbers and the core's labels in the page's language."""

from django import template

from techpolicy.monitoring import presentation

register = template.Library()

register.filter("exact", presentation.exact)
register.filter("signed", presentation.signed)
register.filter("outcome_label", presentation.outcome_label)
register.filter("state_label", presentation.state_label)
register.filter("verdict_label", presentation.verdict_label)
register.filter("timeliness_label", presentation.timeliness_label)
