"""The page editor's form for pages classified by topic and hiring stage."""

from django.db.models import Q
from django.utils import timezone

from home.languages import default_content_language
from home.models.pages import StreamSafePageForm

# The many-to-many fields to topics and hiring stages, where a page has them.
CLASSIFICATION_FIELDS = ("topics", "stages")


class ClassifiedPageForm(StreamSafePageForm):
    """Offer each topic and hiring stage once: the default language's row.

    Pages link those rows (translations get them copied, and readers see
    them in their language); every language's rows would list each topic
    twice. A row the page links already stays offered, so saving never drops
    it unseen. An incomplete stream is a form error, as on every page.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in CLASSIFICATION_FIELDS:
            field = self.fields.get(name)
            if field is None:
                continue
            linked = [getattr(row, "pk", row) for row in self.initial.get(name) or []]
            field.queryset = field.queryset.filter(
                Q(locale__language_code=default_content_language()) | Q(pk__in=linked)
            )


class GuidePageForm(ClassifiedPageForm):
    """A new guide's review date starts at today.

    Someone writing a guide is checking it as they go; the date stays required
    and editable for a guide written from an older review.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        new = self.instance.pk is None and not self.initial.get("last_reviewed")
        if new and "last_reviewed" in self.fields:
            self.initial["last_reviewed"] = timezone.localdate()
