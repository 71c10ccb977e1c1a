"""Guide workflows that change data."""

from django.db import transaction

from resources.models.feedback import GuideFeedback


def record_feedback(guide, *, helpful: bool, comment: str = "") -> GuideFeedback:
    """Store one anonymous answer to "Was this helpful?"."""
    with transaction.atomic():
        return GuideFeedback.objects.create(
            guide=guide, helpful=helpful, comment=comment.strip()
        )
