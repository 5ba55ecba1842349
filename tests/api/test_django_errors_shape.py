"""Issue 8, finding 14: one error shape everywhere under /api/ — also for the answers Django gives
before any operation runs: an address no operation serves (404) and a method an operation does not
take (405, with its Allow header)."""

import pytest


@pytest.mark.django_db
def test_finding14_an_unknown_api_address_is_a_404_in_the_errors_shape(client):
    response = client.get("/api/v1/no-such-thing", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response.json() == {"detail": [{"field": "(path)", "message": "Nothing was found at this address."}]}


@pytest.mark.django_db
def test_finding14_a_method_the_operation_does_not_take_is_a_405_in_the_errors_shape(client):
    response = client.delete("/api/v1/technopark/participants", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 405
    assert "GET" in response["Allow"]
    detail = response.json()["detail"]
    assert detail[0]["field"] == "(method)" and "DELETE" in detail[0]["message"]


@pytest.mark.django_db
def test_finding14_pages_keep_their_own_404_page(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")
