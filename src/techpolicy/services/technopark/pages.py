"""The technopark's pages about one participation case, offered on the generic case page."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from techpolicy.casework.permissions import handles, is_owner

EDITABLE = ("draft", "remarks")
# Follow-up applications of a registered participant, with the paragraph that provides for each.
OWNER_FOLLOW_UPS = (
    ("activity_change", _("Change activity types (p. 9-1)")),
    ("extension", _("Extend participation (p. 36)")),
    ("services", _("Apply for acceleration or incubation (p. 48)")),
)


def case_links(case, user) -> list[tuple[object, str]]:
    links = []
    owner = is_owner(user, case)
    if owner and case.state in EDITABLE:
        links.append((_("Edit the application"), reverse("technopark:edit", args=[case.number])))
    if case.state == "registered":
        if owner:
            links += [(label, reverse("technopark:follow_up", args=[case.number, kind]))
                      for kind, label in OWNER_FOLLOW_UPS]
        if handles(user, case):
            links.append((_("Prepare early termination (p. 41)"),
                          reverse("technopark:follow_up", args=[case.number, "termination"])))
    return links
