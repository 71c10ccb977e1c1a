"""Links in emails: the public base URL, not the Site record's host and port."""

from django import template

from wagtail.models import Page

from home.mail import public_page_url

register = template.Library()


@register.simple_tag
def page_link(page: Page) -> str:
    """The page's absolute address for an email (``home.mail.public_page_url``)."""
    return public_page_url(page)
