"""Long typed text (a phone field holding two numbers and who to ask for, a long place) travels in bundles.

SQLite and the forms keep any length; a bundle schema stricter than that would block the laptop's every sync.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from capnum_desktop.services.bundle_export import export_bundle
from capnum_desktop.services.bundle_import import import_bundles
from capnum_desktop.services.interviews import ConsentInput, start_interview
from capnum_desktop.services.participants import ContactInput, create_participant, ensure_interviewer
from capnum_desktop.services.studies import load_embedded_study
from capnum_desktop.services.study_package import export_study_package, import_study_package
from capnum_desktop.storage.models import Consent, Contact, Interview, Interviewer, Site
from tests.bundles.conftest import StoreFactory

PHONE = ("06 12 34 56 78 (sa fille Samira) ou le soir 01 43 60 12 34, pas le mardi. " * 7)[:500]
PLACE = ("Centre social des Bosquets, salle du fond, après l’atelier couture du jeudi. " * 7)[:500]
NAME = ("Mme Khadija Benyoucef épouse Martin, dite « Tata Kha », " * 10)[:500]


def test_500_character_contact_place_and_names_round_trip(make_store: StoreFactory, tmp_path: Path) -> None:
    coord = make_store("coord")
    study_id = load_embedded_study(coord)
    package = export_study_package(coord, tmp_path).path
    laptop = make_store("laptop")
    import_study_package(laptop, package)
    with laptop.session() as session:
        site_id = session.scalars(select(Site.id).order_by(Site.code)).first()
    assert site_id is not None
    contact = ContactInput(full_name=NAME, phone=PHONE, email=None, address=PLACE)
    participant_id = create_participant(laptop, site_id=site_id, contact=contact)
    interviewer_id = ensure_interviewer(laptop, NAME, study_id)
    consent = ConsentInput(True, True, True, True, guardian_name=NAME)
    interview_id = start_interview(
        laptop, participant_id=participant_id, interviewer_id=interviewer_id, consent=consent, place=PLACE
    )

    bundle = export_bundle(laptop, tmp_path / "out", encrypt=False)
    result = import_bundles(coord, [bundle.path])[0]
    assert result.error is None

    with coord.session() as session:
        got = session.scalars(select(Contact).where(Contact.participant_id == participant_id)).one()
        assert (got.phone, got.full_name, got.address) == (PHONE, NAME, PLACE)
        assert session.get(Interview, interview_id).place == PLACE  # type: ignore[union-attr]
        assert session.scalars(select(Consent.guardian_name).where(Consent.interview_id == interview_id)).one() == NAME
        assert session.get(Interviewer, interviewer_id).name == NAME  # type: ignore[union-attr]
