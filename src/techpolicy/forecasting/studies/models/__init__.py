from .delphi import Answer, Response, Round
from .discussion import Approval, Comment, DraftVersion, ModerationEvent
from .evidence import ForecastCorrection, IndicatorSeries
from .panel import Expert, Membership
from .study import PlanActivity, StageChange, Study, Technology

__all__ = [
    "Answer",
    "Approval",
    "Comment",
    "DraftVersion",
    "Expert",
    "ForecastCorrection",
    "IndicatorSeries",
    "Membership",
    "ModerationEvent",
    "PlanActivity",
    "Response",
    "Round",
    "StageChange",
    "Study",
    "Technology",
]
