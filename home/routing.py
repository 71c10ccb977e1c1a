"""Find pages and their view restrictions in fewer queries than Wagtail does.

Wagtail's ``Page.route()`` reads the database twice per level of the address
(the child by its slug, then its own page type), and serving then reads the
page's ancestors and their view restrictions: eight queries before a guide
shows anything. ``route_below`` reads every page the address passes through
in one query, with whether each has a view restriction, then reads the page
served in its own type. Page types that route their own subpaths
(``RoutablePageMixin``) or override ``route()`` still get to do so.

``public()`` keeps listings to pages outside private sections, as Wagtail's
``PageQuerySet.public()`` does, without first reading every restriction.
"""

import hashlib
from collections import defaultdict

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr
from django.http import Http404, HttpRequest
from django.urls import Resolver404

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from home import site_cache

# Set on a routed page when no view restriction applies to it or an ancestor.
UNRESTRICTED = "_route_found_no_view_restrictions"


def _ancestor_paths(page: Page) -> list[str]:
    """The tree paths of ``page`` and its ancestors, computed from its own."""
    return [page.path[: page.steplen * n] for n in range(1, page.depth + 1)]


def _with_restrictions(pages: QuerySet) -> QuerySet:
    """Annotate whether each page has a view restriction of its own."""
    return pages.annotate(
        has_restriction=Exists(PageViewRestriction.objects.filter(page=OuterRef("pk")))
    )


def _hands_over(page: Page, remaining: list[str]) -> bool:
    """Whether ``page`` itself must route ``remaining``, rather than a child."""
    if not remaining:
        return True
    model = page.specific_class
    if model is None or model.route is Page.route:
        return False
    if model.route is RoutablePageMixin.route:
        # As RoutablePageMixin.route: a live page answers its own subpaths
        # first and passes anything else to its children.
        if not page.live:
            return False
        try:
            model.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Resolver404:
            return False
        return True
    return True


def _rows_on_path(root: Page, path_components: list[str]) -> list[Page]:
    """The root, its ancestors and the pages the address may pass through.

    The rows of an address made of pages (``/guides/a-guide/``) are kept in
    the site cache, which publishing, moving or deleting a page renews. A
    longer address that such a page routes itself (a registry profile, a
    workshop's form) uses its page's rows; any other address reads afresh,
    so the cache holds no more entries than there are pages.
    """
    prefixes = [
        (root.pk, _digest(path_components[:n]))
        for n in range(len(path_components), 0, -1)
    ]
    cached = site_cache.get_cached("route", *prefixes)
    for parts in prefixes:
        if parts in cached:
            rows = cached[parts]
            pages = _pages_along(root, rows, path_components)
            remaining = path_components[len(pages) :]
            if not remaining or _hands_over(pages[-1], remaining):
                return rows
            break

    depth = root.depth
    by_slug = Q()
    for offset, slug in enumerate(path_components, start=1):
        by_slug |= Q(depth=depth + offset, slug=slug)
    rows = list(
        _with_restrictions(
            Page.objects.filter(
                Q(path__startswith=root.path, depth__gt=depth) & by_slug
                | Q(path__in=_ancestor_paths(root))
            )
        )
    )
    pages = _pages_along(root, rows, path_components)
    if pages:
        kept = [row for row in rows if row.depth <= depth or row in pages]
        site_cache.store("route", kept, root.pk, _digest(path_components[: len(pages)]))
    return rows


def _digest(path_components: list[str]) -> str:
    """A short key part for an address, however long, holding none of its text."""
    return hashlib.sha256("/".join(path_components).encode()).hexdigest()[:32]


def _pages_along(
    root: Page, rows: list[Page], path_components: list[str]
) -> list[Page]:
    """The pages the address names, each below the one before, as far as it goes."""
    below = {
        (row.path[: -row.steplen], row.slug): row
        for row in rows
        if row.depth > root.depth
    }
    pages = []
    path = root.path
    for slug in path_components:
        page = below.get((path, slug))
        if page is None:
            break
        pages.append(page)
        path = page.path
    return pages


def route_below(
    root: Page, request: HttpRequest, path_components: list[str]
) -> RouteResult:
    """Route ``path_components`` under ``root``, as Wagtail's ``route()`` would."""
    rows = _rows_on_path(root, path_components)
    children = defaultdict(dict)
    restricted = False
    for row in rows:
        if row.depth <= root.depth:
            # The root and its ancestors: their restrictions apply below.
            restricted |= row.has_restriction or row.alias_of_id is not None
        else:
            children[row.path[: -row.steplen]][row.slug] = row

    parent = root
    for index, slug in enumerate(path_components):
        page = children[parent.path].get(slug)
        if page is None:
            raise Http404
        # An alias shows its original's restrictions: leave those to Wagtail.
        restricted |= page.has_restriction or page.alias_of_id is not None
        page._cached_parent_obj = parent
        remaining = path_components[index + 1 :]
        if _hands_over(page, remaining):
            specific = page.specific
            if not restricted:
                setattr(specific, UNRESTRICTED, True)
            return specific.route(request, remaining)
        parent = page
    raise Http404  # not reached: the last page always hands over


def read_root(root: Page) -> Page:
    """The root page read afresh in its own type, to serve it.

    The cached site's root page holds only what routing needs.
    """
    page = (
        _with_restrictions(type(root).objects.all())
        .annotate(
            restricted_above=Exists(
                PageViewRestriction.objects.filter(
                    page__path__in=_ancestor_paths(root)[:-1]
                )
            )
        )
        .get(pk=root.pk)
    )
    if not (page.has_restriction or page.restricted_above or page.alias_of_id):
        setattr(page, UNRESTRICTED, True)
    return page


def public(pages: QuerySet) -> QuerySet:
    """Pages outside private sections, checked inside the listing's own query.

    The same rows as Wagtail's ``public()``, which reads every restriction in
    a query of its own first. Search backends other than the database one
    accept only indexed fields in filters: search first, then filter.
    """
    private_section = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return pages.filter(~Exists(private_section))


class RoutedPageMixin:
    """For page types served through ``route_below``: skip a second lookup of
    view restrictions when routing found none on the page or its ancestors.
    """

    def get_view_restrictions(self):
        if getattr(self, UNRESTRICTED, False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
