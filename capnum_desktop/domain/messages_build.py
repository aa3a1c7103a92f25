"""Rebuild the message catalogue of the Qt-free layers: `python -m capnum_desktop.domain.messages_build`.

Extracts every `_()` / `ngettext()` message from `capnum_desktop/` (not `ui/` nor `app.py`: the GUI uses Qt's
`tr()` and `resources/translations/capnum_fr.ts`), merges them into
`resources/translations/messages/<lang>/LC_MESSAGES/capnum.po` (translations kept; a message that disappears is
kept as obsolete `#~` and its translation comes back if the message does), then compiles `capnum.mo`.
Translate the empty `msgstr ""` in the .po with a text editor (or Poedit), then run this again.
`--check` changes nothing and exits 1 if the .po or the .mo is out of date or a message is untranslated (CI).

A development tool: it needs Babel (a dev dependency); the app itself reads the .mo with the stdlib's gettext.
"""

from __future__ import annotations

import argparse
import gettext
import io
import os
import sys
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from capnum_desktop.domain.messages import DOMAIN

PACKAGE_DIR = Path(__file__).resolve().parents[1]
MESSAGES_DIR = PACKAGE_DIR.parent / "resources" / "translations" / "messages"
LANGUAGES = ("fr",)
KEYWORDS = {"_": None, "ngettext": (1, 2)}
SKIPPED_DIRS = ("ui",)  # Qt's catalogue
METHOD_MAP = [("app.py", "ignore"), ("**.py", "python")]
PO_WIDTH = 116


def po_path(lang: str) -> Path:
    return MESSAGES_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str) -> Path:
    return MESSAGES_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def _wanted_dir(path: str) -> bool:
    name = os.path.basename(path)
    return name not in SKIPPED_DIRS and not name.startswith((".", "_"))


def extract_template() -> Catalog:
    """Every message of the source code, in file order, with the files that use it (no line numbers: stable)."""
    template = Catalog(project="CapNum Desktop", domain=DOMAIN, fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE_DIR,
        method_map=METHOD_MAP,
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
        directory_filter=_wanted_dir,
    ):
        text = message if isinstance(message, str) else message[0]
        flags = ("python-brace-format",) if "{" in text else ()
        location = (f"capnum_desktop/{Path(filename).as_posix()}", lineno)
        template.add(message, None, [location], auto_comments=comments, context=context, flags=flags)
    return template


HEADER_COMMENT = """\
# Messages of CapNum Desktop's Qt-free layers (services, storage, audio, bundles, exports).
# Source: English strings in capnum_desktop/ (not ui/). Update with: python -m capnum_desktop.domain.messages_build
# French typography: U+202F (narrow no-break space) before ? ! : ; and inside « », apostrophe ’.
#"""


def _new_catalog(lang: str) -> Catalog:
    return Catalog(
        locale=lang,
        domain=DOMAIN,
        header_comment=HEADER_COMMENT,
        project="CapNum Desktop",
        copyright_holder="CapNum Desktop developers",
        msgid_bugs_address="",
        last_translator="CapNum Desktop developers",
        language_team="CapNum Desktop developers",
        fuzzy=False,
    )


def read_catalog(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.exists():
        return _new_catalog(lang)
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def _msgid(message: Message) -> str:
    """The (singular) English text: the key of a message in a catalogue."""
    return message.id if isinstance(message.id, str) else message.id[0]


def _forms(message: Message) -> list[str]:
    """The translation, one string per plural form ("" when untranslated)."""
    if isinstance(message.string, str):
        return [message.string]
    return list(message.string or ())


def merge(catalog: Catalog, template: Catalog) -> Catalog:
    """Update `catalog` to the template's messages; translations of messages that come back are restored."""
    known = {_msgid(m): m.string for m in catalog.obsolete.values() if any(_forms(m))}
    catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
    for message in catalog:
        if not message.id:
            continue
        if not any(_forms(message)) and _msgid(message) in known:
            message.string = known[_msgid(message)]
        catalog.obsolete.pop(_msgid(message), None)
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=PO_WIDTH, include_lineno=False)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def translations_of(catalog: Catalog) -> dict[str, str]:
    """What a compiled catalogue must answer: every translated, non-fuzzy message (plural forms joined by NUL)."""
    table: dict[str, str] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        forms = _forms(message)
        if isinstance(message.id, str):
            if forms[0]:
                table[message.id] = forms[0]
        elif all(forms):
            for n, form in enumerate(forms):
                table[f"{_msgid(message)}\x00{n}"] = form
    return table


def mo_translations(data: bytes) -> dict[str, str]:
    compiled = gettext.GNUTranslations(io.BytesIO(data))
    table: dict[str, str] = {}
    for key, value in compiled._catalog.items():  # type: ignore[attr-defined]  # the parsed .mo table
        if isinstance(key, tuple):
            table[f"{key[0]}\x00{key[1]}"] = value
        elif key:
            table[key] = value
    return table


def problems(lang: str) -> list[str]:
    """Why the committed catalogue of `lang` is not what a rebuild would give, or not fully translated."""
    found: list[str] = []
    template = extract_template()
    current = read_catalog(lang)
    wanted = {_msgid(m) for m in template if m.id}
    have = {_msgid(m) for m in current if m.id}
    found += [f"not in {po_path(lang).name}: {msgid!r}" for msgid in sorted(wanted - have)]
    found += [f"no longer in the code: {msgid!r}" for msgid in sorted(have - wanted)]
    for message in current:
        if not message.id:
            continue
        if message.fuzzy:
            found.append(f"fuzzy: {_msgid(message)!r}")
        elif not all(_forms(message)):
            found.append(f"untranslated: {_msgid(message)!r}")
    mo = mo_path(lang)
    if not mo.exists() or mo_translations(mo.read_bytes()) != translations_of(current):
        found.append(f"{mo} is out of date: run python -m capnum_desktop.domain.messages_build")
    return found


def build(lang: str) -> tuple[int, int]:
    """Write the merged .po and its .mo; returns (messages, untranslated)."""
    catalog = merge(read_catalog(lang), extract_template())
    po_path(lang).parent.mkdir(parents=True, exist_ok=True)
    po_path(lang).write_bytes(po_bytes(catalog))
    catalog = read_catalog(lang)  # compile what is on disk, exactly
    mo_path(lang).write_bytes(mo_bytes(catalog))
    messages = [m for m in catalog if m.id]
    untranslated = [m for m in messages if not all(_forms(m)) or m.fuzzy]
    return len(messages), len(untranslated)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a rebuild would change files")
    args = parser.parse_args(argv)
    if args.check:
        found = [f"{lang}: {p}" for lang in LANGUAGES for p in problems(lang)]
        print("\n".join(found) or "message catalogues up to date")
        return 1 if found else 0
    for lang in LANGUAGES:
        total, untranslated = build(lang)
        print(f"{po_path(lang)} -> {mo_path(lang)}: {total} messages, {untranslated} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
