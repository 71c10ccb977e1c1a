"""Who may open what in the admin: one row per view, one column per role.

Each cell is what that person gets:

- ``200``: the page;
- ``200*``: the page, though the menu has no entry for it (Wagtail's choice);
- ``login``: sent to the sign-in page;
- ``denied``: Wagtail's "no permission" redirect to the dashboard, with a message
  (Wagtail turns a view's PermissionDenied into this too);
- ``302:<path>``: sent elsewhere, such as the part of the page tree one may edit;
- ``published``/``draft``: for the publish rows, what became of the page;
- ``done``: for a POST row, the view did its work and went back to the dashboard.

A row marked ``menu`` has an admin menu entry: the menu must not offer it to
people it refuses, and a star marks anyone it lets in without a menu entry.

On every ``200``, the body (CSV and XLSX included) must not hold a seeded
person's details unless the role has the permission for them
(``tests.home.fixtures.SECRETS``). ``shows`` names the kinds of details a
permitted role must find there (the first of each kind), so that the check
cannot pass because nothing was shown to anyone.

To add a view, add a row.

Pledge logos are never served in the admin (only the public registry serves
them, while listed), so they have no row.
"""

import dataclasses
import io
from urllib.parse import urlsplit

import pytest
from openpyxl import load_workbook

from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.urls import reverse

from wagtail.admin.menu import admin_menu
from wagtail.models import Page, Site

from employers.workshops.factories import WorkshopPageFactory
from employers.workshops.models import Registration
from resources.factories import GuidePageFactory
from tests.home.admin_forms import guide_form_data, workshop_form_data
from tests.home.fixtures import SECRETS

pytestmark = pytest.mark.django_db

COLUMNS = ("anonymous", "editor", "moderator", "coordinator", "reporter", "superuser")
CONTACT = "pledges.view_pledge_contact"
REGISTRANT = "workshops.view_registration"
NEEDS = "workshops.view_accommodation_needs"
FEEDBACK = "workshops.view_workshopfeedback"


@dataclasses.dataclass(frozen=True)
class Row:
    name: str
    path: str
    expected: str
    # True: the menu links to this path; a string: the menu links there.
    menu: bool | str = False
    # SECRETS keys whose strings a permitted role's 200 must contain.
    shows: tuple[str, ...] = ()
    # "publish": post the page editor with Publish for a fresh draft "guide"
    # or "workshop" (the path names which); "post": an empty POST, where
    # ``done`` is the view's own redirect back to the dashboard.
    method: str = "get"

    def __str__(self):
        return self.name


P = "/admin/snippets/pledges/pledge"
R = "/admin/workshops/registrations"
F = "/admin/workshops/feedback"
S = "/admin/settings"

# fmt: off
MATRIX = [
    #   view                           path                                                 anonymous editor moderator coordinator reporter superuser
    Row("dashboard",                   "/admin/",                                           "login 200 200 200 200 200"),
    Row("admin search",                "/admin/pages/search/?q=Maria",                      "login 200 200 200 denied 200"),
    Row("page explorer",               "/admin/pages/",                                     "login 200 200 302:/admin/pages/{workshop_index}/ denied 200", menu=True),
    Row("page explorer: home",         "/admin/pages/{home}/",                              "login 200 200 302:/admin/pages/{workshop_index}/ denied 200"),
    Row("page explorer: workshops",    "/admin/pages/{workshop_index}/",                    "login 200 200 200 denied 200"),
    Row("guide: edit",                 "/admin/pages/{guide}/edit/",                        "login 200 200 denied denied 200"),
    Row("guide: add",                  "/admin/pages/add/resources/guidepage/{guide_index}/", "login 200 200 denied denied 200"),
    Row("guide: publish",              "guide",                                             "login draft published denied denied published", method="publish"),
    Row("workshop: edit",              "/admin/pages/{workshop}/edit/",                     "login 200 200 200 denied 200"),
    Row("workshop: add",               "/admin/pages/add/workshops/workshoppage/{workshop_index}/", "login 200 200 200 denied 200"),
    Row("workshop: publish",           "workshop",                                          "login draft published published denied published", method="publish"),
    Row("images",                      "/admin/images/",                                    "login 200 200 200 denied 200", menu=True),
    Row("documents",                   "/admin/documents/",                                 "login 200 200 200 denied 200", menu=True),
    Row("snippets",                    "/admin/snippets/",                                  "login 200 200 200 denied 200", menu=True),
    Row("topics",                      "/admin/snippets/resources/topic/",                  "login 200 200 denied denied 200", menu=True),
    Row("commitments",                 "/admin/snippets/pledges/commitment/",             "login 200 200 denied denied 200", menu=True),
    Row("commitment: delete",          "/admin/snippets/pledges/commitment/delete/{commitment}/", "login denied 200 denied denied 200"),
    Row("venues",                      "/admin/snippets/workshops/venue/",                  "login 200 200 200 denied 200", menu=True),
    Row("facilitators",                "/admin/snippets/workshops/facilitator/",            "login 200 200 200 denied 200", menu=True),
    Row("pledges",                     f"{P}/",                                             "login denied 200 denied denied 200", menu=True),
    Row("pledges: export csv",         f"{P}/?export=csv",                                  "login denied 200 denied denied 200", shows=(CONTACT,)),
    Row("pledges: export xlsx",        f"{P}/?export=xlsx",                                 "login denied 200 denied denied 200", shows=(CONTACT,)),
    Row("pledge: inspect",             f"{P}/inspect/{{pledge}}/",                          "login denied 200 denied denied 200", shows=(CONTACT,)),
    Row("pledge: edit",                f"{P}/edit/{{pledge}}/",                             "login denied 200 denied denied 200"),
    Row("pledge: history",             f"{P}/history/{{pledge}}/",                          "login denied 200 denied denied 200"),
    Row("pledge: delete",              f"{P}/delete/{{pledge}}/",                           "login denied denied denied denied 200"),
    Row("pledge: add",                 f"{P}/add/",                                         "login denied denied denied denied denied"),
    Row("pledge: approve",             "/admin/bulk/pledges/pledge/approve/?id={pending_pledge}", "login denied 200 denied denied 200"),
    # Wagtail's own bulk delete opens for all, naming the organization as one they may not delete.
    Row("pledge: bulk delete",         "/admin/bulk/pledges/pledge/delete/?id={pending_pledge}", "login 200 200 200 200 200"),
    Row("pledge: chooser",             "/admin/snippets/choose/pledges/pledge/",          "login denied 200 denied denied 200"),
    Row("registrations",               f"{R}/",                                             "login denied denied 200 denied 200", menu=True, shows=(REGISTRANT,)),
    Row("registrations: export csv",   f"{R}/?export=csv",                                  "login denied denied 200 denied 200", shows=(REGISTRANT, NEEDS)),
    Row("registrations: export xlsx",  f"{R}/?export=xlsx",                                 "login denied denied 200 denied 200", shows=(REGISTRANT, NEEDS)),
    Row("registration: inspect",       f"{R}/inspect/{{registration}}/",                    "login denied denied 200 denied 200", shows=(REGISTRANT, NEEDS)),
    Row("registration: add",           f"{R}/new/",                                         "login denied denied 200 denied 200"),
    Row("registration: edit",          f"{R}/edit/{{registration}}/",                       "login denied denied 200 denied 200"),
    Row("registration: delete",        f"{R}/delete/{{registration}}/",                     "login denied denied 200 denied 200"),
    Row("registration: history",       f"{R}/history/{{registration}}/",                    "login denied denied 200 denied 200"),
    Row("registration: staff cancel",  f"{R}/{{registration}}/cancel/",                     "login denied denied 200 denied 200", shows=(REGISTRANT,)),
    Row("workshop: check-in",          "/admin/workshops/{workshop}/check-in/",             "login denied denied 200 denied 200", shows=(REGISTRANT, NEEDS)),
    Row("workshop: email registrants", "/admin/workshops/{workshop}/email/",             "login 403 403 200 403 200"),
    Row("workshops: overview",         "/admin/workshops/overview/",                        "login denied denied 200 denied 200"),
    Row("workshop feedback",           f"{F}/",                                             "login denied denied 200 denied 200", menu=True, shows=(FEEDBACK,)),
    Row("workshop feedback: inspect",  f"{F}/inspect/{{feedback}}/",                        "login denied denied 200 denied 200", shows=(FEEDBACK, REGISTRANT)),
    Row("guide feedback",              "/admin/reports/guide-feedback/",                    "login 200 200 denied denied 200", menu=True),
    Row("guide feedback: export",      "/admin/reports/guide-feedback/?export=csv",         "login 200 200 denied denied 200"),
    Row("guides due for review",       "/admin/reports/guides-due-for-review/",             "login 200 200 200 denied 200", menu=True),
    Row("guides due: export",          "/admin/reports/guides-due-for-review/?export=csv",  "login 200 200 200 denied 200"),
    Row("impact report",               "/admin/reports/impact/",                            "login 403 200 403 200 200", menu=True),
    Row("impact report: print",        "/admin/reports/impact/print/",                      "login 403 200 403 200 200"),
    Row("impact report: xlsx",         "/admin/reports/impact/report.xlsx?shareable=1",     "login 403 200 403 200 200"),
    Row("impact report: csv",          "/admin/reports/impact/employers-by-sector.csv",     "login 403 200 403 200 200"),
    Row("site history",                "/admin/reports/site-history/",                      "login 200 200 200 200* 200", menu=True, shows=(REGISTRANT,)),
    Row("workflows report",            "/admin/reports/workflow/",                          "login 200 200 200 denied 200", menu=True),
    Row("site settings",               f"{S}/home/sitesettings/{{site}}/",                  "login denied denied denied denied 200", menu=f"{S}/home/sitesettings/"),
    Row("navigation settings",         f"{S}/home/navigationsettings/{{site}}/",            "login denied denied denied denied 200", menu=f"{S}/home/navigationsettings/"),
    Row("pledge settings",             f"{S}/pledges/pledgesettings/{{site}}/",           "login denied denied denied denied 200", menu=f"{S}/pledges/pledgesettings/"),
    Row("sites",                       "/admin/sites/",                                     "login denied denied denied denied 200", menu=True),
    Row("redirects",                   "/admin/redirects/",                                 "login denied denied denied denied 200", menu=True),
    Row("users",                       "/admin/users/",                                     "login denied denied denied denied 200", menu=True),
    Row("groups",                      "/admin/groups/",                                    "login denied denied denied denied 200", menu=True),
    Row("personal data requests",      "/admin/privacy/",                                   "login 403 403 403 403 200", menu=True),
    Row("failed email: try again",     "/admin/mail/retry/",                                "login 403 done done 403 done", method="post"),
    Row("workflows",                   "/admin/workflows/list/",                            "login denied denied denied denied 200", menu=True),
]
# fmt: on


@pytest.fixture
def world(people, staff, home_page, guide_index, workshop_index, workshop) -> dict:
    """Ids the paths use, the staff by role, and the seeded people."""
    return {
        "staff": staff,
        "ids": {
            "home": home_page.pk,
            "guide_index": guide_index.pk,
            "guide": people.guide_feedback.guide_id,
            "workshop_index": workshop_index.pk,
            "workshop": workshop.pk,
            "pledge": people.pledge.pk,
            "pending_pledge": people.pending_pledge.pk,
            "commitment": people.pledge.chosen_commitments.first().commitment_id,
            "registration": people.registration.pk,
            "feedback": people.feedback.pk,
            "site": Site.objects.get(is_default_site=True).pk,
        },
        "parents": {"guide": guide_index, "workshop": workshop_index},
    }


REFUSED = {"login", "denied", "403", "404"}


def classify(response) -> str:
    if response.status_code != 302:
        return str(response.status_code)
    location = response["Location"]
    if location.startswith(reverse("wagtailadmin_login")):
        return "login"
    if location == reverse("wagtailadmin_home"):
        return "denied"
    return f"302:{location}"


def body_text(response) -> str:
    content = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    if response.get("Content-Type", "").startswith("application/vnd.openxml"):
        workbook = load_workbook(io.BytesIO(content))
        return "\n".join(
            str(cell.value) for row in workbook.active.iter_rows() for cell in row
        )
    return content.decode()


def menu_paths(user) -> set[str]:
    """Every address in the admin menu this user sees, submenus included."""
    request = RequestFactory().get("/admin/")
    request.user = user
    paths = set()

    def collect(items):
        for item in items:
            if hasattr(item, "menu"):
                collect(item.menu.menu_items_for_request(request))
            else:
                paths.add(urlsplit(item.url).path)

    collect(admin_menu.menu_items_for_request(request))
    return paths


def publish(client, world: dict, kind: str) -> str:
    """Post the editor's Publish button for a fresh draft; say what happened."""
    parent = world["parents"][kind]
    if kind == "guide":
        page = GuidePageFactory(parent=parent, live=False)
        data = guide_form_data(page)
    else:
        page = WorkshopPageFactory(
            parent=parent,
            live=False,
            format="online",
            venue=None,
            online_link="https://meet.example.org/room",
        )
        data = workshop_form_data(page)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    outcome = classify(response)
    if response.status_code == 200:
        errors = response.context["form"].errors
        return f"200 {errors.as_text()}" if errors else "200"
    if outcome.startswith("302:"):
        return "published" if Page.objects.get(pk=page.pk).live else "draft"
    return outcome


def leaks(user, text: str) -> list[str]:
    """Personal details in the text that this user may not see."""
    return [
        secret
        for permission, secrets in SECRETS.items()
        if user is None or not user.has_perm(permission)
        for secret in secrets
        if secret in text
    ]


def missing(user, shows: tuple[str, ...], text: str) -> list[str]:
    """Details a view must show to this user and does not."""
    return [
        secret
        for permission in shows
        if user is not None and user.has_perm(permission)
        for secret in SECRETS[permission][:1]
        if secret not in text
    ]


@pytest.mark.parametrize("row", MATRIX, ids=str)
def test_admin_authorization_matrix(client, world, row):
    cells = row.expected.format(**world["ids"]).split()
    expected = dict(zip(COLUMNS, cells, strict=True))
    actual, problems = {}, []
    for column in COLUMNS:
        user = world["staff"].get(column)
        client.logout()
        if user is not None:
            client.force_login(user)
        if row.method == "publish":
            actual[column] = publish(client, world, row.path)
            continue
        if row.method == "post":
            response = client.post(row.path.format(**world["ids"]))
            outcome = classify(response).replace("denied", "done")
        else:
            response = client.get(row.path.format(**world["ids"]))
            outcome = classify(response)
        if response.status_code == 200:
            text = body_text(response)
            problems += [f"{column} sees {s!r}" for s in leaks(user, text)]
            problems += [
                f"{column} misses {s!r}" for s in missing(user, row.shows, text)
            ]
        if row.menu and user is not None:
            menu = row.path if row.menu is True else row.menu
            shown = urlsplit(menu.format(**world["ids"])).path in menu_paths(user)
            if shown and outcome in REFUSED:
                problems.append(f"{column}: the menu offers a view that refuses")
            if not shown and outcome not in REFUSED:
                outcome += "*"
        actual[column] = outcome
    assert actual == expected
    assert problems == []


# Groups a partnership may make itself: allowed in, but not to every detail.
# fmt: off
PARTIAL = [
    #   permissions besides admin access          path                                        details it must show
    (("view_registration",),                      f"{R}/",                                    (REGISTRANT,)),
    (("view_registration",),                      f"{R}/?export=csv",                         (REGISTRANT,)),
    (("view_registration",),                      f"{R}/?export=xlsx",                        (REGISTRANT,)),
    (("view_registration",),                      f"{R}/inspect/{{registration}}/",           (REGISTRANT,)),
    (("view_registration", "change_registration"), "/admin/workshops/{workshop}/check-in/",   (REGISTRANT,)),
    (("view_pledge",),                            f"{P}/",                                    ()),
    (("view_pledge",),                            f"{P}/?export=csv",                         ()),
    (("view_pledge",),                            f"{P}/?export=xlsx",                        ()),
    (("view_pledge", "moderate_pledge"),          f"{P}/inspect/{{pledge}}/",                 ()),
    (("view_workshopfeedback",),                  f"{F}/inspect/{{feedback}}/",               (FEEDBACK,)),
]
# fmt: on


@pytest.mark.parametrize(
    ("codenames", "path", "shows"), PARTIAL, ids=[f"{c} {p}" for c, p, _ in PARTIAL]
)
def test_a_view_shows_only_the_details_the_permissions_allow(
    client, world, django_user_model, codenames, path, shows
):
    user = django_user_model.objects.create_user("partial", password="pw")
    user.user_permissions.set(
        Permission.objects.filter(codename__in=["access_admin", *codenames])
    )
    client.force_login(user)
    response = client.get(path.format(**world["ids"]))
    assert response.status_code == 200
    text = body_text(response)
    assert leaks(user, text) == []
    assert missing(user, shows, text) == []


def test_walk_ins_need_permission_to_add_registrations(
    client, world, django_user_model
):
    """Checking people in is a change; adding a walk-in creates a registration."""
    user = django_user_model.objects.create_user("door", password="pw")
    user.user_permissions.set(
        Permission.objects.filter(
            codename__in=["access_admin", "view_registration", "change_registration"]
        )
    )
    client.force_login(user)
    url = reverse("workshop_check_in", args=[world["ids"]["workshop"]])
    assert "Add a walk-in" not in client.get(url).text
    walk_in = {"walk_in": "1", "name": "Walk In", "email": "w@example.com"}
    response = client.post(url, {**walk_in, "organization": "Door Co"})
    assert classify(response) == "denied"
    assert not Registration.objects.filter(email="w@example.com").exists()
    user.user_permissions.add(Permission.objects.get(codename="add_registration"))
    assert "Add a walk-in" in client.get(url).text
