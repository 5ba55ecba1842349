"""The REST API, /api/v1/ (django-ninja); one router per service, one contract for all (`api.contract`)."""

from techpolicy.casework.registry import resolve, services

from .contract import TechPolicyAPI


def build_api() -> TechPolicyAPI:
    """The API with each declared service's router mounted at /api/v1/<key>/."""
    built = TechPolicyAPI(title="TechPolicy KZ API", version="1", urls_namespace="api-v1")
    for service in services():
        if service.api:
            built.add_router(f"/{service.key}/", resolve(service.api))
    # Every service's public registers, one router for all (casework.registers).
    built.add_router("/registers/", resolve("techpolicy.casework.registers.api:router"))
    return built


api = build_api()
