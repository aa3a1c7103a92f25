"""Display texts shared by the dashboard parts: interview statuses, durations, dates."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from capnum_desktop.domain.status import InterviewStatus


def status_label(status: str) -> str:
    labels = {
        InterviewStatus.IN_PROGRESS.value: QCoreApplication.translate("Dashboard", "In progress"),
        InterviewStatus.COMPLETED.value: QCoreApplication.translate("Dashboard", "Completed"),
        InterviewStatus.ABANDONED.value: QCoreApplication.translate("Dashboard", "Abandoned"),
    }
    return labels.get(status, status)


def duration_label(started: datetime, ended: datetime | None) -> str:
    if ended is None:
        return ""
    minutes = max(0, round((ended - started).total_seconds() / 60))
    if minutes < 60:
        return QCoreApplication.translate("Dashboard", "%1 min").replace("%1", str(minutes))
    return (
        QCoreApplication.translate("Dashboard", "%1 h %2")
        .replace("%1", str(minutes // 60))
        .replace("%2", f"{minutes % 60:02d}")
    )


class DateFormatter:
    """Local date and time in the UI language's usual order; the format is read once, not per cell."""

    def __init__(self) -> None:
        # Translators: a Python strftime format for the "Started" column.
        self.pattern = QCoreApplication.translate("Dashboard", "%Y-%m-%d %H:%M")

    def __call__(self, moment: datetime) -> str:
        return moment.astimezone().strftime(self.pattern)
