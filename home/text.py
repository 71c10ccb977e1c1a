"""Short pieces of text joined as each language writes them."""

from django.utils.translation import gettext


def label_value(label: object, value: object) -> str:
    """ "Label: value"; in French « Libellé : valeur », a non-breaking space
    before the colon.

    Templates write the same message with ``{% blocktranslate with label=…
    value=… %}{{ label }}: {{ value }}{% endblocktranslate %}``: one entry in
    the catalogue for both.
    """
    return gettext("%(label)s: %(value)s") % {"label": label, "value": value}
