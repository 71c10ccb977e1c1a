"""Every answer refuses the browser features the site never uses."""

import pytest

from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.documents import get_document_model

REFUSED = [
    "camera=()",
    "microphone=()",
    "geolocation=()",
    "payment=()",
    "usb=()",
    "browsing-topics=()",
]


def assert_strict_policy(response):
    policy = [part.strip() for part in response["Permissions-Policy"].split(",")]
    for feature in REFUSED:
        assert feature in policy
    # Nothing is granted to anyone, this origin included.
    assert all(part.endswith("=()") for part in policy)


@pytest.mark.django_db
def test_public_page_refuses_camera_microphone_and_location(client, home_page):
    response = client.get(home_page.url)

    assert response.status_code == 200
    assert_strict_policy(response)


@pytest.mark.django_db
def test_cached_public_page_keeps_the_policy(client, home_page, settings):
    settings.PAGE_CACHE_SECONDS = 60
    client.get(home_page.url)

    response = client.get(home_page.url)

    assert response["X-Cache"] == "hit"
    assert_strict_policy(response)


@pytest.mark.django_db
def test_admin_page_has_the_policy(client, admin_user):
    client.force_login(admin_user)

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert_strict_policy(response)


@pytest.mark.django_db
def test_admin_sign_in_page_has_the_policy(client):
    response = client.get(reverse("wagtailadmin_login"))

    assert response.status_code == 200
    assert_strict_policy(response)


@pytest.mark.django_db
def test_document_download_has_the_policy(client, home_page):
    document = get_document_model().objects.create(
        title="Interview checklist",
        file=ContentFile(b"%PDF-1.4 checklist", name="interview-checklist.pdf"),
    )

    response = client.get(document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 checklist"
    response.close()
    assert_strict_policy(response)


@pytest.mark.django_db
def test_static_file_has_the_policy(client):
    response = client.get("/static/css/site.css")
    response.close()

    assert response.status_code == 200
    assert_strict_policy(response)
