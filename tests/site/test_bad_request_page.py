"""A page request Django refuses before any view runs — more form fields than
DATA_UPLOAD_MAX_NUMBER_FIELDS, e.g. an ownership structure of 1,200 entities typed into the web
pre-check (issue 8, finding 1, 001 p.7(4)) — gets a page in the site's layout and the user's
language, not Django's bare "Bad Request (400)"."""

import pytest
from django.utils import translation


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "kk"])
def test_finding1_too_many_fields_get_the_bad_request_page_in_the_users_language(client, lang):
    rows = {f"o-{i}-holder": f"E{i}" for i in range(1200)}
    response = client.post(f"/{lang}/technopark/precheck/", rows)
    assert response.status_code == 400
    with translation.override(lang):
        expected = translation.gettext("The request could not be read: it is malformed or carries too many fields.")
    page = response.content.decode()
    assert expected in page and "TechPolicy KZ" in page
