"""The error summary every public form shows above itself (GOV.UK's pattern)."""

import re

from django import forms
from django.template.loader import render_to_string
from django.utils import translation


class ContactForm(forms.Form):
    email = forms.EmailField(label="Email")
    consent = forms.BooleanField(
        label="I agree to be listed in the open data.",
        error_messages={"required": "To sign, agree to be listed."},
    )
    # As staff may word a workshop question, with Django's bare message.
    photo_id = forms.BooleanField(label="I will bring photo ID.")


def _summary(form: forms.Form) -> str:
    return render_to_string("components/forms/error_summary.html", {"form": form})


def test_summary_is_focusable_focused_on_load_and_links_to_each_field():
    form = ContactForm(data={"email": "not an address"})
    html = _summary(form)
    assert 'tabindex="-1"' in html
    assert "autofocus" in html
    assert 'id="form-error-summary"' in html
    assert 'aria-labelledby="form-error-summary-title"' in html
    assert '<a href="#id_email">' in html
    assert '<a href="#id_consent">' in html
    assert "Email: Enter a valid email address." in html


class FeedbackForm(forms.Form):
    helpful = forms.ChoiceField(
        label="Was this guide helpful?", choices=[("yes", "Yes"), ("no", "No")]
    )


def test_a_statement_label_is_not_repeated_before_an_error_of_its_own():
    """A consent's wording is a sentence (four lines in French): GOV.UK gives
    the error alone, which says what to do. Django's bare "This field is
    required." says nothing alone: the label stays before it."""
    html = _summary(ContactForm(data={"email": "a@example.com"}))
    alone = r'<a href="#id_consent">\s*To sign, agree to be listed.\s*</a>'
    assert re.search(alone, html)
    assert "open data" not in html
    assert "I will bring photo ID. This field is required." in html


def test_a_question_label_is_kept_without_a_colon():
    html = _summary(FeedbackForm(data={}))
    assert "Was this guide helpful? This field is required." in html
    assert "?:" not in html


def test_two_forms_on_one_page_get_their_own_summary_ids():
    first = _summary(ContactForm(data={}, prefix="details"))
    second = _summary(ContactForm(data={}, prefix="progress"))
    assert 'id="details-error-summary"' in first
    assert 'id="progress-error-summary"' in second


def test_a_valid_form_has_no_summary():
    form = ContactForm(
        data={"email": "a@example.com", "consent": "on", "photo_id": "on"}
    )
    assert _summary(form).strip() == ""


def test_french_puts_a_no_break_space_before_the_colon():
    """Needs the French catalogue merged (/tmp/fr_strings/shell.jsonl)."""
    with translation.override("fr-ca"):
        html = _summary(ContactForm(data={"email": "x", "consent": "on"}))
    assert "Email\u00a0: " in html


def test_labels_and_errors_are_escaped():
    class Typed(forms.Form):
        name = forms.CharField(label="Name <b>", max_length=3)

    html = _summary(Typed(data={"name": "<script>"}))
    assert "Name &lt;b&gt;: Ensure this value has at most 3 characters" in html
    assert "<b>" not in html and "<script>" not in html
