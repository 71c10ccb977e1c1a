"""Factories for the site's pages, used by tests."""

import factory
import wagtail_factories

from home.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    slug = factory.Sequence(lambda n: f"home-{n}")
    hero_heading = "Hire, welcome and keep newcomer talent"
    hero_text = "Practical help for employers from the local immigration partnership."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"About the partnership {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    intro = "How the partnership works with local employers."

    class Meta:
        model = StandardPage
