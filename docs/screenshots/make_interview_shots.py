"""Screenshots of the interview screens, in French and English, at the 1366x768 field laptop size.

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb uv run python docs/screenshots/make_interview_shots.py fr en

Writes docs/screenshots/{consent,interview,finish,review}-{fr,en}.png from a throw-away demo data folder.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QWidget

from capnum_desktop.domain.status import NoteFlag
from capnum_desktop.services import answers as svc
from capnum_desktop.services.interview_session import NewInterviewRequest, begin_interview
from capnum_desktop.services.interviews import ConsentInput, set_position
from capnum_desktop.services.settings import INTERVIEWER_NAME, UI_LANGUAGE, set_setting
from capnum_desktop.services.studies import load_embedded_study
from capnum_desktop.storage.datastore import DataStore, open_data_store
from capnum_desktop.ui.i18n import apply_language
from capnum_desktop.ui.interview.new_interview import NewInterviewDialog
from capnum_desktop.ui.interview.page import InterviewPage

OUT = Path(__file__).resolve().parent
SIZE = (1366, 720)  # the screen minus the shell's menu and status bars


def shoot(app: QApplication, widget: QWidget, name: str) -> None:
    widget.show()
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(OUT / name), "PNG")
    print(OUT / name)


def fill_interview(store: DataStore, interview_id: str) -> None:
    answers = {
        "parcours_premier_souvenir": "Le téléphone de mon oncle, au bled ; j’avais 12 ans.",
        "parcours_aisance": 3,
        "equipement_appareils": ["smartphone", "tablet"],
        "equipement_smartphone_etat": "Écran fissuré, acheté d’occasion sur Leboncoin.",
        "connexion_manque_donnees": True,
    }
    for question_id, value in answers.items():
        svc.save_answer(
            store,
            interview_id,
            question_id,
            svc.AnswerInput(value=value, prompts_used=(0,) if isinstance(value, str) else ()),
        )
    svc.save_answer(store, interview_id, "equipement_nb_appareils", svc.AnswerInput(status=svc.AnswerStatus.SKIPPED))
    svc.add_note(
        store,
        interview_id,
        "« Sans le téléphone, je n’existe plus »",
        question_id="parcours_premier_souvenir",
        flags=[NoteFlag.QUOTE],
        audio_offset_ms=95_000,
    )
    svc.add_note(store, interview_id, "Rappeler pour l’atelier du jeudi", flags=[NoteFlag.FOLLOW_UP])
    svc.add_note(
        store, interview_id, "Sa fille l’aide pour la CAF", question_id="equipement_partage", flags=[NoteFlag.IMPORTANT]
    )
    set_position(store, interview_id, "connexion_manque_recit")


def main(languages: list[str]) -> None:
    app = QApplication(sys.argv[:1])
    for lang in languages:
        store = open_data_store(Path(tempfile.mkdtemp()) / "data")
        load_embedded_study(store)
        set_setting(store, UI_LANGUAGE, lang)
        set_setting(store, INTERVIEWER_NAME, "Awa Diallo")
        apply_language(lang)

        dialog = NewInterviewDialog(store)
        dialog.resize(1260, 700)
        age = dialog.profile.age_combo()
        assert age is not None
        age.setCurrentIndex(age.findData("40-59"))
        dialog.profile.fields["children_at_home"].combo.setCurrentIndex(1)  # type: ignore[attr-defined]
        dialog.consent.participation.setChecked(True)
        dialog.consent.audio.setChecked(True)
        shoot(app, dialog, f"consent-{lang}.png")
        dialog.close()

        consent = ConsentInput(participation=True, audio_recording=True, quotation=True, recontact=False)
        site = dialog.context.sites[0].id
        profile = {"age_range": "40-59", "children_at_home": True, "occupation": "job_seeker"}
        interview_id = begin_interview(store, NewInterviewRequest(site, "Awa Diallo", consent, profile=profile))
        fill_interview(store, interview_id)
        page = InterviewPage(store, None, interview_id)
        page.resize(*SIZE)
        page.show()
        page.notes.field.setPlainText("Elle va à la médiathèque pour le Wi-Fi")
        page.views[page.current_id or ""].editor.text.setPlainText(  # type: ignore[attr-defined]
            "Je vais à la médiathèque, ou je demande le partage à ma voisine."
        )
        shoot(app, page, f"interview-{lang}.png")
        page.show_finish()
        page.finish_view.memo.setPlainText("Entretien au centre social, dans le calme ; très à l’aise à l’oral.")
        shoot(app, page, f"finish-{lang}.png")
        page.finish()
        page.close()

        set_setting(store, INTERVIEWER_NAME, "Coordination Bagnolet")
        review = InterviewPage(store, None, interview_id, review=True)
        review.resize(*SIZE)
        review.actor = "Coordination Bagnolet"
        review.edit_button.setChecked(True)
        review.go_to("demarches_derniere_date")
        review.views["demarches_derniere_date"].editor.date.setDate(QDate(2026, 2, 3))  # type: ignore[attr-defined]
        review.go_to("parcours_aisance")
        review.flush()
        shoot(app, review, f"review-{lang}.png")
        review.close()
        store.close()


if __name__ == "__main__":
    main(sys.argv[1:] or ["fr", "en"])
