"""The interview page's actions: one QAction per command, with its keys shown in menus and tooltips."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from capnum_desktop.ui.interview import shortcuts as keys


@dataclass
class PageActions:
    previous_question: QAction
    next_question: QAction
    previous_theme: QAction
    next_theme: QAction
    focus_answer: QAction
    new_note: QAction
    flag_quote: QAction
    flag_important: QAction
    flag_follow_up: QAction
    skipped: QAction
    refused: QAction
    record: QAction
    finish: QAction
    back_to_dashboard: QAction
    prompts: list[QAction]
    audio: list[QAction] = field(default_factory=list)  # added by the audio module (voice memo)

    def menu(self, owner: QObject) -> list[QAction]:
        groups = [
            [self.previous_question, self.next_question, self.previous_theme, self.next_theme, self.focus_answer],
            [self.skipped, self.refused],
            [self.new_note, self.flag_quote, self.flag_important, self.flag_follow_up],
            [self.record, *self.audio],
            [self.finish, self.back_to_dashboard],
        ]
        result: list[QAction] = []
        for group in groups:
            if result:
                separator = QAction(owner)
                separator.setSeparator(True)
                result.append(separator)
            result.extend(group)
        return result


def make_action(
    page: QWidget, text: str, shortcut: tuple[str, ...], slot: Callable[[], object], tip: str = ""
) -> QAction:
    action = QAction(text, page)
    if shortcut:
        action.setShortcuts(keys.sequences(shortcut))
        action.setToolTip(f"{tip or text.replace('&', '').rstrip('…')} ({keys.native(shortcut)})")
    elif tip:
        action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    page.addAction(action)  # active whenever the page is shown, even if the shell has no menu for it
    return action


def build_actions(page: QWidget, handler: PageHandler) -> PageActions:
    return PageActions(
        previous_question=make_action(
            page,
            QCoreApplication.translate("InterviewActions", "Previous question"),
            keys.PREVIOUS_QUESTION,
            handler.previous_question,
        ),
        next_question=make_action(
            page,
            QCoreApplication.translate("InterviewActions", "Next question"),
            keys.NEXT_QUESTION,
            handler.next_question,
        ),
        previous_theme=make_action(
            page,
            QCoreApplication.translate("InterviewActions", "Previous theme"),
            keys.PREVIOUS_THEME,
            handler.previous_theme,
        ),
        next_theme=make_action(
            page, QCoreApplication.translate("InterviewActions", "Next theme"), keys.NEXT_THEME, handler.next_theme
        ),
        focus_answer=make_action(
            page,
            QCoreApplication.translate("InterviewActions", "Go to the answer field"),
            keys.FOCUS_ANSWER,
            handler.focus_answer,
        ),
        new_note=make_action(
            page, QCoreApplication.translate("InterviewActions", "New note"), keys.NEW_NOTE, handler.new_note
        ),
        flag_quote=make_action(
            page,
            QCoreApplication.translate("InterviewActions", "Flag note as quote"),
            keys.FLAG_QUOTE,
            lambda: handler.flag_note("quote"),
            QCoreApplication.translate("InterviewActions", "Flag the note being typed, or the last one, as a quote"),
        ),
        flag_important=make_action(
            page,
            QCoreApplication.translate("InterviewActions", "Flag note as important"),
            keys.FLAG_IMPORTANT,
            lambda: handler.flag_note("important"),
        ),
        flag_follow_up=make_action(
            page,
            QCoreApplication.translate("InterviewActions", "Flag note to follow up"),
            keys.FLAG_FOLLOW_UP,
            lambda: handler.flag_note("follow_up"),
        ),
        skipped=make_action(
            page,
            QCoreApplication.translate("InterviewActions", "Mark question as skipped"),
            keys.SKIPPED,
            lambda: handler.mark("skipped"),
        ),
        refused=make_action(
            page,
            QCoreApplication.translate("InterviewActions", "Mark question as refused"),
            keys.REFUSED,
            lambda: handler.mark("refused"),
        ),
        record=make_action(
            page,
            QCoreApplication.translate("InterviewActions", "Start/stop recording"),
            keys.TOGGLE_RECORDING,
            handler.toggle_recording,
        ),
        finish=make_action(
            page, QCoreApplication.translate("InterviewActions", "Finish interview…"), keys.FINISH, handler.show_finish
        ),
        back_to_dashboard=make_action(
            page,
            QCoreApplication.translate("InterviewActions", "Back to dashboard"),
            (),
            handler.leave,
            QCoreApplication.translate("InterviewActions", "Leave this interview; it can be resumed later"),
        ),
        prompts=[
            make_action(
                page,
                QCoreApplication.translate("InterviewActions", "Tick follow-up prompt %1").replace("%1", str(n + 1)),
                (key,),
                functools.partial(handler.toggle_prompt, n),
            )
            for n, key in enumerate(keys.PROMPT)
        ],
    )


class PageHandler(Protocol):
    """What build_actions needs from the page (the page itself)."""

    def previous_question(self) -> None: ...
    def next_question(self) -> None: ...
    def previous_theme(self) -> None: ...
    def next_theme(self) -> None: ...
    def focus_answer(self) -> None: ...
    def new_note(self) -> None: ...
    def flag_note(self, flag: str) -> None: ...
    def mark(self, status: str) -> None: ...
    def toggle_recording(self) -> None: ...
    def show_finish(self) -> None: ...
    def leave(self) -> None: ...
    def toggle_prompt(self, index: int) -> None: ...
