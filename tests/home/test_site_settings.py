import pytest

from django.core.exceptions import ValidationError

from wagtail.models import Site

from home.colours import contrast_ratio, stylesheet_version, validate_brand_colour
from home.models import SiteSettings, SiteText


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("colour", ["#1d4f91", "#8a3b12", "#000000", "#767676"])
def test_dark_enough_colours_are_accepted(colour):
    validate_brand_colour(colour)


@pytest.mark.parametrize("colour", ["#ffcc00", "#ffffff", "#777777", "#4fa3e0"])
def test_colours_too_light_for_white_text_are_refused(colour):
    with pytest.raises(ValidationError) as error:
        validate_brand_colour(colour)
    assert error.value.code == "low_contrast"


@pytest.mark.parametrize("colour", ["red", "#12345", "#gggggg", "", "#1d4f91;}"])
def test_malformed_colours_are_refused(colour):
    with pytest.raises(ValidationError) as error:
        validate_brand_colour(colour)
    assert error.value.code == "invalid_colour"


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("aisha", "a@example.org", "pw")
    client.force_login(user)
    return client


def _settings_form(**overrides) -> dict:
    data = {
        "site_text": "",
        "primary_colour": "#1d4f91",
        "accent_colour": "#8a3b12",
        "contact_email": "",
        "contact_phone": "",
        "privacy_contact": "",
    }
    for prefix in ("social_links",):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(overrides)
    return data


def _settings_url() -> str:
    site = Site.objects.get(is_default_site=True)
    return f"/admin/settings/home/sitesettings/{site.pk}/"


def test_staff_rebrand_the_whole_site_from_the_admin(editor_client, home_page):
    text = SiteText.objects.create(
        organization_name="Kootenay Local Immigration Partnership",
        funding_acknowledgement="Funded by IRCC.",
    )
    data = _settings_form(primary_colour="#2b5329", site_text=str(text.pk))
    response = editor_client.post(_settings_url(), data)
    assert response.status_code == 302
    assert SiteSettings.objects.get().site_text == text
    html = editor_client.get("/").text
    assert "Kootenay Local Immigration Partnership" in html
    assert "Funded by IRCC." in html
    # The colours come in the stylesheet, whose address changes with them.
    version = stylesheet_version("#2b5329", "#8a3b12")
    assert version.startswith("2b53298a3b12-")
    assert f'href="/brand.css?v={version}"' in html
    css = editor_client.get(f"/brand.css?v={version}")
    assert css["Content-Type"] == "text/css; charset=utf-8"
    assert "--colour-primary: #2b5329;" in css.text


def test_admin_refuses_a_low_contrast_colour_and_keeps_the_old_one(
    editor_client, home_page
):
    editor_client.post(_settings_url(), _settings_form())
    response = editor_client.post(
        _settings_url(), _settings_form(primary_colour="#ffcc00")
    )
    assert response.status_code == 200
    assert "WCAG AA needs at least 4.5:1" in response.text
    assert SiteSettings.objects.get().primary_colour == "#1d4f91"


@pytest.mark.django_db
def test_brand_stylesheet_holds_checked_colours_only(
    client, home_page, django_assert_max_num_queries
):
    # A value that bypassed the form's validation must not reach the CSS.
    SiteSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True),
        defaults={"primary_colour": "#1;}a{b", "accent_colour": "#8a3b12"},
    )
    client.get("/brand.css")
    # The site and its settings.
    with django_assert_max_num_queries(2):
        response = client.get("/brand.css")
    assert response.status_code == 200
    assert response.text.endswith("\n:root { --colour-accent: #8a3b12; }\n")
    assert "#1;}a{b" not in response.text
