"""The French catalogue is complete and follows Canadian French typography.

One rule, applied everywhere: a no-break space (U+00A0) before : ; ? ! and
inside « », French quotes « » and the typographic apostrophe ’. Markup,
placeholders and addresses are left as they are, since code reads them, and
so is an entry whose translator comment starts "Verbatim:" and says why.
"""

import re
from pathlib import Path

import polib
import pytest

CATALOGUE = Path(__file__).resolve().parents[2] / "locale/fr/LC_MESSAGES/django.po"
NBSP = "\u00a0"

# What code reads, never typography: HTML tags (with their attributes),
# entities, addresses and paths, and placeholders ("%(name)s", "%s", "{name}").
PROTECTED = re.compile(
    r"<[^>]*>"
    r"|&(?:#\d+|\w+);"
    r"|(?:https?://|mailto:|www\.)[^\s<>«»]+"
    r"|(?<![\w/])/[\w./?=&%-]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|%(?:\([^)]+\))?[#0 +-]?\d*(?:\.\d+)?[sdifr]"
    r"|\{[\w.]*\}"
)
PRINTF = re.compile(r"%(?:\([^)]+\))?[#0 +-]?\d*(?:\.\d+)?[sdifr]")
BRACES = re.compile(r"\{[\w.]*\}")


def placeholders(text: str, flags) -> list[str]:
    found = []
    if "python-format" in flags:
        found += PRINTF.findall(text.replace("%%", ""))
    if "python-brace-format" in flags:
        found += BRACES.findall(text)
    return sorted(found)


def prose(text: str) -> str:
    """``text`` with what code reads replaced by a neutral letter."""
    return PROTECTED.sub("x", text)


def typography_problems(text: str) -> list[str]:
    words = prose(text)
    problems = []
    if "'" in words:
        problems.append("straight apostrophe: use ’")
    if '"' in words or "“" in words or "”" in words:
        problems.append("English quotes: use « »")
    # A colon before a digit is a time or a ratio (9:30, 4.5:1), not prose.
    for match in re.finditer(r"[;?!]|:(?!\d)", words):
        start = match.start()
        before = words[start - 1] if start else ""
        if start == 0 or before in ":;?!":
            continue
        if before != NBSP:
            problems.append(f"no-break space (U+00A0) before {match.group()!r}")
    if re.search(r"«(?!\u00a0)|(?<!\u00a0)»", words):
        problems.append("no-break space (U+00A0) inside « »")
    return problems


def entry_problems(entry: polib.POEntry) -> list[str]:
    if entry.obsolete:
        return []
    if "fuzzy" in entry.flags:
        return ["fuzzy"]
    if not entry.translated():
        return ["untranslated"]
    if entry.msgid_plural:
        source = placeholders(entry.msgid_plural, entry.flags)
        translations = [entry.msgstr_plural[n] for n in sorted(entry.msgstr_plural)]
        # French's singular may say "Un" instead of the count.
        matches = set(placeholders(translations[-1], entry.flags)) == set(source)
    else:
        translations = [entry.msgstr]
        matches = placeholders(entry.msgstr, entry.flags) == placeholders(
            entry.msgid, entry.flags
        )
    problems = [] if matches else ["placeholders differ from the msgid"]
    # A translator comment "Verbatim: why" keeps text that code or data
    # reads as it is (a CSV separator).
    if entry.tcomment.startswith("Verbatim:"):
        return problems
    for text in translations:
        problems += typography_problems(text)
    return problems


def test_every_entry_is_translated_and_typeset_in_canadian_french():
    catalogue = polib.pofile(str(CATALOGUE))
    report = [
        f"{entry.linenum}: {entry.msgid[:60]!r}: {problem}"
        for entry in catalogue
        for problem in entry_problems(entry)
    ]
    assert not report, "\n".join(report)


@pytest.mark.parametrize(
    "msgstr",
    [
        "Jusqu'au 4 février",
        'Le guide "Embaucher"',
        "Le guide “Embaucher”",
        "Courriel :",
        "Courriel:",
        "Vraiment ?",
        "Le guide «Embaucher»",
        "Date\u202f: 4 février",
    ],
)
def test_the_check_catches_english_typography(msgstr):
    assert typography_problems(msgstr)


@pytest.mark.parametrize(
    "msgstr",
    [
        "Jusqu’au 4 février, de 9 h à 11 h",
        "Le guide «\u00a0Embaucher\u00a0»",
        "Courriel\u00a0: %(email)s",
        '<a href="https://example.org/?a=1&amp;b=2">Lien</a>\u00a0!',
        "Un contraste de %(ratio).2f:1, au moins 4.5:1",
        "Par exemple /guides/?topic=recruiting, et/ou\u00a0?",
        "Bonjour {name}, écrivez à aide@example.org",
    ],
)
def test_the_check_leaves_markup_placeholders_addresses_and_times(msgstr):
    assert typography_problems(msgstr) == []


def test_the_check_catches_a_changed_placeholder():
    entry = polib.POEntry(
        msgid="Hello %(name)s", msgstr="Bonjour %(nom)s", flags=["python-format"]
    )

    assert entry_problems(entry) == ["placeholders differ from the msgid"]


def test_the_compiled_catalogue_holds_every_translation():
    """The committed .mo is compiled from the .po as it stands (compilemessages)."""
    compiled = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural
        for entry in polib.mofile(str(CATALOGUE.with_suffix(".mo")))
    }
    written = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural
        for entry in polib.pofile(str(CATALOGUE)).translated_entries()
    }
    assert {
        key: text for key, text in written.items() if compiled.get(key) != text
    } == {}
