"""What a pledge signer and a moderator meet on their way (issue 16).

A logo survives a form that comes back with an error; the consent error and
the progress label read well; a withdrawn badge is still an image; a
withdrawal is confirmed by email; staff see local times, the inspect view
from the list and the logo on the edit view.
"""

import datetime
import io
import re
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from django.contrib.admin.utils import quote
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.mail import EmailMessage
from django.utils import timezone

from wagtail.users.models import UserProfile

from employers.pledges import logos
from employers.pledges.factories import PledgeFactory
from employers.pledges.logos import clean_logo, delete_old_kept_logos, keep_logo
from employers.pledges.mail import send_capped
from employers.pledges.models import Pledge
from employers.pledges.services.lifecycle import issue_manage_link
from employers.pledges.views import lifecycle as lifecycle_views
from tests.employers.pledges.test_pledge_languages import plain
from tests.employers.pledges.test_pledge_signing import image_upload, sign_data
from tests.employers.translations import publish_in_french

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
KEPT_INPUT = re.compile(r'<input type="hidden" name="logo_kept" value="([^"]+)">')


def kept_token(html: str) -> str:
    return KEPT_INPUT.search(html)[1]


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def stored_size(file) -> tuple[int, int]:
    with file.open("rb") as stored:
        return Image.open(io.BytesIO(stored.read())).size


# 1. The logo is kept when the form comes back with an error.


def test_the_sign_form_keeps_a_checked_logo_after_an_error(
    client, pledge_page, commitments
):
    data = sign_data(commitments, listing_consent=None)
    data["logo"] = image_upload(name="acme-logo.png")

    refused = client.post("/pledge/", data)

    assert refused.status_code == 400
    html = text(refused)
    assert "Logo kept: acme-logo.png — choose another file to replace it." in html
    token = kept_token(html)
    # The token names a file the server chose, never the one uploaded.
    assert "acme-logo" not in signing.loads(token, salt=logos.KEPT_SALT)["name"]

    fixed = sign_data(commitments, logo_kept=token)
    response = client.post("/pledge/", fixed)

    assert response.status_code == 302
    pledge = Pledge.objects.get()
    assert pledge.logo.name.endswith(".webp")
    assert stored_size(pledge.logo) == (120, 60)


def test_a_new_file_replaces_the_kept_logo(client, pledge_page, commitments):
    data = sign_data(commitments, listing_consent=None)
    data["logo"] = image_upload(name="old.png")
    token = kept_token(text(client.post("/pledge/", data)))

    again = sign_data(commitments, logo_kept=token)
    again["logo"] = image_upload(size=(90, 90), name="new.png")
    client.post("/pledge/", again)

    assert stored_size(Pledge.objects.get().logo) == (90, 90)


def test_a_refused_new_file_leaves_the_kept_logo_in_place(
    client, pledge_page, commitments
):
    data = sign_data(commitments, listing_consent=None)
    data["logo"] = image_upload(name="first.png")
    token = kept_token(text(client.post("/pledge/", data)))

    again = sign_data(commitments, logo_kept=token)
    again["logo"] = image_upload("GIF", name="wrong.gif")
    html = text(client.post("/pledge/", again))

    assert "The logo must be a PNG, JPEG or WebP image." in html
    assert "Logo kept: first.png" in html
    assert kept_token(html) == token


@pytest.mark.parametrize(
    "token",
    [
        "not-a-token",
        # Signed with another salt: not ours to open.
        signing.dumps({"name": "pledge-logos/kept/" + "a" * 32 + ".webp"}),
        # Ours, but naming a file outside the kept folder.
        signing.dumps(
            {"name": "pledge-logos/approved.webp", "shown": "x"},
            salt=logos.KEPT_SALT,
        ),
        signing.dumps(
            {"name": "pledge-logos/kept/../../secret.webp", "shown": "x"},
            salt=logos.KEPT_SALT,
        ),
    ],
)
def test_a_forged_kept_logo_token_is_ignored(client, pledge_page, commitments, token):
    storage = storages["private"]
    storage.save("pledge-logos/approved.webp", clean_logo(image_upload()))

    response = client.post("/pledge/", sign_data(commitments, logo_kept=token))

    assert response.status_code == 302
    assert not Pledge.objects.get().logo


def test_a_kept_file_that_is_no_longer_an_image_is_ignored(
    client, pledge_page, commitments
):
    kept = keep_logo(ContentFile(b"<svg/>", name="x.webp"), "evil.svg")

    client.post("/pledge/", sign_data(commitments, logo_kept=kept.token))

    assert not Pledge.objects.get().logo


def test_one_network_keeps_only_a_few_logos_an_hour(
    client, pledge_page, commitments, monkeypatch
):
    monkeypatch.setattr(lifecycle_views, "KEPT_LOGOS_PER_IP", 1)
    pages = []
    for _ in range(2):
        data = sign_data(commitments, listing_consent=None)
        data["logo"] = image_upload()
        pages.append(text(client.post("/pledge/", data)))

    assert "Logo kept: logo.png" in pages[0]
    assert "Logo kept" not in pages[1]


def test_the_daily_tasks_delete_kept_logos_older_than_a_day():
    kept = keep_logo(clean_logo(image_upload()), "logo.png")
    name = signing.loads(kept.token, salt=logos.KEPT_SALT)["name"]
    storage = storages["private"]

    assert delete_old_kept_logos(timezone.now()) == 0
    assert storage.exists(name)
    later = timezone.now() + datetime.timedelta(hours=logos.KEPT_HOURS, minutes=1)
    assert delete_old_kept_logos(later) >= 1
    assert not storage.exists(name)


@pytest.fixture
def managed(client, pledge_page, commitments):
    """An approved pledge with three commitments and a manage link."""
    pledge = PledgeFactory(
        organization_name="Valley Berry Farms", commitments=commitments[:3]
    )
    link = issue_manage_link(pledge_page, pledge).removeprefix("http://localhost")
    return pledge, link


def details(pledge, **overrides) -> dict:
    data = {
        "action": "details",
        "organization_name": pledge.organization_name,
        "website": pledge.website,
        "sector": pledge.sector,
        "size_band": pledge.size_band,
        "community": "Abbotsford",
        "statement": pledge.statement,
    }
    data.update(overrides)
    return data


def test_the_manage_form_keeps_a_checked_logo_after_an_error(client, managed):
    pledge, link = managed
    data = details(pledge, organization_name="")
    data["logo"] = image_upload(size=(80, 40), name="new-logo.png")

    refused = client.post(link, data)

    assert refused.status_code == 400
    html = text(refused)
    assert "Logo kept: new-logo.png — choose another file to replace it." in html

    response = client.post(link, details(pledge, logo_kept=kept_token(html)))

    assert response.status_code == 302
    pledge.refresh_from_db()
    # A listed pledge's new logo waits for a moderator.
    assert pledge.pending_logo
    assert stored_size(pledge.pending_logo) == (80, 40)


# 2. and 3. Labels and errors that read well.


def test_the_consent_error_does_not_run_into_the_consent_wording(
    client, pledge_page, commitments
):
    html = text(client.post("/pledge/", sign_data(commitments, listing_consent=None)))

    summary = html.split('class="error-summary"')[1].split("</div>")[0]
    assert ".: To sign" not in summary
    assert "To sign, agree to your organization being listed." in summary


def test_the_progress_story_says_optional_once(client, managed):
    pledge, link = managed

    html = text(client.get(link))

    assert "(optional, public)" not in html
    assert re.search(
        r"What you did <span class=\"field-optional\">\(optional\)</span> </label>"
        r" <p class=\"field-help\"[^>]*>Shown on your public profile.</p>",
        html,
    )


# 4. A withdrawn badge is still an image, and an email confirms it.


def withdraw(client, link):
    return client.post(link, {"action": "withdraw", "confirm": "yes"})


def test_a_withdrawn_pledge_keeps_a_neutral_badge_of_the_same_size(
    client, managed, sent_mail
):
    pledge, link = managed
    badge = f"/pledge/registry/{pledge.slug}/badge.svg"
    listed = client.get(badge)

    withdraw(client, link)
    response = client.get(badge)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert response["Cache-Control"] == "public, max-age=3600"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    svg, before = ET.fromstring(response.content), ET.fromstring(listed.content)
    assert (svg.get("width"), svg.get("height")) == (
        before.get("width"),
        before.get("height"),
    )
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text == (
        "Inclusive workplace pledge: this organization is no longer listed"
    )
    assert "No longer listed" in " ".join(t.text for t in svg.iter(f"{SVG}text"))
    assert "Valley Berry Farms" not in response.content.decode()


def test_a_badge_for_a_pledge_never_listed_is_still_404(client, pledge_page):
    PledgeFactory(status=Pledge.Status.REJECTED, approved_at=None, slug="never")

    assert client.get("/pledge/registry/never/badge.svg").status_code == 404
    assert client.get("/pledge/registry/nobody/badge.svg").status_code == 404


def test_withdrawing_emails_the_signer_a_confirmation(client, managed, sent_mail):
    pledge, link = managed

    response = withdraw(client, link)

    assert "Your pledge is withdrawn" in response.content.decode()
    message = sent_mail()[-1]
    assert message.to == [pledge.email]
    assert message.subject == "The pledge for Valley Berry Farms is withdrawn"
    assert "left the public registry" in message.body
    assert "no longer listed" in message.body
    assert "http://testserver/pledge/" in message.body


def test_the_withdrawal_email_respects_the_inbox_cap(client, managed, sent_mail):
    pledge, link = managed
    for number in range(20):
        if not send_capped(
            pledge.email,
            f"filler-{number}",
            [pledge],
            lambda: EmailMessage("Filler", "Filler", to=[pledge.email]),
            deliver_now=False,
        ):
            break
    sent_mail().clear()

    withdraw(client, link)

    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.WITHDRAWN
    assert sent_mail() == []


@pytest.fixture
def french_pages(pledge_page):
    publish_in_french(pledge_page, title="Signez l’engagement", slug="engagement")
    publish_in_french(pledge_page.registry(), title="Registre", slug="registre")
    return pledge_page


def test_a_french_signer_gets_the_withdrawal_email_and_badge_in_french(
    client, french_pages, commitments, sent_mail
):
    """Needs the French catalogue (the lead merges the new strings)."""
    pledge = PledgeFactory(language="fr-ca", commitments=commitments[:3])
    link = issue_manage_link(french_pages, pledge).removeprefix("http://localhost")

    withdraw(client, link)

    message = sent_mail()[-1]
    assert "/fr-ca/engagement/" in message.body
    assert plain(message.subject).startswith("L'engagement de")
    badge = client.get(f"/fr-ca/engagement/registre/{pledge.slug}/badge.svg")
    assert badge.status_code == 200
    assert "Ne figure plus au registre" in badge.content.decode()


# 5. Staff: local times, the inspect view from the list, the logo on edit.


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        "admin", "admin@lip.example", "pw"
    )


def test_inspect_shows_times_in_the_sites_time_zone(client, superuser, settings):
    settings.TIME_ZONE = "America/Vancouver"
    pledge = PledgeFactory(
        approved_at=datetime.datetime(2026, 6, 1, 20, 51, tzinfo=datetime.UTC)
    )
    client.force_login(superuser)

    html = text(client.get(f"/admin/snippets/pledges/pledge/inspect/{pledge.pk}/"))

    assert "June 1, 2026, 1:51 p.m." in html
    assert "8:51 p.m." not in html


def test_the_list_opens_inspect_and_offers_approve_and_reject_on_the_row(
    client, superuser
):
    pending = PledgeFactory(
        organization_name="Pending Co", status=Pledge.Status.PENDING, approved_at=None
    )
    client.force_login(superuser)

    html = text(client.get("/admin/snippets/pledges/pledge/"))

    inspect = f"/admin/snippets/pledges/pledge/inspect/{quote(pending.pk)}/"
    assert re.search(
        rf'<a href="{inspect}"> <span id="snippet_{pending.pk}_title">Pending Co',
        html,
    )
    row = html.split(f'id="snippet_{pending.pk}_title"')[1].split("</tr>")[0]
    actions = row.split('<ul class="actions">')[1]
    before_more = actions.split("More options")[0]
    assert re.search(r'<a href="/admin/bulk/pledges/pledge/approve/\?id=', before_more)
    assert re.search(r'<a href="/admin/bulk/pledges/pledge/reject/\?id=', before_more)
    assert before_more.count('class="button button-small button-secondary"') == 2


def test_moderators_see_the_logo_on_the_edit_view(client, superuser):
    pledge = PledgeFactory(organization_name="Valley Berry Farms")
    pledge.logo.save("logo.webp", clean_logo(image_upload()))
    pledge.pending_logo.save("new.webp", clean_logo(image_upload("JPEG")))
    client.force_login(superuser)

    html = text(client.get(f"/admin/snippets/pledges/pledge/edit/{pledge.pk}/"))

    assert (
        f'<img src="/admin/pledges/{pledge.pk}/logo/current/" '
        'alt="Logo of Valley Berry Farms"' in html
    )
    assert f'<img src="/admin/pledges/{pledge.pk}/logo/pending/"' in html
    assert client.get(f"/admin/pledges/{pledge.pk}/logo/current/").status_code == 200


def test_inspect_shows_a_dash_for_dates_not_reached_in_any_language(client, superuser):
    pledge = PledgeFactory(renewed_at=None, closed_at=None)
    client.force_login(superuser)

    profile = UserProfile.get_for_user(superuser)
    for language in ("en", "fr"):
        profile.preferred_language = language
        profile.save()
        html = text(client.get(f"/admin/snippets/pledges/pledge/inspect/{pledge.pk}/"))
        # Wagtail's breadcrumbs carry a "None" class; no text may say it.
        assert not re.search(r">\s*None\s*<", html), language
        assert re.search(r">\s*-\s*<", html), language
