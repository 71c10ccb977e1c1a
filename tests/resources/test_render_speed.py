"""A long guide renders in the queries of a short one; pages describe themselves,
serve pictures sized to their display and block first paint on one stylesheet."""

import re

import pytest

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from home.colours import stylesheet_version
from home.models import SiteSettings, SiteText
from resources.factories import GuidePageFactory
from tests.query_counts import count_queries

pytestmark = pytest.mark.django_db

META_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')
STYLESHEET = re.compile(r'<link rel="stylesheet"[^>]*>')


def _images(count: int, size: tuple[int, int] = (640, 480)) -> list:
    return [
        get_image_model().objects.create(
            title=f"Photo {n}",
            file=get_test_image_file(filename=f"photo-{n}.png", size=size),
        )
        for n in range(count)
    ]


def _section(number: int, image) -> list[dict]:
    """Six blocks: heading, text, picture, story with a photo, callout, steps."""
    return [
        {"type": "heading", "value": {"text": f"Week {number}", "level": "h2"}},
        {"type": "paragraph", "value": f"<p>What happens in week {number}.</p>"},
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "A team at work", "caption": ""},
        },
        {
            "type": "employer_story",
            "value": {
                "quote": "A buddy made the first weeks easy.",
                "name": "Harpreet Gill",
                "role": "",
                "organization": "",
                "photo": image.pk,
            },
        },
        {
            "type": "callout",
            "value": {"kind": "tip", "heading": "", "body": "<p>Ask early.</p>"},
        },
        {
            "type": "steps",
            "value": {
                "heading": f"Checks for week {number}",
                "steps": [{"title": "Meet", "body": "<p>Talk.</p>"}],
            },
        },
    ]


def _guide(index, slug: str, sections: int, images: list, **fields):
    body = [
        block
        for n in range(sections)
        for block in _section(n + 1, images[n % len(images)])
    ]
    return GuidePageFactory(
        parent=index, title=slug.title(), slug=slug, body=body, **fields
    )


def test_long_guide_runs_the_queries_of_a_short_one(
    client, guide_index, django_assert_max_num_queries
):
    images = _images(6)
    short = _guide(guide_index, "short", 1, images[:1])
    long = _guide(guide_index, "long", 11, images)  # 66 blocks, 22 pictures
    assert len(long.body) == 66

    short_warm, short_cold = count_queries(client, short.url)
    long_warm, long_cold = count_queries(client, long.url)

    # Pictures' renditions are read at once, whatever their number.
    assert (long_warm, long_cold) == (short_warm, short_cold)
    with django_assert_max_num_queries(short_warm):
        html = client.get(long.url).text
    assert html.count("<picture>") == 22
    assert html.count('class="stream-heading"') == 11


def test_table_of_contents_lists_the_headings_with_their_anchors(client, guide_index):
    guide = _guide(guide_index, "weeks", 2, _images(1))

    html = client.get(guide.url).text

    toc = html[html.index('class="toc"') :]
    toc = toc[: toc.index("</nav>")]
    assert '<a href="#week-1">Week 1</a>' in toc
    assert '<a href="#week-2">Week 2</a>' in toc
    assert '<h2 id="week-1" class="stream-heading">Week 1</h2>' in html


def test_guide_pictures_offer_sizes_that_fit_their_display(client, guide_index):
    guide = _guide(guide_index, "pictures", 1, _images(1, size=(1600, 1000)))

    html = client.get(guide.url).text

    figure = html[html.index('<figure class="figure">') :]
    figure = figure[: figure.index("</figure>")]
    # A phone picks the 400 px wide file, a wide screen the 672 px one.
    assert re.search(r'srcset="[^"]*400w[^"]*672w[^"]*1344w"', figure)
    assert 'sizes="(min-width: 45rem) 42rem, 100vw"' in figure
    assert 'type="image/avif"' in figure
    story = html[html.index('<figure class="story">') :]
    assert re.search(r'srcset="[^"]* 96w, [^"]* 192w"', story)


def test_guide_without_search_description_is_described_by_its_summary(
    client, guide_index
):
    guide = GuidePageFactory(
        parent=guide_index,
        slug="permits",
        search_description="",
        summary="Which permits let newcomers work for you, & how to check them.",
    )

    html = client.get(guide.url).text

    assert META_DESCRIPTION.findall(html) == [
        "Which permits let newcomers work for you, &amp; how to check them."
    ]


def test_search_description_wins_and_long_text_is_cut(client, guide_index):
    guide = GuidePageFactory(
        parent=guide_index, slug="chosen", search_description="Chosen by staff."
    )
    long = GuidePageFactory(
        parent=guide_index,
        slug="long",
        search_description="",
        summary="Newcomers bring skills.\n" + "word " * 60,
    )

    assert META_DESCRIPTION.findall(client.get(guide.url).text) == ["Chosen by staff."]
    (description,) = META_DESCRIPTION.findall(client.get(long.url).text)
    assert description.startswith("Newcomers bring skills. word word")
    assert len(description) <= 160
    assert description.endswith("…")


def test_workshop_page_is_described_by_its_summary(client, workshop):
    workshop.search_description = ""
    workshop.summary = "Three hours on fair interviews for hiring managers."
    workshop.save_revision().publish()

    html = client.get(workshop.url).text

    assert META_DESCRIPTION.findall(html) == [
        "Three hours on fair interviews for hiring managers."
    ]


def test_page_with_nothing_to_say_is_described_by_the_tagline(client, home_page):
    text = SiteText.objects.create(
        organization_name="Valley Partnership", tagline="Newcomers welcome at work."
    )
    SiteSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True), defaults={"site_text": text}
    )
    home_page.search_description = ""
    home_page.hero_text = ""
    home_page.save_revision().publish()

    html = client.get("/search/").text

    assert META_DESCRIPTION.findall(html) == ["Newcomers welcome at work."]


def test_pages_block_first_paint_on_one_stylesheet_with_the_brand_colours(
    client, guide_index
):
    guide = GuidePageFactory(parent=guide_index, slug="styled")
    SiteSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True),
        defaults={"primary_colour": "#2b5329", "accent_colour": "#8a3b12"},
    )

    html = client.get(guide.url).text

    head = html[: html.index("</head>")]
    links = STYLESHEET.findall(head)
    screen = [link for link in links if 'media="print"' not in link]
    assert len(screen) == 1
    version = stylesheet_version("#2b5329", "#8a3b12")
    assert f'href="/brand.css?v={version}"' in screen[0]
    css = client.get(f"/brand.css?v={version}", HTTP_ACCEPT_ENCODING="identity")
    assert ".skip-link" in css.text  # the site's own rules
    assert css.text.endswith(
        ":root { --colour-primary: #2b5329; --colour-accent: #8a3b12; }\n"
    )
    assert css["Cache-Control"] == "public, max-age=31536000"
    zipped = client.get(f"/brand.css?v={version}", HTTP_ACCEPT_ENCODING="gzip")
    assert zipped["Content-Encoding"] == "gzip"
    # An old address gets today's colours, kept only briefly.
    stale = client.get("/brand.css?v=1d4f918a3b12")
    assert stale["Cache-Control"] == "public, max-age=300"


def test_home_hero_is_not_downloaded_on_phones_that_hide_it(client, home_page):
    (image,) = _images(1, size=(1600, 1000))
    home_page.hero_image = image
    home_page.hero_image_alt = "Colleagues at work"
    home_page.save_revision().publish()

    html = client.get("/").text

    hero = html[html.index('<div class="hero__media">') :]
    hero = hero[: hero.index("</picture>")]
    # The first matching source wins: phones get a one-pixel image.
    assert re.search(
        r'<source media="\(max-width: 40rem\)" srcset="data:image/gif', hero
    )
    assert re.search(r'type="image/avif"[^>]*srcset="[^"]* 560w, [^"]* 720w', hero)
    assert re.search(r'<img src="[^"]*\.webp" srcset="[^"]* 560w, [^"]* 720w, ', hero)
    assert 'alt="Colleagues at work" fetchpriority="high"' in hero
