"""The demo site has a pledge page and a registry full of fictional employers."""

import importlib.util
import io

import pytest

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Locale

from employers.pledges.models import Commitment, Pledge, PledgePage, PledgeRegistryPage

pytestmark = pytest.mark.django_db


def test_demo_registry_lists_at_least_25_employers(client, demo_site):
    response = client.get("/pledge/registry/")
    assert response.status_code == 200
    assert response.context["results"]["pledges"].paginator.count >= 25
    assert "employers have signed the pledge." in response.text
    first = response.context["results"]["pledges"][0]
    assert client.get(f"/pledge/registry/{first.slug}/").status_code == 200


def test_demo_pledges_cover_every_state_size_and_realistic_dates(demo_site):
    now = timezone.now()
    statuses = set(Pledge.objects.values_list("status", flat=True))
    assert statuses == set(Pledge.Status.values)
    assert Pledge.objects.count() >= 32
    assert Commitment.objects.filter(locale=Locale.get_default()).count() == 9
    listed = Pledge.objects.listed()
    assert set(listed.values_list("size_band", flat=True)) >= {"1-9", "500+"}
    assert listed.values("sector").distinct().count() >= 10
    assert listed.filter(renewed_at__isnull=False).exists()
    assert set(listed.values_list("level", flat=True)) == set(Pledge.Level.values)
    for pledge in Pledge.objects.filter(status="approved"):
        start = pledge.renewed_at or pledge.approved_at
        assert pledge.expires_at > now
        assert 360 <= (pledge.expires_at - start).days <= 366
        assert (now - pledge.approved_at).days <= 550
    assert all(
        pledge.expires_at < now for pledge in Pledge.objects.filter(status="lapsed")
    )
    assert all(
        email.endswith(".example")
        for email in Pledge.objects.values_list("email", flat=True)
    )


def test_demo_pledge_page_has_faq_and_registry_under_it(demo_site):
    page = PledgePage.objects.get(slug="pledge")
    assert page.get_parent().specific == demo_site
    assert page.min_commitments == 3
    assert page.faq[0].block_type == "accordion"
    assert len(page.faq[0].value["items"]) >= 6
    assert isinstance(page.registry(), PledgeRegistryPage)


def test_demo_pledges_load_once(demo_site):
    before = Pledge.objects.count()
    output = io.StringIO()
    call_command("load_demo_data", force=True, stdout=output)
    assert Pledge.objects.count() == before
    assert "Created" not in output.getvalue()


@pytest.mark.skipif(
    importlib.util.find_spec("employers.pledges.views.lifecycle") is None,
    reason="the signing views that serve the pledge page are built on another branch",
)
def test_demo_pledge_page_renders(client, demo_site):
    response = client.get("/pledge/")
    assert response.status_code == 200
    assert "Sign the inclusive workplace pledge" in response.text
