"""``image_tags``: Wagtail's picture tags, with each filter spec parsed once."""

import pytest

from django.template import Context, Template, TemplateSyntaxError

from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.images.tests.utils import get_test_image_file

pytestmark = pytest.mark.django_db

TAGS = [
    'picture photo format-{avif,webp} width-{400,672} sizes="100vw" alt="A team"',
    'srcset_image photo width-{400,672} sizes="100vw" alt="A team" loading="lazy"',
    "picture photo fill-{96x96,192x192} as pic",
]


@pytest.fixture
def photos():
    return [
        get_image_model().objects.create(
            title=f"Photo {n}",
            file=get_test_image_file(filename=f"photo-{n}.png", size=(800, 600)),
        )
        for n in range(2)
    ]


def _render(library: str, tag: str, photo) -> str:
    output = "{{ pic }}" if " as " in tag else ""
    return Template(f"{{% load {library} %}}{{% {tag} %}}{output}").render(
        Context({"photo": photo})
    )


@pytest.mark.parametrize("tag", TAGS)
def test_renders_what_wagtails_tag_renders(photos, tag):
    ours = _render("image_tags", tag, photos[0])
    assert ours == _render("wagtailimages_tags", tag, photos[0])
    assert "<img" in ours


def test_a_node_parses_its_specs_once_for_every_image_it_draws(photos):
    template = Template(
        "{% load image_tags %}"
        "{% picture photo format-{avif,webp} width-{400,672} alt='' %}"
    )
    node = template.nodelist[-1]
    html = [template.render(Context({"photo": photo})) for photo in photos]
    assert all("image/avif" in page for page in html)
    assert html[0] != html[1]
    filters = node.get_filters()
    assert filters is node.get_filters()
    assert [f.spec for f in filters] == Filter.expand_spec(
        ["format-{avif,webp}", "width-{400,672}"]
    )
    # Each filter read its operations once (a cached property), not per image.
    assert all("operations" in vars(f) for f in filters)


def test_a_bad_spec_fails_as_wagtails_tag_does():
    with pytest.raises(TemplateSyntaxError, match="filter specs in image tags"):
        Template("{% load image_tags %}{% picture photo width-{400,672}! %}")
