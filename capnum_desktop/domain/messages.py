"""Translation of the messages raised by the Qt-free layers (services, storage, audio, bundles, exports, domain).

English source strings, wrapped in `_()` (or `ngettext()`), with `{name}` placeholders filled by `.format()`
after translation. The French catalogue is `resources/translations/messages/fr/LC_MESSAGES/capnum.mo`, built by
`python -m capnum_desktop.domain.messages_build`. A message is translated when the exception is raised, in the
language in effect then: English by default (the `capnum` command, scripts and tests rely on it); the GUI sets
its own language at start-up through `set_message_language`. The GUI's own strings use Qt's catalogue instead.
"""

from __future__ import annotations

import gettext
import threading

DOMAIN = "capnum"
LANGUAGES = ("en", "fr")
SOURCE_LANGUAGE = "en"

_lock = threading.Lock()
_language = SOURCE_LANGUAGE
_translations: gettext.NullTranslations = gettext.NullTranslations()


def catalogue_dir() -> str:
    """`resources/translations/messages`, wherever the resources are (checkout, wheel, PyInstaller bundle)."""
    from capnum_desktop.bundled import resource_path  # stdlib-only module; imported late: English needs no file

    return str(resource_path("translations", "messages"))


def set_message_language(lang: str) -> str:
    """Translate the messages raised from now on into `lang`; returns the language in effect.

    An unknown language, or a catalogue that cannot be found, falls back to the English source strings.
    """
    global _language, _translations
    with _lock:
        if lang not in LANGUAGES or lang == SOURCE_LANGUAGE:
            _language, _translations = SOURCE_LANGUAGE, gettext.NullTranslations()
            return _language
        try:
            _translations = gettext.translation(DOMAIN, catalogue_dir(), languages=[lang])
            _language = lang
        except OSError:  # no catalogue (or no resources folder): English rather than no message at all
            _language, _translations = SOURCE_LANGUAGE, gettext.NullTranslations()
        return _language


def message_language() -> str:
    return _language


def _(message: str) -> str:
    """The message in the current language (unchanged in English or when it has no translation yet)."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Singular or plural form for `count`, by the rules of the current language (French: 0 and 1 are singular)."""
    return _translations.ngettext(singular, plural, count)
