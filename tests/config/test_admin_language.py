"""One French catalogue, locale/fr, serves the admin's "fr" and the site's "fr-ca".

Wagtail offers staff the admin language "fr"; the site speaks "fr-ca". gettext
falls back from fr_CA to fr, so both read our strings, Wagtail's and
wagtail-localize's from the same files.
"""

import json
import re

import pytest

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from wagtail.users.models import UserProfile

from tests.employers.translations import publish_in_french


@pytest.fixture
def french_admin(django_user_model):
    user = django_user_model.objects.create_superuser(
        "francine", "francine@example.com", "pw"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fr"
    profile.save()
    return user


def sidebar_labels(html: str) -> set[str]:
    """Every menu label in the admin sidebar, which Wagtail renders as JSON."""
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        html,
        re.S,
    )
    assert props, "no sidebar on the page"
    labels = re.findall(r'"label": ("(?:[^"\\]|\\.)*")', props.group(1))
    return {json.loads(label) for label in labels}


@pytest.mark.parametrize("language", ["fr", "fr-ca"])
def test_our_wagtails_and_wagtail_localizes_strings_are_french_in_both_codes(
    language,
):
    with translation.override(language):
        assert gettext("Topics") == "Sujets"  # ours
        assert gettext("Dashboard") == "Tableau de bord"  # Wagtail's
        assert gettext("Sync translated pages") == (
            "Synchroniser les pages traduites"  # wagtail-localize's
        )


def test_staff_offered_only_the_languages_our_catalogue_serves():
    assert [code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES] == [
        "en",
        "fr",
    ]


def test_a_staff_member_who_chose_french_reads_our_admin_menus_in_french(
    client, home_page, french_admin
):
    client.force_login(french_admin)

    response = client.get("/admin/")

    assert response.status_code == 200
    labels = sidebar_labels(response.content.decode())
    # Our menus, Wagtail's and wagtail-localize's, all in French.
    assert {"Sujets", "Ateliers", "Guides à réviser"} <= labels, labels
    assert {"Rapports", "Régions"} <= labels, labels
    assert not {"Topics", "Workshops", "Guides due for review"} & labels


def test_an_english_staff_member_still_reads_english_menus(
    client, home_page, admin_user
):
    client.force_login(admin_user)

    labels = sidebar_labels(client.get("/admin/").content.decode())

    assert {"Topics", "Workshops", "Guides due for review"} <= labels


def test_the_public_site_under_fr_ca_reads_in_french(client, home_page):
    publish_in_french(home_page)

    response = client.get("/fr-ca/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="fr-ca"' in html
    assert "Passer au contenu principal" in html
    assert "Skip to main content" not in html
