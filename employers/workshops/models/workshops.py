"""Workshop pages: the listing, each workshop, its questions and facilitators."""

import datetime

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import ContentStreamBlock, prefetch_renditions


class WorkshopFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class RegistrationState(models.TextChoices):
    """Whether people can register for a workshop now; labels are what it says.

    ``WorkshopPage.registration_state()`` gives all but WAITLIST and FULL:
    counting the seats (``services.registration.availability``) turns OPEN
    into one of those when none is left.
    """

    OPEN = "open", _("Seats available")
    WAITLIST = "waitlist", _("Waitlist open")
    FULL = "full", _("Full")
    NOT_OPEN = "not_open", _("Registration opens soon")
    CLOSED = "closed", _("Registration closed")
    PAST = "past", _("Took place")
    CANCELLED = "cancelled", _("Cancelled")

    # For templates, which must not compare a state to bare strings.
    @property
    def takes_registrations(self) -> bool:
        return self in (RegistrationState.OPEN, RegistrationState.WAITLIST)

    @property
    def is_open(self) -> bool:
        return self is RegistrationState.OPEN

    @property
    def is_waitlist(self) -> bool:
        return self is RegistrationState.WAITLIST

    @property
    def is_full(self) -> bool:
        return self is RegistrationState.FULL

    @property
    def is_not_open(self) -> bool:
        return self is RegistrationState.NOT_OPEN

    @property
    def is_past(self) -> bool:
        return self is RegistrationState.PAST

    @property
    def is_cancelled(self) -> bool:
        return self is RegistrationState.CANCELLED


class WorkshopIndexPage(RoutablePageMixin, Page):
    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["workshops.WorkshopPage"]

    class Meta:
        verbose_name = _("workshop index page")
        verbose_name_plural = _("workshop index pages")

    def workshops(self):
        return WorkshopPage.objects.live().public().child_of(self)

    @path("")
    def listing(self, request):
        from employers.workshops.views import workshop_index

        return workshop_index(self, request)

    @path("past/", name="past")
    def past(self, request):
        from employers.workshops.views import workshop_index

        return workshop_index(self, request, past=True)

    @path("calendar/", name="calendar")
    def calendar(self, request):
        from employers.workshops.views import index_calendar

        return index_calendar(self, request)


class WorkshopPage(RoutablePageMixin, Page):
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences: what people will take away."),
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)
    topics = ParentalManyToManyField(
        "resources.Topic",
        verbose_name=_("topics"),
        related_name="workshops",
        blank=True,
    )
    audience = models.CharField(
        _("audience"),
        max_length=200,
        blank=True,
        help_text=_("Who it is for, such as “Owners and HR staff of small firms”."),
    )
    start = models.DateTimeField(_("starts at"))
    end = models.DateTimeField(_("ends at"))
    format = models.CharField(
        _("format"),
        max_length=20,
        choices=WorkshopFormat,
        default=WorkshopFormat.IN_PERSON,
    )
    venue = models.ForeignKey(
        "workshops.Venue",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshops",
    )
    online_link = models.URLField(
        _("online meeting link"),
        blank=True,
        help_text=_(
            "Never shown on the public page: only confirmed registrants see it, "
            "on their own page and in their emails."
        ),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Seats in all. Leave blank for no limit."),
    )
    max_seats_per_registration = models.PositiveSmallIntegerField(
        _("seats per registration"),
        default=1,
        help_text=_("More than 1 lets people bring colleagues."),
    )
    waitlist_enabled = models.BooleanField(
        _("waitlist"),
        default=True,
        help_text=_("When full, people join a waitlist and are offered freed seats."),
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens"),
        null=True,
        blank=True,
        help_text=_("Leave blank to open it when the page is published."),
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Leave blank to close it when the workshop starts."),
    )
    reminder_hours = models.PositiveSmallIntegerField(
        _("reminder, hours before"),
        default=24,
        help_text=_("When confirmed registrants get their reminder. 0 sends none."),
    )
    claim_window_hours = models.PositiveSmallIntegerField(
        _("hours to claim a freed seat"),
        default=24,
        help_text=_(
            "How long a person on the waitlist has to claim an offered seat. "
            "Shorter close to the start; 0 confirms them at once."
        ),
    )
    is_cancelled = models.BooleanField(
        _("cancelled"),
        default=False,
        help_text=_("Publish with this ticked to tell every registrant."),
    )
    cancellation_message = models.TextField(
        _("cancellation message"), max_length=600, blank=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("format"),
                FieldPanel("venue"),
                FieldPanel("online_link"),
            ],
            heading=_("When and where"),
        ),
        InlinePanel(
            "workshop_facilitators", heading=_("Facilitators"), label=_("Facilitator")
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("capacity"),
                        FieldPanel("max_seats_per_registration"),
                    ]
                ),
                FieldPanel("waitlist_enabled"),
                FieldRowPanel(
                    [
                        FieldPanel("registration_opens_at"),
                        FieldPanel("registration_closes_at"),
                    ]
                ),
                FieldRowPanel(
                    [FieldPanel("reminder_hours"), FieldPanel("claim_window_hours")]
                ),
            ],
            heading=_("Registration"),
        ),
        InlinePanel(
            "questions",
            heading=_("Extra questions"),
            label=_("Question"),
            help_text=_("Asked on the registration form of this workshop only."),
        ),
        MultiFieldPanel(
            [FieldPanel("is_cancelled"), FieldPanel("cancellation_message")],
            heading=_("Cancel the workshop"),
        ),
    ]
    settings_panels = Page.settings_panels + [
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("audience"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]

    parent_page_types = ["workshops.WorkshopIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be after the start.")
        closes = self.registration_closes_at
        if closes and self.end and closes > self.end:
            errors["registration_closes_at"] = _(
                "Registration must close before the workshop ends."
            )
        opens = self.registration_opens_at
        if opens and closes and opens >= closes:
            errors["registration_opens_at"] = _(
                "Registration must open before it closes."
            )
        if self.max_seats_per_registration < 1:
            errors["max_seats_per_registration"] = _("Allow at least 1 seat.")
        if self.format != WorkshopFormat.ONLINE and self.venue is None:
            errors["venue"] = _("Choose a venue for an in-person or hybrid workshop.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from employers.workshops.views import workshop_context

        context = super().get_context(request, *args, **kwargs)
        prefetch_renditions(self.body)
        context.update(workshop_context(self, request))
        return context

    # Routes: the form, the registrant's own pages and the calendar file.
    @path("register/", name="register")
    def register(self, request):
        from employers.workshops.views import register

        return register(self, request)

    @path("registration/<str:token>/", name="registration")
    def registration(self, request, token):
        from employers.workshops.views import registration_page

        return registration_page(self, request, token)

    @path("claim/<str:token>/", name="claim")
    def claim(self, request, token):
        from employers.workshops.views import claim

        return claim(self, request, token)

    @path("feedback/<str:token>/", name="feedback")
    def feedback(self, request, token):
        from employers.workshops.views import feedback

        return feedback(self, request, token)

    @path("calendar/", name="calendar")
    def calendar(self, request):
        from employers.workshops.views import workshop_calendar

        return workshop_calendar(self, request)

    @property
    def closes_at(self) -> datetime.datetime:
        return self.registration_closes_at or self.start

    def registration_state(
        self, now: datetime.datetime | None = None
    ) -> RegistrationState:
        """Cancelled, past, not open yet, closed or open; seats are not counted."""
        now = now or timezone.now()
        if self.is_cancelled:
            return RegistrationState.CANCELLED
        if self.end <= now:
            return RegistrationState.PAST
        if self.registration_opens_at and now < self.registration_opens_at:
            return RegistrationState.NOT_OPEN
        if now >= self.closes_at:
            return RegistrationState.CLOSED
        return RegistrationState.OPEN

    @property
    def has_venue(self) -> bool:
        return self.format != WorkshopFormat.ONLINE and self.venue_id is not None

    @property
    def is_online(self) -> bool:
        return self.format in (WorkshopFormat.ONLINE, WorkshopFormat.HYBRID)


class WorkshopFacilitator(Orderable):
    page = ParentalKey(
        WorkshopPage, on_delete=models.CASCADE, related_name="workshop_facilitators"
    )
    facilitator = models.ForeignKey(
        "workshops.Facilitator",
        verbose_name=_("facilitator"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("facilitator")]

    class Meta(Orderable.Meta):
        verbose_name = _("facilitator")
        verbose_name_plural = _("facilitators")


class WorkshopQuestion(Orderable):
    """A question staff add to one workshop's registration form."""

    class Kind(models.TextChoices):
        SHORT_TEXT = "short_text", _("Short text")
        LONG_TEXT = "long_text", _("Long text")
        CHOICE = "choice", _("Single choice")
        CHECKBOX = "checkbox", _("Checkbox")

    page = ParentalKey(WorkshopPage, on_delete=models.CASCADE, related_name="questions")
    label = models.CharField(_("question"), max_length=200)
    kind = models.CharField(
        _("type"), max_length=20, choices=Kind, default=Kind.SHORT_TEXT
    )
    choices = models.TextField(
        _("choices"),
        blank=True,
        help_text=_("For a single choice: one option per line."),
    )
    required = models.BooleanField(_("required"), default=False)
    help_text = models.CharField(_("help text"), max_length=200, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("kind")]),
        FieldPanel("choices"),
        FieldRowPanel([FieldPanel("required"), FieldPanel("help_text")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if self.kind == self.Kind.CHOICE and len(self.choice_list) < 2:
            raise ValidationError({"choices": _("Give at least two choices.")})

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    @property
    def field_name(self) -> str:
        return f"question_{self.pk}"


class WorkshopCalendarState(models.Model):
    """What registrants were last told about a workshop's time and place.

    Kept off the page so that revisions and drafts do not carry it: publishing
    compares the page with this row to decide whether to send an update.
    """

    workshop = models.OneToOneField(
        WorkshopPage,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="calendar_state",
    )
    fingerprint = models.CharField(max_length=64, blank=True)
    sequence = models.PositiveIntegerField(default=0)
    capacity = models.PositiveIntegerField(null=True, blank=True)
    cancellation_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("workshop calendar state")
        verbose_name_plural = _("workshop calendar states")

    def __str__(self):
        return f"{self.workshop_id}: {self.sequence}"
