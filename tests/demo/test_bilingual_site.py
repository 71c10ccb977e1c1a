"""The demo in French as a visitor and a search engine find it, link by link."""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest

from employers.pledges.models import Commitment
from employers.workshops.models import Facilitator, Venue
from home.models import Community
from resources.models import Topic

pytestmark = pytest.mark.django_db

SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/")
# Files and feeds: answered, but not pages to read.
FILE_SUFFIXES = (".csv", ".json", ".svg", ".ics", ".xml", ".txt", ".webp", ".png")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


# Staff-translated rows and what a French reader must see of them in French.
TRANSLATED_FIELDS = [
    (Topic, "name"),
    (Commitment, "title"),
    (Venue, "name"),
    (Venue, "address"),
    (Facilitator, "role"),
    (Community, "name"),
]


class PageReader(HTMLParser):
    """Links, hreflang alternates, links to English inside French pages that
    no element marks as English, and the text a reader sees as French."""

    def __init__(self, language: str):
        super().__init__()
        self.links: list[str] = []
        self.alternates: dict[str, str] = {}
        self.unmarked_english: list[str] = []
        self.french_text: list[str] = []
        self.languages = [language]
        self.void = {"link", "meta", "img", "input", "br", "hr", "source", "wbr"}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag not in self.void:
            self.languages.append(attributes.get("lang") or self.languages[-1])
        language = attributes.get("lang") or self.languages[-1]
        href = attributes.get("href") or ""
        if tag == "link" and attributes.get("hreflang"):
            self.alternates[attributes["hreflang"]] = path_of(href)
        if tag == "a" and href:
            self.links.append(href)
            path = path_of(href)
            if (
                language.startswith("fr")
                and href.startswith("/")
                and not path.startswith("/fr-ca/")
                and not path.startswith(SKIPPED_PREFIXES)
                and path not in ("/", "/search/")
                and not path.endswith(FILE_SUFFIXES)
            ):
                self.unmarked_english.append(path)

    def handle_endtag(self, tag):
        if tag not in self.void and len(self.languages) > 1:
            self.languages.pop()

    def handle_data(self, data):
        if self.languages[-1].startswith("fr") and self.lasttag not in (
            "script",
            "style",
        ):
            self.french_text.append(data)


def path_of(url: str) -> str:
    return urlsplit(url).path


def read(client, path: str):
    response = client.get(path)
    reader = PageReader("fr-ca" if path.startswith("/fr-ca/") else "en")
    if response.status_code == 200 and "text/html" in response["Content-Type"]:
        reader.feed(response.content.decode())
    return response, reader


def crawl(client, start: str) -> dict:
    """Every page a reader reaches from ``start`` by links under /fr-ca/."""
    seen: dict = {}
    queue = deque([start])
    while queue:
        path = queue.popleft()
        if path in seen:
            continue
        seen[path] = read(client, path)
        for href in seen[path][1].links:
            target = path_of(href)
            if href.startswith("/fr-ca/") and not target.endswith(FILE_SUFFIXES):
                queue.append(href.split("#")[0])
    return seen


@pytest.fixture
def french_site(client, demo_site):
    return crawl(client, "/fr-ca/")


def test_every_french_page_a_reader_can_reach_answers_200(french_site):
    assert len(french_site) > 30
    failing = {
        path: response.status_code
        for path, (response, _reader) in french_site.items()
        if response.status_code != 200
    }
    assert failing == {}


def test_english_links_inside_french_pages_are_marked_lang_en(french_site):
    unmarked = {
        path: reader.unmarked_english
        for path, (_response, reader) in french_site.items()
        if reader.unmarked_english
    }
    assert unmarked == {}


def english_wording_with_a_french_translation() -> set[str]:
    """Names, titles and addresses of the English rows whose French
    translation says something else: a French page showing one of them, not
    marked as English, has missed the translation."""
    english = set()
    for model, field in TRANSLATED_FIELDS:
        french = dict(
            model.objects.filter(locale__language_code="fr-ca").values_list(
                "translation_key", field
            )
        )
        for key, value in model.objects.filter(locale__language_code="en").values_list(
            "translation_key", field
        ):
            if key in french and french[key] != value and value:
                english.add(" ".join(value.split()))
    return english


def test_french_pages_show_translated_rows_in_french(french_site):
    """Topics, commitments, venues, roles and communities: English topic
    names on the French workshop pages went unseen by the link checks."""
    english = english_wording_with_a_french_translation()
    assert len(english) > 20
    found = {}
    for path, (_response, reader) in french_site.items():
        text = " ".join(" ".join(reader.french_text).split())
        if leaks := sorted(name for name in english if name in text):
            found[path] = leaks
    assert found == {}


def test_hreflang_alternates_are_reciprocal(client, french_site):
    pages = {
        path: reader
        for path, (response, reader) in french_site.items()
        if reader.alternates
    }
    assert len(pages) > 20
    for path, reader in pages.items():
        assert reader.alternates["fr-CA"] == path_of(path)
        assert reader.alternates["x-default"] == reader.alternates["en"]
        english = reader.alternates["en"]
        _response, back = read(client, english)
        assert back.alternates.get("fr-CA") == path_of(path), english
        assert back.alternates.get("en") == english


def test_the_sitemap_lists_both_languages_with_alternates(client, demo_site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urls = ElementTree.fromstring(response.content).findall(f"{SITEMAP}url")
    paths = [path_of(url.find(f"{SITEMAP}loc").text) for url in urls]
    french = [path for path in paths if path.startswith("/fr-ca/")]
    assert "/fr-ca/" in french and "/fr-ca/ateliers/" in french
    assert len(french) >= 20
    assert len(paths) - len(french) > len(french)  # most guides are English only
    for url in urls:
        links = {
            link.get("hreflang"): path_of(link.get("href"))
            for link in url.findall(f"{XHTML}link")
        }
        path = path_of(url.find(f"{SITEMAP}loc").text)
        if path.startswith("/fr-ca/"):
            assert links["fr-CA"] == path
            assert links["en"] in paths
    for path in french:
        assert client.get(path).status_code == 200, path


def test_switching_language_keeps_the_route_and_the_filters(client, demo_site):
    html = client.get("/fr-ca/engagement/manage/").content.decode()
    assert 'href="/pledge/manage/"' in html
    html = client.get("/fr-ca/engagement/registre/", {"sector": "31-33"}).content
    assert b'href="/pledge/registry/?sector=31-33"' in html
    html = client.get("/pledge/registry/data-dictionary/").content.decode()
    assert 'href="/fr-ca/engagement/registre/data-dictionary/"' in html
