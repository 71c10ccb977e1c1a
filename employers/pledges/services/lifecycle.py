"""The pledge lifecycle: sign, verify, approve or reject, manage, renew, withdraw.

Each workflow runs in one transaction. Emails are queued inside it (see
``home.mail``), so they go out only if the change is saved, and exactly once.
Each email to a signer is written in the language they signed in, with links
to the pledge pages in that language, whoever or whatever sends it.
"""

import datetime
from collections import defaultdict
from typing import Any

from dateutil.relativedelta import relativedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify

from wagtail.log_actions import log
from wagtail.models import Site

from employers.pledges.mail import build_message, send_capped
from employers.pledges.models import (
    Pledge,
    PledgeCommitment,
    PledgePage,
    PledgeSettings,
)
from employers.pledges.models.pledges import normalize_organization_name
from home.inbox_mail import may_send
from home.languages import current_language, staff_language
from home.mail import public_page_url, public_url
from home.tokens import new_token, token_digest

VERIFICATION_HOURS = 72
MANAGE_LINK_DAYS = 7
# Domains many people share: the same domain says nothing about the employer.
SHARED_EMAIL_DOMAINS = {
    "gmail.com",
    "outlook.com",
    "hotmail.com",
    "yahoo.com",
    "yahoo.ca",
    "icloud.com",
    "live.com",
    "shaw.ca",
    "telus.net",
    "protonmail.com",
}


class InboxFull(Exception):
    """The signer's inbox had as many emails from our forms as a day allows."""


class DuplicatePledge(Exception):
    def __init__(self, pledge: Pledge):
        super().__init__(pledge.organization_name)
        self.pledge = pledge


class Verification(models.TextChoices):
    """What following an email confirmation link did."""

    VERIFIED = "verified"
    ALREADY_VERIFIED = "already"
    EXPIRED = "expired"
    INVALID = "invalid"

    # For the template, which must not compare an outcome to bare strings.
    @property
    def is_verified(self) -> bool:
        return self is Verification.VERIFIED

    @property
    def is_already_verified(self) -> bool:
        return self is Verification.ALREADY_VERIFIED

    @property
    def is_expired(self) -> bool:
        return self is Verification.EXPIRED


def _page_url(page: PledgePage, route: str, request: HttpRequest | None, **kwargs):
    """An absolute link to a route of the page in the active language.

    The page's live translation in that language if it has one, else the
    page. The visitor's own host when there is a request, the public base URL
    (``home.mail.public_url``) otherwise.
    """
    page = page.localized
    path = page.get_url_parts(request)[2] + page.reverse_subpage(route, kwargs=kwargs)
    if request is not None:
        return request.build_absolute_uri(path)
    return public_url(path, site_root_url=page.get_site().root_url)


def _site(page: PledgePage, request: HttpRequest | None):
    return Site.find_for_request(request) if request else page.get_site()


def _same_organization(name: str, email: str) -> Q:
    """Pledges of the organization ``name``, by name or by domain and name."""
    normalized = normalize_organization_name(name)
    domain = email.rpartition("@")[2].lower()
    same = Q(normalized_name=normalized)
    if domain and domain not in SHARED_EMAIL_DOMAINS:
        # "Acme Foods" and "Acme Foods Abbotsford" from acme.ca are one employer.
        same |= Q(email_domain=domain, normalized_name__startswith=normalized) | Q(
            email_domain=domain, normalized_name__in=_prefixes(normalized)
        )
    return same


def find_duplicate(name: str, email: str) -> Pledge | None:
    """A listed pledge of the same organization, which a new one may not repeat.

    Only a listed pledge blocks a signer, and only it may be named to them:
    one nobody has confirmed or reviewed yet could be anyone's, so it neither
    keeps the real organization out nor tells a stranger it exists. Staff see
    such pledges side by side (``possible_duplicates``).
    """
    same = _same_organization(name, email)
    return Pledge.objects.listed().filter(same).order_by("created_at").first()


def possible_duplicates(pledge: Pledge) -> list[Pledge]:
    """Other active pledges that look like the same organization, for staff."""
    same = _same_organization(pledge.organization_name, pledge.email)
    return list(
        Pledge.objects.active()
        .filter(same)
        .exclude(pk=pledge.pk)
        .order_by("created_at")
    )


def _prefixes(normalized: str) -> list[str]:
    words = normalized.split()
    return [" ".join(words[:n]) for n in range(1, len(words))]


# Addresses of the registry's own routes, which a profile must not take.
RESERVED_SLUGS = {"data-dictionary"}


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "organization"
    taken = RESERVED_SLUGS | set(
        Pledge.objects.filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def compute_level(progress: list[str], program: PledgeSettings) -> str:
    """Committed on approval; Active and Champion by share of progress."""
    if not progress:
        return Pledge.Level.COMMITTED
    done = progress.count(PledgeCommitment.Progress.DONE)
    moving = done + progress.count(PledgeCommitment.Progress.IN_PROGRESS)
    if done * 100 >= program.champion_percent * len(progress):
        return Pledge.Level.CHAMPION
    if moving * 100 >= program.active_percent * len(progress):
        return Pledge.Level.ACTIVE
    return Pledge.Level.COMMITTED


def _update_level(pledge: Pledge, site) -> None:
    progress = list(pledge.chosen_commitments.values_list("progress", flat=True))
    pledge.level = compute_level(progress, PledgeSettings.for_site(site))
    pledge.save(update_fields=["level"])


def sign_pledge(
    page: PledgePage, data: dict[str, Any], *, request: HttpRequest | None = None
) -> tuple[Pledge, bool]:
    """Save a new pledge and email its confirmation link.

    Returns the pledge and whether it is new: a form posted twice (double
    click, reload) returns the pledge the first post created.
    """
    earlier = Pledge.objects.filter(submission_key=data["submission_key"]).first()
    if earlier:
        return earlier, False
    duplicate = find_duplicate(data["organization_name"], data["email"])
    if duplicate:
        raise DuplicatePledge(duplicate)
    if not may_send(data["email"]):
        # A pledge nobody can confirm would only wait to be purged.
        raise InboxFull
    now = timezone.now()
    raw_token, digest = new_token()
    pledge = Pledge(
        organization_name=data["organization_name"],
        slug=_unique_slug(data["organization_name"]),
        website=data["website"],
        sector=data["sector"],
        size_band=data["size_band"],
        community=data["community"],
        statement=data["statement"],
        contact_name=data["contact_name"],
        job_title=data["job_title"],
        email=data["email"],
        phone=data["phone"],
        language=current_language(),
        listing_consent_at=now,
        listing_consent_version=page.listing_consent_version,
        news_consent_at=now if data["news_consent"] else None,
        news_consent_version=page.news_consent_version if data["news_consent"] else "",
        verification_digest=digest,
        verification_expires_at=now + datetime.timedelta(hours=VERIFICATION_HOURS),
        submission_key=data["submission_key"],
    )
    try:
        with transaction.atomic():
            if data.get("logo"):
                pledge.logo.save(data["logo"].name, data["logo"], save=False)
            pledge.save()
            PledgeCommitment.objects.bulk_create(
                PledgeCommitment(pledge=pledge, commitment=commitment)
                for commitment in data["commitments"]
            )
            log(pledge, "pledges.pledge.submitted")
            with translation.override(pledge.language):
                link = _page_url(page, "verify", request, token=raw_token)
                send_capped(
                    pledge.email,
                    "verification",
                    [pledge],
                    lambda: build_message(
                        "verification", pledge, site=_site(page, request), link=link
                    ),
                )
    except IntegrityError:
        # The same form posted at the same instant: the other post won.
        if pledge.logo:
            pledge.logo.delete(save=False)
        earlier = Pledge.objects.filter(submission_key=data["submission_key"]).first()
        if earlier is None:
            raise
        return earlier, False
    return pledge, True


# A resend lists at most this many pledges, the newest.
RESEND_MAX_PLEDGES = 10


def resend_verification(
    page: PledgePage, email: str, *, request: HttpRequest | None = None
) -> int:
    """Email one message with a fresh confirmation link per unconfirmed pledge.

    One email whatever the number of pledges, within the inbox's daily cap;
    a link is replaced only when the email that carries the new one is sent.
    Returns the number of emails queued (0 or 1).
    """
    with transaction.atomic():
        pledges = list(
            Pledge.objects.select_for_update()
            .filter(email__iexact=email, status=Pledge.Status.UNVERIFIED)
            .order_by("-created_at")[:RESEND_MAX_PLEDGES]
        )
        if not pledges:
            return 0
        newest = pledges[0]

        def compose():
            now = timezone.now()
            links = []
            with translation.override(newest.language):
                for pledge in pledges:
                    raw_token, pledge.verification_digest = new_token()
                    pledge.verification_expires_at = now + datetime.timedelta(
                        hours=VERIFICATION_HOURS
                    )
                    pledge.save(
                        update_fields=["verification_digest", "verification_expires_at"]
                    )
                    links.append(
                        (pledge, _page_url(page, "verify", request, token=raw_token))
                    )
                site = _site(page, request)
                if len(links) == 1:
                    return build_message(
                        "verification", newest, site=site, link=links[0][1]
                    )
                listing = "\n\n".join(
                    f"{pledge.organization_name}\n{link}" for pledge, link in links
                )
                return build_message(
                    "verification_several", newest, site=site, links=listing
                )

        return int(
            # Counted apart from sign-up's email: the first resend always goes.
            send_capped(newest.email, "resend", pledges, compose, deliver_now=False)
        )


def pledge_for_verification(raw_token: str) -> Pledge | None:
    return Pledge.objects.filter(verification_digest=token_digest(raw_token)).first()


def verify_pledge(
    page: PledgePage, raw_token: str, *, request: HttpRequest | None = None
) -> tuple[Verification, Pledge | None]:
    """Confirm the signer's email once; tell staff a pledge awaits review."""
    with transaction.atomic():
        pledge = (
            Pledge.objects.select_for_update()
            .filter(verification_digest=token_digest(raw_token))
            .first()
        )
        if pledge is None:
            return Verification.INVALID, None
        if pledge.status != Pledge.Status.UNVERIFIED:
            return Verification.ALREADY_VERIFIED, pledge
        if pledge.verification_expires_at <= timezone.now():
            return Verification.EXPIRED, pledge
        pledge.status = Pledge.Status.PENDING
        pledge.verified_at = timezone.now()
        pledge.save(update_fields=["status", "verified_at"])
        log(pledge, "pledges.pledge.verified")
        site = _site(page, request)
        with translation.override(pledge.language):
            build_message(
                "received",
                pledge,
                site=site,
                link=_page_url(page, "request_manage_link", request),
            ).send()
        _notify_moderators(pledge, site, request)
    return Verification.VERIFIED, pledge


def _moderator_languages(site) -> dict[str, str]:
    """Who is told of a pledge to review, and the language each reads.

    The settings' address if staff gave one, else every moderator. An
    address that is a staff member's reads their admin language; any other
    the site's default language.
    """
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .select_related("wagtail_userprofile")
        .order_by("pk")
    )
    address = PledgeSettings.for_site(site).notify_email
    if address:
        user = users.filter(email__iexact=address).first()
        return {address: staff_language(user) if user else settings.LANGUAGE_CODE}
    moderators = users.filter(
        Q(is_superuser=True)
        | Q(groups__permissions__codename="moderate_pledge")
        | Q(user_permissions__codename="moderate_pledge")
    ).distinct()
    languages: dict[str, str] = {}
    for user in moderators:
        languages.setdefault(user.email, staff_language(user))
    return languages


def _notify_moderators(
    pledge: Pledge, site, request: HttpRequest | None, kind: str = "staff_review"
) -> None:
    """One notice per language, in the admin language of those who read it."""
    by_language = defaultdict(list)
    for address, language in _moderator_languages(site).items():
        by_language[language].append(address)
    path = reverse(Pledge.snippet_viewset.get_url_name("inspect"), args=[pledge.pk])
    if request is not None:
        link = request.build_absolute_uri(path)
    else:
        link = public_url(path, site_root_url=site.root_url)
    for language, recipients in by_language.items():
        build_message(
            kind,
            pledge,
            site=site,
            to=recipients,
            language=language,
            link=link,
        ).send()


def approve_pledge(pledge_id: int, *, user, site) -> bool:
    """Publish a pledge awaiting review; False if someone else already decided."""
    with transaction.atomic():
        pledge = Pledge.objects.select_for_update().get(pk=pledge_id)
        if pledge.status != Pledge.Status.PENDING:
            return False
        program = PledgeSettings.for_site(site)
        now = timezone.now()
        pledge.status = Pledge.Status.APPROVED
        pledge.approved_at = now
        pledge.expires_at = now + relativedelta(months=program.validity_months)
        pledge.save(update_fields=["status", "approved_at", "expires_at"])
        _update_level(pledge, site)
        log(pledge, "pledges.pledge.approved", user=user)
        # The moderator's admin language is not the signer's.
        with translation.override(pledge.language):
            page = PledgePage.objects.live().first()
            registry = page.registry() if page else None
            registry = registry.localized if registry else None
            profile = (
                public_page_url(
                    registry,
                    registry.reverse_subpage("profile", kwargs={"slug": pledge.slug}),
                )
                if registry
                else ""
            )
            build_message(
                "approved",
                pledge,
                site=site,
                profile_link=profile,
                badge_link=profile + "badge.svg" if profile else "",
                link=_page_url(page, "request_manage_link", None) if page else "",
            ).send()
    return True


def reject_pledge(pledge_id: int, *, user, site, reason: str) -> bool:
    """Refuse a pending or listed pledge, with the reason the signer is sent."""
    with transaction.atomic():
        pledge = Pledge.objects.select_for_update().get(pk=pledge_id)
        if pledge.status not in (Pledge.Status.PENDING, Pledge.Status.APPROVED):
            return False
        pledge.status = Pledge.Status.REJECTED
        pledge.rejection_reason = reason
        pledge.closed_at = timezone.now()
        pledge.save(update_fields=["status", "rejection_reason", "closed_at"])
        log(pledge, "pledges.pledge.rejected", user=user, data={"reason": reason})
        build_message("rejected", pledge, site=site, reason=reason).send()
    return True


MANAGEABLE = (Pledge.Status.PENDING, Pledge.Status.APPROVED, Pledge.Status.LAPSED)


def issue_manage_link(
    page: PledgePage,
    pledge: Pledge,
    *,
    request: HttpRequest | None = None,
    valid_until: datetime.datetime | None = None,
) -> str:
    """Store a new manage token for the pledge; its link, in the signer's language.

    The link sent before stays valid until it expires, so a request for a
    new link (which anyone can make) does not kill the one in the inbox.
    """
    now = timezone.now()
    if (
        pledge.manage_digest
        and pledge.manage_expires_at
        and (pledge.manage_expires_at > now)
    ):
        pledge.previous_manage_digest = pledge.manage_digest
        pledge.previous_manage_expires_at = pledge.manage_expires_at
    raw_token, pledge.manage_digest = new_token()
    pledge.manage_expires_at = valid_until or (
        now + datetime.timedelta(days=MANAGE_LINK_DAYS)
    )
    pledge.save(
        update_fields=[
            "manage_digest",
            "manage_expires_at",
            "previous_manage_digest",
            "previous_manage_expires_at",
        ]
    )
    with translation.override(pledge.language):
        return _page_url(page, "manage", request, token=raw_token)


def _send_manage_link(page, pledge, request) -> bool:
    """Queue a manage link within the inbox's cap; the link is made only if sent."""
    return send_capped(
        pledge.email,
        "manage_link",
        [pledge],
        lambda: build_message(
            "manage_link",
            pledge,
            site=_site(page, request),
            link=issue_manage_link(page, pledge, request=request),
        ),
        deliver_now=False,
    )


def send_manage_links(
    page: PledgePage, email: str, *, request: HttpRequest | None = None
) -> int:
    """Email a manage link for each pledge of ``email`` that can be managed."""
    sent = 0
    with transaction.atomic():
        for pledge in Pledge.objects.select_for_update().filter(
            email__iexact=email, status__in=MANAGEABLE
        ):
            sent += _send_manage_link(page, pledge, request)
    return sent


def send_manage_link_to_owner(
    page: PledgePage, pledge: Pledge, *, request: HttpRequest | None = None
) -> None:
    """For a duplicate signature: write to the address on file, not the visitor."""
    with transaction.atomic():
        _send_manage_link(page, pledge, request)


def pledge_for_manage_link(raw_token: str) -> Pledge | None:
    digest, now = token_digest(raw_token), timezone.now()
    return (
        Pledge.objects.filter(status__in=MANAGEABLE)
        .filter(
            Q(manage_digest=digest, manage_expires_at__gt=now)
            | Q(previous_manage_digest=digest, previous_manage_expires_at__gt=now)
        )
        .first()
    )


# Public details of a listed pledge that change only with staff approval.
REVIEWED_FIELDS = ("organization_name", "website", "statement")


def update_details(
    pledge: Pledge, form, *, site=None, request: HttpRequest | None = None
) -> bool:
    """Save changed details; those of a listed pledge the public sees wait.

    On an approved pledge, a new name, website, statement or logo is stored
    beside the approved one, staff are told, and the registry keeps the
    approved version until a moderator decides. Other details, and every
    detail of a pledge not yet approved (staff review it whole), are saved at
    once. Returns whether changes now wait for review.
    """
    with transaction.atomic():
        old = Pledge.objects.select_for_update().get(pk=pledge.pk)
        # Uploaded with this post or kept from one that came back with an error.
        new_logo = form.new_logo()
        instance = form.save(commit=False)
        reviewed = []
        if old.status == Pledge.Status.APPROVED:
            reviewed = [f for f in REVIEWED_FIELDS if f in form.changed_data]
            pending = dict(old.pending_changes)
            for field in reviewed:
                pending[field] = form.cleaned_data[field]
                setattr(instance, field, getattr(old, field))
            if new_logo:
                reviewed.append("logo")
                instance.logo = old.logo.name
                instance.logo_width, instance.logo_height = (
                    old.logo_width,
                    old.logo_height,
                )
                if old.pending_logo:
                    stale = old.pending_logo
                    transaction.on_commit(lambda: stale.storage.delete(stale.name))
                instance.pending_logo.save(new_logo.name, new_logo, save=False)
            instance.pending_changes = pending
            if reviewed:
                instance.changes_submitted_at = timezone.now()
        elif new_logo and old.logo:
            transaction.on_commit(lambda: old.logo.storage.delete(old.logo.name))
        instance.save()
        changed = list(form.changed_data)
        if new_logo and "logo" not in changed:
            changed.append("logo")
        saved = [f for f in changed if f not in reviewed]
        if saved:
            log(instance, "pledges.pledge.updated", data={"fields": saved})
        if reviewed:
            log(
                instance,
                "pledges.pledge.changes_submitted",
                data={"fields": reviewed, "changes": instance.pending_changes},
            )
            _notify_moderators(
                instance,
                site or Site.objects.get(is_default_site=True),
                request,
                kind="staff_changes",
            )
    return bool(reviewed)


def approve_changes(pledge_id: int, *, user) -> bool:
    """Publish a listed pledge's waiting changes; False if there are none."""
    with transaction.atomic():
        pledge = Pledge.objects.select_for_update().get(pk=pledge_id)
        if not pledge.has_pending_changes:
            return False
        applied = {
            field: value
            for field, value in pledge.pending_changes.items()
            if field in REVIEWED_FIELDS
        }
        for field, value in applied.items():
            setattr(pledge, field, value)
        fields = list(applied)
        if pledge.pending_logo:
            if pledge.logo:
                replaced = pledge.logo
                transaction.on_commit(lambda: replaced.storage.delete(replaced.name))
            pledge.logo = pledge.pending_logo.name
            pledge.pending_logo = ""
            fields.append("logo")
        pledge.pending_changes = {}
        pledge.changes_submitted_at = None
        pledge.save()
        log(
            pledge,
            "pledges.pledge.changes_approved",
            user=user,
            data={"fields": fields, "changes": applied},
        )
    return True


def reject_changes(pledge_id: int, *, user, site, reason: str = "") -> bool:
    """Drop a listed pledge's waiting changes and tell the signer why."""
    with transaction.atomic():
        pledge = Pledge.objects.select_for_update().get(pk=pledge_id)
        if not pledge.has_pending_changes:
            return False
        dropped = dict(pledge.pending_changes)
        fields = list(dropped) + (["logo"] if pledge.pending_logo else [])
        if pledge.pending_logo:
            stale = pledge.pending_logo
            transaction.on_commit(lambda: stale.storage.delete(stale.name))
        pledge.pending_logo = ""
        pledge.pending_changes = {}
        pledge.changes_submitted_at = None
        pledge.save(
            update_fields=["pending_logo", "pending_changes", "changes_submitted_at"]
        )
        log(
            pledge,
            "pledges.pledge.changes_rejected",
            user=user,
            data={"fields": fields, "changes": dropped, "reason": reason},
        )
        build_message("changes_rejected", pledge, site=site, reason=reason).send()
    return True


def set_commitments(pledge: Pledge, commitments, *, site) -> None:
    """Keep the chosen commitments (with their progress), add new, drop others."""
    with transaction.atomic():
        wanted = {commitment.pk for commitment in commitments}
        pledge.chosen_commitments.exclude(commitment_id__in=wanted).delete()
        have = set(pledge.chosen_commitments.values_list("commitment_id", flat=True))
        PledgeCommitment.objects.bulk_create(
            PledgeCommitment(pledge=pledge, commitment_id=pk) for pk in wanted - have
        )
        _update_level(pledge, site)
        log(pledge, "pledges.pledge.commitments_changed")


def report_progress(
    pledge: Pledge, reports: dict[int, tuple[str, str]], *, site
) -> None:
    """Record progress and stories on each chosen commitment; recompute the level."""
    with transaction.atomic():
        choices = pledge.chosen_commitments.filter(pk__in=reports)
        for choice in choices:
            choice.progress, choice.story = reports[choice.pk]
        PledgeCommitment.objects.bulk_update(choices, ["progress", "story"])
        _update_level(pledge, site)
        log(pledge, "pledges.pledge.progress_reported")


def renew_pledge(pledge_id: int, *, site) -> Pledge:
    """Extend a listed or lapsed pledge by one validity period."""
    with transaction.atomic():
        pledge = Pledge.objects.select_for_update().get(pk=pledge_id)
        program = PledgeSettings.for_site(site)
        now = timezone.now()
        start = max(pledge.expires_at or now, now)
        pledge.expires_at = start + relativedelta(months=program.validity_months)
        pledge.renewed_at = now
        if pledge.status == Pledge.Status.LAPSED:
            pledge.status = Pledge.Status.APPROVED
            pledge.closed_at = None
        pledge.save(update_fields=["expires_at", "renewed_at", "status", "closed_at"])
        log(pledge, "pledges.pledge.renewed")
    return pledge


def withdraw_pledge(
    pledge_id: int,
    *,
    page: PledgePage | None = None,
    request: HttpRequest | None = None,
) -> None:
    """Take the listing down at once; contact data goes at the next purge.

    With the pledge page, the signer gets an email confirming it, in their
    language and within their inbox's cap; it joins the queue, for the caller
    to deliver after its response (``DeliverAfterResponse``).
    """
    with transaction.atomic():
        pledge = Pledge.objects.select_for_update().get(pk=pledge_id)
        pledge.status = Pledge.Status.WITHDRAWN
        pledge.closed_at = timezone.now()
        pledge.manage_digest = pledge.previous_manage_digest = ""
        pledge.save(
            update_fields=[
                "status",
                "closed_at",
                "manage_digest",
                "previous_manage_digest",
            ]
        )
        log(pledge, "pledges.pledge.withdrawn")
        if page is not None and pledge.email:

            def compose():
                with translation.override(pledge.language):
                    link = _page_url(page, "index_route", request)
                return build_message(
                    "withdrawn", pledge, site=_site(page, request), link=link
                )

            send_capped(pledge.email, "withdrawn", [pledge], compose, deliver_now=False)
