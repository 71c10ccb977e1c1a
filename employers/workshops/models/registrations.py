"""People's registrations for workshops, and what attendees said afterwards."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from employers.pledges.models.pledges import organization_key
from home.choices import Sector, SizeBand

# Bump when the consent wording on the form changes; each registration keeps
# the version its person agreed to.
CONSENT_VERSION = "2026-11"


def new_token_nonce() -> str:
    """A random value that a registrant's signed link must carry."""
    return secrets.token_urlsafe(16)


# Letters and digits nobody confuses when reading them off a phone or typing
# them: no 0/O, 1/I/L. 31**8 (about 8.5e11) references per event, so staff
# at the door can type one and nobody can find a registration by guessing.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 8


def new_reference() -> str:
    """A random door reference; unique per event by a constraint (see Meta)."""
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


class RegistrationStatus(models.TextChoices):
    """Where a registration stands; also ``Registration.Status``."""

    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("Waitlisted")
    OFFERED = "offered", _("Offered a seat")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(models.Model):
    # Defined outside the class so that Meta's constraint can name the statuses.
    Status = RegistrationStatus

    class Source(models.TextChoices):
        WEBSITE = "website", _("Website")
        STAFF = "staff", _("Added by staff")

    # Statuses that hold a seat, and those still in play.
    HOLDING = (Status.CONFIRMED, Status.OFFERED)
    ACTIVE = (Status.CONFIRMED, Status.OFFERED, Status.WAITLISTED)

    workshop = models.ForeignKey(
        "workshops.WorkshopPage",
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.CONFIRMED
    )
    seats = models.PositiveSmallIntegerField(
        _("seats"), default=1, validators=[MinValueValidator(1)]
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("work email"))
    organization = models.CharField(_("organization"), max_length=160)
    # Survives the purge of the name, for counting organizations in reports.
    organization_key = models.CharField(max_length=64, blank=True, editable=False)
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    sector = models.CharField(_("sector"), max_length=8, choices=Sector, blank=True)
    size = models.CharField(
        _("organization size"), max_length=8, choices=SizeBand, blank=True
    )
    accommodation_needs = models.TextField(
        _("accessibility or accommodation needs"), max_length=1000, blank=True
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    consent_version = models.CharField(_("consent wording version"), max_length=20)
    consented_at = models.DateTimeField(_("consented at"), null=True, blank=True)
    future_events_consent = models.BooleanField(
        _("agreed to hear about future events"), default=False
    )
    source = models.CharField(
        _("source"), max_length=10, choices=Source, default=Source.WEBSITE
    )
    # Every email to the registrant is written in it (home.languages).
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Emails to this person are written in this language."),
    )
    # The personal link signs this with the secret key (see
    # services.registration.registration_token): useless without the key.
    token_nonce = models.CharField(
        max_length=32, default=new_token_nonce, editable=False
    )
    # Shown on the door pass (page and confirmation email) and typed or
    # scanned on the staff check-in page; never a way in to the personal page.
    reference = models.CharField(
        _("reference"),
        max_length=REFERENCE_LENGTH,
        default=new_reference,
        editable=False,
    )
    # What one visitor may hold of an event is counted on these (seat limits
    # in services.registration): digests of the normalized address and of
    # the network (/24 or /64), blanked with the person's data; and the
    # digest of the form's "shown at" token, so one page load registers once.
    inbox_digest = models.CharField(max_length=64, blank=True, editable=False)
    network_digest = models.CharField(max_length=64, blank=True, editable=False)
    form_token_digest = models.CharField(
        max_length=64, null=True, blank=True, unique=True, editable=False
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    offered_at = models.DateTimeField(_("offered at"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(
        _("offer expires at"), null=True, blank=True
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    attended_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    feedback_requested_at = models.DateTimeField(null=True, blank=True, editable=False)
    purged_at = models.DateTimeField(
        _("personal data deleted at"), null=True, blank=True, editable=False
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("workshop registration")
        verbose_name_plural = _("workshop registrations")
        permissions = [
            (
                "view_accommodation_needs",
                _("Can see accessibility and accommodation needs"),
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "email"],
                condition=Q(
                    status__in=[
                        RegistrationStatus.CONFIRMED,
                        RegistrationStatus.OFFERED,
                        RegistrationStatus.WAITLISTED,
                    ]
                )
                & ~Q(email=""),
                name="one_active_registration_per_email",
            ),
            models.CheckConstraint(
                condition=Q(seats__gte=1), name="registration_has_a_seat"
            ),
            # A collision is about one in a million for 1,000 registrations of
            # one event; the constraint makes it an error rather than a mix-up.
            models.UniqueConstraint(
                fields=["workshop", "reference"], name="one_reference_per_event"
            ),
        ]
        indexes = [
            models.Index(fields=["workshop", "status", "created_at"]),
            models.Index(fields=["workshop", "inbox_digest"]),
            models.Index(fields=["workshop", "network_digest"]),
        ]

    def __str__(self):
        return self.name or str(_("Anonymous registration"))

    def save(self, *args, **kwargs):
        # After the purge the organization is blank: keep the key it left.
        if self.organization:
            self.organization_key = organization_key(self.organization)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "organization" in update_fields:
            kwargs["update_fields"] = {*update_fields, "organization_key"}
        super().save(*args, **kwargs)

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    # For templates, which must not compare the status to bare strings.
    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED

    @property
    def is_waitlisted(self) -> bool:
        return self.status == self.Status.WAITLISTED

    @property
    def is_offered(self) -> bool:
        return self.status == self.Status.OFFERED


class WorkshopFeedback(models.Model):
    """What an attendee thought of a workshop, asked for after it."""

    registration = models.OneToOneField(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    workshop = models.ForeignKey(
        "workshops.WorkshopPage",
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="feedback_answers",
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    next_steps = models.TextField(
        _("what they will do next"), max_length=1000, blank=True
    )
    comments = models.TextField(_("comments"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("workshop feedback")
        verbose_name_plural = _("workshop feedback")
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=1) & Q(rating__lte=5),
                name="workshop_feedback_rating_1_to_5",
            )
        ]

    def __str__(self):
        return f"{self.workshop} ({self.rating}/5)"


class RegistrationBurst(models.Model):
    """More website registrations to one event in a short time than usual.

    One row per alert sent to the event coordinators; the dashboard shows the
    recent ones (employers.workshops.services.bursts).
    """

    workshop = models.ForeignKey(
        "workshops.WorkshopPage",
        on_delete=models.CASCADE,
        related_name="registration_bursts",
        verbose_name=_("workshop"),
    )
    detected_at = models.DateTimeField(_("detected at"))
    registrations = models.PositiveIntegerField(_("registrations"))

    class Meta:
        ordering = ["-detected_at", "-pk"]
        verbose_name = _("registration burst")
        verbose_name_plural = _("registration bursts")
        indexes = [models.Index(fields=["workshop", "detected_at"])]

    def __str__(self):
        return f"{self.workshop_id}: {self.registrations} ({self.detected_at})"
