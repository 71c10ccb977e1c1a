"""Month filter values a person never picks are ignored with a note, never a 500."""

import pytest

from django.utils import timezone

pytestmark = pytest.mark.django_db

EXTREME_MONTHS = ["9999-12", "0001-01", "10000-01", "-001-01", "2026-13", "2026-1"]


@pytest.mark.parametrize("path", ["/workshops/", "/workshops/past/"])
@pytest.mark.parametrize("month", EXTREME_MONTHS)
def test_month_outside_the_calendar_is_ignored_with_a_note(
    client, workshop, path, month
):
    response = client.get(path, {"month": month})
    assert response.status_code == 200
    assert "We could not use the month you asked for" in response.text


def test_french_listing_ignores_the_last_month_of_the_calendar(client, workshop):
    # No French index here: the address falls back to the English listing.
    response = client.get("/fr-ca/workshops/?month=9999-12", follow=True)
    assert response.status_code == 200


def test_a_real_month_still_filters(client, workshop):
    month = timezone.localtime(workshop.start).strftime("%Y-%m")
    response = client.get("/workshops/", {"month": month})
    assert response.status_code == 200
    assert "Inclusive hiring 101" in response.text
    assert client.get("/workshops/?month=9998-12").status_code == 200
