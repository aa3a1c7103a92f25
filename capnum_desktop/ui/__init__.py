"""PySide6 only: windows, dialogs, widgets, Qt item models, the background-job helper, translations."""
