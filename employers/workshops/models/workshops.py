"""Workshop pages: the listing, each workshop, its questions and facilitators."""

import datetime

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail_localize.fields import SynchronizedField, TranslatableField

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from home.blocks import ContentStreamBlock, prefetch_renditions
from home.translation_fields import PAGE_FIELDS
from resources.admin_forms import ClassifiedPageForm


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


# What makes a workshop one event in every language: the event's values,
# copied onto its translations (see WorkshopPage.event).
EVENT_FIELDS = [
    "start",
    "end",
    "format",
    "venue",
    "online_link",
    "capacity",
    "max_seats_per_registration",
    "max_seats_per_address",
    "max_seats_per_network",
    "burst_alert_threshold",
    "waitlist_enabled",
    "registration_opens_at",
    "registration_closes_at",
    "reminder_hours",
    "claim_window_hours",
    "is_cancelled",
]
# The same, as columns: the venue by its id, not its row.
EVENT_COLUMNS = [name if name != "venue" else "venue_id" for name in EVENT_FIELDS]


def events(workshops: QuerySet) -> QuerySet:
    """Only the events among ``workshops``: the first page of each translation
    group (lowest pk), so a listing of events counts each workshop once."""
    earlier = WorkshopPage.objects.filter(
        translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk")
    )
    return workshops.filter(~Exists(earlier))


def event_of(workshop_pk: int) -> "WorkshopPage | None":
    """The event of the workshop page ``workshop_pk``, found in one query."""
    key = WorkshopPage.objects.filter(pk=workshop_pk).values("translation_key")
    event = (
        WorkshopPage.objects.filter(translation_key=models.Subquery(key[:1]))
        .order_by("pk")
        .first()
    )
    if event is not None:
        event.event = event  # known now: no second query to find it
    return event


class WorkshopIndexPage(RoutablePageMixin, Page):
    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["workshops.WorkshopPage"]

    class Meta:
        verbose_name = _("workshop index page")
        verbose_name_plural = _("workshop index pages")

    def workshops(self) -> QuerySet:
        """Each event under any translation of this index once, as one page.

        Its live page in this index's language where there is one, else its
        first live page (the event's, as a rule), so a reader sees every
        event whether or not it is translated yet. One query, to filter,
        count and cut into pages like any other.
        """
        listed = self.workshops_in_every_language()
        # A page of the same event that comes first: in this language, or made
        # earlier when there is none in this language.
        preferred = listed.filter(translation_key=OuterRef("translation_key")).filter(
            Q(locale_id=self.locale_id) | Q(pk__lt=OuterRef("pk"))
        )
        return listed.filter(Q(locale_id=self.locale_id) | ~Exists(preferred))

    def workshops_in_every_language(self) -> QuerySet:
        """The live, public workshops under any translation of this index."""
        # Their parent's path is the first characters of theirs, as long as
        # this index's path, and the parent is a translation of this index.
        parent = WorkshopIndexPage.objects.filter(
            translation_key=self.translation_key,
            path=Substr(OuterRef("path"), 1, len(self.path)),
        )
        return (
            WorkshopPage.objects.live()
            .public()
            .filter(Exists(parent), depth=self.depth + 1)
        )

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
    max_seats_per_address = models.PositiveSmallIntegerField(
        _("seats per email address"),
        default=4,
        help_text=_(
            "Most seats, confirmed or on the waitlist, that one email address "
            "may hold, however it is spelled."
        ),
    )
    max_seats_per_network = models.PositiveSmallIntegerField(
        _("seats per network"),
        default=6,
        help_text=_(
            "Most seats that registrations from one network (an office or a "
            "home connection) may hold. Raise it for a workshop for one employer."
        ),
    )
    burst_alert_threshold = models.PositiveSmallIntegerField(
        _("burst alert after"),
        default=10,
        help_text=_(
            "Event coordinators are emailed when more website registrations "
            "than this arrive within 10 minutes. 0 turns the alert off."
        ),
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
                FieldRowPanel(
                    [
                        FieldPanel("max_seats_per_address"),
                        FieldPanel("max_seats_per_network"),
                        FieldPanel("burst_alert_threshold"),
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
    base_form_class = ClassifiedPageForm

    # Editors translate the words; wagtail-localize copies the rest from the
    # source page, and save() takes it from the event whatever the editor did.
    translatable_fields = [
        *PAGE_FIELDS,
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("audience"),
        TranslatableField("cancellation_message"),
        TranslatableField("questions"),
        SynchronizedField("workshop_facilitators"),
        *(SynchronizedField(name) for name in EVENT_FIELDS),
    ]

    parent_page_types = ["workshops.WorkshopIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")

    def save(self, *args, **kwargs):
        # A translation never has its own time, place, seats or topics: take
        # them from the event. Partial saves (update_fields) touch none of them.
        if kwargs.get("update_fields") is None:
            self.take_event_fields()
        return super().save(*args, **kwargs)

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

    @cached_property
    def event(self) -> "WorkshopPage":
        """The one event behind every translation of this workshop.

        The translation made first (lowest pk) of the translation group,
        normally the source language's page. Registrations, seats, offers,
        check-in and the calendar UID and SEQUENCE all belong to it.
        """
        if self.pk is None:
            return self
        first = (
            WorkshopPage.objects.filter(translation_key=self.translation_key)
            .order_by("pk")
            .first()
        )
        return self if first is None or first.pk == self.pk else first

    @property
    def is_event(self) -> bool:
        return self.event.pk == self.pk

    def event_values(self) -> dict:
        """The event fields as column values, for a queryset ``update()``."""
        return {name: getattr(self, name) for name in EVENT_COLUMNS}

    def take_event_fields(self) -> None:
        """Copy the event's time, place, seats and topics onto this translation."""
        if self.pk is None or self.is_event:
            return
        event = self.event
        for attname, value in event.event_values().items():
            setattr(self, attname, value)
        self.topics = list(event.topics.all())

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


class WorkshopQuestion(TranslatableMixin, Orderable):
    """A question staff add to one workshop's registration form.

    Translated with its page; answers are stored under the event's question
    (see forms.RegistrationForm.registration_data), whatever the language.
    """

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

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
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
