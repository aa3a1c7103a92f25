"""age keys: generate the coordinator's identity + recipient, set the study's recipient, remember the identity."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from capnum_desktop.bundles.crypto import load_identity, parse_recipient, read_recipient_text
from capnum_desktop.bundles.safety import BundleError
from capnum_desktop.domain.messages import _
from capnum_desktop.services.bundle_open import IDENTITY_FILE_SETTING
from capnum_desktop.services.errors import NotFoundError, ServiceError
from capnum_desktop.services.settings import get_setting, set_setting
from capnum_desktop.services.studies import default_study_id
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.files import write_atomic
from capnum_desktop.storage.models import Study

IDENTITY_FILE = "identity.txt"
RECIPIENT_FILE = "recipient.txt"


@dataclass(frozen=True)
class GeneratedKeys:
    identity_file: Path
    recipient_file: Path
    recipient: str


def generate_keys(folder: Path) -> GeneratedKeys:
    """Write DIR/identity.txt (private, mode 0600) and DIR/recipient.txt; never overwrite an identity."""
    from capnum_desktop.bundles.crypto import generate_identity

    identity_file, recipient_file = folder / IDENTITY_FILE, folder / RECIPIENT_FILE
    if identity_file.exists():
        raise ServiceError(
            _("{path} already exists: an identity is never overwritten (bundles need it)").format(path=identity_file)
        )
    folder.mkdir(parents=True, exist_ok=True)
    text, recipient = generate_identity()
    tmp = folder / f".{IDENTITY_FILE}.{os.getpid()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # private from the first byte
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, identity_file)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    write_atomic(recipient_file, f"{recipient}\n".encode())
    return GeneratedKeys(identity_file, recipient_file, recipient)


def set_study_recipient(store: DataStore, key_or_file: str | None, study_id: str | None = None) -> str | None:
    """Set (or clear with None/"") the coordinator recipient; it travels to laptops in the study package."""
    recipient = None
    if key_or_file:
        try:
            recipient = read_recipient_text(key_or_file)
            parse_recipient(recipient)
        except BundleError as exc:
            raise ServiceError(str(exc)) from exc
    study_id = study_id or default_study_id(store)
    with store.session_factory.begin() as session:
        study = session.get(Study, study_id)
        if study is None:
            raise NotFoundError(_("No study {id}.").format(id=study_id))
        if study.coordinator_recipient != recipient:
            study.coordinator_recipient = recipient
            study.touch(store.device_id)
    return recipient


def remember_identity(store: DataStore, identity_file: Path | None) -> None:
    """This laptop is the coordinator's: import decrypts with this identity when none is given."""
    if identity_file is None:
        set_setting(store, IDENTITY_FILE_SETTING, None)
        return
    try:
        load_identity(identity_file)
    except BundleError as exc:
        raise ServiceError(str(exc)) from exc
    set_setting(store, IDENTITY_FILE_SETTING, str(identity_file.resolve()))


def remembered_identity(store: DataStore) -> Path | None:
    value = get_setting(store, IDENTITY_FILE_SETTING)
    return Path(value) if value else None
