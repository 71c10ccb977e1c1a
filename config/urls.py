from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.exports import wagtail_export_urls
from home.sitemap import LanguagesSitemap

urlpatterns = [
    # Wagtail's exporting reports with formulas neutralized (home/exports.py).
    *wagtail_export_urls(),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": LanguagesSitemap}, "template_name": "home/sitemap.xml"},
        name="sitemap",
    ),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("favicon.ico", home_views.favicon),
    path("brand.css", home_views.brand_css, name="brand_css"),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    from django.views.static import serve

    # A host without a web server in front can let Django serve images.
    # Documents stay behind Wagtail's /documents/ view, which checks privacy
    # settings, so their files are never served directly.
    media = settings.MEDIA_URL.strip("/")
    urlpatterns += [
        path(
            f"{media}/{folder}/<path:path>",
            serve,
            {"document_root": settings.MEDIA_ROOT / folder},
        )
        for folder in ("images", "original_images")
    ]

# English pages stay at the root; French ones live under /fr-ca/.
urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    # Wagtail serves only paths that end in a slash; this lets a routable page
    # also answer file names (the pledge registry's CSV, JSON and badge SVG).
    re_path(
        r"^((?:[\w\-]+/)+[\w\-]+\.(?:csv|json|svg))$",
        home_views.serve,
        name="wagtail_serve_file",
    ),
    # Wagtail's own routes (its login and password views), then pages through
    # home.views.serve: an address under /fr-ca/ missing its French page goes
    # to the English one (home/routing.py), never to a 404.
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", home_views.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
