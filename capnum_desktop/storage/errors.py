"""Errors of the data core that a user can act on (the CLI prints them and exits 2; the GUI shows a dialog)."""


class StorageError(Exception):
    """Base class: the message is meant for a person."""


class DatabaseTooNewError(StorageError):
    pass


class DataDirLockedError(StorageError):
    pass


class DatabaseCorruptError(StorageError):
    pass


class DiskFullError(StorageError):
    pass


class DatabaseBusyError(StorageError):
    """Another connection kept the database locked longer than the busy timeout (an import, a long export)."""
