"""The service's own records: platforms and what is recorded about them (`platform`), and their
versioned road maps (`roadmap`)."""

from .platform import (
    COMPETENCE_CENTRE,
    COORDINATOR,
    Activity,
    FundingSource,
    Participant,
    Platform,
    Vision,
    VisionAgreement,
    name_key,
)
from .roadmap import ImmutableVersion, RoadMapItem, RoadMapStage, RoadMapVersion

__all__ = [
    "COMPETENCE_CENTRE",
    "COORDINATOR",
    "Activity",
    "FundingSource",
    "ImmutableVersion",
    "Participant",
    "Platform",
    "RoadMapItem",
    "RoadMapStage",
    "RoadMapVersion",
    "Vision",
    "VisionAgreement",
    "name_key",
]
