"""Site-wide Wagtail hooks: page language, and the impact report in the admin."""

from django.conf import settings
from django.contrib.auth.models import Permission
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home import impact, routing
from home.admin import mail as mail_admin
from home.admin import privacy as privacy_admin
from home.admin import translations as translations_admin
from home.admin import unpublished_ancestors
from home.admin.feedback import RecentFeedbackPanel
from home.impact.views import (
    ImpactReportCsvView,
    ImpactReportPrintView,
    ImpactReportView,
    ImpactReportXlsxView,
    ImpactTableCsvView,
)
from home.languages import current_language
from home.mail import QueuedEmailData
from home.models import Community, Navigation, SiteText
from home.scheduled import ScheduledTask, purge_mail_log


@hooks.register("before_serve_page")
def serve_pages_in_the_readers_language(page, request, serve_args, serve_kwargs):
    """Send a reader to the page in their language, or to its original with a note.

    Without a French tree, Wagtail serves the English page under /fr-ca/,
    mixing a French interface with English content (``home.routing``).
    """
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return None
    if page.locale.language_code == current_language():
        return None
    return routing.redirect_to_language(request, page, request.path)


@hooks.register("insert_global_admin_css")
def admin_stylesheet():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


class SiteTextViewSet(SnippetViewSet):
    """The site's words in each language; Site settings link to them."""

    model = SiteText
    icon = "site"
    menu_label = _("Site text")
    list_display = ["organization_name", "tagline"]


class CommunityViewSet(SnippetViewSet):
    """The communities the pledge form offers, in the order staff give them."""

    model = Community
    icon = "globe"
    sort_order_field = "sort_order"
    list_display = ["name"]


class NavigationViewSet(SnippetViewSet):
    """The main menu and footer links in each language."""

    model = Navigation
    icon = "list-ul"


register_snippet(SiteTextViewSet)
register_snippet(CommunityViewSet)
register_snippet(NavigationViewSet)


@hooks.register("register_scheduled_task")
def mail_log_task():
    return ScheduledTask(_("Email log"), purge_mail_log)


@hooks.register("construct_homepage_panels")
def add_site_panels(request, panels):
    panels.append(mail_admin.FailedEmailsPanel())
    panels.append(RecentFeedbackPanel())


@hooks.register("register_admin_urls")
def register_admin_urls():
    return mail_admin.admin_urls() + privacy_admin.admin_urls()


@hooks.register("register_settings_menu_item")
def register_personal_data_menu_item():
    return privacy_admin.menu_item()


# After the apps' own records: emails about them come last on the page.
hooks.register("register_personal_data", QueuedEmailData, order=100)


class ImpactReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(impact.PERMISSION)


@hooks.register("register_admin_urls")
def register_impact_report_urls():
    return [
        path("reports/impact/", ImpactReportView.as_view(), name="impact_report"),
        path(
            "reports/impact/print/",
            ImpactReportPrintView.as_view(),
            name="impact_report_print",
        ),
        path(
            "reports/impact/report.xlsx",
            ImpactReportXlsxView.as_view(),
            name="impact_report_xlsx",
        ),
        # Before the per-table address, which would take "report" for a table.
        path(
            "reports/impact/report.csv",
            ImpactReportCsvView.as_view(),
            name="impact_report_all_csv",
        ),
        path(
            "reports/impact/<slug:table>.csv",
            ImpactTableCsvView.as_view(),
            name="impact_report_csv",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_impact_report_menu_item():
    return ImpactReportMenuItem(
        _("Impact report"),
        reverse("impact_report"),
        name="impact-report",
        icon_name="table",
        order=600,
    )


@hooks.register("register_permissions")
def register_impact_report_permission():
    """List the permission on the group edit screen."""
    app_label, codename = impact.PERMISSION.split(".")
    return Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    )


# Translation status: the report under Reports and its dashboard panel.
@hooks.register("register_admin_urls")
def register_translation_status_urls():
    return translations_admin.admin_urls()


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return translations_admin.menu_item()


@hooks.register("construct_homepage_panels")
def add_translation_status_panel(request, panels):
    panels.append(translations_admin.TranslationStatusPanel())


# Before wagtail-localize's hook, which answers with its translation editor.
@hooks.register("before_edit_page", order=-1)
def warn_of_unpublished_ancestors_on_edit(request, page):
    if request.method == "GET":
        unpublished_ancestors.warn(request, page)


@hooks.register("after_publish_page")
def warn_of_unpublished_ancestors_on_publish(request, page):
    unpublished_ancestors.warn(request, page)
