"""Qt side of audio: microphone capture, the recorder panel, the review player."""
