"""The Qt-free helpers behind the interview screens (services/interview_session.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from capnum_desktop.services.answers import AnswerInput, save_answer
from capnum_desktop.services.errors import ConsentRequiredError
from capnum_desktop.services.interview_session import (
    NewInterviewRequest,
    begin_interview,
    load_interview_session,
    load_new_interview_context,
    peek_participant_code,
)
from capnum_desktop.services.interviews import ConsentInput, set_position
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.storage.models import Interviewer, Participant


def request(store: DataStore, consent: ConsentInput, **profile: object) -> NewInterviewRequest:
    site = load_new_interview_context(store).sites[0]
    return NewInterviewRequest(site_id=site.id, interviewer_name="Awa", consent=consent, profile=dict(profile))


def test_refused_consent_writes_nothing(demo_store: DataStore):
    no = ConsentInput(participation=False, audio_recording=True, quotation=True, recontact=True)
    with pytest.raises(ConsentRequiredError):
        begin_interview(demo_store, request(demo_store, no))
    child = ConsentInput(participation=True, audio_recording=False, quotation=False, recontact=False)
    with pytest.raises(ConsentRequiredError, match="under 15"):
        begin_interview(demo_store, request(demo_store, child, age_range="under_15"))
    with demo_store.session() as session:
        assert session.scalar(select(func.count()).select_from(Participant)) == 0
        assert session.scalar(select(func.count()).select_from(Interviewer)) == 0


def test_session_holds_what_the_page_needs(demo_store: DataStore):
    site = load_new_interview_context(demo_store).sites[0]
    assert peek_participant_code(demo_store, site.id) == "BAG-001"
    consent = ConsentInput(participation=True, audio_recording=True, quotation=False, recontact=False)
    interview_id = begin_interview(demo_store, request(demo_store, consent, age_range="40-59", gender=None))
    save_answer(demo_store, interview_id, "liens_pays", AnswerInput(value="Haïti", prompts_used=()))
    set_position(demo_store, interview_id, "liens_pays")
    session = load_interview_session(demo_store, interview_id)
    assert session.participant_code == "BAG-001" and session.audio_consent
    assert session.profile == {"age_range": "40-59"}  # empty profile fields are not stored
    assert session.answers["liens_pays"].value == "Haïti"
    assert session.current_question_id == "liens_pays"
    assert peek_participant_code(demo_store, site.id) == "BAG-002"
