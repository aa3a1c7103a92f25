"""Fixtures for service tests: the language of the messages raised by the Qt-free layers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from capnum_desktop.domain.messages import message_language, set_message_language


@pytest.fixture
def french_messages() -> Iterator[None]:
    """Messages in French for one test, as the GUI sets them; English again afterwards (the CLI's and tests')."""
    assert message_language() == "en", "a previous test left the messages in another language"
    assert set_message_language("fr") == "fr"
    try:
        yield
    finally:
        set_message_language("en")
