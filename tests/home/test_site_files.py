"""Error pages, robots.txt, the sitemap, redirects and the favicon."""

import importlib

import pytest

from django.test import RequestFactory
from django.urls import clear_url_caches
from django.utils import translation
from django.views.defaults import server_error

from wagtail.contrib.redirects.models import Redirect

import config.urls
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_missing_page_gets_a_helpful_404_in_the_site_design(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We can’t find that page" in response.text
    assert 'role="search"' in response.text
    assert 'class="site-header"' in response.text


def test_server_error_page_needs_no_database(django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content
    # A sign-up whose answer was lost may have been saved: say to look first.
    assert "check your email before sending it again" in response.text


def test_server_error_page_is_in_french_for_a_french_request():
    request = RequestFactory().get("/fr/")
    with translation.override("fr"):
        response = server_error(request)
    assert '<html lang="fr">' in response.text
    assert "Une erreur s’est produite de notre côté" in response.text
    assert "vérifiez vos courriels avant de le renvoyer" in response.text


def test_robots_txt_points_to_the_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.text
    assert "Sitemap: http://testserver/sitemap.xml" in response.text


def test_sitemap_lists_live_pages_only(client, home_page):
    StandardPageFactory(parent=home_page, title="About", slug="about")
    StandardPageFactory(parent=home_page, title="Draft", slug="draft", live=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert "/about/</loc>" in response.text
    assert "/draft/" not in response.text


def test_redirects_made_by_staff_are_followed(client, home_page):
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    Redirect.objects.create(old_path="/who-we-are", redirect_page=about)
    response = client.get("/who-we-are/")
    assert response.status_code == 301
    assert response["Location"].endswith("/about/")


def test_favicon_is_served_by_the_site(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/img/favicon.png"
    icon = client.get("/static/img/favicon.png")
    assert icon.status_code == 200
    assert b"".join(icon.streaming_content).startswith(b"\x89PNG")


@pytest.fixture
def django_serves_media(settings):
    """Reload the URLs as a host without a web server in front would."""
    settings.SERVE_MEDIA = True
    importlib.reload(config.urls)
    clear_url_caches()
    yield settings.MEDIA_ROOT
    settings.SERVE_MEDIA = False
    importlib.reload(config.urls)
    clear_url_caches()


def test_django_serves_image_renditions_but_never_document_files(
    client, django_serves_media
):
    images = django_serves_media / "images"
    images.mkdir(parents=True, exist_ok=True)
    (images / "logo.width-100.png").write_bytes(b"\x89PNG fake")
    documents = django_serves_media / "documents"
    documents.mkdir(parents=True, exist_ok=True)
    (documents / "private-report.pdf").write_bytes(b"%PDF secret")

    image = client.get("/media/images/logo.width-100.png")
    assert image.status_code == 200
    assert b"".join(image.streaming_content) == b"\x89PNG fake"
    assert client.get("/media/documents/private-report.pdf").status_code == 404


def test_every_stylesheet_rule_is_closed():
    """An unclosed rule silently swallows every rule after it."""
    from django.conf import settings

    for name in ("site.css", "print.css", "impact-report.css"):
        css = (settings.BASE_DIR / "static" / "css" / name).read_text()
        depth = 0
        for number, line in enumerate(css.splitlines(), 1):
            depth += line.count("{") - line.count("}")
            assert depth >= 0, f"{name}:{number} closes a rule never opened"
            if line and not line[0].isspace() and line[0] not in "}@/*":
                # A selector at the left margin starts a top-level rule, or
                # a rule inside @media; never inside another rule.
                assert depth <= 2, f"{name}:{number} starts inside an open rule"
        assert depth == 0, f"{name} ends with {depth} rule(s) open"
