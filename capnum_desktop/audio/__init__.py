"""audio layer: crash-safe PCM -> WAV writer, header repair, Opus transcode, levels, synthetic speech (no Qt)."""
