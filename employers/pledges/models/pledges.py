"""Pledges: an organization's signed commitment and its lifecycle."""

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from wagtail_localize.fields import SynchronizedField, TranslatableField

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import TranslatableMixin
from wagtail.search import index

from home.choices import Sector, SizeBand
from home.languages import content_language, default_content_language, localize_all

# Words that do not tell two organizations apart ("Acme Inc." is "ACME").
LEGAL_SUFFIXES = re.compile(
    r"\b(inc|incorporated|ltd|limited|ltee|corp|corporation|co|company|llc|llp"
    r"|ulc|plc|the)\b"
)


def normalize_organization_name(name: str) -> str:
    """Reduce a name to what identifies it: no accents, case, punctuation, suffix."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", " ", text.lower().replace("&", " and "))
    return " ".join(LEGAL_SUFFIXES.sub(" ", text).split())


def organization_key(name: str) -> str:
    """A digest of the normalized name, to count organizations, not names.

    Workshop registrations keep it after their personal data (the organization
    included) is erased, so a report still counts each organization once. It
    is a plain hash, not keyed with the secret key, so that rotating the key
    cannot split one organization in two; "" when there is no name.
    """
    return normalized_key(normalize_organization_name(name))


def normalized_key(normalized: str) -> str:
    """``organization_key`` of an already normalized name, such as a pledge's."""
    return hashlib.sha256(normalized.encode()).hexdigest() if normalized else ""


def private_storage():
    """Logos wait here, outside the public media folder, until approval."""
    return storages["private"]


class CommitmentQuerySet(models.QuerySet):
    def sources(self):
        """The commitments pledges choose: those in the site's default language.

        A pledge signed in any language points to these rows, so one
        commitment is one row to filter and count by; their translations only
        give the words shown to readers of another language (``localize_all``).
        """
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        return self.filter(locale__language_code=default)


def reads_source_language() -> bool:
    """Whether the reader reads the default language, that of source commitments."""
    return content_language() == default_content_language()


def in_reader_language(commitments: Iterable["Commitment"]) -> list["Commitment"]:
    """Source commitments in the reader's language: ``localize_all``, or as
    they are, with no query, for readers of the default language they are in.
    """
    commitments = list(commitments)
    return commitments if reads_source_language() else localize_all(commitments)


class Commitment(TranslatableMixin, index.Indexed, models.Model):
    """One concrete commitment a signer can choose, written by staff.

    Written in the default language and translated with wagtail-localize.
    """

    class Category(models.TextChoices):
        RECRUITMENT = "recruitment", _("Recruitment")
        ONBOARDING = "onboarding", _("Onboarding")
        RETENTION = "retention", _("Retention and advancement")
        CULTURE = "culture", _("Workplace culture")

    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(
        _("description"),
        max_length=400,
        help_text=_("One or two sentences saying what the organization will do."),
    )
    category = models.CharField(
        _("category"), max_length=20, choices=Category, blank=True
    )
    is_active = models.BooleanField(
        _("offered to new signers"),
        default=True,
        help_text=_(
            "Untick to retire this commitment: pledges that chose it keep it, "
            "new signers no longer see it."
        ),
    )
    sort_order = models.PositiveIntegerField(default=0, editable=False)

    objects = CommitmentQuerySet.as_manager()

    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]
    # Translators change the words; whether it is offered follows the source.
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("description"),
        SynchronizedField("category"),
        SynchronizedField("is_active"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self):
        return self.title


class PledgeQuerySet(models.QuerySet):
    def listed(self):
        """Pledges the public may see: approved and not past their expiry."""
        return self.filter(status=Pledge.Status.APPROVED, expires_at__gt=timezone.now())

    def active(self):
        """Pledges that still count as this organization's one pledge."""
        return self.filter(status__in=Pledge.ACTIVE_STATUSES)


class PledgeStatus(models.TextChoices):
    """Where a pledge stands in its lifecycle; also ``Pledge.Status``."""

    UNVERIFIED = "unverified", _("Email not yet confirmed")
    PENDING = "pending", _("Awaiting review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    LAPSED = "lapsed", _("Lapsed")


class Pledge(models.Model):
    # Defined outside the class so that Meta's constraint can name a status.
    Status = PledgeStatus

    class Level(models.TextChoices):
        COMMITTED = "committed", _("Committed")
        ACTIVE = "active", _("Active")
        CHAMPION = "champion", _("Champion")

    ACTIVE_STATUSES = (Status.UNVERIFIED, Status.PENDING, Status.APPROVED)

    # The organization (public once approved).
    organization_name = models.CharField(_("organization name"), max_length=150)
    normalized_name = models.CharField(max_length=150, editable=False, db_index=True)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    sector = models.CharField(_("sector"), max_length=5, choices=Sector)
    size_band = models.CharField(_("size"), max_length=7, choices=SizeBand)
    community = models.CharField(_("community"), max_length=80)
    statement = models.TextField(_("public statement"), max_length=500, blank=True)
    logo = models.ImageField(
        _("logo"),
        storage=private_storage,
        upload_to="pledge-logos/",
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)

    # The contact person (never public; blanked by the retention purge).
    contact_name = models.CharField(_("contact name"), max_length=120, blank=True)
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    email = models.EmailField(_("work email"), blank=True, db_index=True)
    email_domain = models.CharField(max_length=254, blank=True, editable=False)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    # Every email to the signer is written in it (home.languages).
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Emails to the signer are written in this language."),
    )

    # Consents, with the version of the wording the signer saw.
    listing_consent_at = models.DateTimeField(_("consent to be listed"), null=True)
    listing_consent_version = models.CharField(max_length=12, blank=True)
    news_consent_at = models.DateTimeField(
        _("consent to receive news"), null=True, blank=True
    )
    news_consent_version = models.CharField(max_length=12, blank=True)

    # Lifecycle.
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status,
        default=Status.UNVERIFIED,
        db_index=True,
    )
    level = models.CharField(
        _("level"), max_length=10, choices=Level, default=Level.COMMITTED
    )
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    verified_at = models.DateTimeField(_("email confirmed"), null=True, blank=True)
    approved_at = models.DateTimeField(_("signed"), null=True, blank=True)
    renewed_at = models.DateTimeField(_("last renewed"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    closed_at = models.DateTimeField(
        _("rejected, withdrawn or lapsed"), null=True, blank=True
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    purged_at = models.DateTimeField(_("contact data removed"), null=True, blank=True)

    # Changes a listed signer made to public details, waiting for staff: the
    # approved version stays listed until a moderator accepts them.
    pending_changes = models.JSONField(
        _("changes awaiting review"), default=dict, blank=True, editable=False
    )
    pending_logo = models.ImageField(
        _("new logo awaiting review"),
        storage=private_storage,
        upload_to="pledge-logos/pending/",
        blank=True,
        editable=False,
    )
    changes_submitted_at = models.DateTimeField(
        _("changes submitted"), null=True, blank=True, editable=False
    )

    # Emailed links: only hashes are kept.
    verification_digest = models.CharField(max_length=64, blank=True, editable=False)
    verification_expires_at = models.DateTimeField(null=True, editable=False)
    manage_digest = models.CharField(max_length=64, blank=True, editable=False)
    manage_expires_at = models.DateTimeField(null=True, editable=False)
    # The link sent before the newest stays valid too: asking for a new link
    # (anyone can) must not kill the one the signer is about to open.
    previous_manage_digest = models.CharField(max_length=64, blank=True, editable=False)
    previous_manage_expires_at = models.DateTimeField(null=True, editable=False)
    # Idempotency of scheduled reminders: the expiry each one was sent for.
    renewal_reminder_for = models.DateTimeField(null=True, editable=False)
    expiry_reminder_for = models.DateTimeField(null=True, editable=False)
    checkin_sent_for = models.DateTimeField(null=True, editable=False)
    # One pledge per submitted form, however often it is posted.
    submission_key = models.UUIDField(null=True, unique=True, editable=False)

    objects = PledgeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        permissions = [
            ("view_pledge_contact", _("Can see pledge contact details")),
            ("moderate_pledge", _("Can approve and reject pledges")),
        ]
        indexes = [
            models.Index(fields=["status", "expires_at"]),
            # The registry lists the newest first: read a page in index order
            # rather than sorting every listed pledge.
            models.Index(fields=["approved_at"], name="pledge_approved_at_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=PledgeStatus.APPROVED)
                | Q(expires_at__isnull=False),
                name="approved_pledge_has_expiry",
            )
        ]

    def __str__(self):
        return self.organization_name

    def save(self, *args, **kwargs):
        self.normalized_name = normalize_organization_name(self.organization_name)
        self.email_domain = self.email.rpartition("@")[2].lower()
        super().save(*args, **kwargs)

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def has_pending_changes(self) -> bool:
        return bool(self.pending_changes or self.pending_logo)

    @property
    def is_listed(self) -> bool:
        return (
            self.status == self.Status.APPROVED
            and self.expires_at is not None
            and self.expires_at > timezone.now()
        )


class PledgeCommitment(models.Model):
    """A commitment chosen by one pledge, with the progress the signer reports."""

    class Progress(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    pledge = models.ForeignKey(
        Pledge, on_delete=models.CASCADE, related_name="chosen_commitments"
    )
    # Protected: a commitment someone chose is retired, never deleted.
    commitment = models.ForeignKey(
        Commitment, on_delete=models.PROTECT, related_name="pledge_choices"
    )
    progress = models.CharField(
        _("progress"),
        max_length=12,
        choices=Progress,
        default=Progress.NOT_STARTED,
    )
    story = models.TextField(_("what we did"), max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["commitment__sort_order", "commitment_id"]
        verbose_name = _("chosen commitment")
        verbose_name_plural = _("chosen commitments")
        constraints = [
            models.UniqueConstraint(
                fields=["pledge", "commitment"], name="one_choice_per_commitment"
            )
        ]

    def __str__(self):
        return f"{self.pledge} – {self.commitment}"
