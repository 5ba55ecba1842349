"""The kinds of document an applicant attaches, with the paragraph that asks for them."""

from django.utils.translation import gettext_lazy as _

DOCUMENT_KINDS = [
    ("registration_certificate", _("State registration certificate"), "p.9"),
    ("authority_documents", _("Documents confirming the representative's authority"), "p.9(1)"),
    ("business_plan", _("Business plan (Annex 3)"), "p.9(2)"),
    ("tax_debt_certificate", _("Tax-debt information"), "p.9(3)"),
    ("place_of_activity", _("Document on the place of activity"), "p.9(4)"),
    ("other", _("Other"), ""),
]
DOCUMENT_LABELS = {key: label for key, label, _ref in DOCUMENT_KINDS}
