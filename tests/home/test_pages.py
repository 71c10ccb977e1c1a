import pytest

from django.core.files.base import ContentFile

from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from home.factories import HomePageFactory, StandardPageFactory
from home.figures import HOOK_NAME, LiveFigure
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


class TestPageRules(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_pages_sit_under_home_or_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)


@pytest.fixture
def page_with_every_block(home_page) -> StandardPage:
    image = get_image_model().objects.create(
        title="Team", file=get_test_image_file(filename="team.png")
    )
    document = get_document_model().objects.create(
        title="Interview checklist",
        file=ContentFile(b"x" * 2048, name="interview-checklist.pdf"),
        file_size=2048,  # as the admin's upload form records it
    )
    # Stored as if fetched when the editor saved the page: tests have no network.
    Embed.objects.create(
        hash=get_embed_hash("https://www.youtube.com/watch?v=abc123"),
        url="https://www.youtube.com/watch?v=abc123",
        max_width=None,
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/abc123"></iframe>',
        provider_name="YouTube",
        title="An employer's story",
    )
    return StandardPageFactory(
        parent=home_page,
        title="Every block",
        slug="every-block",
        body=[
            {"type": "heading", "value": {"text": "Why hire newcomers", "level": "h2"}},
            {"type": "heading", "value": {"text": "Skills first", "level": "h3"}},
            {"type": "paragraph", "value": "<p>Newcomers bring <b>skills</b>.</p>"},
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "alt_text": "Four colleagues at a table",
                    "caption": "Onboarding day",
                },
            },
            {
                "type": "call_to_action",
                "value": {
                    "heading": "Sign the pledge",
                    "text": "It takes minutes.",
                    "page": home_page.pk,
                    "url": "",
                    "button_label": "Start",
                },
            },
            {
                "type": "quote",
                "value": {
                    "quote": "Best hire we made.",
                    "attribution": "Priya",
                    "role": "Plant manager",
                },
            },
            {
                "type": "embed",
                "value": {
                    "embed": "https://www.youtube.com/watch?v=abc123",
                    "title": "An employer's story",
                    "transcript": "<p>We met at a job fair.</p>",
                },
            },
            {
                "type": "document",
                "value": {
                    "document": document.pk,
                    "label": "",
                    "description": "Two pages.",
                },
            },
            {
                "type": "accordion",
                "value": {
                    "heading": "Questions",
                    "items": [{"title": "Is it free?", "body": "<p>Yes.</p>"}],
                },
            },
        ],
    )


def test_home_page_shows_hero_and_paths(client, home_page):
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")
    home_page.paths = [
        {
            "type": "path",
            "value": {
                "heading": "Read the guides",
                "text": "Answers.",
                "page": about.pk,
                "link_label": "Browse",
            },
        }
    ]
    home_page.save_revision().publish()
    response = client.get("/")
    assert response.status_code == 200
    html = response.text
    assert html.count("<h1") == 1
    assert "<title>Local Immigration Partnership</title>" in html
    assert home_page.hero_heading in html
    assert "Read the guides" in html
    assert 'href="/about/"' in html


def test_home_page_hides_live_figures_when_no_app_has_any(client, home_page):
    response = client.get("/")
    assert response.context["live_figures"] == []
    assert "figures__list" not in response.text


def test_home_page_shows_live_figures_that_apps_register(client, home_page):
    def employers(request):
        return LiveFigure(value=42, label="employers in the registry", url="/registry/")

    def nothing_yet(request):
        return None

    with (
        hooks.register_temporarily(HOOK_NAME, employers),
        hooks.register_temporarily(HOOK_NAME, nothing_yet),
    ):
        response = client.get("/")
    assert "figures__list" in response.text
    assert ">42<" in response.text.replace("\n", "").replace(" ", "")
    assert "employers in the registry" in response.text


def test_standard_page_renders_every_block(client, page_with_every_block):
    response = client.get("/every-block/")
    assert response.status_code == 200
    html = response.text
    assert '<h2 id="why-hire-newcomers"' in html
    assert '<h3 id="skills-first"' in html
    assert "<b>skills</b>" in html
    assert 'alt="Four colleagues at a table"' in html
    assert "Onboarding day" in html
    assert 'class="button" href="/"' in html
    assert "Best hire we made." in html
    assert "Interview checklist" in html
    assert "(PDF, 2.0\xa0KB)" in html
    assert "<summary>Is it free?</summary>" in html


def test_embeds_load_nothing_from_the_provider_until_asked(
    client, page_with_every_block
):
    html = client.get("/every-block/").text
    assert "Watch on YouTube" in html
    assert 'href="https://www.youtube.com/watch?v=abc123"' in html
    # The player sits inert in a <template>, so the page requests nothing from it.
    before_template = html.split("<template data-embed-player>")[0]
    assert "youtube-nocookie.com/embed" not in before_template
    assert "youtube-nocookie.com/embed" in html


def test_inner_pages_have_breadcrumbs_and_home_has_none(client, home_page):
    parent = StandardPageFactory(parent=home_page, title="About us", slug="about")
    StandardPageFactory(parent=parent, title="Our team", slug="team")
    inner = client.get("/about/team/").text
    assert 'aria-label="Breadcrumb"' in inner
    assert '<a href="/">Home</a>' in inner
    assert '<a href="/about/">About us</a>' in inner
    assert '<span aria-current="page">Our team</span>' in inner
    assert 'aria-label="Breadcrumb"' not in client.get("/").text


class TestRenderable(WagtailPageTestCase):
    def test_every_page_model_is_renderable(self):
        home = HomePageFactory(parent=Page.get_first_root_node(), slug="render-home")
        Site.objects.filter(is_default_site=True).update(root_page=home)
        self.assertPageIsRenderable(home)
        self.assertPageIsRenderable(StandardPageFactory(parent=home))


def test_pictures_offer_avif_and_webp_at_several_widths(client, page_with_every_block):
    html = client.get("/every-block/").text
    picture = html.split("<picture>")[1].split("</picture>")[0]
    assert 'type="image/avif"' in picture
    assert ".format-webp.width-400.webp 400w" in picture
    assert 'sizes="(min-width: 45rem) 42rem, 100vw"' in picture
    image = picture.split("<img")[1]
    # Width and height reserve the space before the picture arrives.
    assert 'width="' in image and 'height="' in image
    assert 'loading="lazy"' in image


def test_renditions_of_every_picture_are_read_in_one_query(
    client, page_with_every_block, django_assert_max_num_queries
):
    image_model = get_image_model()
    page_with_every_block.body.append(
        (
            "image",
            {
                "image": image_model.objects.create(
                    title="Mentors", file=get_test_image_file(filename="mentors.png")
                ),
                "alt_text": "Two mentors",
                "caption": "",
            },
        )
    )
    page_with_every_block.save_revision().publish()
    client.get("/every-block/")  # make the renditions
    # Site, locales, routing, privacy, settings and menus 14; the stream's
    # images, pages, documents and embed 4; renditions 1.
    with django_assert_max_num_queries(20) as queries:
        assert client.get("/every-block/").status_code == 200
    renditions = [
        q for q in queries.captured_queries if "wagtailimages_rendition" in q["sql"]
    ]
    assert len(renditions) == 1
