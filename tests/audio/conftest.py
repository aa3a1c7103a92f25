"""Audio test fixtures: interviews with/without audio consent, speech WAVs, and a virtual PulseAudio microphone.

The microphone (tests/audio/virtual_mic.py, shared with benchmarks/audio_capture.py) is started from
`pytest_configure` (run when this conftest is imported, i.e. during collection, before any test runs) rather
than lazily in a fixture: Qt Multimedia connects to the sound server once, the first time any test in the
process touches QMediaDevices/QMediaPlayer, and a server started after that would never be seen. Everything
started here is stopped by PID in `pytest_unconfigure`.
"""

from __future__ import annotations

import wave
from collections.abc import Callable
from pathlib import Path

import pytest

from capnum_desktop.services.interviews import ConsentInput, start_interview
from capnum_desktop.services.participants import create_participant, ensure_interviewer
from capnum_desktop.services.studies import list_studies
from capnum_desktop.storage.datastore import DataStore
from tests.audio.virtual_mic import VirtualMic

_MIC = VirtualMic()


def pytest_configure(config: pytest.Config) -> None:
    _MIC.start()


def pytest_unconfigure(config: pytest.Config) -> None:
    _MIC.stop()


@pytest.fixture
def virtual_mic() -> VirtualMic:
    if _MIC.skip_reason:
        pytest.skip(_MIC.skip_reason)
    return _MIC


# --- interviews -------------------------------------------------------------------------------------------------

StartInterview = Callable[..., str]


@pytest.fixture
def make_interview(demo_store: DataStore) -> StartInterview:
    def start(*, audio: bool = True) -> str:
        study = list_studies(demo_store)[0]
        participant = create_participant(demo_store, site_id=study.sites[0].id, profile={"age_range": "25-39"})
        interviewer = ensure_interviewer(demo_store, "Awa Diallo", study.id)
        consent = ConsentInput(participation=True, audio_recording=audio, quotation=True, recontact=False)
        return start_interview(demo_store, participant_id=participant, interviewer_id=interviewer, consent=consent)

    return start


@pytest.fixture
def interview_id(make_interview: StartInterview) -> str:
    return make_interview(audio=True)


# --- sound ------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def speech_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 4 s of French speech (espeak-ng), 16 kHz mono; synthetic speech-like sound where espeak-ng is absent."""
    from capnum_desktop.audio.synth import espeak_available, espeak_pcm, speechlike_pcm

    text = "Bonjour. Pour la CAF, c'est ma fille qui remplit le dossier sur internet, le soir après l'école."
    pcm = espeak_pcm(text, rate=16000, speed=175) if espeak_available() else speechlike_pcm(4.0, rate=16000, seed=3)
    path = tmp_path_factory.mktemp("speech") / "speech.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(pcm)
    return path
