"""The dashboard with real widgets over a real seeded database: table, filters, sort, search, counts, banner."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt

from capnum_desktop.services.queries import SessionFilter, list_sessions, search_interviews
from capnum_desktop.storage.datastore import DataStore
from capnum_desktop.ui.dashboard.table_model import COLUMNS, ID_ROLE
from capnum_desktop.ui.startup import ensure_study


def shown_ids(window: object) -> list[str]:
    proxy = window.dashboard.proxy  # type: ignore[attr-defined]
    return [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]


def column_texts(window: object, key: str) -> list[str]:
    proxy = window.dashboard.proxy  # type: ignore[attr-defined]
    return [proxy.index(r, COLUMNS.index(key)).data() for r in range(proxy.rowCount())]


def test_first_run_loads_the_embedded_study_and_invites_to_start(store: DataStore, make_window: object) -> None:
    assert ensure_study(store) is True
    assert ensure_study(store) is False  # only once
    window = make_window(store)  # type: ignore[operator]
    assert "Capital numérique" in window.windowTitle()
    page = window.dashboard
    assert page.body.currentWidget() is page.empty
    assert page.empty.start.text() == "Start the first interview"
    assert page.banner.isHidden()
    assert not window.resume_action.isEnabled() and window.new_action.isEnabled()
    # The four sites are offered at once, before any interview exists.
    assert [page.filters.site.itemData(i) for i in range(page.filters.site.count())] == [
        None,
        "BAG",
        "BES",
        "BOB",
        "SLM",
    ]


def test_table_lists_the_seeded_interviews_with_their_figures(seeded_store: DataStore, make_window: object) -> None:
    window = make_window(seeded_store)  # type: ignore[operator]
    rows = list_sessions(seeded_store)
    assert window.dashboard.body.currentWidget() is window.dashboard.table
    assert sorted(shown_ids(window)) == sorted(r.id for r in rows)
    by_id = {r.id: r for r in rows}
    proxy = window.dashboard.proxy
    for r in range(proxy.rowCount()):
        row = by_id[proxy.index(r, 0).data(ID_ROLE)]
        assert proxy.index(r, COLUMNS.index("participant")).data() == row.participant
        assert proxy.index(r, COLUMNS.index("answers")).data() == str(row.answers)
        assert proxy.index(r, COLUMNS.index("status")).data() in {"In progress", "Completed", "Abandoned"}
        assert (proxy.index(r, COLUMNS.index("duration")).data() == "") == (row.ended_at is None)
    assert window.dashboard.shown_label.text() == f"{len(rows)} of {len(rows)} interviews shown"


def test_filters_by_site_interviewer_and_status_match_the_service(seeded_store: DataStore, make_window: object) -> None:
    window = make_window(seeded_store)  # type: ignore[operator]
    filters = window.dashboard.filters
    filters.select(site="BOB")
    expected = {r.id for r in list_sessions(seeded_store, SessionFilter(site_code="BOB"))}
    assert expected and set(shown_ids(window)) == expected
    filters.select(site="")  # back to all sites (no such code)
    name = "Awa Diallo"
    filters.interviewer.setCurrentIndex(filters.interviewer.findData(name))
    filters.select(status="completed")
    expected = {r.id for r in list_sessions(seeded_store, SessionFilter(interviewer=name, status="completed"))}
    assert set(shown_ids(window)) == expected
    assert set(column_texts(window, "interviewer")) <= {name}
    filters.select(status="abandoned")
    filters.select(site="SLM")
    if not list_sessions(seeded_store, SessionFilter(site_code="SLM", interviewer=name, status="abandoned")):
        assert window.dashboard.body.currentWidget() is window.dashboard.no_match
        window.dashboard.no_match.clear.click()
    else:
        filters.clear()
    assert len(shown_ids(window)) == len(list_sessions(seeded_store))


def test_sorting_by_clicking_a_header(seeded_store: DataStore, make_window: object, qtbot: object) -> None:
    window = make_window(seeded_store)  # type: ignore[operator]
    table = window.dashboard.table
    started = [r.started_at for r in window.dashboard.model.rows]
    assert started == sorted(started, reverse=True)  # default: most recent first
    table.sortByColumn(COLUMNS.index("participant"), Qt.SortOrder.AscendingOrder)
    codes = column_texts(window, "participant")
    assert codes == sorted(codes)
    table.sortByColumn(COLUMNS.index("answers"), Qt.SortOrder.DescendingOrder)
    answers = [int(a) for a in column_texts(window, "answers")]
    assert answers == sorted(answers, reverse=True) and answers[0] > answers[-1]
    # The selection follows its interview through a re-sort.
    window.dashboard.select_interview(shown_ids(window)[3])
    chosen = window.selected_interview_id()
    table.sortByColumn(COLUMNS.index("participant"), Qt.SortOrder.DescendingOrder)
    assert window.selected_interview_id() == chosen


def test_search_shows_matching_interviews_only_with_snippet_tooltips(
    seeded_store: DataStore, make_window: object, qtbot: object
) -> None:
    window = make_window(seeded_store)  # type: ignore[operator]
    hits = search_interviews(seeded_store, "recharge")
    expected = {h[0] for h in hits}
    assert 0 < len(expected) < len(list_sessions(seeded_store))
    search = window.dashboard.filters.search
    search.setText("recharge")  # non-ASCII: setText, not keyClicks (PLATFORM.md)
    qtbot.waitUntil(lambda: set(shown_ids(window)) == expected, timeout=3000)  # type: ignore[attr-defined]
    tooltip = window.dashboard.proxy.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>" in tooltip and "recharge" in tooltip.lower()
    search.setText("zzzqqq")
    qtbot.waitUntil(lambda: window.dashboard.body.currentWidget() is window.dashboard.no_match)  # type: ignore[attr-defined]
    search.clear()
    qtbot.waitUntil(lambda: len(shown_ids(window)) == len(list_sessions(seeded_store)))  # type: ignore[attr-defined]


def test_counts_per_site_and_status_and_clicking_one_filters(seeded_store: DataStore, make_window: object) -> None:
    window = make_window(seeded_store)  # type: ignore[operator]
    rows = list_sessions(seeded_store)
    counts = window.dashboard.counts
    for site, n in Counter(r.site for r in rows).items():
        assert f">{site}</a>\u00a0{n}" in counts.by_site.text()
    for label, status in (("Completed", "completed"), ("In progress", "in_progress")):
        n = sum(r.status == status for r in rows)
        assert f">{label}</a>\u00a0{n}" in counts.by_status.text()
    counts.by_site.linkActivated.emit("site:BES")
    assert set(column_texts(window, "site")) == {"BES"}


def test_banner_offers_unfinished_interviews_without_blocking(seeded_store: DataStore, make_window: object) -> None:
    unfinished = [r.id for r in list_sessions(seeded_store, SessionFilter(status="in_progress"))]
    assert len(unfinished) >= 2, "the seed should leave several interviews in progress"
    window = make_window(seeded_store)  # type: ignore[operator]
    banner = window.dashboard.banner
    assert not banner.isHidden()
    assert banner.message.text() == f"{len(unfinished)} interviews were not finished."
    banner.resume.click()  # several: the table shows just them
    assert set(shown_ids(window)) == set(unfinished)
    banner.dismiss.click()
    assert banner.isHidden()
    window.refresh()
    assert banner.isHidden()  # stays dismissed


def test_resume_and_review_follow_the_selected_status(
    seeded_store: DataStore, make_window: object, qtbot: object
) -> None:
    window = make_window(seeded_store)  # type: ignore[operator]
    page = window.dashboard
    page.open_requested.disconnect(window.open_interview)  # only the page's requests are checked here
    window.show()
    qtbot.waitExposed(window)  # type: ignore[attr-defined]
    by_status = {r.status: r.id for r in page.model.rows}
    page.select_interview(by_status["in_progress"])
    assert page.resume_button.isEnabled() and not page.review_button.isEnabled()
    assert window.resume_action.isEnabled() and not window.review_action.isEnabled()
    with qtbot.waitSignal(page.open_requested) as opened:  # type: ignore[attr-defined]
        page.resume_button.click()
    assert opened.args == [by_status["in_progress"], False]
    page.select_interview(by_status["completed"])
    assert page.review_button.isEnabled() and not page.resume_button.isEnabled()
    index = page.table.currentIndex()
    rect = page.table.visualRect(index)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[attr-defined]
    with qtbot.waitSignal(page.open_requested) as opened:  # type: ignore[attr-defined]
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[attr-defined]
    assert opened.args == [by_status["completed"], True]
