"""A service that exists only in tests/casework/test_service_registry.py: one page and one API
operation, so the test can show the core picks up a declaration it has never heard of."""

from django.http import HttpResponse
from django.urls import path
from ninja import Router


def index(request):
    return HttpResponse("throwaway start page")


urlpatterns = [path("", index, name="index")]

router = Router(tags=["throwaway"])


@router.get("/ping")
def ping(request) -> dict:
    return {"service": "throwaway"}
