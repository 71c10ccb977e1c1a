"""Moderators see the logos they approve, served from private storage."""

import pytest

from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile

from employers.pledges.factories import PledgeFactory
from employers.pledges.logos import clean_logo
from tests.employers.pledges.test_pledge_lifecycle import moderator  # noqa: F401
from tests.employers.pledges.test_pledge_signing import image_upload

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def inspect_url(pledge):
    return f"/admin/snippets/pledges/pledge/inspect/{pledge.pk}/"


def logo_url(pledge, version):
    return f"/admin/pledges/{pledge.pk}/logo/{version}/"


@pytest.fixture
def with_logos(db):
    """A listed pledge with a logo and a new one waiting for review."""
    pledge = PledgeFactory(organization_name="Valley Berry Farms")
    pledge.logo.save("logo.webp", clean_logo(image_upload("PNG")))
    pledge.pending_logo.save("new.webp", clean_logo(image_upload("JPEG")))
    return pledge


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("ed", "ed@lip.example", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_moderator_sees_current_and_proposed_logos_on_inspect(
    client,
    with_logos,
    moderator,  # noqa: F811
):
    client.force_login(moderator)

    page = client.get(inspect_url(with_logos)).content.decode()

    assert (
        f'<img src="{logo_url(with_logos, "current")}" '
        'alt="Logo of Valley Berry Farms"' in page
    )
    assert (
        f'<img src="{logo_url(with_logos, "pending")}" alt="Proposed new logo"' in page
    )


@pytest.mark.parametrize("version", ["current", "pending"])
def test_moderator_gets_each_logo_as_a_safe_image(
    client,
    with_logos,
    moderator,  # noqa: F811
    version,
):
    client.force_login(moderator)

    response = client.get(logo_url(with_logos, version))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response.content[8:12] == b"WEBP"
    assert response["X-Content-Type-Options"] == "nosniff"
    cache = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache
    assert response["Content-Security-Policy"].startswith("default-src 'none'")


def test_anonymous_visitor_is_sent_to_log_in(client, with_logos):
    for version in ["current", "pending"]:
        response = client.get(logo_url(with_logos, version))

        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_editor_without_pledge_permission_cannot_see_logos(client, with_logos, editor):
    client.force_login(editor)

    for version in ["current", "pending"]:
        response = client.get(logo_url(with_logos, version))

        assert response.status_code in (302, 403)
        assert not response.get("Content-Type", "").startswith("image/")


def test_pledge_without_logo_shows_none(client, moderator):  # noqa: F811
    pledge = PledgeFactory(organization_name="Plain Co")
    client.force_login(moderator)

    page = client.get(inspect_url(pledge)).content.decode()

    assert "Logo of Plain Co" not in page
    assert f"/admin/pledges/{pledge.pk}/logo/" not in page
    assert client.get(logo_url(pledge, "current")).status_code == 404


def test_a_stored_svg_is_refused_not_shown(client, moderator):  # noqa: F811
    pledge = PledgeFactory(organization_name="Old Upload Inc")
    pledge.pending_logo.save("old.svg", ContentFile(SVG))
    client.force_login(moderator)

    response = client.get(logo_url(pledge, "pending"))

    assert response.status_code == 404
    assert b"<script>" not in response.content
