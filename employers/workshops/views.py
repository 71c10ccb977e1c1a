"""Public workshop views, served through the pages' routes.

A page is read in its own language; seats, state, times and the calendar UID
come from its event (``WorkshopPage.event``), one for every translation.
"""

import datetime
import logging
import zoneinfo
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Min, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from employers.workshops.calendar import (
    CONTENT_TYPE,
    Method,
    add_to_calendar_links,
    calendar_bytes,
    workshop_event,
)
from employers.workshops.forms import FeedbackForm, RegistrationForm, ResendForm
from employers.workshops.models import (
    Registration,
    RegistrationState,
    WorkshopFacilitator,
    WorkshopFormat,
    WorkshopPage,
    events,
)
from employers.workshops.services import registration as service
from home import page_cache
from home.languages import in_language_of, localize_all
from home.ratelimit import client_ip, hit
from home.spam import signed_now
from resources.models import Topic
from resources.taxonomy import TopicChoices, localize_topics

WORKSHOPS_PER_PAGE = 20
# A person registering for a few workshops from one office is fine; a script is not.
IP_LIMIT, IP_WINDOW = 20, 60 * 60
EMAIL_LIMIT, EMAIL_WINDOW = 5, 60 * 60
# Guessing personal links: a person opens theirs a few times, a script thousands.
PERSONAL_LIMIT, PERSONAL_WINDOW = 300, 60 * 60
# A second tap on Register within this time, from the same browser, leads to
# the registration the first one made.
DOUBLE_TAP_WINDOW = 10 * 60

logger = logging.getLogger(__name__)


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


def _zone():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def _next_change(workshop: WorkshopPage, now: datetime.datetime):
    """When registration next opens, closes or the workshop ends, if ever."""
    moments = (workshop.registration_opens_at, workshop.closes_at, workshop.end)
    return min((moment for moment in moments if moment and moment > now), default=None)


def _cache_hints(workshop: WorkshopPage) -> None:
    """A cached page of this workshop shows its event's seats and state now."""
    event = workshop.event
    page_cache.depends_on(page_cache.workshop_tag(event.pk))
    page_cache.valid_until(_next_change(event, timezone.now()))


# The listing -----------------------------------------------------------------


def workshop_index(index, request: HttpRequest, *, past: bool = False):
    page_cache.depends_on(page_cache.REGISTRATIONS)
    now = timezone.now()
    listed = index.workshops()
    # Cards show no body: skip reading and decoding it.
    workshops = service.with_seat_counts(listed.defer_streamfields())
    if past:
        workshops = workshops.filter(end__lte=now).order_by("-start")
    else:
        workshops = workshops.filter(end__gt=now).order_by("start")
    options = _filter_options(listed, workshops, past, now)
    # Topics in the reader's language; a slug in either language finds one.
    choices = TopicChoices()
    topics = choices.localize(options["topics"])
    topic = choices.find(request.GET.get("topic", ""))
    formats = WorkshopFormat.choices
    # A filter value no one can pick (an old or edited link) is left out, and
    # the page says so, rather than answering with an error.
    notes = []
    chosen_format = request.GET.get("format", "")
    if chosen_format and chosen_format not in WorkshopFormat.values:
        chosen_format = ""
        notes.append(
            _("We could not use the format you asked for; showing all formats.")
        )
    months = options["months"]
    chosen_month = request.GET.get("month", "")
    month = _month(chosen_month) if chosen_month else None
    if chosen_month and month is None:
        chosen_month = ""
        notes.append(_("We could not use the month you asked for; showing all months."))
    filtered = workshops
    if topic:
        filtered = filtered.filter(topics__translation_key=topic.translation_key)
    if chosen_format:
        filtered = filtered.filter(format=chosen_format)
    if month:
        start = datetime.datetime(month.year, month.month, 1, tzinfo=_zone())
        following = (start + datetime.timedelta(days=32)).replace(day=1)
        filtered = filtered.filter(start__gte=start, start__lt=following)
    # The locale, for lang_attr on a card in another language than the index.
    filtered = filtered.select_related("locale", "venue").prefetch_related("topics")
    page_number = request.GET.get("page", "")

    def results() -> dict:
        page = Paginator(filtered, WORKSHOPS_PER_PAGE).get_page(page_number)
        localize_topics(index, page, choices)
        for workshop in page:
            workshop.availability = service.availability(workshop, now)
            workshop.shown_venue = None
        # Venues in the reader's language, in one batch for the whole page.
        placed = [workshop for workshop in page if workshop.has_venue]
        venues = in_language_of(index, [w.venue for w in placed])
        for workshop, venue in zip(placed, venues, strict=True):
            workshop.shown_venue = venue
        return {"workshops": page}

    # What the cards say changes when a listed workshop's registration opens
    # or closes or the workshop ends: the cached page may not outlive that.
    page_cache.valid_until(options["next_change"])
    chosen = {
        "topic": topic.slug if topic else "",
        "format": chosen_format,
        "month": chosen_month,
    }
    query = urlencode({k: v for k, v in chosen.items() if v})
    context = index.get_context(request)
    context.update(
        {
            "results": results(),
            "past": past,
            "topics": topics,
            "formats": formats,
            "months": months,
            "active_topic": topic,
            "active_format": chosen_format,
            "active_month": month,
            "is_filtered": any(chosen.values()),
            "filter_notes": notes,
            "pagination_query": query,
        }
    )
    return TemplateResponse(request, index.get_template(request), context)


def _month(value: str) -> datetime.date | None:
    """The first day of a ``YYYY-MM`` month, or None for anything else.

    The first and last years datetime can hold are refused too: the month's
    bounds in the site's zone would fall outside them (``9999-12`` was a 500).
    """
    try:
        month = datetime.date.fromisoformat(f"{value}-01")
    except ValueError:
        return None
    if not datetime.MINYEAR < month.year < datetime.MAXYEAR:
        return None
    return month


def _filter_options(listed, workshops, past: bool, now: datetime.datetime):
    """The topics and months to filter by, and when the listing next changes."""
    months = workshops.order_by().datetimes("start", "month", tzinfo=_zone())
    return {
        "topics": list(Topic.objects.filter(workshops__in=listed).distinct()),
        "months": sorted({month.date() for month in months}, reverse=past),
        "next_change": _next_listing_change(listed, now),
    }


def _next_listing_change(workshops, now: datetime.datetime):
    """The soonest moment any of ``workshops`` opens, closes or ends, if any."""
    # Registration closes at registration_closes_at, or else at the start;
    # every start counts, which at worst renews the cards once more.
    soonest = workshops.order_by().aggregate(
        opens=Min("registration_opens_at", filter=Q(registration_opens_at__gt=now)),
        closes=Min("registration_closes_at", filter=Q(registration_closes_at__gt=now)),
        starts=Min("start", filter=Q(start__gt=now)),
        ends=Min("end", filter=Q(end__gt=now)),
    )
    return min((moment for moment in soonest.values() if moment), default=None)


def index_calendar(index, request: HttpRequest) -> HttpResponse:
    """Every upcoming workshop, for people to subscribe to, in the index's language.

    Each event once, from under any translation of the index, with its text
    and venue in the index's language where a translation exists. Cancelled
    ones stay, marked CANCELLED, so subscribed calendars drop them.
    """
    listed = index.workshops_in_every_language()
    upcoming = list(
        events(listed)
        .filter(end__gt=timezone.now())
        .defer_streamfields()
        .select_related("venue", "calendar_state")
        .order_by("start")
    )
    pages = upcoming
    if any(event.locale_id != index.locale_id for event in upcoming):
        # Some are in another language: their live translations in this one.
        pages = localize_all(upcoming, listed.defer_streamfields())
    placed = [event for event in upcoming if event.has_venue]
    venues = in_language_of(index, [event.venue for event in placed])
    venue_of = {event.pk: venue for event, venue in zip(placed, venues, strict=True)}
    entries = [
        workshop_event(
            event,
            url=service.workshop_url(page, _base_url(request)),
            localized=page,
            venue=venue_of.get(event.pk),
        )
        for event, page in zip(upcoming, pages, strict=True)
    ]
    return _ics(calendar_bytes(entries, name=index.title), "workshops.ics", inline=True)


def _ics(content: bytes, filename: str, *, inline: bool = False) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


# A workshop ------------------------------------------------------------------


def workshop_context(workshop: WorkshopPage, request: HttpRequest) -> dict:
    """Topics, facilitators, venue and seats, in a fixed number of queries.

    Seats and state are the event's; venue and facilitators are in the
    reader's language where they are translated.
    """
    event = getattr(workshop, "counted_event", None) or _with_counts(workshop)
    _cache_hints(workshop)
    venue = service.venue_of(event, workshop)
    return {
        "event": event,
        "workshop_topics": in_language_of(workshop, workshop.topics.all()),
        "facilitators": in_language_of(workshop, _facilitators(workshop)),
        "venue": venue,
        "availability": service.availability(event),
        # The public event, never the online link (as the public .ics).
        "calendar_links": add_to_calendar_links(
            event,
            url=service.workshop_url(workshop, _base_url(request)),
            localized=workshop,
            venue=venue,
        ),
    }


def _facilitators(workshop: WorkshopPage) -> list:
    return [
        link.facilitator
        for link in WorkshopFacilitator.objects.filter(page=workshop)
        .select_related("facilitator__photo")
        .prefetch_related(Prefetch("facilitator__photo__renditions"))
        .order_by("sort_order")
    ]


def workshop_calendar(workshop: WorkshopPage, request: HttpRequest) -> HttpResponse:
    """The public calendar file, in the page's language: never the online link."""
    event = workshop.event
    entry = workshop_event(
        event,
        url=service.workshop_url(workshop, _base_url(request)),
        localized=workshop,
        venue=service.venue_of(event, workshop),
    )
    return _ics(calendar_bytes([entry]), f"{workshop.slug}.ics")


def _private(response: HttpResponse) -> HttpResponse:
    """Pages behind a personal link: not cached, not indexed, no referrer out."""
    patch_cache_control(response, private=True, no_store=True)
    # Keep the token out of other sites' logs. Not "no-referrer": browsers then
    # send "Origin: null" with the cancel form, which fails the CSRF check.
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response


def _render(workshop, request, template, extra, status=200):
    context = workshop.get_context(request)
    context.update(extra)
    return TemplateResponse(
        request, f"workshops/{template}.html", context, status=status
    )


def register(workshop: WorkshopPage, request: HttpRequest) -> HttpResponse:
    state = service.availability(_with_counts(workshop))["state"]
    _cache_hints(workshop)
    if not state.takes_registrations:
        return _render(workshop, request, "closed", {"state": state})
    if request.method == "POST" and "resend" in request.POST:
        return _resend(workshop, request)
    if request.method != "POST":
        form = RegistrationForm(workshop=workshop)
        return _render(workshop, request, "register", {"form": form, "state": state})
    sent_key = _sent_form_key(request)
    earlier = _registration_sent(workshop, sent_key)
    if earlier:
        return _registered(workshop, earlier)
    form = RegistrationForm(request.POST, workshop=workshop)
    if hit("workshop-register", client_ip(request), limit=IP_LIMIT, window=IP_WINDOW):
        return _render(
            workshop,
            request,
            "register",
            {"form": form, "state": state, "rate_limited": True},
            status=429,
        )
    if not form.is_valid():
        return _render(
            workshop, request, "register", {"form": form, "state": state}, status=400
        )
    if hit(
        "workshop-register-email",
        form.cleaned_data["email"],
        limit=EMAIL_LIMIT,
        window=EMAIL_WINDOW,
    ):
        return _render(
            workshop,
            request,
            "register",
            {"form": form, "state": state, "rate_limited": True},
            status=429,
        )
    try:
        with transaction.atomic():
            outcome = service.register(
                workshop,
                form.registration_data(),
                base_url=_base_url(request),
                network=service.network_of(client_ip(request)),
                form_token=form.data.get("shown_at", ""),
            )
            # Before the commit: a second tap waiting on the event's lock
            # finds it once the registration exists.
            _remember_sent(sent_key, outcome.registration)
    except service.VisitorLimit as limit:
        form.add_error(None, _visitor_limit_message(limit.allowed))
        return _render(
            workshop, request, "register", {"form": form, "state": state}, status=409
        )
    except (service.FormAlreadySent, service.AlreadyRegistered) as refused:
        earlier = _registration_sent(workshop, sent_key)
        if earlier:
            return _registered(workshop, earlier)
        if isinstance(refused, service.AlreadyRegistered):
            return _render(
                workshop,
                request,
                "already_registered",
                {"email": form.cleaned_data["email"]},
                status=409,
            )
        form.add_error(
            None,
            _(
                "This form has already been sent and your registration is "
                "recorded. To register someone else, check the details and "
                "send the form again."
            ),
        )
        # A new token: this page may make one more registration.
        form.fields["shown_at"].initial = signed_now()
        return _render(
            workshop, request, "register", {"form": form, "state": state}, status=409
        )
    except service.WorkshopFull:
        # Seats went while the form was filled in: show the count as it is now.
        _with_counts(workshop)
        return _render(
            workshop, request, "closed", {"state": RegistrationState.FULL}, status=409
        )
    except service.RegistrationClosed:
        return _render(
            workshop, request, "closed", {"state": RegistrationState.CLOSED}, status=409
        )
    return _registered(workshop, outcome.registration, outcome.token)


def _registered(
    workshop: WorkshopPage, registration: Registration, token: str = ""
) -> HttpResponse:
    """To the person's own page, saying they are registered (or waitlisted)."""
    token = token or service.registration_token(registration)
    url = workshop.url + workshop.reverse_subpage("registration", args=[token])
    return HttpResponseRedirect(f"{url}?new=1")


def _sent_form_key(request: HttpRequest) -> str:
    """A cache key for this form, as sent by this browser; "" if it cannot be told.

    The form's single-use token (issue 15) joined with the browser's CSRF
    cookie, which every POST carries: another browser sending the same token
    finds nothing, so a double tap leads to the registration and nobody
    else's post reveals it.
    """
    form_token = request.POST.get("shown_at", "")
    browser = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
    if not form_token or not browser:
        return ""
    digest = salted_hmac("workshops.sent-form", f"{form_token}|{browser}")
    return f"workshops:sent-form:{digest.hexdigest()}"


def _remember_sent(key: str, registration: Registration) -> None:
    if not key:
        return
    try:
        cache.set(key, registration.pk, DOUBLE_TAP_WINDOW)
    except Exception:  # a cache error is a miss: the second tap gets the 409
        logger.warning("Could not remember a sent registration form", exc_info=True)


def _registration_sent(workshop: WorkshopPage, key: str) -> Registration | None:
    """The registration this browser's form made minutes ago, if any."""
    if not key:
        return None
    try:
        pk = cache.get(key)
    except Exception:  # a cache error is a miss
        return None
    if not isinstance(pk, int):
        return None
    return Registration.objects.filter(
        pk=pk,
        workshop__translation_key=workshop.translation_key,
        purged_at__isnull=True,
    ).first()


def _visitor_limit_message(allowed: int) -> str:
    if allowed:
        return ngettext(
            "From this email address or network you can register %(count)d more "
            "seat for this workshop. Please choose fewer seats.",
            "From this email address or network you can register %(count)d more "
            "seats for this workshop. Please choose fewer seats.",
            allowed,
        ) % {"count": allowed}
    return _(
        "Registrations from this email address or network already hold as many "
        "seats for this workshop as we can give one person. If your organization "
        "needs more, please contact us."
    )


def _with_counts(workshop: WorkshopPage) -> WorkshopPage:
    """The workshop's event, with its seats counted now (one query)."""
    workshop.counted_event = service.event_with_counts(workshop)
    return workshop.counted_event


def _resend(workshop, request):
    form = ResendForm(request.POST)
    sent = False
    if form.is_valid():
        # Capped per inbox and day with the pledge forms' mail (home.inbox_mail).
        sent = service.resend_status_email(
            workshop, form.cleaned_data["email"], base_url=_base_url(request)
        )
    # Say the same whether or not the address is registered.
    return _render(workshop, request, "resent", {"sent": sent})


def _registration_from_link(workshop, request, token) -> Registration | None:
    """The link's registration; None for a bad link, 404 for too many tries."""
    if hit(
        "workshop-personal",
        client_ip(request),
        limit=PERSONAL_LIMIT,
        window=PERSONAL_WINDOW,
    ):
        raise Http404
    return service.find_registration(workshop, token)


def _link_invalid(workshop, request) -> HttpResponse:
    """A forged, mangled or revoked link: say so politely, as a 404."""
    return _private(_render(workshop, request, "link_invalid", {}, status=404))


def registration_page(workshop, request, token) -> HttpResponse:
    """The registrant's own page: details, calendar, online link and cancel.

    Cancelling takes two steps (GOV.UK's confirmation pattern, no JavaScript):
    "Cancel my registration" opens ``?cancel=confirm``, which asks "Are you
    sure?"; only its "Yes" (a POST with ``confirm=yes``) cancels.
    """
    registration = _registration_from_link(workshop, request, token)
    if registration is None:
        return _link_invalid(workshop, request)
    if request.GET.get("format") == "ics":
        return _private(_personal_ics(workshop, request, registration))
    if request.method == "POST":
        if request.POST.get("action") == "cancel" and registration.is_active:
            if request.POST.get("confirm") != "yes":
                return HttpResponseRedirect(request.path + "?cancel=confirm")
            service.cancel(registration, base_url=_base_url(request))
            return HttpResponseRedirect(request.path + "?cancelled=1")
        return HttpResponseRedirect(request.path)
    if request.GET.get("cancel") == "confirm" and registration.is_active:
        extra = {"registration": registration, "token": token}
        return _private(_render(workshop, request, "cancel", extra))
    status = registration.status
    event = registration.workshop
    show_online_link = (
        status == Registration.Status.CONFIRMED
        and event.is_online
        and bool(event.online_link)
    )
    extra = {
        "registration": registration,
        "token": token,
        "position": service.waitlist_position(registration),
        "is_new": request.GET.get("new") == "1",
        "just_cancelled": request.GET.get("cancelled") == "1",
        "show_online_link": show_online_link,
        "can_give_feedback": registration.attended_at is not None
        and event.end <= timezone.now(),
    }
    if status == Registration.Status.CONFIRMED:
        # The person's own: with the online link, as their .ics.
        extra["calendar_links"] = add_to_calendar_links(
            event,
            url=service.workshop_url(workshop, _base_url(request)),
            online_link=event.online_link if show_online_link else "",
            localized=workshop,
            venue=service.venue_of(event, workshop),
        )
    return _private(_render(workshop, request, "registration", extra))


def _personal_ics(workshop, request, registration) -> HttpResponse:
    """The registrant's own calendar file, in the language they registered in.

    Once cancelled, a cancellation (METHOD:CANCEL) with the event's SEQUENCE,
    which the cancellation raised above any file the person was sent.
    """
    event = registration.workshop
    confirmed = registration.status == Registration.Status.CONFIRMED
    cancelled = registration.status == Registration.Status.CANCELLED
    online = event.online_link if confirmed and event.is_online else ""
    with translation.override(registration.language):
        page = workshop.localized
        entry = workshop_event(
            event,
            url=service.workshop_url(page, _base_url(request)),
            online_link=online,
            cancelled=cancelled,
            localized=page,
            venue=service.venue_of(event, page),
        )
    method = Method.CANCEL if cancelled else Method.PUBLISH
    return _ics(calendar_bytes([entry], method=method), f"{page.slug}.ics")


def claim(workshop, request, token) -> HttpResponse:
    registration = _registration_from_link(workshop, request, token)
    if registration is None:
        return _link_invalid(workshop, request)
    personal = request.path.replace("/claim/", "/registration/", 1)
    if request.method == "POST":
        try:
            service.claim_offer(registration, base_url=_base_url(request))
        except service.OfferExpired:
            return _private(
                _render(
                    workshop,
                    request,
                    "claim",
                    {"registration": registration, "expired": True},
                    status=410,
                )
            )
        return HttpResponseRedirect(personal + "?claimed=1")
    if registration.status == Registration.Status.CONFIRMED:
        return HttpResponseRedirect(personal)
    expired = registration.status != Registration.Status.OFFERED or (
        registration.offer_expires_at
        and registration.offer_expires_at <= timezone.now()
    )
    return _private(
        _render(
            workshop,
            request,
            "claim",
            {"registration": registration, "expired": expired},
        )
    )


def feedback(workshop, request, token) -> HttpResponse:
    registration = _registration_from_link(workshop, request, token)
    if registration is None:
        return _link_invalid(workshop, request)
    if registration.attended_at is None or registration.workshop.end > timezone.now():
        raise Http404
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if form.is_valid():
            service.record_feedback(registration, form.cleaned_data)
            return _private(_render(workshop, request, "feedback", {"thanks": True}))
        status = 400
    else:
        form = FeedbackForm()
        status = 200
    return _private(
        _render(workshop, request, "feedback", {"form": form}, status=status)
    )
