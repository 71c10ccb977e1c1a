"""Site text, communities and navigation become translatable: carry data over.

Each site's words go to a ``SiteText`` row in the default language, its menu
and footer links to a ``Navigation`` in the default language, and every
community and item gets the default locale and its own translation key.
Backwards, the words go back to the settings and the items to their site.
"""

import uuid

from django.conf import settings
from django.db import migrations

from wagtail.coreutils import get_supported_content_language_variant

TEXT_FIELDS = [
    "organization_name",
    "tagline",
    "address",
    "funding_acknowledgement",
    "funder_logo_alt",
]


def default_locale(apps):
    Locale = apps.get_model("wagtailcore", "Locale")
    code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return Locale.objects.get_or_create(language_code=code)[0]


def forwards(apps, schema_editor) -> None:
    SiteSettings = apps.get_model("home", "SiteSettings")
    SiteText = apps.get_model("home", "SiteText")
    Community = apps.get_model("home", "Community")
    NavigationSettings = apps.get_model("home", "NavigationSettings")
    Navigation = apps.get_model("home", "Navigation")
    items = [apps.get_model("home", name) for name in ("MainMenuItem", "FooterLink")]

    needed = (
        SiteSettings.objects.exists()
        or Community.objects.exists()
        or NavigationSettings.objects.exists()
    )
    if not needed:
        return
    locale = default_locale(apps)

    for site_settings in SiteSettings.objects.all():
        site_settings.site_text = SiteText.objects.create(
            locale=locale,
            translation_key=uuid.uuid4(),
            **{field: getattr(site_settings, field) for field in TEXT_FIELDS},
        )
        site_settings.save(update_fields=["site_text"])

    for community in Community.objects.all():
        community.locale = locale
        community.translation_key = uuid.uuid4()
        community.save(update_fields=["locale", "translation_key"])

    for navigation_settings in NavigationSettings.objects.all():
        navigation = Navigation.objects.create(
            locale=locale, translation_key=uuid.uuid4(), name="Main navigation"
        )
        navigation_settings.navigation = navigation
        navigation_settings.save(update_fields=["navigation"])
        for model in items:
            for item in model.objects.filter(navigation=navigation_settings):
                item.menu = navigation
                item.locale = locale
                item.translation_key = uuid.uuid4()
                item.save(update_fields=["menu", "locale", "translation_key"])


def backwards(apps, schema_editor) -> None:
    SiteSettings = apps.get_model("home", "SiteSettings")
    NavigationSettings = apps.get_model("home", "NavigationSettings")
    items = [apps.get_model("home", name) for name in ("MainMenuItem", "FooterLink")]

    for site_settings in SiteSettings.objects.exclude(site_text=None):
        for field in TEXT_FIELDS:
            setattr(site_settings, field, getattr(site_settings.site_text, field))
        site_settings.save(update_fields=TEXT_FIELDS)
    for navigation_settings in NavigationSettings.objects.exclude(navigation=None):
        for model in items:
            model.objects.filter(menu=navigation_settings.navigation).update(
                navigation=navigation_settings
            )
    # Items and communities of translations have no site to go back to.
    for model in items:
        model.objects.filter(navigation=None).delete()
    Community = apps.get_model("home", "Community")
    site_settings = SiteSettings.objects.order_by("pk").first()
    if site_settings is None:
        Community.objects.all().delete()
        return
    locale = default_locale(apps)
    Community.objects.exclude(locale=locale).delete()
    Community.objects.update(settings=site_settings)


class Migration(migrations.Migration):
    dependencies = [("home", "0006_translatable_site_text_add")]

    operations = [migrations.RunPython(forwards, backwards)]
