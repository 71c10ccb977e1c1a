"""The public pages of the pledge: sign, confirm, ask for links, manage."""

import functools

from django.core import signing
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from wagtail.models import Site

from employers.pledges.forms import (
    CommitmentsForm,
    EmailLinkForm,
    PledgeDetailsForm,
    PledgeForm,
    ProgressForm,
)
from employers.pledges.models import Pledge, PledgePage
from employers.pledges.services import lifecycle as services
from home.communities import community_choices
from home.mail import deliver_queued_mail
from home.ratelimit import client_ip, hit, normalize_email

HOUR = 60 * 60
# Enough for a colleague or two on one office connection, too few for a flood.
SIGN_LIMIT_PER_IP = 10
SIGN_LIMIT_PER_EMAIL = 3
LINK_LIMIT_PER_IP = 10
LINK_LIMIT_PER_EMAIL = 3
# Each logo kept for a form with an error is a file for a day: a few an hour
# per network for people fixing their form, never a flood filling the disk.
KEPT_LOGOS_PER_IP = 20
DUPLICATE_SALT = "pledges.pledge.duplicate"
# Renewal is offered this many days before expiry (and any time after).
RENEWAL_WINDOW_DAYS = 60


def _communities(request: HttpRequest) -> list[tuple[str, str]]:
    """The communities to offer: (stored value, name in the reader's language)."""
    return community_choices()


class DeliverAfterResponse(TemplateResponse):
    """Sends queued email once the response has gone to the visitor.

    A link request then takes the same time whether or not the address has a
    pledge: the slow part, talking to the mail server, comes after. The WSGI
    server calls ``close()`` when the response is written; the scheduled run
    delivers anything left.
    """

    def close(self):
        # Before the response's own close, which ends the request and may
        # close the database connection the delivery reads the queue with.
        deliver_queued_mail()
        super().close()


def _render(
    page: PledgePage,
    request: HttpRequest,
    template: str,
    context: dict | None = None,
    status: int = 200,
    response_class=TemplateResponse,
) -> TemplateResponse:
    full_context = page.get_context(request)
    full_context.update(context or {})
    return response_class(request, template, full_context, status=status)


def _rate_limited(request: HttpRequest, scope: str, email: str, ip_limit, email_limit):
    """Count one valid submission by network and by inbox (``normalize_email``).

    Only submissions that passed validation are counted: mistakes cost
    nothing and must not lock anyone out. The mail itself has its own daily
    cap per inbox (``employers.pledges.mail``).
    """
    over_ip = hit(scope, client_ip(request), limit=ip_limit, window=HOUR)
    over_email = bool(email) and hit(
        f"{scope}-email", normalize_email(email), limit=email_limit, window=HOUR
    )
    return over_ip or over_email


def _behind_token(view):
    """Pages whose address holds a secret: never cached, indexed or referred.

    Django's ``never_cache`` wants the request first; routes pass the page.
    """

    @functools.wraps(view)
    def wrapped(page: PledgePage, request: HttpRequest, token: str) -> HttpResponse:
        response = view(page, request, token)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
        response["Referrer-Policy"] = "same-origin"
        return response

    return wrapped


def _keep_logo(request: HttpRequest, form: PledgeForm | PledgeDetailsForm) -> None:
    """Keep the form's checked logo for the next post, within the network's limit."""
    if form.checked_logo and hit(
        "pledge-logo-kept", client_ip(request), limit=KEPT_LOGOS_PER_IP, window=HOUR
    ):
        return  # the visitor chooses the file again, as browsers require
    form.keep_logo()


def _sign_again(
    page: PledgePage, request: HttpRequest, form: PledgeForm, status: int, **context
) -> TemplateResponse:
    """Show the filled-in form again, with its checked logo kept."""
    _keep_logo(request, form)
    return _render(
        page, request, "pledges/pledge_page.html", {"form": form, **context}, status
    )


def sign(page: PledgePage, request: HttpRequest) -> HttpResponse:
    communities = _communities(request)
    if request.method != "POST":
        form = PledgeForm(page=page, communities=communities)
        return _render(page, request, "pledges/pledge_page.html", {"form": form})

    form = PledgeForm(request.POST, request.FILES, page=page, communities=communities)
    if not form.is_valid():
        return _sign_again(page, request, form, 400)
    if _rate_limited(
        request,
        "pledge-sign",
        form.cleaned_data["email"],
        SIGN_LIMIT_PER_IP,
        SIGN_LIMIT_PER_EMAIL,
    ):
        return _sign_again(page, request, form, 429, rate_limited=True)
    try:
        services.sign_pledge(page, form.cleaned_data, request=request)
    except services.InboxFull:
        return _sign_again(page, request, form, 429, inbox_full=True)
    except services.DuplicatePledge as duplicate:
        return _sign_again(
            page,
            request,
            form,
            409,
            duplicate=duplicate.pledge,
            duplicate_token=signing.dumps(duplicate.pledge.pk, salt=DUPLICATE_SALT),
        )
    # A fragment of its own: without one, the browser keeps the form's
    # (#form-feedback) on the thank-you address.
    thanks = page.url + page.reverse_subpage("thank_you")
    return HttpResponseRedirect(f"{thanks}#main")


def thank_you(page: PledgePage, request: HttpRequest) -> HttpResponse:
    return _render(page, request, "pledges/thank_you.html")


@_behind_token
def verify(page: PledgePage, request: HttpRequest, token: str) -> HttpResponse:
    """Show a confirm button; only its POST verifies, so link scanners cannot."""
    template = "pledges/verify.html"
    if request.method != "POST":
        pledge = services.pledge_for_verification(token)
        if pledge is None:
            outcome = services.Verification.INVALID
        elif pledge.status != Pledge.Status.UNVERIFIED:
            outcome = services.Verification.ALREADY_VERIFIED
        elif pledge.verification_expires_at <= timezone.now():
            outcome = services.Verification.EXPIRED
        else:
            outcome = None
        return _render(
            page,
            request,
            template,
            {"pledge": pledge, "outcome": outcome, "ask": outcome is None},
            status=404 if outcome is services.Verification.INVALID else 200,
        )
    outcome, pledge = services.verify_pledge(page, token, request=request)
    status = 404 if outcome is services.Verification.INVALID else 200
    return _render(
        page, request, template, {"pledge": pledge, "outcome": outcome}, status=status
    )


def _email_link_view(page, request, *, scope: str, template: str, send) -> HttpResponse:
    """Ask for a link by email, answering the same whether or not it matches."""
    if request.method != "POST":
        return _render(page, request, template, {"form": EmailLinkForm()})
    form = EmailLinkForm(request.POST)
    if not form.is_valid():
        return _render(page, request, template, {"form": form}, status=400)
    email = form.cleaned_data["email"]
    if _rate_limited(request, scope, email, LINK_LIMIT_PER_IP, LINK_LIMIT_PER_EMAIL):
        return _render(
            page, request, template, {"form": form, "rate_limited": True}, status=429
        )
    # The email is only queued here; it leaves after the response.
    send(page, email, request=request)
    return _render(
        page, request, template, {"sent": True}, response_class=DeliverAfterResponse
    )


def resend_verification(page: PledgePage, request: HttpRequest) -> HttpResponse:
    return _email_link_view(
        page,
        request,
        scope="pledge-resend",
        template="pledges/resend.html",
        send=services.resend_verification,
    )


def request_manage_link(page: PledgePage, request: HttpRequest) -> HttpResponse:
    duplicate_token = request.POST.get("duplicate")
    if request.method == "POST" and duplicate_token:
        return _manage_link_for_duplicate(page, request, duplicate_token)
    return _email_link_view(
        page,
        request,
        scope="pledge-manage",
        template="pledges/request_manage_link.html",
        send=services.send_manage_links,
    )


def _manage_link_for_duplicate(page, request, token: str) -> HttpResponse:
    template = "pledges/request_manage_link.html"
    if hit("pledge-manage", client_ip(request), limit=LINK_LIMIT_PER_IP, window=HOUR):
        return _render(page, request, template, {"rate_limited": True}, status=429)
    try:
        pledge_id = signing.loads(token, salt=DUPLICATE_SALT, max_age=HOUR)
    except signing.BadSignature:
        return _render(page, request, template, {"form": EmailLinkForm()}, status=400)
    pledge = Pledge.objects.filter(pk=pledge_id, status__in=services.MANAGEABLE).first()
    if pledge and not hit(
        "pledge-manage-email",
        normalize_email(pledge.email),
        limit=LINK_LIMIT_PER_EMAIL,
        window=HOUR,
    ):
        services.send_manage_link_to_owner(page, pledge, request=request)
    return _render(
        page,
        request,
        template,
        {"sent": True, "to_owner": True},
        response_class=DeliverAfterResponse,
    )


MANAGE_ACTIONS = (
    "details",
    "details_review",
    "commitments",
    "progress",
    "renew",
    "withdraw",
)


@_behind_token
def manage(page: PledgePage, request: HttpRequest, token: str) -> HttpResponse:
    pledge = services.pledge_for_manage_link(token)
    if pledge is None:
        return _render(page, request, "pledges/link_expired.html", status=404)
    site = Site.find_for_request(request)
    communities = _communities(request)
    action = request.POST.get("action") if request.method == "POST" else None
    forms = {
        "details": PledgeDetailsForm(
            request.POST if action == "details" else None,
            request.FILES if action == "details" else None,
            instance=pledge,
            communities=communities,
        ),
        "commitments": CommitmentsForm(
            request.POST if action == "commitments" else None,
            page=page,
            pledge=pledge,
        ),
        "progress": ProgressForm(
            request.POST if action == "progress" else None,
            choices=list(pledge.chosen_commitments.select_related("commitment")),
        ),
    }
    if action == "withdraw":
        if request.POST.get("confirm") == "yes":
            services.withdraw_pledge(pledge.pk, page=page, request=request)
            # The confirmation email is only queued; it leaves after the response.
            return _render(
                page,
                request,
                "pledges/withdrawn.html",
                response_class=DeliverAfterResponse,
            )
        context = {"forms": forms, "pledge": pledge, "withdraw_error": True}
        context["can_renew"] = _can_renew(pledge)
        return _render(page, request, "pledges/manage.html", context, status=400)
    if action == "renew" and _can_renew(pledge):
        services.renew_pledge(pledge.pk, site=site)
        return _after(page, token, "renew")
    form = forms.get(action)
    if form is not None:
        if form.is_valid():
            if action == "details":
                if services.update_details(pledge, form, site=site, request=request):
                    return _after(page, token, "details_review")
            elif action == "commitments":
                services.set_commitments(
                    pledge, form.cleaned_data["commitments"], site=site
                )
            else:
                services.report_progress(pledge, form.reports(), site=site)
            return _after(page, token, action)
        # The form posted is shown with its errors; the others from the database.
        if action == "details":
            _keep_logo(request, forms["details"])
        context = {"forms": forms, "failed": action, "pledge": pledge}
        context["can_renew"] = _can_renew(pledge)
        return _render(page, request, "pledges/manage.html", context, status=400)
    context = {
        "forms": forms,
        "pledge": pledge,
        "can_renew": _can_renew(pledge),
        "done": request.GET.get("done", "")
        if request.GET.get("done") in MANAGE_ACTIONS
        else "",
    }
    return _render(page, request, "pledges/manage.html", context)


def _can_renew(pledge: Pledge) -> bool:
    if pledge.status == Pledge.Status.LAPSED:
        return True
    if pledge.status != Pledge.Status.APPROVED or pledge.expires_at is None:
        return False
    remaining = pledge.expires_at - timezone.now()
    return remaining.days <= RENEWAL_WINDOW_DAYS


def _after(page: PledgePage, token: str, action: str) -> HttpResponseRedirect:
    url = page.url + page.reverse_subpage("manage", kwargs={"token": token})
    return HttpResponseRedirect(f"{url}?done={action}#result")
