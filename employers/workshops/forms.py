"""Public forms of workshops: registration, leaving, claiming and feedback."""

from django import forms
from django.utils.translation import gettext_lazy as _

from employers.workshops.models import WorkshopQuestion
from home.choices import Sector, SizeBand
from home.forms import SiteFormRenderer
from home.spam import SpamProtectedForm


def _blank(choices) -> list:
    return [("", _("Choose…")), *choices]


class RegistrationForm(SpamProtectedForm):
    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        widget=forms.TextInput({"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Work email"),
        help_text=_("We send your confirmation and calendar file here."),
        widget=forms.EmailInput({"autocomplete": "email"}),
    )
    organization = forms.CharField(
        label=_("Organization"),
        max_length=160,
        widget=forms.TextInput({"autocomplete": "organization"}),
    )
    job_title = forms.CharField(
        label=_("Job title"),
        max_length=120,
        required=False,
        widget=forms.TextInput({"autocomplete": "organization-title"}),
    )
    sector = forms.ChoiceField(label=_("Sector"), choices=_blank(Sector.choices))
    size = forms.ChoiceField(
        label=_("Organization size"), choices=_blank(SizeBand.choices)
    )
    seats = forms.TypedChoiceField(label=_("Number of seats"), coerce=int)
    accommodation_needs = forms.CharField(
        label=_("Accessibility or accommodation needs"),
        help_text=_("Only the staff who arrange accommodations will see this."),
        required=False,
        max_length=1000,
        widget=forms.Textarea({"rows": 3}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the partnership stores these details to run this "
            "workshop. They are deleted a year after it."
        ),
        error_messages={"required": _("Tick this box so we can register you.")},
    )
    future_events_consent = forms.BooleanField(
        label=_("Tell me about future events (optional)."), required=False
    )

    field_order = [
        "name",
        "email",
        "organization",
        "job_title",
        "sector",
        "size",
        "seats",
        "accommodation_needs",
    ]

    def __init__(self, *args, workshop, **kwargs):
        super().__init__(*args, **kwargs)
        self.workshop = workshop
        most = max(workshop.max_seats_per_registration, 1)
        if most > 1:
            self.fields["seats"].choices = [(n, str(n)) for n in range(1, most + 1)]
            self.fields["seats"].help_text = _(
                "Bringing colleagues? Register up to %(most)s seats together."
            ) % {"most": most}
        else:
            del self.fields["seats"]
        self.questions = list(workshop.questions.all())
        for question in self.questions:
            self.fields[question.field_name] = _question_field(question)
        # Staff questions come just before the consent boxes.
        names = [name for name in self.fields if name.startswith("question_")]
        tail = ["consent", "future_events_consent", "homepage", "shown_at"]
        self.order_fields([*self.field_order, *names, *tail])

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def registration_data(self) -> dict:
        """The form's data; answers keyed by the event's question, in its words.

        A question asked on a translation is stored under the label of the
        same question on the event (same translation key), and a choice as
        the event's choice in the same place, so staff read every answer
        alike whatever the language of the form.
        """
        data = dict(self.cleaned_data)
        sources = self._event_questions()
        answers = {}
        for question in self.questions:
            source = sources.get(question.translation_key, question)
            value = data.pop(question.field_name, "")
            if question.kind == WorkshopQuestion.Kind.CHOICE and value:
                answers[source.label] = _same_choice(question, source, value)
            else:
                answers[source.label] = _answer(value)
        data["answers"] = answers
        return data

    def _event_questions(self) -> dict:
        """The event's questions by translation key, in one query."""
        if not self.questions:
            return {}
        found = WorkshopQuestion.objects.filter(
            page__translation_key=self.workshop.translation_key,
            translation_key__in=[q.translation_key for q in self.questions],
        ).order_by("-page_id")
        # The event's page has the lowest pk: its question comes last, and wins.
        return {question.translation_key: question for question in found}


def _same_choice(question: WorkshopQuestion, source: WorkshopQuestion, value) -> str:
    """The event's wording of the choice made on a translated question."""
    mine, theirs = question.choice_list, source.choice_list
    if value in mine and len(mine) == len(theirs):
        return theirs[mine.index(value)]
    return _answer(value)


def _answer(value):
    return value if isinstance(value, bool | str) else str(value)


def _question_field(question: WorkshopQuestion) -> forms.Field:
    common = {
        "label": question.label,
        "required": question.required,
        "help_text": question.help_text,
    }
    kind = WorkshopQuestion.Kind
    if question.kind == kind.LONG_TEXT:
        return forms.CharField(
            max_length=1000, widget=forms.Textarea({"rows": 3}), **common
        )
    if question.kind == kind.CHOICE:
        choices = [(text, text) for text in question.choice_list]
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if question.kind == kind.CHECKBOX:
        return forms.BooleanField(**common)
    return forms.CharField(max_length=200, **common)


class ResendForm(forms.Form):
    email = forms.EmailField()


class FeedbackForm(forms.Form):
    default_renderer = SiteFormRenderer()

    rating = forms.TypedChoiceField(
        label=_("How useful was the workshop?"),
        help_text=_("1 is not useful, 5 is very useful."),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a number from 1 to 5.")},
    )
    next_steps = forms.CharField(
        label=_("What will you do next?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea({"rows": 3}),
    )
    comments = forms.CharField(
        label=_("Any other comments?"),
        help_text=_("Please do not include other people's personal details."),
        required=False,
        max_length=1000,
        widget=forms.Textarea({"rows": 3}),
    )
