"""The error summary every public form shows above itself (GOV.UK's pattern)."""

import re

from django import forms
from django.template.loader import render_to_string
from django.utils import translation


class ContactForm(forms.Form):
    email = forms.EmailField(label="Email")
    consent = forms.BooleanField(label="I agree to be listed in the open data.")


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


def test_a_statement_label_is_not_repeated_its_error_stands_alone():
    """A consent's wording is a sentence (four lines in French): GOV.UK gives
    the error alone, which says what to do."""
    html = _summary(ContactForm(data={"email": "a@example.com"}))
    assert re.search(r'<a href="#id_consent">\s*This field is required.\s*</a>', html)
    assert "open data" not in html


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
    form = ContactForm(data={"email": "a@example.com", "consent": "on"})
    assert _summary(form).strip() == ""


def test_french_puts_a_no_break_space_before_the_colon():
    """Needs the French catalogue merged (/tmp/fr_strings/shell.jsonl)."""
    with translation.override("fr-ca"):
        html = _summary(ContactForm(data={"email": "x", "consent": "on"}))
    assert "Email\u00a0: " in html
