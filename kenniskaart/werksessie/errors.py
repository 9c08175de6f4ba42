"""Werksessie errors: ``str(e)`` is always a Dutch message meant for the user."""

from __future__ import annotations


class WerksessieError(Exception):
    """Base error; ``str(e)`` is a Dutch message meant for the user."""


class RoomNotFound(WerksessieError):
    def __init__(self, msg: str = "Deze sessiecode bestaat niet. Controleer de code en probeer het opnieuw."):
        super().__init__(msg)


class RoomClosed(WerksessieError):
    def __init__(self, msg: str = "Deze sessie is gesloten: er kunnen geen antwoorden meer bij."):
        super().__init__(msg)


class RoomExpired(WerksessieError):
    def __init__(self, msg: str = "Deze sessie is verlopen en niet meer beschikbaar."):
        super().__init__(msg)


class NotAllowed(WerksessieError):
    def __init__(self, msg: str = "Deze link geeft geen toegang tot deze actie."):
        super().__init__(msg)


class StorageUnavailable(WerksessieError):
    def __init__(self, msg: str = ("De opslag van werksessies is nu niet bereikbaar. "
                                   "Probeer het over een minuut opnieuw.")):
        super().__init__(msg)


class SchemaMismatch(StorageUnavailable):
    def __init__(self, found: str, expected: int):
        super().__init__(
            f"De database van de werksessies heeft schemaversie {found}, deze app verwacht versie "
            f"{expected}. Werk de app bij of gebruik een andere database."
        )
