"""Tell editors when a live translation sits under an unpublished parent.

A French page can be published while a French page above it is still a
draft: Wagtail shows it as live, but French readers cannot reach it (a draft
French home page sends its whole tree to the English fallback, a draft guide
index leaves its guides with no French way in). The editor of such a page
sees a warning naming each unpublished parent, with a link to edit it.

The default language's tree is the source: it is not warned about here.
"""

from django.contrib import messages
from django.http import HttpRequest
from django.template.loader import render_to_string

from wagtail.models import Page

from home.languages import default_content_language

# Marks the warning, so that a request shows it once.
TAG = "unpublished-ancestors"


def unpublished_ancestors(page: Page) -> list[Page]:
    """The pages above ``page`` in its own language that are not live.

    Empty for a page that is not live itself or is in the default language;
    one query otherwise. The tree's root (depth 1) belongs to no language.
    """
    if not page.live:
        return []
    return list(
        page.get_ancestors()
        .filter(depth__gt=1, locale_id=page.locale_id, live=False)
        .exclude(locale__language_code=default_content_language())
        .select_related("locale")
        .order_by("depth")
    )


def warn(request: HttpRequest, page: Page) -> None:
    """Add the warning about ``page`` to the request's messages, if it needs one."""
    ancestors = unpublished_ancestors(page)
    if not ancestors:
        return
    storage = messages.get_messages(request)
    already_shown = any(TAG in message.tags.split() for message in storage)
    # Looking at the queued messages must not consume them.
    storage.used = False
    if already_shown:
        return
    # HTML, as rendered: the admin shows a message's links as they are.
    text = render_to_string(
        "home/admin/unpublished_ancestors_warning.html",
        {"ancestors": ancestors, "count": len(ancestors)},
        request=request,
    )
    messages.warning(request, text, extra_tags=TAG)
