"""Workshop admin: venues and facilitators, registrations, check-in, dashboard.

``employers.wagtail_hooks`` registers what this module defines. Staff see one
row per event (``WorkshopPage.event``), never one per translation; a
translation's id opens its event's check-in and email views.
"""

import datetime

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import CreateView, IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.snippets.views.snippets import SnippetViewSet

from employers.workshops import door
from employers.workshops.admin.registrant_email import (
    RegistrantEmailView,
    can_email_registrants,
)
from employers.workshops.models import (
    Facilitator,
    Registration,
    Venue,
    WorkshopFeedback,
    WorkshopPage,
    event_of,
    events,
)
from employers.workshops.services import registration as service
from employers.workshops.services.bursts import recent_bursts
from home.admin.feedback import FeedbackAnswer, FeedbackSection
from home.admin.inspect import LocalInspectMixin
from home.admin.panels import RestrictedPanel
from home.choices import Sector, SizeBand
from home.exports import SafeSpreadsheetExportMixin

ACCOMMODATION_PERMISSION = "workshops.view_accommodation_needs"
Status = Registration.Status


def can_see_accommodations(user) -> bool:
    return user.has_perm(ACCOMMODATION_PERMISSION)


# Snippets ---------------------------------------------------------------------


class VenueViewSet(SnippetViewSet):
    # Translated with wagtail-localize like pages; pages show the reader's.
    model = Venue
    icon = "site"
    menu_label = _("Venues")
    list_display = ["name", "address"]
    search_fields = ["name"]


class FacilitatorViewSet(SnippetViewSet):
    model = Facilitator
    icon = "user"
    menu_label = _("Facilitators")
    list_display = ["name", "role", "organization"]
    search_fields = ["name"]


# Registrations ----------------------------------------------------------------

EXPORT_FIELDS = [
    "workshop",
    "status",
    "seats",
    "name",
    "email",
    "organization",
    "job_title",
    "sector_label",
    "size_label",
    "created_at",
    "attended_at",
    "answers",
    "future_events_consent",
    "reference",
    "accommodation_needs",
]


class RegistrationFilterSet(WagtailFilterSet):
    class Meta:
        model = Registration
        fields = ["workshop", "status", "sector", "size"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Events only, newest first: one choice per workshop, not per language.
        self.filters["workshop"].queryset = events(WorkshopPage.objects.all()).order_by(
            "-start"
        )


class RegistrationIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The list and its export; accommodation needs only with the permission.

    The download buttons sit above the rows rather than under Wagtail's
    "More" menu, and are drawn with the results, so they always export what
    the filters on screen show (the results are redrawn when a filter
    changes; the header is not).
    """

    results_template_name = "workshops/admin/registration_index_results.html"
    export_headings = {
        "sector_label": _("Sector"),
        "size_label": _("Organization size"),
    }

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not can_see_accommodations(request.user):
            self.list_export = [
                f for f in self.list_export if f != "accommodation_needs"
            ]
            self.list_display = [
                f
                for f in self.list_display
                if getattr(f, "name", f) != "accommodation_needs"
            ]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("workshop")

    @cached_property
    def columns(self):
        columns = super().columns
        # One workshop's list (the dashboard's and check-in's link): its name
        # on every row says nothing, and the names need the width on a tablet.
        if self.is_filtering and self.filters.form.cleaned_data.get("workshop"):
            columns = [column for column in columns if column.name != "workshop"]
        return columns

    def get_export_url(self, format):
        # The list's own address, also when the results alone are redrawn.
        params = self.request.GET.copy()
        params.pop("p", None)
        params["export"] = format
        return self.index_url + "?" + params.urlencode()

    @cached_property
    def header_more_buttons(self):
        # The same downloads are buttons above the rows: no second copy here.
        return [
            button
            for button in super().header_more_buttons
            if button.url not in (self.csv_export_url, self.xlsx_export_url)
        ]

    def to_row_dict(self, item):
        item.sector_label = item.get_sector_display()
        item.size_label = item.get_size_display()
        return super().to_row_dict(item)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.is_active and self.request.user.has_perm(
            "workshops.change_registration"
        ):
            # In the row's "More" menu, beside Wagtail's own Delete: as a
            # button of its own it squeezed the names column on a tablet.
            buttons.append(
                Button(
                    _("Cancel registration"),
                    url=reverse("workshop_cancel_registration", args=[instance.pk]),
                    icon_name="cross",
                    priority=25,
                )
            )
        return buttons


class RegistrationInspectView(LocalInspectMixin, InspectView):
    def get_fields(self):
        fields = super().get_fields()
        if not can_see_accommodations(self.request.user):
            fields = [f for f in fields if f != "accommodation_needs"]
        return fields


class RegistrationForm(forms.ModelForm):
    """Staff add a walk-in; the seat check runs in the service, not here."""

    class Meta:
        model = Registration
        fields = [
            "workshop",
            "name",
            "email",
            "organization",
            "job_title",
            "sector",
            "size",
            "seats",
            "accommodation_needs",
            "language",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Not sent (a script, an older form): the workshop page's language.
        self.fields["language"].required = False


class RegistrationCreateView(CreateView):
    def form_valid(self, form):
        self.form = form
        data = dict(form.cleaned_data)
        workshop = data.pop("workshop")
        data["language"] = data.get("language") or workshop.locale.language_code
        try:
            self.object = service.register(
                workshop, data, source=Registration.Source.STAFF
            ).registration
        except service.AlreadyRegistered:
            form.add_error("email", _("This email is already registered."))
            return self.form_invalid(form)
        except service.RegistrationError as error:
            form.add_error(None, str(error) or _("This workshop is closed."))
            return self.form_invalid(form)
        return self.save_action()


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Registrations")
    url_prefix = "workshops/registrations"
    name = "workshop_registrations"
    index_view_class = RegistrationIndexView
    inspect_view_class = RegistrationInspectView
    add_view_class = RegistrationCreateView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "name",
        "organization",
        "workshop",
        "status",
        "seats",
        DateColumn("attended_at", label=_("Checked in")),
        # The field's own name, a line long in French, squeezed the names and
        # their Cancel button into a sliver.
        Column("accommodation_needs", label=_("Access needs")),
    ]
    filterset_class = RegistrationFilterSet
    # The reference too, as staff read it off a pass (without its hyphen).
    search_fields = ["name", "email", "organization", "reference"]
    list_export = EXPORT_FIELDS
    export_filename = "workshop-registrations"
    inspect_view_fields_exclude = ["token_nonce"]

    def get_form_class(self, for_update=False):
        if for_update:
            return forms.modelform_factory(
                Registration,
                fields=["name", "organization", "job_title", "sector", "size"],
            )
        return RegistrationForm


class FeedbackFilterSet(WagtailFilterSet):
    class Meta:
        model = WorkshopFeedback
        fields = ["workshop", "rating"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["workshop"].queryset = events(WorkshopPage.objects.all()).order_by(
            "-start"
        )


class FeedbackInspectView(LocalInspectMixin, InspectView):
    def get_fields(self):
        # The registration field names the person: only for staff who may
        # see registrations.
        fields = super().get_fields()
        if not self.request.user.has_perm("workshops.view_registration"):
            fields = [f for f in fields if f != "registration"]
        return fields


class FeedbackIndexView(SafeSpreadsheetExportMixin, IndexView):
    """Feedback comments are typed by the public: the CSV neutralizes formulas."""


class FeedbackViewSet(ModelViewSet):
    model = WorkshopFeedback
    icon = "comment"
    menu_label = _("Feedback")
    url_prefix = "workshops/feedback"
    name = "workshop_feedback"
    add_view_enabled = False
    index_view_class = FeedbackIndexView
    inspect_view_class = FeedbackInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["workshop", "rating", "next_steps", "comments", "created_at"]
    filterset_class = FeedbackFilterSet
    list_export = ["workshop", "rating", "next_steps", "comments", "created_at"]
    form_fields = ["rating", "next_steps", "comments"]


class WorkshopAdminGroup(ViewSetGroup):
    menu_label = _("Workshops")
    menu_icon = "date"
    menu_order = 220
    items = (RegistrationViewSet, FeedbackViewSet, VenueViewSet, FacilitatorViewSet)


# Counts per workshop ----------------------------------------------------------


def with_status_counts(workshops):
    def count(**condition):
        return Count("registrations", filter=Q(**condition))

    return service.with_seat_counts(workshops).annotate(
        confirmed=count(registrations__status=Status.CONFIRMED),
        waitlisted=count(registrations__status=Status.WAITLISTED),
        offered=count(registrations__status=Status.OFFERED),
        cancelled=count(registrations__status=Status.CANCELLED),
        attended=count(registrations__attended_at__isnull=False),
    )


def upcoming_workshops():
    return (
        with_status_counts(
            events(WorkshopPage.objects.filter(end__gt=timezone.now())).order_by(
                "start"
            )
        )
        .select_related("venue")
        .order_by("start")
    )


def with_recent_burst(workshops):
    """Annotate the latest burst the dashboard still shows (``burst_count``,
    ``burst_at``; None without one), in the listing's own query."""
    latest = recent_bursts().filter(workshop=OuterRef("pk")).order_by("-detected_at")
    return workshops.annotate(
        burst_count=Subquery(latest.values("registrations")[:1]),
        burst_at=Subquery(latest.values("detected_at")[:1]),
    )


def average_rating():
    """A subquery, so joining feedback does not multiply the registration counts."""
    ratings = (
        WorkshopFeedback.objects.filter(workshop=OuterRef("pk"))
        .values("workshop")
        .annotate(average=Avg("rating"))
        .values("average")
    )
    return Subquery(ratings)


@permission_required("workshops.view_registration", raise_exception=True)
def workshop_overview(request):
    """Every upcoming and recent workshop with its counts and links."""
    recent = timezone.now() - datetime.timedelta(days=60)
    workshops = with_status_counts(
        events(WorkshopPage.objects.filter(end__gt=recent)).order_by("start")
    ).annotate(average_rating=average_rating())
    return TemplateResponse(
        request,
        "workshops/admin/overview.html",
        {
            "workshops": workshops,
            "now": timezone.now(),
            "can_email": can_email_registrants(request.user),
        },
    )


# Check-in at the door ---------------------------------------------------------


class WalkInForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    email = forms.EmailField(label=_("Email"))
    organization = forms.CharField(label=_("Organization"), max_length=160)
    sector = forms.ChoiceField(
        label=_("Sector"), choices=[("", "—"), *Sector.choices], required=False
    )
    size = forms.ChoiceField(
        label=_("Organization size"),
        choices=[("", "—"), *SizeBand.choices],
        required=False,
    )


class ReferenceForm(forms.Form):
    """A reference typed at the door, or the address its QR code carries."""

    # Long enough for the scanned check-in address; the form cleans it down.
    reference = forms.CharField(label=_("Reference"), max_length=300)

    def clean_reference(self) -> str:
        reference = door.normalize_reference(self.cleaned_data["reference"])
        if not reference:
            raise forms.ValidationError(door.DoorResult(door.Outcome.INVALID).message)
        return reference


# How loud each outcome of a reference is on the page.
DOOR_MESSAGE_LEVELS = {
    door.Outcome.CHECKED_IN: messages.SUCCESS,
    door.Outcome.ALREADY_IN: messages.INFO,
    door.Outcome.NOT_CONFIRMED: messages.WARNING,
}


def with_camera_allowed(response):
    """The site refuses the camera to every page; the check-in page's scanner
    needs it, from this origin only (the middleware keeps a header set here)."""
    policy = {**settings.PERMISSIONS_POLICY, "camera": ["self"]}
    response.headers["Permissions-Policy"] = ", ".join(
        f"{feature}=({' '.join(allowlist)})" for feature, allowlist in policy.items()
    )
    return response


@require_http_methods(["GET", "POST"])
def check_in(request, workshop_id: int):
    """A phone-sized list: search, one tap to check in or undo, counts on top.

    Staff also check people in by the reference on their pass, typed or read
    from its QR code (``employers.workshops.door``).
    """
    if not request.user.has_perm("workshops.change_registration"):
        raise PermissionDenied
    # One list for the event, whichever translation's id is given.
    workshop = event_of(workshop_id)
    if workshop is None:
        raise Http404
    query = request.GET.get("q", "").strip()[:100]
    walk_in_form = WalkInForm()
    reference_form = ReferenceForm()
    # A phone's camera app opens the address of a pass's QR code: look the
    # reference up, but only a press of the button checks in.
    lookup = None
    if request.method == "GET" and request.GET.get("reference"):
        lookup = door.find_by_reference(workshop.pk, request.GET["reference"])
        reference_form = ReferenceForm(initial={"reference": request.GET["reference"]})
    can_add = request.user.has_perm("workshops.add_registration")
    if request.method == "POST":
        if "walk_in" in request.POST:
            if not can_add:
                raise PermissionDenied
            walk_in_form = WalkInForm(request.POST)
            if walk_in_form.is_valid():
                try:
                    # Someone at the door: the workshop page's language.
                    outcome = service.register(
                        workshop,
                        {
                            **walk_in_form.cleaned_data,
                            "language": workshop.locale.language_code,
                        },
                        source=Registration.Source.STAFF,
                    )
                except service.AlreadyRegistered as error:
                    outcome = None
                    service.check_in(error.registration)
                    messages.info(request, _("Already registered: checked in."))
                if outcome:
                    service.check_in(outcome.registration)
                    messages.success(request, _("Walk-in added and checked in."))
                return redirect(request.get_full_path())
        elif "by_reference" in request.POST:
            reference_form = ReferenceForm(request.POST)
            if reference_form.is_valid():
                result = door.check_in_by_reference(
                    workshop.pk, reference_form.cleaned_data["reference"]
                )
                if result.is_error:
                    # Shown on the field, with what was typed, to correct it.
                    reference_form.add_error("reference", result.message)
                else:
                    messages.add_message(
                        request, DOOR_MESSAGE_LEVELS[result.outcome], result.message
                    )
                    return redirect(
                        reverse("workshop_check_in", args=[workshop.pk])
                        + f"#registration-{result.registration.pk}"
                    )
        else:
            registration = get_object_or_404(
                Registration, pk=request.POST.get("registration"), workshop=workshop
            )
            attended = request.POST.get("attended") == "1"
            service.check_in(registration, attended=attended)
            suffix = f"#registration-{registration.pk}"
            return redirect(request.get_full_path() + suffix)
    registrations = Registration.objects.filter(
        workshop=workshop, status=Status.CONFIRMED
    ).order_by("name")
    if lookup is not None and lookup.outcome in (
        door.Outcome.FOUND,
        door.Outcome.ALREADY_IN,
    ):
        registrations = registrations.filter(pk=lookup.registration.pk)
    elif query:
        registrations = registrations.filter(
            Q(name__icontains=query) | Q(organization__icontains=query)
        )
    if reference_form.errors:
        # Back in the field to type it again, the error read out with it.
        reference_form.fields["reference"].widget.attrs["autofocus"] = True
    counts = with_status_counts(WorkshopPage.objects.filter(pk=workshop.pk)).values(
        "confirmed", "waitlisted", "offered", "cancelled", "attended", "seats_taken"
    )[0]
    response = TemplateResponse(
        request,
        "workshops/admin/check_in.html",
        {
            "workshop": workshop,
            "registrations": registrations,
            "query": query,
            "counts": counts,
            "reference_form": reference_form,
            "lookup": lookup,
            "walk_in_form": walk_in_form if can_add else None,
            "show_accommodations": can_see_accommodations(request.user),
            "can_email": can_email_registrants(request.user),
        },
    )
    return with_camera_allowed(response)


@require_http_methods(["GET", "POST"])
def cancel_registration(request, pk: int):
    """Cancel on someone's behalf, after a confirmation page."""
    if not request.user.has_perm("workshops.change_registration"):
        raise PermissionDenied
    registration = get_object_or_404(
        Registration.objects.select_related("workshop"), pk=pk
    )
    if request.method == "POST" and registration.is_active:
        service.cancel(registration)
        messages.success(
            request,
            _("Cancelled %(name)s's registration; the seat went to the waitlist.")
            % {"name": registration.name},
        )
        return redirect("workshop_check_in", registration.workshop_id)
    return TemplateResponse(
        request,
        "workshops/admin/cancel.html",
        {"registration": registration},
    )


def admin_urls():
    return [
        path("workshops/overview/", workshop_overview, name="workshop_overview"),
        path(
            "workshops/<int:workshop_id>/check-in/",
            check_in,
            name="workshop_check_in",
        ),
        path(
            "workshops/registrations/<int:pk>/cancel/",
            cancel_registration,
            name="workshop_cancel_registration",
        ),
        path(
            "workshops/<int:workshop_id>/email/",
            RegistrantEmailView.as_view(),
            name="workshop_email_registrants",
        ),
    ]


def registrations_url(workshop) -> str:
    """The admin list of the registrations of the workshop's event."""
    return (
        reverse("workshop_registrations:index")
        + "?"
        + urlencode({"workshop": workshop.event.pk})
    )


def registrations_buttons(page, user, view_name=None, next_url=None):
    """Every translation of a workshop links to its event's registrations."""
    if isinstance(page.specific_deferred, WorkshopPage) and user.has_perm(
        "workshops.view_registration"
    ):
        yield Button(
            _("Registrations"),
            url=registrations_url(page.specific_deferred),
            icon_name="group",
            priority=35,
        )


class UpcomingWorkshopsPanel(RestrictedPanel):
    """Dashboard: upcoming workshops with seats taken, capacity and waitlist."""

    name = "upcoming_workshops"
    template_name = "workshops/admin/dashboard_panel.html"
    order = 160

    @classmethod
    def is_shown_to(cls, user) -> bool:
        return user.has_perm("workshops.view_registration")

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["workshops"] = list(with_recent_burst(upcoming_workshops())[:8])
        context["can_check_in"] = user.has_perm("workshops.change_registration")
        return context


def latest_workshop_feedback(user, limit: int) -> FeedbackSection | None:
    """The dashboard's recent workshop feedback: ratings and comments only."""
    if not user.has_perm("workshops.view_workshopfeedback"):
        return None
    answers = WorkshopFeedback.objects.select_related("workshop").order_by(
        "-created_at", "-pk"
    )[:limit]
    return FeedbackSection(
        heading=_("Workshops"),
        answers=[
            FeedbackAnswer(
                subject=answer.workshop.title,
                answer=_("%(rating)d out of 5") % {"rating": answer.rating},
                comment=answer.comments,
                received_at=answer.created_at,
            )
            for answer in answers
        ],
        report_url=reverse("workshop_feedback:index"),
        report_label=_("All workshop feedback"),
    )
