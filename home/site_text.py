"""The site's words (``SiteText``) in the reader's language."""

from home.languages import default_content_language, localize_all
from home.models import SiteSettings, SiteText


def site_text_for(site_settings: SiteSettings) -> SiteText:
    """The site text of ``site_settings`` in the active language.

    Its translation where one exists, else the row the settings name. One
    query when the settings' ``select_related`` brought that row (as
    ``SiteSettings.for_request`` does). A site whose settings name no text yet
    gets the first row in the default language, or the fields' defaults.
    """
    source = site_settings.site_text
    if source is None:
        source = (
            SiteText.objects.filter(locale__language_code=default_content_language())
            .select_related("locale")
            .order_by("pk")
            .first()
        )
        if source is None:
            return SiteText()
    return localize_all([source])[0]
