"""An editor meets a new guide's required fields on the editor's first tab."""

import re

import pytest

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from resources.models import GuidePage, HiringStage

pytestmark = pytest.mark.django_db


def tab_panels(html: str) -> dict[str, str]:
    """Each tab panel of the editor by its id (``tab-content``...), in order."""
    starts = [
        (match.start(), match[1])
        for match in re.finditer(r'<section[^>]*id="(tab-[\w-]+)"', html)
    ]
    return {
        name: html[start : starts[n + 1][0] if n + 1 < len(starts) else len(html)]
        for n, (start, name) in enumerate(starts)
    }


def add_url(guide_index) -> str:
    return reverse(
        "wagtailadmin_pages:add", args=["resources", "guidepage", guide_index.pk]
    )


def test_the_first_tab_holds_the_hiring_stages_and_review_date(
    admin_client, guide_index
):
    html = admin_client.get(add_url(guide_index)).content.decode()

    panels = tab_panels(html)
    first, content = next(iter(panels.items()))
    assert first == "tab-content"
    assert 'name="stages"' in content
    assert 'name="last_reviewed"' in content
    # Right under the summary, before the image and the body.
    summary = content.index('name="summary"')
    assert summary < content.index('name="stages"') < content.index('name="hero_image"')
    # A new guide's review date starts at today.
    today = timezone.localdate().isoformat()
    assert re.search(rf'name="last_reviewed"[^>]*value="{today}"', content)
    assert all(
        'name="stages"' not in panel and 'name="last_reviewed"' not in panel
        for name, panel in panels.items()
        if name != "tab-content"
    )


def test_a_guide_filled_in_on_the_first_tab_publishes(admin_client, guide_index):
    stage = HiringStage.objects.get(code="hire", locale=Locale.get_default())
    data = nested_form_data(
        {
            "title": "Check references fairly",
            "slug": "check-references",
            "summary": "How to check references from abroad.",
            "hero_image_alt": "",
            "body": streamfield([("paragraph", rich_text("<p>Ask early.</p>"))]),
            "related_guides": inline_formset([]),
            "comments": inline_formset([]),
            "last_reviewed": timezone.localdate().isoformat(),
            "action-publish": "action-publish",
        }
    )
    data["stages"] = [stage.pk]

    response = admin_client.post(add_url(guide_index), data)

    assert response.status_code == 302, response.context["form"].errors
    guide = GuidePage.objects.get(slug="check-references")
    assert guide.live
    assert list(guide.stages.all()) == [stage]
    assert guide.last_reviewed == timezone.localdate()
