"""Public forms of the pledge: signing, asking for links, managing a pledge."""

import uuid

from django import forms
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import connections
from django.db.models import Q
from django.http import HttpRequest
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from employers.pledges.logos import KeptLogo, clean_logo, keep_logo, kept_logo
from employers.pledges.models import Commitment, Pledge, PledgeCommitment, PledgePage
from employers.pledges.models.pledges import (
    in_reader_language,
    reads_source_language,
)
from home import page_cache
from home.choices import Sector, SizeBand
from home.forms import SiteFormRenderer
from home.spam import SpamProtectedForm


def new_submission_key(request: HttpRequest | None = None) -> str:
    """A form's one-off key: posting the same form twice signs only once."""
    return str(uuid.uuid4())


class CommitmentChoiceField(forms.ModelMultipleChoiceField):
    """Checkboxes whose labels carry each commitment's description."""

    widget = forms.CheckboxSelectMultiple

    def _check_values(self, value):
        # Django checks each id with an exact lookup, which tolerates numbers
        # beyond the column's range, then fetches them with ``__in``, which
        # does not: SQLite raises OverflowError, PostgreSQL an out-of-range
        # error, and the visitor gets a 500. No commitment has such an id.
        field_type = self.queryset.model._meta.pk.get_internal_type()
        low, high = connections[self.queryset.db].ops.integer_field_range(field_type)
        for key in value:
            try:
                number = int(key)
            except (TypeError, ValueError):
                continue  # Django refuses it as "not a valid value"
            if not low <= number <= high:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": key},
                )
        return super()._check_values(value)

    @cached_property
    def shown(self) -> dict:
        """The rows chosen are the sources; their words in the reader's language."""
        if reads_source_language():
            return {}
        return {
            commitment.translation_key: commitment
            for commitment in in_reader_language(self.queryset)
        }

    def label_from_instance(self, obj):
        shown = self.shown.get(obj.translation_key, obj)
        return format_html(
            '<span><span class="choice__title">{}</span> '
            '<span class="choice__description">{}</span></span>',
            shown.title,
            shown.description,
        )


def _commitment_field(page: PledgePage, queryset) -> CommitmentChoiceField:
    minimum = page.min_commitments
    return CommitmentChoiceField(
        queryset=queryset.sources(),
        label=_("Your commitments"),
        help_text=ngettext(
            "Choose at least %(count)d. These are shown on your public profile.",
            "Choose at least %(count)d. These are shown on your public profile.",
            minimum,
        )
        % {"count": minimum},
        error_messages={"required": _("Choose the commitments you will keep.")},
    )


# A hint to the file picker; the server checks the content itself.
LOGO_TYPES = "image/png,image/jpeg,image/webp"


def _at_least_minimum(chosen, page: PledgePage):
    minimum = page.min_commitments
    if len(chosen) < minimum:
        raise forms.ValidationError(
            ngettext(
                "Choose at least %(count)d commitment.",
                "Choose at least %(count)d commitments.",
                minimum,
            )
            % {"count": minimum},
            code="too_few",
        )
    return chosen


class OrganizationFieldsMixin(forms.Form):
    """The public details of an organization, shared by signing and updating."""

    organization_name = forms.CharField(
        label=_("Organization name"),
        max_length=150,
        help_text=_("As you want it shown in the public registry."),
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=300,
        assume_scheme="https",
        help_text=_("Linked from your profile, so people can find your jobs."),
    )
    sector = forms.ChoiceField(
        label=_("Sector"),
        choices=[("", _("Choose a sector"))] + Sector.choices,
        help_text=_("People can filter the registry by sector."),
    )
    size_band = forms.ChoiceField(
        label=_("Number of employees"),
        choices=[("", _("Choose a size"))] + SizeBand.choices,
        help_text=_("Counts by size tell our funder which employers we reach."),
    )
    community = forms.ChoiceField(
        label=_("Community"),
        help_text=_("Where you employ people; the registry can be filtered by it."),
    )
    statement = forms.CharField(
        label=_("Public statement"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 500}),
        help_text=_("Up to 500 characters on why you signed, shown on your profile."),
    )
    # A plain file field: clean_logo checks the content itself, size first.
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/png,image/jpeg,image/webp"}
        ),
        help_text=_(
            "PNG, JPEG or WebP, up to 2 MB. Shown in the registry once we "
            "approve your pledge."
        ),
    )

    def set_communities(
        self, communities: list[tuple[str, str]], current: str = ""
    ) -> None:
        """Offer ``home.communities.community_choices()``: names in the reader's
        language, values that stay the same in every language."""
        choices = list(communities)
        if current and current not in {value for value, _label in choices}:
            choices.append((current, current))
        self.fields["community"].choices = [("", _("Choose a community"))] + choices

    def clean_organization_name(self):
        return " ".join(self.cleaned_data["organization_name"].split())

    # Set while cleaning: the logo checked with this post, and where it came from.
    checked_logo: tuple[File, str] | None = None
    kept: KeptLogo | None = None

    @property
    def kept_logo_name(self) -> str:
        """The name of the hidden field that carries a kept logo's token."""
        return self.add_prefix("logo_kept")

    def clean_logo(self):
        upload = self.cleaned_data.get("logo")
        if isinstance(upload, UploadedFile):
            # A new file replaces any kept one, once it passes the checks.
            logo = clean_logo(upload)
            self.checked_logo = (logo, upload.name or "")
            return logo
        found = kept_logo(self.data.get(self.kept_logo_name, ""))
        if found is None:
            return upload
        logo, self.kept = found
        return logo

    def new_logo(self) -> File | None:
        """The logo this post brings, uploaded now or kept from an earlier post."""
        if not hasattr(self, "cleaned_data"):
            return None
        if self.checked_logo or self.kept:
            return self.cleaned_data.get("logo")
        return None

    def keep_logo(self) -> None:
        """Before showing the form again, keep its checked logo for the next post.

        Browsers never refill a file input, so the logo waits in private storage
        (``employers.pledges.logos.keep_logo``) and the form carries its token.
        """
        if self.checked_logo and self.kept is None:
            logo, name = self.checked_logo
            self.kept = keep_logo(logo, name)
        elif self.kept is None:
            found = kept_logo(self.data.get(self.kept_logo_name, ""))
            self.kept = found[1] if found else None


class PledgeForm(OrganizationFieldsMixin, SpamProtectedForm):
    contact_name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        help_text=_("So we know whom to contact. Never shown publicly."),
    )
    job_title = forms.CharField(
        label=_("Job title"),
        max_length=120,
        help_text=_("Tells us you can sign for the organization. Never public."),
    )
    email = forms.EmailField(
        label=_("Work email"),
        help_text=_(
            "We send a link to confirm it, and later renewal reminders. Never public."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=30,
        help_text=_("Only if you prefer a call about your pledge. Never public."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    listing_consent = forms.BooleanField(
        error_messages={
            "required": _("To sign, agree to your organization being listed.")
        },
    )
    news_consent = forms.BooleanField(required=False)
    submission_key = forms.UUIDField(widget=forms.HiddenInput)

    field_order = [
        "organization_name",
        "website",
        "sector",
        "size_band",
        "community",
        "contact_name",
        "job_title",
        "email",
        "phone",
        "commitments",
        "statement",
        "logo",
        "listing_consent",
        "news_consent",
    ]

    def __init__(
        self, *args, page: PledgePage, communities: list[tuple[str, str]], **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.page = page
        self.fields["commitments"] = _commitment_field(
            page, Commitment.objects.filter(is_active=True)
        )
        self.order_fields(self.field_order)
        self.set_communities(communities)
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["job_title"].widget.attrs["autocomplete"] = "organization-title"
        self.fields["organization_name"].widget.attrs["autocomplete"] = "organization"
        self.fields["listing_consent"].label = page.listing_consent_text
        self.fields["news_consent"].label = page.news_consent_text
        self.fields["news_consent"].help_text = _("Optional. You can stop at any time.")
        if not self.is_bound:
            # Each visitor's own key, even in a cached page (home.page_cache).
            self.fields["submission_key"].initial = page_cache.per_visitor(
                "submission_key", new_submission_key
            )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_commitments(self):
        return _at_least_minimum(self.cleaned_data["commitments"], self.page)


class EmailLinkForm(SpamProtectedForm):
    """Ask for a new confirmation link or a manage link, by email address."""

    min_seconds = 2

    email = forms.EmailField(
        label=_("Work email"),
        help_text=_("The address you signed with. We send the link there."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class PledgeDetailsForm(OrganizationFieldsMixin, forms.ModelForm):
    """What a signer may change later through the manage link."""

    default_renderer = SiteFormRenderer()

    class Meta:
        model = Pledge
        fields = [
            "organization_name",
            "website",
            "sector",
            "size_band",
            "community",
            "statement",
            "logo",
        ]

    def __init__(self, *args, communities: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.set_communities(communities, current=self.instance.community)
        self.fields["logo"].widget = forms.FileInput(attrs={"accept": LOGO_TYPES})
        self.fields["logo"].help_text = _(
            "PNG, JPEG or WebP, up to 2 MB. Leave empty to keep the current logo."
        )


class CommitmentsForm(forms.Form):
    """Add or drop commitments, never below the page's minimum."""

    default_renderer = SiteFormRenderer()

    def __init__(self, *args, page: PledgePage, pledge: Pledge, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        chosen_ids = [c.commitment_id for c in pledge.chosen_commitments.all()]
        # Retired commitments stay on the pledges that chose them.
        queryset = Commitment.objects.filter(Q(is_active=True) | Q(pk__in=chosen_ids))
        self.fields["commitments"] = _commitment_field(page, queryset)
        self.fields["commitments"].initial = chosen_ids

    def clean_commitments(self):
        return _at_least_minimum(self.cleaned_data["commitments"], self.page)


class ProgressForm(forms.Form):
    """Progress on each chosen commitment, with an optional public story."""

    default_renderer = SiteFormRenderer()

    def __init__(self, *args, choices: list[PledgeCommitment], **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = choices
        shown = in_reader_language(choice.commitment for choice in choices)
        for choice, commitment in zip(choices, shown, strict=True):
            self.fields[f"progress_{choice.pk}"] = forms.ChoiceField(
                label=commitment.title,
                choices=PledgeCommitment.Progress.choices,
                initial=choice.progress,
                widget=forms.RadioSelect,
            )
            self.fields[f"story_{choice.pk}"] = forms.CharField(
                # The field template adds "(optional)"; the label says the rest.
                label=_("What you did"),
                help_text=_("Shown on your public profile."),
                required=False,
                max_length=300,
                initial=choice.story,
                widget=forms.Textarea(attrs={"rows": 2, "maxlength": 300}),
            )

    def rows(self):
        """Pairs of bound fields, one pair per commitment, for the template."""
        return [
            (self[f"progress_{choice.pk}"], self[f"story_{choice.pk}"])
            for choice in self.choices
        ]

    def reports(self) -> dict[int, tuple[str, str]]:
        return {
            choice.pk: (
                self.cleaned_data[f"progress_{choice.pk}"],
                self.cleaned_data[f"story_{choice.pk}"].strip(),
            )
            for choice in self.choices
        }
