"""Every CSV the admin exports, ours or Wagtail's, is safe to open in Excel.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is run as a formula by spreadsheet programs; the exports quote it. The
test walks every admin address whose view exports, fills the tables those
exports read with such values (typed by visitors, or by staff), and reads
every cell of every CSV.
"""

import csv
import datetime
import io

import pytest

from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils import timezone

from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log
from wagtail.models import Workflow

from employers.pledges.factories import PledgeFactory
from employers.workshops.factories import RegistrationFactory
from employers.workshops.models import WorkshopFeedback
from home.exports import FORMULA_PREFIXES, SafeSpreadsheetExportMixin
from resources.factories import GuidePageFactory
from resources.models import GuideFeedback

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://evil.example","Open")'
CALC = "+cmd|' /C calc'!A0"
MINUS = "-2+3+cmd|' /C calc'!A0"
AT = "@SUM(1+1)*cmd|' /C calc'!A0"
TAB = "\t=1+1"
RETURN = "\r=1+1"


def export_routes(patterns=None, prefix: str = "/") -> list[str]:
    """Every address without parameters whose view offers a spreadsheet."""
    routes = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        address = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            routes += export_routes(pattern.url_patterns, address)
        elif isinstance(pattern, URLPattern) and "<" not in address:
            view_class = getattr(pattern.callback, "view_class", None)
            if view_class and issubclass(view_class, SpreadsheetExportMixin):
                routes.append(address)
    return sorted(set(routes))


@pytest.fixture
def hostile(workshop, guide_index, admin_user):
    """A hostile value in a field of every table an export reads."""
    pledge = PledgeFactory(organization_name=HYPERLINK, contact_name=CALC)
    # Site history: the entry's label is the organization's name.
    log(instance=pledge, action="wagtail.edit", user=admin_user)
    registration = RegistrationFactory(
        workshop=workshop, name=MINUS, organization=AT, job_title=TAB
    )
    WorkshopFeedback.objects.create(
        registration=registration,
        workshop=workshop,
        rating=1,
        next_steps=RETURN,
        comments=CALC,
    )
    guide = GuidePageFactory(
        parent=guide_index,
        title=AT,
        last_reviewed=timezone.localdate() - datetime.timedelta(days=3000),
    )
    GuideFeedback.objects.create(guide=guide, helpful=False, comment=HYPERLINK)
    # Locked, aging and workflow reports show a page's title.
    guide.save_revision(user=admin_user).publish(user=admin_user)
    Workflow.objects.filter(active=True).first().start(guide, admin_user)
    type(guide).objects.filter(pk=guide.pk).update(
        locked=True, locked_by=admin_user, locked_at=timezone.now()
    )
    Redirect.objects.create(old_path="/old", redirect_link=HYPERLINK)
    return pledge


def csv_cells(response) -> list[str]:
    body = b"".join(response.streaming_content).decode("utf-8")
    return [cell for row in csv.reader(io.StringIO(body)) for cell in row]


def test_the_walk_finds_the_exports_staff_use():
    routes = export_routes()
    for known in [
        "/admin/reports/guide-feedback/",
        "/admin/reports/site-history/",
        "/admin/workshops/feedback/",
        "/admin/workshops/registrations/",
        "/admin/snippets/pledges/pledge/",
    ]:
        assert known in routes


def test_no_cell_of_any_csv_export_starts_a_formula(client, admin_user, hostile):
    client.force_login(admin_user)
    seen = set()
    for route in export_routes():
        response = client.get(route, {"export": "csv"})
        assert response.status_code == 200, route
        if not response.get("Content-Type", "").startswith("text/csv"):
            continue
        cells = csv_cells(response)
        if any(cells):
            # An export with columns: a new one must use the safe mixin too.
            view_class = resolve(route).func.view_class
            assert issubclass(view_class, SafeSpreadsheetExportMixin), route
        for cell in cells:
            assert not cell.startswith(FORMULA_PREFIXES), (route, cell)
            seen.add((route, cell))
    # The hostile values did reach the exports, quoted.
    for route, value in [
        ("/admin/reports/guide-feedback/", HYPERLINK),
        ("/admin/reports/site-history/", HYPERLINK),
        ("/admin/reports/guides-due-for-review/", AT),
        ("/admin/reports/locked/", AT),
        ("/admin/reports/aging-pages/", AT),
        ("/admin/reports/workflow/", AT),
        ("/admin/reports/workflow_tasks/", AT),
        ("/admin/redirects/", HYPERLINK),
        ("/admin/workshops/feedback/", CALC),
        ("/admin/workshops/feedback/", RETURN),
        ("/admin/workshops/registrations/", MINUS),
        ("/admin/workshops/registrations/", AT),
        ("/admin/workshops/registrations/", TAB),
        ("/admin/snippets/pledges/pledge/", HYPERLINK),
    ]:
        assert (route, "'" + value) in seen, (route, value)
