"""sitemap.xml: every live public page in every language, with its alternates."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale

from home.alternates import Alternate, public_pages


class LanguagesSitemap(Sitemap):
    """Wagtail's sitemap over the site's tree in each language.

    Wagtail's own lists the tree of the request's language only. Each entry
    names its page's translations as ``xhtml:link`` alternates (hreflang
    ``en``, ``fr-CA``); a fixed number of queries whatever the size.
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = root.get_translations(inclusive=True)
        in_trees = Q()
        for path in roots.values_list("path", flat=True):
            in_trees |= Q(path__startswith=path)
        pages = list(
            public_pages()
            .filter(in_trees)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
        # Specific pages drop a select_related; the few locales come apart.
        self.languages = dict(Locale.objects.values_list("pk", "language_code"))
        by_key = defaultdict(list)
        for page in pages:
            by_key[page.translation_key].append(page)
        for page in pages:
            page.sitemap_alternates = by_key[page.translation_key]
        return pages

    def get_urls(self, page=1, site=None, protocol=None):
        """Each page's entries, the page's own with its translations as alternates.

        Wagtail's pages give their addresses (``get_sitemap_urls``); a page
        may give several (a registry's profiles), the alternates go with the
        page's own address.
        """
        urls = []
        for item in self.paginator.page(page).object_list:
            own = item.get_full_url(self.request)
            for url in item.get_sitemap_urls(self.request):
                if url["location"] == own and len(item.sitemap_alternates) > 1:
                    url["alternates"] = self.alternates_of(item)
                urls.append(url)
        last_mods = {url.get("lastmod") for url in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def alternates_of(self, item) -> list[dict[str, str]]:
        alternates = [
            {
                "hreflang": Alternate(
                    self.languages[t.locale_id], t, exact=True
                ).hreflang,
                "location": t.get_full_url(self.request),
                "default": self.languages[t.locale_id] == settings.LANGUAGE_CODE,
            }
            for t in item.sitemap_alternates
        ]
        default = [a for a in alternates if a.pop("default")]
        if default:
            alternates.append(
                {"hreflang": "x-default", "location": default[0]["location"]}
            )
        return alternates
