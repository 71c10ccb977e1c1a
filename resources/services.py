"""Guide workflows that change data."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from resources.models.feedback import GuideFeedback
from resources.models.views import GuideView


def record_feedback(guide, *, helpful: bool, comment: str = "") -> GuideFeedback:
    """Store one anonymous answer to "Was this helpful?"."""
    with transaction.atomic():
        return GuideFeedback.objects.create(
            guide=guide, helpful=helpful, comment=comment.strip()
        )


def record_guide_view(guide_id: int, day: datetime.date | None = None) -> None:
    """Add one view of the guide on ``day`` (today), race-safe on both databases.

    An UPDATE … SET count = count + 1 when the day's row exists; the first view
    of a day inserts it. If a parallel request inserted it first, the unique
    constraint refuses ours and the increment runs instead.
    """
    day = day or timezone.localdate()
    rows = GuideView.objects.filter(guide_id=guide_id, day=day)
    if rows.update(count=F("count") + 1):
        return
    # A cached page can outlive its guide: count nothing then.
    guides = GuideView._meta.get_field("guide").related_model.objects
    if not guides.filter(pk=guide_id).exists():
        return
    try:
        with transaction.atomic():
            GuideView.objects.create(guide_id=guide_id, day=day, count=1)
    except IntegrityError:
        rows.update(count=F("count") + 1)
