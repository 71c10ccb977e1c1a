"""The public pledge registry: listing, profiles, logos, badges and open data.

Only ``Pledge.objects.listed()`` ever leaves this module, and only the
organization's public fields: never the contact person or their consents.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    StreamingHttpResponse,
)
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import condition

from employers.pledges import open_data
from employers.pledges.models import Commitment, Pledge, PledgeCommitment
from employers.pledges.models.pledges import in_reader_language, reads_source_language
from home.choices import Sector, SizeBand
from home.communities import community_choices
from home.models import SiteSettings
from home.site_text import site_text_for

PLEDGES_PER_PAGE = 24
MAX_QUERY_LENGTH = 200
SORTS = {"newest": ("-approved_at", "organization_name"), "name": ("normalized_name",)}
LICENCE_URLS = {
    "ogl-ca": "https://open.canada.ca/en/open-government-licence-canada",
    "cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "cc0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "odc-by-1.0": "https://opendatacommons.org/licenses/by/1-0/",
}
# The signing code re-encodes every logo to one of these.
LOGO_TYPES = {".webp": "image/webp", ".png": "image/png"}
BADGE_WIDTH = 320
BADGE_HEIGHT = 120
ONE_DAY = 60 * 60 * 24
# Stands for a slug in a profile's address, reversed once for a whole download.
PROFILE_MARK = "0slug0"
# Labels by code, looked up once per card: Django's get_FOO_display() rebuilds
# and hashes the whole list of choices, translating each label, on every call.
SECTOR_LABELS = dict(Sector.choices)
SIZE_LABELS = dict(SizeBand.choices)
LEVEL_LABELS = dict(Pledge.Level.choices)


class RegistryFilterForm(forms.Form):
    """The listing's GET parameters; a field that fails validation is dropped."""

    q = forms.CharField(label=_("Organization name"), required=False, strip=True)
    sector = forms.ChoiceField(
        label=_("Sector"),
        required=False,
        choices=[("", _("All sectors")), *Sector.choices],
    )
    community = forms.ChoiceField(label=_("Community"), required=False)
    size = forms.ChoiceField(
        label=_("Size"),
        required=False,
        choices=[("", _("All sizes")), *SizeBand.choices],
    )
    commitment = forms.TypedChoiceField(
        label=_("Commitment"), required=False, coerce=int, empty_value=None
    )
    level = forms.ChoiceField(
        label=_("Level"),
        required=False,
        choices=[("", _("All levels")), *Pledge.Level.choices],
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("newest", _("Newest first")), ("name", _("Name, A to Z"))],
    )

    def __init__(
        self, data, communities: Iterable[tuple[str, str]], commitments: Iterable
    ):
        """``commitments``: pairs of the source commitment and its words shown.

        The value is the source's id, the same in every language, so a
        filtered address gives the same pledges in English and in French.
        """
        super().__init__(data)
        self.fields["community"].choices = [
            ("", _("All communities")),
            *communities,
        ]
        self.fields["commitment"].choices = [
            ("", _("All commitments")),
            *((str(source.pk), shown.title) for source, shown in commitments),
        ]

    def clean_q(self) -> str:
        return self.cleaned_data["q"][:MAX_QUERY_LENGTH]

    def chosen(self) -> dict:
        """The valid, non-empty choices; anything invalid is quietly ignored."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            name: cleaned[name]
            for name in self.fields
            if cleaned.get(name) not in (None, "")
        }


def listing(page, request: HttpRequest) -> HttpResponse:
    form, chosen, names = _filters(request)
    query = _query_string(chosen)
    filtered = any(name != "sort" for name in chosen)
    page_number = request.GET.get("page", "")
    results = _results(page, request, chosen, page_number, filtered, names)
    return page.render(
        request,
        context_overrides={
            "results": results,
            "is_filtered": filtered,
            "ignored_filters": bool(form.errors),
            "search_query": chosen.get("q", ""),
            "selects": _selects(form, chosen),
            "sort": chosen.get("sort", "newest"),
            "sorts": form.fields["sort"].choices,
            "pagination_query": query,
            "download_query": f"?{query}" if query else "",
            "licence": _licence(page),
        },
    )


def _results(
    page,
    request: HttpRequest,
    chosen: dict,
    page_number: str,
    filtered: bool,
    names: "ShownNames",
) -> dict:
    """The page of pledges the filters choose, and how many are listed in all."""
    pledges = Paginator(filter_pledges(chosen), PLEDGES_PER_PAGE).get_page(page_number)
    _decorate(page, request, pledges.object_list, names)
    return {
        "pledges": pledges,
        "total": Pledge.objects.listed().count()
        if filtered
        else pledges.paginator.count,
    }


def profile(page, request: HttpRequest, slug: str) -> HttpResponse:
    pledge = _listed_or_404(slug, with_commitments=True)
    _decorate(page, request, [pledge])
    profile_url = request.build_absolute_uri(pledge.profile_url)
    badge_url = request.build_absolute_uri(pledge.badge_url)
    alt = gettext("%(name)s: inclusive workplace pledge, %(level)s level") % {
        "name": pledge.organization_name,
        "level": pledge.get_level_display(),
    }
    snippet = format_html(
        '<a href="{}"><img src="{}" alt="{}" width="{}" height="{}"></a>',
        profile_url,
        badge_url,
        alt,
        BADGE_WIDTH,
        BADGE_HEIGHT,
    )
    return page.render(
        request,
        template="pledges/registry/profile.html",
        context_overrides={
            "pledge": pledge,
            "breadcrumb_title": pledge.organization_name,
            "commitments": pledge.chosen_commitments.all(),
            "badge_alt": alt,
            "badge_width": BADGE_WIDTH,
            "badge_height": BADGE_HEIGHT,
            "badge_snippet": snippet,
        },
    )


def logo(page, request: HttpRequest, slug: str) -> HttpResponse:
    """Serve a listed pledge's logo from private storage; nothing else."""
    pledge = _listed_or_404(slug)
    if not pledge.logo:
        raise Http404
    extension = "." + pledge.logo.name.rpartition(".")[2].lower()
    if extension not in LOGO_TYPES:
        raise Http404
    try:
        with pledge.logo.open("rb") as image:
            content = image.read()
    except FileNotFoundError:
        raise Http404 from None
    response = HttpResponse(content, content_type=LOGO_TYPES[extension])
    response["Cache-Control"] = f"public, max-age={ONE_DAY}"
    return response


def badge(page, request: HttpRequest, slug: str) -> HttpResponse:
    """The pledge badge; a neutral "no longer listed" one once a pledge leaves.

    Employers embed the badge on their own pages, so a pledge that was listed
    and is no more (withdrawn, lapsed) keeps an image of the same size rather
    than a broken one; a slug never listed is still a 404.
    """
    brand = SiteSettings.for_request(request)
    context = {
        "site_name": site_text_for(brand).organization_name,
        "colour": brand.primary_colour,
        "width": BADGE_WIDTH,
        "height": BADGE_HEIGHT,
    }
    pledge = Pledge.objects.listed().filter(slug=slug).first()
    if pledge is not None:
        template = "pledges/registry/badge.svg"
        context["pledge"] = pledge
    elif Pledge.objects.filter(slug=slug, approved_at__isnull=False).exists():
        template = "pledges/badge_unlisted.svg"
    else:
        raise Http404
    svg = render_to_string(template, context, request=request)
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    # An hour, not a day: a withdrawal shows on the employer's page soon.
    response["Cache-Control"] = "public, max-age=3600"
    # Opened on its own, the SVG may load and run nothing.
    response["Content-Security-Policy"] = "default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def open_data_csv(page, request: HttpRequest) -> HttpResponse:
    return _open_data(page, request, open_data.Format.CSV)


def data_dictionary(page, request: HttpRequest) -> HttpResponse:
    """What each column of the downloads holds, in the reader's language."""
    return page.render(
        request,
        template="pledges/registry/data_dictionary.html",
        context_overrides={
            "columns": open_data.COLUMNS,
            "breadcrumb_title": gettext("Open data dictionary"),
            "licence": _licence(page),
        },
    )


def open_data_json(page, request: HttpRequest) -> HttpResponse:
    return _open_data(page, request, open_data.Format.JSON)


def filter_pledges(chosen: dict) -> QuerySet:
    """Listed pledges matching the chosen filters, with their commitments."""
    pledges = Pledge.objects.listed()
    if "q" in chosen:
        pledges = pledges.filter(organization_name__icontains=chosen["q"])
    if "sector" in chosen:
        pledges = pledges.filter(sector=chosen["sector"])
    if "community" in chosen:
        pledges = pledges.filter(community=chosen["community"])
    if "size" in chosen:
        pledges = pledges.filter(size_band=chosen["size"])
    if "level" in chosen:
        pledges = pledges.filter(level=chosen["level"])
    if "commitment" in chosen:
        # One choice per commitment and pledge, so the join adds no duplicates.
        pledges = pledges.filter(chosen_commitments__commitment_id=chosen["commitment"])
    order = SORTS[chosen.get("sort", "newest")]
    return pledges.order_by(*order, "pk").prefetch_related(_commitments_prefetch())


def initials(name: str) -> str:
    """Up to two capital letters for a logo placeholder: "Fraser Foods" is "FF"."""
    words = [word for word in name.split() if word[:1].isalnum()]
    return "".join(word[0] for word in words[:2]).upper() or "?"


@dataclass(frozen=True)
class ShownNames:
    """Names to show in the reader's language, looked up once for a whole page.

    Pledges store source commitments (by id) and communities (by their
    default-language name); these map them to what the reader reads.
    """

    commitments: dict[int, str]
    communities: dict[str, str]


def _filters(request: HttpRequest) -> tuple[RegistryFilterForm, dict, ShownNames]:
    """The filter form, its valid choices, and the names the cards show.

    The names serve the cards and downloads too, so one lookup does the page.
    """
    communities = community_choices()
    sources = list(Commitment.objects.sources())
    shown = in_reader_language(sources)
    form = RegistryFilterForm(
        request.GET,
        communities=communities,
        commitments=zip(sources, shown, strict=True),
    )
    names = ShownNames(
        commitments={
            source.pk: commitment.title
            for source, commitment in zip(sources, shown, strict=True)
        },
        communities=dict(communities),
    )
    return form, form.chosen(), names


def _commitments_prefetch() -> Prefetch:
    return Prefetch(
        "chosen_commitments",
        queryset=PledgeCommitment.objects.select_related("commitment"),
    )


def _listed_or_404(slug: str, with_commitments: bool = False) -> Pledge:
    pledges = Pledge.objects.listed().filter(slug=slug)
    if with_commitments:
        pledges = pledges.prefetch_related(_commitments_prefetch())
    pledge = pledges.first()
    if pledge is None:
        raise Http404
    return pledge


def _decorate(
    page,
    request: HttpRequest,
    pledges: Iterable[Pledge],
    names: ShownNames | None = None,
) -> None:
    """Give each pledge its addresses, computed once rather than per template tag.

    ``names``: from ``_filters``; without them (a profile), the pledge's
    commitments are looked up in one go, and communities only for a reader
    of another language than the default one.
    """
    base = page.get_url(request)
    pledges = list(pledges)
    if names is None:
        communities = {} if reads_source_language() else dict(community_choices())
        names = ShownNames(commitments={}, communities=communities)
    titles, communities = names.commitments, names.communities
    choices = [
        choice for pledge in pledges for choice in pledge.chosen_commitments.all()
    ]
    missing = [choice for choice in choices if choice.commitment_id not in titles]
    for choice, shown in zip(
        missing,
        in_reader_language(choice.commitment for choice in missing),
        strict=True,
    ):
        choice.commitment_title = shown.title
    for choice in choices:
        if choice.commitment_id in titles:
            choice.commitment_title = titles[choice.commitment_id]
    for pledge in pledges:
        pledge.profile_url = base + page.reverse_subpage("profile", args=[pledge.slug])
        pledge.logo_url = (
            base + page.reverse_subpage("logo", args=[pledge.slug])
            if pledge.logo
            else ""
        )
        pledge.badge_url = base + page.reverse_subpage("badge", args=[pledge.slug])
        pledge.website_label = (
            pledge.website.split("://", 1)[-1].removeprefix("www.").rstrip("/")
        )
        pledge.initials = initials(pledge.organization_name)
        # Counted from the prefetched choices rather than annotated: counting in
        # SQL groups every listed pledge before the page is cut, and a filter
        # on one commitment would narrow the counts.
        choices = pledge.chosen_commitments.all()
        pledge.commitment_count = len(choices)
        pledge.done_count = sum(
            choice.progress == PledgeCommitment.Progress.DONE for choice in choices
        )
        pledge.community_label = communities.get(pledge.community, pledge.community)
        pledge.sector_label = SECTOR_LABELS.get(pledge.sector, pledge.sector)
        pledge.size_label = SIZE_LABELS.get(pledge.size_band, pledge.size_band)
        pledge.level_label = LEVEL_LABELS.get(pledge.level, pledge.level)
        # Placeholders take one of four colours, the same for a pledge each time.
        pledge.placeholder_tone = pledge.pk % 4


def _selects(form: RegistryFilterForm, chosen: dict) -> list[dict]:
    return [
        {
            "name": name,
            "label": form.fields[name].label,
            "options": form.fields[name].choices,
            "value": str(chosen.get(name, "")),
            # Commitment titles are long; give them room.
            "wide": name == "commitment",
        }
        for name in ("sector", "community", "size", "commitment", "level")
    ]


def _query_string(chosen: dict) -> str:
    return urlencode(
        {
            name: value
            for name, value in chosen.items()
            if not (name == "sort" and value == "newest")
        }
    )


def _licence(page) -> dict:
    return {
        "code": page.licence,
        "name": page.get_licence_display(),
        "url": LICENCE_URLS.get(page.licence, ""),
    }


def _open_data(page, request: HttpRequest, kind: open_data.Format) -> HttpResponse:
    """The listing's pledges as a file, filtered as the listing is.

    Sent from the stored copy when there is a fresh one; otherwise written as
    it is sent, and stored on the way. An ETag and Last-Modified let clients
    and nginx ask again for nothing (304).
    """
    base = request.build_absolute_uri(page.get_url(request))
    # The address's own filters key the file, so a repeat needs no lookup
    # of the filters' choices; the file is kept only if they were all valid.
    requested = _requested_query(request)
    stored = open_data.Stored.find(
        [kind, base, translation.get_language() or "", requested],
        # A search has endless variants: each would be a file on disk.
        keep="q" not in request.GET,
    )
    started = timezone.now()

    def respond(request: HttpRequest) -> HttpResponse:
        copy = stored.open()
        if copy is not None:
            response = FileResponse(copy, content_type=open_data.CONTENT_TYPES[kind])
        else:
            _form, chosen, names = _filters(request)
            chunks = _open_data_chunks(page, base, kind, chosen, names)
            if _query_string(chosen) == requested:
                chunks = stored.keep(chunks)
            response = StreamingHttpResponse(
                chunks, content_type=open_data.CONTENT_TYPES[kind]
            )
        _download_headers(response, page, kind)
        # Ten seconds, as nginx's micro-cache; then a 304 costs next to nothing.
        response["Cache-Control"] = "public, max-age=10"
        return response

    return condition(
        etag_func=lambda request: stored.etag,
        last_modified_func=lambda request: (
            (stored.modified() or started) if stored.etag else None
        ),
    )(respond)(request)


def _requested_query(request: HttpRequest) -> str:
    """The filters in the address, in ``_query_string``'s order and form."""
    return _query_string(
        {
            name: request.GET[name]
            for name in RegistryFilterForm.base_fields
            if request.GET.get(name)
        }
    )


def _open_data_chunks(
    page, base: str, kind: open_data.Format, chosen: dict, names: ShownNames
) -> Iterator[bytes]:
    """The file's bytes, computed only as they are sent."""
    # No prefetch: the commitments come in one query for all (commitment_titles).
    pledges = filter_pledges(chosen).prefetch_related(None)
    prefix, _slug, suffix = page.reverse_subpage(
        "profile", args=[PROFILE_MARK]
    ).partition(PROFILE_MARK)
    labels = open_data.Labels(
        sectors={code: str(label) for code, label in SECTOR_LABELS.items()},
        sizes={code: str(label) for code, label in SIZE_LABELS.items()},
        levels={code: str(label) for code, label in LEVEL_LABELS.items()},
        communities=names.communities,
        commitments=open_data.commitment_titles(
            pledges, partial(_commitment_titles, names)
        ),
        profile_prefix=base + prefix,
        profile_suffix=suffix,
    )
    rows = open_data.rows(pledges, labels)
    if kind == open_data.Format.CSV:
        return open_data.csv_chunks(rows)
    licence = _licence(page)
    return open_data.json_chunks(
        rows,
        {"code": licence["code"], "name": str(licence["name"]), "url": licence["url"]},
    )


def _commitment_titles(names: ShownNames, ids: Iterable[int]) -> dict[int, str]:
    """Titles in the reader's language: source commitments from the names
    the filters looked up, any other (none, normally) from the database."""
    ids = set(ids)
    titles = {pk: names.commitments[pk] for pk in ids if pk in names.commitments}
    others = Commitment.objects.filter(pk__in=ids - titles.keys())
    for source, shown in zip(others, in_reader_language(others), strict=True):
        titles[source.pk] = shown.title
    return titles


def _download_headers(response: HttpResponse, page, extension: str) -> None:
    licence = _licence(page)
    name = slugify(page.title) or "pledge-registry"
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{name}-{day}.{extension}"'
    # Header values must be ASCII: the licence's code and address, not its name.
    response["X-Licence"] = f"{licence['code']} <{licence['url']}>"
    response["Link"] = f'<{licence["url"]}>; rel="license"'
