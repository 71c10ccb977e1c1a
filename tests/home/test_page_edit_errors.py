"""A page edit posted without its block counts is a form error, not a 500."""

import pytest

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    streamfield,
)

from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage

INCOMPLETE = "Part of the form did not arrive"
PATH = {
    "heading": "Read the guides",
    "text": "Practical answers on hiring newcomers.",
    "link_label": "Browse the guides",
}


@pytest.fixture
def home_with_paths(home_page) -> HomePage:
    home_page.paths = [("path", {**PATH, "page": home_page})]
    home_page.save_revision().publish()
    return home_page


def home_form_data(page: HomePage, **changes) -> dict:
    fields = {
        "title": page.title,
        "slug": page.slug,
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
        "hero_heading": page.hero_heading,
        "hero_text": page.hero_text,
        "hero_image_alt": "",
        "paths": streamfield(
            [("path", {**PATH, "page": str(page.pk)})],
        ),
        "body": streamfield([]),
        "action-publish": "action-publish",
    }
    fields.update(changes)
    return nested_form_data(fields)


def post_edit(client, page: Page, data: dict):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_home_edit_without_paths_count_is_a_polite_error(
    client, staff, home_with_paths, role
):
    client.force_login(staff[role])
    data = home_form_data(home_with_paths, hero_heading="Changed heading")
    del data["paths-count"]

    response = post_edit(client, home_with_paths, data)

    assert response.status_code == 200
    assert INCOMPLETE in response.content.decode()
    stored = HomePage.objects.get(pk=home_with_paths.pk)
    assert stored.hero_heading == home_with_paths.hero_heading
    assert stored.paths[0].value["heading"] == PATH["heading"]
    assert (
        stored.get_latest_revision().as_object().paths[0].value["heading"]
        == (PATH["heading"])
    )
    # The form shown again still holds the stored paths, ready to save.
    assert PATH["heading"] in response.content.decode()


@pytest.mark.django_db
def test_home_edit_with_a_broken_block_count_is_a_polite_error(
    client, staff, home_with_paths
):
    client.force_login(staff["editor"])
    data = home_form_data(home_with_paths)
    data["paths-count"] = "many"

    response = post_edit(client, home_with_paths, data)

    assert response.status_code == 200
    assert INCOMPLETE in response.content.decode()
    assert (
        HomePage.objects.get(pk=home_with_paths.pk).paths[0].value["heading"]
        == (PATH["heading"])
    )


@pytest.mark.django_db
def test_home_edit_with_its_counts_still_saves(client, staff, home_with_paths):
    client.force_login(staff["editor"])

    data = home_form_data(home_with_paths, hero_heading="Changed heading")
    del data["action-publish"]  # saved as a draft: editors submit for review

    response = post_edit(client, home_with_paths, data)

    assert response.status_code == 302
    draft = HomePage.objects.get(pk=home_with_paths.pk).get_latest_revision()
    assert draft.as_object().hero_heading == "Changed heading"
    assert draft.as_object().paths[0].value["heading"] == PATH["heading"]


@pytest.mark.django_db
def test_standard_page_edit_without_body_count_is_a_polite_error(
    client, staff, home_page
):
    page = StandardPageFactory(
        parent=home_page,
        body=[{"type": "paragraph", "value": "<p>Kept text.</p>"}],
    )
    client.force_login(staff["editor"])
    data = nested_form_data(
        {
            "title": "Changed title",
            "slug": page.slug,
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
            "intro": page.intro,
            "action-publish": "action-publish",
        }
    )

    response = post_edit(client, page, data)

    assert response.status_code == 200
    assert INCOMPLETE in response.content.decode()
    stored = StandardPage.objects.get(pk=page.pk)
    assert stored.title == page.title
    assert "Kept text." in str(stored.body)


OUR_APPS = {"home", "resources", "pledges", "workshops"}


def test_every_page_type_with_a_stream_uses_the_stream_safe_form():
    from wagtail.fields import StreamField
    from wagtail.models import get_page_models

    from home.models.pages import StreamSafePageForm

    unsafe = [
        model.__name__
        for model in get_page_models()
        if model._meta.app_label in OUR_APPS
        and any(isinstance(field, StreamField) for field in model._meta.get_fields())
        and not issubclass(
            model.get_edit_handler().get_form_class(), StreamSafePageForm
        )
    ]
    assert unsafe == []
