"""A participant code names one person only, even after that person was erased."""

from __future__ import annotations

from sqlalchemy import select

from capnum_desktop.services.erasure import erase_participant
from capnum_desktop.services.participants import create_participant
from capnum_desktop.services.studies import list_studies
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Participant


def _code(store: DataStore, participant_id: str) -> str:
    with store.session() as session:
        code = session.scalar(select(Participant.code).where(Participant.id == participant_id))
    assert code is not None
    return code


def test_the_code_of_an_erased_participant_is_never_given_again(demo_store: DataStore) -> None:
    sites = list_studies(demo_store)[0].sites
    site, other_site = sites[0].id, sites[1].id
    first = create_participant(demo_store, site_id=site)
    last = create_participant(demo_store, site_id=site)
    elsewhere = create_participant(demo_store, site_id=other_site)
    assert _code(demo_store, last).endswith("-002")
    erase_participant(demo_store, last, reason="retrait")
    erase_participant(demo_store, first, reason="retrait")
    assert _code(demo_store, create_participant(demo_store, site_id=site)).endswith("-003")
    # Each site keeps its own numbering.
    assert _code(demo_store, elsewhere).endswith("-001")
    assert _code(demo_store, create_participant(demo_store, site_id=other_site)).endswith("-002")
