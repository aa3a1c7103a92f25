"""Errors a person can act on; the CLI prints the message and exits 2, the GUI shows it in a dialog."""


class ServiceError(Exception):
    """Bad input or a refused operation, with a message meant for the user."""


class NotFoundError(ServiceError):
    pass


class ConsentRequiredError(ServiceError):
    pass


class GridConflictError(ServiceError):
    pass
