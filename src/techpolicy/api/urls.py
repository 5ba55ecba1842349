"""The REST API, /api/v1/ (django-ninja); one router per service, one contract for all (`api.contract`)."""

from .contract import TechPolicyAPI
from .technopark import router as technopark_router

api = TechPolicyAPI(title="TechPolicy KZ API", version="1", urls_namespace="api-v1")
api.add_router("/technopark/", technopark_router)
api.add_router("/productivity/", "techpolicy.api.productivity.router")
api.add_router("/forecasting/", "techpolicy.api.forecasting.router")
