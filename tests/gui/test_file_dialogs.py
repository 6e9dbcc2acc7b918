"""File choosers: Chinese throughout, starting in the folder last used (else Documents), and
proposing the conventional file name."""

from __future__ import annotations

import re

import pytest

from gui import ask
from gui.app import make_app
from gui.qt import Qt, QtWidgets

PDF_NAME = "威海市文登区信访局2022年政府信息公开工作年度报告.pdf"


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A home folder of the test's own (Qt reads $HOME and the XDG folders when asked)."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    return folder


def english(text: str) -> bool:
    """A word of English (mnemonics such as “(&L)” and file patterns aside)."""
    return bool(re.search(r"[A-Za-z]{2,}", re.sub(r"\(&\w\)|\(\*\.\w+\)|PDF", "", text)))


def test_qts_own_file_chooser_reads_chinese(qtbot, tmp_path):
    make_app()
    (tmp_path / "报告").mkdir()
    dialog = ask.file_dialog(None, "导出 PDF", str(tmp_path / PDF_NAME), "PDF 文件 (*.pdf)", save=True)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = [w.text() for w in dialog.findChildren(QtWidgets.QLabel) + dialog.findChildren(QtWidgets.QPushButton)
             if w.isVisible() and w.text()]
    assert shown and not [t for t in shown if english(t)], shown
    view = dialog.findChild(QtWidgets.QTreeView, "treeView")
    model = view.model()

    def folder_row():
        root = view.rootIndex()
        rows = [model.index(r, 0, root) for r in range(model.rowCount(root))]
        return next((i for i in rows if i.data() == "报告"), None)

    qtbot.waitUntil(lambda: folder_row() is not None)
    kind = folder_row().siblingAtColumn(2).data()
    assert kind == "文件夹"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert not [h for h in headers if english(h)], headers
    assert dialog.findChild(QtWidgets.QLineEdit, "fileNameEdit").text() == PDF_NAME


def seeded_window(make_window, seeded):
    seeded()
    return make_window()


def click(qtbot, w, action) -> None:
    """The toolbar's button for ``action``, or (for the 导出 menu's entries) the entry itself."""
    button = w.toolbar.widgetForAction(action)
    if button is None:
        assert action in w.export_menu.actions()
        action.trigger()
    else:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_export_proposes_the_conventional_name_in_documents_then_the_last_folder(
        qtbot, clerk, make_window, seeded, home, tmp_path):
    (home / "Documents").mkdir()
    elsewhere = tmp_path / "U盘"
    elsewhere.mkdir()
    clerk.answers["save_file"] = lambda proposed: str(elsewhere / "年报.pdf")
    w = seeded_window(make_window, seeded)
    click(qtbot, w, w.act_export_pdf)
    assert clerk.of("save_file")[-1][2] == str(home / "Documents" / PDF_NAME)
    qtbot.waitUntil(lambda: (elsewhere / "年报.pdf").is_file() and not w.exporter.jobs, timeout=30000)

    clerk.answers["save_file"] = None  # the clerk cancels the second one
    click(qtbot, w, w.act_export_json)
    assert clerk.of("save_file")[-1][2] == str(elsewhere / PDF_NAME.replace(".pdf", ".json"))

    w.back_to_list()
    qtbot.mouseClick(w.years.buttons["import"], Qt.MouseButton.LeftButton)
    assert clerk.of("open_file")[-1][2] == str(elsewhere)


def test_a_missing_documents_folder_or_last_folder_is_never_proposed(
        qtbot, clerk, make_window, seeded, home, tmp_path):
    from gui import settings

    settings.set_last_folder(str(tmp_path / "拔掉的U盘"))  # gone since
    w = seeded_window(make_window, seeded)
    click(qtbot, w, w.act_export_pdf)
    assert clerk.of("save_file")[-1][2] == str(home / PDF_NAME)  # no Documents here: the home folder
