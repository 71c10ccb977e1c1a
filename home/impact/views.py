"""The impact report in the admin, its print view and its exports.

Every view needs ``home.view_impact_report``. The period comes from the query
string (``PeriodForm``), so a report is a link staff can bookmark or share with
a colleague, and the print view and exports take the same query.
"""

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.impact import PERMISSION, exports
from home.impact.periods import PeriodChoice, PeriodForm
from home.impact.sections import find_table, impact_sections
from home.impact.tables import SUPPRESSION_NOTE

TITLE = _("Impact report")


class ImpactReportMixin:
    """Check the permission and read the period from the query string."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            # A real 403, for pages and downloads alike: Wagtail would turn a
            # PermissionDenied into a redirect to the dashboard.
            return TemplateResponse(
                request, "home/impact/forbidden.html", {"title": TITLE}, status=403
            )
        self.form = PeriodForm(request.GET)
        self.period = self.form.get_period() if self.form.is_valid() else None
        self.shareable = request.GET.get("shareable") == "1"
        return super().dispatch(request, *args, **kwargs)

    def period_query(self, **extra) -> str:
        """The query string that selects this period again."""
        data = self.form.cleaned_data
        query = {"period": data["period"]}
        if data["period"] == PeriodChoice.CUSTOM:
            query.update(start=data["start"].isoformat(), end=data["end"].isoformat())
        return urlencode({**query, **extra})

    def report_context(self) -> dict:
        if self.period is None:
            return {"form": self.form, "title": TITLE}
        query = self.period_query()
        return {
            "form": self.form,
            "title": TITLE,
            "period": self.period,
            "sections": impact_sections(self.period),
            "shareable": self.shareable,
            "query": query,
            "print_url": f"{reverse('impact_report_print')}?{query}",
            "xlsx_url": f"{reverse('impact_report_xlsx')}?{query}",
            "csv_url": f"{reverse('impact_report_all_csv')}?{query}",
            "shareable_csv_url": (
                f"{reverse('impact_report_all_csv')}?{self.period_query(shareable=1)}"
            ),
            "shareable_xlsx_url": (
                f"{reverse('impact_report_xlsx')}?{self.period_query(shareable=1)}"
            ),
        }


class ImpactReportView(ImpactReportMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "home/impact/report.html"
    page_title = TITLE
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **self.report_context()}


class ImpactReportPrintView(ImpactReportMixin, TemplateView):
    """The same report on a plain page, without the admin's menus, for paper."""

    template_name = "home/impact/print.html"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.period is None:
            response.status_code = 400
        return response

    def get_context_data(self, **kwargs):
        context = {**super().get_context_data(**kwargs), **self.report_context()}
        context["report_url"] = reverse("impact_report")
        context["suppression_note"] = SUPPRESSION_NOTE
        return context


class ImpactReportXlsxView(ImpactReportMixin, View):
    def get(self, request, *args, **kwargs) -> HttpResponse:
        if self.period is None:
            return HttpResponseBadRequest(gettext("Choose a valid period."))
        return exports.report_xlsx(
            impact_sections(self.period),
            self.period,
            shareable=self.shareable,
            title=str(TITLE),
        )


class ImpactReportCsvView(ImpactReportMixin, View):
    """The whole report as one CSV, the same tables as the XLSX."""

    def get(self, request, *args, **kwargs) -> HttpResponse:
        if self.period is None:
            return HttpResponseBadRequest(gettext("Choose a valid period."))
        return exports.report_csv(
            impact_sections(self.period),
            self.period,
            shareable=self.shareable,
            title=str(TITLE),
        )


class ImpactTableCsvView(ImpactReportMixin, View):
    def get(self, request, *args, table: str, **kwargs) -> HttpResponse:
        if self.period is None:
            return HttpResponseBadRequest(gettext("Choose a valid period."))
        found = find_table(impact_sections(self.period), table)
        if found is None:
            raise Http404
        return exports.table_csv(found, self.period, shareable=self.shareable)
