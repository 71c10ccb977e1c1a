"""Which cached pages go stale when pledges, commitments or pledge settings change."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from employers.pledges.models import (
    Commitment,
    Pledge,
    PledgeCommitment,
    PledgeSettings,
)
from home.signals import content_changed

# Fields the public never sees: saving only these leaves the registry as it was.
PRIVATE_PLEDGE_FIELDS = frozenset(
    {
        "contact_name",
        "job_title",
        "email",
        "email_domain",
        "phone",
        "listing_consent_at",
        "listing_consent_version",
        "news_consent_at",
        "news_consent_version",
        "verified_at",
        "rejection_reason",
        "purged_at",
        "verification_digest",
        "verification_expires_at",
        "manage_digest",
        "manage_expires_at",
        "previous_manage_digest",
        "pending_changes",
        "pending_logo",
        "changes_submitted_at",
        "previous_manage_expires_at",
        "renewal_reminder_for",
        "expiry_reminder_for",
        "checkin_sent_for",
        "submission_key",
    }
)
# A pledge in one of these may just have left the registry.
CLOSED_PLEDGE_STATUSES = (
    Pledge.Status.REJECTED,
    Pledge.Status.WITHDRAWN,
    Pledge.Status.LAPSED,
)
# Snippets and settings that the pledge pages show.
CONTENT_MODELS = [
    Commitment,
    PledgeCommitment,
    PledgeSettings,
]


for model in CONTENT_MODELS:
    post_save.connect(content_changed, sender=model, dispatch_uid=f"cache-{model}")
    post_delete.connect(content_changed, sender=model, dispatch_uid=f"cache-{model}")


@receiver(post_save, sender=Pledge)
def pledge_saved(sender, instance, update_fields=None, **kwargs):
    """Approval, renewal, public edits, withdrawal, rejection and lapse.

    Signing and confirming the email do not touch the registry: a pledge shows
    only once approved.
    """
    if update_fields is not None and set(update_fields) <= PRIVATE_PLEDGE_FIELDS:
        return
    status_may_have_changed = update_fields is None or "status" in update_fields
    if instance.status == Pledge.Status.APPROVED or (
        status_may_have_changed and instance.status in CLOSED_PLEDGE_STATUSES
    ):
        content_changed()


@receiver(post_delete, sender=Pledge)
def pledge_deleted(sender, instance, **kwargs):
    if instance.status == Pledge.Status.APPROVED:
        content_changed()
