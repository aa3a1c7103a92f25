"""Names of the per-machine settings (the `local_setting` table), so that GUI, CLI and start-up agree."""

INTERVIEWER_NAME = "interviewer_name"
UI_LANGUAGE = "ui_language"  # "fr" | "en"
FONT_SIZE = "font_size"  # points
SYNC_FOLDER = "sync_folder"
KEEP_UNCOMPRESSED_AUDIO = "keep_uncompressed_audio"
AUDIO_INPUT_DEVICE = "audio_input_device"
