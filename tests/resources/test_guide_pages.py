import datetime

import pytest

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from resources.factories import GuidePageFactory
from resources.models import GuideIndexPage, GuidePage, RelatedGuide

pytestmark = pytest.mark.django_db


class TestGuidePageRules(WagtailPageTestCase):
    def test_guides_live_only_in_a_guide_index_under_home(self):
        self.assertAllowedParentPageTypes(GuideIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(GuidePage, {GuideIndexPage})
        self.assertAllowedSubpageTypes(GuidePage, set())
        self.assertCanNotCreateAt(StandardPage, GuidePage)
        self.assertCanNotCreateAt(Page, GuideIndexPage)


def test_index_lists_guides_as_cards(client, guide_index, topics):
    GuidePageFactory(
        parent=guide_index,
        title="Assessing credentials",
        classify__topics=[topics["credentials"]],
        classify__stages=["hire", "attract"],
    )
    html = client.get("/guides/").text
    assert "Assessing credentials" in html
    assert "Credentials" in html
    assert "Attract" in html and "Hire" in html
    assert "1 minute read" in html
    assert "1 guide" in html


def test_index_filters_by_topic_and_stage(client, guide_index, topics):
    GuidePageFactory(
        parent=guide_index,
        title="Credential assessment",
        classify__topics=[topics["credentials"]],
        classify__stages=["hire"],
    )
    GuidePageFactory(
        parent=guide_index,
        title="Open work permits",
        classify__topics=[topics["permits"]],
        classify__stages=["attract"],
    )
    by_topic = client.get("/guides/", {"topic": "credentials"})
    assert "Credential assessment" in by_topic.text
    assert "Open work permits" not in by_topic.text
    assert "Guides on Credentials" in by_topic.text
    by_stage = client.get("/guides/", {"stage": "attract"})
    assert "Open work permits" in by_stage.text
    assert "Credential assessment" not in by_stage.text
    both = client.get("/guides/", {"stage": "attract", "topic": "credentials"})
    assert "No guide matches these choices" in both.text


def test_index_searches_within_guides(client, guide_index):
    GuidePageFactory(
        parent=guide_index,
        title="Mentoring newcomers",
        summary="Pair each new hire with a buddy.",
    )
    GuidePageFactory(parent=guide_index, title="Job postings")
    response = client.get("/guides/", {"q": "buddy"})
    assert "Mentoring newcomers" in response.text
    assert "Job postings" not in response.text


def test_index_sorts_newest_first_or_by_title(client, guide_index):
    GuidePageFactory(
        parent=guide_index,
        title="Zebra guide",
        first_published_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
    )
    GuidePageFactory(
        parent=guide_index,
        title="Apple guide",
        first_published_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC),
    )
    newest = client.get("/guides/").text
    assert newest.index("Zebra guide") < newest.index("Apple guide")
    by_title = client.get("/guides/", {"sort": "title"}).text
    assert by_title.index("Apple guide") < by_title.index("Zebra guide")


def test_featured_guides_come_first_only_without_filters(client, guide_index, topics):
    featured = GuidePageFactory(parent=guide_index, title="Start with this one")
    guide_index.featured_guides.create(guide=featured)
    guide_index.save()
    assert "Start with these" in client.get("/guides/").text
    assert "Start with these" not in client.get("/guides/", {"q": "start"}).text


def test_index_paginates_and_survives_odd_input(client, guide_index):
    for number in range(14):
        GuidePageFactory(parent=guide_index, title=f"Guide {number:02d}")
    first = client.get("/guides/")
    assert len(first.context["results"]["guides"].object_list) == 12
    assert "page=2" in first.text
    for params in (
        {"page": "2"},
        {"page": "999"},
        {"page": "x"},
        {"sort": "evil"},
        {"q": "'\"()*:^~" * 50},
        {"q": "\x00"},
    ):
        assert client.get("/guides/", params).status_code == 200, params
    last = client.get("/guides/", {"page": "999"}).context["results"]["guides"]
    assert last.number == 2


@pytest.mark.parametrize("params", [{"topic": "no-such-topic"}, {"stage": "retire"}])
def test_unknown_filter_is_not_found(client, guide_index, params):
    assert client.get("/guides/", params).status_code == 404


def test_guide_renders_every_block(client, guide_with_every_block):
    response = client.get("/guides/work-permits/")
    assert response.status_code == 200
    html = response.text
    assert html.count("<h1") == 1
    for fragment in [
        "Legal note",
        "Human rights",
        '<input type="checkbox" data-checklist-item=',
        "Name the real skills",
        "(TXT, 25\xa0bytes)",
        '<ol class="steps__list">',
        "Ask for the permit",
        "Our best hire.",
        "Valley Farms",
        "Key takeaways",
        "<summary>Is an LMIA always needed?</summary>",
        'href="https://www.jobbank.gc.ca/"',
        "Government of Canada",
        'alt="A team at work"',
    ]:
        assert fragment in html, fragment


def test_table_of_contents_links_to_each_heading(client, guide_with_every_block):
    html = client.get("/guides/work-permits/").text
    contents = html.split('class="toc"')[1].split("</nav>")[0]
    assert 'href="#know-the-routes"' in contents
    assert 'href="#open-work-permits"' in contents
    assert '<h2 id="know-the-routes"' in html
    assert '<h3 id="open-work-permits"' in html


def test_guide_shows_review_date_topics_and_reading_time(client, guide_index, topics):
    words = " ".join(["word"] * 900)
    GuidePageFactory(
        parent=guide_index,
        slug="long",
        last_reviewed=datetime.date(2026, 3, 12),
        body=[{"type": "paragraph", "value": f"<p>{words}</p>"}],
        classify__topics=[topics["credentials"]],
    )
    guide = GuidePage.objects.get(slug="long")
    assert guide.reading_minutes == 5
    html = client.get("/guides/long/").text
    assert '<time datetime="2026-03-12">' in html
    assert "5 minute read" in html
    assert 'href="/guides/?topic=credentials"' in html


def test_related_guides_are_chosen_then_topped_up_by_topic(client, guide_index, topics):
    credentials = topics["credentials"]
    guide = GuidePageFactory(
        parent=guide_index, title="Main", classify__topics=[credentials]
    )
    chosen = GuidePageFactory(parent=guide_index, title="Chosen by staff")
    same_topic = GuidePageFactory(
        parent=guide_index, title="Same topic", classify__topics=[credentials]
    )
    GuidePageFactory(
        parent=guide_index, title="Unrelated", classify__topics=[topics["permits"]]
    )
    guide.related_guides = [RelatedGuide(guide=chosen)]
    guide.save()
    related = client.get(guide.url).context["about_guide"]["related"]
    assert [g.title for g in related] == ["Chosen by staff", "Same topic"]
    assert same_topic in related


def test_previous_and_next_follow_the_stage(client, guide_index):
    first = GuidePageFactory(
        parent=guide_index, title="First", classify__stages=["onboard"]
    )
    GuidePageFactory(parent=guide_index, title="Other stage", classify__stages=["hire"])
    second = GuidePageFactory(
        parent=guide_index, title="Second", classify__stages=["onboard"]
    )
    context = client.get(first.url).context
    assert context["about_guide"]["previous_guide"] is None
    assert context["about_guide"]["next_guide"] == second
    assert client.get(second.url).context["about_guide"]["previous_guide"] == first


def test_guide_prints_cleanly(client, guide_with_every_block):
    html = client.get("/guides/work-permits/").text
    assert 'href="/static/css/print.css" media="print"' in html


def test_other_apps_can_add_calls_to_action_to_guides(client, guide_with_every_block):
    from wagtail import hooks

    from resources.page_context import CALL_TO_ACTION_HOOK

    def pledge(request, guide):
        return {
            "heading": "Sign the pledge",
            "text": "",
            "url": "/pledge/",
            "label": "Sign now",
        }

    assert "Sign the pledge" not in client.get("/guides/work-permits/").text
    with hooks.register_temporarily(CALL_TO_ACTION_HOOK, pledge):
        html = client.get("/guides/work-permits/").text
    assert 'class="button" href="/pledge/">Sign now</a>' in html


class TestGuidesRender(WagtailPageTestCase):
    def test_guide_index_and_guide_are_renderable(self):
        from wagtail.models import Site

        from home.factories import HomePageFactory
        from resources.factories import GuideIndexPageFactory

        home = HomePageFactory(parent=Page.get_first_root_node(), slug="render-home")
        Site.objects.filter(is_default_site=True).update(root_page=home)
        index = GuideIndexPageFactory(parent=home)
        self.assertPageIsRenderable(index)
        self.assertPageIsRenderable(GuidePageFactory(parent=index))
