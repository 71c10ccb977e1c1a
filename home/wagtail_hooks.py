"""Site-wide Wagtail hooks: page language, and the impact report in the admin."""

from django.conf import settings
from django.contrib.auth.models import Permission
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.coreutils import get_supported_content_language_variant

from home import impact
from home.admin import mail as mail_admin
from home.admin import privacy as privacy_admin
from home.admin import translations as translations_admin
from home.admin.feedback import RecentFeedbackPanel
from home.impact.views import (
    ImpactReportPrintView,
    ImpactReportView,
    ImpactReportXlsxView,
    ImpactTableCsvView,
)
from home.mail import QueuedEmailData
from home.scheduled import ScheduledTask, purge_mail_log


@hooks.register("before_serve_page")
def serve_pages_in_their_own_language(page, request, serve_args, serve_kwargs):
    """Send a visitor to the page's own language when no translation exists.

    Without a French tree, Wagtail would serve the English page under /fr-ca/,
    mixing a French interface with English content.
    """
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return None
    active = get_supported_content_language_variant(translation.get_language())
    if page.locale.language_code != active:
        return redirect(page.get_url(request))
    return None


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
