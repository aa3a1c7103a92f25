"""The real Qt capture path: a virtual PulseAudio microphone, the RecorderPanel, the interview's recording."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from capnum_desktop.services.recording_queries import list_recordings
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui.audio.recorder_panel import RecorderPanel
from capnum_desktop.ui.jobs import JobRunner
from tests.audio.sound import decode, speech_span_ms
from tests.audio.virtual_mic import VirtualMic


def _panel(qtbot: QtBot, store: DataStore, interview_id: str, **kwargs: object) -> RecorderPanel:
    panel = RecorderPanel(store, kwargs.pop("jobs", None), interview_id, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    return panel


def _play_async(mic: VirtualMic, wav: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(mic.play_command(wav))


@pytest.mark.slow
def test_speech_into_the_microphone_ends_up_in_the_interview_recording(
    qtbot: QtBot, demo_store: DataStore, interview_id: str, virtual_mic: VirtualMic, speech_wav: Path
) -> None:
    jobs = JobRunner()
    panel = _panel(qtbot, demo_store, interview_id, jobs=jobs)
    assert panel.record_button.isEnabled(), panel.status.text()
    assert panel.device_box.count() >= 1
    panel.start()
    assert panel.recording and panel.capture is not None
    # The capture pipeline settles (PLATFORM.md): play once 1 s of audio is in the file, however long the stream
    # took to start on a loaded machine.
    qtbot.waitUntil(lambda: (panel.offset_ms() or ("", 0))[1] >= 1000, timeout=10_000)
    player = _play_async(virtual_mic, speech_wav)
    qtbot.waitUntil(lambda: player.poll() is not None, timeout=20_000)
    qtbot.wait(600)
    offset = panel.offset_ms()
    assert offset is not None and offset[1] > 4000
    with qtbot.waitSignal(panel.processed, timeout=60_000):
        recording_id = panel.stop()
    assert not panel.recording and panel.record_button.isEnabled()

    [row] = list_recordings(demo_store, interview_id)
    assert (row.id, row.state, row.codec) == (recording_id, "ready", "opus")
    recorded = speech_span_ms(decode(row.path))
    source = speech_span_ms(decode(speech_wav))
    assert abs((recorded[1] - recorded[0]) - (source[1] - source[0])) <= 300, (recorded, source)
    assert recorded[0] >= 900  # the speech starts after the first second, not at 0: it is the played utterance
    qtbot.wait(100)


@pytest.mark.slow
def test_microphone_that_stops_delivering_sound_stops_cleanly_and_keeps_the_recording(
    qtbot: QtBot, demo_store: DataStore, interview_id: str, virtual_mic: VirtualMic
) -> None:
    """What an unplugged USB microphone looks like to an application: the stream stops delivering data.

    (Unloading the PulseAudio source is no test: PulseAudio moves the stream to the next source, and Qt keeps
    recording from it. Suspending the source starves the stream, as a vanished ALSA device does.)
    """
    panel = _panel(qtbot, demo_store, interview_id, process_after_stop=False)
    panel.start()
    qtbot.waitUntil(lambda: (panel.offset_ms() or ("", 0))[1] >= 1500, timeout=10_000)
    virtual_mic.pactl("suspend-source", "vmic", "1")
    try:
        with qtbot.waitSignal(panel.recording_stopped, timeout=15_000):
            pass
        text = panel.status.text()
        assert "stopped working" in text and "was kept" in text, text
        [row] = list_recordings(demo_store, interview_id)
        assert row.state == "finished" and row.duration_ms >= 1500
        assert panel.record_button.isEnabled()
    finally:
        virtual_mic.pactl("suspend-source", "vmic", "0")
        qtbot.wait(300)


def test_no_microphone_disables_recording_and_says_why(qtbot: QtBot, demo_store: DataStore, interview_id: str) -> None:
    panel = _panel(qtbot, demo_store, interview_id, devices=list)
    assert not panel.record_button.isEnabled()
    assert "No microphone found" in panel.record_button.toolTip()
    assert "No microphone found" in panel.status.text()
    panel.toggle()  # a shortcut pressed anyway changes nothing
    assert list_recordings(demo_store, interview_id) == []


def test_no_audio_consent_disables_recording_and_says_why(qtbot: QtBot, demo_store: DataStore, make_interview) -> None:  # type: ignore[no-untyped-def]
    interview_id = make_interview(audio=False)
    panel = _panel(qtbot, demo_store, interview_id)
    assert not panel.record_button.isEnabled()
    assert "did not consent to audio recording" in panel.record_button.toolTip()
