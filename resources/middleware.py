"""Count guide views on the server, for the impact report.

``GuidePage.serve()`` marks a page it served with the ``X-Count-View`` header
(the guide's id). This middleware sits near the top of the stack, above any
page cache, so it sees cached responses too: it takes the header off every
response and counts one view when the request is a real reader's GET. Nothing
about the reader is stored.
"""

import logging
import re

from django.db import DatabaseError

from resources.models.views import VIEW_HEADER
from resources.services import record_guide_view

# Crawlers, link previews, monitors and scripts announce themselves; a browser
# always sends a user agent.
BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview"
    r"|monitor|uptime|pingdom|lighthouse|headless|curl|wget|python|httpx|java/"
    r"|go-http-client|okhttp|libwww|scrapy|feedfetcher",
    re.IGNORECASE,
)

logger = logging.getLogger(__name__)


def is_bot(user_agent: str) -> bool:
    return not user_agent.strip() or bool(BOT_USER_AGENT.search(user_agent))


class GuideViewCounterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        guide_id = response.headers.get(VIEW_HEADER)
        if guide_id is None:
            return response
        del response.headers[VIEW_HEADER]
        if self.counts(request, response):
            try:
                record_guide_view(int(guide_id))
            except (ValueError, DatabaseError):
                # A lost count must never cost the reader the page.
                logger.exception("Could not count a view of guide %s", guide_id)
        return response

    def counts(self, request, response) -> bool:
        return (
            request.method == "GET"
            and response.status_code == 200
            and not getattr(request, "is_preview", False)
            and not is_bot(request.headers.get("User-Agent", ""))
        )
