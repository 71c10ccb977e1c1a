import io
import re
import time
import uuid

import pytest
from PIL import Image

from django.core import signing
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile

from employers.pledges.factories import PledgeFactory
from employers.pledges.models import Pledge
from home.spam import SALT

pytestmark = pytest.mark.django_db


def sign_data(chosen, **overrides) -> dict:
    data = {
        "organization_name": "Valley Fresh Produce Ltd.",
        "website": "https://valleyfresh.example",
        "sector": "11",
        "size_band": "50-99",
        "community": "Abbotsford",
        "contact_name": "Dev Patel",
        "job_title": "Owner",
        "email": "Dev@ValleyFresh.example",
        "phone": "",
        "commitments": [c.pk for c in chosen[:3]],
        "statement": "We hire for skills.",
        "listing_consent": "on",
        "submission_key": str(uuid.uuid4()),
        "shown_at": signing.dumps(time.time() - 60, salt=SALT),
        "homepage": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def image_upload(fmt="PNG", size=(120, 60), name=None) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#1d4f91").save(buffer, format=fmt)
    return SimpleUploadedFile(name or f"logo.{fmt.lower()}", buffer.getvalue())


def verification_link(message) -> str:
    return re.search(r"http://\S+/confirm/[\w-]+/", message.body)[0]


def test_signing_saves_the_pledge_and_emails_a_confirmation_link(
    client, pledge_page, commitments, sent_mail
):
    response = client.post("/pledge/", sign_data(commitments))

    assert response.status_code == 302
    assert response["Location"] == "/pledge/thank-you/#main"
    pledge = Pledge.objects.get()
    assert pledge.status == Pledge.Status.UNVERIFIED
    assert pledge.email == "dev@valleyfresh.example"
    assert pledge.chosen_commitments.count() == 3
    assert pledge.listing_consent_version == pledge_page.listing_consent_version
    assert pledge.listing_consent_at is not None
    assert pledge.news_consent_at is None
    outbox = sent_mail()
    assert [m.to for m in outbox] == [["dev@valleyfresh.example"]]
    link = verification_link(outbox[0])
    # Only the hash of the token is stored.
    assert link.rsplit("/", 2)[1] not in pledge.verification_digest
    assert "Thank you" in client.get(response["Location"]).content.decode()


def test_news_consent_is_recorded_with_its_wording_version(
    client, pledge_page, commitments
):
    client.post("/pledge/", sign_data(commitments, news_consent="on"))

    pledge = Pledge.objects.get()
    assert pledge.news_consent_at is not None
    assert pledge.news_consent_version == pledge_page.news_consent_version


def test_errors_are_shown_beside_fields_and_typed_values_are_kept(
    client, pledge_page, commitments
):
    data = sign_data(
        commitments,
        email="not-an-email",
        commitments=[commitments[0].pk],
        listing_consent=None,
        website="not a url",
    )
    response = client.post("/pledge/", data)

    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert 'id="id_email_error"' in html
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    assert "Choose at least 3 commitments." in html
    assert "To sign, agree to your organization being listed." in html
    assert 'value="Valley Fresh Produce Ltd."' in html
    assert Pledge.objects.count() == 0


def test_a_logo_is_kept_after_an_error(client, pledge_page, commitments):
    data = sign_data(commitments, email="wrong")
    data["logo"] = image_upload()

    response = client.post("/pledge/", data)

    assert response.status_code == 400
    assert "Logo kept: logo.png" in response.content.decode()
    assert 'name="logo_kept"' in response.content.decode()


def test_a_double_submission_creates_one_pledge(
    client, pledge_page, commitments, sent_mail
):
    data = sign_data(commitments)
    first = client.post("/pledge/", data)
    second = client.post("/pledge/", data)

    assert first.status_code == second.status_code == 302
    assert Pledge.objects.count() == 1
    assert len(sent_mail()) == 1


@pytest.mark.parametrize(
    "name, email",
    [
        ("VALLEY FRESH PRODUCE", "someone@other.example"),
        ("Valley Fresh Produce Inc", "hr@gmail.com"),
        ("Valley Fresh", "hr@valleyfresh.example"),
        ("Valley Fresh Produce Abbotsford", "jo@valleyfresh.example"),
    ],
)
def test_the_same_organization_cannot_sign_twice(
    client, pledge_page, commitments, sent_mail, name, email
):
    PledgeFactory(
        organization_name="Valley Fresh Produce Ltd.", email="dev@valleyfresh.example"
    )

    response = client.post(
        "/pledge/", sign_data(commitments, organization_name=name, email=email)
    )

    assert response.status_code == 409
    html = response.content.decode()
    assert "has already signed the pledge" in html
    assert "dev@valleyfresh.example" not in html
    assert Pledge.objects.count() == 1

    token = re.search(r'name="duplicate" value="([^"]+)"', html)[1]
    response = client.post("/pledge/manage/", {"duplicate": token})
    assert response.status_code == 200
    outbox = sent_mail()
    assert [m.to for m in outbox] == [["dev@valleyfresh.example"]]
    assert "/pledge/manage/" in outbox[0].body


def test_a_withdrawn_organization_may_sign_again(client, pledge_page, commitments):
    PledgeFactory(
        organization_name="Valley Fresh Produce Ltd.", status=Pledge.Status.WITHDRAWN
    )

    response = client.post("/pledge/", sign_data(commitments))

    assert response.status_code == 302
    assert Pledge.objects.count() == 2


def test_the_honeypot_and_a_too_fast_post_are_refused(client, pledge_page, commitments):
    filled = client.post("/pledge/", sign_data(commitments, homepage="http://spam"))
    fast = client.post(
        "/pledge/",
        sign_data(commitments, shown_at=signing.dumps(time.time(), salt=SALT)),
    )

    assert filled.status_code == fast.status_code == 400
    assert "Please wait a moment" in fast.content.decode()
    assert Pledge.objects.count() == 0


def test_signing_is_rate_limited_per_email(client, pledge_page, commitments):
    statuses = [
        client.post(
            "/pledge/",
            sign_data(commitments, organization_name=f"Org {n}", email="a@b.example"),
        ).status_code
        for n in range(4)
    ]

    assert statuses == [302, 302, 302, 429]
    assert Pledge.objects.count() == 3


def test_signing_is_rate_limited_per_address(client, pledge_page, commitments):
    statuses = [
        client.post(
            "/pledge/",
            sign_data(
                commitments, organization_name=f"Org {n}", email=f"p{n}@b.example"
            ),
        ).status_code
        for n in range(11)
    ]

    assert statuses[-1] == 429
    assert (
        "try again later"
        in client.post("/pledge/", sign_data(commitments)).content.decode()
    )


def test_a_logo_is_checked_by_content_and_re_encoded(client, pledge_page, commitments):
    data = sign_data(commitments)
    data["logo"] = image_upload("JPEG", name="logo.jpg")

    client.post("/pledge/", data)

    pledge = Pledge.objects.get()
    with pledge.logo.open("rb") as saved:
        assert Image.open(saved).format == "WEBP"
    assert (pledge.logo_width, pledge.logo_height) == (120, 60)
    # Kept in the private storage, outside the public media folder.
    assert pledge.logo.storage is storages["private"]


@pytest.mark.parametrize(
    "upload, message",
    [
        (
            SimpleUploadedFile(
                "logo.png", b"<svg xmlns='http://www.w3.org/2000/svg'/>"
            ),
            "could not read this file as an image",
        ),
        (image_upload("GIF", name="logo.png"), "must be a PNG, JPEG or WebP"),
        (
            SimpleUploadedFile("big.png", b"\x89PNG" + b"0" * (2 * 1024 * 1024 + 1)),
            "larger than 2 MB",
        ),
    ],
)
def test_wrong_or_oversized_logos_are_refused_beside_the_field(
    client, pledge_page, commitments, upload, message
):
    data = sign_data(commitments)
    data["logo"] = upload

    response = client.post("/pledge/", data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert Pledge.objects.count() == 0


def test_a_decompression_bomb_is_refused(client, pledge_page, commitments):
    buffer = io.BytesIO()
    Image.new("1", (20000, 20000)).save(buffer, format="PNG")
    assert buffer.tell() < 2 * 1024 * 1024
    data = sign_data(commitments)
    data["logo"] = SimpleUploadedFile("bomb.png", buffer.getvalue())

    response = client.post("/pledge/", data)

    assert response.status_code == 400
    assert "too large to process" in response.content.decode()


def test_the_pledge_page_lists_active_commitments_only(
    client, pledge_page, commitments
):
    commitments[3].is_active = False
    commitments[3].save()

    html = client.get("/pledge/").content.decode()

    assert commitments[0].title in html
    assert commitments[3].title not in html
    assert 'name="homepage"' in html
    assert "csrfmiddlewaretoken" in html
