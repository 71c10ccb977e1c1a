"""``{% prefetch_renditions image stream … %}``: all renditions in one query.

Placed inside a ``{% fragment %}``, the query runs only when the fragment is
rendered, not when it comes from the cache.
"""

from typing import Any

from django import template

from home.blocks import prefetch_renditions as prefetch

register = template.Library()


@register.simple_tag
def prefetch_renditions(*values: Any) -> str:
    prefetch(*values)
    return ""
