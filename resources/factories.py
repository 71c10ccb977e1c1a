"""Factories for topics and guides, used by tests."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from wagtail.models import Locale

from resources.models import GuideIndexPage, GuidePage, HiringStage, Topic


class TopicFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    description = "Guides about one part of hiring newcomers."
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Topic
        django_get_or_create = ("slug", "locale")


class GuideIndexPageFactory(wagtail_factories.PageFactory):
    title = "Guides"
    slug = "guides"
    intro = "Practical guides for employers."

    class Meta:
        model = GuideIndexPage


class GuidePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Hiring guide {n}")
    slug = factory.Sequence(lambda n: f"hiring-guide-{n}")
    summary = "How to hire and keep newcomers."
    last_reviewed = factory.LazyFunction(datetime.date.today)
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "Where to start", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Start with the job's real needs.</p>"},
        ]
    )

    class Meta:
        model = GuidePage
        skip_postgeneration_save = True

    @factory.post_generation
    def classify(self, create, extracted, topics=(), stages=("hire",), **kwargs):
        """Set topics and stages: ``GuidePageFactory(classify__topics=[...])``."""
        self.topics.set(list(topics))
        stages = HiringStage.objects.filter(
            code__in=stages, locale=Locale.get_default()
        )
        self.stages.set(list(stages))
        if create:
            self.save()
