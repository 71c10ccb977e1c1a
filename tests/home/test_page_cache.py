"""Anonymous visitors get cached pages; nobody gets another visitor's tokens.

Changes reach cached pages when they commit, as in production: the tests wrap
them in ``django_capture_on_commit_callbacks(execute=True)``.
"""

import re
import time

import pytest

from django.contrib import messages
from django.contrib.messages.middleware import MessageMiddleware
from django.core import signing
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory

from wagtail.models import PageViewRestriction, Site

from home import page_cache
from home.middleware import PageCacheMiddleware
from home.models import (
    MainMenuItem,
    Navigation,
    NavigationSettings,
    SiteSettings,
    SiteText,
)
from home.spam import SALT
from resources.factories import GuidePageFactory
from resources.forms import GuideFeedbackForm
from resources.models import GuideFeedback, GuidePage

pytestmark = pytest.mark.django_db

GUIDE = "/guides/work-permits/"
GUIDES = "/guides/"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def hidden(html: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]+)"', html).group(1)


def test_a_second_visitor_gets_the_page_from_the_cache_without_a_query(
    guide_with_every_block, django_assert_max_num_queries
):
    # Settings rows are otherwise made on first use, which renews the caches once.
    site = Site.objects.get(is_default_site=True)
    SiteSettings.for_site(site)
    NavigationSettings.for_site(site)
    first = Client().get(GUIDE)
    assert first.status_code == 200
    assert first["X-Cache"] == "miss"
    with django_assert_max_num_queries(1) as captured:
        second = Client().get(GUIDE)
    # The one query is the guide's view count, kept outside the cache.
    assert all("resources_guideview" in q["sql"] for q in captured)
    assert second.status_code == 200
    assert second["X-Cache"] == "hit"
    assert "Understanding work permits" in second.text
    assert second["Content-Type"] == "text/html; charset=utf-8"


def test_head_is_answered_from_the_cached_page(guide_with_every_block):
    Client().get(GUIDE)
    assert Client().head(GUIDE)["X-Cache"] == "hit"


def test_query_order_and_campaign_tags_share_one_entry(guide_with_every_block):
    assert Client().get(GUIDES + "?topic=permits&stage=hire")["X-Cache"] == "miss"
    same = Client().get(GUIDES + "?stage=hire&utm_source=news&topic=permits")
    assert same["X-Cache"] == "hit"
    other = Client().get(GUIDES + "?topic=credentials")
    assert other["X-Cache"] == "miss"


def test_hosts_and_languages_are_cached_apart(guide_with_every_block):
    assert Client().get("/search/?q=permits")["X-Cache"] == "miss"
    other_host = Client().get("/search/?q=permits", HTTP_HOST="localhost")
    assert other_host["X-Cache"] == "miss"
    french = Client().get("/fr-ca/search/?q=permits")
    assert french["X-Cache"] == "miss"
    assert '<html lang="fr-ca">' in french.text
    english = Client().get("/search/?q=permits")
    assert english["X-Cache"] == "hit"
    assert '<html lang="en">' in english.text


def test_two_visitors_get_their_own_csrf_token_and_form_time(
    guide_with_every_block, monkeypatch
):
    monkeypatch.setattr(GuideFeedbackForm, "min_seconds", 0)
    maria, dev = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first = maria.get(GUIDE)
    second = dev.get(GUIDE)
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert "page-cache-" not in first.text + second.text
    assert hidden(first.text, "csrfmiddlewaretoken") != hidden(
        second.text, "csrfmiddlewaretoken"
    )
    assert maria.cookies["csrftoken"].value != dev.cookies["csrftoken"].value
    # The time is signed when served, not when cached: never too old.
    shown_at = hidden(second.text, "shown_at")
    assert shown_at != hidden(first.text, "shown_at")
    assert abs(signing.loads(shown_at, salt=SALT) - time.time()) < 5

    for client, page in ((dev, second), (maria, first)):
        answer = client.post(
            GUIDE + "feedback/",
            {
                "helpful": "yes",
                "homepage": "",
                "csrfmiddlewaretoken": hidden(page.text, "csrfmiddlewaretoken"),
                "shown_at": hidden(page.text, "shown_at"),
            },
        )
        assert answer.status_code == 302
    assert GuideFeedback.objects.count() == 2


def test_the_form_time_is_when_the_page_is_served_not_when_it_was_cached(
    guide_with_every_block, monkeypatch
):
    Client().get(GUIDE)
    later = time.time() + 500  # the entry is still fresh
    monkeypatch.setattr(time, "time", lambda: later)
    page = Client().get(GUIDE)
    assert page["X-Cache"] == "hit"
    assert signing.loads(hidden(page.text, "shown_at"), salt=SALT) == later


def test_signed_in_editors_bypass_the_cache_and_leave_nothing_in_it(
    guide_with_every_block, django_user_model
):
    editor = Client()
    editor.force_login(django_user_model.objects.create_superuser("aisha", "", "x"))
    response = editor.get(GUIDE)
    assert "X-Cache" not in response
    assert "wagtail-userbar" in response.text
    visitor = Client().get(GUIDE)
    assert visitor["X-Cache"] == "miss"
    assert "wagtail-userbar" not in visitor.text


def test_a_visitor_with_messages_waiting_is_not_served_from_the_cache(
    guide_with_every_block,
):
    Client().get(GUIDE)
    client = Client()
    client.cookies["messages"] = "anything"
    assert "X-Cache" not in client.get(GUIDE)


def test_posts_missing_pages_admin_and_documents_are_never_stored(
    guide_with_every_block,
):
    for _attempt in range(2):
        assert Client().get("/no-such-page/")["X-Cache"] == "miss"
    assert "X-Cache" not in Client().post(GUIDE + "feedback/", {})
    assert "X-Cache" not in Client().get("/admin/login/")
    assert "X-Cache" not in Client().get("/documents/1/job-posting.txt")


def test_a_page_made_private_is_no_longer_served_from_the_cache(
    guide_with_every_block, django_capture_on_commit_callbacks
):
    Client().get(GUIDE)
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=guide_with_every_block,
            restriction_type=PageViewRestriction.PASSWORD,
            password="staff-only",
        )
    response = Client().get(GUIDE)
    assert response["X-Cache"] == "miss"
    assert "Password required" in response.text
    assert "Understanding work permits" not in response.text


def test_a_preview_shows_the_draft_never_the_cached_live_page(
    guide_with_every_block,
):
    host = guide_with_every_block.get_site().hostname  # as the preview request's
    Client().get(GUIDE, HTTP_HOST=host)
    draft = GuidePage.objects.get(pk=guide_with_every_block.pk)
    draft.title = "Draft: work permits"
    draft.save_revision()
    # Without the editor's request, as for previews in moderation emails.
    preview = draft.make_preview_request()
    assert "Draft: work permits" in preview.content.decode()
    assert "'unsafe-inline'" in preview["Content-Security-Policy"]
    live = Client().get(GUIDE, HTTP_HOST=host)
    assert live["X-Cache"] == "hit"
    assert "Draft: work permits" not in live.text


# What makes cached pages stale --------------------------------------------------


def test_publishing_a_guide_updates_the_guide_and_the_library(
    guide_with_every_block, django_capture_on_commit_callbacks
):
    Client().get(GUIDE)
    Client().get(GUIDES)
    guide = GuidePage.objects.get(pk=guide_with_every_block.pk)
    guide.title = "Work permits, explained"
    with django_capture_on_commit_callbacks(execute=True):
        guide.save_revision().publish()
    for url in (GUIDE, GUIDES):
        response = Client().get(url)
        assert response["X-Cache"] == "miss"
        assert "Work permits, explained" in response.text


def test_a_new_guide_appears_in_the_cached_library(
    guide_index, guide_with_every_block, django_capture_on_commit_callbacks
):
    assert "Hiring refugees" not in Client().get(GUIDES).text
    with django_capture_on_commit_callbacks(execute=True):
        GuidePageFactory(parent=guide_index, title="Hiring refugees", slug="refugees")
    assert "Hiring refugees" in Client().get(GUIDES).text


def test_unpublishing_a_guide_takes_it_down_at_once(
    guide_with_every_block, django_capture_on_commit_callbacks
):
    Client().get(GUIDE)
    with django_capture_on_commit_callbacks(execute=True):
        guide_with_every_block.unpublish()
    assert Client().get(GUIDE).status_code == 404


def test_saving_site_settings_changes_every_page(
    guide_with_every_block, django_capture_on_commit_callbacks
):
    for url in ("/", GUIDES, GUIDE):
        Client().get(url)
    branding = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    with django_capture_on_commit_callbacks(execute=True):
        branding.site_text = SiteText.objects.create(
            organization_name="Kootenay Local Immigration Partnership"
        )
        branding.save()
    for url in ("/", GUIDES, GUIDE):
        response = Client().get(url)
        assert response["X-Cache"] == "miss"
        assert "Kootenay Local Immigration Partnership" in response.text


def test_a_new_menu_item_shows_on_every_cached_page(
    guide_with_every_block, django_capture_on_commit_callbacks
):
    for url in ("/", GUIDE):
        Client().get(url)
    navigation_settings = NavigationSettings.for_site(
        Site.objects.get(is_default_site=True)
    )
    navigation_settings.navigation = Navigation.objects.create()
    navigation_settings.save()
    for url in ("/", GUIDE):
        Client().get(url)
    navigation = navigation_settings.navigation
    navigation.main_menu_items = [
        MainMenuItem(link_url="https://ircc.example/", label="Hiring routes")
    ]
    with django_capture_on_commit_callbacks(execute=True):
        navigation.save()
    for url in ("/", GUIDE):
        assert "Hiring routes" in Client().get(url).text


def test_renaming_a_topic_changes_the_library(
    guide_with_every_block, topics, django_capture_on_commit_callbacks
):
    Client().get(GUIDES)
    topic = topics["permits"]
    topic.name = "Permits and visas"
    with django_capture_on_commit_callbacks(execute=True):
        topic.save()
    assert "Permits and visas" in Client().get(GUIDES).text


def test_renaming_a_document_changes_the_guides_that_link_it(
    guide_with_every_block, django_capture_on_commit_callbacks
):
    from wagtail.documents import get_document_model

    assert "Job posting worksheet" in Client().get(GUIDE).text
    document = get_document_model().objects.get()
    document.title = "Inclusive job posting worksheet"
    with django_capture_on_commit_callbacks(execute=True):
        document.save()
    assert "Inclusive job posting worksheet" in Client().get(GUIDE).text


def test_a_change_reaches_cached_pages_only_once_it_commits(
    guide_with_every_block, django_capture_on_commit_callbacks
):
    Client().get(GUIDE)
    with django_capture_on_commit_callbacks(execute=False) as pending:
        SiteSettings.for_site(Site.objects.get(is_default_site=True)).save()
        assert Client().get(GUIDE)["X-Cache"] == "hit"
    assert pending
    for callback in pending:
        callback()
    assert Client().get(GUIDE)["X-Cache"] == "miss"


# The middleware's rules, one response at a time -------------------------------


def _through_cache(view, path="/somewhere/", **cookies):
    request = RequestFactory().get(path)
    request.COOKIES.update(cookies)
    return PageCacheMiddleware(view)(request)


def _twice(view) -> str:
    _through_cache(view)
    return _through_cache(view)["X-Cache"]


def test_responses_are_kept_with_their_headers():
    def view(request):
        response = HttpResponse("<p>Guide</p>")
        response["X-Count-View"] = "5"
        return response

    _through_cache(view)
    hit = _through_cache(view)
    assert hit["X-Cache"] == "hit"
    assert hit["X-Count-View"] == "5"
    assert hit.content == b"<p>Guide</p>"


@pytest.mark.parametrize(
    "make_response",
    [
        lambda: HttpResponse(status=301, headers={"Location": "/elsewhere/"}),
        lambda: HttpResponse("error", status=500),
        lambda: HttpResponse(headers={"Cache-Control": "private"}),
        lambda: HttpResponse(headers={"Cache-Control": "no-store"}),
        lambda: HttpResponse(headers={"Cache-Control": "max-age=0"}),
        lambda: HttpResponse(headers={"Vary": "Cookie"}),
    ],
    ids=["redirect", "error", "private", "no-store", "max-age-0", "vary-cookie"],
)
def test_responses_that_must_not_be_shared_are_not_stored(make_response):
    assert _twice(lambda request: make_response()) == "miss"


def test_a_response_setting_a_cookie_is_not_stored():
    def view(request):
        response = HttpResponse("hello")
        response.set_cookie("chosen", "1")
        return response

    assert _twice(view) == "miss"


def test_a_page_whose_view_adds_a_message_is_not_stored(settings):
    # Messages middleware sits inside the cache: the message arrives as a cookie.
    settings.MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"

    def view(request):
        messages.info(request, "Thank you for your answer.")
        return HttpResponse("hello")

    assert _twice(MessageMiddleware(view)) == "miss"


def test_a_page_that_reads_the_csrf_token_directly_is_not_stored():
    def view(request):
        return HttpResponse(f'<p data-token="{get_token(request)}"></p>')

    assert _twice(view) == "miss"


def test_a_session_cookie_bypasses_the_cache():
    def view(request):
        return HttpResponse("hello")

    _through_cache(view)
    response = _through_cache(view, sessionid="abc")
    assert "X-Cache" not in response


def test_valid_until_shortens_the_life_of_an_entry():
    def view(request):
        page_cache.valid_until(page_cache.timezone.now())
        return HttpResponse("registration opens now")

    assert _twice(view) == "miss"


def test_turned_off_the_cache_stores_nothing(settings):
    settings.PAGE_CACHE_SECONDS = 0
    response = _through_cache(lambda request: HttpResponse("hello"))
    assert "X-Cache" not in response


class CountingCache(LocMemCache):
    """Django's local-memory cache, counting the reads a request makes (its
    get_many reads key by key through get: one read all the same)."""

    reads = 0
    inside_get_many = False

    def get(self, *args, **kwargs):
        if not CountingCache.inside_get_many:
            CountingCache.reads += 1
        return super().get(*args, **kwargs)

    def get_many(self, *args, **kwargs):
        CountingCache.reads += 1
        CountingCache.inside_get_many = True
        try:
            return super().get_many(*args, **kwargs)
        finally:
            CountingCache.inside_get_many = False


def test_a_hit_on_a_page_that_depends_on_content_alone_is_one_cache_read(
    guide_with_every_block, settings
):
    """The entry and the content version come back together: with Redis,
    one round trip per cached page rather than two."""
    settings.CACHES = {
        "default": {"BACKEND": f"{__name__}.CountingCache", "LOCATION": "hit"}
    }
    site = Site.objects.get(is_default_site=True)
    SiteSettings.for_site(site)
    NavigationSettings.for_site(site)
    assert Client().get(GUIDES)["X-Cache"] == "miss"
    # Wagtail's own reads (its site root paths) happen before the page cache's.
    Client().get(GUIDES)
    CountingCache.reads = 0
    hit = Client().get(GUIDES)

    assert hit["X-Cache"] == "hit"
    assert CountingCache.reads == 1
