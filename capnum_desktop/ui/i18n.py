"""Translators: our own `capnum_fr.qm` plus Qt's `qtbase_fr.qm`, so standard buttons speak French too.

Source strings are English; French is the default for the field. The language is chosen once at start-up
(and again after the data folder is open, when a saved setting says otherwise), before any widget exists:
a change in the settings takes effect at the next start.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from capnum_desktop.bundled import resource_path

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"

_installed: list[QTranslator] = []  # kept alive here: Qt does not own installed translators
_current = "en"


def system_language() -> str:
    """English when the system speaks English, else French (the field's language)."""
    return "en" if QLocale.system().language() == QLocale.Language.English else DEFAULT_LANGUAGE


def normalize_language(value: object) -> str | None:
    return value if isinstance(value, str) and value in LANGUAGES else None


def qm_path(lang: str) -> str:
    return str(resource_path("translations", f"capnum_{lang}.qm"))


def apply_language(lang: str) -> str:
    """Install the translators for `lang` (replacing earlier ones); returns the language in effect."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("apply_language needs a QApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    global _current
    _current = normalize_language(lang) or DEFAULT_LANGUAGE
    from capnum_desktop.domain.messages import set_message_language  # messages of the Qt-free layers (gettext)

    set_message_language(_current)
    if _current != "en":
        ours = QTranslator(app)
        if ours.load(qm_path(_current)):
            app.installTranslator(ours)
            _installed.append(ours)
        qt_own = QTranslator(app)
        if qt_own.load(f"qtbase_{_current}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
    QLocale.setDefault(QLocale(QLocale.Language.French if _current == "fr" else QLocale.Language.English))
    return _current


def current_language() -> str:
    return _current
