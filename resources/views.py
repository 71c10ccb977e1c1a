"""The "Was this helpful?" answer, posted to a guide's feedback/ route."""

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse

from home.ratelimit import client_ip, hit
from resources.forms import GuideFeedbackForm
from resources.services import record_feedback

# Per visitor address: enough for a reader of many guides, too few for a flood.
FEEDBACK_LIMIT = 20
FEEDBACK_WINDOW_SECONDS = 60 * 60


def guide_feedback(guide, request: HttpRequest) -> HttpResponse:
    form = GuideFeedbackForm(request.POST)
    # A mistake costs nothing: only answers that pass validation count.
    if not form.is_valid():
        return _render(guide, request, form, status=400)
    if hit(
        "guide-feedback",
        client_ip(request),
        limit=FEEDBACK_LIMIT,
        window=FEEDBACK_WINDOW_SECONDS,
    ):
        return _render(guide, request, form, rate_limited=True, status=429)
    record_feedback(
        guide,
        helpful=form.cleaned_data["helpful"],
        comment=form.cleaned_data["comment"],
    )
    return HttpResponseRedirect(f"{guide.get_url(request)}?feedback=thanks#feedback")


def _render(guide, request, form, *, status: int, rate_limited: bool = False):
    context = guide.get_context(request)
    context.update({"feedback_form": form, "feedback_rate_limited": rate_limited})
    return TemplateResponse(
        request, guide.get_template(request), context, status=status
    )
