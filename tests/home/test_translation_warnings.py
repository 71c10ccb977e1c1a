"""Editors are told when a live translation is out of readers' reach.

A French page published under a French parent that is still a draft shows as
live in the admin, but French readers cannot reach it: its editor is warned,
with the unpublished parent named and linked.
"""

import pytest
from wagtail_localize.models import Translation, TranslationSource

from django.urls import reverse

from wagtail.models import Page

from resources.factories import GuidePageFactory
from tests.employers.translations import french_locale, publish_in_french
from tests.home.admin_forms import guide_form_data

WARNING = "This page is live, but readers cannot reach it until"


def translate(page: Page, *, publish: bool) -> Page:
    """Translate ``page`` into French with wagtail-localize, as staff do."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    Translation.objects.create(
        source=source, target_locale=french_locale()
    ).save_target(publish=publish)
    french = page.get_translation(french_locale())
    if publish:
        # New translations start as drafts (docs/i18n.md): publish it as staff do.
        french.save_revision().publish()
        french.refresh_from_db()
    return french


def edit_page(client, page: Page) -> str:
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.text


@pytest.fixture
def guide(guide_index):
    return GuidePageFactory(parent=guide_index, title="Hiring")


@pytest.fixture
def french_home(home_page):
    return translate(home_page, publish=True)


def test_live_french_guide_under_draft_french_index_warns_its_editor(
    client, admin_user, french_home, guide_index, guide
):
    french_index = translate(guide_index, publish=False)
    french_guide = translate(guide, publish=True)
    client.force_login(admin_user)

    html = edit_page(client, french_guide)

    assert WARNING in html
    edit_index = reverse("wagtailadmin_pages:edit", args=[french_index.pk])
    assert f'<a href="{edit_index}">“Guides” (French (Canada))</a>' in html
    assert "is published." in html
    assert html.count(WARNING) == 1


def test_warning_names_every_unpublished_parent_in_order(
    client, admin_user, home_page, guide_index, guide
):
    french_home = translate(home_page, publish=False)
    french_index = translate(guide_index, publish=False)
    french_guide = publish_in_french(guide, title="Embaucher")
    client.force_login(admin_user)

    html = edit_page(client, french_guide)

    home_link = reverse("wagtailadmin_pages:edit", args=[french_home.pk])
    index_link = reverse("wagtailadmin_pages:edit", args=[french_index.pk])
    assert html.index(home_link) < html.index(index_link)
    assert "are published." in html


def test_publishing_under_a_draft_parent_warns_on_the_next_page(
    client, admin_user, french_home, guide_index, guide
):
    translate(guide_index, publish=False)
    french_guide = guide.copy_for_translation(french_locale())
    french_guide.title = "Embaucher"
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:edit", args=[french_guide.pk])

    response = client.post(url, guide_form_data(french_guide), follow=True)

    french_guide.refresh_from_db()
    assert french_guide.live
    assert WARNING in response.text


def test_no_warning_when_every_french_parent_is_live(
    client, admin_user, french_home, guide_index, guide
):
    translate(guide_index, publish=True)
    french_guide = translate(guide, publish=True)
    client.force_login(admin_user)

    assert WARNING not in edit_page(client, french_guide)


def test_no_warning_for_a_french_draft(
    client, admin_user, french_home, guide_index, guide
):
    translate(guide_index, publish=False)
    french_guide = translate(guide, publish=False)
    client.force_login(admin_user)

    assert WARNING not in edit_page(client, french_guide)


def test_english_page_never_warns_because_of_french_pages(
    client, admin_user, home_page, guide_index, guide
):
    translate(home_page, publish=False)
    translate(guide_index, publish=False)
    client.force_login(admin_user)

    assert WARNING not in edit_page(client, guide)
