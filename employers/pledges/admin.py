"""Pledges in the Wagtail admin: list, inspect, approve and reject, export."""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wagtail.admin.panels import FieldPanel, Panel
from wagtail.admin.ui.tables import ButtonsColumnMixin, TitleColumn
from wagtail.admin.widgets import Button
from wagtail.models import Site
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import IndexView, InspectView, SnippetViewSet

from employers.pledges.models import Commitment, Pledge, PledgeEmailWording
from employers.pledges.services.lifecycle import (
    REVIEWED_FIELDS,
    approve_changes,
    approve_pledge,
    possible_duplicates,
    reject_changes,
    reject_pledge,
)
from employers.pledges.views.admin_logos import logo_preview_url
from home.admin.inspect import LocalInspectMixin
from home.admin.panels import RestrictedPanel
from home.exports import SafeSpreadsheetExportMixin

PUBLIC_FIELDS = [
    "organization_name",
    "status",
    "level",
    "website",
    "sector",
    "size_band",
    "community",
    "statement",
    "created_at",
    "verified_at",
    "approved_at",
    "renewed_at",
    "expires_at",
    "closed_at",
    "rejection_reason",
]
CONTACT_FIELDS = [
    "contact_name",
    "job_title",
    "email",
    "phone",
    "listing_consent_at",
    "listing_consent_version",
    "news_consent_at",
    "news_consent_version",
]
CONTACT_PERMISSION = "pledges.view_pledge_contact"
MODERATE_PERMISSION = "pledges.moderate_pledge"


def can_moderate(user) -> bool:
    return user.has_perm(MODERATE_PERMISSION)


class PledgePermissionPolicy(ModelPermissionPolicy):
    """Pledges are only ever created by signers on the site, never in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)


class PledgeListersOnly:
    """Refuse people who may not list pledges.

    Wagtail opens every snippet's chooser, and every bulk action's confirmation
    page, to anyone in the admin; both name pledges, unapproved ones included.
    """

    def dispatch(self, request, *args, **kwargs):
        policy = ModelPermissionPolicy(Pledge)
        if not policy.user_has_any_permission(
            request.user, ["view", "change", "delete"]
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PledgeChooseView(PledgeListersOnly, chooser.ChooseView):
    pass


class PledgeChooseResultsView(PledgeListersOnly, chooser.ChooseResultsView):
    pass


class PledgeChosenView(PledgeListersOnly, chooser.SnippetChosenView):
    pass


class PledgeChosenMultipleView(PledgeListersOnly, chooser.SnippetChosenMultipleView):
    pass


class PledgeChooserCreateView(PledgeListersOnly, chooser.SnippetCreateView):
    pass


class PledgeChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = PledgeChooseView
    choose_results_view_class = PledgeChooseResultsView
    chosen_view_class = PledgeChosenView
    chosen_multiple_view_class = PledgeChosenMultipleView
    create_view_class = PledgeChooserCreateView


class PledgeIndexView(SafeSpreadsheetExportMixin, IndexView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Contact columns only for staff allowed to see contact details.
        self.list_export = [*PUBLIC_FIELDS, "commitment_titles"]
        if request.user.has_perm(CONTACT_PERMISSION):
            self.list_export += CONTACT_FIELDS

    @cached_property
    def columns(self):
        """Wagtail's columns, the title linked to inspect rather than edit."""
        title = PledgeTitleColumn(
            "organization_name",
            label=capfirst(Pledge._meta.get_field("organization_name").verbose_name),
            sort_key="organization_name",
            get_url=inspect_url,
            # As Wagtail's own title column: names the row's bulk-action box.
            get_title_id=lambda pledge: f"snippet_{quote(pledge.pk)}_title",
            get_buttons=self.get_list_buttons,
        )
        return [
            title if column.name == "organization_name" else column
            for column in super().columns
        ]

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .prefetch_related("chosen_commitments__commitment")
        )

    def to_row_dict(self, item):
        item.commitment_titles = "; ".join(
            choice.commitment.title for choice in item.chosen_commitments.all()
        )
        return super().to_row_dict(item)


class PledgeInspectView(LocalInspectMixin, InspectView):
    template_name = "pledges/admin/pledge_inspect.html"

    def get_fields(self):
        fields = list(PUBLIC_FIELDS)
        if self.request.user.has_perm(CONTACT_PERMISSION):
            fields += CONTACT_FIELDS
        return fields

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["choices"] = self.object.chosen_commitments.select_related("commitment")
        inspect = Pledge.snippet_viewset.get_url_name("inspect")
        context["duplicates"] = [
            (other, reverse(inspect, args=[quote(other.pk)]))
            for other in possible_duplicates(self.object)
        ]
        context["can_moderate"] = can_moderate(
            self.request.user
        ) and self.object.status in (Pledge.Status.PENDING, Pledge.Status.APPROVED)
        context["pending_changes"] = [
            (
                Pledge._meta.get_field(field).verbose_name,
                getattr(self.object, field),
                self.object.pending_changes[field],
            )
            for field in REVIEWED_FIELDS
            if field in self.object.pending_changes
        ]
        context["logo_url"] = logo_preview_url(self.object, "current")
        context["pending_logo_url"] = logo_preview_url(self.object, "pending")
        context["can_review_changes"] = (
            can_moderate(self.request.user) and self.object.has_pending_changes
        )
        context["changes_url"] = reverse(
            "pledges_review_changes", args=[quote(self.object.pk)]
        )
        here = self.request.get_full_path()
        context["approve_url"] = bulk_action_url("approve", self.object, here)
        context["reject_url"] = bulk_action_url("reject", self.object, here)
        return context


@require_POST
def review_changes(request, pk):
    """Approve or reject the changes a listed signer made to public details."""
    if not can_moderate(request.user):
        raise PermissionDenied
    if request.POST.get("decision") == "approve":
        done = approve_changes(pk, user=request.user)
        message = _("The changes are approved and now listed.")
    else:
        done = reject_changes(
            pk,
            user=request.user,
            site=Site.find_for_request(request),
            reason=request.POST.get("reason", "").strip(),
        )
        message = _("The changes are rejected; the signer has been told.")
    if done:
        messages.success(request, message)
    else:
        messages.warning(request, _("These changes were already decided."))
    return redirect(Pledge.snippet_viewset.get_url_name("inspect"), quote(pk))


def bulk_action_url(action: str, pledge: Pledge, next_url: str) -> str:
    """A single approval or rejection is the bulk action on one pledge."""
    path = reverse("wagtail_bulk_action", args=("pledges", "pledge", action))
    return f"{path}?{urlencode({'id': pledge.pk, 'next': next_url})}"


def inspect_url(pledge: Pledge) -> str:
    return reverse(
        Pledge.snippet_viewset.get_url_name("inspect"), args=[quote(pledge.pk)]
    )


class PledgeTitleColumn(ButtonsColumnMixin, TitleColumn):
    """The organization, linked to the inspect view where staff decide.

    Wagtail links a snippet's title to its edit view; a moderator clicking a
    name wants the whole pledge, with Approve and Reject. The row's buttons
    are the index view's own, as on any snippet list.
    """

    def __init__(self, *args, get_buttons, **kwargs):
        super().__init__(*args, **kwargs)
        self.buttons_for = get_buttons

    def get_buttons(self, instance, parent_context):
        return self.buttons_for(instance)


class LogoPanel(Panel):
    """The current and proposed logos, on the edit view as on inspect."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "pledges/admin/logo_panel.html"

        def is_shown(self):
            pledge = self.instance
            return super().is_shown() and bool(pledge.logo or pledge.pending_logo)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["logo_url"] = logo_preview_url(self.instance, "current")
            context["pending_logo_url"] = logo_preview_url(self.instance, "pending")
            return context


class PledgeViewSet(SnippetViewSet):
    model = Pledge
    icon = "pick"
    menu_label = _("Pledges")
    menu_order = 220
    add_to_admin_menu = True
    index_view_class = PledgeIndexView
    inspect_view_class = PledgeInspectView
    chooser_viewset_class = PledgeChooserViewSet
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "organization_name",
        "status",
        "level",
        "sector",
        "community",
        "created_at",
        "expires_at",
    ]
    list_filter = ["status", "level", "sector", "size_band", "community"]
    search_fields = ["organization_name"]
    list_per_page = 50
    panels = [
        FieldPanel("organization_name"),
        FieldPanel("website"),
        FieldPanel("sector"),
        FieldPanel("size_band"),
        FieldPanel("community"),
        FieldPanel("statement"),
        LogoPanel(heading=_("Logo")),
    ]


class CommitmentViewSet(SnippetViewSet):
    model = Commitment
    icon = "tick-inverse"
    menu_label = _("Commitments")
    menu_order = 221
    add_to_admin_menu = True
    sort_order_field = "sort_order"
    list_display = ["title", "category", "is_active"]
    list_filter = ["category", "is_active"]
    search_fields = ["title"]


class PledgeEmailWordingViewSet(SnippetViewSet):
    """Staff's wording of signers' emails; Translate gives the French copy."""

    model = PledgeEmailWording
    icon = "mail"
    menu_label = _("Pledge email wording")
    list_display = ["name", "locale"]
    copy_view_enabled = False


class PledgeBulkAction(PledgeListersOnly, SnippetBulkAction):
    """Approve or reject; the confirmation page names the pledges, so it too
    is only for people who may list pledges."""

    models = [Pledge]

    def check_perm(self, snippet):
        return can_moderate(self.request.user)

    def get_execution_context(self):
        return {
            **super().get_execution_context(),
            "user": self.request.user,
            "site": Site.find_for_request(self.request),
        }


class ApprovePledgeBulkAction(PledgeBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected pledges")
    template_name = "pledges/admin/confirm_bulk_approve.html"
    action_priority = 10

    @classmethod
    def execute_action(cls, objects, user=None, site=None, **kwargs):
        done = sum(
            approve_pledge(pledge.pk, user=user, site=site) for pledge in objects
        )
        return done, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        if not num_parent_objects:
            # Another moderator approved them first, or they changed meanwhile.
            return _(
                "No pledge was approved: the selected pledges are no longer "
                "awaiting review."
            )
        return ngettext(
            "%(count)d pledge approved; the signer is emailed.",
            "%(count)d pledges approved; the signers are emailed.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to the signer"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
    )


class RejectPledgeBulkAction(PledgeBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject the selected pledges")
    template_name = "pledges/admin/confirm_bulk_reject.html"
    action_priority = 20
    form_class = RejectionForm

    def get_execution_context(self):
        return {
            **super().get_execution_context(),
            "reason": self.cleaned_form.cleaned_data["reason"],
        }

    @classmethod
    def execute_action(cls, objects, user=None, site=None, reason="", **kwargs):
        done = sum(
            reject_pledge(pledge.pk, user=user, site=site, reason=reason)
            for pledge in objects
        )
        return done, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d pledge rejected; the signer is emailed.",
            "%(count)d pledges rejected; the signers are emailed.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class RowButton(Button):
    """A button beside the row's title rather than under "More options"."""

    allow_in_dropdown = False


def pledge_listing_buttons(snippet, user, next_url=None):
    """Approve and reject from the list, for pledges awaiting review."""
    if not isinstance(snippet, Pledge) or snippet.status != Pledge.Status.PENDING:
        return []
    if not can_moderate(user):
        return []
    return [
        RowButton(
            _("Approve"),
            url=bulk_action_url("approve", snippet, next_url or ""),
            icon_name="check",
            classname="button button-small button-secondary",
            priority=5,
        ),
        RowButton(
            _("Reject"),
            url=bulk_action_url("reject", snippet, next_url or ""),
            icon_name="cross",
            classname="button button-small button-secondary",
            priority=6,
        ),
    ]


class PledgesAwaitingReviewPanel(RestrictedPanel):
    """Dashboard list of pledges whose signers confirmed their email.

    Only organizations' public details appear here, never contact data.
    """

    name = "pledges_awaiting_review"
    template_name = "pledges/admin/pledges_awaiting_review_panel.html"
    order = 120
    limit = 10

    @classmethod
    def is_shown_to(cls, user) -> bool:
        return can_moderate(user) or user.has_perm("pledges.view_pledge")

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        pending = Pledge.objects.filter(status=Pledge.Status.PENDING).order_by(
            "verified_at"
        )
        # Moderating alone does not open the inspect view: plain names then.
        can_inspect = PledgePermissionPolicy(Pledge).user_has_any_permission(
            user, ["view", "change"]
        )
        inspect = Pledge.snippet_viewset.get_url_name("inspect")
        context["pledges"] = [
            (pledge, reverse(inspect, args=[quote(pledge.pk)]) if can_inspect else "")
            for pledge in pending[: self.limit]
        ]
        context["count"] = pending.count()
        context["index_url"] = (
            reverse(Pledge.snippet_viewset.get_url_name("list")) + "?status=pending"
            if can_inspect
            else ""
        )
        return context
