"""age encryption (X25519 recipients) streamed file to file with pyrage: memory stays at one age chunk.

The output is plain age (`age-encryption.org/v1` header, no framing of ours), so `age -d -i identity.txt`
opens it as well.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

import pyrage
from pyrage import x25519

from capnum_desktop.bundles.safety import BundleError
from capnum_desktop.domain.messages import _

AGE_MAGIC = b"age-encryption.org/v1\n"
SECRET_PREFIX = "AGE-SECRET-KEY-1"
RECIPIENT_PREFIX = "age1"


def is_age_file(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(AGE_MAGIC)) == AGE_MAGIC


def parse_recipient(text: str) -> x25519.Recipient:
    value = text.strip()
    if not value.startswith(RECIPIENT_PREFIX):
        raise BundleError(
            _("not an age recipient (expected a key starting with '{prefix}'): {value!r}").format(
                prefix=RECIPIENT_PREFIX, value=value[:20]
            )
        )
    try:
        return x25519.Recipient.from_str(value)
    except Exception as exc:  # pyrage raises RecipientError or ValueError depending on the defect
        raise BundleError(_("invalid age recipient {value}…: {error}").format(value=value[:20], error=exc)) from exc


def read_recipient_text(key_or_file: str) -> str:
    """A key (`age1…`) given inline, or a file holding one (comments allowed, as `age-keygen` writes them)."""
    if key_or_file.strip().startswith(RECIPIENT_PREFIX):
        return key_or_file.strip()
    path = Path(key_or_file).expanduser()
    if not path.is_file():
        raise BundleError(
            _("{value} is neither an age recipient (age1…) nor a readable file").format(value=key_or_file)
        )
    for line in path.read_text("utf-8", errors="replace").splitlines():
        line = line.strip()
        if line.startswith(RECIPIENT_PREFIX):
            return line
        if line.startswith("# public key: "):
            return line.removeprefix("# public key: ").strip()
    raise BundleError(_("{path} holds no age recipient (a line starting with age1…)").format(path=path))


def load_identity(path: Path) -> x25519.Identity:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BundleError(_("cannot read the identity file {path}: {error}").format(path=path, error=exc)) from exc
    for line in text.splitlines():
        line = line.strip()
        if line.startswith(SECRET_PREFIX):
            try:
                return x25519.Identity.from_str(line)
            except Exception as exc:
                raise BundleError(
                    _("{path} holds an invalid age identity: {error}").format(path=path, error=exc)
                ) from exc
    raise BundleError(
        _("{path} holds no age identity (a line starting with {prefix})").format(path=path, prefix=SECRET_PREFIX)
    )


def generate_identity() -> tuple[str, str]:
    """Returns (identity file text in age-keygen's layout, recipient)."""
    identity = x25519.Identity.generate()
    recipient = str(identity.to_public())
    created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    text = f"# created: {created}\n# public key: {recipient}\n{identity}\n"
    return text, recipient


def encrypt_stream(source: BinaryIO, target: BinaryIO, recipients: list[x25519.Recipient]) -> None:
    try:
        pyrage.encrypt_io(source, target, recipients)
    except pyrage.EncryptError as exc:
        raise BundleError(_("encryption failed: {error}").format(error=exc)) from exc


def decrypt_file(source: Path, target: Path, identity: x25519.Identity) -> None:
    """Decrypt to `target`; any wrong key, truncation or altered byte raises BundleError (target then removed)."""
    try:
        with source.open("rb") as src, target.open("wb") as dst:
            pyrage.decrypt_io(src, dst, [identity])
    except pyrage.DecryptError as exc:
        target.unlink(missing_ok=True)
        msg = str(exc).lower()
        if "no matching keys" in msg or "no identity matched" in msg:
            raise BundleError(
                _(
                    "the identity given cannot open this bundle: it is encrypted for another key "
                    "(or its header was altered)"
                )
            ) from exc
        raise BundleError(
            _("the encrypted bundle is damaged, truncated or was altered ({error})").format(error=exc)
        ) from exc
    except (OSError, ValueError) as exc:
        target.unlink(missing_ok=True)
        raise BundleError(
            _("the encrypted bundle is damaged, truncated or was altered ({error})").format(error=exc)
        ) from exc
