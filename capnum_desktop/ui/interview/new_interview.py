"""New interview: who, where, the profile, the notice and consent, on one screen.

Built for speed in the field: the site and interviewer are remembered, a new pseudonym code is ready, the profile
is optional, and only the participation box must be ticked before Start. Consent boxes are never pre-ticked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from capnum_desktop.services.errors import ServiceError
from capnum_desktop.services.interview_session import (
    NewInterviewRequest,
    ParticipantChoice,
    begin_interview,
    load_new_interview_context,
    participants_of_site,
    peek_participant_code,
)
from capnum_desktop.services.participants import UNDER_15_VALUE, ContactInput
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui.interview.consent_panel import ConsentPanel
from capnum_desktop.ui.interview.page import ui_language
from capnum_desktop.ui.interview.profile_form import ProfileForm


class NewInterviewDialog(QDialog):
    def __init__(self, store: DataStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.interview_id = ""
        self.context = load_new_interview_context(store)
        self.language = ui_language(store)
        self._participants: list[ParticipantChoice] = []
        self.setWindowTitle(self.tr("New interview"))
        self.resize(1260, 700)
        columns = QHBoxLayout()
        columns.addWidget(self._who_column(), 6)
        notice = self.context.notice.get(self.language) or self.context.notice.get(self.context.study_language) or ""
        self.consent = ConsentPanel(notice, self)
        self.consent.changed.connect(self._validate)
        columns.addWidget(self.consent, 5)
        outer = QVBoxLayout(self)
        outer.addLayout(columns, 1)
        bottom = QHBoxLayout()
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(self)
        self.start_button = self.buttons.addButton(
            self.tr("&Start the interview"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._start)
        self.buttons.rejected.connect(self.reject)
        bottom.addWidget(self.reason, 1)
        bottom.addWidget(self.buttons)
        outer.addLayout(bottom)
        self._site_changed()
        self._validate()
        self.consent.participation.setFocus()

    # --- left column -----------------------------------------------------------------------------------------
    def _who_column(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 8, 0)
        form = QFormLayout()
        self.site = QComboBox(holder)
        for site in self.context.sites:
            self.site.addItem(f"{site.name} ({site.code})", site.id)
        if self.context.last_site_id:
            self.site.setCurrentIndex(max(self.site.findData(self.context.last_site_id), 0))
        self.site.currentIndexChanged.connect(lambda _i: self._site_changed())
        form.addRow(self._label(self.tr("S&ite"), self.site), self.site)
        self.interviewer = QLineEdit(self.context.interviewer_name, holder)
        self.interviewer.setPlaceholderText(self.tr("Your name"))
        self.interviewer.setCompleter(QCompleter(self.context.known_interviewers, self.interviewer))
        self.interviewer.textChanged.connect(lambda _t: self._validate())
        form.addRow(self._label(self.tr("Inter&viewer"), self.interviewer), self.interviewer)
        participant_box = QWidget(holder)
        participant_layout = QVBoxLayout(participant_box)
        participant_layout.setContentsMargins(0, 0, 0, 0)
        self.new_participant = QRadioButton(holder)
        self.new_participant.setChecked(True)
        existing_row = QHBoxLayout()
        self.existing_participant = QRadioButton(self.tr("E&xisting participant:"), holder)
        self.existing = QComboBox(holder)
        existing_row.addWidget(self.existing_participant)
        existing_row.addWidget(self.existing, 1)
        participant_layout.addWidget(self.new_participant)
        participant_layout.addLayout(existing_row)
        self.new_participant.toggled.connect(lambda _on: self._participant_changed())
        self.existing.currentIndexChanged.connect(lambda _i: self._participant_changed())
        form.addRow(self._label(self.tr("Participant"), participant_box), participant_box)
        self.place = QLineEdit(holder)
        self.place.setPlaceholderText(self.tr("Optional: community centre, café, home…"))
        form.addRow(self._label(self.tr("P&lace"), self.place), self.place)
        layout.addLayout(form)

        profile_box = QGroupBox(self.tr("Profile (can be completed later)"), holder)
        profile_layout = QVBoxLayout(profile_box)
        self.profile = ProfileForm(self.context.grid.profile, self.language, profile_box)
        profile_layout.addWidget(self.profile)
        age = self.profile.age_combo()
        if age is not None:
            age.currentIndexChanged.connect(lambda _i: self._age_changed())
        layout.addWidget(profile_box)

        self.contact_toggle = QToolButton(holder)
        self.contact_toggle.setText(self.tr("Contact (kept separately)"))
        self.contact_toggle.setCheckable(True)
        self.contact_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.contact_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.contact_toggle.setToolTip(self.tr("Only if the person agrees to be contacted again; never exported"))
        layout.addWidget(self.contact_toggle)
        self.contact_box = QWidget(holder)
        contact_form = QFormLayout(self.contact_box)
        self.full_name = QLineEdit(self.contact_box)
        self.phone = QLineEdit(self.contact_box)
        self.email = QLineEdit(self.contact_box)
        self.address = QPlainTextEdit(self.contact_box)
        self.address.setTabChangesFocus(True)
        self.address.setMaximumHeight(60)
        contact_form.addRow(self.tr("Full name"), self.full_name)
        contact_form.addRow(self.tr("Phone"), self.phone)
        contact_form.addRow(self.tr("Email"), self.email)
        contact_form.addRow(self.tr("Address"), self.address)
        self.contact_box.setVisible(False)
        self.contact_toggle.toggled.connect(self._toggle_contact)
        layout.addWidget(self.contact_box)
        layout.addStretch(1)
        scroll.setWidget(holder)
        return scroll

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _toggle_contact(self, on: bool) -> None:
        self.contact_box.setVisible(on)
        self.contact_toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    # --- reactions -------------------------------------------------------------------------------------------
    def _site_changed(self) -> None:
        site_id = self.site.currentData()
        if site_id is None:
            return
        self.new_participant.setText(
            self.tr("&New participant: %1").replace("%1", peek_participant_code(self.store, site_id))
        )
        self._participants = participants_of_site(self.store, site_id)
        self.existing.clear()
        for participant in self._participants:
            self.existing.addItem(participant.code, participant.id)
        has_existing = bool(self._participants)
        self.existing_participant.setEnabled(has_existing)
        self.existing.setEnabled(has_existing and self.existing_participant.isChecked())
        if not has_existing:
            self.new_participant.setChecked(True)
        self._participant_changed()

    def _participant_changed(self) -> None:
        existing = self.existing_participant.isChecked()
        self.existing.setEnabled(existing)
        self.contact_toggle.setEnabled(not existing)
        if existing:
            chosen = next((p for p in self._participants if p.id == self.existing.currentData()), None)
            if chosen is not None:
                self.profile.set_values(chosen.profile)
        self._age_changed()

    def _age_changed(self) -> None:
        age = self.profile.age_combo()
        self.consent.set_under_15(age is not None and age.currentData() == UNDER_15_VALUE)
        self._validate()

    def _validate(self) -> None:
        problem = self.consent.problem()
        if problem is None and not self.interviewer.text().strip():
            problem = self.tr("Type the interviewer's name.")
        self.start_button.setEnabled(problem is None)
        self.start_button.setToolTip(problem or "")
        self.reason.setText(problem or "")

    def _contact(self) -> ContactInput | None:
        values = [self.full_name.text(), self.phone.text(), self.email.text(), self.address.toPlainText()]
        values = [v.strip() for v in values]
        if not any(values):
            return None
        return ContactInput(*(v or None for v in values))

    def _start(self) -> None:
        if not self.start_button.isEnabled():
            return
        existing = self.existing_participant.isChecked()
        request = NewInterviewRequest(
            site_id=self.site.currentData(),
            interviewer_name=self.interviewer.text(),
            consent=self.consent.consent(),
            participant_id=self.existing.currentData() if existing else None,
            profile=self.profile.values(),
            contact=None if existing else self._contact(),
            place=self.place.text(),
        )
        try:
            self.interview_id = begin_interview(self.store, request)
        except ServiceError as exc:
            self.reason.setText(str(exc))
            return
        self.accept()
