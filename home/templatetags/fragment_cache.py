"""``{% fragment %}``: keep a rendered part of a page until what it shows changes.

    {% load fragment_cache %}
    {% fragment "workshop-results" query depends="registrations" seconds=60 %}
        …
    {% endfragment %}

The key holds the name, the active language, the values after the name and
the current version of each page cache tag the part depends on
(``home.page_cache``): ``CONTENT`` always, more with ``depends``. Whatever makes
a cached page stale therefore makes the fragment a miss as well, whether or not
the page cache is on. ``seconds`` (default ``FRAGMENT_CACHE_SECONDS``) bounds
what changes with time alone, such as a pledge reaching its end date.

Views hand the data over lazily (``SimpleLazyObject``) so that a hit also skips
the queries. Previews are never cached. A fragment must hold nothing personal
and no per-visitor value: one holding a CSRF token or a value made with
``page_cache.per_visitor`` (a form's signed time) is rendered but not kept.
"""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.template.base import FilterExpression, NodeList
from django.utils import translation

from home import page_cache

register = template.Library()

# What {% csrf_token %} renders: that visitor's token, never to be kept.
CSRF_FIELD = 'name="csrfmiddlewaretoken"'


class FragmentNode(template.Node):
    def __init__(
        self,
        nodelist: NodeList,
        name: str,
        vary_on: list[FilterExpression],
        depends: FilterExpression | None,
        seconds: FilterExpression | None,
    ):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on
        self.depends = depends
        self.seconds = seconds

    def render(self, context) -> str:
        request = context.get("request")
        seconds = settings.FRAGMENT_CACHE_SECONDS
        if self.seconds:
            # A missing value keeps nothing rather than keeping too long.
            given = self.seconds.resolve(context)
            seconds = min(seconds, given) if isinstance(given, int) else 0
        if request is None or getattr(request, "is_preview", False) or seconds <= 0:
            return self.nodelist.render(context)

        depends = self.depends.resolve(context) if self.depends else ""
        tags = [page_cache.CONTENT, *filter(None, depends.split(","))]
        # Versions first, data second: a change committed meanwhile leaves
        # this entry under a version nobody asks for again.
        page_cache.depends_on(*tags)
        versions = page_cache.versions(tags)
        key = make_template_fragment_key(
            self.name,
            [
                translation.get_language(),
                *(versions[tag] for tag in tags),
                *(value.resolve(context) for value in self.vary_on),
            ],
        )
        html = cache.get(key)
        if html is None:
            made = page_cache.visitor_values()
            html = self.nodelist.render(context)
            if page_cache.visitor_values() == made and CSRF_FIELD not in html:
                cache.set(key, html, seconds)
        return html


@register.tag
def fragment(parser, token) -> FragmentNode:
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError(
            "'fragment' needs a quoted name: {% fragment \"name\" value … %}"
        )
    options = {}
    vary_on = []
    for bit in bits[2:]:
        option, equals, value = bit.partition("=")
        if equals and option in ("depends", "seconds"):
            options[option] = parser.compile_filter(value)
        else:
            vary_on.append(parser.compile_filter(bit))
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist,
        bits[1][1:-1],
        vary_on,
        options.get("depends"),
        options.get("seconds"),
    )
