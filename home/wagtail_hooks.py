"""Site-wide Wagtail hooks."""

from django.conf import settings
from django.shortcuts import redirect

from wagtail import hooks

from home import site_cache


@hooks.register("before_serve_page")
def serve_pages_in_their_own_language(page, request, serve_args, serve_kwargs):
    """Send a visitor to the page's own language when no translation exists.

    Without a French tree, Wagtail would serve the English page under /fr-ca/,
    mixing a French interface with English content.
    """
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return None
    # A locale added moments ago may not be in another process's cache yet.
    language = site_cache.language_code(page.locale_id) or page.locale.language_code
    if language != site_cache.active_language():
        return redirect(page.get_url(request))
    return None
