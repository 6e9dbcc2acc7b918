"""The main window's actions, toolbar and menus, set up on the window as Qt Designer's setupUi does.

Made by MainWindow.start() once the window is on screen: until the store and a report are open
there is nothing they could act on, and the toolbar, menu bar and key sequences would hold up the
window's first frame.
"""

from __future__ import annotations

from gui.qt import Qt, QtGui, QtWidgets


def _action(w, text: str, slot, shortcut=None, tip: str = "") -> QtGui.QAction:
    a = QtGui.QAction(text, w)
    if shortcut is not None:
        a.setShortcut(QtGui.QKeySequence(shortcut))
    a.setToolTip(tip or text)
    a.triggered.connect(slot)
    w.addAction(a)
    return a


def _make_actions(w) -> None:
    K = QtGui.QKeySequence.StandardKey
    w.undo_group = QtGui.QUndoGroup(w)
    w.act_back = _action(w, "返回年度列表", w.back_to_list)
    w.act_save = _action(w, "保存", w.save, K.Save, "保存（Ctrl+S）；程序也会自动保存")
    w.act_preview = _action(w, "预览", w.preview)
    w.act_print = _action(w, "打印…", w.print_report, K.Print, "打印（Ctrl+P）")
    w.act_export_pdf = _action(w, "导出 PDF…", w.export_pdf, "Ctrl+E", "导出 PDF（Ctrl+E）")
    w.act_export_docx = _action(w, "导出 Word…", lambda: w.export("docx"),
                                tip="导出可编辑的 Word 文件，供审阅、修改和报批")
    w.act_export_html = _action(w, "导出网页…", lambda: w.export("html"),
                                tip="导出单个网页文件，可直接发布到网站")
    w.act_export_xlsx = _action(w, "导出 Excel…", lambda: w.export("xlsx"),
                                tip="导出表二至表四的 Excel 表格，数字可直接汇总")
    w.act_export_json = _action(w, "导出数据文件…", w.export_json)
    w.act_export_all = _action(w, "全部导出到文件夹…", w.export_all,
                               tip="把 PDF、Word、网页、Excel 和数据文件一次导出到一个文件夹")
    w.act_copy_html = _action(w, "复制网页内容", w.copy_html,
                              tip="复制报告正文（含带边框的表格），粘贴到网站的编辑器中")
    w.export_actions = (w.act_export_pdf, w.act_export_docx, w.act_export_html, w.act_export_xlsx,
                        w.act_export_json, None, w.act_export_all, w.act_copy_html)
    w.export_menu = QtWidgets.QMenu("导出", w)
    for a in w.export_actions:
        w.export_menu.addSeparator() if a is None else w.export_menu.addAction(a)
    w.export_button = QtWidgets.QToolButton(w)
    w.export_button.setText("导出")
    w.export_button.setToolTip("导出为 PDF、Word、网页、Excel 或数据文件，或复制网页内容")
    w.export_button.setMenu(w.export_menu)
    w.export_button.setPopupMode(QtWidgets.QToolButton.ToolButtonPopupMode.InstantPopup)
    w.act_final = _action(w, "定稿", w.mark_final, tip="检查无错误后定稿；定稿后只能查看")
    w.act_reopen = _action(w, "撤回为草稿", w.reopen, tip="撤回为草稿以便修改")
    # fixed short texts (the toolbar must not jump); what would be undone is in the tooltip
    w.act_undo = _action(w, "撤销", w.undo_group.undo, K.Undo)
    w.act_redo = _action(w, "重做", w.undo_group.redo, "Ctrl+Y")
    w.act_redo.setShortcuts([QtGui.QKeySequence("Ctrl+Y"), QtGui.QKeySequence(K.Redo)])
    for action, can, text, verb in ((w.act_undo, w.undo_group.canUndoChanged, w.undo_group.undoTextChanged, "撤销"),
                                    (w.act_redo, w.undo_group.canRedoChanged, w.undo_group.redoTextChanged, "重做")):
        action.setEnabled(False)
        can.connect(action.setEnabled)
        text.connect(lambda t, a=action, v=verb: a.setToolTip(f"{v}：{t}" if t else v))
    w.act_history = _action(w, "历史版本…", w.show_history, tip="查看本报告以前保存的各个版本，需要时恢复其中一个")
    # F1 itself is the wizard's shortcut (a second F1 here would make it ambiguous)
    w.act_help = _action(w, "帮助", w.show_help, tip="本页填写说明（F1）")


def setup(w) -> None:
    """The window's actions (``w.act_save`` …), its toolbar ``w.toolbar`` and its menus."""
    _make_actions(w)
    w.toolbar = QtWidgets.QToolBar("编辑")
    w.toolbar.setObjectName("editToolbar")
    w.toolbar.setMovable(False)
    w.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for a in (w.act_back, None, w.act_save, w.act_undo, w.act_redo, w.act_history, None,
              w.act_preview, w.act_print, "export", None, w.act_final, w.act_reopen, None, w.act_help):
        if a == "export":
            w.toolbar.addWidget(w.export_button)
        else:
            w.toolbar.addSeparator() if a is None else w.toolbar.addAction(a)
    w.addToolBar(w.toolbar)
    w.toolbar.setVisible(w.stack.currentWidget() is w.editor)

    menu = w.menuBar().addMenu("报告")
    for a in (w.act_back, w.act_save, w.act_preview, w.act_print):
        menu.addAction(a)
    menu.addMenu(w.export_menu)
    for a in (w.act_final, w.act_reopen):
        menu.addAction(a)
    edit = w.menuBar().addMenu("编辑")
    edit.addAction(w.act_undo)
    edit.addAction(w.act_redo)
    edit.addSeparator()
    edit.addAction(w.act_history)
    w.menuBar().addMenu("帮助").addAction(w.act_help)
