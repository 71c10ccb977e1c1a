"""An outside translator works from a PO file: staff download it, upload it back."""

import polib
import pytest
from wagtail_localize.models import Translation

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from resources.factories import GuidePageFactory
from tests.employers.translations import french_locale, publish_in_french

FRENCH = {
    "Where to start": "Par où commencer",
    "Start with the job’s real needs.": "Partez des vrais besoins du poste.",
    "Start with the job's real needs.": "Partez des vrais besoins du poste.",
}


@pytest.fixture
def translation(client, admin_user, guide_index) -> Translation:
    """A guide submitted for French translation through wagtail-localize."""
    locale = french_locale()
    publish_in_french(guide_index)
    guide = GuidePageFactory(parent=guide_index, title="Hiring guide")
    client.force_login(admin_user)
    submit = reverse("wagtail_localize:submit_page_translation", args=[guide.pk])
    assert client.post(submit, {"locales": [locale.pk]}).status_code == 302
    return Translation.objects.get(
        source__object_id=guide.translation_key, target_locale=locale
    )


def test_a_translated_po_file_uploaded_back_shows_on_the_french_page(
    client, translation, django_capture_on_commit_callbacks
):
    download = reverse("wagtail_localize:download_pofile", args=[translation.pk])
    response = client.get(download)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith("-fr-ca.po")
    po = polib.pofile(response.content.decode())
    assert "Where to start" in [entry.msgid for entry in po]
    for entry in po:
        entry.msgstr = FRENCH.get(entry.msgid, entry.msgid)
    editor = reverse(
        "wagtailadmin_pages:edit", args=[translation.get_target_instance().pk]
    )

    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {
            "file": SimpleUploadedFile("guide-fr-ca.po", str(po).encode()),
            "next": editor,
        },
    )

    assert response.status_code == 302 and response["Location"] == editor
    # wagtail-localize publishes once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    french = translation.get_target_instance()
    html = client.get(french.url).text
    assert "Par où commencer" in html
    assert "Partez des vrais besoins du poste." in html
    assert "Where to start" not in html


def test_a_po_file_for_another_translation_is_refused(
    client, translation, guide_index, django_capture_on_commit_callbacks
):
    other = GuidePageFactory(parent=guide_index, title="Other guide")
    submit = reverse("wagtail_localize:submit_page_translation", args=[other.pk])
    client.post(submit, {"locales": [french_locale().pk]})
    po = polib.pofile(
        client.get(
            reverse("wagtail_localize:download_pofile", args=[translation.pk])
        ).content.decode()
    )
    for entry in po:
        entry.msgstr = "Ne pas importer"
    other_translation = Translation.objects.get(source__object_id=other.translation_key)

    client.post(
        reverse("wagtail_localize:upload_pofile", args=[other_translation.pk]),
        {"file": SimpleUploadedFile("wrong.po", str(po).encode())},
    )

    with django_capture_on_commit_callbacks(execute=True):
        other_translation.save_target(publish=True)
    html = client.get(other_translation.get_target_instance().url).text
    assert "Other guide" in html  # the French page, its text not yet translated
    assert "Ne pas importer" not in html
