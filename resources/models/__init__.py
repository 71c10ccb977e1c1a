"""Guides, their topics and hiring stages, and readers' feedback."""

from .feedback import GuideFeedback
from .guides import FeaturedGuide, GuideIndexPage, GuidePage, RelatedGuide
from .topics import HiringStage, Topic
from .views import GuideView

__all__ = [
    "FeaturedGuide",
    "GuideFeedback",
    "GuideIndexPage",
    "GuidePage",
    "GuideView",
    "HiringStage",
    "RelatedGuide",
    "Topic",
]
