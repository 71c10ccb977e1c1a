"""Count a page's queries as visitors meet them: warm and cold.

*Warm*: Wagtail's own caches (site root paths) and renditions are filled;
every request after the first pays this. *Cold*: the cache is empty, as after
a restart of the cache; one request pays this.
"""

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def count_queries(client: Client, url: str) -> tuple[int, int]:
    """Return the (warm, cold) number of queries of a GET of ``url``.

    Leaves the cache warm for ``url``.
    """
    # The first request may make renditions and settings rows, and making a
    # settings row starts a new version of the site cache: fill it again.
    for _ in range(2):
        assert client.get(url).status_code == 200, url
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as warm:
        assert client.get(url).status_code == 200, url
    return len(warm), len(cold)
