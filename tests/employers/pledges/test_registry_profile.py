"""Each listed organization has a profile, a logo address and an embeddable badge."""

import datetime
import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.models import Site

from employers.pledges.factories import PledgeFactory
from employers.pledges.models import PledgeCommitment
from home.models import SiteSettings, SiteText

pytestmark = pytest.mark.django_db

PROFILE = "/pledge/registry/valley-berry-farms/"
SVG = "{http://www.w3.org/2000/svg}"


def _png(width: int = 40, height: int = 20) -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#1d4f91").save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name="logo.png")


def test_profile_shows_the_organization_commitments_and_progress(client, listed_pledge):
    listed_pledge.renewed_at = timezone.now() - datetime.timedelta(days=3)
    listed_pledge.save()
    done = PledgeCommitment.Progress.DONE
    choice = listed_pledge.chosen_commitments.get(progress=done)
    choice.story = "We rewrote all twelve job postings."
    choice.save()

    response = client.get(PROFILE)
    assert response.status_code == 200
    html = response.text
    assert "<h1>Valley Berry Farms</h1>" in html
    breadcrumbs = html.split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
    assert '<a href="/pledge/registry/">Pledge registry</a>' in breadcrumbs
    assert '<span aria-current="page">Valley Berry Farms</span>' in breadcrumbs
    assert (
        '<a href="https://www.valley-berry-farms.example" rel="nofollow ugc">' in html
    )
    assert ">valley-berry-farms.example</a>" in html
    assert "Agriculture, forestry, fishing and hunting" in html
    assert "Chilliwack" in html
    assert "10–49 employees" in html
    assert "We hire for skills" in html
    assert "Active level" in html
    assert "Last renewed" in html
    for progress in ("Done", "In progress", "Not started"):
        assert progress in html
    assert "We rewrote all twelve job postings." in html


def test_profile_offers_a_badge_snippet_linking_back_with_absolute_urls(
    client, listed_pledge
):
    html = client.get(PROFILE).text
    assert '<textarea id="badge-snippet"' in html
    assert '<label for="badge-snippet">' in html
    assert (
        "&lt;a href=&quot;http://testserver/pledge/registry/valley-berry-farms/&quot;"
        "&gt;&lt;img src=&quot;http://testserver/pledge/registry/valley-berry-farms/"
        "badge.svg&quot; alt=&quot;Valley Berry Farms: inclusive workplace pledge, "
        "Active level&quot; width=&quot;320&quot; height=&quot;120&quot;&gt;&lt;/a&gt;"
    ) in html


def test_badge_snippet_escapes_the_name_once_for_html_and_once_for_the_textarea(
    client, registry
):
    PledgeFactory(organization_name='Tom & "Jerry" </textarea>', slug="tom-jerry")
    html = client.get("/pledge/registry/tom-jerry/").text
    assert (
        "</textarea>" not in html.split('id="badge-snippet"')[1].split("</textarea>")[0]
    )
    assert "alt=&quot;Tom &amp;amp; &amp;quot;Jerry&amp;quot; &amp;lt;/textarea" in html


def test_profile_is_404_for_an_unknown_slug(client, registry):
    assert client.get("/pledge/registry/nobody-here/").status_code == 404


def test_logo_is_served_for_a_listed_pledge_with_caching(client, listed_pledge):
    listed_pledge.logo = _png()
    listed_pledge.save()
    response = client.get(PROFILE + "logo/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=86400"
    assert Image.open(io.BytesIO(response.content)).size == (40, 20)


def test_logo_img_tags_carry_width_and_height(client, listed_pledge):
    listed_pledge.logo = _png(60, 30)
    listed_pledge.save()
    tag = 'src="/pledge/registry/valley-berry-farms/logo/"'
    for html in (client.get("/pledge/registry/").text, client.get(PROFILE).text):
        assert tag in html
        img = html.split(tag)[1].split(">")[0]
        assert 'width="60"' in img and 'height="30"' in img
    assert 'alt="Valley Berry Farms logo"' in client.get(PROFILE).text


def test_logo_is_404_without_a_logo(client, listed_pledge):
    assert client.get(PROFILE + "logo/").status_code == 404


def test_badge_is_an_accessible_svg_in_the_site_colour(client, listed_pledge):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.primary_colour = "#0b5a3c"
    settings.site_text = SiteText.objects.create(organization_name="Fraser Valley LIP")
    settings.save()
    response = client.get(PROFILE + "badge.svg")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    svg = ET.fromstring(response.content)
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text == (
        "Valley Berry Farms: inclusive workplace pledge, Active level"
    )
    text = " ".join(node.text for node in svg.iter(f"{SVG}text"))
    assert "Fraser Valley LIP" in text
    assert "Valley Berry Farms" in text
    assert f"Active level · signed in {timezone.now().year}" in text
    assert svg.find(f"{SVG}rect").get("fill") == "#0b5a3c"


def test_badge_escapes_names_with_markup(client, registry):
    PledgeFactory(organization_name="A<b>&C's </svg>", slug="abc")
    response = client.get("/pledge/registry/abc/badge.svg")
    svg = ET.fromstring(response.content)  # still well-formed XML
    assert svg.find(f"{SVG}title").text.startswith("A<b>&C's </svg>:")
    assert b"<b>" not in response.content
