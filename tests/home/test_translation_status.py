"""Staff see which pages and snippets still need French, and where to act."""

import datetime
import re

import pytest
from wagtail_localize.models import TranslationSource

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import GroupPagePermission, Page

from resources.factories import GuidePageFactory, TopicFactory
from tests.employers.translations import french_locale, publish_in_french

REPORT = "/admin/reports/translations/"


def row(html: str, title: str) -> str:
    """The report's table row for ``title``, tags stripped to words."""
    match = re.search(
        rf"<tr[^>]*>(?:(?!</tr>).)*{re.escape(title)}.*?</tr>", html, re.S
    )
    assert match, f"no row for {title}"
    return match.group()


def words(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def later(page: Page) -> None:
    """Publish ``page`` again, an hour after its translations were last made."""
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    Page.objects.filter(translation_key=page.translation_key).exclude(
        pk=page.pk
    ).update(last_published_at=an_hour_ago)
    TranslationSource.objects.filter(object_id=page.translation_key).update(
        last_updated_at=an_hour_ago
    )
    page.save_revision().publish()


@pytest.fixture
def guides(guide_index):
    french_locale()
    publish_in_french(guide_index)
    return {
        name: GuidePageFactory(parent=guide_index, title=name)
        for name in ("Untranslated", "Translated", "Drafted", "Changed since")
    }


def test_report_shows_each_translation_missing_draft_out_of_date_or_up_to_date(
    client, admin_user, guides
):
    publish_in_french(guides["Translated"], title="Traduit")
    publish_in_french(guides["Changed since"], title="Changé depuis")
    later(guides["Changed since"])
    draft = guides["Drafted"].copy_for_translation(french_locale())
    draft.save_revision()
    draft.live = False
    draft.save()
    client.force_login(admin_user)

    html = client.get(REPORT).text

    assert words(row(html, "Untranslated")).endswith("Missing Translate")
    assert reverse(
        "wagtail_localize:submit_page_translation", args=[guides["Untranslated"].pk]
    ) in row(html, "Untranslated")
    assert words(row(html, "Translated")).endswith("Up to date")
    assert words(row(html, "Drafted")).endswith("Draft Edit")
    assert reverse("wagtailadmin_pages:edit", args=[draft.pk]) in row(html, "Drafted")
    assert words(row(html, "Changed since")).endswith("Out of date Edit")


def test_to_do_lists_only_what_needs_work(client, admin_user, guides):
    publish_in_french(guides["Translated"])
    client.force_login(admin_user)

    html = client.get(REPORT, {"status": "todo"}).text

    assert "Untranslated" in html
    assert "Translated</a>" not in html


def test_syncing_with_wagtail_localize_brings_a_changed_page_up_to_date(
    client, admin_user, guides
):
    guide = guides["Untranslated"]
    client.force_login(admin_user)
    locale = french_locale()
    submit = reverse("wagtail_localize:submit_page_translation", args=[guide.pk])
    assert client.post(submit, {"locales": [locale.pk]}).status_code == 302
    french = guide.get_translation(locale)
    french.save_revision().publish()
    later(guide)
    assert words(row(client.get(REPORT).text, "Untranslated")).endswith(
        "Out of date Edit"
    )

    source = TranslationSource.objects.get_for_instance_or_none(guide)
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client.post(sync, {}).status_code == 302

    assert words(row(client.get(REPORT).text, "Untranslated")).endswith("Up to date")


def test_translatable_snippets_are_listed_with_their_status(client, admin_user, db):
    french_locale()
    topic = TopicFactory(name="Credentials abroad", slug="credentials-abroad")
    log(topic, "wagtail.create")
    TopicFactory(name="Interviews", slug="interviews")
    client.force_login(admin_user)

    html = client.get(REPORT).text
    assert words(row(html, "Interviews")).endswith("Missing Translate")

    french = topic.copy_for_translation(french_locale())
    french.name = "Diplômes étrangers"
    french.save()
    log(french, "wagtail.create")
    html = client.get(REPORT).text
    assert words(row(html, "Credentials abroad")).endswith("Up to date")


def test_report_runs_a_fixed_number_of_queries(
    client, admin_user, guide_index, django_assert_max_num_queries
):
    french_locale()
    publish_in_french(guide_index)
    client.force_login(admin_user)

    def add(count):
        for number in range(count):
            guide = GuidePageFactory(parent=guide_index)
            if number % 2:
                publish_in_french(guide)
            topic = TopicFactory()
            if number % 2:
                topic.copy_for_translation(french_locale()).save()

    add(2)
    with CaptureQueriesContext(connection) as small:
        client.get(REPORT)
    add(12)

    with django_assert_max_num_queries(len(small)):
        html = client.get(REPORT).text
    assert html.count("Missing") >= 12


def test_dashboard_counts_what_needs_translating_and_links_to_the_report(
    client, admin_user, guides
):
    client.force_login(admin_user)

    def panel() -> str:
        html = client.get(reverse("wagtailadmin_home")).text
        return html[html.index('id="translation-status-section"') :]

    missing = int(re.search(r"Missing: (\d+)", words(panel())).group(1))
    publish_in_french(guides["Translated"])
    publish_in_french(guides["Changed since"])
    later(guides["Changed since"])

    after = words(panel())
    assert f"Missing: {missing - 2}" in after
    assert "Out of date: 1" in after
    assert f"{REPORT}?status=todo" in panel()


def _staff(django_user_model, name, pages=()):
    user = django_user_model.objects.create_user(name, password="x")
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in pages:
        GroupPagePermission.objects.create(
            group=group,
            page=Page.get_first_root_node(),
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{codename}_page"
            ),
        )
    user.groups.add(group)
    return user


def test_only_staff_who_edit_content_see_the_report_and_panel(
    client, django_user_model, guides
):
    reader = _staff(django_user_model, "Translation readers")
    editor = _staff(django_user_model, "Translation editors", pages=["change"])

    client.force_login(reader)
    assert client.get(REPORT).status_code == 302
    assert 'id="translation-status-section"' not in client.get("/admin/").text

    client.force_login(editor)
    assert client.get(REPORT).status_code == 200
    assert 'id="translation-status-section"' in client.get("/admin/").text
