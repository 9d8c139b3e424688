"""Bokmål is the default language: every string in the catalogue is translated,
and the compiled catalogue the site loads matches the source."""

import gettext
from pathlib import Path

from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "nb" / "LC_MESSAGES"


def _catalog():
    with (LOCALE / "django.po").open("rb") as handle:
        return read_po(handle)


def test_every_message_has_a_norwegian_translation():
    missing = [
        message.id
        for message in _catalog()
        if message.id
        and (
            not all(message.string if isinstance(message.string, tuple) else [message.string])
            or message.fuzzy
        )
    ]
    assert missing == []


def test_compiled_catalogue_matches_the_source():
    with (LOCALE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in _catalog():
        if not message.id or message.pluralizable:
            continue
        msgid = message.id
        if message.context:
            assert compiled.pgettext(message.context, msgid) == message.string, msgid
        else:
            assert compiled.gettext(msgid) == message.string, msgid
